"""Events: PLOVER events with actor1 → actor2 read from the trigger's clause, a date and a place.

Triggers come from the dictionary (`triggers.py`, data in `corpus/lexicon/triggers.json`); this
module reads the roles around each trigger by its part of speech:

- `v` a finite verb: SVO (the actor(s) just before it in its clause) else VSO (an actor right
  after it, ≤ 3 words, no preposition between; "عن جانب/باسم X" names the party it acts for)
  else the clause subject before it, else — only for a clause-initial verb (a pronoun
  subject) — the story's current agent;
- `n` a verbal noun: its genitive ("احتجاج الجزائر على…"), or "من قبل/من جانب/من طرف X"
  after it, else the actor(s) just before it, else the clause subject; for acts done *to*
  someone (ASSAULT, COERCE, CRIME) the genitive is the target (اغتيال X); after "تعرض/يتعرض لـ"
  the subject is the target ("تتعرض مالي لهجمات");
- `p` a circumstantial participle (منددا، داعين): the sentence's agent;
- `r` a verb of receiving (تسلمت، تلقت): the giver after من is the agent, the receiver the target.

The target is the first actor after the trigger on another side (not in a "في …" venue); "بين X
وY" gives both; "البلدين/الجارتين" the two states named last; else a country or capital named
as a place after the trigger. Actors are reported at the level PLOVER codes them: a state body
or an official acting for a state is that state (`Article.side`, the lexicon's `root_state`).
An attack on a military target (an army, a convoy, a base, a drone) is FIGHT, not ASSAULT.
One event per reported act: the same type between the same sides in one article is one event
(unless both carry different explicit dates). Date: a date written just after the trigger,
else the last date before it in its sentence, else the publication year.
"""

from __future__ import annotations

import bisect
import datetime
from typing import NamedTuple

from corpus import plover
from corpus.extract import event_parties as parties
from corpus.extract.actor_context import CLASS_ACTORS
from corpus.extract.event_context import (
    AGENT_MARKERS,
    AN,
    BAYN,
    CLAUSE_WORDS,
    DEMONSTRATIVES,
    FI,
    MIN,
    PAIR_WORDS,
    PREPOSITIONS,
    ActorRef,
    Article,
    bare_forms,
)
from corpus.extract.resources import load_json
from corpus.extract.triggers import (
    NOT_AN_EVENT,
    TRIGGER_FILE,
    Trigger,
    find_triggers,
    present_tense,
    readings,
    word_forms,
)
from corpus.normalize import fold

# acts done to someone: a verbal noun's genitive is its target (اغتيال X، اعتقال X)
PATIENT_GENITIVE = frozenset({"ASSAULT", "COERCE", "CRIME"})
# cooperative nouns that a conflict trigger governs are its object (ترفض أي وساطة، تعليق وساطتها)
GOVERNED = frozenset({"CONSULT", "COOPERATE", "SUPPORT", "AID"})
GOVERNING = frozenset({"REJECT", "THREATEN", "DISAPPROVE", "SANCTION"})
# acts of violence: a verbal noun of these that another verb governs is reported, not done, by its subject
VIOLENT = frozenset({"ASSAULT", "FIGHT", "COERCE", "CRIME"})
# acts whose unnamed author is the armed group the article blames (attacks, abductions, clashes)
BLAMED = frozenset({"ASSAULT", "CRIME", "FIGHT"})
# a movement's agreement, talks, demand, refusal, protest, threat, release or withdrawal with no counterpart named:
# the state the story is about
COUNTERPART_TYPES = frozenset({"AGREE", "CONSULT", "DEMAND", "REJECT", "DISAPPROVE", "THREATEN", "CONCEDE", "RETREAT"})
# a deployment "in" a country is that country's affair: the host is the target (نشرت قوات في مالي)
HOSTED = frozenset({"MOBILIZE"})
# verbal acts whose object may be an act of violence (أدان الهجوم، طالب بوقف القتال، أشاد بالعملية)
JUDGING = frozenset({"DISAPPROVE", "DEMAND", "SUPPORT"})
# a verbal noun right after these names what is threatened, asked or refused, not an act done
CONTENT_OF = frozenset({"THREATEN", "DEMAND", "REJECT"})
SYMMETRIC = plover.SYMMETRIC_TYPES
# types whose several triggers in one sentence name one act (مشاورات ومباحثات، زيارة … لقاء)
ONE_PER_SENTENCE = frozenset({"CONSULT"})
WINDOW_BEFORE = 12  # tokens
WINDOW_AFTER = 14
VSO_DISTANCE = 3  # the subject of a verb-first clause follows it within this many tokens
MAX_PER_SENTENCE = 6
_PREC_NAME = {10: "day", 7: "month", 4: "year"}
BI_ISM, NIYABA, JANIB = fold("باسم"), fold("نيابة"), fold("جانب")
KULL = fold("كل")
GENERIC_FIGHTERS_ID = "TERRORIST-GROUPS"  # the class actor for fighters no group names
DIDD = fold("ضد")
CONTENT_MARKERS = frozenset(fold(w) for w in ("إلى", "أن", "بأن", "وإلى"))  # دعا إلى، لا تقبل أن، نفى أن


def _word_set(section: str) -> frozenset:
    return frozenset(f for w in load_json(TRIGGER_FILE)[section] for f in word_forms(w))


# words that say "the subject undergoes" (تتعرض مالي لهجمات) and military objects (FIGHT)
PATIENT_VERBS = _word_set("patient_verbs")
MILITARY_OBJECTS = _word_set("military_objects")
VERB_LEADS = _word_set("verb_leads")  # قد، ثم، كما…: a verb after them still opens its clause
PURPOSE_WORDS = _word_set("purpose_words")  # من أجل، بهدف…: an aim, not a reported act
PLACE_HEADS = _word_set("place_heads")  # شمال، حدود…: "شمال مالي" is a place, not a party
TITLE_HEADS = _word_set("title_heads")  # الأمين العام للأمم المتحدة: an office of the body after it
MEMBER_NOUNS = _word_set("member_nouns")  # قيادي، عضو، عناصر: "قياديا في الحركة" is the group
COMPLEMENTIZERS = frozenset(fold(w) for w in load_json(TRIGGER_FILE)["complementizers"])
VENUE_WORDS = frozenset(fold(w) for w in load_json(TRIGGER_FILE)["venue_words"])  # أمام المحكمة: a venue
COMPLAINT_WORDS = _word_set("complaint_words")  # شكوى إلى الأمم المتحدة: the body it goes to is a venue
ADDRESS_WORDS = frozenset(fold(w) for w in ("إلى", "لدى", "الى"))
STRIKER_NOUNS = _word_set("striker_nouns")  # قصف الطائرات الجزائرية: the aircraft's state struck
FAILURE_WORDS = _word_set("failure_words")  # العجز عن مواجهة: an act not done
PURPOSE_MASDARS = frozenset(fold(w) for w in load_json(TRIGGER_FILE)["purpose_masdars"])  # اجتماع لبحث العقوبات
CHARTER_HEADS = _word_set("charter_heads")  # انتهاك لميثاق الأمم المتحدة: the UN is no party
REFERENCE_HEADS = _word_set("reference_heads")  # تطبيقا لقرار القمة: a meeting named, not held
TOPIC_HEADS = _word_set("topic_heads")  # مكافحة الإرهاب والتهريب وخطف الرعايا: topics, not acts
# types PLOVER codes with no target (a mobilisation, a protest, an inquiry, a refusal…); an attack,
# an arrest or a clash with no stated target is most often a reference, not a reported act
ONE_SIDED_TYPES = frozenset(load_json(TRIGGER_FILE)["one_sided_types"])
# two reports of one act of these types in an article are one event when their days are this close
MERGE_WITHIN_DAYS = load_json(TRIGGER_FILE)["merge_within_days"]


