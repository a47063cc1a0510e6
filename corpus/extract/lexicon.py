"""Lexicons compiled once from the curated actors and gazetteer plus the shipped extras.

Sources: `data/actors.jsonl`, `data/places.jsonl` (the curated corpus), then
`corpus/lexicon/actors_extra.jsonl`, `places_extra.jsonl` and `offices.json` (who held which
office when). Curated records win over extras with the same id.

Everything is keyed by folded token tuples (see `corpus.normalize.fold`), and the generated
forms come from general rules rather than surface lists:
- nisba adjectives of every state (الجزائري → الجزائرية، الجزائريين، جزائرية…);
- state bodies: a body noun + a state's nisba or name (الحكومة المالية، جيش مالي → MLI-GOV…);
- titles (وزير الخارجية، الرئيس، العقيد…) that introduce or stand for persons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from corpus.extract import actor_lexicon as actor_dict
from corpus.extract.actor_lexicon import (
    BODY_NAMES,
    BODY_NOUNS,
    CONSTRUCT_BODY_NOUNS,
    CONSTRUCT_TITLES,
    GENERIC_NOUNS,
    MINISTER_OFFICES,
    STOP_ALIASES,
    TITLE_WORDS,
    TITLES,
)
from corpus.extract.doc import TOKEN_RE, strip_clitic
from corpus.extract.resources import LEXICON_DIR, load_json, load_jsonl
from corpus.models import Actor, Corpus, Place, affiliation_root, capital_places
from corpus.normalize import fold

WORD_RE = TOKEN_RE  # phrase keys are cut into the same tokens as documents


def key(surface: str) -> tuple[str, ...]:
    return tuple(WORD_RE.findall(fold(surface)))


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # actor | place | nisba | body | title
    ref: str  # actor id, place id, state id (nisba), body id, office code (title)
    exact: bool = False  # the record's own name (wins ties)
    generic: bool = False  # an anaphoric noun (الوزارة، التنظيم) or a title phrase
    state: str | None = None  # for titles with a nisba / bodies


@dataclass(frozen=True, slots=True)
class ActorInfo:
    id: str
    kind: str
    name_en: str
    state: str | None  # the root state (ISO3) of a state, body or affiliated person
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    id: str
    kind: str
    name_en: str
    lat: float | None
    lon: float | None
    country: str | None
    geo_precision: int = 1


# Actor word lists live in corpus/lexicon/actor_words.json (see actor_lexicon).
__all__ = ["BODY_NAMES", "BODY_NOUNS", "CONSTRUCT_BODY_NOUNS", "GENERIC_NOUNS", "STOP_ALIASES",
           "TITLES", "TITLE_WORDS"]

# cue words before a place name (مدينة، ولاية…): corpus/lexicon/place_words.json
CUE_WORDS = frozenset(fold(w) for w in load_json("place_words.json")["cue_words"].split())
COMMON_WORD_NAMES = frozenset(key(w) for w in load_json("place_words.json")["common_word_names"].split())
# duals and plurals → their singular (منطقتي غاو وكيدال): they pick a known place, never coin one
KNOWN_ONLY_CUES = {fold(w): fold(one) for w, one in load_json("place_words.json")["cue_words_known_only"].items()}

SPELLING_VARIANT_KINDS = ("town", "capital", "region")
G_LETTERS = ("ج", "ق")

NISBA_SUFFIXES = ("ي", "يه", "يين", "يون", "يان", "يتين", "يتان", "يات", "يا")


def _clean(values) -> list[str]:
    return [v for v in (values or ()) if isinstance(v, str) and v.strip()]


def _read_jsonl(path: Path) -> list[dict]:
    return list(load_jsonl(path.name))


_CACHE_MAX = 200_000


class EntryGroups(NamedTuple):
    kinds: frozenset
    places: list
    actors: list
    nisbas: list


@dataclass(slots=True)
class Lexicon:
    phrases: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    maxlen: dict[str, int] = field(default_factory=dict)  # first token → longest phrase
    prefixes: set = field(default_factory=set)  # every proper prefix of every phrase key
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    places: dict[str, PlaceInfo] = field(default_factory=dict)
    state_nisba: dict[str, str] = field(default_factory=dict)  # folded nisba stem → state
    country_place: dict[str, str] = field(default_factory=dict)  # ISO3 → place id
    capital_place: dict[str, str] = field(default_factory=dict)
    cue_places: dict[tuple[str, ...], str] = field(default_factory=dict)  # (cue, name…) → id
    borders: dict[frozenset, str] = field(default_factory=dict)  # {ISO3, ISO3} → place id
    offices: dict[tuple[str, str], list[tuple[str, str, str | None]]] = field(default_factory=dict)
    person_office: dict[str, set] = field(default_factory=dict)
    generic_groups: list[tuple[str, str, str, str]] = field(default_factory=list)
    name_tokens: dict[str, set] = field(default_factory=dict)  # actor → tokens of its names
    sectors: dict[str, dict] = field(default_factory=dict)  # place → direction → (lat, lon)
    # memo tables filled while extracting (cleared by `add`; bounded): folded word → its clitic
    # readings that start a phrase; phrase key → its entries split by kind; actor → root state
    _readings: dict = field(default_factory=dict, repr=False, compare=False)
    _groups: dict = field(default_factory=dict, repr=False, compare=False)
    _roots: dict = field(default_factory=dict, repr=False, compare=False)

    # -- building ---------------------------------------------------------------------------
    def clear_caches(self) -> None:
        self._readings.clear()
        self._groups.clear()
        self._roots.clear()

    def add(self, surface: str | tuple[str, ...], entry: Entry) -> None:
        k = surface if isinstance(surface, tuple) else key(surface)
        if not k:
            return
        if self._readings or self._groups or self._roots:
            self.clear_caches()
        bucket = self.phrases.setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)
        if len(k) > self.maxlen.get(k[0], 0):
            self.maxlen[k[0]] = len(k)
        for n in range(1, len(k) + 1):
            self.prefixes.add(k[:n])

    # -- lookups (memoised) -----------------------------------------------------------------
    def readings(self, words: list[str]) -> list[tuple[tuple[str, int], ...]]:
        """Per word, its (stem, clitic length) readings whose stem starts some phrase, in
        `strip_clitic` order; () for most words. One dict lookup per word once warm."""
        cache = self._readings
        out = list(map(cache.get, words))
        if None in out:
            if len(cache) > _CACHE_MAX:
                cache.clear()
            maxlen = self.maxlen
            for idx, v in enumerate(out):
                if v is None:
                    w = words[idx]
                    v = cache[w] = tuple(r for r in strip_clitic(w) if r[0] in maxlen)
                    out[idx] = v
        return out

    def groups(self, k: tuple[str, ...]) -> EntryGroups:
        """The entries of phrase `k` split by kind (each list in entry order)."""
        g = self._groups.get(k)
        if g is None:
            entries = self.phrases[k]
            g = EntryGroups(
                frozenset(e.kind for e in entries),
                [e for e in entries if e.kind == "place"],
                [e for e in entries if e.kind == "actor"],
                [e for e in entries if e.kind == "nisba"],
            )
            self._groups[k] = g
        return g

    def root_state(self, actor_id: str | None) -> str | None:
        try:
            return self._roots[actor_id]
        except KeyError:
            pass
        except TypeError:  # an unhashable id: not memoised
            return self._root_state(actor_id)
        if len(self._roots) > _CACHE_MAX:
            self._roots.clear()
        st = self._roots[actor_id] = self._root_state(actor_id)
        return st

    def _root_state(self, actor_id: str | None) -> str | None:
        """The state `actor_id` belongs to, or None: the corpus's one walk over affiliations
        (`models.affiliation_root`), kept only when it ends on a state record. This resolver
        extends it for the ids the engine coins with no record (a state's body named by a
        nisba, `MLI-JUNTA` = a state id + a BODY_NAMES code): their state is the one named."""
        if not actor_id:
            return None
        root = affiliation_root(actor_id, self.actors)
        info = self.actors.get(root)
        if info is None:
            head = root.split("-")[0]
            return head if head in self.actors and self.actors[head].kind == "state" else None
        return root if info.kind == "state" else None

    def actor_name(self, actor_id: str) -> str:
        info = self.actors.get(actor_id)
        if info:
            return info.name_en
        head, _, code = actor_id.partition("-")
        if head in self.actors and code in BODY_NAMES:
            return f"{BODY_NAMES[code]} of {self.actors[head].name_en}"
        return actor_id

    def actor_kind(self, actor_id: str) -> str:
        info = self.actors.get(actor_id)
        if info:
            return info.kind
        head = actor_id.split("-")[0]
        if head in self.actors and "-" in actor_id:
            return "state_body"
        return "person" if actor_id.islower() else "other"

    def incumbent(self, office: str, state: str, when: str | None) -> str | None:
        """Who held `office` for `state` (or an organisation) at `when` (YYYY[-MM[-DD]]): the
        holder appointed last on or before that month; for a bare year, anyone in office then."""
        holders = self.offices.get((state, office))
        if not holders or not when:
            return None
        w = when[:7]
        width = 7 if len(w) == 7 else 4
        current = [(start, person) for person, start, end in holders
                   if start[:width] <= w[:width] and (end is None or w[:width] <= end[:width])]
        return max(current)[1] if current else None


def _is_city(lex: Lexicon, k: tuple[str, ...]) -> bool:
    return any(e.kind == "place" and lex.places[e.ref].kind in ("capital", "town")
               for e in lex.phrases.get(k, ()) if e.ref in lex.places)


def _nisba_stems(actor: dict) -> set[str]:
    """Stems of a state's one-word nisba aliases (الجزائري → جزائر)."""
    words = [fold(a) for a in _clean(actor.get("aliases_ar"))]
    return {stem for stem in map(_nisba_stem, words) if stem}


