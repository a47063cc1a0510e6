"""Event triggers: the dictionary in `corpus/lexicon/triggers.json`, its inflections made by rule,
and the lookup of trigger phrases over a document's tokens.

A trigger is a head word and optional following words ("then" slots), each slot a set of
alternatives, up to MAX_GAP other tokens between consecutive words. Only lemmas are written in
the data file; every inflected form is generated here:

- a verb is written "past/present" in the 3rd person masculine singular ("أدان/يدين"): the
  past takes ت وا ا تا نا تم (a final ى/ا of a defective verb is dropped: استدعت، دعوا), the
  present takes the person prefixes ي ت ن ا and the endings ون ان ين وا; both take the object
  pronouns ه ها هم هما;
- a noun (masdar or other) takes the possessives (its ة becoming ت: زيارته، إدانتها), the
  plural ات, the dual and sound plural endings, the accusative ا;
- a participle (pos "p") takes ا ة ين ون ان;
- at lookup a token's proclitics are removed (و ف, then ب ل ك or the future س, then ال; لل is
  ل + ال): "وأدانت", "فالزيارة", "للسفير", "وستؤسس" all reach their base.

Longest phrase at a token wins; ties go to the type earlier in PRIORITY. A phrase of type "-"
is a known non-event ("رفض ذكر اسمه": declined to be named) that blocks shorter triggers.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from corpus.extract.resources import load_json
from corpus.normalize import fold

TRIGGER_FILE = "triggers.json"
NOT_AN_EVENT = "-"
MAX_GAP = 3  # tokens allowed between the words of a trigger phrase
PARTS_OF_SPEECH = frozenset({"v", "n", "p", "r"})  # verb, verbal noun, participle, verb of receiving

_PAST_ENDINGS = ("", "ت", "وا", "ا", "تا", "نا", "تم", "ن")
_DEFECTIVE_PAST_ENDINGS = ("ت", "وا", "يا", "تا", "ينا", "يتم")
_PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
_PRESENT_ENDINGS = ("ون", "ان", "ين", "وا", "ن")
_OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")
_POSSESSIVES = ("ه", "ها", "هم", "هما", "هن", "نا", "ي", "ك", "كم")
_PARTICIPLE_ENDINGS = ("ا", "ه", "ين", "ون", "ان", "تين")


class TriggerEntry(NamedTuple):
    etype: str  # a PLOVER type, or NOT_AN_EVENT
    pos: str  # v / n / p / r
    slots: tuple[frozenset, ...]  # the forms allowed for each word after the head
    rank: int  # tie-break between phrases of equal length: lower wins
    gap: int  # tokens allowed between consecutive words
    needs_date: bool  # a reference ("الاتفاق الموقع") reports an act only with a date in its clause
    alone: bool  # an act complete without a target (فرض حظر التجول), whatever its type


class Trigger(NamedTuple):
    first: int  # token index of the head
    last: int  # token index of the last word of the phrase
    etype: str
    pos: str
    needs_date: bool = False
    alone: bool = False


# -- inflection rules ----------------------------------------------------------------------
def verb_forms(lemma: str) -> set[str]:
    """Every past/present form of a verb written "past/present" (folded)."""
    past, _, present = fold(lemma).partition("/")
    past_forms = _past_forms(past)
    present_forms = _present_forms(present) if present else set()
    # object pronouns; a past form + ه would read every noun in ة (سيطرة ≠ سيطر + ه), and a
    # وا form + pronoun every noun in وة (دعوة ≠ دعوا + ه): those are left out
    with_objects = {f + p for f in past_forms if not f.endswith("وا") for p in _OBJECT_PRONOUNS if p != "ه"}
    with_objects |= {f + p for f in present_forms if not f.endswith("وا") for p in _OBJECT_PRONOUNS}
    return past_forms | present_forms | with_objects


def _past_forms(past: str) -> set[str]:
    forms = {past + e for e in _PAST_ENDINGS}
    if past[-1:] in "يا":  # استدعى/دعا/ألقى: the final weak letter drops before the endings
        forms |= {past[:-1] + e for e in _DEFECTIVE_PAST_ENDINGS}
    return forms


def _present_forms(present: str) -> set[str]:
    stem = present[1:] if present[:1] in "يت" else present
    stems = {stem, stem[:-1]} if stem[-1:] in "يوا" and len(stem) > 2 else {stem}
    forms = {p + stem for p in _PRESENT_PREFIXES}
    forms |= {p + s + e for p in "يت" for s in stems for e in _PRESENT_ENDINGS}
    return forms


def noun_forms(lemma: str) -> set[str]:
    """A noun with its possessives, plural, dual and accusative endings (folded)."""
    word = fold(lemma)
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if word.endswith("ه"):  # ta marbuta: زياره → زيارته، زيارات، زيارتين
        stem = word[:-1]
        return {word, stem + "ات", stem + "تين", stem + "تان"} | {stem + "ت" + p for p in _POSSESSIVES}
    forms = {word, word + "ا", word + "ات", word + "ين", word + "ان", word + "ي"}
    forms |= {word + p for p in _POSSESSIVES} | {word + "ي" + p for p in _POSSESSIVES}
    return forms


def participle_forms(base: str) -> set[str]:
    word = fold(base)
    return {word + e for e in _PARTICIPLE_ENDINGS}


def word_forms(word: str, pos: str = "n") -> set[str]:
    """The forms of one written word: a verb when it has a "/", else by the part of speech."""
    if "/" in word:
        return verb_forms(word)
    if pos == "p":
        return participle_forms(word)
    if pos in ("v", "r"):
        return _past_forms(fold(word))
    return noun_forms(word)


# -- the index -----------------------------------------------------------------------------
class TriggerIndex(NamedTuple):
    by_head: dict[str, tuple[TriggerEntry, ...]]  # folded head form → the phrases it starts
    never_split: tuple[str, ...]  # folded words whose first letter is not a clitic (وزارة)
    count: int  # trigger phrases in the file


def _slot(alternatives: list[str]) -> frozenset:
    return frozenset(f for w in alternatives for f in word_forms(w))


def build_index(data: dict) -> TriggerIndex:
    priority = list(data["priority"])
    by_head: dict[str, list[TriggerEntry]] = {}
    count = 0
    for etype, rows in data["types"].items():
        rank = priority.index(etype) if etype in priority else len(priority)
        for row in rows:
            pos = row.get("pos", "n")
            if pos not in PARTS_OF_SPEECH:
                raise ValueError(f"{TRIGGER_FILE}: {etype}: unknown part of speech {pos!r}")
            slots = tuple(_slot(alts) for alts in row.get("then", ()))
            entry = TriggerEntry(etype, pos, slots, rank, row.get("gap", MAX_GAP), row.get("needs_date", False),
                                 row.get("alone", False))
            count += 1
            for form in _head_forms(row, pos):
                by_head.setdefault(form, []).append(entry)
    never = tuple(fold(w) for w in data.get("never_split", ()))
    return TriggerIndex({k: tuple(v) for k, v in by_head.items()}, never, count)


def _head_forms(row: dict, pos: str) -> set[str]:
    """The forms of a row's head words, less its `except` forms (طلب the noun, not the verb)."""
    forms = set()
    for head in row["head"]:
        forms |= {fold(head)} if row.get("literal") else word_forms(head, pos)
    return forms - {fold(w) for w in row.get("except", ())}