class Sentence(NamedTuple):
    start: int  # original offsets
    end: int
    t0: int  # token range [t0, t1)
    t1: int
    lo: int  # actor range [lo, hi) in Article.refs
    hi: int
    topic: ActorRef | None  # a sentence-initial actor followed by a relative clause (مالي، التي …)
    verbs: tuple = ()  # (first, last, type) of the verb and participle triggers of the sentence
    violent: tuple = ()  # first tokens of the sentence's acts of violence


class Roles(NamedTuple):
    agents: list
    targets: list
    anchor: int  # targets are searched after this token


class Around(NamedTuple):
    """The actors around a trigger, as indexes into Article.refs."""

    before: list[int]
    after: list[int]
    near_before: int | None
    adjacent: bool  # the nearest actor before is right before the trigger, same clause
    subject_before: int | None  # the last ungoverned actor before it in its clause


def find_events(doc, actors: list[dict], places: list[dict], dates: list[dict],
                country_of: dict[str, str] | None = None, state_of=None, org_of=None,
                place_country: dict[str, str] | None = None) -> list[dict]:
    """Pipeline step: PLOVER events with evidence spans (the sentence).

    `country_of` maps a country/capital place id to its state (to read "من مالي" as actor2);
    `state_of(actor_id)` gives an actor's state (a minister's, a body's), `org_of(actor_id)` the
    organisation a person belongs to (and its kind), `place_country` any place's country."""
    if not doc.tokens or not doc.sentences:
        return []
    art = Article(doc, actors, places, dates, state_of, country_of, org_of, place_country)
    triggers = find_triggers(art.words, art.word_readings)
    if not triggers:
        return []
    story = _Story(_publication_date(doc.published), parties.Blame(art))
    first_tokens = [t.first for t in triggers]
    out: list[dict] = []
    for start, end in doc.sentences:
        t0, t1 = art.tok_after(start), art.tok_after(end)
        hits = triggers[bisect.bisect_left(first_tokens, t0):bisect.bisect_left(first_tokens, t1)]
        sent = _sentence(art, start, end, t0, t1, hits)
        hits = [h for h in hits if not _inside_actor(art, sent, h) and not _same_violence(art, sent, h, hits)]
        out.extend(_sentence_events(art, sent, hits, story))
        story.end_sentence(art, sent)
    return _one_per_act(art, out)


def _same_violence(art: Article, sent: Sentence, hit: Trigger, hits: list[Trigger]) -> bool:
    """One act told twice in a clause (or "الهجوم الذي وقع": occurred, not signed): a violent verb describing an attack noun ("هجوم استهدف
    موقعا"), or a violent noun after في/خلال naming the means of a violent verb before it ("قتلت
    عشرات المسلحين في غارات جوية")."""
    if hit.etype == "AGREE" and hit.pos == "v":
        return parties.describes_noun(art, hit.first, sent.violent)  # الهجوم الذي وقع أمس: occurred
    if hit.etype not in VIOLENT:
        return False
    if hit.pos == "v":
        return parties.describes_noun(art, hit.first, sent.violent) or parties.attack_subject(art, hit.last)
    return hit.pos == "n" and art.word(hit.first - 1) in parties.MEANS_WORDS and any(
        h.pos == "v" and h.etype in VIOLENT and 0 < hit.first - h.last <= 8 and not art.boundary(h.last + 1, hit.first)
        for h in hits)


class _Story:
    """What carries from sentence to sentence: the current agent (a pronoun subject's referent)."""

    def __init__(self, pub_date, blame: parties.Blame):
        self.agent: ActorRef | None = None
        self.sentence_agent: ActorRef | None = None
        self.pub_date = pub_date
        self.blame = blame  # the article's armed groups, for attacks whose author is not named
        self.acts: set[tuple[str, str]] = set()  # (type, actor1) of the events reported so far

    def end_sentence(self, art: Article, sent: Sentence) -> None:
        if self.sentence_agent is None:  # no event: the sentence's first free actor is the topic
            first = next((art.refs[k] for k in range(sent.lo, sent.hi) if not art.governed(art.refs[k])), None)
            if first is not None and art.resolves_states:
                self.agent = first
        self.sentence_agent = None


def _publication_date(published: str | None) -> tuple[str | None, str]:
    if published and len(published[:10]) in _PREC_NAME:
        return published[:4], "year"
    return None, "unknown"


def _sentence(art: Article, start: int, end: int, t0: int, t1: int, hits: list[Trigger]) -> Sentence:
    """The sentence [start, end) over tokens [t0, t1) with its trigger hits."""
    lo, hi = bisect.bisect_left(art.ref_firsts, t0), bisect.bisect_left(art.ref_firsts, t1)
    topic = None
    if lo < hi and art.refs[lo].first <= t0 + 1:
        last = art.refs[lo].last
        if any(art.word(k) in CLAUSE_WORDS for k in range(last + 1, last + 3)):
            topic = art.refs[lo]
    verbs = tuple((h.first, h.last, h.etype) for h in hits if h.pos in ("v", "p"))
    return Sentence(start, end, t0, t1, lo, hi, topic, verbs, tuple(h.first for h in hits if h.etype in VIOLENT))


def _inside_actor(art: Article, sent: Sentence, hit: Trigger) -> bool:
    """A trigger inside an actor's name (الحركات الموقعة على اتفاق الجزائر) is no event."""
    k = bisect.bisect_right(art.ref_firsts, hit.first, sent.lo, sent.hi) - 1
    return k >= sent.lo and art.refs[k].first <= hit.first <= art.refs[k].last


# -- one sentence ----------------------------------------------------------------------------
def _sentence_events(art: Article, sent: Sentence, hits: list[Trigger], story: _Story) -> list[dict]:
    two_sided: list[dict] = []
    one_sided: list[dict] = []
    last_end: dict[str, int] = {}
    claimed: set[int] = set()  # dates already read as an earlier trigger's date
    reported: set[str] = set()  # ONE_PER_SENTENCE types already reported in this sentence
    verb_firsts = [h.first for h in hits if h.pos != "n"]  # hits are in token order
    for n, hit in enumerate(hits):
        if len(two_sided) + len(one_sided) >= MAX_PER_SENTENCE:
            break
        if _skipped(art, hit, hits[:n], last_end):
            continue
        k = bisect.bisect_right(verb_firsts, hit.last)  # the next verb after the trigger
        nxt = verb_firsts[k] if k < len(verb_firsts) else sent.t1
        roles = _roles(art, sent, hit, nxt, story)
        etype = _refined_type(art, hit, roles)
        clause_date = _event_date(art, sent, hit, nxt, claimed)
        if not roles.agents or etype in reported or (hit.needs_date and _background_date(clause_date, story)):
            continue
        if _told_again(art, hit, roles, story) or _generic_statement(art, hit, roles):
            continue
        date = clause_date or story.pub_date
        story.sentence_agent = story.sentence_agent or roles.agents[0]
        if hit.pos != "r" and isinstance(roles.agents[0], ActorRef):
            story.agent = roles.agents[0]
        place = _nearest_place(art, sent, hit)
        for ev in _records(art, etype, roles, place, date, sent):
            if not ev["actor2"] and (not (etype in ONE_SIDED_TYPES or hit.alone) or parties.domestic_call(art, hit, roles.anchor)
                                 or (two_sided and parties.setting(art, hit))):
                continue
            (two_sided if ev["actor2"] else one_sided).append((n, ev))
            story.acts.add((etype, ev["actor1"]))
            reported |= {etype} & ONE_PER_SENTENCE if ev["actor2"] else set()
    # a one-sided event (no target) is kept when the sentence has no two-sided event of its type,
    # from the first trigger of its type ("أدانت … وطالبت بالإفراج" is two acts; "طالب كل من X
    # وY" one act of each)
    two_sided = _hostages_once(_first_per_pair(two_sided))
    directed = {e["type"] for _n, e in two_sided}
    firsts = {e["type"]: n for n, e in reversed(one_sided) if e["type"] not in directed}
    return [e for _n, e in two_sided] + [e for n, e in one_sided if firsts.get(e["type"]) == n]