def _nisba_stem(folded: str) -> str | None:
    if " " in folded:
        return None
    suffix = next((s for s in ("يين", "يون", "يان", "يه", "ي") if folded.endswith(s)), None)
    if suffix is None or len(folded) - len(suffix) < 3:
        return None
    stem = folded[:-len(suffix)]
    stem = stem[2:] if stem.startswith("ال") else stem
    return stem if len(stem) >= 3 else None


def build_lexicon(corpus: Corpus | None) -> Lexicon:
    lex = Lexicon()
    actors = _actor_records(corpus)
    places = _place_records(corpus)
    _add_actor_infos(lex, actors)
    _add_offices(lex, actors)
    _add_places(lex, places)
    _add_country_states(lex, places)
    _add_actor_phrases(lex, actors)
    _add_place_metonyms(lex, places)
    _add_borders(lex, places)
    lex.clear_caches()
    return lex


# -- the gazetteer -------------------------------------------------------------------------------
def _place_records(corpus: Corpus | None) -> dict[str, dict]:
    """Every place record by id: the extras, then the curated gazetteer (curated wins), then
    the extras' added spellings of curated places."""
    rows = _read_jsonl(LEXICON_DIR / "places_extra.jsonl")
    places = {row["id"]: row for row in rows if not row.get("extends")}
    if corpus is not None:
        places.update({p.id: _place_dict(p) for p in corpus.places.values()})
    for row in rows:  # more spellings of a place defined elsewhere
        if row.get("extends") and row["id"] in places:
            base = places[row["id"]]
            places[row["id"]] = {**base, "variants_ar": _clean(base.get("variants_ar")) + row["variants_ar"]}
    return places


