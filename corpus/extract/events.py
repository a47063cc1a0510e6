"""Events: a trigger lexicon per PLOVER type, actors and place from the sentence, date from the
sentence or the article.

A trigger is a folded word stem (with clitics and agreement suffixes allowed) or a short phrase.
actor1 is the first actor after a verbal trigger (Arabic is verb-first) or the nearest actor
before a nominal one; actor2 the next different actor. One event per (sentence, type).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from corpus.normalize import fold

# type → trigger phrases (verbs and their nouns). A phrase matches when its words occur in
# order in the sentence, each word as a prefix-insensitive stem (و/ف/ب/ل/ال clitics allowed).
TRIGGERS: dict[str, list[str]] = {
    "SANCTION": ["استدعاء سفير", "استدعت سفير", "استدعى سفير", "استدعاء السفير", "سحب سفير", "سحب السفير",
                 "سحبت سفير", "استدعاء البلدين لسفير", "باستدعاء سفير", "قطع العلاقات", "طرد السفير",
                 "فرض عقوبات", "عقوبات على", "إغلاق المجال الجوي", "غلق المجال الجوي", "أغلقت المجال الجوي",
                 "تعليق العضوية", "استدعت السفير", "استدعت سفيرها", "سحب سفيريهما", "سحب سفيرها",
                 "استدعاء سفيريهما", "باستدعاء سفيريهما", "استدعاء سفيرها"],
    "DISAPPROVE": ["أدان", "أدانت", "تدين", "يدين", "إدانة", "ندد", "نددت", "تندد", "يندد", "تنديد", "منددا",
                   "اتهم", "اتهمت", "تتهم", "يتهم", "تتهمان", "اتهام", "اتهامات", "انتقد", "انتقدت", "انتقاد",
                   "احتج", "احتجت", "احتجاج", "احتجاجا", "استنكر", "استنكرت", "استنكار", "لامت", "لام",
                   "تذمر", "استياء", "أغضبت", "غضب"],
    "REJECT": ["رفض", "رفضت", "ترفض", "يرفض", "رافضا", "انسحاب من", "انسحابها من", "انسحبت من",
               "إنهاء الاتفاق", "الإنهاء الفوري", "إنهاء العمل", "تعليق الوساطة", "نقض"],
    "AID": ["مساعدات عسكرية", "مساعدات", "معدات عسكرية", "إرسال مساعدات", "أرسلت مساعدات", "شحنة أسلحة",
            "دفعة من مساعدات"],
    "AGREE": ["وقع اتفاق", "توقيع اتفاق", "وقعت على", "وقعت اتفاق", "اتفاق سلام", "اتفاق الهدنة",
              "اتفقت", "اتفق"],
    "CONSULT": ["زيارة", "زار", "استقبل", "استقبلت", "محادثات", "مباحثات", "مشاورات", "اتصال هاتفي",
                "وساطة", "وساطتها", "الوسيط", "بوساطة", "اجتماع", "لقاء", "التقى", "ندوة"],
    "COOPERATE": ["تعاون عسكري", "التعاون العسكري", "تعزيز التعاون", "التنسيق الأمني", "شراكة"],
    "CONCEDE": ["إطلاق سراح", "الإفراج عن", "أفرج", "أفرجت", "أطلق سراح", "أطلقت سراح", "إفراج"],
    "ASSAULT": ["إسقاط طائرة مسيرة", "إسقاط مسيرة", "أسقطت", "إسقاط", "هجوم", "هاجم", "قصف", "غارة",
                "مقتل", "قتل", "استهدف", "استهدفت", "تفجير",
                "اغتيال", "اختطاف", "خطف", "احتجاز رهائن"],
    "COERCE": ["أطاح", "الإطاحة", "انقلاب", "انقلابا", "اعتقال", "اعتقلت", "طرد", "طردت", "ترحيل",
               "حظر", "تجميد", "فرض حظر"],
    "FIGHT": ["اشتباكات", "اشتباك", "معارك", "قتال", "الأعمال العدائية", "عمليات عسكرية"],
    "THREATEN": ["هدد", "هددت", "تهديد", "توعد"],
    "DEMAND": ["دعا إلى", "دعت إلى", "تدعو", "يدعو", "طالب", "طالبت", "تطالب"],
    "SUPPORT": ["دعم", "تدعم", "يدعم", "أيد", "أيدت", "تأييد", "الداعم"],
    "RETREAT": ["انسحاب القوات", "انسحبت القوات", "مغادرة", "انتهاء"],
    "MOBILIZE": ["تعزيزات", "حشد", "نشر قوات"],
    "INVESTIGATE": ["تحقيق", "التحقيق"],
}
RESUMPTIVE_RE = re.compile(r"\s+(?:فيه|فيها|عبره|عبرها|خلاله|خلالها)(?![^\W_])")
MAX_GAP = 3  # words allowed between the words of a trigger phrase
WINDOW_BEFORE = 90  # characters: about 12 words
WINDOW_AFTER = 110
PRIORITY = ["SANCTION", "CONCEDE", "COERCE", "ASSAULT", "AID", "REJECT", "DISAPPROVE", "FIGHT", "THREATEN", "AGREE",
            "DEMAND", "CONSULT", "COOPERATE", "SUPPORT", "RETREAT", "MOBILIZE", "INVESTIGATE"]


def _is_verbal(word: str) -> bool:
    w = fold(word)
    w = w[1:] if w[:1] in "وف" else w
    return not w.startswith("ال") and not w.endswith(("ه", "ات")) and (w.startswith(("ي", "ت")) or w.endswith("ت") or len(w) <= 4)


def find_events(doc, actors: list[dict], places: list[dict], dates: list[dict],
                country_of: dict[str, str] | None = None, state_of=None) -> list[dict]:
    """Pipeline step: PLOVER events with evidence spans (the sentence).

    `country_of` maps a country/capital place id to its state (to read "من مالي" as actor2);
    `state_of(actor_id)` gives an actor's state (a minister's, a body's), so that actor2 is on
    the other side."""
    country_of = country_of or {}

    def side(actor_id):
        return (state_of(actor_id) if state_of else None) or _root(actor_id)

    out = []
    pub = doc.published
    # every trigger hit in the document, by type: the first word through an index, the next
    # words checked on the following tokens (up to MAX_GAP words between)
    toks = doc.tokens
    hits: dict[str, list[tuple[int, int, bool]]] = {t: [] for t in PRIORITY}
    for i, tok in enumerate(toks):
        firsts = _bases(tok.text) & _FIRSTS
        for base in firsts:
            for etype, words, verbal in _INDEX[base]:
                j, ok = i, True
                for w in words[1:]:
                    # the next word of the phrase within MAX_GAP tokens (استدعت وزارة
                    # الخارجية الجزائرية سفير مالي)
                    step = next((d for d in range(1, MAX_GAP + 2)
                                 if j + d < len(toks) and w in _bases(toks[j + d].text)), None)
                    if step is None:
                        ok = False
                        break
                    j += step
                if ok:
                    a, b = doc.span(tok.start, toks[j].end)
                    hits[etype].append((a, b, verbal))
    actors = sorted((a for a in actors if a["actor_id"] and not a["actor_id"].startswith("@")),
                    key=lambda a: a["start"])
    actor_starts = [a["start"] for a in actors]
    any_hits = sorted(a for hs in hits.values() for a, _b, _v in hs)
    prev_start = 0
    for si, (ss, se) in enumerate(doc.sentences):
        prev_start = doc.sentences[si - 1][0] if si else ss
        k = bisect.bisect_left(any_hits, ss)
        if k >= len(any_hits) or any_hits[k] >= se:
            continue  # no trigger in this sentence
        sent_actors = actors[bisect.bisect_left(actor_starts, ss):bisect.bisect_left(actor_starts, se)]
        if not sent_actors:
            continue
        seen_types = []
        for etype in PRIORITY:
            trig = next(((a, b, v) for a, b, v in hits[etype] if ss <= a < se), None)
            if trig is None:
                continue
            t_start, t_end, verbal = trig
            # the clause around the trigger: long sentences chain several events
            after = [a for a in sent_actors if t_start <= a["start"] <= t_end + WINDOW_AFTER]
            before = [a for a in sent_actors if t_start - WINDOW_BEFORE <= a["start"] < t_start]
            if not after and not before:
                continue
            adjacent = before and _adjacent(doc.text, before[-1]["end"], t_start)
            resumptive = before and RESUMPTIVE_RE.match(doc.text, t_end)
            if resumptive:  # أصدرت الوزارة بيانا اتهمت فيه الجزائر: the issuer acts
                a1 = before[-1]
                rest = after + before[-2::-1]
            elif adjacent:  # SVO: موريتانيا والجزائر تتهمان مالي
                a1 = _first_coordinated(doc.text, before)
                rest = after + before[::-1]
            elif verbal and after:  # VSO: أدانت الجزائر …
                a1 = after[0]
                rest = after[1:] + before[::-1]
            elif before:  # a noun: قرار الجزائر وموريتانيا سحب سفيريهما
                a1 = _first_coordinated(doc.text, before)
                rest = after + before[::-1]
            else:
                a1 = after[0]
                rest = after[1:]
            s1 = side(a1["actor_id"])
            a2 = next((a for a in rest if side(a["actor_id"]) != s1 and a is not a1), None)
            sent_places = [p for p in places if ss <= p["start"] < se and p["place_id"]]
            place = min(sent_places, key=lambda p: abs(p["start"] - t_start))["place_id"] if sent_places else None
            a2_id = a2["actor_id"] if a2 else None
            if a2_id is None:
                # a country named as a place after the trigger (سحب سفيريهما من مالي)
                for p in sent_places:
                    if p["start"] >= t_start and p["place_id"] in country_of and country_of[p["place_id"]] != s1:
                        a2_id = country_of[p["place_id"]]
                        break
            # the date: written before the trigger in the sentence, else just after it, else the
            # last date of the previous sentence (the story's current date), else the year
            sent_dates = [d for d in dates if ss <= d["start"] < se and d["value"]]
            before_d = [d for d in sent_dates if d["start"] < t_start]
            after_d = [d for d in sent_dates if t_start <= d["start"] <= t_end + 40]
            prev_d = [d for d in dates if d["value"] and prev_start <= d["start"] < ss]
            pick = (before_d[-1:] or after_d[:1] or prev_d[-1:])
            if pick:
                date, prec = pick[0]["value"], pick[0]["precision"]
            elif pub:
                # not written in the sentence: the publication year (the event is reported then)
                date, prec = pub[:4], "year"
            else:
                date, prec = None, "unknown"
            seen_types.append(etype)
            out.append({"type": etype, "actor1": a1["actor_id"], "actor2": a2_id,
                        "place_id": place, "date": date, "date_precision": prec,
                        "evidence": {"start": ss, "end": se}})
            if len(seen_types) >= 2:
                break
    return out


def _adjacent(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return not re.search(r"[.،,؛:!?؟]", gap) and len(gap.split()) <= 1


def _first_coordinated(text: str, before: list[dict]) -> dict:
    """The first of "X وY" coordinated actors ending right before the trigger."""
    k = len(before) - 1
    while k > 0:
        gap = text[before[k - 1]["end"]:before[k]["start"]]
        if gap.strip() in ("و", "") or re.fullmatch(r"\s*(و|،\s*و?)\s*", gap):
            k -= 1
        else:
            break
    return before[k]


def _root(actor_id: str | None) -> str | None:
    if not actor_id:
        return None
    return actor_id.split("-")[0] if actor_id[:3].isupper() else actor_id




_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول", "فب", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("يهما", "يها", "هما", "هم", "ها", "ه", "ت", "ا", "ان", "ين", "ون", "وا")


@lru_cache(maxsize=65536)
def _bases(word: str) -> frozenset:
    """Readings of a folded word with clitics and agreement suffixes removed."""
    stems = {word}
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            stems.add(word[len(p):])
    out = set(stems)
    for st in stems:
        for suf in _SUFFIXES:
            if st.endswith(suf) and len(st) - len(suf) >= 2:
                out.add(st[: -len(suf)])
    return frozenset(out)


def _phrase_words(phrase: str) -> list[str]:
    words = []
    for w in fold(phrase).split():
        w = w[2:] if w.startswith("ال") and len(w) > 4 else w
        words.append(w)
    return words


_INDEX: dict[str, list[tuple[str, list[str], bool]]] = {}
for _etype, _phrases in TRIGGERS.items():
    for _p in _phrases:
        _words = _phrase_words(_p)
        _verbal = _is_verbal(_p.split()[0]) and " " not in _p
        _INDEX.setdefault(_words[0], []).append((_etype, _words, _verbal))
_FIRSTS = frozenset(_INDEX)
