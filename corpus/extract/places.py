"""Place rules: when a gazetteer name is a place, and the places built by rule.

The entity resolver (entities.py) finds every lexicon phrase; these functions decide the place
side, reading the resolver `res` (tokens, the mentions so far) and the word lists of
`corpus/lexicon/place_words.json`:
- role: a name that is both a state and a place (مالي، الجزائر، باماكو) is a place after a
  locative preposition or ب- (في مالي، بباماكو), after a border noun (حدود مالي), after من when a
  movement word comes before it in the sentence (انسحاب القوات … من مالي), in a dateline
  ("الجزائر -"); an agent otherwise (أرسلت الجزائر، ممثلة في الجزائر ومالي);
- a country named like its capital (الجزائر، تونس) is the capital in a dateline, "here" (هنا في
  الجزائر), or where something is signed, met, visited (المباحثات بالجزائر، زيارة … إلى الجزائر);
- names inside proper names (اتفاق الجزائر) are neither;
- compound areas: direction words + a country, region or البلاد (شمال شرق مالي، بشرق مالي،
  أقصى جنوب الجزائر، الجنوب الجزائري، وسط البلاد) → one area span, placed on the sector of its base;
- border and land nouns + states (الحدود الجزائرية المالية، الحدود بين مالي والنيجر، الأراضي
  الليبية) → the border area / the country;
- cue words (مدينة، ولاية، منطقة…) + a name → that place (the wilaya after ولاية), or a new place.
"""

from __future__ import annotations

import bisect
import re

from corpus.extract.doc import strip_clitic
from corpus.extract.lexicon import CUE_WORDS, KNOWN_ONLY_CUES, Entry, Lexicon, PlaceInfo
from corpus.extract.resources import folded_words, load_json
from corpus.normalize import fold

WORDS = load_json("place_words.json")


def _words(section: str) -> frozenset:
    return folded_words("place_words.json", section)


LOC_PREPS = _words("locative_prepositions")
CAPITAL_PLACE_NOUNS = _words("capital_place_nouns")
FROM_PLACE = _words("from_place")
FROM_PLACE_BLOCKERS = _words("from_place_blockers")
CAPITAL_CUES = _words("capital_event_words") | _words("capital_visit_words")
CAPITAL_VISIT = _words("capital_visit_words")
HERE = _words("here_words")
AGENT_FRAMES = _words("agent_frames")
NAME_BLOCKERS = _words("name_blockers")
LAND_NOUNS = _words("land_nouns")
BORDER_NOUNS = _words("border_nouns")
COUNTRY_WORDS = _words("country_words")
NAME_HEADS = _words("place_name_heads")
WELL_WORDS = _words("well_words")  # بئر ماء، بئر نفط: a well, not a place
NAME_PARTICLE_WORDS = frozenset(fold(w) for w in ("أم", "ام", "أبو", "ابو", "بن", "ولد", "سيدي"))
INTENSIFIERS = _words("direction_intensifiers")
DIRECTIONS = {fold(w): d for d, ws in WORDS["directions"].items() for w in ws.split()}
SECOND_DIRECTIONS = {**DIRECTIONS, **{fold(w): d for d, ws in WORDS["direction_second_words"].items() for w in ws.split()}}
DIRECTION_NAMES: dict[str, str] = WORDS["direction_names"]
CUE_ADJECTIVES = _words("cue_adjectives")
TRIGGERS = CUE_WORDS | frozenset(KNOWN_ONLY_CUES) | LAND_NOUNS | BORDER_NOUNS | INTENSIFIERS | frozenset(DIRECTIONS) | _words("capital_nouns")
FROM_WINDOW = int(WORDS["from_place_window"])
CAPITAL_WINDOW = int(WORDS["capital_cue_window"])
VISIT_WINDOW = 3  # زيارة رسمية للجزائر: the visit noun and up to two qualifiers
GROUP_AREA_KINDS = frozenset(WORDS["name_after_group_kinds"].split())
CAPITAL_NOUNS = _words("capital_nouns")
DATELINE_PREFIX = int(WORDS["dateline_max_prefix"])
AREA_BASE_KINDS = ("country", "region", "natural_area", "continent", "area")
NAMING_NOUNS = _words("naming_nouns")
REGION_CUES = _words("region_cues")
SHORT_NAME = int(WORDS["short_name_letters"])
PLACE_OF_NOUNS = _words("place_of_nouns")
TOWN_KINDS = ("town", "capital")