def _first_per_pair(events: list[tuple]) -> list[tuple]:
    """One sentence, one act per type and pair ("نفذوا انقلاب 22 مارس وأطاحوا بالرئيس"): the first."""
    seen: set = set()
    out = []
    for n, ev in events:
        key = (ev["type"], ev["actor1"], ev["actor2"])
        if key not in seen:
            seen.add(key)
            out.append((n, ev))
    return out


def _hostages_once(events: list[tuple]) -> list[tuple]:
    """"تحتجز الجماعة الرهينة التي اختطفت في غاو": holding and abducting the same hostages in one
    sentence is one act, the abduction (ASSAULT); the holding is its continuing state."""
    abducted = {(ev["actor1"], ev["actor2"]) for _n, ev in events if ev["type"] == "ASSAULT"}
    return [(n, ev) for n, ev in events if ev["type"] != "CRIME" or (ev["actor1"], ev["actor2"]) not in abducted]


def _told_again(art: Article, hit: Trigger, roles: Roles, story: _Story) -> bool:
    """"الهجوم" (definite) after the article reported an attack by the same agent: that attack
    told again, not a new one."""
    if hit.pos != "n" or hit.etype not in VIOLENT or not _definite(art.word(hit.first)):
        return False
    side = roles.agents[0].side
    return any((t, side) in story.acts for t in VIOLENT)


def _generic_statement(art: Article, hit: Trigger, roles: Roles) -> bool:
    """"الجماعات الإرهابية تهدد أمن المنطقة": a class of actors (not a named one) as the agent of
    a present-tense verb or a verbal noun is a statement's general background, not a reported act."""
    agent = roles.agents[0]
    if getattr(agent, "actor_id", None) not in CLASS_ACTORS:
        return False
    return hit.pos != "v" or present_tense(art.word(hit.first))


def _background_date(clause_date, story: _Story) -> bool:
    """A reference ("الاتفاق الموقع …") is an act only with a date in its clause, and not when
    that date lies three or more years before publication (the accord signed in 2015, in 2024)."""
    if clause_date is None:
        return True
    year, pub_year = (clause_date[0] or "")[:4], story.pub_date[0]
    return bool(year.isdigit() and pub_year and int(pub_year) - int(year) >= 3)


def _skipped(art: Article, hit: Trigger, earlier: list[Trigger], last_end: dict[str, int]) -> bool:
    """Triggers that report no new act: a known non-event, a hit inside a longer one, a noun
    after a demonstrative (هذه الاتهامات), a cooperative noun a conflict trigger governs."""
    if hit.first <= max(last_end.get(hit.etype, -1), last_end.get("THREATEN", -1), last_end.get(NOT_AN_EVENT, -1)):
        return True
    last_end[hit.etype] = hit.last
    if hit.etype == NOT_AN_EVENT or (hit.pos == "v" and hit.etype != "REJECT" and parties.negated(art, hit.first)):
        return True
    if hit.pos == "n" and (art.bare(hit.first - 1) in DEMONSTRATIVES or parties.background(art, hit.first)):
        return True
    if parties.held_since(art, hit):
        return True  # رهائن تحتجزهم الجماعة منذ أبريل: the story's background, not a new act
    if hit.pos == "n" and hit.etype == "COERCE" and parties.time_anchor(art, hit.first):
        return True  # "بعد أكثر من شهرين على إطاحة الجيش بالرئيس": a coup that dates the story
    if _after_any(art, PURPOSE_WORDS, hit.first, 3) or _after_any(art, TOPIC_HEADS, hit.first, 6):
        return True
    if hit.pos == "n" and hit.etype in VIOLENT and parties.ongoing_since(art, hit.first):
        return True  # "يشهد الشمال منذ يناير هجمات": a state of affairs, not a reported act
    if hit.etype in VIOLENT and any(parties.coup(art, h.first, h.last) and parties.anchored_after(art, h.last, hit.first)
                                    for h in earlier):
        return True  # "استولى عسكريون على السلطة بعد أن شنت الحركة هجوما": the rebellion is the coup's background
    if _after_any(art, FAILURE_WORDS, hit.first, 3):
        return True  # "بالعجز عن مواجهة هجمات المتمردين": what was not done (a coup's motive)
    if _after_any(art, PURPOSE_MASDARS, hit.first, 6):
        return True  # عقد اجتماعا لبحث تداعيات العقوبات: the topic of the meeting
    if hit.etype == "CONSULT" and hit.pos == "n" and not REFERENCE_HEADS.isdisjoint(art.readings_at(hit.first - 1)):
        return True  # تطبيقا لقرار القمة، على هامش المؤتمر: a meeting named, not a meeting held
    if parties.denied(art, hit.first, [h.first for h in earlier if h.etype == "REJECT"]):
        return True  # نفت فرنسا أن تكون قد دعمت …
    if _content_of(art, hit, earlier):
        return True  # لوحت بإغلاق الحدود، طالبت بسحب القوات: what is threatened or asked, not done
    return hit.etype in GOVERNED and hit.pos == "n" and any(
        h.etype in GOVERNING and 0 < hit.first - h.last <= 4 for h in earlier)


def _content_of(art: Article, hit: Trigger, earlier: list[Trigger]) -> bool:
    """Is the noun what an earlier THREATEN/DEMAND/REJECT trigger threatens, asks or refuses:
    right after it, or after its "إلى"/"أن" later in the clause (دعا الوزير، في ختام الأشغال، إلى سحب:
    after a preposition even a verb form reads as a noun)?"""
    for h in earlier:
        if h.etype in JUDGING and h.pos == "v" and hit.etype not in VIOLENT and 0 < hit.first - h.last <= 8 \
                and _read_after_bi(art.word(hit.first)) and not art.boundary(h.last + 1, hit.first):
            return True  # ندد بالعقوبات، رحب بالاتفاق: the object judged, not an act of the judge
        if h.etype not in CONTENT_OF or h.last >= hit.first:
            continue
        if hit.pos == "n" and hit.first - h.last <= 2:
            return True
        if hit.pos == "n" and (_read_after_bi(art.word(hit.first)) or _read_after_bi(art.word(hit.first - 1))) \
                and not art.boundary(h.last + 1, hit.first):
            return True  # هددت الحركة … بإعدام الرهينة، طالب … بعقد اجتماع
        if art.word(hit.first - 1) in CONTENT_MARKERS and hit.first - h.last <= WINDOW_BEFORE and not art.boundary(h.last + 1, hit.first - 1):
            return True
    return False


def _read_after_bi(word: str) -> bool:
    """A word with the preposition ب (بإعدام، وبالإفراج)."""
    return any(word.startswith(p) and word[len(p):] in readings(word) for p in ("ب", "وب"))


def _after_any(art: Article, words: frozenset, tok: int, span: int) -> bool:
    """Is one of `words` among the `span` tokens before `tok`, with no clause boundary between?"""
    found = art.word_readings
    for k in range(tok - 1, max(tok - span, 0) - 1, -1):
        if not words.isdisjoint(found[k]):
            return not art.boundary(k + 1, tok)
    return False


def _sides(agent: ActorRef, target: ActorRef | None) -> tuple[str, str | None]:
    """actor1 → actor2 at state level; an act inside one state (an army ousting its president,
    security forces arresting an official) keeps the target person itself."""
    if target is None:
        return agent.side, None
    if target.side == agent.side and getattr(agent, "actor_id", None) != target.actor_id and target.side != target.actor_id:
        return agent.side, target.actor_id  # the state's army → its president: MLI → the person
    return agent.side, target.side  # a group's leader and the group: one side, no event


