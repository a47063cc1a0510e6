"""Actor rules the entity resolver applies to lexicon matches and to words no phrase covered.

- **Titles** (الرئيس، وزير الخارجية، المتحدث باسم، زعيم، السفير…): the title's state (a nisba
  after it) and its organisation (المتحدث باسم المجلس العسكري) are read first, ranks skipped
  (العقيد), then the person: a known name, else an unknown name → a new person whose id is the
  slug of its transliteration; no name → the office holder at the article's date (a nominal
  mention) when the dictionary knows him.
- **Name patterns**: a Tuareg or Moorish name with its particle (بلال آغ الشريف، دحو ولد قابلية)
  is a person even with no title.
- **Bare state bodies** (وزارة الدفاع، المجلس العسكري، الحكومة): the state is the one named
  right after (في مالي / بمالي), else the state of the same body mentioned before, else — for a
  junta — a state under military rule at the article's date, else the article's focus state
  (the state it mentions most).
- **Mention roles**: a nisba adjective alone (جندي مالي) is an *adjective* and a generic noun
  (الوزير، الحركة) a *nominal* mention: both stay visible to the quote and event steps, but the
  actor list handed out names actors (`named_mentions`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from corpus.extract import places as place_rules
from corpus.extract.actor_lexicon import (
    COMPANY_CUE_STOP,
    COMPANY_CUES,
    CONSTRUCT_BODY_NOUNS,
    GIVEN_NAMES,
    NAME_AL_OK,
    NAME_PARTICLES,
    NAME_SPELLINGS,
    NAME_STOP,
    ORG_ANCHORS,
    ORG_CUES,
    ORG_GLOSSARY,
    RANKS,
    TITLES,
    TUAREG_PARTICLES,
    WORDS,
)
from corpus.extract.doc import CLITIC_LETTERS, strip_clitic
from corpus.normalize import fold

MENTION_KEY = "mention"  # set on non-name mentions only: "adjective" | "nominal"
JUNTA_PERIODS = {state: [tuple(p) for p in periods] for state, periods in WORDS["junta_periods"].items()}
NOMINAL_BODY_CODES = frozenset({"GOV", "ARMY"})
# السلطات الانتقالية، الحكومة المركزية: one government of the story, not "a government"
SPECIFIC_BODY_WORDS = frozenset(fold(w) for w in WORDS["specific_body_words"])
DATELINE_WEIGHT = 3  # "الجزائر – أعلنت وزارة الخارجية": the filing city's state leads
LEADER_OF_BODY = {"JUNTA": "PRES", "GOV": "PM", "PRES": "PRES", "ARMY": "COS"}
_BY = (fold("في"), fold("ب"), fold("لدى"))
PATTERN_PARTICLES = TUAREG_PARTICLES | {fold("ولد"), fold("بنت")}
CONNECTORS = TUAREG_PARTICLES | {fold(w) for w in ("ولد", "ولت", "بنت", "منت", "بن", "ابن", "أبو", "ابو", "عبد", "أم")}


def state_resolver(lex, new_states: dict[str, str]):
    """The one actor → state function (`Lexicon.root_state`) extended with the states of the
    new persons of one document (وزير الخارجية التشادي + an unknown name → TCD)."""
    if not new_states:
        return lex.root_state

    def state_of(actor_id: str | None) -> str | None:
        return lex.root_state(actor_id) or new_states.get(actor_id)
    return state_of


def named_mentions(actors: list[dict]) -> list[dict]:
    """The actor mentions that name an actor (no bare adjectives or generic nouns)."""
    return [a for a in actors if MENTION_KEY not in a]


def adjective_reading(actor_id: str, actor_entries, nisba_entries) -> str | None:
    """"adjective" when the matched word is a nisba of the chosen state and not its name
    (الجزائرية، ماليين — an alias listed in the dictionary — versus مالي، الجزائر)."""
    if any(e.ref == actor_id for e in nisba_entries) and not any(
            e.ref == actor_id and e.exact for e in actor_entries):
        return "adjective"
    return None


_MALI = fold("مالي")
_ALI = fold("علي")
TITLE_HEADS = frozenset(t.split()[0] for t in TITLES)
COMMON_SURNAMES = frozenset(fold(w) for w in WORDS["common_surnames"])
BODY_HEADS = frozenset(noun.split()[0] for noun in CONSTRUCT_BODY_NOUNS)  # حكومة، خارجية، جيش…
COMMON_GIVEN_NAMES = frozenset(fold(w) for w in ("محمد", "أحمد", "عبد", "علي", "محمود", "مصطفى"))
_FI = fold("في")
NATIONALITY_NOUNS = frozenset(fold(w) for w in WORDS["nationality_nouns"])


def mali_adjective(res, m) -> bool:
    """"مالي" right after a noun that nationality qualifies is the adjective Malian (جندي
    مالي، مسؤول مالي، حوار مالي); after other nouns it names the state (سيادة مالي)."""
    if m.plen or m.j - m.i != 1 or res.tok(m.i) != _MALI or m.i == 0 or res.punct_between(m.i - 1, m.i):
        return False
    prev = res.tok(m.i - 1)
    return any(stem in NATIONALITY_NOUNS for stem, _ in strip_clitic(prev))


TERRITORY_NOUNS = frozenset(fold(w) for w in WORDS["territory_nouns"])


def territory_genitive(res, m) -> bool:
    """استقرار مالي، سكان النيجر، التنمية الاقتصادية لمالي: the state's land, people or
    condition — the country as a place, not an actor."""
    if m.i == 0 or res.punct_between(m.i - 1, m.i) or m.plen and m.clitic(res.doc) != "ل":
        return False
    back = [res.tok(m.i - k) for k in (1, 2) if m.i - k >= 0]
    if m.plen:  # لمالي after a noun phrase: التنمية الاقتصادية لمالي
        return any(w in TERRITORY_NOUNS for w in back)
    return back[0] in TERRITORY_NOUNS


def earlier_base(res, m) -> bool:
    """"القاعدة" after "قاعدة" (a base) was mentioned is that base, not al-Qaeda."""
    if m.j - m.i != 1:
        return False
    return _first_base_end(res.doc.folded) <= res.doc.tokens[m.i].start


_BASE_RE = re.compile(r"قاعده(?![^\W\d_])")  # the word's end; its start is checked by _word_start
_LETTER_RE = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=8)
def _first_base_end(folded: str) -> float:
    """Where the document's first word "قاعدة" (a base; و ف ب ل may lead) ends (inf: none).
    A token starts after a non-letter, so a base ends before a token's start exactly when it
    was written before it."""
    for hit in _BASE_RE.finditer(folded):  # a literal scan, then the word start checked
        if _word_start(folded, hit.start()):
            return hit.end()
    return float("inf")


def _word_start(folded: str, pos: int) -> bool:
    """No letter before pos, or one proclitic و ف ب ل with no letter before it."""
    def letter_at(i: int) -> bool:
        return i >= 0 and _LETTER_RE.match(folded, i) is not None
    return not letter_at(pos - 1) or (folded[pos - 1] in "وفبل" and not letter_at(pos - 2))


def in_apposition(res, m, actor_id: str) -> bool:
    """أحمد عطاف، وزير خارجية الجزائر: a title right after its holder's name describes him."""
    if not res.actors or res.actors[-1]["actor_id"] != actor_id:
        return False
    start = res.span_of(m.i, m.i + 1, m.plen)[0]
    return not res.doc.text[res.actors[-1]["end"]:start].strip(" ،,-–()")


