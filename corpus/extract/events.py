"""Events: a trigger lexicon per PLOVER type, actors and place from the sentence, date from the
sentence or the article.

A trigger is a folded word stem (with clitics and agreement suffixes allowed) or a short phrase.
actor1 is the first actor after a verbal trigger (Arabic is verb-first) or the nearest actor
before a nominal one; actor2 the next different actor. One event per (sentence, type).
"""

from __future__ import annotations

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
                "اغتيال", "اختطاف", "خطف", "احتجاز رهائن"],
    "FIGHT": ["اشتباكات", "اشتباك", "معارك", "قتال", "الأعمال العدائية", "عمليات عسكرية"],
    "THREATEN": ["هدد", "هددت", "تهديد", "توعد"],
    "DEMAND": ["دعا إلى", "دعت إلى", "تدعو", "يدعو", "طالب", "طالبت", "تطالب"],
    "SUPPORT": ["دعم", "تدعم", "يدعم", "أيد", "أيدت", "تأييد", "الداعم"],
    "RETREAT": ["انسحاب القوات", "انسحبت القوات", "مغادرة", "انتهاء"],
    "MOBILIZE": ["تعزيزات", "حشد", "نشر قوات"],
    "INVESTIGATE": ["تحقيق", "التحقيق"],
}
PRIORITY = ["SANCTION", "CONCEDE", "ASSAULT", "AID", "REJECT", "DISAPPROVE", "FIGHT", "THREATEN", "AGREE",
            "DEMAND", "CONSULT", "COOPERATE", "SUPPORT", "RETREAT", "MOBILIZE", "INVESTIGATE"]
NOUN_TRIGGER_PREFIXES = ("ا", "إ", "ت", "م")
_CLITIC_RE = r"(?:[وفبلك]|وب|ول|فب|لل|وال|بال|فال|كال|ال)?"


def _compile(phrase: str) -> re.Pattern:
    words = fold(phrase).split()
    parts = []
    for w in words:
        base = w[2:] if w.startswith("ال") else w
        parts.append(rf"(?<![^\W_]){_CLITIC_RE}{re.escape(base)}(?:ه|ها|هم|هما|ت|ا|ان|ين|ون|وا|يها|يهما)?(?![^\W_])")
    return re.compile(r"\s+(?:\S+\s+)?".join(parts))


def _combined(phrases: list[str]) -> tuple[re.Pattern, set]:
    parts, verbal = [], set()
    for n, p in enumerate(phrases):
        name = f"t{n}"
        parts.append(f"(?P<{name}>{_compile(p).pattern})")
        if _is_verbal(p.split()[0]) and " " not in p:
            verbal.add(name)
    return re.compile("|".join(parts)), verbal
_VERB_LIKE = re.compile(r"^(?:[وف])?(?:[يت][^\W_]{2,}|[^\W_]{3,}(?:ت|وا))$")


def _is_verbal(word: str) -> bool:  # noqa: D401
    w = fold(word)
    w = w[1:] if w[:1] in "وف" else w
    return not w.startswith("ال") and not w.endswith(("ه", "ات")) and (w.startswith(("ي", "ت")) or w.endswith("ت") or len(w) <= 4)


def find_events(doc, actors: list[dict], places: list[dict], dates: list[dict]) -> list[dict]:
    """Pipeline step: PLOVER events with evidence spans (sentence or clause)."""
    out = []
    pub = doc.published
    folded = doc.folded
    offsets = doc.norm.offsets
    # every trigger hit in the document, by type: the first word through an index, the next
    # words checked on the following tokens (one intervening word allowed)
    del folded, offsets
    toks = doc.tokens
    hits: dict[str, list[tuple[int, int, bool]]] = {t: [] for t in PRIORITY}
    for i, tok in enumerate(toks):
        for base in _bases(tok.text):
            for etype, words, verbal in _INDEX.get(base, ()):
                j, ok = i, True
                for w in words[1:]:
                    if j + 1 < len(toks) and w in _bases(toks[j + 1].text):
                        j += 1
                    elif j + 2 < len(toks) and w in _bases(toks[j + 2].text):
                        j += 2
                    else:
                        ok = False
                        break
                if ok:
                    a, b = doc.span(tok.start, toks[j].end)
                    hits[etype].append((a, b, verbal))
    actors = [a for a in actors if a["actor_id"] and not a["actor_id"].startswith("@")]
    for ss, se in doc.sentences:
        sent_actors = [a for a in actors if ss <= a["start"] < se]
        if not sent_actors:
            continue
        seen_types = []
        for etype in PRIORITY:
            trig = next(((a, b, v) for a, b, v in hits[etype] if ss <= a < se), None)
            if trig is None:
                continue
            t_start, t_end, verbal = trig
            after = [a for a in sent_actors if a["start"] >= t_start]
            before = [a for a in sent_actors if a["start"] < t_start]
            if verbal and after:
                a1 = after[0]
                rest = after[1:] + before[::-1]
            elif before:
                a1 = before[-1]
                rest = after + before[-2::-1]
            else:
                a1 = after[0]
                rest = after[1:]
            s1 = _root(a1["actor_id"])
            a2 = next((a for a in rest if _root(a["actor_id"]) != s1), None)
            sent_places = [p for p in places if ss <= p["start"] < se and p["place_id"]]
            place = min(sent_places, key=lambda p: abs(p["start"] - t_start))["place_id"] if sent_places else None
            sent_dates = [d for d in dates if ss <= d["start"] < se and d["value"]]
            if sent_dates:
                date, prec = sent_dates[0]["value"], sent_dates[0]["precision"]
            elif pub:
                date = pub[:10]
                prec = {10: "day", 7: "month", 4: "year"}.get(len(date), "unknown")
            else:
                date, prec = None, "unknown"
            seen_types.append(etype)
            out.append({"type": etype, "actor1": a1["actor_id"], "actor2": a2["actor_id"] if a2 else None,
                        "place_id": place, "date": date, "date_precision": prec,
                        "evidence": {"start": ss, "end": se}})
            if len(seen_types) >= 2:
                break
    return out


def _root(actor_id: str | None) -> str | None:
    if not actor_id:
        return None
    return actor_id.split("-")[0] if actor_id[:3].isupper() else actor_id


def _orig_pos(original: str, folded_pos: int) -> int:
    count = 0
    for i, ch in enumerate(original):
        if count >= folded_pos:
            return i
        if fold(ch):
            count += 1
    return len(original)


_COMBINED = {t: _combined(phrases) for t, phrases in TRIGGERS.items()}


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
