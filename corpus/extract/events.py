"""Events: a trigger lexicon per PLOVER type, the agent and target read from the trigger's
clause, a date from the clause or the article.

Triggers are written as phrases whose words are alternatives ("أدان|يدين|تدين"); each word is
matched on its folded base (proclitics و ف ب ل ال and agreement/pronoun suffixes removed), with
up to MAX_GAP other words between the words of a phrase. Every trigger carries its part of
speech, which decides where the agent is:

- `v` a finite verb: SVO (the actor(s) just before it, in its clause: "موريتانيا والجزائر تتهمان")
  else VSO (the first actor right after it, no preposition between: "أدانت الجزائر") else the
  subject of the clause before it (an actor not governed by a preposition), else the story's
  current agent (a pronoun subject);
- `n` a verbal noun: its genitive ("احتجاج الجزائر على…", "إطلاق تنظيم القاعدة رهينة") or a
  "من (قبل|جانب)" phrase after it ("إدانة شديدة من وزارة…") — for acts done *to* someone
  (ASSAULT, COERCE, CRIME) the genitive is the target — else the actor(s) just before it
  ("قرار الجزائر وموريتانيا سحب"), else the clause subject before it;
- `p` a circumstantial participle (منددا، داعين، رافضا): the sentence's agent;
- `r` a verb of receiving (استلمت، تلقت): the giver (after من/من قبل) is the agent, the
  receiver (its subject) the target.

The target is the first actor after the trigger (and after a VSO agent) on another side, not
inside a "في …" venue phrase; "بين X وY" gives both; "البلدين/الجارتين/الطرفين" are the two
states named last; a country or capital named as a place after the trigger is its state.
Coordinated agents or targets ("الجزائر ونواقشوط", "أسبان وايطاليين") give one event each.
Date: a date written just after the trigger (before any other trigger), else the last date of
the sentence before it, else the publication date with its precision.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from corpus.normalize import fold

# type → {part of speech: phrases}. "|" separates alternative forms of one word.
TRIGGERS: dict[str, dict[str, list[str]]] = {
    "SANCTION": {
        "v": ["استدعى|استدعت|يستدعي|تستدعي|سحب|سحبت|يسحب|تسحب|طرد|طردت|يطرد|تطرد سفير|سفراء|القائم",
              "قطع|قطعت|يقطع|تقطع علاقات", "فرض|فرضت|يفرض|تفرض عقوبات",
              "أغلق|أغلقت|يغلق|تغلق المجال|الحدود", "علق|علقت|يعلق|تعلق|جمد|جمدت عضوية",
              "خفض|خفضت|يخفض|تخفض تمثيل"],
        "n": ["استدعاء|سحب|طرد سفير|سفراء|القائم", "قطع علاقات", "عقوبات", "إغلاق|غلق المجال|الحدود",
              "تعليق|تجميد عضوية", "خفض تمثيل"],
    },
    "DISAPPROVE": {
        "v": ["أدان|يدين|تدين|ندد|يندد|تندد|اتهم|يتهم|تتهم|انتقد|ينتقد|تنتقد|احتج|يحتج|تحتج|استنكر|يستنكر|"
              "تستنكر|شجب|يشجب|تشجب|لام|يلوم|تلوم|تذمر|يتذمر|تتذمر|استهجن|تستهجن|يستهجن"],
        "n": ["إدانة|تنديد|اتهام|اتهامات|انتقاد|انتقادات|احتجاج|استنكار|استياء|غضب|شجب"],
        "p": ["منددا|منددة|منددين|متهما|متهمة|متهمين|منتقدا|منتقدة|محتجا|مستنكرا"],
    },
    "REJECT": {
        "v": ["رفض|يرفض|ترفض", "لا|لن|لم تقبل|يقبل|تعترف|يعترف", "انسحب|انسحبت|ينسحب|تنسحب من",
              "ألغى|ألغت|يلغي|تلغي|أنهى|أنهت|ينهي|تنهي اتفاق|اتفاقية|اتفاقيات|العمل", "استغنى|استغنت عن"],
        "n": ["عدم قبول|اعتراف", "انسحاب من", "إنهاء|الإنهاء|إلغاء اتفاق|اتفاقية|اتفاقيات|العمل",
              "الاستغناء عن", "نقض"],
        "p": ["رافضا|رافضة|رافضين"],
    },
    "AID": {
        "v": ["أرسل|أرسلت|يرسل|ترسل|قدم|قدمت|يقدم|تقدم|منح|منحت|يمنح|تمنح مساعدات|مساعدة|معدات|أسلحة|شحنة|دفعة|هبة",
              "زود|زودت|يزود|تزود"],
        "n": ["مساعدات|مساعدة|معدات|دعم عسكرية|عسكري|إنسانية|لوجستي|لوجستية", "شحنة|شحنات أسلحة|مساعدات",
              "إرسال|تقديم مساعدات|معدات"],
        "r": ["استلم|استلمت|تسلم|تسلمت|يتسلم|تلقى|تلقت|يتلقى|تتلقى مساعدات|مساعدة|معدات|أسلحة|شحنة|دعما|دفعة"],
    },
    "AGREE": {
        "v": ["وقع|وقعت|يوقع|توقع اتفاق|اتفاقية|اتفاقيات|مذكرة|على", "اتفق|اتفقت|يتفق|تتفق|اتفقا",
              "توصل|توصلت|توصلا اتفاق"],
        "n": ["توقيع اتفاق|اتفاقية|اتفاقيات|مذكرة", "اتفاق|اتفاقية|اتفاقيات|معاهدة|مذكرة|هدنة الموقع|الموقعة"],
    },
    "CONSULT": {
        "v": ["زار|زارت|يزور|تزور|استقبل|استقبلت|يستقبل|تستقبل|التقى|التقت|يلتقي|تلتقي|تباحث|تباحثت|يتباحث",
              "بحث|بحثت|يبحث|تبحث|تطرق|تطرقت|يتطرق|ناقش|ناقشت|يناقش|تناقش مع",
              "أجرى|أجرت|يجري|تجري محادثات|مباحثات|مشاورات|اتصالا"],
        "n": ["زيارة|محادثات|مباحثات|مشاورات|وساطة|الوسيط|اجتماع|لقاء|قمة|ندوة|مؤتمر", "اتصال هاتفي",
              "حوار بين|مع"],
    },
    "COOPERATE": {
        "v": ["تعاون|تعاونت|يتعاون|تتعاون|نسق|نسقت|ينسق|تنسق مع"],
        "n": ["مناورات|دوريات|عمليات|تدريبات مشتركة", "اتفاقية|اتفاق تعاون"],
    },
    "CONCEDE": {
        "v": ["أطلق|أطلقت|يطلق|تطلق سراح|رهينة|رهائن|الرهينة|سجناء|معتقلين", "أفرج|أفرجت|يفرج|تفرج",
              "عفا عن"],
        "n": ["إطلاق سراح|رهينة|رهائن|سجناء|معتقلين", "إفراج|الإفراج عن", "العفو عن"],
    },
    "ASSAULT": {
        "v": ["هاجم|هاجمت|يهاجم|تهاجم|هاجموا|قصف|قصفت|يقصف|تقصف|استهدف|استهدفت|يستهدف|تستهدف|"
              "اغتال|اغتالت|فجر|فجرت|قتل|قتلت|يقتل|تقتل", "أسقط|أسقطت|يسقط|تسقط طائرة|مسيرة|درون"],
        "n": ["هجوم|هجمات|قصف|غارة|غارات|استهداف|تفجير|اغتيال|كمين|مجزرة", "إسقاط طائرة|مسيرة|درون"],
    },
    "CRIME": {
        "v": ["اختطف|اختطفت|يختطف|تختطف|خطف|خطفت|يخطف|احتجز|احتجزت|يحتجز|تحتجز"],
        "n": ["اختطاف|خطف|احتجاز رهائن|رهينة|الرهائن", "اختطاف|خطف"],
    },
    "COERCE": {
        "v": ["اعتقل|اعتقلت|يعتقل|تعتقل|أوقف|أوقفت|رحل|رحلت|يرحل|ترحل|أطاح|أطاحت|حظرت|حظر|يحظر|تحظر"],
        "n": ["اعتقال|توقيف|ترحيل|الإطاحة|انقلاب|انقلابا|حظر", "تجميد أصول|أموال"],
    },
    "FIGHT": {
        "v": ["اشتبك|اشتبكت|يشتبك|تشتبك"],
        "n": ["اشتباكات|اشتباك|معارك|قتال|مواجهات", "الأعمال|أعمال العدائية|عدائية",
              "عمليات|عملية عسكرية|عسكريه"],
    },
    "THREATEN": {
        "v": ["هدد|هددت|يهدد|تهدد|توعد|توعدت|يتوعد|تتوعد|لوح|لوحت|يلوح|تلوح"],
        "n": ["التلويح", "إمكانية|احتمال تعليق|قطع|سحب|إغلاق|إنهاء|طرد", "إعادة النظر علاقات|علاقاتها"],
    },
    "DEMAND": {
        "v": ["دعا|دعت|يدعو|تدعو|طالب|طالبت|يطالب|تطالب|حث|حثت|يحث|تحث|ناشد|ناشدت"],
        "n": ["مطالبة|دعوة إلى"],
        "p": ["داعيا|داعية|داعين|مطالبا|مطالبين|حاثا"],
    },
    "SUPPORT": {
        "v": ["دعم|دعمت|يدعم|تدعم|أيد|أيدت|يؤيد|تؤيد|أشاد|أشادت|يشيد|تشيد|رحب|رحبت|يرحب|ترحب|ثمن|ثمنت",
              "دافع|دافعت|يدافع|تدافع عن", "تضامن|تضامنت مع"],
        "n": ["تأييد|إشادة|ترحيب|التضامن", "تحسين علاقات|علاقة|العلاقات", "الداعم"],
    },
    "RETREAT": {
        "v": ["انسحب|انسحبت|انسحبوا قوات|القوات|جنود", "وضع|وضعوا|وضعت|ألقى|ألقوا|ألقت سلاح|السلاح"],
        "n": ["انسحاب|رحيل قوات|القوات", "وضع|إلقاء سلاح|السلاح", "فرار"],
    },
    "MOBILIZE": {
        "v": ["حشد|حشدت|يحشد|نشر|نشرت|ينشر|تنشر قوات|جنود|تعزيزات"],
        "n": ["تعزيزات عسكرية", "حشد|نشر قوات|جنود", "استنفار"],
    },
    "INVESTIGATE": {
        "v": ["فتح|فتحت|يفتح|تفتح تحقيق"],
        "n": ["تحقيق في"],
    },
}
# acts done to someone: a verbal noun's genitive is its target (اغتيال X، اعتقال X)
PATIENT_GENITIVE = frozenset({"ASSAULT", "COERCE", "CRIME"})
# cooperative nouns that a conflict trigger governs are its object (ترفض أي وساطة، تعليق وساطتها)
GOVERNED = frozenset({"CONSULT", "COOPERATE", "SUPPORT", "AID"})
GOVERNING = frozenset({"REJECT", "THREATEN", "DISAPPROVE", "SANCTION"})
PLOVER_TYPES = list(TRIGGERS)
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "FIGHT"})
UNDIRECTED: frozenset = frozenset()  # types always kept without a target (none: see below)  # kept without a target (a conference, talks among many)
PUB_FALLBACK = "year"  # an undated clause: the publication year ("year") or date ("published")
PRIORITY = ["SANCTION", "CONCEDE", "COERCE", "CRIME", "ASSAULT", "AID", "REJECT", "DISAPPROVE", "FIGHT",
            "THREATEN", "AGREE", "DEMAND", "CONSULT", "COOPERATE", "SUPPORT", "RETREAT", "MOBILIZE",
            "INVESTIGATE"]
MAX_GAP = 3  # words allowed between the words of a trigger phrase
WINDOW_BEFORE = 12  # tokens
WINDOW_AFTER = 14
MAX_PER_SENTENCE = 6
PREPS = frozenset(fold(w) for w in "في على إلى الى من عن مع ضد لدى حول تجاه نحو بين عبر منذ خلال".split())
CLAUSE = frozenset(fold(w) for w in "أن إن أنه أنها فإن التي الذي الذين اللذين حيث بينما فيما عندما لأن".split())
PAIR = frozenset(fold(w) for w in "البلدين البلدان الجارتين الجارين الدولتين الطرفين الجانبين العاصمتين".split())
DEMONSTRATIVES = frozenset(fold(w) for w in "هذا هذه ذلك تلك هذين هاتين هؤلاء".split())
_MIN, _BAYN, _FI = fold("من"), fold("بين"), fold("في")
AGENT_OF = frozenset(fold(w) for w in ["قبل", "جانب", "طرف"])
COORD_RE = re.compile(r"\s*[،,]?\s*و\s*")
RESUMPTIVE_RE = re.compile(r"\s+(?:فيه|فيها|عبره|عبرها|خلاله|خلالها)(?![^\W_])")
EVENT_KINDS = frozenset({"state", "state_body", "person", "armed_group", "igo", "other", None})
_PREC_NAME = {10: "day", 7: "month", 4: "year"}


def find_events(doc, actors: list[dict], places: list[dict], dates: list[dict],
                country_of: dict[str, str] | None = None, state_of=None) -> list[dict]:
    """Pipeline step: PLOVER events with evidence spans (the sentence).

    `country_of` maps a country/capital place id to its state (to read "من مالي" as actor2);
    `state_of(actor_id)` gives an actor's state (a minister's, a body's), so that actor2 is on
    the other side."""
    country_of = country_of or {}
    toks = doc.tokens
    if not toks or not doc.sentences:
        return []

    side_memo: dict = {}

    def side(actor_id):
        if actor_id not in side_memo:
            side_memo[actor_id] = (state_of(actor_id) if state_of else None) or _root(actor_id)
        return side_memo[actor_id]

    # token index of every original offset we need: token original starts, one pass
    offs, olen = doc.norm.offsets, doc.norm.original_length
    tstart = [offs[t.start] if t.start < len(offs) else olen for t in toks]

    def tok_at(pos: int) -> int:
        return max(0, bisect.bisect_right(tstart, pos) - 1)

    def tok_after(pos: int) -> int:
        return bisect.bisect_left(tstart, pos)

    # trigger hits: (tok_i, tok_j (last), etype, pos); longest phrase at a token wins
    hits = []
    n_toks = len(toks)
    for i, tok in enumerate(toks):
        entries = _entries(tok.text)
        if not entries:
            continue
        best = None
        for etype, words, pos in entries:
            if True:
                j = i
                for alts in words[1:]:
                    step = next((d for d in range(1, MAX_GAP + 2)
                                 if j + d < n_toks and not alts.isdisjoint(_bases(toks[j + d].text))), None)
                    if step is None:
                        break
                    j += step
                else:
                    key = (len(words), -PRIORITY.index(etype))
                    if best is None or key > best[0]:
                        best = (key, (i, j, etype, pos))
        if best:
            hits.append(best[1])
    if not hits:
        return []

    ev_actors = [dict(a, ti=tok_at(a["start"]), tj=tok_at(a["end"] - 1)) for a in
                 sorted(actors, key=lambda a: a["start"])
                 if a["actor_id"] and not a["actor_id"].startswith("@") and a.get("kind") in EVENT_KINDS]
    a_starts = [a["ti"] for a in ev_actors]
    states_seen: list[tuple[int, str]] = []  # (token, state) of state mentions, for البلدين
    for a in ev_actors:
        st = side(a["actor_id"])
        if st and len(st) == 3 and st.isupper():
            states_seen.append((a["ti"], st))
    st_toks = [t for t, _ in states_seen]
    place_toks = sorted((tok_at(p["start"]), p["place_id"]) for p in places if p["place_id"])
    date_list = sorted(((tok_at(d["start"]), d) for d in dates if d["value"]), key=lambda x: x[0])
    date_toks = [t for t, _ in date_list]
    hit_starts = [h[0] for h in hits]
    sent_tok = [(tok_after(ss), tok_after(se)) for ss, se in doc.sentences]

    pub = doc.published
    if pub and len(pub[:10]) in _PREC_NAME:
        pub_date = (pub[:4], "year") if PUB_FALLBACK == "year" else (pub[:10], _PREC_NAME[len(pub[:10])])
    else:
        pub_date = (None, "unknown")

    def word(k: int) -> str:
        return toks[k].text if 0 <= k < len(toks) else ""

    def governed(a) -> bool:
        """Is the actor inside a prepositional phrase (مع الجزائر، لفرنسا، في مجلس الأمن)?"""
        k = a["ti"]
        if word(k - 1) in PREPS:
            return True
        before = doc.text[max(0, a["start"] - 1):a["start"]]
        return before in ("ل", "ب")

    def boundary(k0: int, k1: int) -> bool:
        """A clause boundary between tokens k0..k1 (exclusive): أن، التي، … or a strong stop."""
        if any(word(k) in CLAUSE for k in range(k0, k1)):
            return True
        if k1 > k0:
            gap = doc.text[tstart[k0]:tstart[k1]] if k1 < len(toks) else doc.text[tstart[k0]:]
            return bool(re.search(r"[؛;:.!?؟]", gap))
        return False

    def coordinated_back(idx: int, lo: int) -> list[dict]:
        """The actors coordinated with ev_actors[idx] before it ("الجزائر ونواقشوط")."""
        group = [ev_actors[idx]]
        k = idx
        while k - 1 >= lo and len(group) < 3:
            gap = doc.text[ev_actors[k - 1]["end"]:ev_actors[k]["start"]]
            if COORD_RE.fullmatch(gap):
                k -= 1
                group.insert(0, ev_actors[k])
            else:
                break
        return group

    def coordinated_fwd(idx: int, hi: int) -> list[dict]:
        group = [ev_actors[idx]]
        k = idx
        while k + 1 < hi and len(group) < 3:
            gap = doc.text[ev_actors[k]["end"]:ev_actors[k + 1]["start"]]
            if COORD_RE.fullmatch(gap):
                k += 1
                group.append(ev_actors[k])
            else:
                break
        return group

    out = []
    story_agent = None  # the last agent: the subject of a pronoun-subject verb
    emitted = set()  # an event repeated in the article is one event
    for si, (ss, se) in enumerate(doc.sentences):
        s0, s1 = sent_tok[si]
        h0, h1 = bisect.bisect_left(hit_starts, s0), bisect.bisect_left(hit_starts, s1)
        a_lo, a_hi = bisect.bisect_left(a_starts, s0), bisect.bisect_left(a_starts, s1)
        # a trigger inside an actor's name (الحركات الموقعة على اتفاق الجزائر) is no event
        sent_hits = []
        for h in hits[h0:h1]:
            k = bisect.bisect_right(a_starts, h[0], a_lo, a_hi) - 1
            if not (k >= a_lo and ev_actors[k]["ti"] <= h[0] <= ev_actors[k]["tj"]):
                sent_hits.append(h)
        sent_agent = None
        last_end: dict[str, int] = {}
        sent_out: list[dict] = []
        pending: list[dict] = []
        claimed = set()  # dates read as the date of an earlier trigger of the sentence
        # a sentence-initial actor followed by a relative clause is the topic (مالي، التي …)
        topic = None
        if a_lo < a_hi and ev_actors[a_lo]["ti"] <= s0 + 1 and \
                any(word(k) in CLAUSE for k in range(ev_actors[a_lo]["tj"] + 1, ev_actors[a_lo]["tj"] + 3)):
            topic = ev_actors[a_lo]
        n_sent = 0
        for hn, (ti, tj, etype, pos) in enumerate(sent_hits):
            if n_sent >= MAX_PER_SENTENCE:
                break
            if ti <= max(last_end.get(etype, -1), last_end.get("THREATEN", -1)):
                continue  # inside a longer hit (اتفاق الهدنة الموقع، إمكانية قطع العلاقات)
            last_end[etype] = tj
            if pos == "n" and _bare(word(ti - 1)) in DEMONSTRATIVES:
                continue  # "هذه الاتهامات", "هذه المساعدات": an event already reported
            if etype in GOVERNED and pos == "n" and any(
                    h[2] in GOVERNING and 0 < ti - h[1] <= 4 for h in sent_hits[:hn]):
                continue
            # the clause ends at the next verb trigger (a noun trigger after it is often its object)
            nxt = next((h[0] for h in sent_hits[hn + 1:] if h[3] != "n" and h[0] > tj), s1)
            # actors around the trigger
            bef = [k for k in range(max(a_lo, bisect.bisect_left(a_starts, ti - WINDOW_BEFORE)),
                                    bisect.bisect_left(a_starts, ti, a_lo, a_hi))
                   if ev_actors[k]["tj"] < ti]
            aft = list(range(bisect.bisect_right(a_starts, ti, a_lo, a_hi),
                             bisect.bisect_right(a_starts, tj + WINDOW_AFTER, a_lo, a_hi)))
            agents: list[dict] = []
            targets: list[dict] = []
            anchor = tj  # targets are searched after this token
            near_before = bef[-1] if bef else None
            adjacent = near_before is not None and ti - ev_actors[near_before]["tj"] <= 2 and \
                not boundary(ev_actors[near_before]["tj"] + 1, ti) and \
                not re.search(r"[،,]", doc.text[ev_actors[near_before]["end"]:tstart[ti]])
            subj_before = next((k for k in reversed(bef) if not governed(ev_actors[k])
                                and not boundary(ev_actors[k]["tj"] + 1, ti)), None)
            # "بين X وY" right after the trigger
            between = next((k for k in range(tj + 1, min(tj + 7, s1)) if _bare(word(k)) == _BAYN), None)
            pair_tok = next((k for k in range(tj + 1, min(tj + 6, s1)) if _bare(word(k)) in PAIR), None)
            if pos == "r":
                giver = next((k for k in aft if word(ev_actors[k]["ti"] - 1) in AGENT_OF | {_MIN}), None)
                if giver is not None:
                    agents = [ev_actors[giver]]
                    anchor = ev_actors[giver]["tj"]
                recv = subj_before if subj_before is not None else near_before
                if recv is None and aft and (giver is None or aft[0] != giver):
                    recv = aft[0]  # VSO: تسلمت موريتانيا شحنة أسلحة من فرنسا
                targets = [ev_actors[recv]] if recv is not None else []
                if not agents and targets:
                    agents, targets = targets, []
            elif RESUMPTIVE_RE.match(doc.text, doc.orig_offset(toks[tj].end)) and bef:
                agents = [ev_actors[bef[-1]]]  # أصدرت الوزارة بيانا اتهمت فيه الجزائر
            elif pos == "v":
                vso = aft[0] if aft and not any(word(k) in PREPS or word(k) in CLAUSE
                                                for k in range(tj + 1, ev_actors[aft[0]]["ti"])) \
                    and ev_actors[aft[0]]["ti"] - tj <= 6 and not governed(ev_actors[aft[0]]) else None
                if adjacent:
                    agents = coordinated_back(near_before, a_lo)
                elif subj_before is not None and ti - ev_actors[subj_before]["tj"] <= 5 and not \
                        re.search(r"[،,]", doc.text[ev_actors[subj_before]["end"]:tstart[ti]]):
                    agents = coordinated_back(subj_before, a_lo)  # تنظيم القاعدة لا زال يحتجز
                elif topic is not None and vso is None:
                    agents = [topic]  # مالي، التي اختارت …، ترفض
                elif vso is not None:
                    agents = coordinated_fwd(vso, a_hi)
                    anchor = agents[-1]["tj"]
                elif subj_before is not None:
                    agents = coordinated_back(subj_before, a_lo)
                elif sent_agent or story_agent:
                    agents = [sent_agent or story_agent]
            elif pos == "p":
                if sent_agent:
                    agents = [sent_agent]
                elif subj_before is not None:
                    agents = [ev_actors[subj_before]]
                elif story_agent:
                    agents = [story_agent]
            else:  # a verbal noun
                gen = aft[0] if aft and ev_actors[aft[0]]["ti"] == tj + 1 and not governed(ev_actors[aft[0]]) else None
                gen_in = next((k for k in range(bisect.bisect_left(a_starts, ti + 1, a_lo, a_hi), a_hi)
                               if ev_actors[k]["tj"] < tj), None)  # إطلاق تنظيم القاعدة رهينة
                by = next((k for k in aft if ev_actors[k]["ti"] - tj <= 3 and (
                    word(ev_actors[k]["ti"] - 1) in AGENT_OF or word(ev_actors[k]["ti"] - 1) == _MIN)), None)
                if etype in PATIENT_GENITIVE and gen is not None:
                    targets = coordinated_fwd(gen, a_hi)
                    anchor = targets[-1]["tj"]
                    if by is not None:
                        agents = [ev_actors[by]]
                    elif subj_before is not None:
                        agents = [ev_actors[subj_before]]
                elif gen_in is not None and pos == "n" and ev_actors[gen_in]["ti"] == ti + 1:
                    agents = [ev_actors[gen_in]]
                elif gen is not None:
                    agents = coordinated_fwd(gen, a_hi)
                    anchor = agents[-1]["tj"]
                elif by is not None:
                    agents = [ev_actors[by]]
                    anchor = ev_actors[by]["tj"]
                elif adjacent:
                    agents = coordinated_back(near_before, a_lo)
                elif subj_before is not None:
                    agents = [ev_actors[subj_before]]
                elif near_before is not None:
                    agents = [ev_actors[near_before]]
            # the pair: بين X وY, البلدين
            if between is not None and (not targets or etype in SYMMETRIC):
                # بين X وY: the first actor after بين and the next one on another side, close by
                inside = [k for k in aft if ev_actors[k]["ti"] > between]
                if inside and ev_actors[inside[0]]["ti"] - between <= 3:
                    x = ev_actors[inside[0]]
                    y = next((ev_actors[k] for k in inside[1:] if ev_actors[k]["ti"] - x["tj"] <= 3
                              and side(ev_actors[k]["actor_id"]) != side(x["actor_id"])), None)
                    if y is not None:
                        if not agents or etype in SYMMETRIC:
                            agents, targets = [x], [y]
                        else:
                            targets = [g for g in (x, y) if side(g["actor_id"]) != side(agents[0]["actor_id"])][:1]
            if pair_tok is not None and not targets:
                j = bisect.bisect_left(st_toks, ti)
                pair = []
                for _tok, st in reversed(states_seen[:j]):
                    if st not in pair:
                        pair.append(st)
                    if len(pair) == 2:
                        break
                if len(pair) == 2:
                    pair.reverse()
                    if not agents:
                        agents = [{"actor_id": pair[0]}]
                    a_side = side(agents[0]["actor_id"])
                    other = [p for p in pair if p != a_side]
                    if len(other) == 1:
                        targets = [{"actor_id": other[0]}]
            if not agents:
                continue
            a_side = side(agents[0]["actor_id"])
            if not targets and etype == "CONCEDE":
                # a release: the group the prisoners belong to, or the hostage
                targets = [ev_actors[k] for k in aft if ev_actors[k]["ti"] < nxt + 3
                           and ev_actors[k].get("kind") in ("armed_group", "person")
                           and ev_actors[k] not in agents][:1]
            if not targets:
                cand = [k for k in aft if ev_actors[k]["ti"] > anchor and ev_actors[k]["ti"] < nxt + 3
                        and side(ev_actors[k]["actor_id"]) != a_side
                        and word(ev_actors[k]["ti"] - 1) != _FI]
                if cand:
                    targets = coordinated_fwd(cand[0], a_hi)
            if not targets:
                # a country or capital named as a place after the trigger (سحب سفيريهما من مالي)
                p = bisect.bisect_right(place_toks, (tj, "\uffff"))
                while p < len(place_toks) and place_toks[p][0] < min(s1, tj + WINDOW_AFTER):
                    st = country_of.get(place_toks[p][1])
                    if st and st != a_side and word(place_toks[p][0] - 1) != _FI:  # في مالي: where
                        targets = [{"actor_id": st}]
                        break
                    p += 1
            targets = [t for t in targets if side(t["actor_id"]) != a_side] or [None]
            one_sided = targets == [None] and etype not in UNDIRECTED
            # the place: the nearest place of the sentence
            p0 = bisect.bisect_left(place_toks, (s0, ""))
            p1 = bisect.bisect_left(place_toks, (s1, ""))
            place = min(place_toks[p0:p1], key=lambda p: abs(p[0] - ti))[1] if p1 > p0 else None
            # the date
            d_after = bisect.bisect_right(date_toks, tj)
            date = prec = None
            if d_after < len(date_list) and date_list[d_after][0] <= min(tj + 6, nxt, s1 - 1):
                d = date_list[d_after][1]
                claimed.add(d_after)
            else:
                d_bef = bisect.bisect_left(date_toks, ti) - 1
                while d_bef in claimed:
                    d_bef -= 1
                d = date_list[d_bef][1] if d_bef >= 0 and date_list[d_bef][0] >= s0 else None
            if d is not None:
                date, prec = d["value"], d["precision"]
            else:
                date, prec = pub_date
            sent_agent = sent_agent or agents[0]
            if pos != "r":
                story_agent = agents[0] if "ti" in agents[0] else story_agent
            for ag in agents:
                for tg in targets:
                    a2 = tg["actor_id"] if tg else None
                    key = (etype, ag["actor_id"], a2, date)
                    if key in emitted or a2 == ag["actor_id"]:
                        continue
                    emitted.add(key)
                    n_sent += 1
                    (pending if one_sided else sent_out).append({"type": etype, "actor1": ag["actor_id"], "actor2": a2,
                                "place_id": place, "date": date, "date_precision": prec,
                                "evidence": {"start": ss, "end": se}})
        # a one-sided event (no target) is kept only when the sentence has no two-sided one
        out.extend(sent_out or pending[:1])
        if sent_agent is None:
            # the story's topic: the first actor of a sentence with no event
            first = next((ev_actors[k] for k in range(a_lo, a_hi) if not governed(ev_actors[k])), None)
            if first is not None and state_of is not None:
                story_agent = first
    # a one-sided event repeats a two-sided one of the same type and agent side: drop it
    directed = {(e["type"], side(e["actor1"])) for e in out if e["actor2"]}
    return [e for e in out if e["actor2"] or (e["type"], side(e["actor1"])) not in directed]


def _bare(w: str) -> str:
    return w[1:] if w[:1] in "وفب" and len(w) > 4 else w


def _root(actor_id: str | None) -> str | None:
    if not actor_id:
        return None
    return actor_id.split("-")[0] if actor_id[:3].isupper() else actor_id


@lru_cache(maxsize=65536)
def _entries(word: str) -> tuple:
    """The trigger phrases a token can start (through any of its bases)."""
    return tuple(e for base in sorted(_bases(word) & _FIRSTS) for e in _INDEX[base])  # sorted: deterministic


_NOT_CLITIC = ("وزار",)  # وزارة "ministry", not و + زار "visited"
_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("يهما", "يها", "هما", "هم", "ها", "ه", "ت", "ا", "ان", "ين", "ون", "وا", "تها", "ته", "تهم")


@lru_cache(maxsize=65536)
def _bases(word: str) -> frozenset:
    """Readings of a folded word with clitics and agreement suffixes removed."""
    if word.startswith(_NOT_CLITIC):
        return frozenset((word,))
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


def _word_alts(word: str) -> frozenset:
    alts = set()
    for w in fold(word).split("|"):
        alts.add(w[2:] if w.startswith("ال") and len(w) > 4 else w)
        alts.add(w)
    return frozenset(alts)


_INDEX: dict[str, list[tuple[str, list[frozenset], str]]] = {}
for _etype, _by_pos in TRIGGERS.items():
    for _pos, _phrases in _by_pos.items():
        for _p in _phrases:
            _words = [_word_alts(w) for w in _p.split()]
            for _first in sorted(_words[0]):
                _INDEX.setdefault(_first, []).append((_etype, _words, _pos))
_FIRSTS = frozenset(_INDEX)