def drop_repeats(actors: list[dict]) -> list[dict]:
    """A nickname or title-alias right before the name of the same actor (الأعور مختار
    بلمختار): the name is the mention."""
    out = []
    for a, nxt in zip(actors, [*actors[1:], None], strict=False):
        if nxt and nxt["actor_id"] == a["actor_id"] and 0 <= nxt["start"] - a["end"] <= 1:
            continue
        out.append(a)
    return out


# -- names -------------------------------------------------------------------------------------
_TRANSLIT = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءة",
                     ["a", "b", "t", "th", "dj", "h", "kh", "d", "dh", "r", "z", "s", "ch", "s", "d", "t",
                      "dh", "a", "gh", "f", "g", "k", "l", "m", "n", "h", "ou", "i", "", "a"], strict=True))
# ق is g in Maghreb and Sahel spellings (Guenaizia, Teguedi, Gaddafi); غ before a long vowel inside
# a word is g (مايغا → Maiga, واغي → Ouagi). Measured on persons.jsonl's own Arabic/English pairs
# with the dev-set scorer's name test: 169 → 172 of 269 names match (mean similarity .861 → .863);
# é for a final ي, and a vowel between consonants, both scored worse and are not used.


def english_name(name_ar: str) -> str:
    """A Latin spelling of an Arabic name, French-style as in Maghreb and Sahel news: known
    given names and particles as usually written (محمد → Mohamed, آغ → Ag, ولد → Ould), other
    words letter by letter (short vowels are not written; inserting them guessed worse)."""
    words = fold(name_ar).split()
    french_e = [w.endswith("يه") for w in name_ar.split()]  # ه, not the ta marbuta of عطية
    out = []
    for i, word in enumerate(words):
        if i and words[i - 1] == "عبد" and out[-1] == "Abdel":
            out[-1] = "Abdallah" if word == "الله" else "Abdel" + _english_word(word[2:] if word.startswith("ال") else word).lower()
            continue
        latin = _english_word(word)
        if len(french_e) == len(words) and french_e[i] and latin.endswith("ia") and len(word) > 3:
            latin = latin[:-2] + "é"  # French -é/-et written يه: جوبيه → Joubé, ليجيه → Lidjé
        out.append(latin)
    return " ".join(out)


def _english_word(word: str) -> str:
    if word in GIVEN_NAMES:
        return GIVEN_NAMES[word]
    if word in NAME_PARTICLES:
        return NAME_PARTICLES[word]
    if word in NAME_SPELLINGS:
        return NAME_SPELLINGS[word]
    core = word[2:] if word.startswith("ال") and len(word) > 4 else word
    prefix = "Al-" if core is not word else ""
    return prefix + _letters(core).capitalize()


def _letters(word: str) -> str:
    out = [_TRANSLIT.get(ch, ch) for ch in word]
    for i in range(1, len(word) - 1):
        if word[i] == "غ" and word[i + 1] in "اوي":
            out[i] = "g"
    if word.endswith("ه"):
        out[-1] = "a"  # ta marbuta (folded to ه): قابلية → Kablia
    text = re.sub(r"(.)\1+", r"\1", "".join(out))
    return re.sub(r"ii|iou", "i", text).replace("aa", "a")