def _records(art: Article, etype: str, roles: Roles, place, date, sent: Sentence) -> list[dict]:
    out = []
    for agent in roles.agents:
        for target in roles.targets or [None]:
            a1, a2 = _sides(agent, target)
            if a2 == a1:
                continue
            out.append({"type": etype, "actor1": a1, "actor2": a2, "place_id": place,
                        "date": date[0], "date_precision": date[1],
                        "evidence": {"start": sent.start, "end": sent.end}})
    return out


# -- roles -----------------------------------------------------------------------------------
def _around(art: Article, sent: Sentence, hit: Trigger) -> Around:
    refs = art.refs
    before = [k for k in art.refs_in(hit.first - WINDOW_BEFORE, hit.first, sent.lo, sent.hi)
              if refs[k].last < hit.first]
    after = list(art.refs_in(hit.first + 1, hit.last + WINDOW_AFTER + 1, sent.lo, sent.hi))
    near = before[-1] if before else None
    adjacent = near is not None and hit.first - refs[near].last <= 2 and \
        not art.boundary(refs[near].last + 1, hit.first) and not art.comma_between(refs[near], hit.first)
    subject = next((k for k in reversed(before) if not art.governed(refs[k])
                    and not art.boundary(refs[k].last + 1, hit.first)), None)
    return Around(before, after, near, adjacent, subject)


def _roles(art: Article, sent: Sentence, hit: Trigger, nxt: int, story: _Story) -> Roles:
    near = _around(art, sent, hit)
    if hit.pos == "r":
        roles = _receive_roles(art, hit, near)
    elif _resumptive(art, hit) and any(not _in_venue(art, art.refs[k]) for k in near.before):
        issuer = next(art.refs[k] for k in reversed(near.before) if not _in_venue(art, art.refs[k]))
        roles = Roles([issuer], [], hit.last)  # بيانا اتهمت فيه الجزائر; شكوى أمام المحكمة تتهم فيها
    elif hit.pos == "v":
        roles = _verb_roles(art, sent, hit, near, story)
    elif hit.pos == "p":
        roles = _participle_roles(art, near, story)
    else:
        roles = _noun_roles(art, sent, hit, near)
    roles = _pair_roles(art, sent, hit, near, roles)
    roles = _victims_are_not_agents(art, hit, roles)
    if hit.etype in VIOLENT and roles.agents and getattr(roles.agents[0], "actor_id", None) in CLASS_ACTORS:
        named = story.blame.author(art, sent.lo, sent.hi, hit.first, roles.agents[0].side)  # when a group is named
        roles = roles._replace(agents=[named]) if named is not None else roles
    if hit.pos == "v" and roles.agents and parties.abduction(art, hit.first) and _is_state(roles.agents[0].side):
        roles = Roles([], roles.agents[:1], roles.anchor)  # "سايس ومعاونوه اختطفوا": states do not abduct
    if not roles.agents and hit.etype == "COERCE" and parties.coup(art, hit.first, hit.last) and not (
            hit.pos == "n" and parties.time_anchor(art, hit.first)):
        roles = _coup_roles(art, sent, hit, near, nxt)
    if hit.etype == "CONCEDE":
        roles = _release_roles(art, sent, hit, near, roles, story)
    if not roles.agents and (hit.etype in BLAMED or (hit.etype == "COERCE" and parties.generic_fighters_after(
            art, hit.first - 3, hit.last + 3))):
        return _blamed_roles(art, sent, hit, near, roles, nxt, story)
    if roles.agents and not roles.targets:
        roles = roles._replace(targets=_target_after(art, sent, hit, near, roles, nxt))
    if roles.agents and not roles.targets and hit.etype in VIOLENT:
        roles = roles._replace(targets=_violent_target(art, sent, hit, nxt, roles, story))
    if not roles.agents:
        return roles
    roles = roles._replace(targets=[t for t in roles.targets if _other_side(hit, roles.agents[0], t)])
    if len(roles.agents) > 1 and hit.etype in SYMMETRIC and (not roles.targets or all(
            art.is_state(a.side) for a in roles.agents)):  # اتفقت X وY، اندماج X وY، وقع قادة X وY وZ
        if all(art.is_state(a.side) for a in roles.agents):
            return _meeting_roles(art, sent, hit, roles)
        return Roles(roles.agents[:1], roles.agents[1:], roles.anchor)
    focus = story.blame.focus
    if not roles.targets and hit.etype in COUNTERPART_TYPES and focus and parties.is_group(art, roles.agents[0]):
        return roles._replace(targets=[_StateRef(focus)])  # وقعت التنسيقية على الاتفاق: with the government
    return roles


def _meeting_roles(art: Article, sent: Sentence, hit: Trigger, roles: Roles) -> Roles:
    """A meeting (or accord, cooperation) of several states ("اجتمع رؤساء أركان جيوش الجزائر ومالي
    والنيجر في تمنراست") is one event, not one per pair: the host (the state of the venue, when it
    is named in the sentence) first, with the first other member."""
    place = _nearest_place(art, sent, hit)
    host = _state_of_place(art, place) if place else None
    named = {art.refs[k].side for k in range(sent.lo, sent.hi)}
    if host not in named:
        return Roles(roles.agents[:1], roles.agents[1:2], roles.anchor)
    first = next(a for a in roles.agents if a.side == host) if any(a.side == host for a in roles.agents) \
        else _StateRef(host)
    other = next(a for a in roles.agents if a.side != host)
    return Roles([first], [other], roles.anchor)


def _coup_roles(art: Article, sent: Sentence, hit: Trigger, near: Around, nxt: int) -> Roles:
    """"استولى عسكريون على السلطة إثر إطاحتهم بالرئيس X": soldiers with no named body oust
    their own state's leader: the state (its army) → the person."""
    person = next((art.refs[k] for k in near.after if art.refs[k].kind == "person" and art.refs[k].first < nxt + 6
                   and art.is_state(art.refs[k].side)), None)
    if person is None:
        return Roles([], [], hit.last)
    return Roles([_StateRef(person.side)], [person], person.last)


def _release_roles(art: Article, sent: Sentence, hit: Trigger, near: Around, roles: Roles, story: _Story) -> Roles:
    """"أعلنت فيينا الإفراج عن السائحين النمساويين": hostages freed are released by their captors
    (the group the article blames) toward the hostages' state, not by the state announcing it."""
    freed = next((art.refs[k] for k in near.after if parties.is_national(art, art.refs[k])
                  and not art.boundary(hit.last + 1, art.refs[k].first)), None)
    if freed is None or (roles.agents and roles.agents[0].side != freed.side):
        return roles
    captor = story.blame.author(art, sent.lo, sent.hi, hit.first, freed.side)
    return Roles([captor], [freed], freed.last) if captor is not None else roles


def _victims_are_not_agents(art: Article, hit: Trigger, roles: Roles) -> Roles:
    """A nisba naming people (رهائن جزائريين، خمسة فرنسيين) is never an agent; in an act of
    violence it names the victims' state."""
    victims = [a for a in roles.agents if isinstance(a, ActorRef) and (parties.is_national(art, a) or (
        hit.etype in VIOLENT and a.mention == "adjective" and not parties.force_adjective(art, a)))]
    if not victims:
        return roles
    agents = [a for a in roles.agents if a not in victims]
    targets = roles.targets or (victims if hit.etype in VIOLENT else [])
    return Roles(agents, targets, max([roles.anchor] + [v.last for v in victims]))