@lru_cache(maxsize=1)
def default_index() -> TriggerIndex:
    return build_index(load_json(TRIGGER_FILE))


@lru_cache(maxsize=1)
def _present_only() -> frozenset:
    """Every present-tense form of the dictionary's verbs that is not also a past form."""
    present, past = set(), set()
    for rows in load_json(TRIGGER_FILE)["types"].values():
        for row in rows:
            for head in row["head"] if row.get("pos") in ("v", "r") and not row.get("literal") else ():
                p, _, pr = fold(head).partition("/")
                past |= _past_forms(p)
                present |= _present_forms(pr) if pr else set()
    return frozenset(present - past)


def present_tense(word: str) -> bool:
    """Is the token a present-tense trigger verb (تهدد، يحاربون), the tense of a general statement?"""
    return not _present_only().isdisjoint(readings(word))


# -- lookup --------------------------------------------------------------------------------
_OUTER = ("", "و", "ف")
_INNER = ("", "ب", "ل", "ك", "س")


@lru_cache(maxsize=65536)
def readings(word: str) -> frozenset:
    """A folded token and its bases with proclitics removed (و ف; ب ل ك س; ال; لل)."""
    if word.startswith(default_index().never_split):
        return frozenset((word,))
    out = {word}
    for outer in _OUTER:
        if not word.startswith(outer):
            continue
        rest = word[len(outer):]
        for inner in _INNER:
            if rest.startswith(inner) and (inner != "س" or rest[1:2] in _PRESENT_PREFIXES):
                _add_base(out, rest[len(inner):], inner)
    return frozenset(w for w in out if len(w) >= 2)