def looks_like_name_word(word: str, first: bool) -> bool:
    """Could this folded word be part of a person's name?"""
    if not word or word in NAME_STOP or word.isdigit() or len(word) < 2 or word in RANKS:
        return False
    if word[0].isascii() or _present_verb(word):
        return False
    if word.startswith("و") and (word[1:] in NAME_STOP or word[1:] in TITLE_HEADS):
        return False  # ولا، ومصدر: a conjunction + a common word
    if _cue_word(word) or word.startswith(("بال", "لل", "وال", "فال", "كال")):
        return False  # بعثة، لجنة; a preposition + article (بالتوجه)
    if word.startswith("ال"):
        return word in NAME_AL_OK and not first or word in GIVEN_NAMES
    return not (word.endswith(("ها", "هم", "هما", "كم", "ته")) and len(word) > 4 or _verb_form(word))


def _cue_word(word: str) -> bool:
    """An organisation cue or body head, a clitic allowed (لحركة، بجمعية)."""
    return any(stem in ORG_CUES or stem in BODY_HEADS or stem in COMPANY_CUES for stem, _ in strip_clitic(word))


def _present_verb(word: str) -> bool:
    """يزور، يقول، يعتبر: a present-tense verb, not a name (ياو، يوسف are names)."""
    if word.startswith(("سي", "ست")) and len(word) >= 5 and word[2] not in "اويد" and word[-1] not in "واه":
        return word not in GIVEN_NAMES  # سيستقبل، ستواصل: the future prefix on a verb
    return word.startswith("ي") and len(word) >= 4 and word[1] not in "اوي" and word not in GIVEN_NAMES


def _closes_name(res, j: int) -> bool:
    """Nothing name-like follows token j-1 (punctuation, a stop word or the end)."""
    return j >= len(res.doc.tokens) or res.punct_between(j - 1, j) or res.tok(j) in NAME_STOP


def _family_name(res, word: str, j: int) -> bool:
    """A definite family name after a title (محمد صالح النضيف، محمد المولود رمضان): closing
    the name or followed by its last word; not a state's nisba (الجزائري) nor a common word."""
    if not word.startswith("ال") or len(word) <= 4 or word in NAME_STOP or res._nisba_state(word):
        return False
    nxt = res.tok(j + 1) if j + 1 < len(res.doc.tokens) else ""
    return _closes_name(res, j + 1) or looks_like_name_word(nxt, first=False) and _closes_name(res, j + 2)


def _ali_name(res, k: int) -> bool:
    """علي is also على (on) once folded: a name only before a given name or a particle."""
    nxt = res.tok(k + 1) if k + 1 < len(res.doc.tokens) else ""
    return res.tok(k) == _ALI and (nxt in GIVEN_NAMES or nxt in NAME_PARTICLES)


def comma_then_name(res, k: int) -> bool:
    """الناطق باسم الخارجية، عبد العزيز بن علي الشريف، قد أكد: only a comma between a title
    and a name set off by commas."""
    if k < 1 or k >= len(res.doc.tokens):
        return False
    t = res.doc.tokens
    return res.doc.folded[t[k - 1].end:t[k].start].strip() == ","


def name_before_title(res, i: int) -> tuple[int, int] | None:
    """"وقال إبراهيم سيديبي، الناطق باسم الحكومة": 2–4 name-like words set off by a comma
    right before a title (token i) are a person's name. Returns (start, end) tokens or None."""
    if not comma_then_name(res, i):
        return None
    k = i - 1
    while k > 0 and i - k < 4 and not res.punct_between(k - 1, k) and looks_like_name_word(res.tok(k - 1), first=False):
        k -= 1
    while k < i - 1 and not looks_like_name_word(res.tok(k), first=True):
        k += 1
    if i - k < 2 or res.actors_overlap(k, i) or name_end(res, k) != i:
        return None
    return k, i


def name_end(res, k: int, strong: bool = False, single: bool = False) -> int | None:
    """One past the last token of the person's name starting at token k, or None.

    A name is two name-like words, longer only through particles and given names (أمادو
    توماني توري، إبراهيم آغ باهانغا); one word only after a strong title (`strong`)."""
    n = len(res.doc.tokens)
    if k >= n or not (looks_like_name_word(res.tok(k), first=True) or _ali_name(res, k)
                      or _hamza_al(res, k) and res.tok(k + 1) in NAME_PARTICLES):
        return None
    j = k + 1
    while j < n and j - k < 5 and not res.punct_between(j - 1, j):
        word, prev = res.tok(j), res.tok(j - 1)
        if not (looks_like_name_word(word, first=False) or word in NAME_AL_OK
                or word == _ALI and prev in NAME_PARTICLES or strong and _family_name(res, word, j)):
            break
        if j - k >= 2 and word.startswith("و") and word not in GIVEN_NAMES:
            break  # بوعلام سايس وستة من معاونيه: a conjunction ends the name
        if word.endswith("ا") and place_rules.ordinary_word_shape(word) and word not in GIVEN_NAMES:
            break  # كمال بوزيد احتجاجا: an accusative masdar ends the name
        if j - k >= 2 and not (prev in NAME_PARTICLES or word in NAME_PARTICLES
                               or word in GIVEN_NAMES or word in NAME_AL_OK
                               or strong and j - k == 2 and _closes_name(res, j + 1)
                               and (looks_like_name_word(word, first=False) or _family_name(res, word, j))):
            break
        j += 1
    while j - 1 > k and res.tok(j - 1) in CONNECTORS:
        j -= 1  # a name does not end on آغ / ولد / بن (it may on سيدي)
    if j - k >= 2 or single and j - k == 1 and res.tok(k) not in GIVEN_NAMES and _closes_name(res, j):
        return j
    return None


