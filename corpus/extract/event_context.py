"""What the events step knows about an article: its tokens, the actor mentions that can take
part in an event (with their token range and state), places, dates, and the small syntactic
tests the role rules ask (is this actor governed by a preposition? is there a clause boundary
between two tokens? which actors are coordinated with this one?).
"""

from __future__ import annotations

import bisect
import re
from itertools import compress, repeat
from operator import not_
from typing import NamedTuple

from corpus.extract.triggers import readings
from corpus.normalize import fold


def _folded(words: str) -> frozenset:
    return frozenset(fold(w) for w in words.split())


PREPOSITIONS = _folded("في على إلى الى من عن مع ضد لدى حول تجاه نحو بين عبر منذ خلال")
CLAUSE_WORDS = _folded("أن إن أنه أنها فإن التي الذي الذين اللذين حيث بينما فيما عندما لأن")
PAIR_WORDS = _folded("البلدين البلدان الجارتين الجارين الدولتين الطرفين الجانبين العاصمتين")
DEMONSTRATIVES = _folded("هذا هذه ذلك تلك هذين هاتين هؤلاء")
AGENT_MARKERS = _folded("قبل جانب طرف")  # من قبل / من جانب / من طرف X: the agent
MIN, BAYN, FI, AN = fold("من"), fold("بين"), fold("في"), fold("عن")
EVENT_KINDS = frozenset({"state", "state_body", "person", "armed_group", "igo", "other", None})
# "الجزائر وموريتانيا", "الجزائر، وموريتانيا", "الجزائر إلى جانب مالي", "رفقة", "بمعية";
# "و + كتيبة/جماعة X" when the head noun is not part of the name found
COORDINATION_RE = re.compile(r"\s*[،,]?\s*(?:و|إلى جانب|الى جانب|رفقة|بمعية)\s*(?:(?:كتيبة|جماعة|حركة|تنظيم|جبهة)\s+)?")
COMMA_RE = re.compile("[،,]")
STRONG_STOP_RE = re.compile(r"[؛;:.!?؟]")


def bare_word(w: str) -> str:
    """The token without a leading و/ف/ب (وهذه → هذه)."""
    return w[1:] if w[:1] in "وفب" and len(w) > 4 else w


def bare_forms(words: frozenset) -> frozenset:
    """Every token whose `bare_word` is one of `words` (to find them by a set lookup)."""
    candidates = set(words) | {c + w for c in "وفب" for w in words}
    return frozenset(w for w in candidates if bare_word(w) in words)


def _any_in(positions: list[int], lo: int, hi: int) -> bool:
    """Does the sorted list hold a value in [lo, hi)?"""
    k = bisect.bisect_left(positions, lo)
    return k < len(positions) and positions[k] < hi


class ActorRef(NamedTuple):
    """An actor mention the events step can use: its id, its state (or itself), its tokens."""

    actor_id: str
    side: str
    kind: str | None
    start: int  # original offsets
    end: int
    first: int  # token range (inclusive)
    last: int
    mention: str | None = None  # "adjective" for a nisba (خمسة فرنسيين), "nominal" for a generic noun