_MIN = fold("من")
_FI = fold("في")
_MA3 = fold("مع")
_BAYN = fold("بين")
_BORDER_ADJ = (fold("الحدودي"), fold("الحدوديه"))
_TO_IN = frozenset(fold(w) for w in ("في", "الى", "إلى"))
_DATELINE_RE = re.compile(r"\s*(\([^)\n]{1,40}\)\s*)?([-–—:]|/[^\n]{1,30}?[-–—:])")
_ADJ_PATTERN = re.compile(r"^(.ا..|..ي.)ه$")  # عازله، نائيه؛ صغيره، قريبه
QUOTE_MARKS = " \u00a0\"'«»“”„‘’"
_NEWLINE = re.compile("\n")
_WORD_CHAR = re.compile(r"\w")
_SECOND_CITY = re.compile(r"^\W*(?:[^\W\d_]+ ?){1,3}/\s*$")


# -- choosing among the lexicon's readings --------------------------------------------------------
def best_place(entries: list[Entry]) -> str:
    exact = [e for e in entries if e.exact]
    return (exact or entries)[0].ref


def in_proper_name(res, m, places: list, actors: list) -> bool:
    """اتفاق الجزائر، مسار الجزائر: a state or place name completing a proper name; an area
    after a group's name and في (التوحيد والجهاد في غرب أفريقيا، الدولة في الصحراء الكبرى)."""
    if not places:
        return False
    if not actors and (res.prev_word(m) in NAMING_NOUNS or short_name_unsupported(res, m, places)):
        return True  # سفينة تمبكتو: the ship; سان (بطرسبرغ) with no locative context
    if res.prev_word(m) == _FI and _after_group_name(res, m):
        return all(res.lex.places[e.ref].kind in GROUP_AREA_KINDS for e in places if e.ref in res.lex.places)
    if res.prev_word(m) not in NAME_BLOCKERS:
        return False
    return not actors or any(res.lex.actor_kind(e.ref) == "state" for e in actors)


def short_name_unsupported(res, m, places: list[Entry]) -> bool:
    """A one-word town name of at most SHORT_NAME letters, of a country the story has not
    named (or only a variant spelling), with no locative support (a preposition, ب/ل, a place
    before "و…", a dateline): too likely another word or a foreign name's look-alike."""
    infos = [(res.lex.places[e.ref], e.exact) for e in places if e.ref in res.lex.places]
    if m.j - m.i != 1 or not infos or any(p.kind not in ("town", "region") for p, _ in infos):
        return False
    if any(exact and p.country in res.states_seen for p, exact in infos):
        return False  # وتقع غاو …: a town of the story's country
    clitic = m.clitic(res.doc)
    bare = res.tok(m.i)[len(clitic):]
    if len(bare[2:] if bare.startswith("ال") else bare) > SHORT_NAME or "ب" in clitic or "ل" in clitic:
        return False
    prev = res.prev_word(m)
    return not (prev in LOC_PREPS or prev in PLACE_OF_NOUNS or conjunct_of_place(res, m) or dateline(res, m))


def town_or_region(lex: Lexicon, places: list[Entry], region_cue: bool) -> str:
    """A name that is both a town and a region (كايس، غاو): the region after a region word
    (منطقة كايس), the town otherwise."""
    pid = best_place(places)
    kind = lex.places[pid].kind if pid in lex.places else None
    want = ("region",) if region_cue else TOWN_KINDS
    if kind not in ("region", *TOWN_KINDS) or kind in want:
        return pid
    other = sorted((e for e in places if e.ref in lex.places and lex.places[e.ref].kind in want),
                   key=lambda e: not e.exact)
    return other[0].ref if other else pid


def _after_group_name(res, m) -> bool:
    """The mention just before "في" is an armed group or movement."""
    if m.i < 2 or not res.actors or m.plen:
        return False
    last = res.actors[-1]
    fi_start, _ = res.span_of(m.i - 1, m.i)
    between = res.doc.text[last["end"]:fi_start]
    return last.get("kind") == "armed_group" and not between.strip()


def is_place_context(res, m, places: list[Entry]) -> bool:
    """A state/capital name used as a location rather than as an agent."""
    clitic = m.clitic(res.doc)
    if "ب" in clitic:
        return True
    capital = _is_capital(res.lex, places)
    if "ل" in clitic:
        return capital or visited(res, m)  # لباماكو؛ زيارة رسمية للجزائر
    if after_capital_noun(res, m):
        return True  # للعاصمة الجزائر
    prev = res.prev_word(m)
    if prev == _FI and res.tok(m.i - 2) in AGENT_FRAMES:
        return False  # ممثلة في الجزائر ومالي: the members, not a location
    if prev == _MIN:
        return moved_from(res, m)
    if prev in LOC_PREPS or prev in BORDER_NOUNS or conjunct_of_place(res, m):
        return True  # في مالي، حدود مالي، لدى مالي والنيجر
    if prev == _BAYN and any(_is_border_word(res.tok(m.i - k)) for k in (2, 3)):
        return True  # الشريط الحدودي بين موريتانيا ومالي
    if capital and res._nisba_state(prev) and res.prev_word(m, 2) in CAPITAL_PLACE_NOUNS:
        return True  # العاصمة المالية باماكو
    if capital and (prev in CAPITAL_PLACE_NOUNS or prev in CAPITAL_VISIT):
        return True  # العاصمة باماكو، يزور باماكو
    if prev == _MA3 and any(_is_border_word(res.tok(m.i - k)) for k in (2, 3, 4)):
        return True  # الحدود مع النيجر
    return dateline(res, m) or capital and venue(res, m)