def name_pattern_at(res, i: int) -> tuple[int, int] | None:
    """(start, end) of a name around particle token i, or None: given name + آغ/ولد + name
    (بلال آغ الشريف، دحو ولد قابلية), or آغ + name alone (آغ بهانغا)."""
    if res.tok(i) not in PATTERN_PARTICLES:
        return None
    tuareg = res.tok(i) in TUAREG_PARTICLES
    start = i
    before = res.tok(i - 1) if i >= 1 and not res.punct_between(i - 1, i) else ""
    if before in GIVEN_NAMES or before and tuareg and (before[0] not in "وفبل" \
            and looks_like_name_word(before, first=True) or _hamza_al(res, i - 1)):
        start = i - 1
    elif not tuareg:
        return None  # ولد / بنت are ordinary words unless a given name comes before
    if start > 0 and res.tok(start - 1) in GIVEN_NAMES and not res.punct_between(start - 1, start):
        start -= 1
    end = name_end(res, start)
    return (start, end) if end and end > i + 1 else None


def _hamza_al(res, k: int) -> bool:
    """ألمو آغ محمد: a word written with أل is a name, never the article ال (folded alike)."""
    tok = res.doc.tokens[k]
    return res.doc.text[tok.start:tok.end].startswith("أل") and res.tok(k) not in NAME_STOP


def is_given_name(word: str) -> bool:
    return word in GIVEN_NAMES


PERSON_NOUNS = frozenset(fold(w) for w in WORDS["person_nouns"])
FOREIGN_GIVEN = frozenset(fold(w) for w in WORDS["foreign_given_names"])  # كارل، ستيفن…
NISBA_PERSON_BEFORE = frozenset(fold(w) for w in WORDS["nisba_person_before"]) | PERSON_NOUNS


def nisba_person(res, m, state: str, by_start: dict) -> int | None:
    """البريطاني ستيفن مالكولم، والسويدي جاك ريكجي: a definite nisba used as a noun (after
    a conjunction, a preposition, a comma, a person noun or at a sentence start) right before
    an unknown name is a person of that state. Returns the end of the name, or None."""
    last = res.tok(m.j - 1)
    if not res.tok(m.i)[m.plen:].startswith("ال") or not last.endswith(("ي", "يه")):
        return None
    before = m.i == 0 or m.plen or res.punct_between(m.i - 1, m.i) or not res.same_sentence(m.i - 1, m.i)
    if not before and not any(s in NISBA_PERSON_BEFORE for s, _ in strip_clitic(res.tok(m.i - 1))):
        return None
    return names_after(res, m.j, 0, state, by_start)


def person_noun_names(res, i: int, by_start: dict) -> int | None:
    """السائحين فولفغانغ إبنر وأندريا كلويبر: the names right after a person noun (and the
    ones joined to them by و) are persons."""
    if not any(s in PERSON_NOUNS for s, _ in strip_clitic(res.tok(i))):
        return None
    end = names_after(res, i + 1, 0, None, by_start)
    while end and end < len(res.doc.tokens) and res.tok(end).startswith("و") \
            and not res.punct_between(end - 1, end) and end not in by_start:
        end = names_after(res, end, 1, None, by_start) or None
    return end


def names_after(res, k: int, plen: int, state: str | None, by_start: dict) -> int | None:
    """A known or new person whose unknown name (two words at least) starts at token k after
    a clitic of `plen` letters; None when there is none or the lexicon knows a word of it."""
    if k >= len(res.doc.tokens) or res.punct_between(k - 1, k) or k in by_start:
        return None
    end = name_end(res, k)
    if plen and end is None:
        end = _name_after_clitic(res, k)
    if not end or any(x in by_start for x in range(k, end)):
        return None
    known = known_person(res, k, end) if not plen else None
    if known:
        res.add_actor(k, end, 0, known)
        return end
    s, e = res.span_of(k, end, plen)
    name_en = english_name(res.doc.text[s:e])
    aid = re.sub(r"[^a-z0-9]+", "-", name_en.lower()).strip("-") or "person"
    res.add_actor(k, end, plen, aid, name=name_en, kind="person")
    res.__dict__.setdefault("_listed_persons", set()).add(aid)
    if state:
        res._affil[aid] = state
    return end


def _name_after_clitic(res, k: int) -> int | None:
    """واندريا كلويبر: a name opened by the conjunction و (two name-like words)."""
    first = res.tok(k)[1:]
    if k + 1 < len(res.doc.tokens) and looks_like_name_word(first, first=True) \
            and looks_like_name_word(res.tok(k + 1), first=False) and not res.punct_between(k, k + 1):
        return k + 2
    return None