def _blamed_roles(art: Article, sent: Sentence, hit: Trigger, near: Around, roles: Roles, nxt: int,
                  story: _Story) -> Roles:
    """An attack, an abduction or a clash whose author the clause does not name (الهجوم
    الانتحاري، خطف مسلحون مجهولون): the group the article blames, against a party named in the
    act's own clause or the state where it happened."""
    author = story.blame.author(art, sent.lo, sent.hi, hit.first)
    if author is None and parties.unnamed_attackers(art, hit):
        author = _StateRef(GENERIC_FIGHTERS_ID)  # "هاجم عناصر إرهابيون دورية": no group named anywhere
    if author is None or (hit.pos == "n" and _definite(art.word(hit.first)) and (hit.etype, author.side) in story.acts):
        return roles._replace(agents=[])  # "الهجوم" again: the attack already reported
    roles = roles._replace(agents=[author])
    targets = roles.targets or [t for t in _target_after(art, sent, hit, near, roles, nxt)
                                if not isinstance(t, ActorRef) or not art.boundary(hit.last + 1, t.first)
                                or _in_own_relative(art, hit, t)]
    targets = [t for t in targets or _violent_target(art, sent, hit, nxt, roles, story) if _other_side(hit, author, t)]
    if not targets and (hit.etype, author.side) in story.acts:
        return roles._replace(agents=[])  # "تدمير الأضرحة" again: the act already reported
    return roles._replace(targets=targets)


def _in_own_relative(art: Article, hit: Trigger, ref: ActorRef) -> bool:
    """"الهجوم الإرهابي الذي وقع أمس بتساليت على معسكر المينوسما": the body attacked, named in the
    relative clause that describes the attack noun (and no other clause after it)."""
    rel = next((k for k in range(hit.last + 1, hit.last + 4) if art.word(k) in parties.RELATIVES), None)
    return hit.pos == "n" and rel is not None and rel < ref.first and not art.boundary(rel + 1, ref.first)


def _definite(word: str) -> bool:
    """الهجوم، والهجوم، بالهجوم، للهجوم: the article (after و/ف and ب/ل/ك)."""
    rest = word[1:] if word[:1] in "وف" else word
    return rest.startswith(("ال", "لل")) or (rest[:1] in "بك" and rest[1:].startswith("ال"))


def _violent_target(art: Article, sent: Sentence, hit: Trigger, nxt: int, roles: Roles, story: _Story) -> list:
    """A state's forces fighting unnamed fighters (حيدت خمسين إرهابيا، تصدت للهجمات): the group
    the article blames. A group's attack with no named target, or a state's fight with no group
    named (قتلت مسلحين قرب ميناكا): the state where it happened, when another."""
    agent = roles.agents[0]
    held = parties.hostage_state(art, hit.first) if parties.abduction(art, hit.first) else None
    if held and held != agent.side:
        return [_StateRef(held)]  # "تم اختطافهم في تمبكتو": the hostages' state, not the place's
    if not art.is_state(agent.side):
        return _place_state(art, sent, hit, agent.side)
    if hit.etype != "FIGHT" and not parties.generic_fighters_after(art, hit.last + 1, min(nxt, hit.last + 6)):
        return []
    group = story.blame.author(art, sent.lo, sent.hi, hit.first, agent.side)
    if group is None and hit.pos == "v":
        return _place_state(art, sent, hit, agent.side)  # no group named: a strike across the border
    return [group] if group else []


def _resumptive(art: Article, hit: Trigger) -> bool:
    """"أصدرت الوزارة بيانا اتهمت فيه الجزائر": the verb's subject is the issuer before it."""
    return art.word(hit.last + 1) in _RESUMPTIVE


_RESUMPTIVE = frozenset(w for w in ("فيه", "فيها", "عبره", "عبرها", "خلاله", "خلالها"))


def _verb_roles(art: Article, sent: Sentence, hit: Trigger, near: Around, story: _Story) -> Roles:
    refs = art.refs
    if art.bare(hit.first - 1) in COMPLEMENTIZERS:
        return _reporting_subject(art, sent, hit, near)
    owner = parties.forces_owner(art, sent.lo, hit.first) or parties.reported_unit_owner(art, sent.lo, hit.first)
    if owner is not None:
        return Roles([owner], [], hit.last)  # قوات بلاده قتلت، أن قواتها حيدت
    if hit.etype in VIOLENT:
        by = parties.passive_agent(art, near.after, hit.last, min(sent.t1, hit.last + 10))
        if by is not None:  # اختطف X على يد Y، سقط في يد Y
            victims = [refs[k] for k in near.after if refs[k].first < refs[by].first and refs[k].side != refs[by].side]
            victims = victims or ([refs[near.subject_before]] if near.subject_before is not None else [])
            return Roles([refs[by]], victims[:1], refs[by].last)
    vso = _vso_subject(art, hit, near)
    if near.adjacent:
        return Roles(art.coordinated(near.near_before, sent.lo, sent.hi, -1), [], hit.last)
    subj = near.subject_before
    if subj is not None and hit.first - refs[subj].last <= 5 and not art.comma_between(refs[subj], hit.first):
        return Roles(art.coordinated(subj, sent.lo, sent.hi, -1), [], hit.last)  # القاعدة لا زال يحتجز
    if sent.topic is not None and vso is None:
        return Roles([sent.topic], [], hit.last)  # مالي، التي اختارت …، ترفض
    if vso is not None:
        agents = art.coordinated(vso, sent.lo, sent.hi, 1)
        return Roles(agents, [], agents[-1].last)
    if hit.etype in VIOLENT and art.word(hit.first + 1).endswith("ون") and not any(
            art.refs[k].first == hit.first + 1 for k in near.after):
        return Roles([], [], hit.last)  # "استولى عسكريون", "خطف مسلحون": a subject no actor names
    antecedent = parties.relative_antecedent(art, sent.lo, hit.first)
    if antecedent is not None and art.word(hit.first)[:1] == "و":
        return Roles([antecedent], [], hit.last)  # "أعضاء المجلس الذين نفذوا الانقلاب وأطاحوا بالرئيس"
    if story.sentence_agent is not None and _clause_initial(art, sent, hit) and hit.first > sent.t0:
        return Roles([story.sentence_agent], [], hit.last)  # "انتقدت الجزائر …، ورفضت …": the same subject
    if subj is not None:
        return Roles(art.coordinated(subj, sent.lo, sent.hi, -1), [], hit.last)
    fallback = story.sentence_agent or story.agent
    if fallback is not None and _clause_initial(art, sent, hit):
        return Roles([fallback], [], hit.last)  # a pronoun subject: the story's agent
    return Roles([], [], hit.last)


def _reporting_subject(art: Article, sent: Sentence, hit: Trigger, near: Around) -> Roles:
    """"أكدت الجزائر أنها تقف إلى جانب مالي": the pronoun after أن is the reporting clause's
    subject, the last ungoverned actor before the complementizer."""
    subj = next((k for k in reversed(near.before) if not art.governed(art.refs[k])), None)
    if subj is None:
        return Roles([], [], hit.last)
    return Roles(art.coordinated(subj, sent.lo, sent.hi, -1), [], hit.last)


def _vso_subject(art: Article, hit: Trigger, near: Around) -> int | None:
    """The subject right after a verb: close, ungoverned, no preposition or clause word between
    (an actor after "عن جانب/باسم" is the party the act is done for: the agent too)."""
    for k in near.after[:3]:
        ref = art.refs[k]
        if _on_behalf(art, ref) or (art.word(ref.first - 1) == MIN and art.word(ref.first - 2) == KULL):
            return k  # عن جانب X، كل من X وY
        between = range(hit.last + 1, ref.first)
        if ref.first - hit.last > VSO_DISTANCE + 1 or _object_slot(art, hit, ref):
            return None
        if art.governed(ref):
            return _office_holder(art, hit, near, k)
        if any(art.word(t) in PREPOSITIONS or art.word(t) in CLAUSE_WORDS or _read_after_bi(art.word(t))
               for t in between) or _object_case(art, ref):
            return None
        return k
    return None