def hosting_city(res, m) -> bool:
    """A capital read as a venue by `venue` alone (no preposition or ب before it): its state
    still hosts what happens there, a nominal actor the event step may use."""
    return not m.plen and res.prev_word(m) not in LOC_PREPS and venue(res, m) and not dateline(res, m)


def venue(res, m) -> bool:
    """شهدت باماكو احتجاجات، احتضنت نيامي القمة، باماكو تشهد: a city where something happens."""
    after = res.tok(m.j) if m.j < len(res.doc.tokens) and not res.punct_between(m.j - 1, m.j) else ""
    before = res.prev_word(m)
    return any(w in VENUE_VERBS or w[:1] in "وف" and w[1:] in VENUE_VERBS for w in (before, after) if w)


def visited(res, m) -> bool:
    """ل + a name right after a visit word (زيارة رسمية للجزائر، زيارة عمل لنواكشوط)."""
    return bool(_words_before(res, m.i, VISIT_WINDOW) & CAPITAL_VISIT)


def after_capital_noun(res, m) -> bool:
    """العاصمة/عاصمة (with any clitic) right before the name: للعاصمة الجزائر."""
    if m.plen or m.i == 0 or res.punct_between(m.i - 1, m.i):
        return False
    return any(stem in CAPITAL_NOUNS for stem, _ in strip_clitic(res.tok(m.i - 1)))


def conjunct_of_place(res, m) -> bool:
    """والنيجر right after a place (لدى مالي والنيجر) is a place too."""
    if not m.clitic(res.doc).startswith("و") or not res.places or m.i == 0:
        return False
    s, _e = res.span_of(m.i - 1, m.i)
    last = res.places[-1]
    return last["start"] <= s < last["end"]


def _is_border_word(word: str) -> bool:
    """الحدود، للحدود، الشريط الحدودي: a border noun (any clitic) or the border adjective."""
    return word.endswith(_BORDER_ADJ) or any(stem in BORDER_NOUNS for stem, _ in strip_clitic(word))


def _is_capital(lex: Lexicon, places: list[Entry]) -> bool:
    """A capital's name (باماكو), not a country's that also names its capital (الجزائر)."""
    key = (id(lex.places), tuple(places))
    known = _CAPITAL_MEMO.get(key)
    if known is None:
        if len(_CAPITAL_MEMO) > 50_000:
            _CAPITAL_MEMO.clear()
        known = _CAPITAL_MEMO[key] = _capital_reading(lex, places)
    return known


_CAPITAL_MEMO: dict[tuple, bool] = {}


def _capital_reading(lex: Lexicon, places: list[Entry]) -> bool:
    infos = [(lex.places[e.ref], e.exact) for e in places if e.ref in lex.places]
    return any(p.kind == "capital" for p, _ in infos) and not any(
        p.kind == "country" and exact for p, exact in infos)


def moved_from(res, m) -> bool:
    """من + a state is a place after a movement word earlier in the sentence (سحب سفيره من
    مالي، انسحاب القوات الأممية من مالي), not in "كل من مالي والنيجر" or "دروسا من الجزائر"."""
    if res.tok(m.i - 2) in FROM_PLACE_BLOCKERS:
        return False
    return bool(_words_before(res, m.i - 1, FROM_WINDOW) & FROM_PLACE)


def _words_before(res, i: int, window: int) -> set[str]:
    """The folded words of the `window` tokens before token i, in the same sentence."""
    out = set()
    for k in range(i - 1, max(i - 1 - window, -1), -1):
        if not res.same_sentence(k, i):
            break
        word = res.tok(k)
        out.add(word)
        if word[:1] in ("و", "ف"):
            out.add(word[1:])  # وتتخذ، فغادر
    return out


def place_choice(res, m, places: list[Entry]) -> str:
    """The place a name stands for: a country named like its capital (الجزائر) is the capital
    in a dateline, after "here", or where something is signed, held or visited; a name two
    countries share (تين زواتين) is the one of the nisba after it (تين زواتين الجزائرية)."""
    pid = _of_following_nisba(res, m, places) or town_or_region(res.lex, places, res.prev_word(m) in REGION_CUES)
    pid = border_with_focus(res, m, pid)
    capital = _same_name_capital(res.lex, places, pid)
    if capital and names_capital(res, m):
        return capital
    return pid