def known_person(res, i: int, j: int) -> str | None:
    """The person a name refers to: one named before in the document with that surname
    (الجنرال كوني after كافوقونا كوني), else the dictionary's person whose surname is spelt
    alike up to the long vowels (سنغاري ~ سانغاري): one named before first, else the only one."""
    surname = res.tok(j - 1)
    earlier = res.last_actor(lambda a: res.lex.actor_kind(a) == "person" and surname in res.lex.name_tokens.get(a, ()))
    if earlier and surname not in GIVEN_NAMES:
        return earlier
    by_word = _distinctive_word_person(res, i, j)
    if by_word:
        fits = same_given_name(res, i, j, by_word) and _surname_fits(res, j, by_word)
        return by_word if fits else None
    sk = skeleton(surname)
    if len(sk) < 3 or surname in GIVEN_NAMES or surname in NAME_AL_OK:
        return None
    candidates = {p for p in _skeleton_index(res.lex).get(sk, ()) if same_given_name(res, i, j, p)}
    earlier = res.last_actor(lambda a: a in candidates)
    if earlier:
        return earlier
    return next(iter(candidates)) if len(candidates) == 1 else None


def same_given_name(res, i: int, j: int, person: str) -> bool:
    """A name that opens with a given name (عبد العزيز …، كارل …: a European one of
    `name_spellings` too) is not a person whose names lack it."""
    first = res.tok(i + 1) if res.tok(i) == "عبد" and i + 1 < j else res.tok(i)
    if j - i < 2 or first not in GIVEN_NAMES and first not in NAME_AL_OK and first not in FOREIGN_GIVEN:
        return True
    return first in res.lex.name_tokens.get(person, ()) or len(first) < 4


def _surname_fits(res, j: int, person: str) -> bool:
    """The name's last word is spelt like one of the person's words up to the long vowels
    (أماني توماني توريه ~ Touré): a different surname (كريستيان لوبيرغ) is another person."""
    return skeleton(res.tok(j - 1)) in {skeleton(t) for t in res.lex.name_tokens.get(person, ())}


def _distinctive_word_person(res, i: int, j: int) -> str | None:
    """A name with a distinctive word (not a given name, 5+ letters) of exactly one
    dictionary person (أماني توماني توريه → Amadou Toumani Touré). Remembered per document
    (on the resolver, so nothing outlives the document)."""
    memo = res.__dict__.setdefault("_distinctive_memo", {})
    if (i, j) not in memo:
        memo[(i, j)] = _distinctive_word_person_uncached(res, i, j)
    return memo[(i, j)]


def _distinctive_word_person_uncached(res, i: int, j: int) -> str | None:
    index = _skeleton_index(res.lex)
    found = set()
    for x in range(i, j - 1):
        word = res.tok(x)
        if len(word) >= 5 and word not in GIVEN_NAMES and word not in NAME_PARTICLES and word not in NAME_AL_OK:
            found |= index.get("=" + word, set())
    return next(iter(found)) if len(found) == 1 else None


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A word without its long vowels and final ه (transliterations vary in them), its g
    written one way (غويتا ~ جويتا ~ قويتا: Maghrebi, Egyptian and Gulf spellings of "g")."""
    return _VOWELS.sub("", word[2:] if word.startswith("ال") else word).translate(_G_LETTERS)


_VOWELS = re.compile("[اويه]")
_G_LETTERS = str.maketrans("جق", "غغ")


_SKELETONS: dict[int, dict[str, set]] = {}


def _skeleton_index(lex) -> dict[str, set]:
    """surname skeleton → person ids (built once per lexicon)."""
    index = _SKELETONS.get(id(lex))
    if index is not None:
        return index
    index = {}
    persons = [(aid, toks) for aid, toks in lex.name_tokens.items() if lex.actor_kind(aid) == "person"]
    for aid, tokens in persons:  # skeletons, and "=word" for the exact words
        for tok in tokens:
            if tok not in GIVEN_NAMES and len(skeleton(tok)) >= 3:
                index.setdefault(skeleton(tok), set()).add(aid)
                index.setdefault("=" + tok, set()).add(aid)
    _SKELETONS.clear()
    _SKELETONS[id(lex)] = index
    return index


def unsupported_surname(res, m, actor_id: str) -> bool:
    """A common surname alone (توري، كيتا، مايغا) not preceded by its person's full name in the
    document: too ambiguous to name him."""
    if m.j - m.i != 1 or res.tok(m.i)[m.plen:] not in COMMON_SURNAMES:
        return False
    return actor_id not in res.history


def namesake_start(res, m, actor_id: str) -> int | None:
    """A known surname after given names that are not the known person's (ماهامان أمادو
    مايغا vs عبد الله مايغا): the first token of another person's name, else None."""
    if m.plen or m.j - m.i != 1 or res.lex.actor_kind(actor_id) != "person":
        return None
    own = res.lex.name_tokens.get(actor_id, set())
    start = m.i
    while start > 0 and m.i - start < 3 and res.tok(start - 1) in GIVEN_NAMES \
            and not res.punct_between(start - 1, start):
        start -= 1
    if start == m.i or any(res.tok(x) in own for x in range(start, m.i)):
        return None
    return start


