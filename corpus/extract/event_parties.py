"""The parties of an act that its own clause leaves unnamed, read the way Sahel news reports them.

- *The article's armed group.* An attack reported as a noun ("الهجوم الانتحاري", "هجمات
  متزامنة") or done by unnamed gunmen ("خطف مسلحون مجهولون") is the act of the group the article
  names as its author: the group that claims it or is blamed (`claim_words`: تبنى، مسؤولية، اتهم)
  and, failing that, the one it names most; a group in the act's own sentence first.
- *Nationals.* A nisba that names people (خمسة فرنسيين، الرهائن الفرنسيين، جنودا ماليين) gives the
  victims' state: the target of an attack or an abduction, never an agent, and not the party a
  demand or a condemnation is addressed to.
- *The reporting subject's forces.* "قوات بلاده قتلت …", "أن قواتها حيّدت …": the forces of the
  actor who reports it.
- *A passive act's agent.* "اختُطف X على يد Y", "سقط في يد Y", "من قبل Y": Y did it.
- *A relative clause's agent.* "العقوبات التي فرضتها X", "هجمات شنتها X": X did it; "X الذين
  نفذوا … وأطاحوا": the joined verb is X's too.
- *Acts and their kind.* Summoning another state's envoy (a protest) versus recalling one's own;
  an abduction told in the passive; a coup by unnamed soldiers; an attack noun (ASSAULT); a
  violent verb describing an attack noun; what a denial, a negation or a time anchor leaves
  unreported.

Every word list is in `corpus/lexicon/triggers.json`.
"""

from __future__ import annotations

import bisect
from collections import Counter

from corpus.extract.event_context import AGENT_MARKERS, CLAUSE_WORDS, FI, MIN, ActorRef, Article
from corpus.extract.resources import folded_words, load_json, word_list
from corpus.extract.triggers import TRIGGER_FILE, word_forms
from corpus.normalize import fold

_DATA = load_json(TRIGGER_FILE)


def _words(section: str) -> frozenset:
    return frozenset(f for w in word_list(TRIGGER_FILE, section) for f in word_forms(w))


def _literal(section: str) -> frozenset:
    return folded_words(TRIGGER_FILE, section)


PEOPLE_NOUNS = _words("people_nouns")
COUNT_WORDS = _literal("count_words")
GENERIC_FIGHTERS = _words("generic_fighters")
CLAIM_WORDS = _words("claim_words")
ACCUSE_WORDS = _words("accuse_words")
AGENTIVE_VERBS = _words("agentive_verbs") | {f + "ه" for w in _DATA["agentive_verbs"]
                                             for f in word_forms(w.split("/")[0], "v")}
HAND_WORDS = _literal("hand_words")
TERROR_WORDS = _words("terror_words")
ATTACK_NOUNS = _words("attack_nouns")
ABDUCTION_VERBS = _words("abduction_verbs")
COUP_WORDS = _words("coup_words")
TIME_ANCHORS = frozenset(fold(w) for w in ("بعد", "إثر", "عقب", "منذ", "قبل", "وبعد", "غداة"))
SUMMON_HEADS = _words("summon_heads")
ENVOY_WORDS = frozenset(fold(w) for w in ("سفير", "السفير", "سفراء", "السفراء", "القائم", "قائم"))
MEANS_WORDS = frozenset(fold(w) for w in ("في", "خلال", "إثر", "عبر"))
RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "اللذين", "اللتين", "الذين", "اللذان", "اللتان"))
FORCE_NOUNS = _words("force_nouns")
OWN_STATE_WORDS = _literal("own_state_words")
UNIT_NOUNS = _words("unit_nouns")
ATTENDANCE_WORDS = _literal("attendance_words")
NEW_CLAUSE_WORDS = _literal("new_clause_words")
BACKGROUND_WORDS = _literal("background_words")
NEGATIONS = _literal("negations")
HOLD_VERBS = _words("hold_verbs")
DOMESTIC_ADDRESSEES = _words("domestic_addressees")
SINCE = fold("منذ")
SETTING_WORDS = frozenset(fold(w) for w in ("خلال", "هامش", "ختام", "افتتاح", "أثناء"))
AFTER_THAT = frozenset(fold(w) for w in ("بعدما", "وبعدما", "أن"))  # بعدما احتجزهما، بعد أن احتجزهما
DENIAL_VERBS = _words("denial_verbs")
THAT = frozenset(fold(w) for w in ("أن", "بأن", "أنه", "أنها", "بأنه", "بأنها"))
ALA = fold("على")
CLAUSE_OPENERS = CLAUSE_WORDS - frozenset(fold(w) for w in ("التي", "الذي", "الذين", "اللذين"))
GROUP_KINDS = ("armed_group", "group")