def state_after_with(res, m, places: list[Entry]) -> tuple[int, str] | None:
    """الحدود مع مالي (a border phrase of the gazetteer): the annotation guidelines count "حدود
    مالي" as the country used as a location, so the state named after مع is the place, span its
    name (first token, place id); None for any other phrase."""
    words = tuple(res.tok(x) for x in range(m.i, m.j))
    if _MA3 not in words[1:-1] or not any(res.lex.places[e.ref].kind == "border_area"
                                           for e in places if e.ref in res.lex.places):
        return None
    k = words.index(_MA3) + 1
    named = _state_of_phrase(res.lex, words[k:])
    pid = res.lex.country_place.get(named) if named else None
    return (m.i + k, pid) if pid else None


def border_with_focus(res, m, pid: str) -> str:
    """الحدود مع مالي: the border between the named state and the other state of the story
    (the last one named: the dateline's, the subject's), else the named state itself."""
    info = res.lex.places.get(pid)
    words = tuple(res.tok(x) for x in range(m.i, m.j))
    if info is None or info.kind != "border_area" or _MA3 not in words:
        return pid
    named = _state_of_phrase(res.lex, words[words.index(_MA3) + 1:])
    if named is None:
        return pid
    other = next((s for s in reversed(res.states_seen) if s != named), None)
    border = res.lex.borders.get(frozenset((named, other))) if other else None
    return border or res.lex.country_place.get(named) or pid


def _state_of_phrase(lex: Lexicon, words: tuple) -> str | None:
    entries = lex.phrases.get(words, ())
    return next((e.ref for e in entries if e.kind == "actor" and e.ref in lex.country_place), None)


def _of_following_nisba(res, m, places: list[Entry]) -> str | None:
    if len(places) < 2 or m.j >= len(res.doc.tokens) or res.punct_between(m.j - 1, m.j):
        return None
    state = res._nisba_state(res.tok(m.j))
    return next((e.ref for e in places if e.ref in res.lex.places and res.lex.places[e.ref].country == state
                 and res.lex.places[e.ref].kind != "country"), None) if state else None


def _same_name_capital(lex: Lexicon, places: list[Entry], pid: str) -> str | None:
    info = lex.places.get(pid)
    if info is None or info.kind != "country":
        return None
    for e in places:
        other = lex.places.get(e.ref)
        if other is not None and other.kind == "capital" and other.country == info.country:
            return e.ref
    return None


def names_capital(res, m) -> bool:
    if dateline(res, m) or after_capital_noun(res, m):
        return True
    if "ل" in m.clitic(res.doc):
        return visited(res, m)
    prev = res.prev_word(m)
    if "ب" not in m.clitic(res.doc) and prev not in _TO_IN:
        return False
    first = m.i if "ب" in m.clitic(res.doc) else m.i - 1
    if res.tok(first - 1) in HERE:
        return True  # هنا في الجزائر، هنا بالجزائر: the dateline city
    after = {res.tok(k) for k in range(m.j, m.j + 3) if res.same_sentence(m.i, k)}
    return bool((_words_before(res, first, CAPITAL_WINDOW) | after) & CAPITAL_CUES)


# -- datelines -------------------------------------------------------------------------------------
def dateline(res, m) -> bool:
    """"باماكو (رويترز) -" / "* الجزائر -" at a line start: where the story was filed."""
    doc = res.doc
    start = doc.orig_offset(doc.tokens[m.i].start)
    if not at_line_start(res, start):
        return False
    end = doc.orig_offset(doc.tokens[m.j - 1].end - 1) + 1
    return bool(_DATELINE_RE.match(doc.text[end:end + 50]))


def at_line_start(res, pos: int) -> bool:
    """Nothing but marks (* • -) between the start of pos's line and pos, or another dateline
    city and a slash ("نيامي / الجزائر –")."""
    if res._newlines is None:
        res._newlines = [nl.start() for nl in _NEWLINE.finditer(res.doc.text)]
    k = bisect.bisect_left(res._newlines, pos)
    line_start = res._newlines[k - 1] + 1 if k else 0
    if pos - line_start > DATELINE_PREFIX:
        return False
    prefix = res.doc.text[line_start:pos]
    return not _WORD_CHAR.search(prefix) or bool(_SECOND_CITY.match(prefix))


# -- places built by rule -------------------------------------------------------------------------
def free_token_place(res, i: int, stem: str, plen: int, by_start: dict) -> int | None:
    """A place starting at a word no phrase covered (a cue, direction, border or land noun):
    the index after it, or None when the word starts no place."""
    if stem in CUE_WORDS or stem in KNOWN_ONLY_CUES:
        return cue_place(res, i, by_start)
    if stem in DIRECTIONS or stem in INTENSIFIERS:
        return direction_area(res, i, plen, by_start)
    if stem in LAND_NOUNS or stem in BORDER_NOUNS:
        return land_or_border(res, i, stem, plen, by_start)
    if stem in CAPITAL_NOUNS:
        return capital_by_nisba(res, i, stem, plen, by_start)
    return None


