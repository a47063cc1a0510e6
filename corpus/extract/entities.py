"""Places and actors: lexicon matching with clitics, then context rules.

One pass finds every lexicon phrase (leftmost-longest, clitics stripped: بباماكو، لباماكو،
وكيدال، للحكومة → لحكومة…). Context then decides what each match is:
- a name that is both a country/capital and a state (مالي، الجزائر، باماكو) is a *place* after a
  locative preposition (في، من، إلى، عبر، داخل، ب-) and an *actor* otherwise (أرسلت الجزائر،
  بين مالي والجزائر); الجزائر is Algiers when it is "الجزائر العاصمة", where an accord was signed
  or a meeting held ("الموقع في الجزائر") or where a visit went ("زيارة … إلى الجزائر");
- names inside proper names (اتفاق الجزائر، القاعدة في بلاد المغرب الإسلامي) are neither: the
  longer name wins or an agreement noun blocks them;
- شمال مالي / شمال البلاد → the northern-Mali area; الأراضي الليبية → Libya; الحدود المالية →
  the border area with the other state in the story;
- nisba adjectives are their state (مصادر أمنية مالية → MLI), body noun + nisba a state body
  (الحكومة المالية → MLI-GOV), title + nisba [+ name] a person (وزير الخارجية الجزائري أحمد عطاف);
  a title with no name is the office holder at the publication date, or the last person of that
  state named before (المسؤول المالي); an unknown name after a title becomes a new person;
- generic nouns (الوزارة، الوزير، التنظيم، النظام) resolve to the last actor they can stand for;
- an unknown name after a cue word (مدينة، بلدة، قرية، منطقة، ولاية، إقليم…) is a place with no id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from corpus.extract import actor_context, variants
from corpus.extract import actors as actor_rules
from corpus.extract import places as place_rules
from corpus.extract.actor_lexicon import GIVEN_NAMES
from corpus.extract.doc import Doc, strip_clitic
from corpus.extract.lexicon import (
    GENERIC_NOUNS,
    TITLES,
    Entry,
    EntryGroups,
    Lexicon,
    key,
)
from corpus.normalize import fold, fold_word


def _f(words: str) -> frozenset:
    return frozenset(fold(w) for w in words.split())


FROM_ACTOR = _f("مدعوم المدعوم المدعومة مدعومة المدعومين بدعم دعم مطلوب طلب بطلب تمويل بتمويل ضغط ضغوط "
                "موقف مبادرة اقتراح دعوة تحذير رسالة وفد مبعوث اعتراف تنازل مساعدة مساعدات شكوى")
FINANCE_BEFORE = _f("مساعدات مساعدة دعم الدعم موارد مبالغ أزمة الأزمة ضائقة قيمة اعتمادات سنة السنة ورقة "
                    "سوق أسواق مؤسسات خسائر تحويلات رقابة شؤون معاملات عقوبات التزامات مساهمة الموارد "
                    "المساعدات الأوراق السوق العجز الفساد وزارة وزير الوزارة تمويل التمويل الوضع مصادر_تمويل "
                    "إمكانيات الإمكانيات حوافز تعويضات مكافآت أعباء الأعباء قدرات القدرات السياسة الشؤون")
_MALI_ADJ = _f("مالي مالية المالي المالية ماليا")
FINANCE_BEFORE = FINANCE_BEFORE | _f("دعما دعمًا عجزا وضعا مساعدة")
FINANCE_AFTER = _f("ضخمة كبيرة هامة إضافية ونقدية والاقتصادية والعسكرية")
QAEDA_AFTER = _f("العسكرية الجوية الخلفية الأساسية القانونية الذهبية الشعبية الانتخابية")
NAME_STOP = _f("في من إلى الى على عن أن إن ان قد لقد الذي التي الذين هو هي كان كانت قال قالت أكد أكدت "
               "و أو ثم بعد قبل خلال مع حول ضد عند لدى منذ حتى كما لكن بل لا لم لن ما ماذا هذا هذه ذلك "
               "تلك يوم اليوم أمس عبر وزير رئيس الرئيس الوزير بين نحو إثر اثر بشأن أمام وراء حسب "
               "نفس وفق وفقا طبقا خاصة أيضا كذلك جدد أعلن أكد قال صرح أشار دعا بدوره بدورها "
               "أنه إنه أنها إنها بأن بأنه لأن لان إلا غير سوى مؤخرا سابقا حاليا أمس اليوم "
               "الذي التي عن عند ضمن لدى")
NAME_PARTICLES = _f("عبد أبو ابو بن ولد آغ اغ أغ ايت آيت سيدي مولاي أبا")
NAME_AL_OK = _f("الله الدين الرحمن العزيز القادر المجيد الكريم الحميد الرحيم المالك السلام اللطيف "
                "الحليم العالي الحق الناصر المؤمن الغني الرزاق الوهاب الحفيظ الجليل الإله الحي")
_MALI = fold("مالي")
_MALI_BARE = (fold("مالي"), fold("مالية"))
PERSON_ANAPHORA = {fold("الوزير"): "MIN", fold("الرئيس"): "PRES"}

_TRANSLIT = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة",
                     ["a", "b", "t", "th", "dj", "h", "kh", "d", "dh", "r", "z", "s", "ch", "s", "d", "t",
                      "dh", "a", "gh", "f", "g", "k", "l", "m", "n", "h", "ou", "i", "", "a", "a", "i",
                      "ou", "i", "a", "a"], strict=False))


def transliterate(name: str) -> str:
    words = []
    for w in fold(name).split():
        out = "".join(_TRANSLIT.get(ch, ch) for ch in w)
        out = re.sub(r"(.)\1+", r"\1", out)
        words.append(out.capitalize())
    return " ".join(words)


slug = actor_rules.person_slug


@dataclass(slots=True)
class Match:
    i: int  # first token
    j: int  # one past the last token
    plen: int  # clitic length on the first token
    entries: list[Entry]
    groups: EntryGroups | None = None  # the entries split by kind (lexicon memo)

    def clitic(self, doc: Doc) -> str:
        return doc.tokens[self.i].text[: self.plen]


def _longest_phrase(key: tuple, j: int, words, folded: str, fstarts, fends, phrases, prefixes):
    """(end token, phrase key) of the longest lexicon phrase that extends `key` from token j
    on, never across punctuation; None when no phrase matches."""
    found = None
    n = len(words)
    while True:
        if key in phrases:
            found = (j, key)
        if j >= n or folded[fends[j - 1]:fstarts[j]].strip():
            return found
        longer = key + (words[j],)
        if longer not in prefixes:
            return found
        key = longer
        j += 1


def _without_conjunction(w: str) -> str:
    """وفي → في: a locative preposition keeps its reading after و/ف."""
    for c in ("و", "ف"):
        if w.startswith(c) and w[1:] in place_rules.LOC_PREPS:
            return w[1:]
    return w


def lexicon_matches(doc: Doc, lex: Lexicon) -> list[Match]:
    """Leftmost-longest lexicon phrases over the tokens (no match crosses punctuation)."""
    toks = doc.tokens
    n = len(toks)
    if len(doc.words) == n == len(doc.fstarts) == len(doc.fends):
        words, fstarts, fends = doc.words, doc.fstarts, doc.fends
    else:
        words, fstarts, fends = [t.text for t in toks], [t.start for t in toks], [t.end for t in toks]
    folded = doc.folded
    phrases = lex.phrases
    prefixes = lex.prefixes
    maxlen = lex.maxlen
    group_of = lex._groups.get
    out: list[Match] = []
    readings = lex.readings(words)
    i = 0
    # only the tokens with a reading that starts some phrase (a small minority) are visited
    for i0 in compress(range(n), readings):
        if i0 < i:
            continue
        i = i0
        best: Match | None = None
        for stem, plen in readings[i]:
            k = (stem,)
            if maxlen[stem] == 1:  # no longer phrase starts with it: no need to look ahead
                found = (i + 1, k) if k in phrases else None
            else:
                found = _longest_phrase(k, i + 1, words, folded, fstarts, fends, phrases, prefixes)
            if found and (best is None or found[0] > best.j):
                best = Match(i, found[0], plen, phrases[found[1]], group_of(found[1]) or lex.groups(found[1]))
        if best:
            out.append(best)
            i = best.j
        else:
            i += 1
    return out


def with_variants(doc: Doc, lex: Lexicon, matches: list[Match]) -> list[Match]:
    """The matches plus the words no phrase covered that spell a known place or organisation
    differently (باماكوا، كيدالي، منيسما: `variants.py`)."""
    covered = set()
    for m in matches:
        covered.update(range(m.i, m.j))
    words = doc.words if len(doc.words) == len(doc.tokens) else [t.text for t in doc.tokens]
    extra = []
    for idx, w in enumerate(words):
        if idx in covered or len(w) < variants.MIN_LETTERS:
            continue
        found = variants.variant_key(lex, w)
        if found:
            extra.append(Match(idx, idx + 1, found[1], lex.phrases[found[0]], lex.groups(found[0])))
    return sorted(matches + extra, key=lambda m: m.i) if extra else matches


class EntityResolver:
    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.places: list[dict] = []
        self.actors: list[dict] = []
        self.history: list[str] = []  # actor ids in order of mention
        self.person_titles: dict[str, set] = {}
        self.states_seen: list[str] = []
        self._affil_map: dict[str, str] = {}
        self._newlines: list[int] | None = None
        self._prev_words: dict[int, str] = {}  # prev_word by token index (asked many times)

    # -- helpers ----------------------------------------------------------------------------
    def tok(self, idx: int) -> str:
        return self.doc.tokens[idx].text if 0 <= idx < len(self.doc.tokens) else ""

    def prev_word(self, m: Match, back: int = 1) -> str:
        """The word `back` tokens before the match (none after a clitic), و/ف off a preposition."""
        if m.plen and back == 1:
            return ""
        idx = m.i - back
        w = self._prev_words.get(idx)
        if w is None:
            w = self._prev_words[idx] = _without_conjunction(self.tok(idx))
        return w

    def same_sentence(self, a: int, b: int) -> bool:
        """True when no sentence break lies between tokens a and b."""
        if a < 0 or b >= len(self.doc.tokens):
            return False
        return self.doc.token_sentence(a) == self.doc.token_sentence(b)

    def punct_between(self, a: int, b: int) -> bool:
        t = self.doc.tokens
        return bool(self.doc.folded[t[a].end:t[b].start].strip(" \u00a0ـ"))

    def span_of(self, i: int, j: int, plen: int = 0) -> tuple[int, int]:
        t = self.doc.tokens
        return self.doc.span(t[i].start + plen, t[j - 1].end)

    def add_place(self, i: int, j: int, plen: int, place_id: str | None, name: str | None = None) -> None:
        s, e = self.span_of(i, j, plen)
        info = self.lex.places.get(place_id) if place_id else None
        self.places.append({
            "start": s, "end": e, "text": self.doc.text[s:e], "place_id": place_id,
            "name_en": info.name_en if info else (name or transliterate(self.doc.text[s:e])),
            "lat": info.lat if info else None, "lon": info.lon if info else None,
        })
        if info and info.country:
            self.states_seen.append(info.country)

    def add_actor(self, i: int, j: int, plen: int, actor_id: str | None, name: str | None = None,
                  kind: str | None = None, mention: str | None = None) -> None:
        """An actor mention; `mention` marks a bare adjective or a generic noun (not a name)."""
        s, e = self.span_of(i, j, plen)
        item = {
            "start": s, "end": e, "text": self.doc.text[s:e], "actor_id": actor_id,
            "name_en": name or (self.lex.actor_name(actor_id) if actor_id else ""),
            "kind": kind or (self.lex.actor_kind(actor_id) if actor_id else "person"),
        }
        if mention:
            item[actor_rules.MENTION_KEY] = mention
        self.actors.append(item)
        if actor_id:
            self.history.append(actor_id)
            st = self.lex.root_state(actor_id)
            if st:
                self.states_seen.append(st)

    def last_actor(self, pred) -> str | None:
        for aid in reversed(self.history):
            if pred(aid):
                return aid
        return None

    def when(self) -> str | None:
        return self.doc.published

    def focus_state(self, j: int) -> str | None:
        """The state البلاد at token j stands for: the country of the last place named before it
        in its sentence (… في مالي … شمال البلاد), else the state the story is about
        (places.story_state: not merely the last state named)."""
        start = self.doc.tokens[j].start
        sentence = self.doc.sentence_index(start)
        for p in reversed(self.places):
            info = self.lex.places.get(p["place_id"]) if p["place_id"] else None
            if p["start"] < start and info and info.country and self.doc.sentence_index(p["start"]) == sentence:
                return info.country
        return place_rules.story_state(self)

    # -- resolution -------------------------------------------------------------------------
    def run(self, matches: list[Match]) -> None:
        by_start = {m.i: m for m in matches}
        consumed_until = 0
        idx = 0
        matched_tokens = set()
        for m in matches:
            matched_tokens.update(range(m.i, m.j))
        toks = self.doc.tokens
        words = self.doc.words if len(self.doc.words) == len(toks) else [t.text for t in toks]
        self.state_counts = actor_rules.doc_state_counts(self, matches)
        self.dateline_state = actor_rules.dateline_state(self, matches)
        triggers = _trigger_flags(words)
        order = sorted(set(by_start).union(
            i for i in compress(range(len(words)), triggers) if i not in matched_tokens))
        for idx in order:
            if idx < consumed_until:
                continue
            m = by_start.get(idx)
            if m is None:
                consumed_until = self._free_token(idx, by_start)
                continue
            consumed_until = self._match(m, by_start)

    def _is_trigger_token(self, i: int) -> bool:
        return _is_trigger_word(self.doc.tokens[i].text)

    def _free_token(self, i: int, by_start: dict) -> int:
        """Cue words, generic nouns, directions, land/border nouns that no phrase covered."""
        w = self.tok(i)
        person = actor_rules.name_pattern_at(self, i)
        if person and not self.actors_overlap(*person):
            self._person_by_pattern(*person)
            return person[1]
        organisation_end = actor_rules.unknown_organisation(self, i) or actor_rules.unknown_company(self, i, by_start) \
            or actor_rules.person_noun_names(self, i, by_start)
        if organisation_end:
            return organisation_end
        for stem, plen in strip_clitic(w):
            if stem in place_rules.TRIGGERS:
                end = place_rules.free_token_place(self, i, stem, plen, by_start)
                return end if end is not None else i + 1
            if stem in GENERIC_NOUNS and plen in (0, 1):
                return self._generic_noun(i, stem, plen)
        return i + 1

    def _generic_noun(self, i: int, stem: str, plen: int) -> int:
        """الوزارة، التنظيم: the last actor it can stand for, as a nominal mention."""
        target = GENERIC_NOUNS[stem]
        if target is None or self._looks_qualified(i):
            return i + 1
        aid = self._resolve_generic(target)
        if aid:
            self.add_actor(i, i + 1, plen, aid, mention="nominal")
        return i + 1

    def _looks_qualified(self, i: int) -> bool:
        nxt = self.tok(i + 1)
        return bool(nxt) and not self.punct_between(i, i + 1) and (self._nisba_state(nxt) is not None)

    def _resolve_generic(self, target: str) -> str | None:
        kind, _, codes = target.partition(":")
        if kind == "person":
            code = codes
            return self.last_actor(lambda a: self.lex.actor_kind(a) == "person" and (
                code in self.person_titles.get(a, set()) or code in self.lex.person_office.get(a, set())))
        if kind == "body":
            wanted = set(codes.split("|"))
            return self.last_actor(lambda a: "-" in a and a.split("-", 1)[1] in wanted)
        if kind == "group":
            return self.last_actor(lambda a: self.lex.actor_kind(a) == "armed_group" and a not in ("TERRORIST-GROUPS",))
        return None

    def _nisba_state(self, word: str) -> str | None:
        for e in self.lex.phrases.get((word,), ()):
            if e.kind == "nisba":
                return e.ref
        return None

    def _looks_like_name(self, w: str, allow_al: bool) -> bool:
        if not w or w in NAME_STOP or w.isdigit() or len(w) < 2:
            return False
        if w.endswith(("ها", "هم", "هما", "كم")) and len(w) > 4:
            return False  # a pronoun suffix: خارجيتها
        if w.startswith("ال") and not allow_al and w not in NAME_AL_OK:
            return False
        if w.startswith("ال") and allow_al and (w.endswith("يه") or w.endswith("ي")):
            return False
        return not (w[0].isascii() and w[0].isalpha())

    # -- one lexicon match -------------------------------------------------------------------
    def _match(self, m: Match, by_start: dict) -> int:
        g = m.groups if m.groups is not None else _split_entries(m.entries)
        kinds = g.kinds
        if "body" not in kinds and "title" not in kinds and place_rules.in_proper_name(self, m, g.places, g.actors):
            return m.j  # اتفاق الجزائر: part of a proper name
        if "title" in kinds:
            return self._title(m, by_start)
        if "body" in kinds:
            body = next(e for e in m.entries if e.kind == "body")
            if not body.ref.startswith("@bare:"):
                self.add_actor(m.i, m.j, m.plen, body.ref)
                return m.j
            if body.ref == "@bare:PRES":
                state = actor_rules.bare_body_state(self, m, "PRES", self.state_counts)
                palace_end = place_rules.palace_place(self, m, state)
                if palace_end:
                    return palace_end
            if not g.actors:
                return actor_rules.resolve_bare_body(self, m, body.ref[6:], self.state_counts)
        places = g.places
        actors = g.actors
        nisbas = g.nisbas
        person_end = actor_rules.nisba_person(self, m, nisbas[0].ref, by_start) if nisbas else None
        if person_end:
            self.add_actor(m.i, m.j, m.plen, nisbas[0].ref, mention="adjective")
            return person_end
        if actors and any(e.generic for e in actors) and not places:
            return self._title_alias(m, actors, by_start)
        if places and actors and actor_rules.mali_adjective(self, m):
            self.add_actor(m.i, m.j, m.plen, "MLI", mention="adjective")
            return m.j
        if places and actors:
            if place_rules.is_place_context(self, m, places) or actor_rules.territory_genitive(self, m):
                self.add_place(m.i, m.j, m.plen, place_rules.place_choice(self, m, places))
                if place_rules.hosting_city(self, m):  # تحتضن باماكو ندوة: the host state, for events
                    self.add_actor(m.i, m.j, m.plen, self._actor_choice(actors), mention="nominal")
            else:
                aid = self._actor_choice(actors)
                self.add_actor(m.i, m.j, m.plen, aid, mention=actor_rules.adjective_reading(aid, actors, nisbas))
            return m.j
        if places:
            area_end = place_rules.sahara_of_state(self, m, places)
            if area_end:
                return area_end
            with_state = place_rules.state_after_with(self, m, places)
            if with_state:
                self.add_place(with_state[0], m.j, 0, with_state[1])
                return m.j
            pid = place_rules.place_choice(self, m, places)
            self.add_place(m.i, m.j, m.plen, pid)
            return m.j
        if actors:
            return self._actor_match(m, actors, nisbas)
        if nisbas:
            return self._nisba_match(m, nisbas)
        return place_rules.head_name_place(self, m, by_start) or m.j

    def _actor_match(self, m: Match, actors: list[Entry], nisbas: list[Entry]) -> int:
        """A phrase that is only an actor's name (or alias)."""
        aid = self._actor_choice(actors)
        if aid == "MLI" and self._financial(m):
            return m.j
        if aid == "AQIM" and m.j - m.i == 1 and (self.tok(m.j) in QAEDA_AFTER or actor_rules.earlier_base(self, m)):
            return m.j
        if self._state_as_place(m, aid):
            return m.j
        namesake = actor_rules.namesake_start(self, m, aid)
        if namesake is not None:
            actor_rules.add_new_person(self, namesake, m.j, None, None)
            return m.j
        if actor_rules.unsupported_surname(self, m, aid):
            return m.j
        self.add_actor(m.i, m.j, m.plen, aid, mention=actor_rules.adjective_reading(aid, actors, nisbas))
        if m.j - m.i > 2:
            place_rules.tail_location(self, m)
        return m.j

    def _nisba_match(self, m: Match, nisbas: list[Entry]) -> int:
        """A nisba alone: the state as an adjective mention (not financial مالية)."""
        st = nisbas[0].ref
        word = self.tok(m.i)[m.plen:]
        if st == "MLI" and (self._financial(m) or word in _MALI_BARE and self.prev_word(m).startswith("ال")):
            return m.j
        if st == "MLI" and word == _MALI:
            # a bare "مالي" reading only reaches here via the nisba table (the state's name
            # is an actor entry), so this is the indefinite adjective "financial/Malian"
            return m.j
        self.add_actor(m.i, m.j, m.plen, st, mention="adjective")
        return m.j

    def _financial(self, m: Match) -> bool:
        """مالي/مالية as "financial": after a money noun (مساعدات مالية، وزارة المالية)."""
        word = self.tok(m.i)[m.plen:]
        if m.j - m.i != 1 or word not in _MALI_ADJ:
            return False
        return self.prev_word(m) in FINANCE_BEFORE or self.tok(m.j) in FINANCE_AFTER

    def _actor_choice(self, actors: list[Entry]) -> str:
        for e in actors:
            if e.ref.startswith("@generic:"):
                resolved = self._generic_group(e.ref)
                if resolved:
                    return resolved
        actors = [e for e in actors if not e.ref.startswith("@generic:")] or actors
        exact = [e for e in actors if e.exact]
        chosen = (exact or actors)[0].ref
        if chosen.startswith("@generic:"):
            return self._generic_group(chosen) or chosen
        return chosen

    def _generic_group(self, ref: str) -> str | None:
        surface = ref.split(":", 1)[1]
        year = (self.doc.published or "")[:4]
        for s, aid, start, end in self.lex.generic_groups:
            if fold_word(s) == surface and year and start <= year <= end:
                return aid
        return None

    def _dateline(self, m: Match) -> bool:
        return place_rules.dateline(self, m)

    def _best_place(self, entries: list[Entry]) -> str:
        return place_rules.best_place(entries)

    def _state_as_place(self, m: Match, actor_id: str) -> bool:
        """A state's other names (دولة مالي، الولايات المتحدة) after a locative preposition
        name the country as a place (في دولة مالي، السفر إلى الولايات المتحدة)."""
        if self.lex.actor_kind(actor_id) != "state" or actor_id not in self.lex.country_place:
            return False
        if "ب" not in m.clitic(self.doc) and self.prev_word(m) not in place_rules.LOC_PREPS:
            return False
        self.add_place(m.i, m.j, m.plen, self.lex.country_place[actor_id])
        return True

    def _title_alias(self, m: Match, actors: list[Entry], by_start: dict) -> int:
        """A curated alias that is a title phrase (الرئيس المالي): the office holder then."""
        k = tuple(self.tok(x) for x in range(m.i, m.j))
        k = (k[0][m.plen:],) + k[1:]
        office, state = self._title_of(k)
        nxt = by_start.get(m.j)
        if nxt is not None and any(e.kind == "actor" and self.lex.actor_kind(e.ref) == "person" for e in nxt.entries):
            return m.j  # the name follows: the name is the mention
        aid = None
        if office and state:
            aid = self.lex.incumbent(office, state, self.when())
        if aid is None:
            aid = self._actor_choice(actors)
        self.add_actor(m.i, m.j, m.plen, aid)
        if office:
            self.person_titles.setdefault(aid, set()).add(office)
        return m.j

    def _title_of(self, k: tuple[str, ...]) -> tuple[str | None, str | None]:
        for cut in range(len(k), 0, -1):
            head = " ".join(k[:cut])
            if head in _TITLE_KEYS:
                rest = k[cut:]
                state = self._nisba_state(rest[0]) if rest else None
                return _TITLE_KEYS[head], state
        return None, None

    def _title(self, m: Match, by_start: dict) -> int:
        """A title: its state and organisation, ranks, then the person it introduces."""
        title = next(e for e in m.entries if e.kind == "title")
        office, state = title.ref or None, title.state
        named_before = actor_rules.name_before_title(self, m.i)
        if named_before:
            self._person_by_pattern(*named_before)
        j = m.j
        if not state and j < len(self.doc.tokens) and not self.punct_between(j - 1, j):
            st = self._nisba_state(self.tok(j))  # a nisba after a bare title (الوزير المالي)
            if st:
                state, j = st, j + 1
        j = actor_rules.skip_company_cue(self, actor_rules.skip_portfolio(self, j, office), by_start)
        k, org = self._title_complement(j, by_start)
        office, state = actor_rules.office_of_body(self.lex, office, org, state)
        k = actor_rules.skip_local_place(self, actor_rules.skip_location(self, k, by_start), by_start, office)
        k = self._skip_ranks(k, by_start)
        person = self._known_person_after(k, by_start, m)
        if person is not None:
            return self._title_person(person, office)
        end = actor_rules.name_end(self, k, strong=bool(org) or office not in (None, "OFFICIAL"),
                                   single=office is None)
        if end and self._adjectives_only(m, k, end):
            state = state or self._nisba_state(self.tok(end - 1))
            return self._title_without_name(m, end, office, state, org)
        if end and (k not in by_start or self._place_as_given_name(k, by_start)) and self.same_sentence(m.i, k) and (
                not self.punct_between(k - 1, k) or actor_rules.comma_then_name(self, k) and end - k >= 2):
            return self._title_new_name(k, end, office, state or org)
        # الأمين العام للأمم المتحدة: the organisation is named; its head a nominal mention
        return max(k, self._title_without_name(m, j, office, state, org))

    def _place_as_given_name(self, k: int, by_start: dict) -> bool:
        """سعيدة بن حبيلس after a title: a town's name (Saïda) opening a name with بن/ولد/آغ."""
        nxt = by_start[k]
        return (nxt.j == k + 1 and not nxt.plen and self.tok(k + 1) in NAME_PARTICLES
                and all(e.kind in ("place", "cue_place") for e in nxt.entries))

    def _adjectives_only(self, m: Match, k: int, end: int) -> bool:
        """مسؤول عسكري مالي، مصدر أمني جزائري: after an indefinite role noun, words that all end
        like adjectives (nisbas) qualify it; they are not a name."""
        if m.plen or self.tok(m.i).startswith("ال"):
            return False
        words = [self.tok(x) for x in range(k, end)]
        return all(w.endswith("ي") and w not in GIVEN_NAMES for w in words)

    def _title_complement(self, j: int, by_start: dict) -> tuple[int, str | None]:
        """An organisation or body right after a title (المتحدث باسم المجلس العسكري، زعيم
        حركة أنصار الدين): emitted as its own mention; returns (next token, its root)."""
        nxt = by_start.get(j)
        if nxt is None and j < len(self.doc.tokens) and not self.punct_between(j - 1, j):
            return self._generic_complement(j)
        if nxt is None or self.punct_between(j - 1, j):
            return j, None
        kinds = (nxt.groups or _split_entries(nxt.entries)).kinds
        if "title" in kinds or not kinds & {"body", "actor"}:
            return j, None
        if any(e.kind == "actor" and self.lex.actor_kind(e.ref) == "person" for e in nxt.entries):
            return j, None
        before = len(self.actors)
        end = self._match(nxt, by_start)
        added = self.actors[before:]
        org = added[-1]["actor_id"] if added else None
        return end, org

    def _generic_complement(self, j: int) -> tuple[int, str | None]:
        """المتحدث باسم الحركة، فلان: a generic organisation noun after a title is stepped over
        (a nominal mention of the last such actor), so the name after it is still read."""
        stem, plen = _generic_stem(self.tok(j))
        target = GENERIC_NOUNS.get(stem)
        if not target or target.startswith("person"):
            return j, None
        before = len(self.actors)
        self._generic_noun(j, stem, plen)
        added = self.actors[before:]
        return j + 1, added[-1]["actor_id"] if added else None

    def _skip_ranks(self, k: int, by_start: dict) -> int:
        """وزير الدولة المالي، العقيد عبد الله مايغا: ranks and second titles between."""
        for _ in range(2):
            nxt = by_start.get(k)
            if nxt is None or not any(e.kind == "title" and not e.ref for e in nxt.entries):
                break
            k = nxt.j
        return k

    def _known_person_after(self, k: int, by_start: dict, m: Match) -> Match | None:
        """A known person at k, or one or two words later (لوزير خارجيتها مختار وان)."""
        for look in range(k, min(k + 3, len(self.doc.tokens))):
            if look > k and (self.punct_between(look - 1, look) or actor_rules.is_given_name(self.tok(look - 1))):
                return None  # another person's given names before a known surname
            cand = by_start.get(look)
            if cand is None:
                continue
            persons = [e for e in cand.entries if e.kind == "actor" and not e.generic
                       and self.lex.actor_kind(e.ref) == "person"]
            if look > k and persons and actor_rules.unsupported_surname(self, cand, persons[0].ref):
                return None  # سفير مالي ناني توري: another Touré
            return cand if persons and self.same_sentence(m.i, cand.i) else None
        return None

    def _title_person(self, person: Match, office: str | None) -> int:
        entries = [e for e in person.entries if e.kind == "actor" and not e.generic
                   and self.lex.actor_kind(e.ref) == "person"]
        aid = self._actor_choice(entries)
        self.add_actor(person.i, person.j, person.plen, aid)
        if office:
            self.person_titles.setdefault(aid, set()).add(office)
            if office in ("MFA", "MOD", "MOI", "PM"):
                self.person_titles[aid].add("MIN")
        return person.j

    def _title_new_name(self, k: int, end: int, office: str | None, state: str | None) -> int:
        """An unknown name after a title: a variant of the office holder's name, else a new person."""
        holder = self.lex.incumbent(office, state, self.when()) if office and state else None
        toks = {self.tok(x) for x in range(k, end)}
        if holder and (toks - GIVEN_NAMES.keys()) & self.lex.name_tokens.get(holder, set()):
            self.add_actor(k, end, 0, holder)
            return end
        known = actor_rules.known_person(self, k, end)
        if not known:  # a holder sharing a word, and the name's given name if it opens with one
            known = actor_rules.holder_by_name(self, office, toks)
            known = known if known and actor_rules.same_given_name(self, k, end, known) else None
        if known:
            self.add_actor(k, end, 0, known)
            return end
        root = self.lex.root_state(state) if state else None
        actor_rules.add_new_person(self, k, end, root or state, office)
        return end

    def _title_without_name(self, m: Match, j: int, office: str | None, state: str | None,
                            org: str | None) -> int:
        """No name: the office holder at the article's date, or the last person of that state."""
        aid = None
        owner = state or org
        if office and owner and office not in ("MIN", "OFFICIAL", "AMB", "SPOKES"):
            aid = self.lex.incumbent(office, owner, self.when())
        if aid is None and state and office in ("MIN", "OFFICIAL"):
            aid = self.last_actor(lambda a: self.lex.actor_kind(a) == "person" and (
                self.lex.root_state(a) == state or self._affil.get(a) == state))
        if aid is None and not state and office in PERSON_ANAPHORA.values() and m.j - m.i == 1:
            aid = self._resolve_generic(f"person:{office}")
            if aid:
                self.add_actor(m.i, j, m.plen, aid, mention="nominal")
                return j
        if aid:
            nominal = org or actor_rules.in_apposition(self, m, aid)
            self.add_actor(m.i, j, m.plen, aid, mention="nominal" if nominal else None)
            self.person_titles.setdefault(aid, set()).add(office)
            return j
        if state and office in _OFFICE_BODY:
            self.add_actor(m.i, j, m.plen, f"{state}-{_OFFICE_BODY[office]}", mention="nominal")
        elif state:
            self.add_actor(j - 1, j, 0, state, mention="adjective")
        return j

    def _person_by_pattern(self, i: int, j: int) -> None:
        """A name with its particle and no title (بلال آغ الشريف): a known or new person."""
        known = actor_rules.known_person(self, i, j)
        if known:
            self.add_actor(i, j, 0, known)
        else:
            actor_rules.add_new_person(self, i, j, None, None)

    def actors_overlap(self, i: int, j: int) -> bool:
        s, e = self.span_of(i, j)
        return any(a["start"] < e and s < a["end"] for a in self.actors[-3:])

    @property
    def _affil(self) -> dict:
        return self._affil_map