class Article:
    """The article as the role rules read it; `side(actor_id)` is the one actor → state resolver."""

    def __init__(self, doc, actors: list[dict], places: list[dict], dates: list[dict],
                 state_of=None, country_of: dict[str, str] | None = None, org_of=None,
                 place_country: dict[str, str] | None = None):
        self.doc = doc
        self.words = doc.words or [t.text for t in doc.tokens]
        self.word_readings = list(map(readings, self.words))  # each token's bases, looked up once
        self.tok_starts = doc.orig_bounds()[0]
        self._found: dict = {}  # regex → offsets of its matches in the text (built when first asked)
        self._clause_words: list[int] | None = None  # tokens in CLAUSE_WORDS
        self._reading_tokens: dict[frozenset, list[int]] = {}  # tokens_reading by word set
        self._joins: dict[int, bool] = {}  # _joined by ref index
        self._state_of = state_of
        self._org_of = org_of  # person → (organisation, its kind)
        self.org_kinds: dict[str, str | None] = {}
        self.resolves_states = state_of is not None
        self._sides: dict = {}
        self.country_of = country_of or {}
        self.place_country = place_country or {}  # any place (a town, a region) → its country
        self.refs = self._actor_refs(actors)
        self.ref_firsts = [r.first for r in self.refs]
        self.states_seen = [(r.first, r.side) for r in self.refs if self.is_state(r.side)]
        named = [p for p in places if p["place_id"]]
        place_tokens = self.toks_at([p["start"] for p in named])
        self.place_toks = sorted(zip(place_tokens, [p["place_id"] for p in named], strict=True))
        # the proclitics written before a place (بالجزائر → "ب"): ب is "in", a venue
        self.place_prefix = {k: doc.text[self.tok_starts[k]:p["start"]] for k, p in zip(place_tokens, named, strict=True)}
        self.dates = sorted(((self.tok_at(d["start"]), d) for d in dates if d["value"]), key=lambda x: x[0])
        self.date_toks = [t for t, _ in self.dates]

    # -- resolving -------------------------------------------------------------------------
    def side(self, actor_id: str | None) -> str | None:
        """The state an actor acts for (a ministry, an army, a minister → its ISO3), else itself."""
        if not actor_id:
            return None
        if actor_id not in self._sides:
            state = self._state_of(actor_id) if self._state_of else None
            self._sides[actor_id] = state or actor_id
        return self._sides[actor_id]

    def person_side(self, actor_id: str) -> str:
        """A person acts for their state, else for the organisation they belong to (Ban Ki-moon →
        UN, a group's leader → the group), else for themselves."""
        side = self.side(actor_id)
        if side != actor_id or self._org_of is None:
            return side
        org, kind = self._org_of(actor_id)
        self.org_kinds[org] = kind
        return org or actor_id

    def is_state(self, side: str | None) -> bool:
        """Is this side a state? Its record says so (it is its own state), never its spelling."""
        return bool(side) and self._state_of is not None and self._state_of(side) == side

    def _actor_refs(self, actors: list[dict]) -> list[ActorRef]:
        usable = [a for a in sorted(actors, key=lambda a: a["start"])
                  if a["actor_id"] and not a["actor_id"].startswith("@") and a.get("kind") in EVENT_KINDS]
        firsts = self.toks_at([a["start"] for a in usable])
        lasts = self.toks_at([a["end"] - 1 for a in usable])
        return [ActorRef(a["actor_id"], self.person_side(a["actor_id"]) if a.get("kind") == "person"
                         else self.side(a["actor_id"]), a.get("kind"), a["start"], a["end"], first, last,
                         a.get("mention")) for a, first, last in zip(usable, firsts, lasts, strict=True)]

    # -- positions -------------------------------------------------------------------------
    def tok_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, pos) - 1)

    def toks_at(self, positions: list[int]) -> list[int]:
        """`tok_at` of every position."""
        found = map(bisect.bisect_right, repeat(self.tok_starts), positions)
        return [k - 1 if k > 0 else 0 for k in found]

    def tok_after(self, pos: int) -> int:
        return bisect.bisect_left(self.tok_starts, pos)

    def word(self, k: int) -> str:
        return self.words[k] if 0 <= k < len(self.words) else ""

    def readings_at(self, k: int) -> frozenset:
        """The token's bases with proclitics removed (`triggers.readings`); none off the text."""
        return self.word_readings[k] if 0 <= k < len(self.word_readings) else readings("")

    def tokens_reading(self, words: frozenset) -> list[int]:
        """The tokens, in order, one of whose readings is in `words` (one pass per word set)."""
        found = self._reading_tokens.get(words)
        if found is None:
            outside = map(words.isdisjoint, self.word_readings)
            found = self._reading_tokens[words] = list(compress(range(len(self.word_readings)), map(not_, outside)))
        return found

    def last_reading(self, words: frozenset, lo: int, hi: int) -> int | None:
        """The last token in [lo, hi) one of whose readings is in `words`, else None."""
        found = self.tokens_reading(words)
        k = bisect.bisect_left(found, hi) - 1
        return found[k] if k >= 0 and found[k] >= lo else None

    def any_reading(self, words: frozenset, lo: int, hi: int) -> bool:
        """Does a token in [lo, hi) have a reading in `words`?"""
        return _any_in(self.tokens_reading(words), lo, hi)

    def bare(self, k: int) -> str:
        return bare_word(self.word(k))

    def first_of(self, forms: frozenset, lo: int, hi: int) -> int | None:
        """The first token in [lo, hi) that is one of `forms`, else None."""
        words = self.words
        for k in range(max(lo, 0), min(hi, len(words))):
            if words[k] in forms:
                return k
        return None

    def gap_text(self, start: int, end: int) -> str:
        return self.doc.text[start:end]

    def text_between_tokens(self, k0: int, k1: int) -> str:
        end = self.tok_starts[k1] if k1 < len(self.tok_starts) else len(self.doc.text)
        return self.doc.text[self.tok_starts[k0]:end]

    def refs_in(self, t0: int, t1: int, lo: int, hi: int) -> range:
        """Indexes (into refs[lo:hi]) of the actors whose first token is in [t0, t1)."""
        return range(bisect.bisect_left(self.ref_firsts, t0, lo, hi), bisect.bisect_left(self.ref_firsts, t1, lo, hi))

    # -- syntax tests ----------------------------------------------------------------------
    def governed(self, ref: ActorRef) -> bool:
        """Is the actor inside a prepositional phrase (مع الجزائر، لفرنسا، في مجلس الأمن)?"""
        if self.word(ref.first - 1) in PREPOSITIONS:
            return True
        return self.doc.text[max(0, ref.start - 1):ref.start] in ("ل", "ب")

    def boundary(self, k0: int, k1: int) -> bool:
        """A clause boundary between tokens k0..k1 (exclusive): أن، التي، … or a strong stop."""
        if self._clause_words is None:
            self._clause_words = list(compress(range(len(self.words)), map(CLAUSE_WORDS.__contains__, self.words)))
        if _any_in(self._clause_words, k0, k1):
            return True
        return self.strong_stop(k0, k1)

    def strong_stop(self, k0: int, k1: int) -> bool:
        """A strong stop (. ; : ! ?) between tokens k0 and k1."""
        if k1 <= k0:
            return False
        if not 0 <= k0 < len(self.tok_starts):
            return bool(STRONG_STOP_RE.search(self.text_between_tokens(k0, k1)))
        end = self.tok_starts[k1] if k1 < len(self.tok_starts) else len(self.doc.text)
        return _any_in(self._offsets(STRONG_STOP_RE), self.tok_starts[k0], end)

    def _offsets(self, regex: re.Pattern) -> list[int]:
        """Where a one-character class (commas, strong stops) occurs in the text, found once."""
        found = self._found.get(regex)
        if found is None:
            found = self._found[regex] = [m.start() for m in regex.finditer(self.doc.text)]
        return found

    def _comma_positions(self) -> list[int]:
        return self._offsets(COMMA_RE)

    def comma_in(self, start: int, end: int) -> bool:
        """Is there a comma in text[start:end]?"""
        return _any_in(self._comma_positions(), start, end)

    def comma_between(self, ref: ActorRef, tok: int) -> bool:
        return self.comma_in(ref.end, self.tok_starts[tok])

    def first_comma_gap(self, lo: int, hi: int) -> int | None:
        """The first token k in [lo, hi) with a comma in text_between_tokens(k - 1, k), else None."""
        lo = max(lo, 1)
        if lo >= hi:
            return None
        commas = self._comma_positions()
        c = bisect.bisect_left(commas, self.tok_starts[lo - 1])
        if c == len(commas):
            return None
        k = bisect.bisect_right(self.tok_starts, commas[c])  # the gap before token k holds it
        return k if k < hi else None

    def coordinated(self, idx: int, lo: int, hi: int, step: int, limit: int = 3) -> list[ActorRef]:
        """refs[idx] and the actors coordinated with it (step -1: before it, +1: after it), ≤ limit."""
        group = [self.refs[idx]]
        k = idx
        while lo <= k + step < hi and len(group) < limit:
            if not self._joined(min(k, k + step)):
                break
            k += step
            group.insert(0 if step < 0 else len(group), self.refs[k])
        return group

    def _joined(self, k: int) -> bool:
        """Are refs[k] and refs[k + 1] coordinated (و، إلى جانب، رفقة…)? Asked once per pair."""
        joined = self._joins.get(k)
        if joined is None:
            a, b = self.refs[k], self.refs[k + 1]
            joined = self._joins[k] = COORDINATION_RE.fullmatch(self.doc.text[a.end:b.start]) is not None
        return joined

    def last_two_states(self, before_tok: int) -> list[str]:
        """The two states named last before a token (for البلدين، الجارتين), oldest first."""
        pair: list[str] = []
        j = bisect.bisect_left([t for t, _ in self.states_seen], before_tok)
        for _tok, state in reversed(self.states_seen[:j]):
            if state not in pair:
                pair.append(state)
            if len(pair) == 2:
                return pair[::-1]
        return []