def capital_by_nisba(res, i: int, stem: str, plen: int, by_start: dict) -> int | None:
    """العاصمة المالية، العاصمة النيجرية، عاصمة البلاد، عاصمة النيجر → that state's capital
    (unless its name follows: "العاصمة المالية باماكو" is one mention, the name)."""
    j = i + 1
    if j >= len(res.doc.tokens) or res.punct_between(i, j):
        return None
    state, end = _state_of_capital(res, stem.startswith("ال"), j, by_start)
    capital = res.lex.capital_place.get(state) if state else None
    if capital is None:
        return None
    nxt = by_start.get(end)
    if nxt is not None and not res.punct_between(end - 1, end) and any(e.kind == "place" for e in nxt.entries):
        return None
    res.add_place(i, end, plen, capital)
    return end


def _state_of_capital(res, definite: bool, j: int, by_start: dict) -> tuple[str | None, int]:
    """The state a capital noun is the capital of: a nisba after it, or after the
    indefinite عاصمة, البلاد (the article's main state) or a state's name."""
    state = res._nisba_state(res.tok(j))
    if state or definite:
        return state, j + 1
    if res.tok(j) in COUNTRY_WORDS:
        return res.focus_state(j), j + 1
    m = by_start.get(j)
    if m is None or m.plen:
        return None, j
    return next((e.ref for e in m.entries if e.kind == "actor" and e.ref in res.lex.country_place), None), m.j


def cue_place(res, i: int, by_start: dict) -> int:
    """مدينة كيدال، ولاية إليزي (the wilaya, not the town), بلدة تين زواتين, مخيم امبرة; an
    unknown name after a cue word is a new place with no coordinates."""
    nxt = by_start.get(i + 1)
    if i + 1 >= len(res.doc.tokens) or res.punct_between(i, i + 1) and not _quote_between(res, i):
        return i + 1  # مدينة "كيدال": quotes around the name are fine, other marks end it
    if nxt is not None:
        cue = strip_cue(res, i)
        k = (KNOWN_ONLY_CUES.get(cue, cue),) + tuple(res.tok(x) for x in range(nxt.i, nxt.j))
        pid = res.lex.cue_places.get(k)
        places = [e for e in nxt.entries if e.kind in ("place", "cue_place")]
        head_end = head_name_end(res, nxt.i) if not pid and res.tok(nxt.i) in NAME_HEADS else None
        if head_end and not any(e.kind == "place" for e in places):
            res.add_place(nxt.i, head_end, nxt.plen, None)  # منطقة بئر أم القرى: not Ber
            return head_end
        if pid or places:
            pid = pid or _of_following_nisba(res, nxt, places) or town_or_region(res.lex, places, cue in REGION_CUES)
            res.add_place(nxt.i, nxt.j, nxt.plen, pid)
            return nxt.j
        return i + 1
    name = res.tok(i + 1)
    if strip_cue(res, i) in KNOWN_ONLY_CUES or not res._looks_like_name(name, allow_al=True) \
            or adjective_like(name) or common_word(name):
        return i + 1
    j = i + 2
    if name in NAME_HEADS and j < len(res.doc.tokens) and not res.punct_between(i + 1, j):
        j += 1  # عين صالح، تين زواتين، برج باجي مختار
    res.add_place(i + 1, j, 0, None)
    return j


def head_name_end(res, k: int) -> int | None:
    """بئر/عين/تين at token k + a name no phrase covers (بئر تلمسي، بئر أم القرى): one past the
    name (a particle such as أم/أبو takes one more word), else None. Not before a direction,
    cue, common word or adjective (بلدة بير شرق تمبكتو، بئر ماء، بئر جديدة)."""
    n = len(res.doc.tokens)
    if k + 1 >= n or res.punct_between(k, k + 1):
        return None
    name = res.tok(k + 1)
    if name in NAME_PARTICLE_WORDS:  # بئر أم القرى
        return k + 3 if k + 2 < n and not res.punct_between(k + 1, k + 2) else None
    if name in TRIGGERS or common_word(name) or adjective_like(name) or name in WELL_WORDS \
            or not res._looks_like_name(name, allow_al=True):
        return None
    return k + 2


def head_name_place(res, m, by_start: dict) -> int | None:
    """بئر X after a locative preposition (قرب بئر تلمسي، في بئر الغزلان): a place even when X is
    unknown (the head alone is only a place after a cue: بئر is also "a well")."""
    if m.j - m.i != 1 or res.tok(m.i)[m.plen:] not in NAME_HEADS:
        return None
    if not m.plen and res.prev_word(m) not in LOC_PREPS:
        return None
    end = head_name_end(res, m.i)
    if end is None or m.j in by_start and by_start[m.j].j > end:
        return None
    res.add_place(m.i, end, m.plen, None)
    return end