def holder_by_name(res, office: str | None, tokens: set[str]) -> str | None:
    """The holder of `office` at the article's date, in any state, whose name shares a word
    with tokens (رئيس الوزراء علي محمد الأمين زين → Niger's prime minister then)."""
    if not office or not tokens:
        return None
    tokens = tokens - COMMON_GIVEN_NAMES
    found = {res.lex.incumbent(office, owner, res.when()) for owner, code in res.lex.offices if code == office}
    found = [p for p in found if p and tokens & res.lex.name_tokens.get(p, set())]
    return found[0] if len(found) == 1 else None


def late_surnames(res) -> None:
    """A surname of a person named in the document, spelt otherwise later (بوقدوم … بوقادوم):
    words no mention covers whose skeleton is that surname's."""
    persons = {a["actor_id"] for a in res.actors if a["kind"] == "person"} - {None}
    wanted = {skeleton(t): p for p in persons for t in res.lex.name_tokens.get(p, ())
              if t not in GIVEN_NAMES and len(skeleton(t)) >= 4}
    exact = _new_person_surnames(res)
    names = {a["actor_id"]: a["name_en"] for a in res.actors if a.get("actor_id") in exact.values()}
    if not wanted and not exact:
        return
    firsts = {sk[0] for sk in wanted}
    covered = [(a["start"], a["end"]) for a in res.actors] + [(p["start"], p["end"]) for p in res.places]
    words = res.doc.words
    for idx, word in enumerate(words):
        person, plen = _late_person(word, exact, wanted, firsts)
        if person and not _covered(res, idx, covered):
            res.add_actor(idx, idx + 1, plen, person, name=names.get(person))


def _late_person(word: str, exact: dict, wanted: dict, firsts: set) -> tuple[str | None, int]:
    """(person, clitic length) a later word names: a new person's surname as written (وإبنر),
    or a dictionary surname up to its long vowels (بوقادوم ~ بوقدوم)."""
    if word in exact:
        return exact[word], 0
    if word[:1] in CLITIC_LETTERS and word[1:] in exact:
        return exact[word[1:]], 1
    sk = skeleton(word)
    if sk in wanted and len(word) >= 5 and (word[0] in firsts or word[2:3] in firsts):
        return wanted[sk], 0  # a skeleton starts with the word's first letter (or after ال)
    return None, 0


def _new_person_surnames(res) -> dict[str, str]:
    """The last word of each person the dictionary does not know introduced by a person noun
    or a nationality (السائح فولفغانغ إبنر، البريطاني ستيفن مالكولم … وقال إبنر): the same
    person later in the article. (Persons after a title are left out: their surnames,
    transliterated letter by letter, too often name nobody the reader would recognise.)"""
    out = {}
    listed = res.__dict__.get("_listed_persons", ())
    for a in res.actors:
        aid = a.get("actor_id")
        words = fold(a["text"]).split()
        if a["kind"] != "person" or aid not in listed or len(words) < 2:
            continue
        last = words[-1]
        if len(last) >= 4 and last not in GIVEN_NAMES and last not in NAME_STOP and not last.startswith("ال"):
            out.setdefault(last, aid)
    return out


def _covered(res, idx: int, spans) -> bool:
    s, e = res.span_of(idx, idx + 1)
    return any(a < e and s < b for a, b in spans)


ARMED_CUES = frozenset(fold(w) for w in ("حركة", "جبهة", "تنسيقية", "منسقية", "تنظيم", "جماعة", "كتيبة",
                                         "تحالف", "ائتلاف", "الحركة", "الجبهة", "التنسيقية", "التحالف"))


def unknown_organisation(res, i: int) -> int | None:
    """An organisation the dictionary does not know, after a cue word (حركة إنقاذ الطوارق
    الموحدة): the cue + 2–6 words of the organisation glossary, one of them a place or a
    people; a new actor named by the glossary. Returns the end token, else None."""
    cue = res.tok(i)
    if cue not in ORG_CUES:
        return None
    j = i + 1
    while j < len(res.doc.tokens) and j - i <= 6 and res.tok(j) in ORG_GLOSSARY and not res.punct_between(j - 1, j):
        j += 1
    words = [res.tok(x) for x in range(i, j)]
    if len(words) < 3 or not ORG_ANCHORS & set(words[1:]) or words[-1] in ("من", "اجل"):
        return None
    name_en = " ".join(w for w in map(_gloss, words) if w)
    aid = re.sub(r"[^A-Z0-9]+", "-", name_en.upper()).strip("-")
    res.add_actor(i, j, 0, aid, name=name_en, kind="armed_group" if cue in ARMED_CUES else "organisation")
    return j


def _gloss(word: str) -> str:
    """A glossary word's English (a cue with the article: الجبهة → that of جبهة)."""
    if word in ORG_GLOSSARY:
        return ORG_GLOSSARY[word]
    return ORG_GLOSSARY.get(word[2:], "") if word.startswith("ال") else ""


def skip_company_cue(res, j: int, by_start: dict) -> int:
    """المدير العام لشركة سوناطراك، القيادي في الحركة الوطنية…: a company cue or في before a
    known organisation is stepped over."""
    if j + 1 not in by_start or res.punct_between(j, j + 1):
        return j
    if is_company_cue(res.tok(j)) or res.tok(j) == _FI and _names_organisation(res, by_start[j + 1]):
        return j + 1
    return j