_OFFICE_BODY = {"MFA": "MFA", "MOD": "MOD", "MOI": "MOI", "PRES": "PRES", "PM": "GOV", "COS": "ARMY"}


_TITLE_KEYS = {" ".join(key(t)): (code or None) for t, code in TITLES.items()}
_TITLE_KEYS = {k: v for k, v in _TITLE_KEYS.items()}


@lru_cache(maxsize=65536)
def _generic_stem(word: str) -> tuple[str, int]:
    """(stem, clitic length) of a generic noun, the clitic read as the curators do (للمنظمة →
    ل + المنظمة); ("", 0) when the word is none."""
    for stem, plen in strip_clitic(word):
        if stem in GENERIC_NOUNS:
            return stem, plen
        if word.startswith("لل") and "ال" + word[2:] in GENERIC_NOUNS:
            return "ال" + word[2:], 1
    return "", 0


def _is_trigger_word(w: str) -> bool:
    for stem, _ in strip_clitic(w):
        if stem in GENERIC_NOUNS or stem in place_rules.TRIGGERS:
            return True
    return w in actor_rules.PATTERN_PARTICLES or w in actor_rules.ORG_CUES or actor_rules.is_company_cue(w) \
        or any(stem in actor_rules.PERSON_NOUNS for stem, _ in strip_clitic(w))