def _is(art: Article, k: int, words: frozenset) -> bool:
    return not words.isdisjoint(art.readings_at(k))


def force_adjective(art: Article, ref: ActorRef) -> bool:
    """A nisba after a force noun (طائرات فرنسية، قوات مالية): armed forces, an agent."""
    return ref.mention == "adjective" and _is(art, ref.first - 1, FORCE_NOUNS)


def negated(art: Article, tok: int) -> bool:
    """"لم تدعم", "لن يوقع": a verb after a negation reports no act."""
    return art.word(tok - 1) in NEGATIONS


def denied(art: Article, tok: int, earlier_firsts: list[int]) -> bool:
    """"نفت فرنسا أن تكون قد دعمت …": an act in the clause a denial verb introduces is denied."""
    for first in earlier_firsts:
        if _is(art, first, DENIAL_VERBS) and any(art.word(k) in THAT for k in range(first + 1, tok)) \
                and not art.strong_stop(first, tok):
            return True
    return False


def is_national(art: Article, ref: ActorRef) -> bool:
    """A nisba naming people (رهائن فرنسيين، خمسة فرنسيين، بينهم فرنسيون): the victims' state."""
    if ref.mention != "adjective":
        return False
    prev = art.word(ref.first - 1)
    if prev.isdigit() or prev in COUNT_WORDS:
        return True
    return any(_is(art, k, PEOPLE_NOUNS) for k in (ref.first - 1, ref.first - 2))


def terror_attack(art: Article, tok: int, end: int) -> bool:
    """"الهجوم الانتحاري", "الهجومين الإرهابيين", "تفجير سيارة مفخخة": unconventional violence;
    an attack named by a noun (هجوم، هجمات، اعتداء) is coded ASSAULT whatever it hit."""
    return _is(art, tok, ATTACK_NOUNS) or any(_is(art, k, TERROR_WORDS) for k in range(tok, end + 1))


def abduction(art: Article, tok: int) -> bool:
    """خطف، اختطف: states arrest; an abduction's state "subject" is its victim (passive)."""
    return _is(art, tok, ABDUCTION_VERBS)


def hostage_state(art: Article, tok: int) -> str | None:
    """The state of the first hostages or tourists named by nationality before `tok` (رهائن
    سويديين، السائحين النمسويين): an abduction told with no victim in its clause ("تم اختطافهم في
    تمبكتو"، "وخطف إبنر ورفيقته") was an act against them, not against the state it happened in."""
    return next((ref.side for ref in art.refs if ref.first < tok and is_national(art, ref)), None)


def coup(art: Article, first: int, last: int) -> bool:
    """إطاحة، انقلاب، استولى على السلطة: a seizure of power."""
    return any(_is(art, k, COUP_WORDS) for k in (first, last))


def time_anchor(art: Article, tok: int) -> bool:
    """"بعد أيام من …", "إثر …", "منذ …" up to five words before: the act dates something else."""
    return any(art.word(k) in TIME_ANCHORS and not art.boundary(k + 1, tok) for k in range(tok - 5, tok))


def anchored_after(art: Article, last: int, tok: int) -> bool:
    """Is the act at `tok` told after a time anchor (بعد أن، إثر، عقب) that follows the act ending
    at `last`, in its sentence: the earlier act's background, not a new report?"""
    return any(art.word(k) in TIME_ANCHORS for k in range(max(last + 1, tok - 10), tok)) and not art.strong_stop(last, tok)


