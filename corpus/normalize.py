"""Arabic-insensitive normalisation for matching, with a map back to original offsets.

The stored text is never changed. `normalize(text)` returns the folded string and, for each
folded character, the index of the original character it came from, so a match found in the
folded text maps back to an exact span of the original (`Normalized.to_original`).

Folding: diacritics (harakat, shadda, sukun, superscript alef) and tatweel are dropped;
alef/hamza forms → ا, alef maqsura → ي, ta marbuta → ه, hamza on waw/ya → و/ي; Arabic-Indic and
Persian digits → ASCII digits; the many quote characters → one of two ASCII marks; Latin letters
are lower-cased and stripped of accents (é → e) so French matches too.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

_DROPPED = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, shadda, sukun, maddah/hamza marks
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u00ad"]
)

_SUBSTITUTIONS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ک": "ك",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"', "‟": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'",
    "،": ",", "؛": ";", "؟": "?",
}
_SUBSTITUTIONS.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_SUBSTITUTIONS.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits


def _fold_rule(ch: str) -> str:
    """The folding rule for one character: '' when dropped, else exactly one character."""
    if ch in _DROPPED:
        return ""
    if ch in _SUBSTITUTIONS:
        return _SUBSTITUTIONS[ch]
    if ch.isascii():
        return ch.lower()
    if "LATIN" in unicodedata.name(ch, ""):
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        return base if len(base) == 1 else ch
    return ch


def _changed_characters() -> dict[str, str]:
    """Every character the rule changes, in the blocks this corpus uses (Latin, Arabic, punctuation)."""
    blocks = [range(0x00, 0x250), range(0x600, 0x700), range(0x1E00, 0x1F00), range(0x2000, 0x2070)]
    candidates = {chr(c) for block in blocks for c in block} | _DROPPED | set(_SUBSTITUTIONS)
    return {ch: _fold_rule(ch) for ch in sorted(candidates) if _fold_rule(ch) != ch}


_CHANGES = _changed_characters()
_CHANGED = re.compile("[" + "".join(re.escape(ch) for ch in _CHANGES) + "]")


def fold_char(ch: str) -> str:
    """The folded form of one character: '' when dropped, else exactly one character."""
    return _CHANGES.get(ch, ch)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A folded string and, per folded character, its index in the original string."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) back to the original span that produced it."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}-{end} outside 0-{len(self.text)}")
        if start == end:
            pos = self.offsets[start] if start < len(self.offsets) else self.original_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


class _FoldTable(dict):
    """`str.translate` table: code point → folded string ('' drops), filled on first use."""

    def __missing__(self, code: int) -> str:
        value = fold_char(chr(code))
        self[code] = value
        return value


_TABLE = _FoldTable()
_DROPPED_RE = re.compile("[" + "".join(sorted(_DROPPED)) + "]")
_DROPPED_CHARS = frozenset(_DROPPED)

# Identity offsets shared by every text (tuples are immutable, so slices of one cached tuple are
# safe to hand out): building 4,000 fresh ints per article costs more than the folding itself.
_IDENT: tuple[int, ...] = tuple(range(8192))
_IDENT_MAX = 1 << 21  # longer texts get a fresh tuple rather than a cache of that size


def _identity(n: int) -> tuple[int, ...]:
    global _IDENT
    if n > len(_IDENT):
        if n > _IDENT_MAX:
            return tuple(range(n))
        _IDENT = tuple(range(max(n, 2 * len(_IDENT))))
    return _IDENT[:n]


def _fold_changed(text: str) -> tuple[str, set[str]]:
    """(folded text, the set of characters the fold changed) for a non-ASCII text.

    One C-level scan finds the characters that change; each distinct one is then replaced in a
    single `str.replace` pass. No replacement is itself a changed character, so the order of
    the passes does not matter and the result equals `text.translate(_TABLE)`.
    """
    changed = set(_CHANGED.findall(text))
    for ch in changed:
        text = text.replace(ch, _CHANGES[ch])
    return text, changed


def normalize(text: str) -> Normalized:
    n = len(text)
    if text.isascii():
        return Normalized(text.lower().replace("`", "'"), _identity(n), n)
    folded, changed = _fold_changed(text)
    if changed.isdisjoint(_DROPPED_CHARS):
        return Normalized(folded, _identity(n), n)
    ident = _identity(n)
    parts = []
    pos = 0
    for m in _DROPPED_RE.finditer(text):
        start = m.start()
        if start > pos:
            parts.append(ident[pos:start])
        pos = m.end()
    if pos < n:
        parts.append(ident[pos:n])
    return Normalized(folded, tuple(itertools.chain.from_iterable(parts)), n)


def fold(text: str) -> str:
    """The folded string only (search keys); equals normalize(text).text.

    One regex scan for the characters that change, then one `str.replace` per distinct changed
    character: several times faster than str.translate on long Arabic text, which matters when
    a 100,000-event index is built at start-up.
    """
    if text.isascii():
        return text.lower().replace("`", "'")
    return _fold_changed(text)[0]


# `fold` of the short strings asked again and again (words, names): remembered, bounded.
fold_word = functools.lru_cache(maxsize=65536)(fold)