_TRIGGER_MEMO: dict[str, bool] = {}


def _trigger_flags(words: list[str]) -> list[bool]:
    """`_is_trigger_word` of every word, one dict lookup per word once warm."""
    out = list(map(_TRIGGER_MEMO.get, words))
    if None in out:
        if len(_TRIGGER_MEMO) > 200_000:
            _TRIGGER_MEMO.clear()
        for idx, v in enumerate(out):
            if v is None:
                out[idx] = _TRIGGER_MEMO[words[idx]] = _is_trigger_word(words[idx])
    return out


def _split_entries(entries: list[Entry]) -> EntryGroups:
    return EntryGroups(frozenset(e.kind for e in entries), [e for e in entries if e.kind == "place"],
                       [e for e in entries if e.kind == "actor"], [e for e in entries if e.kind == "nisba"])




def resolve_entities(doc: Doc, lex: Lexicon) -> tuple[list[dict], list[dict]]:
    """(places, actors) mentions of a Doc (sentences must be set)."""
    places, actors, _states = resolve_entities_with_states(doc, lex)
    return places, actors


def resolve_entities_with_states(doc: Doc, lex: Lexicon) -> tuple[list[dict], list[dict], dict[str, str]]:
    """(places, actors, the state of each new person found after a title with a nisba)."""
    resolver = EntityResolver(doc, lex)
    resolver.run(with_variants(doc, lex, lexicon_matches(doc, lex)))
    actor_rules.late_surnames(resolver)
    place_rules.glued_directions(resolver)
    actors = sorted(resolver.actors, key=lambda a: a["start"])
    actors = actor_context.refine_actors(resolver, actor_rules.drop_repeats(actors))
    return resolver.places, actors, dict(resolver._affil_map)


def find_places(doc: Doc, lex: Lexicon) -> list[dict]:
    """Pipeline step: place mentions."""
    return resolve_entities(doc, lex)[0]


def find_actors(doc: Doc, lex: Lexicon) -> list[dict]:
    """Pipeline step: actor mentions that name an actor."""
    return actor_rules.named_mentions(resolve_entities(doc, lex)[1])