def summons(art: Article, first: int, last: int) -> bool:
    """"استدعت السفير الجزائري", "استدعاء سفير مالي لديها": another state's envoy summoned (a
    protest), not the state's own envoy recalled (سفيرها، سفراءها من الجزائر)."""
    if not _is(art, first, SUMMON_HEADS) or art.word(last) not in ENVOY_WORDS:
        return False
    return all(art.word(k) != MIN for k in range(last + 1, last + 7))


def describes_noun(art: Article, tok: int, violent_firsts: tuple) -> bool:
    """"هجوم استهدف موقعا", "الهجوم الذي استهدف قافلة": a violent verb right after a violent
    noun (or its relative pronoun), or joined by و inside that relative clause, describes the act
    the noun names, not another one."""
    prev = tok - 1 if art.word(tok - 1) not in RELATIVES else tok - 2
    if any(prev - 2 <= v <= prev and _is(art, v, ATTACK_NOUNS) for v in violent_firsts if v < tok):
        return True
    if art.word(tok)[:1] != "و":
        return False  # "الهجوم الذي وقع بكيدال واستهدف قوات حفظ السلام": the relative clause goes on
    rel = next((k for k in range(tok - 1, max(tok - 10, 0), -1) if art.word(k) in RELATIVES), None)
    return rel is not None and not art.strong_stop(rel, tok) and any(
        rel - 3 <= v < rel and _is(art, v, ATTACK_NOUNS) for v in violent_firsts)


def attack_subject(art: Article, hit_last: int) -> bool:
    """"استهدف هجوم بقذائف الهاون معسكرا": an attack noun right after a violent verb is its
    subject, the act itself (reported by the noun, coded as an attack)."""
    return _is(art, hit_last + 1, ATTACK_NOUNS)


def generic_fighters_after(art: Article, tok: int, end: int) -> bool:
    """Unnamed fighters (مسلحون مجهولون، إرهابيين، عناصر) between `tok` and `end`."""
    return any(_is(art, k, GENERIC_FIGHTERS) for k in range(tok, end))


def unnamed_attackers(art: Article, hit) -> bool:
    """Unnamed fighters as the subject of the act: in the nominative right after a violent verb
    ("هاجم مسلحون مجهولون"، "هاجم عناصر إرهابيون") or after the verb of a relative clause on an
    attack noun ("هجوم شنه انتحاري"، "هجوم شنّه «إرهابيون»"); not "قتل 17 مسلحا" (the killed)."""
    k = hit.last + 1
    if hit.pos == "v" and _is(art, k, GENERIC_FIGHTERS) and (art.word(k).endswith("ون") or art.word(k + 1).endswith("ون")):
        return True
    span = range(k, k + 9) if hit.pos == "v" else (k,)  # قتل 4 جنود إثر هجوم شنه انتحاري: the means noun's author
    return any(_is(art, j, AGENTIVE_VERBS) and not art.strong_stop(hit.last, j)
               and any(_is(art, g, GENERIC_FIGHTERS) and not art.word(g).endswith("ة") for g in (j + 1, j + 2))
               for j in span)  # not "طائرة مسلحة"


def is_group(art: Article, ref) -> bool:
    """An armed group, or a person acting for one (a leader, a spokesman)."""
    if not isinstance(ref, ActorRef):
        return False
    return ref.kind in GROUP_KINDS or (ref.kind == "person" and art.org_kinds.get(ref.side) in GROUP_KINDS)