def _object_case(art: Article, ref: ActorRef) -> bool:
    """"طالبتا المتمردين بالانسحاب": a group named by a plural in ـين after the verb is its object
    (the subject would be ـون)."""
    return ref.kind in ("armed_group", "group") and art.doc.text[ref.start:ref.end].endswith("ين") \
        and art.word(ref.first).startswith(("ال", "وال"))


def _object_slot(art: Article, hit: Trigger, ref: ActorRef) -> bool:
    """A verb phrase's subject stands inside it (استولى عسكريون على السلطة، وصل الوزير إلى) or
    completes its last noun (غادر آخر جنود قوة برخان); an actor after a phrase ending in a
    preposition (تقف إلى جانب مالي), or further on, is its object."""
    if hit.last == hit.first or ref.first <= hit.last:
        return False
    return art.bare(hit.last) in PREPOSITIONS | {JANIB} or ref.first > hit.last + 1


def _office_holder(art: Article, hit: Trigger, near: Around, k: int) -> int | None:
    """"أدان الأمين العام للأمم المتحدة أنطونيو غوتيريش": a body after a title (لـ) names the
    office; the person named right after holds it, else the body acts."""
    ref = art.refs[k]
    if art.doc.text[ref.start - 1:ref.start] != "ل" or art.word(ref.first - 1) in PREPOSITIONS:
        return None
    if all(TITLE_HEADS.isdisjoint(art.readings_at(t)) for t in range(hit.last + 1, ref.first)):
        return None
    nxt = next((j for j in near.after if art.refs[j].first == ref.last + 1), None)
    return nxt if nxt is not None and not art.governed(art.refs[nxt]) else k


def _on_behalf(art: Article, ref: ActorRef) -> bool:
    """"باسم X", "نيابة عن X", "عن جانب X": X is the party the act is done for."""
    prev, prev2 = art.word(ref.first - 1), art.word(ref.first - 2)
    return prev == BI_ISM or (prev == AN and prev2 == NIYABA) or (prev == JANIB and prev2 == AN)


def _clause_initial(art: Article, sent: Sentence, hit: Trigger) -> bool:
    """A verb that opens its clause (sentence start, و/ف + verb, after قد/ثم/كما or a comma):
    its pronoun subject is the story's agent. After a noun it has its own, unnamed subject."""
    if hit.first <= sent.t0 or art.word(hit.first)[:1] in "وف":
        return True
    prev = hit.first - 1
    return art.word(prev) in VERB_LEADS or art.text_between_tokens(prev, hit.first).strip(" ")[-1:] in "،,"


def _participle_roles(art: Article, near: Around, story: _Story) -> Roles:
    if story.sentence_agent is not None:
        return Roles([story.sentence_agent], [], 0)
    if near.subject_before is not None:
        return Roles([art.refs[near.subject_before]], [], 0)
    return Roles([story.agent] if story.agent else [], [], 0)


def _receive_roles(art: Article, hit: Trigger, near: Around) -> Roles:
    """استلمت مالي معدات من الاتحاد الأوروبي: the giver (after من) is the agent."""
    refs = art.refs
    giver = next((k for k in near.after if art.word(refs[k].first - 1) in AGENT_MARKERS | {MIN}), None)
    receiver = near.subject_before if near.subject_before is not None else near.near_before
    if receiver is None and near.after and near.after[0] != giver:
        receiver = near.after[0]  # VSO: تسلمت موريتانيا شحنة أسلحة من فرنسا
    targets = [refs[receiver]] if receiver is not None else []
    if giver is None:
        return Roles(targets, [], hit.last)
    return Roles([refs[giver]], targets, refs[giver].last)


def _noun_roles(art: Article, sent: Sentence, hit: Trigger, near: Around) -> Roles:
    refs = art.refs
    genitive = near.after[0] if near.after and refs[near.after[0]].first == hit.last + 1 \
        and not art.governed(refs[near.after[0]]) else None
    inner = next((k for k in art.refs_in(hit.first + 1, hit.last, sent.lo, sent.hi)
                  if refs[k].first == hit.first + 1), None)  # إطلاق تنظيم القاعدة رهينة
    by = next((k for k in near.after if refs[k].first - hit.last <= 3 and (
        art.word(refs[k].first - 1) in AGENT_MARKERS or art.word(refs[k].first - 1) == MIN)), None)
    striker = _striker(art, hit, near) if hit.etype in VIOLENT else None
    if striker is not None:
        return Roles([striker], [], striker.last)
    patient = near.subject_before if near.subject_before is not None else near.near_before  # دورية للجيش النيجري
    if _undergone(art, hit) and patient is not None and hit.first - refs[patient].last <= 4:
        agents = [refs[genitive]] if genitive is not None else [refs[by]] if by is not None else []
        return Roles(agents, [refs[patient]], hit.last)
    if hit.etype in PATIENT_GENITIVE and genitive is not None:
        targets = art.coordinated(genitive, sent.lo, sent.hi, 1)
        agent = by if by is not None else near.subject_before
        return Roles([refs[agent]] if agent is not None else [], targets, targets[-1].last)
    if inner is not None:
        return Roles([refs[inner]], [], hit.last)
    rel = parties.relative_agent(art, near.after, hit.last) if genitive is None else None
    if rel is not None:  # العقوبات التي فرضتها X، هجمات شنتها X
        return Roles([refs[rel]], [], refs[rel].last)
    if genitive is not None:
        agents = art.coordinated(genitive, sent.lo, sent.hi, 1)
        return Roles(agents, [], agents[-1].last)
    if by is not None:
        return Roles([refs[by]], [], refs[by].last)
    return _noun_agent_before(art, sent, hit, near)


def _noun_agent_before(art: Article, sent: Sentence, hit: Trigger, near: Around) -> Roles:
    if hit.etype in VIOLENT:
        if near.near_before is not None and _in_venue(art, art.refs[near.near_before]):
            return Roles([], [], hit.last)  # "شكوى أمام المحكمة بشأن الاعتداء": the court did not attack
    if hit.etype in VIOLENT and near.near_before is not None and _object_of_verb(art, sent, art.refs[near.near_before], hit):
        if _accused(art, sent, near.near_before, hit):
            return Roles([art.refs[near.near_before]], [], hit.last)  # اتهم X الجيش المالي بشن غارات
        return Roles([], [], hit.last)  # أدانت الجزائر الهجوم: the attack's agent is not stated
    if near.adjacent:
        return Roles(art.coordinated(near.near_before, sent.lo, sent.hi, -1), [], hit.last)
    if near.subject_before is not None:
        return Roles([art.refs[near.subject_before]], [], hit.last)
    if near.near_before is not None and not (
            hit.etype in VIOLENT and art.boundary(art.refs[near.near_before].last + 1, hit.first)):
        return Roles([art.refs[near.near_before]], [], hit.last)  # not "أوضح الوزير أن … بعد هجوم"
    return Roles([], [], hit.last)


def _striker(art: Article, hit: Trigger, near: Around) -> ActorRef | None:
    """"قصف الطائرات الجزائرية لمواقع": aircraft or artillery right after a violent noun, with the
    nisba of their state, are its agent."""
    if STRIKER_NOUNS.isdisjoint(art.readings_at(hit.last + 1)):
        return None
    return next((art.refs[k] for k in near.after if art.refs[k].first in (hit.last + 1, hit.last + 2)
                 and art.refs[k].last == hit.last + 2), None)