def _add_place_metonyms(lex: Lexicon, places: dict[str, dict]) -> None:
    """A capital or a country acting stands for its state (باماكو، المملكة المغربية): an actor
    reading of its names, chosen by context."""
    for p in places.values():
        if p["kind"] not in ("capital", "country") or p.get("country") not in lex.actors:
            continue
        for name in [p.get("name_ar")] + _clean(p.get("variants_ar")):
            if name:
                lex.add(name, Entry("actor", p["country"]))


def _add_borders(lex: Lexicon, places: dict[str, dict]) -> None:
    """Border areas by the pair of states their Arabic names mention (الحدود الجزائرية المالية)."""
    for p in places.values():
        if p["kind"] != "border_area":
            continue
        states = {st for st in map(lex_nisba_state(lex), key(p.get("name_ar") or "")) if st}
        if len(states) == 2:
            lex.borders.setdefault(frozenset(states), p["id"])


def lex_nisba_state(lex: Lexicon):
    """word → the state of a singular nisba (الجزائرية → DZA), or None."""
    def state(tok: str) -> str | None:
        stem = tok[2:] if tok.startswith("ال") else tok
        for suffix in ("يه", "ي"):
            if stem.endswith(suffix) and stem[: -len(suffix)] in lex.state_nisba:
                return lex.state_nisba[stem[: -len(suffix)]]
        return None
    return state