class Blame:
    """The armed groups an article names, scored as the author of its attacks, and a state its
    accused ("اتهم الإطار الجيش المالي بشن غارات … إن الضربات استهدفت": the army struck)."""

    def __init__(self, art: Article):
        self.score: Counter = Counter()
        self.first: dict[str, ActorRef] = {}
        for n, ref in enumerate(art.refs):
            accused = _accused(art, n)
            if not is_group(art, ref) and not (accused and art.is_state(ref.side) and not ref.mention):
                continue
            self.first.setdefault(ref.side, ref)
            claimed = accused or art.any_reading(CLAIM_WORDS, ref.first - 4, ref.last + 4)
            self.score[ref.side] += 4 if claimed else 1
        states = Counter(r.side for r in art.refs if art.is_state(r.side))
        self.focus = states.most_common(1)[0][0] if states else None  # the state the story is about

    def author(self, art: Article, lo: int, hi: int, tok: int, not_side: str | None = None) -> ActorRef | None:
        """The group in the clause of the act at `tok` (refs[lo:hi] are its sentence's actors;
        the most blamed one), else the article's. A group before "إن" reports, it did not act."""
        local = {art.refs[k].side: art.refs[k] for k in range(lo, hi) if art.refs[k].side in self.first
                 and not art.boundary(min(art.refs[k].last, tok) + 1, max(art.refs[k].first, tok))}
        for pool in (local, self.first):
            ranked = sorted((s for s in pool if s != not_side), key=lambda s: -self.score[s])
            if ranked:
                return pool[ranked[0]]
        return None


def _accused(art: Article, n: int) -> bool:
    """Is refs[n] the object of an accusation (اتهم X Y، X يتهم Y): right after the verb with
    its subject before it, or right after the subject that follows the verb?"""
    ref = art.refs[n]
    prev = art.refs[n - 1] if n else None
    k = art.last_reading(ACCUSE_WORDS, max(ref.first - 8, 0), ref.first)  # the nearest accusation verb
    if k is None:
        return False
    if prev is not None and prev.first > k:  # VSO: the verb, its subject, the accused
        return prev.first == k + 1 and ref.first - prev.last <= 2
    return ref.first - k <= 2 and prev is not None and 0 < k - prev.last <= 2  # SVO


def forces_owner(art: Article, lo: int, tok: int) -> ActorRef | None:
    """"قوات بلاده قتلت", "أن قواتها حيدت": the owner of the forces before the verb at `tok` is
    the last free actor named before them in the sentence (the reporting subject)."""
    k = tok - 1
    if art.word(k) in OWN_STATE_WORDS:
        k -= 1
    word = art.word(k)
    if not _is(art, k, FORCE_NOUNS) or not (word.endswith(("ها", "ه", "هم")) or k < tok - 1):
        return None
    j = _last_ref_before(art, lo, k)
    while j is not None and j >= lo and art.governed(art.refs[j]):
        j -= 1
    return art.refs[j] if j is not None and j >= lo else None


def reported_unit_owner(art: Article, lo: int, tok: int) -> ActorRef | None:
    """"أعلنت وزارة الدفاع أن وحدة من الدفاع الجوي … أسقطت طائرة": a unit with no actor named
    after "أن" acts for the reporting subject (the ministry's state)."""
    that = next((k for k in range(tok - 1, max(tok - 14, 0) - 1, -1) if art.word(k) in THAT), None)
    if that is None or not _is(art, that + 1, UNIT_NOUNS) or art.strong_stop(that, tok):
        return None
    if any(that < r.first < tok for r in art.refs):
        return None  # "أن وحدة من الجيش المالي": the unit's own state is named
    j = _last_ref_before(art, lo, that)
    while j is not None and j >= lo and art.governed(art.refs[j]):
        j -= 1
    return art.refs[j] if j is not None and j >= lo else None


def _last_ref_before(art: Article, lo: int, tok: int) -> int | None:
    """The index of the last actor of refs[lo:] that ends before token `tok`."""
    j = bisect.bisect_left(art.ref_firsts, tok, lo) - 1
    while j >= lo and art.refs[j].last >= tok:
        j -= 1
    return j if j >= lo else None


def passive_agent(art: Article, refs_after: list[int], start: int, end: int) -> int | None:
    """"على يد X", "في يد/قبضة X", "من قبل X" after a violent verb: X (an index into refs)."""
    for k in refs_after:
        ref = art.refs[k]
        if not start < ref.first <= end:
            continue
        prev, prev2 = art.word(ref.first - 1), art.word(ref.first - 2)
        if (prev in HAND_WORDS and prev2 in (ALA, FI)) or (prev in AGENT_MARKERS and prev2 == MIN):
            return k
    return None


