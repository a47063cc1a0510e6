"""Spelling variants of known names: a word no lexicon phrase covers is read as a place or an
organisation of the lexicon when the two differ only by Arabic orthographic variation.

The press spells foreign names freely: a long vowel written or not (تنزاوتين / تينزاوتين،
منيسما / مينوسما), a final alef or ي added (باماكوا، كيدالي), a doubled letter. Hamza and alef
forms, ى/ي and ة/ه are already folded by `corpus.normalize.fold`. A word and a name are
variants when their *skeletons* agree: the first letter, then the consonants (ا و ي dropped),
doubled letters collapsed, the article ال kept apart, and one vowel added or dropped turns one
into the other (two in a long word; never a vowel for another: زيارة is not زوارة; never the
name cut before its last vowel: افريقي is a nisba). Guards: the word has at least
`MIN_LETTERS` letters besides the article (المدة is no المدية), its skeleton at least three
consonants; exactly one place or organisation has that skeleton, not a GeoNames bulk town; a
word و/ف/ب/ل + ال… is read that way (والامم); the word is not itself a
phrase of the lexicon, does not end in a pronoun (سفيرها), and is not an ordinary Arabic word
(`places.common_word`: listed words, masdar, plural and verb shapes — انتهاكا is no Intahaka).
"""

from __future__ import annotations

import re

from corpus.extract.doc import strip_clitic
from corpus.extract.places import common_word

MIN_LETTERS = 5
MAX_EDITS = 2  # vowels added or dropped (تنزاوتين → تينزاوتين: 1; الميونسما → المينوسما: 2)
LONG_WORD = 7  # letters (article aside) from which two edits are allowed: سفارة is no سيفاريه
BULK_PREFIX = "gn-"  # GeoNames bulk towns: too many, too far, too close to common words
PRONOUN_ENDINGS = ("ها", "هم", "هما", "كم", "نا")  # سفيرها is "her ambassador", not Sévaré
VOWELS = frozenset("اوي")
ORG_KINDS = frozenset({"igo", "armed_group", "organisation", "state_body"})
_DOUBLE = re.compile(r"(.)\1+")
_INDEXES: dict[int, tuple] = {}  # id(lexicon) → (lexicon, its size, index): one per lexicon


def skeleton(word: str) -> str:
    """The consonant skeleton of a folded word: ال + first letter + consonants, doubles collapsed."""
    article = ""
    if word.startswith("ال") and len(word) > 4:
        article, word = "ال", word[2:]
    if not word:
        return article
    core = word[0] + "".join(c for c in word[1:] if c not in VOWELS)
    return article + _DOUBLE.sub(r"\1", core)


def vowel_edits(a: str, b: str) -> int:
    """Letters to add or drop to turn a into b (doubles collapsed), or 99 when a consonant
    would have to change: the two spell one name when this is small."""
    a, b = _DOUBLE.sub(r"\1", a), _DOUBLE.sub(r"\1", b)
    prev = [0] * (len(b) + 1)
    for ca in a:
        row = [0]
        for jb, cb in enumerate(b):
            row.append(prev[jb] + 1 if ca == cb else max(prev[jb + 1], row[jb]))
        prev = row
    lcs = prev[-1]
    extra = [c for c in a if c not in VOWELS] != [c for c in b if c not in VOWELS]
    return 99 if extra else len(a) + len(b) - 2 * lcs


def _one_thing(keys: dict[frozenset, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The key whose readings cover the others' when all share a referent (تمبكتو: town and
    region, تمبوكتو: the town), else None (two different things)."""
    sets = list(keys)
    if frozenset.intersection(*sets):
        return keys[max(sets, key=len)]
    return None


def _close(word: str, name: str) -> bool:
    """One vowel added or dropped (two in a word of `LONG_WORD` letters besides the article,
    not ending in ة: الميونسما), never the name cut before its last vowel (ماركو is no
    ماركوي, افريقي no افريقيا: a nisba)."""
    if name.startswith(word):
        return False
    core = word.removeprefix("ال")
    allowed = MAX_EDITS if len(core) >= LONG_WORD and not core.endswith("ه") else 1
    return vowel_edits(word, name) <= allowed


def _consonants(sk: str) -> int:
    return len(sk[2:] if sk.startswith("ال") else sk)


def variant_index(lex) -> dict[str, tuple[str, ...]]:
    """Skeleton → a one-word phrase key of the one place or organisation it stands for
    (skeletons shared by names of different things are left out). Built once per lexicon and kept on it."""
    cached = _INDEXES.get(id(lex))
    if cached is not None and cached[0] is lex and cached[1] == len(lex.phrases):
        return cached[2]
    by_skeleton: dict[str, dict[frozenset, tuple[str, ...]]] = {}
    for k, entries in lex.phrases.items():
        if len(k) != 1 or len(k[0]) < 4:
            continue
        ref = _variant_target(lex, entries)
        sk = skeleton(k[0])
        if ref and not any(r.startswith(BULK_PREFIX) for r in ref) and _consonants(sk) >= 3:
            by_skeleton.setdefault(sk, {}).setdefault(ref, k)
    index = {sk: _one_thing(keys) for sk, keys in by_skeleton.items()}
    index = {sk: k for sk, k in index.items() if k}
    _INDEXES[id(lex)] = (lex, len(lex.phrases), index)
    return index


def _variant_target(lex, entries) -> frozenset | None:
    """The places and organisations a phrase names (a town and its region share a name); None
    when it also reads as anything else (a nisba, a title, a person…)."""
    refs = set()
    for e in entries:
        if e.kind == "place" or e.kind == "actor" and lex.actor_kind(e.ref) in ORG_KINDS:
            refs.add(e.ref)
        else:
            return None
    return frozenset(refs) or None


def variant_key(lex, word: str) -> tuple[tuple[str, ...], int] | None:
    """(phrase key, clitic length) of the known name a folded word spells differently."""
    index = variant_index(lex)
    readings = strip_clitic(word)
    if any(stem.startswith("ال") for stem, plen in readings if plen):
        readings = [r for r in readings if r[1]]  # والامم is و + الامم, not one word
    for stem, plen in readings:
        if len(stem.removeprefix("ال")) < MIN_LETTERS or (stem,) in lex.phrases or stem.endswith(PRONOUN_ENDINGS) \
                or common_word(stem):
            continue
        k = index.get(skeleton(stem))
        if k and k[0] != stem and _close(stem, k[0]):
            return k, plen
    return None