def _add_places(lex: Lexicon, places: dict[str, dict]) -> None:
    for p in places.values():
        lex.places[p["id"]] = PlaceInfo(p["id"], p["kind"], p.get("name_en") or p["id"], p.get("lat"),
                                        p.get("lon"), p.get("country"), p.get("geo_precision") or 1)
        if p["kind"] == "country" and p.get("country"):
            lex.country_place.setdefault(p["country"], p["id"])
        _add_place_names(lex, p)
    lex.capital_place = {state: info.id for state, info in capital_places(lex.places.values()).items()}
    for p in places.values():  # spelling variants last: they never displace a real entry
        if p["kind"] in SPELLING_VARIANT_KINDS and not p.get("cue_only"):
            _add_spelling_variants(lex, p)
    lex.sectors = {pid: {d: tuple(c) for d, c in sec.items()}
                   for pid, sec in load_json("place_sectors.json").items()}


def _add_country_states(lex: Lexicon, places: dict[str, dict]) -> None:
    """A gazetteer country with no actor record still acts (وزراء خارجية تونس والسودان): it
    gets a bare state actor, so context chooses between the place and the agent."""
    for p in places.values():
        iso = p.get("country")
        if p["kind"] == "country" and iso and iso not in lex.actors:
            lex.actors[iso] = ActorInfo(iso, "state", p.get("name_en") or iso, iso)


def _add_place_names(lex: Lexicon, p: dict) -> None:
    """A place's Arabic and Latin names. A name that starts with a cue word (منطقة كيدال،
    ولاية إليزي) is stored without it and the cue phrase picks this place; a `cue_only` place
    (a name that is also a common word: معسكر، البيض، الوادي) is only read after a cue word."""
    cue_only = "cue_place" if p.get("cue_only") else "place"
    for i, name in enumerate([p.get("name_ar")] + _clean(p.get("variants_ar"))):
        k = key(name or "")
        if not k:
            continue
        kind = "cue_place" if k in COMMON_WORD_NAMES else cue_only
        if len(k) >= 2 and k[0] in CUE_WORDS:
            lex.cue_places[k] = p["id"]
            k = k[1:]
            if any(t.startswith("و") for t in k[1:]):
                continue  # "الساحل والصحراء": two names, matched one by one
            lex.add(k, Entry(kind, p["id"], exact=False))
            continue
        lex.add(k, Entry(kind, p["id"], exact=(i == 0)))
        if p["kind"] in ("region", "natural_area") and len(k) == 1 and k[0].startswith("ال") and k[0][-1] not in "اءيه":
            for suffix in ("يه", "ي"):  # القبائل → القبائلية (المسألة القبائلية)
                lex.add((k[0] + suffix,), Entry("place", p["id"], exact=False))
    if p.get("cue_only"):
        return
    for name in [p.get("name_en"), p.get("name_fr")] + _clean(p.get("variants_lat")):
        if name and len(name) > 3:
            lex.add(name, Entry("place", p["id"], exact=False))


def _add_spelling_variants(lex: Lexicon, p: dict) -> None:
    """The g of a foreign name is غ in the Maghreb, ج in Egypt, ق in the Gulf and Sudan
    (أوغوساغو، اوجوساجو، أوقوساقو): each written form gets the others, unless that form is
    already a phrase of the lexicon."""
    for name in [p.get("name_ar")] + _clean(p.get("variants_ar")):
        k = key(name or "")
        if not k or k[0] in CUE_WORDS or not any("غ" in t for t in k):
            continue
        if min(len(t) for t in k) < 4:
            continue  # غات → قات (qat): short names keep their written forms
        for letter in G_LETTERS:
            variant = tuple(t.replace("غ", letter) for t in k)
            if variant not in lex.phrases:
                lex.add(variant, Entry("place", p["id"], exact=False))


# -- the actor dictionary ------------------------------------------------------------------------
def _actor_records(corpus: Corpus | None) -> dict[str, dict]:
    """Every actor record by id: extras and dated persons, then the curated corpus (its fields
    win; spellings are merged)."""
    extras = list(_read_jsonl(LEXICON_DIR / "actors_extra.jsonl")) + actor_dict.person_records()
    curated = [_actor_dict(a) for a in corpus.actors.values()] if corpus is not None else []
    return actor_dict.merge_records(extras, curated)