def _names_organisation(res, m) -> bool:
    return any(e.kind == "actor" and res.lex.actor_kind(e.ref) in ("armed_group", "igo", "organisation")
               for e in m.entries)


def is_company_cue(word: str) -> bool:
    return any(stem in COMPANY_CUES for stem, _plen in strip_clitic(word))


def unknown_company(res, i: int, by_start: dict) -> int | None:
    """A cue (شركة، مجموعة، مؤسسة، منظمة، وكالة…) + 1–3 name-like words no phrase covers
    (شركة غلينكور، لمجموعة هايدلبرغ): a new organisation named by transliteration, the
    span the name. Returns the end token, else None."""
    if not is_company_cue(res.tok(i)):
        return None
    j = i + 1
    while j < len(res.doc.tokens) and j - i <= 3 and _company_word(res, j, by_start):
        j += 1
    if j == i + 1:
        return None
    s, e = res.span_of(i + 1, j)
    name_en = english_name(res.doc.text[s:e])
    aid = re.sub(r"[^A-Z0-9]+", "-", name_en.upper()).strip("-")
    res.add_actor(i + 1, j, 0, aid, name=name_en, kind="organisation")
    return j


def _company_word(res, j: int, by_start: dict) -> bool:
    word = res.tok(j)
    if j in by_start or res.punct_between(j - 1, j) or word in COMPANY_CUE_STOP or word in ORG_GLOSSARY:
        return False
    if word.endswith(("ه", "ات")) or res._nisba_state(word) is not None or _verb_form(word):
        return False
    if not is_company_cue(res.tok(j - 1)) and word[0] in CLITIC_LETTERS:
        return False  # مجموعة هايدلبرغ لبناء مصنع: a clitic preposition ends the name
    return res._looks_like_name(word, allow_al=False)


def person_slug(name_en: str) -> str:
    """A new person's id: the Latin name in lower-case ASCII words (Ibrahim Cissé → ibrahim-cisse)."""
    ascii_name = unicodedata.normalize("NFKD", name_en).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "person"


def add_new_person(res, i: int, j: int, state: str | None, office: str | None) -> str:
    """A person the dictionary does not know: id = slug of the Latin name."""
    s, e = res.span_of(i, j)
    name_en = english_name(res.doc.text[s:e])
    aid = person_slug(name_en)
    res.add_actor(i, j, 0, aid, name=name_en, kind="person")
    if office:
        res.person_titles.setdefault(aid, set()).add(office)
    if state:
        res._affil[aid] = state
    return aid


# -- bare state bodies ---------------------------------------------------------------------------
def doc_state_counts(res, matches) -> Counter:
    """How often each state is named in the document (names, nisbas, bodies, places)."""
    counts: Counter = Counter()
    for m in matches:
        e = m.entries[0]
        state = _entry_state(res.lex, e)
        if state:
            opening = m.i < 4 and e.kind in ("place", "actor") and res._dateline(m)  # the article's dateline
            counts[state] += DATELINE_WEIGHT if opening else 1
    return counts


def dateline_state(res, matches) -> str | None:
    """The state of the city the article is filed from (نواكشوط – …: MRT), or None."""
    for m in matches:
        if m.i >= 4:
            break
        e = m.entries[0]
        if e.kind in ("place", "actor") and res._dateline(m):
            return _entry_state(res.lex, e)
    return None


def _entry_state(lex, e) -> str | None:
    if e.kind == "actor":
        return lex.root_state(e.ref)
    if e.kind == "nisba":
        return e.ref
    if e.kind in ("body", "title"):
        return e.state
    return lex.places[e.ref].country if e.kind == "place" and e.ref in lex.places else None


def bare_body_state(res, m, code: str, counts: Counter) -> str | None:
    """The state a body named without its state belongs to (see the module notes)."""
    after = _state_after(res, m.j)
    if after:
        return after
    same = res.last_actor(lambda a: a.endswith("-" + code) and "-" in a)
    if code == "PRES" and res.dateline_state and res.lex.actor_kind(f"{res.dateline_state}-PRES"):
        return res.dateline_state  # الرئاسة in copy filed from Niamey: Niger's, not one named before
    if same:
        return same.split("-")[0]
    candidates = counts
    if code == "JUNTA":
        ruled = Counter({s: c for s, c in counts.items() if _junta_at(s, res.when())})
        candidates = ruled or counts
    return focus_state(res, candidates)


def focus_state(res, counts: Counter | None = None) -> str | None:
    """The article's main state: the one it names most (a dateline counts triple), ties to the
    one named last before this point; None when it names none."""
    counts = res.state_counts if counts is None else counts
    if not counts:
        return None
    top = max(counts.values())
    tied = [s for s, c in counts.items() if c == top]
    recent = [s for s in reversed(res.states_seen) if s in tied]
    return recent[0] if recent else tied[0]


def _state_after(res, j: int) -> str | None:
    """في مالي / بمالي / لدى النيجر right after a body noun: that state."""
    if j >= len(res.doc.tokens) or res.punct_between(j - 1, j):
        return None
    word = res.tok(j)
    if word in _BY and j + 1 < len(res.doc.tokens):
        return _state_named(res, res.tok(j + 1))
    if word.startswith("ب") and len(word) > 3:
        return _state_named(res, word[1:])
    return None