def _quote_between(res, i: int) -> bool:
    t = res.doc.tokens
    return not res.doc.folded[t[i].end:t[i + 1].start].strip(QUOTE_MARKS)


def strip_cue(res, i: int) -> str:
    """The cue word at i without its clitic (بولاية → ولايه)."""
    for stem, _ in strip_clitic(res.tok(i)):
        if stem in CUE_WORDS or stem in KNOWN_ONLY_CUES:
            return stem
    return res.tok(i)


COMMON_WORDS = _words("common_words")
VENUE_VERBS = _words("venue_verbs")
SAHARA = "sahara"
DATELINE_WEIGHT = 3  # as actors.DATELINE_WEIGHT (places is imported by actors)
SAHARA_MIDDLE_LAT = 23.0  # a state centred north of it meets the Sahara in its south
# Arabic word shapes that are not foreign names (folded, accusative ا allowed at the end):
# masdars افتعال انفعال استفعال تفعيل مفاعلة تفاعل, a plural أفعال, a verb with a plural
# ending (…وا، …ون), a 3-letter past verb in ت (ظلت).
_WORD_SHAPES = re.compile(
    r"^(?:ا.ت.ا.|ان..ا.|است..ا.|ت..ي.|م.ا..ه|ت.ا..|ا..ا.)ا?$"  # masdars, أفعال (+ accusative ا)
    r"|^(?:[يت]|س[يت]).{3}(?:ون|وا)$|^..(?:وا|ت)$"  # يقولون، ستعملوا؛ ظلت، قالوا
)


def ordinary_word_shape(word: str) -> bool:
    """A folded word shaped like a masdar, a plural or a verb (`_WORD_SHAPES`): احتجاجا، تفجير."""
    return bool(_WORD_SHAPES.match(word))


def common_word(word: str) -> bool:
    """A folded word that is an ordinary Arabic word, never a place's name: a listed word, a
    word of at most two letters, a definite phrase with لل (للاجئين) or ال + a plural (…ين،
    …ون، …ات), or a masdar, plural or verb shape (`_WORD_SHAPES`: انتهاكا، تفجير، قالوا)."""
    if word in COMMON_WORDS or len(word) <= 2 or word.startswith("لل"):
        return True
    if word.startswith("ال") and word.endswith(("ين", "ون", "ات")) and len(word) >= 7:
        return True
    return bool(_WORD_SHAPES.match(word))


def adjective_like(word: str) -> bool:
    """A word after a cue that qualifies it instead of naming it (منطقة عازلة، مدينة صغيرة،
    منطقة حدودية، قرية مجاورة): a listed adjective, a nisba (…ية), a participle (م…ة) or the
    patterns فاعلة / فعيلة."""
    if word in CUE_ADJECTIVES or not word.endswith("ه"):
        return word in CUE_ADJECTIVES
    return word.endswith("يه") or word.startswith("م") or bool(_ADJ_PATTERN.match(word))


def direction_area(res, i: int, plen: int, by_start: dict) -> int | None:
    """شمال شرق مالي، بشرق مالي، أقصى شمال البلاد، الجنوب الجزائري، جنوب غرب ليبيا: one span."""
    j, direction = _direction_words(res, i)
    if direction is None or j >= len(res.doc.tokens) or res.punct_between(j - 1, j):
        return None
    base, end = _area_base(res, j, by_start, definite=res.tok(j - 1).startswith("ال"))
    if base is None:
        return None
    res.add_place(i, end, plen, area_id(res.lex, base, direction))
    return end


def _direction_words(res, i: int) -> tuple[int, str | None]:
    """(index after the direction words, north|south-east|central…) of the words at i."""
    found: list[str] = []
    j = i
    while j < len(res.doc.tokens) and len(found) < 2 and (j == i or not res.punct_between(j - 1, j)):
        stems = [s for s, _ in strip_clitic(res.tok(j))] if j == i else [res.tok(j)]
        table = DIRECTIONS if j == i or not found else SECOND_DIRECTIONS  # الشمال الشرقي
        hit = next((s for s in stems if s in table or s in INTENSIFIERS), None)
        if hit is None:
            break
        if hit in table:
            found.append(table[hit])
        j += 1
    return j, _combine(found)


def _combine(found: list[str]) -> str | None:
    if not found:
        return None
    if len(found) == 2 and found[0] in ("north", "south") and found[1] in ("east", "west"):
        return f"{found[0]}-{found[1]}"
    return found[0]