def _add_actor_infos(lex: Lexicon, actors: dict[str, dict]) -> None:
    for a in actors.values():
        state = a["id"] if a["kind"] == "state" else None
        lex.actors[a["id"]] = ActorInfo(a["id"], a["kind"], a.get("name_en") or a["id"], state,
                                        a.get("affiliation"))
    # a second pass: root states need all actors in place
    for aid, info in list(lex.actors.items()):
        lex.actors[aid] = ActorInfo(info.id, info.kind, info.name_en, lex.root_state(aid), info.affiliation)


def _add_offices(lex: Lexicon, actors: dict[str, dict]) -> None:
    """Who held which office when (persons' dated roles and offices.json)."""
    persons = [a for a in actors.values() if a.get("roles")]
    lex.offices = actor_dict.office_holders(persons)
    for (_, office), holders in lex.offices.items():
        for person, *_ in holders:
            held = lex.person_office.setdefault(person, set())
            held.add(office)
            if office in MINISTER_OFFICES:
                held.add("MIN")
    lex.generic_groups = [tuple(g) for g in load_json("offices.json").get("generic_groups", [])]


def _add_actor_phrases(lex: Lexicon, actors: dict[str, dict]) -> None:
    for a in actors.values():
        if a["kind"] == "state":
            forms = _add_nisbas(lex, a)
            _add_state_bodies(lex, a, forms)
            _add_state_titles(lex, a, forms)
    for title, office in TITLES.items():
        lex.add(title, Entry("title", office or ""))
    for noun, code in BODY_NOUNS.items():  # وزارة الدفاع، المجلس العسكري: the state from context
        if code in actor_dict.BARE_BODY_CODES and (" " in noun or noun in actor_dict.BARE_SINGLE_WORDS):
            lex.add(noun, Entry("body", "@bare:" + code))
    # actors' own names and aliases (after generated forms, so they come first in ties)
    for a in actors.values():
        _add_actor_names(lex, a)
    _add_group_phrases(lex)
    for surface, _aid, _start, _end in lex.generic_groups:
        lex.add(surface, Entry("actor", "@generic:" + " ".join(key(surface))))
    for a in actors.values():
        toks = set()
        for name in [a.get("name_ar")] + _clean(a.get("aliases_ar")):
            toks.update(t for t in key(name or "") if len(t) >= 4)
        lex.name_tokens[a["id"]] = toks


def _add_nisbas(lex: Lexicon, state: dict) -> set[str]:
    """The nisba forms of a state (المالي، مالية، الماليين…), registered; returns them."""
    iso = state["id"]
    forms = set()
    for stem in _nisba_stems(state):
        for variant in actor_dict.nisba_spellings(stem):
            lex.state_nisba[variant] = iso
            for suffix in NISBA_SUFFIXES:
                forms.add(variant + suffix)
                forms.add("ال" + variant + suffix)
    for form in forms:
        lex.add((form,), Entry("nisba", iso))
    return forms


def _singular_definite(forms: set[str]) -> list[str]:
    """الجزائري، الجزائرية (not the plurals): the forms that qualify a body or a title."""
    return [f for f in forms if f.startswith("ال") and f.endswith(("ي", "يه"))
            and not f.endswith(("يين", "يون", "يان"))]


def _state_names(lex: Lexicon, state: dict, forms: set[str]) -> list[tuple[str, ...]]:
    """The state's own names (not its nisbas, not its capital: الحكومة في باماكو is a body
    and a place)."""
    own = [key(state.get("name_ar") or "")]
    keys = own + [key(n) for n in _clean(state.get("aliases_ar"))]
    return [k for k in keys if k and (k in own or (len(k) > 1 or k[0] not in forms) and not _is_city(lex, k))]