def _accused(art: Article, sent: Sentence, k: int, hit: Trigger) -> bool:
    """"اتهم X Y بشن غارات": Y, the object of an accusation right before the act, did it."""
    ref = art.refs[k]
    if ref.mention or art.governed(ref) or hit.first - ref.last > 3:
        return False
    return any(etype == "DISAPPROVE" and last < ref.first and ref.first - last <= 8 for _f, last, etype in sent.verbs) \
        and any(w.startswith(("ب", "وب")) for w in (art.word(hit.first), art.word(hit.first - 1)))


def _object_of_verb(art: Article, sent: Sentence, ref: ActorRef, hit: Trigger) -> bool:
    """Is the noun the object of another trigger verb whose subject is `ref` ("أدانت الجزائر
    الهجوم", "الجزائر تدين الهجوم")? Then `ref` reports or judges the act, it did not do it."""
    start = min(ref.first, hit.first)
    return any(first < hit.first and etype not in VIOLENT and not art.boundary(min(first, start) + 1, hit.first)
               for first, _last, etype in sent.verbs)


def _undergone(art: Article, hit: Trigger) -> bool:
    """"تتعرض مالي لهجمات": the subject of تعرض undergoes the act named by the noun."""
    return any(not PATIENT_VERBS.isdisjoint(art.readings_at(k)) for k in range(hit.first - 4, hit.first))


def _pair_roles(art: Article, sent: Sentence, hit: Trigger, near: Around, roles: Roles) -> Roles:
    """"بين X وY" right after the trigger; "البلدين/الجارتين" → the two states named last."""
    between = art.first_of(_BAYN_FORMS, hit.last + 1, min(hit.last + 7, sent.t1))
    if between is not None and (not roles.targets or hit.etype in SYMMETRIC):
        roles = _between_roles(art, hit, near, roles, between)
    pair_tok = art.first_of(_PAIR_FORMS, hit.last + 1, min(hit.last + 6, sent.t1))
    if pair_tok is None or roles.targets:
        return roles
    pair = art.last_two_states(hit.first)
    if len(pair) < 2:
        return roles
    agents = roles.agents or [_StateRef(pair[0])]
    other = [p for p in pair if p != agents[0].side]
    return Roles(agents, [_StateRef(other[0])] if len(other) == 1 else [], roles.anchor)


_BAYN_FORMS, _PAIR_FORMS = bare_forms(frozenset({BAYN})), bare_forms(PAIR_WORDS)


def _between_roles(art: Article, hit: Trigger, near: Around, roles: Roles, between: int) -> Roles:
    refs = art.refs
    inside = [k for k in near.after if refs[k].first > between]
    if not inside or refs[inside[0]].first - between > 3:
        return roles
    x = refs[inside[0]]
    y = next((refs[k] for k in inside[1:] if refs[k].first - x.last <= 3 and refs[k].side != x.side), None)
    if y is None:
        return roles
    if not roles.agents or hit.etype in SYMMETRIC:
        return Roles([x], [y], roles.anchor)
    return Roles(roles.agents, [g for g in (x, y) if g.side != roles.agents[0].side][:1], roles.anchor)


class _StateRef(NamedTuple):
    """A state known only from context (البلدين): no mention of its own."""

    side: str


def _target_after(art: Article, sent: Sentence, hit: Trigger, near: Around, roles: Roles, nxt: int) -> list:
    refs = art.refs
    side = roles.agents[0].side
    if hit.etype == "CONCEDE":  # a release: the group the prisoners belong to, or the hostage
        freed = [refs[k] for k in near.after if refs[k].first < nxt + 3 and refs[k].kind in ("armed_group", "person")
                 and refs[k] not in roles.agents][:1]
        if freed:
            return freed
    against = [k for k in near.after if roles.anchor < refs[k].first < nxt + 3 and art.word(refs[k].first - 1) == DIDD
               and _other_side(hit, roles.agents[0], refs[k])]
    if against:  # شكوى لدى مجلس الأمن ضد الجزائر: the party complained against, not the venue
        return art.coordinated(against[0], sent.lo, sent.hi, 1)
    members = _members(art, sent, roles)
    cand = [k for k in near.after if roles.anchor < refs[k].first < nxt + 3
            and _other_side(hit, roles.agents[0], refs[k]) and refs[k] not in members
            and not _in_venue(art, refs[k]) and not _named_as_place(art, refs[k]) and not _not_a_party(art, hit, refs[k])
            and not parties.third_party(art, hit.last, refs[k]) and not _victim_of(art, sent, hit, refs[k])
            and (hit.etype in VIOLENT | {"CONCEDE"} or not parties.is_national(art, refs[k]))]
    if cand and parties.is_national(art, refs[cand[0]]):
        return [refs[cand[0]]]  # خمسة فرنسيين وألمانيان: the first nationality named
    if cand:
        return art.coordinated(cand[0], sent.lo, sent.hi, 1)
    return _place_target(art, sent, hit, side)


def _not_a_party(art: Article, hit: Trigger, ref: ActorRef) -> bool:
    """"انتهاكا لميثاق الأمم المتحدة": the body whose charter is invoked; "اجتماعا لبحث العقوبات على
    مالي": an actor after the purpose of a meeting is its topic."""
    if not CHARTER_HEADS.isdisjoint(art.readings_at(ref.first - 1)):
        return True
    return any(art.word(k) in PURPOSE_MASDARS for k in range(hit.last + 1, ref.first))


def _victim_of(art: Article, sent: Sentence, hit: Trigger, ref: ActorRef) -> bool:
    """"أدان الهجوم الذي استهدف قافلة للبعثة": after an act of violence the trigger governs, an
    actor is that act's party (its victim), not the target of the condemnation or demand."""
    if parties.force_adjective(art, ref):
        return False  # "شكوى بسبب قصف الطائرات الجزائرية": the forces that struck are the accused
    return hit.etype in JUDGING and any(hit.last < v < ref.first for v in sent.violent)


def _members(art: Article, sent: Sentence, roles: Roles) -> set:
    """The actors coordinated with the agent (كل من الاتحاد الإفريقي والأمم المتحدة والاتحاد
    الأوروبي): fellow subjects of the act, never its target."""
    first = roles.agents[0]
    k = next((j for j in range(sent.lo, sent.hi) if art.refs[j] is first), None)
    if k is None:
        return set()
    return set(art.coordinated(k, sent.lo, sent.hi, 1, 8)) | set(art.coordinated(k, sent.lo, sent.hi, -1, 8))


# Acts that matter inside one state too (a coup, arrests, clashes): their target may be an actor
# of the agent's own state, named at its own level (MLI-ARMY → a Malian president).
INTRA_STATE_TYPES = frozenset({"COERCE", "ASSAULT", "FIGHT", "CRIME"})


def _other_side(hit: Trigger, agent, ref: ActorRef) -> bool:
    if ref.side != agent.side:
        return True
    return (hit.etype in INTRA_STATE_TYPES and getattr(agent, "actor_id", None) != ref.actor_id
            and ref.kind in ("person", "armed_group", "group"))


def _in_venue(art: Article, ref: ActorRef) -> bool:
    """"في مجلس الأمن", "أمام المحكمة" are venues; "قياديا في الحركة", "زعيم كتيبة في التنظيم" name a member
    of the party."""
    if art.word(ref.first - 1) in VENUE_WORDS:
        return True  # شكوى أمام محكمة العدل الدولية: the court hears, it does not act
    if art.word(ref.first - 1) in ADDRESS_WORDS and any(
            not COMPLAINT_WORDS.isdisjoint(art.readings_at(k)) for k in range(ref.first - 4, ref.first - 1)):
        return True  # شكوى إلى الأمم المتحدة، دعوى لدى المحكمة
    return art.word(ref.first - 1) == FI and all(
        MEMBER_NOUNS.isdisjoint(art.readings_at(k)) for k in (ref.first - 2, ref.first - 3))