def _area_base(res, j: int, by_start: dict, definite: bool) -> tuple[str | None, int]:
    """The place an area is part of: a gazetteer country/region/town at j, البلاد (a place's country
    earlier in the sentence, else the article's main state), or a nisba after a definite direction (الشمال المالي)."""
    word = res.tok(j)
    if word in COUNTRY_WORDS:
        return res.lex.country_place.get(res.focus_state(j)), j + 1
    state = res._nisba_state(word)
    if state and definite:
        return res.lex.country_place.get(state), j + 1
    if definite and word == _MIN and not res.punct_between(j, j + 1):
        j += 1  # الجنوب الغربي من ليبيا
    m = by_start.get(j)
    if m is None or m.plen and not (definite and m.clitic(res.doc) == "ل"):
        return None, j  # بمالي: not a base; الشمال الشرقي لمالي: one
    return _base_of_match(res.lex, m), m.j


def story_state(res) -> str | None:
    """The state البلاد ("the country") means: the one the article is about (named most; a
    dateline counts once, as wire stories are filed from the reporting state), not the last
    one named; the last one named breaks ties and stands in while no count exists."""
    counts = dict(getattr(res, "state_counts", None) or {})
    dateline = getattr(res, "dateline_state", None)
    if dateline in counts:
        counts[dateline] -= DATELINE_WEIGHT - 1
    seen = res.states_seen
    if counts:
        top = max(counts.values())
        tied = {st for st, n in counts.items() if n == top}
        return next((st for st in reversed(seen) if st in tied), None) or min(tied)
    return seen[-1] if seen else None


PALACE_HEADS = frozenset(fold(w) for w in ("قصر", "القصر"))


def palace_place(res, m, state: str | None) -> int | None:
    """إلى قصر الرئاسة، في القصر الرئاسي، بقصر الرئاسة: a palace where something happens is a
    building, a place (at the capital of the state whose presidency it is), not the presidency."""
    if res.tok(m.i)[m.plen:] not in PALACE_HEADS or not state:
        return None
    if not (res.prev_word(m) in LOC_PREPS or m.clitic(res.doc).endswith("ب")):
        return None
    capital = res.lex.capital_place.get(state)
    if capital is None:
        return None
    res.add_place(m.i, m.j, m.plen, capital)
    res.places[-1]["name_en"] = f"Presidential Palace ({res.lex.places[capital].name_en})"
    return m.j


_GLUED_DIRECTIONS = tuple(sorted((w for w in DIRECTIONS if not w.startswith("ال") and not w.endswith("ي")),
                                 key=len, reverse=True))  # شمال جنوب شرق غرب وسط
_GLUED_RE = re.compile("|".join(_GLUED_DIRECTIONS))


def glued_directions(res) -> None:
    """جنوبتونس، شمالمالي: a direction word glued to a country or region name (a missing space)
    is that area, one span; only words no mention covers."""
    covered = [(x["start"], x["end"]) for x in res.places + res.actors]
    found = False
    for idx, word in enumerate(res.doc.words):
        if len(word) < 6 or not _GLUED_RE.search(word[:6]):
            continue  # most words hold no direction word at their start
        for stem, plen in strip_clitic(word):
            head = next((d for d in _GLUED_DIRECTIONS if stem.startswith(d) and len(stem) > len(d) + 2), None)
            base = _glued_base(res.lex, stem[len(head):]) if head else None
            s, e = res.span_of(idx, idx + 1, plen)
            if base and not any(a < e and s < b for a, b in covered):
                res.add_place(idx, idx + 1, plen, area_id(res.lex, base, DIRECTIONS[head]))
                found = True
                break
    if found:
        res.places.sort(key=lambda p: p["start"])


def _glued_base(lex: Lexicon, rest: str) -> str | None:
    """A country or region the rest of a glued word names."""
    entries = lex.phrases.get((rest,), ())
    bases = [e.ref for e in entries if e.kind == "place" and e.ref in lex.places
             and lex.places[e.ref].kind in ("country", "region")]
    return bases[0] if bases else None


def sahara_of_state(res, m, places: list[Entry]) -> int | None:
    """الصحراء الجزائرية، الصحراء التونسية: the part of that state the Sahara covers (the south
    of a Maghreb state, the north of a Sahel state: the side away from the sea or the savanna),
    one area span named "<state> Sahara"."""
    if m.j - m.i != 1 or not any(e.ref == SAHARA for e in places) or m.j >= len(res.doc.tokens):
        return None
    state = res._nisba_state(res.tok(m.j))
    base = res.lex.country_place.get(state) if state and not res.punct_between(m.i, m.j) else None
    info = res.lex.places.get(base) if base else None
    if info is None or info.lat is None:
        return None
    pid = f"{base}@sahara"
    if pid not in res.lex.places:
        side = "south" if info.lat > SAHARA_MIDDLE_LAT else "north"
        lat, lon = res.lex.sectors.get(base, {}).get(side) or (info.lat, info.lon)
        res.lex.places[pid] = PlaceInfo(pid, "area", f"{info.name_en} Sahara", lat, lon, info.country, 5)
    res.add_place(m.i, m.j + 1, m.plen, pid)
    return m.j + 1