def _add_state_bodies(lex: Lexicon, state: dict, forms: set[str]) -> None:
    """الحكومة المالية، حكومة مالي → MLI-GOV (وزارة الدفاع في مالي: a body, then a place)."""
    iso = state["id"]
    adjectives = _singular_definite(forms)
    names = _state_names(lex, state, forms)
    for noun, code in BODY_NOUNS.items():
        entry = Entry("body", f"{iso}-{code}", state=iso)
        for form in adjectives:
            lex.add(key(noun) + (form,), entry)
    capitals = [key(n) for n in _clean(state.get("aliases_ar")) if _is_city(lex, key(n))]
    for noun, code in CONSTRUCT_BODY_NOUNS.items():  # حكومة مالي، حكومة باماكو
        for name in names[:3] + capitals[:2]:
            lex.add(key(noun) + name, Entry("body", f"{iso}-{code}", state=iso))


def _add_state_titles(lex: Lexicon, state: dict, forms: set[str]) -> None:
    """الرئيس المالي، وزير الخارجية الجزائري، رئيس النيجر → a title with its state."""
    iso = state["id"]
    for title, office in TITLES.items():
        for form in _singular_definite(forms):
            lex.add(key(title) + (form,), Entry("title", office or "", state=iso))
    for title, office in CONSTRUCT_TITLES.items():
        for name in _state_names(lex, state, forms)[:3]:
            lex.add(key(title) + name, Entry("title", office, state=iso))


def _name_surfaces(lex: Lexicon, a: dict) -> list[tuple[str, bool]]:
    surfaces = [(a.get("name_ar"), True)] + [(s, False) for s in _clean(a.get("aliases_ar"))]
    keys = {key(s) for s, _ in surfaces if s}
    # "الحكومة الانتقالية في باماكو" = an alias + a location: the alias and the place
    # (an alias + "في" + a country is kept: السفير الأمريكي في مالي names the mission)
    return [(s, ex) for s, ex in surfaces if s and not any(
        key(s)[:n] in keys and key(s)[n:n + 1] == ("في",) and _is_city(lex, key(s)[n + 1:])
        for n in range(1, len(key(s))))]


def _add_actor_names(lex: Lexicon, a: dict) -> None:
    kind = a["kind"]
    for surface, exact in _name_surfaces(lex, a):
        k = key(surface)
        if not k or len(k) == 1 and (k[0] in STOP_ALIASES or len(k[0]) < 3):
            continue
        if k[0] in TITLE_WORDS and kind == "person":
            rest = k[1:]
            if len(rest) >= 2 and rest[0] not in TITLE_WORDS and not rest[0].startswith("ال"):
                continue  # العقيد عبد الله مايغا: the name alone is the mention
            lex.add(k, Entry("actor", a["id"], exact=exact, generic=True))
            continue
        variants = actor_dict.name_variants(k) if kind == "person" else {k}
        for variant in sorted(variants, key=lambda v: v != k):
            lex.add(variant, Entry("actor", a["id"], exact=exact and variant == k))
    for surface in [a.get("name_en"), a.get("name_fr")] + _clean(a.get("aliases_lat")):
        if surface and (len(surface) > 3 or surface.isupper() and len(surface) >= 3):
            lex.add(surface, Entry("actor", a["id"]))


def _add_group_phrases(lex: Lexicon) -> None:
    """Groups named by a head noun + an ethnonym (متمردو الطوارق → Tuareg rebels)."""
    for rule in actor_dict.WORDS["group_phrases"]:
        if rule["id"] not in lex.actors:
            lex.actors[rule["id"]] = ActorInfo(rule["id"], rule["kind"], rule["name_en"], None)
        for head in rule["heads"]:
            for modifier in rule["modifiers"]:
                lex.add(key(head) + key(modifier), Entry("actor", rule["id"], exact=True))




def _actor_dict(a: Actor) -> dict:
    return {
        "id": a.id, "kind": a.kind, "name_ar": a.name_ar, "name_en": a.name_en,
        "name_fr": a.name_fr, "aliases_ar": list(a.aliases_ar), "aliases_lat": list(a.aliases_lat),
        "affiliation": a.affiliation, "role_en": a.role_en, "role_start": a.role_start,
        "role_end": a.role_end,
    }


def _place_dict(p: Place) -> dict:
    return {
        "id": p.id, "kind": p.kind, "name_ar": p.name_ar, "name_en": p.name_en,
        "name_fr": p.name_fr, "variants_ar": list(p.variants_ar),
        "variants_lat": list(p.variants_lat), "lat": p.lat, "lon": p.lon, "country": p.country,
        "geo_precision": p.geo_precision,
    }