def relative_agent(art: Article, refs_after: list[int], last: int) -> int | None:
    """"العقوبات التي فرضتها X", "هجمات شنتها X": the subject of an agentive verb in the
    relative clause right after the noun."""
    verb = next((k for k in range(last + 1, last + 5) if _is(art, k, AGENTIVE_VERBS)), None)
    if verb is None:
        return None
    return next((k for k in refs_after if verb < art.refs[k].first <= verb + 2 and not art.governed(art.refs[k])), None)


def third_party(art: Article, hit_last: int, ref: ActorRef) -> bool:
    """An actor after a new clause (فيما أعلنت فرنسا …) or among attendees (بحضور، بمشاركة)."""
    between = range(hit_last + 1, ref.first)
    if any(art.word(k) in NEW_CLAUSE_WORDS for k in between) or _reported_clause_between(art, hit_last, ref.first):
        return True
    return any(
        art.word(k) in ATTENDANCE_WORDS for k in range(max(hit_last + 1, ref.first - 3), ref.first))


def _reported_clause_between(art: Article, k0: int, k1: int) -> bool:
    """"…، وقالت إنها …": a comma then a new reported clause between the trigger and the actor."""
    comma = art.first_comma_gap(k0 + 1, k1)
    return comma is not None and any(art.word(k) in CLAUSE_OPENERS for k in range(comma, k1))


def relative_antecedent(art: Article, lo: int, tok: int) -> ActorRef | None:
    """"X الذين نفذوا … وأطاحوا": a verb joined by و inside a relative clause (no stop, no comma
    between) shares the clause's subject, the actor right before the relative pronoun."""
    for k in range(tok - 1, max(tok - 10, 0), -1):
        if art.word(k) in RELATIVES:
            j = _last_ref_before(art, lo, k)
            if j is not None and art.refs[j].last >= k - 2 and not art.strong_stop(k, tok) \
                    and "،" not in art.text_between_tokens(k, tok):
                return art.refs[j]
            return None
    return None


def background(art: Article, tok: int) -> bool:
    """"منذ انتشارها في مالي", "بوقف عملياتها العسكرية": a verbal noun after منذ dates a state of
    affairs, after وقف/تعليق/إنهاء it is what stops: no new act."""
    return not BACKGROUND_WORDS.isdisjoint(art.readings_at(tok - 1))


def ongoing_since(art: Article, tok: int) -> bool:
    """"يشهد شمال مالي منذ يناير هجمات": a noun after "منذ + date" is a series going on, background."""
    return any(art.word(k) == SINCE and not art.boundary(k + 1, tok) for k in (tok - 2, tok - 3))


def held_since(art: Article, hit) -> bool:
    """"رهائن تحتجزهم الجماعة منذ أبريل": holding hostages since a past date is the story's
    background (the act was the abduction, told elsewhere), not a new act; so is a holding told
    after بعدما/بعد أن."""
    if hit.pos != "v" or not _is(art, hit.first, HOLD_VERBS):
        return False
    if any(art.word(k) in AFTER_THAT for k in (hit.first - 1, hit.first - 2)):
        return True  # "أفرج عنهما بعدما احتجزهما مسلحون": the holding that led to the release
    return any(art.word(k) == SINCE and not art.boundary(hit.last + 1, k) for k in range(hit.last + 1, hit.last + 12))


def domestic_call(art: Article, hit, anchor: int) -> bool:
    """"دعا المجلس العسكري الموظفين إلى العودة إلى العمل": a demand on the state's own people
    (civil servants, citizens) is home policy, not an act between parties."""
    start = max(hit.last, anchor) + 1  # after the verb and its subject
    return hit.etype == "DEMAND" and any(_is(art, k, DOMESTIC_ADDRESSEES) for k in range(start, start + 2))


def setting(art: Article, hit) -> bool:
    """"وقع القادة المعاهدة خلال أول قمة يعقدها التحالف": a meeting noun after خلال/هامش/ختام
    frames the sentence's act; with no counterpart of its own it is no second event."""
    return hit.etype == "CONSULT" and hit.pos == "n" and any(_is(art, k, SETTING_WORDS) for k in (hit.first - 1, hit.first - 2))