def _named_as_place(art: Article, ref: ActorRef) -> bool:
    """"بشرق مالي", "حدود الجزائر": a state named as a place, not a party to the act."""
    return not PLACE_HEADS.isdisjoint(art.readings_at(ref.first - 1))


def _place_state(art: Article, sent: Sentence, hit: Trigger, side: str) -> list:
    """The state of the place (a country, a town, a region) named after the trigger in its
    sentence, a venue included: where an attack happened; else of the last place named before
    it ("سقطت المدينة في يد الحركة")."""
    p = bisect.bisect_right(art.place_toks, (hit.last, "\uffff"))
    while p < len(art.place_toks) and art.place_toks[p][0] < sent.t1:
        state = _state_of_place(art, art.place_toks[p][1])
        if state and state != side:
            return [_StateRef(state)]
        p += 1
    p = bisect.bisect_left(art.place_toks, (hit.first, ""))
    state = _state_of_place(art, art.place_toks[p - 1][1]) if p else None
    return [_StateRef(state)] if state and state != side else []


def _state_of_place(art: Article, place_id: str) -> str | None:
    return art.country_of.get(place_id) or art.place_country.get(place_id)


def _place_target(art: Article, sent: Sentence, hit: Trigger, side: str) -> list:
    """A country or capital named as a place after the trigger (سحب سفيريهما من مالي), not in
    a "في …" venue."""
    p = bisect.bisect_right(art.place_toks, (hit.last, "\uffff"))
    while p < len(art.place_toks) and art.place_toks[p][0] < min(sent.t1, hit.last + WINDOW_AFTER):
        tok, place_id = art.place_toks[p]
        state = art.country_of.get(place_id)
        venue = (art.word(tok - 1) == FI and MEMBER_NOUNS.isdisjoint(art.readings_at(tok - 2))
                 and hit.etype not in HOSTED) or \
            art.place_prefix.get(tok, "").endswith("ب")  # في الجزائر، بالجزائر; not سفيريها في مالي
        if state and state != side and not venue:
            return [_StateRef(state)] + _conjoined_states(art, p, side)
        p += 1
    return []


def _conjoined_states(art: Article, p: int, side: str) -> list:
    """The countries joined to the place at place_toks[p] by و (سفيريها في مالي والنيجر)."""
    out: list = []
    while p + 1 < len(art.place_toks) and art.place_toks[p + 1][0] == art.place_toks[p][0] + 1 \
            and art.place_prefix.get(art.place_toks[p + 1][0], "").startswith("و"):
        p += 1
        state = art.country_of.get(art.place_toks[p][1])
        if state and state != side:
            out.append(_StateRef(state))
    return out


# -- type, date, place -----------------------------------------------------------------------
def _refined_type(art: Article, hit: Trigger, roles: Roles) -> str:
    """PLOVER: an attack on armed forces (an army, a convoy, a base, a drone) or on an armed
    group is FIGHT, unless it is a terrorist or suicide attack (ASSAULT); a state holding people
    (احتجزت السلطات) is COERCE, hostage-taking by others CRIME; a town falling into a group's
    hands is FIGHT, a hostage falling into them ASSAULT."""
    if hit.etype == "CRIME" and roles.agents and _is_state(roles.agents[0].side):
        return "COERCE"
    if hit.etype == "SANCTION" and parties.summons(art, hit.first, hit.last):
        return "DISAPPROVE"  # استدعت السفير الجزائري: a summons to protest; سفيرها: a recall
    if hit.etype == "FIGHT" and art.word(hit.last) in parties.HAND_WORDS:
        victims = [t for t in roles.targets if isinstance(t, ActorRef) and (t.kind == "person" or parties.is_national(art, t))]
        return "ASSAULT" if victims else "FIGHT"
    if hit.etype != "ASSAULT":
        return hit.etype
    agent_toks = {k for a in roles.agents if isinstance(a, ActorRef) for k in range(a.first, a.last + 1)}
    window = [k for k in range(hit.first + 1, hit.last + 5) if k not in agent_toks]  # القاعدة: AQIM
    if roles.agents and any(parties.is_group(art, t) for t in roles.targets) and (
            _is_state(roles.agents[0].side) or parties.is_group(art, roles.agents[0])):
        return "FIGHT"  # قوات بلاده قتلت زعيم التنظيم، قتلوا عشرات من عناصر الحركة
    if parties.terror_attack(art, hit.first, hit.last + 3):
        return hit.etype
    if any(not MILITARY_OBJECTS.isdisjoint(art.readings_at(k)) for k in window):
        return "FIGHT"
    return hit.etype


def _is_state(side: str | None) -> bool:
    return bool(side) and len(side) == 3 and side.isupper()


def _event_date(art: Article, sent: Sentence, hit: Trigger, nxt: int, claimed: set[int]):
    """A date written just after the trigger (before the next verb trigger), else the last date
    of the sentence before it not already taken by an earlier trigger."""
    d_after = bisect.bisect_right(art.date_toks, hit.last)
    if d_after < len(art.dates) and art.dates[d_after][0] <= min(hit.last + 6, nxt, sent.t1 - 1):
        claimed.add(d_after)
        return _date_value(art.dates[d_after][1])
    d_before = bisect.bisect_left(art.date_toks, hit.first) - 1
    while d_before in claimed:
        d_before -= 1
    if d_before >= 0 and art.dates[d_before][0] >= sent.t0:
        return _date_value(art.dates[d_before][1])
    return None


def _date_value(d: dict) -> tuple[str, str]:
    return d["value"], d["precision"]


def _nearest_place(art: Article, sent: Sentence, hit: Trigger) -> str | None:
    """The sentence's place nearest the trigger (the earlier one on a tie)."""
    places = art.place_toks
    p0 = bisect.bisect_left(places, (sent.t0, ""))
    p1 = bisect.bisect_left(places, (sent.t1, ""))
    if p1 <= p0:
        return None
    after = bisect.bisect_left(places, (hit.first, ""), p0, p1)  # the first place at or after it
    if after == p0:
        return places[after][1]
    before = bisect.bisect_left(places, (places[after - 1][0], ""), p0, p1)  # the first of its token
    if after == p1 or hit.first - places[before][0] <= places[after][0] - hit.first:
        return places[before][1]
    return places[after][1]


# -- one event per act -----------------------------------------------------------------------
def _one_per_act(art: Article, events: list[dict]) -> list[dict]:
    """The same act reported twice is one event: same type, same sides (unordered for the
    symmetric types), dates that do not contradict. A one-sided event is dropped when the
    article has the same type and agent with a target."""
    kept: list[dict] = []
    for ev in events:
        if not any(_same_act(ev, k) for k in kept):
            kept.append(ev)
    directed = {(e["type"], e["actor1"]) for e in kept if e["actor2"]}
    return [e for e in kept if e["actor2"] or (e["type"], e["actor1"]) not in directed]


def _same_act(a: dict, b: dict) -> bool:
    if a["type"] != b["type"]:
        return False
    pair_a, pair_b = (a["actor1"], a["actor2"]), (b["actor1"], b["actor2"])
    same_pair = pair_a == pair_b or (a["type"] in SYMMETRIC and pair_a == pair_b[::-1])
    return same_pair and _dates_agree(a["date"], b["date"], MERGE_WITHIN_DAYS.get(a["type"], 0))


def _dates_agree(a: str | None, b: str | None, within_days: int = 0) -> bool:
    """One date lies within the other's precision (2024 ⊃ 2024-03-05), or both are days at most
    `within_days` apart (a visit reported on its first and its last day)."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return True
    day_a, day_b = _day(a), _day(b)
    return bool(within_days and day_a and day_b and abs((day_a - day_b).days) <= within_days)


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None