def _state_named(res, word: str) -> str | None:
    return _state_of_name(res, (word,))


def _junta_at(state: str, when: str | None) -> bool:
    if not when:
        return False
    w = when[:7]
    return any(start <= w and (end is None or w <= end) for start, end in JUNTA_PERIODS.get(state, ()))


def resolve_bare_body(res, m, code: str, counts: Counter) -> int:
    """A body named without its state: with the state right after (وزارة الدفاع في مالي، القوات
    المسلحة لجمهورية مالي) it names a body; inferred from context, a specific body
    (وزارة الدفاع، المجلس العسكري، السلطات الانتقالية) names one too, but a generic one (الحكومة،
    الجيش) and any single word (الخارجية is also "foreign") is a nominal mention."""
    state, end = _construct_state(res, m.j)
    explicit = state is not None
    state = state or bare_body_state(res, m, code, counts)
    if not state:
        return m.j
    generic = code in NOMINAL_BODY_CODES and not any(res.tok(k) in SPECIFIC_BODY_WORDS for k in range(m.i, m.j))
    nominal = not explicit and (m.j - m.i == 1 or generic)
    res.add_actor(m.i, end or m.j, m.plen, f"{state}-{code}", mention="nominal" if nominal else None)
    return end or m.j


def _construct_state(res, j: int) -> tuple[str | None, int | None]:
    """(state, end token) for "لجمهورية مالي" / "لمالي" right after a body noun (part of the
    body's name); (state, None) for في/ب/لدى + state (a place follows); else (None, None)."""
    if j >= len(res.doc.tokens) or res.punct_between(j - 1, j):
        return None, None
    word = res.tok(j)
    if word.startswith("ل") and not word.startswith("لدي") and len(word) > 3:
        for n in (2, 1):
            name = (word[1:],) + tuple(res.tok(x) for x in range(j + 1, j + n))
            state = _state_of_name(res, name)
            if state and not any(res.punct_between(x - 1, x) for x in range(j + 1, j + n)):
                return state, j + n
    return _state_after(res, j), None


def _state_of_name(res, name: tuple[str, ...]) -> str | None:
    for e in res.lex.phrases.get(name, ()):
        if e.kind == "actor" and res.lex.actor_kind(e.ref) == "state":
            return e.ref
    return None


def skip_portfolio(res, j: int, office: str | None) -> int:
    """وزير الاتصال محمد السعيد، وزيرة الطاقة والمناجم …: a minister's portfolio (definite
    words) lies between the title and the name."""
    if office != "MIN":
        return j
    k = j
    while k < len(res.doc.tokens) and k - j < 4 and not res.punct_between(k - 1, k):
        word = res.tok(k)
        if not (word.startswith(("ال", "وال")) and word not in NAME_AL_OK) or res._nisba_state(word):
            break
        k += 1
    return k


def skip_location(res, k: int, by_start: dict) -> int:
    """القنصل العام للجزائر في غاو بوعلام سايس: a place between the title and the name."""
    if k < len(res.doc.tokens) and res.tok(k) == _FI and not res.punct_between(k - 1, k):
        nxt = by_start.get(k + 1)
        if nxt is not None and any(e.kind == "place" for e in nxt.entries):
            places = [e for e in nxt.entries if e.kind == "place"]
            res.add_place(nxt.i, nxt.j, nxt.plen, place_rules.place_choice(res, nxt, places))
            return nxt.j
    return k


def skip_local_place(res, k: int, by_start: dict, office: str | None) -> int:
    """عمدة بلدية غوندام حمادو سيسي، حاكم كيدال …: a local office's place (a cue + a name, or a
    gazetteer place that is not a state) between the title and the name."""
    if office != "LOCAL" or k >= len(res.doc.tokens) or res.punct_between(k - 1, k):
        return k
    nxt = by_start.get(k)
    if nxt is not None and nxt.groups is not None and nxt.groups.places and not nxt.groups.actors:
        res.add_place(nxt.i, nxt.j, nxt.plen, place_rules.place_choice(res, nxt, nxt.groups.places))
        return nxt.j
    if nxt is None:
        for stem, plen in strip_clitic(res.tok(k)):
            if stem in place_rules.CUE_WORDS:
                return place_rules.free_token_place(res, k, stem, plen, by_start) or k
    return k


def office_of_body(lex, office: str | None, org: str | None, state: str | None):
    """رئيس المجلس العسكري: a LEADER of a state's governing body is its head of state."""
    if office == "LEADER" and org and org.split("-")[-1] in LEADER_OF_BODY:
        return LEADER_OF_BODY[org.split("-")[-1]], state or lex.root_state(org)
    return office, state




def _verb_form(word: str) -> bool:
    """أعلنت، قرروا، تتعرض، يعيش: a past feminine or plural verb, or a present-tense verb."""
    if word.endswith(("ت", "وا")) and len(word) >= 4:
        return True
    if word in GIVEN_NAMES or len(word) < 4:
        return False
    if word[0] == "ي":
        return word[1] not in "اوي"
    return word[0] == "ت" and word[1] not in "اوي" and word[2] not in "اوي"  # تتعرض، not تراوري