def _base_of_match(lex: Lexicon, m) -> str | None:
    places = [e for e in m.entries if e.kind == "place" and e.ref in lex.places]
    ranked = sorted(places, key=lambda e: (not e.exact, lex.places[e.ref].kind not in AREA_BASE_KINDS))
    if ranked:
        return ranked[0].ref
    for e in m.entries:
        if e.kind == "actor" and e.ref in lex.country_place:
            return lex.country_place[e.ref]
    return None


def area_id(lex: Lexicon, base: str, direction: str) -> str:
    """The id of the `direction` part of `base`: a gazetteer record when one exists
    (northern-mali), else a generated area placed on the base's sector."""
    named = f"{DIRECTION_NAMES[direction].lower()}-{base}"
    if named in lex.places:
        return named
    pid = f"{base}@{direction}"
    if pid not in lex.places:
        lex.places[pid] = _area_info(lex, lex.places[base], pid, direction)
    return pid


def _area_info(lex: Lexicon, base: PlaceInfo, pid: str, direction: str) -> PlaceInfo:
    lat, lon = lex.sectors.get(base.id, {}).get(direction) or (base.lat, base.lon)
    precision = 2 if base.kind in ("town", "capital") else 5
    return PlaceInfo(pid, "area", f"{DIRECTION_NAMES[direction]} {base.name_en}", lat, lon,
                     base.country, precision)


def land_or_border(res, i: int, stem: str, plen: int, by_start: dict) -> int | None:
    """الحدود الجزائرية المالية، الحدود بين مالي والنيجر → the border area (with one state: the
    border with the other state of the story); الأراضي الليبية، التراب المالي → no place (the
    annotated sets never mark "the national territory"), its nisba consumed."""
    states, j = _states_after(res, i + 1, by_start)
    if not states:
        return None
    if stem in LAND_NOUNS:
        return j  # التراب المالي، الأراضي الليبية: annotators leave "the national territory" unmarked
    else:
        if len(states) == 1:
            others = [s for s in reversed(res.states_seen) if s != states[0]]
            states.append(others[0] if others else "")
        pid = res.lex.borders.get(frozenset(states))
    if not pid:
        return None
    res.add_place(i, j, plen, pid)
    return j


def _states_after(res, j: int, by_start: dict) -> tuple[list[str], int]:
    """Up to two states named at j by nisbas (الجزائرية المالية) or, after بين, by names
    (بين الجزائر ومالي): (states, index after them)."""
    n = len(res.doc.tokens)
    if j < n and res.tok(j) == _BAYN and not res.punct_between(j - 1, j):
        return _named_states(res, j + 1, by_start)
    if j < n and res.tok(j) == _MA3 and not res.punct_between(j - 1, j):
        m = by_start.get(j + 1)  # الحدود مع النيجر
        state = _state_of_phrase(res.lex, tuple(res.tok(x) for x in range(m.i, m.j))) if m and not m.plen else None
        return ([state], m.j) if state else ([], j)
    states: list[str] = []
    while j < n and len(states) < 2 and (not res.punct_between(j - 1, j) or states and _dash_between(res, j)):
        st = res._nisba_state(res.tok(j))
        if not st:
            break
        states.append(st)
        j += 1
    return states, j


def _dash_between(res, j: int) -> bool:
    """الحدود المالية - الموريتانية: a dash between two nisbas."""
    t = res.doc.tokens
    return res.doc.folded[t[j - 1].end:t[j].start].strip(" \u00a0ـ") in ("-", "–", "—")


def _named_states(res, j: int, by_start: dict) -> tuple[list[str], int]:
    states: list[str] = []
    start = j
    while len(states) < 2:
        m = by_start.get(j)
        if m is None or res.punct_between(j - 1, j) or (states and "و" not in m.clitic(res.doc)):
            break
        state = next((e.ref for e in m.entries if e.kind == "actor" and e.ref in res.lex.country_place), None)
        if state is None:
            break
        states.append(state)
        j = m.j
    return (states, j) if len(states) == 2 else ([], start)


def tail_location(res, m) -> None:
    """A state body's alias that ends in في + a place (المجلس العسكري الحاكم في مالي): the
    place is also a location mention (not in a group's name: التوحيد والجهاد في غرب أفريقيا)."""
    if not res.actors or res.actors[-1].get("kind") == "armed_group":
        return
    words = [res.tok(x) for x in range(m.i, m.j)]
    if _FI not in words[1:-1]:
        return
    cut = len(words) - 1 - words[::-1].index(_FI)
    tail = tuple(words[cut + 1:])
    entries = [e for e in res.lex.phrases.get(tail, ()) if e.kind == "place"
               and e.ref in res.lex.places and res.lex.places[e.ref].kind not in GROUP_AREA_KINDS]
    if entries:
        res.add_place(m.i + cut + 1, m.j, 0, best_place(entries))