def _add_base(out: set, base: str, inner: str) -> None:
    out.add(base)
    if base.startswith("ال"):
        out.add(base[2:])
    elif inner == "ل" and base.startswith("ل"):  # لل + noun: ل + ال with its alef dropped
        out.add(base[1:])


@lru_cache(maxsize=65536)
def heads(word: str) -> tuple[TriggerEntry, ...]:
    """The trigger phrases a token can start (through any of its readings), in a fixed order.
    A word read through the article ال is a noun: it starts no verb phrase (الدفع، الإطلاق)."""
    by_head = default_index().by_head
    nominal = _nominal_only(word)
    return tuple(e for r in sorted(readings(word)) for e in by_head.get(r, ())
                 if not (r in nominal and e.pos in ("v", "r")))


def _nominal_only(word: str) -> frozenset:
    """The readings of a word that can only be nouns: after the article (ال، لل), or after a
    preposition ب ل ك unless they read as a present verb (ليسحب is a verb, لسحب a noun)."""
    return frozenset(r for r in readings(word) if r != word and word.endswith(r) and _nominal_prefix(word[:-len(r)], r))


def _nominal_prefix(prefix: str, rest: str) -> bool:
    if prefix.endswith(("ال", "لل")):
        return True
    return prefix.lstrip("وف") in ("ب", "ل", "ك") and not rest.startswith(("ي", "ت", "ن", "ا"))


def find_triggers(words: list[str], word_readings: list[frozenset] | None = None) -> list[Trigger]:
    """Trigger phrases over the folded tokens, the longest at each head token (blocks included).
    `word_readings`: `readings` of every word, when the caller has them already."""
    if word_readings is None:
        word_readings = list(map(readings, words))
    found = []
    all_heads = list(map(heads, words))  # () for most words: only head tokens are visited
    for i in compress(range(len(words)), all_heads):
        entries = all_heads[i]
        if len(entries) == 1:  # most heads start one phrase: nothing to rank
            best = (_phrase_end(word_readings, i, entries[0]), entries[0])
        else:
            noun = i > 0 and words[i - 1] in _NOUN_GOVERNORS  # بسبب قصف: a masdar, not a verb
            best = max(((_phrase_end(word_readings, i, e), e) for e in entries),
                       key=lambda m: (m[0] is not None, len(m[1].slots), -m[1].rank, noun and m[1].pos == "n"))
        if best[0] is not None:
            found.append(Trigger(i, best[0], best[1].etype, best[1].pos, best[1].needs_date, best[1].alone))
    return found


# nouns and adverbs after which a word spelt like a past verb (قصف، خطف) is its verbal noun
_NOUN_GOVERNORS = frozenset(fold(w) for w in (
    "بسبب", "بشأن", "حول", "جراء", "إثر", "عقب", "خلال", "منذ", "بعد", "قبل", "ضد", "وبسبب", "وبعد"))


def _phrase_end(word_readings: list[frozenset], i: int, entry: TriggerEntry) -> int | None:
    """The token of the phrase's last word, or None when a word is missing."""
    j = i
    for forms in entry.slots:
        for k in range(j + 1, min(j + entry.gap + 2, len(word_readings))):
            if not forms.isdisjoint(word_readings[k]):
                j = k
                break
        else:
            return None
    return j
