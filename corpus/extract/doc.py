"""The document every extraction step reads: original text, folded text, tokens, sentences.

Matching runs on the folded text (`corpus.normalize`); every span handed back is mapped to the
original text, so `text[start:end]` is always the exact surface as stored.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, repeat
from typing import NamedTuple

from corpus.normalize import Normalized, normalize

# A token: a run of letters/digits, or a Twitter handle / hashtag.
TOKEN_RE = re.compile(r"[@#]?[^\W_]+")
_TOKEN_SPLIT = re.compile(r"([@#]?[^\W_]++)")  # the same, captured: split() alternates gap, token

# One-letter proclitics (and their combinations) that attach to a name: و ف ب ل ك.
CLITICS = ("وب", "ول", "فب", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك")
CLITIC_LETTERS = frozenset("".join(CLITICS))  # و ف ب ل ك: a one-letter proclitic


class Token(NamedTuple):
    start: int  # folded offsets
    end: int
    text: str  # folded


@dataclass(slots=True)
class Doc:
    text: str
    norm: Normalized
    tokens: list[Token]
    published: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)  # original offsets
    _token_sentences: dict = field(default_factory=dict)  # token_sentence by token index
    words: list[str] = field(default_factory=list)  # token texts (folded), parallel to tokens
    fstarts: list[int] = field(default_factory=list)  # token starts / ends (folded offsets)
    fends: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    _sent_starts_of: object = None  # the sentences list _sent_starts was built from
    _obounds: tuple | None = None  # (starts, ends) of every token in original offsets

    @property
    def folded(self) -> str:
        return self.norm.text

    def span(self, fstart: int, fend: int) -> tuple[int, int]:
        """Original [start, end) of the folded span [fstart, fend)."""
        return self.norm.to_original(fstart, fend)

    def tok_span(self, i: int, j: int) -> tuple[int, int]:
        """Original span of tokens i..j-1."""
        return self.span(self.tokens[i].start, self.tokens[j - 1].end)

    def orig_bounds(self) -> tuple[list[int], list[int]]:
        """Every token's original [start, end), as two lists parallel to `tokens` (built once;
        read-only: when nothing was dropped they are the folded offset lists themselves)."""
        if self._obounds is None:
            starts, ends = self.fstarts, self.fends
            if not len(starts) == len(ends) == len(self.tokens):
                starts, ends = [t.start for t in self.tokens], [t.end for t in self.tokens]
            if self.norm.original_length != len(self.norm.text):
                offs = self.norm.offsets
                starts, ends = list(map(offs.__getitem__, starts)), [offs[e - 1] + 1 for e in ends]
            self._obounds = (starts, ends)
        return self._obounds

    def token_starting_at(self, ostart: int) -> int | None:
        """The index of the token whose original start is `ostart`, else None."""
        starts = self.orig_bounds()[0]
        k = bisect.bisect_left(starts, ostart)
        return k if k < len(starts) and starts[k] == ostart else None

    def orig_offset(self, fpos: int) -> int:
        offs = self.norm.offsets
        return offs[fpos] if fpos < len(offs) else self.norm.original_length

    def sentence_index(self, ostart: int) -> int:
        """Index of the sentence holding original offset `ostart` (binary search)."""
        sents = self.sentences
        if self._sent_starts_of is not sents or len(self._sent_starts) != len(sents):
            self._sent_starts = [s for s, _ in sents]
            self._sent_starts_of = sents
        k = bisect.bisect_right(self._sent_starts, ostart) - 1
        return k if k > 0 else 0

    def token_sentence(self, i: int) -> int:
        """`sentence_index` of token i's start, remembered per token (for the sentences set)."""
        memo = self._token_sentences
        if memo.get("of") is not self.sentences:
            memo.clear()
            memo["of"] = self.sentences
        found = memo.get(i)
        if found is None:
            found = memo[i] = self.sentence_index(self.orig_offset(self.tokens[i].start))
        return found

    def published_date(self) -> tuple[dt.date | None, int]:
        """(date, precision length 10/7/4) of the publication date, or (None, 0)."""
        p = self.published
        if not p:
            return None, 0
        try:
            parts = [int(x) for x in p[:10].split("-")]
            while len(parts) < 3:
                parts.append(1)
            return dt.date(*parts), len(p[:10])
        except ValueError:
            return None, 0


def make_doc(text: str, published: str | None = None) -> Doc:
    norm = normalize(text)
    # split() alternates gap, token, gap…: the running sum of the part lengths gives every
    # token's start and end without a Python-level loop over the ~700 tokens of an article
    parts = _TOKEN_SPLIT.split(norm.text)
    pos = list(accumulate(map(len, parts), initial=0))
    words = parts[1::2]
    k = len(words)
    starts = pos[1:2 * k:2]  # part 2i+1 is token i
    ends = pos[2:2 * k + 1:2]
    tokens = list(map(tuple.__new__, repeat(Token), zip(starts, ends, words, strict=True)))
    return Doc(text=text, norm=norm, tokens=tokens, published=published, words=words,
               fstarts=starts, fends=ends)


@lru_cache(maxsize=65536)
def strip_clitic(word: str) -> tuple[tuple[str, int], ...]:
    """Candidate (stem, prefix length) readings of a folded word, the bare word first.

    `لل` + noun is ل + ال with the alef dropped: للحكومه → (الحكومه read from offset 1).
    """
    out = [(word, 0)]
    if len(word) > 3 and word.startswith("لل"):
        out.append(("ا" + word[1:], 1))  # ل|لحكومه ~ الحكومه; span starts at the second ل
    for prefix in ("ولل", "فلل"):
        if len(word) > 4 and word.startswith(prefix):
            out.append(("ا" + word[len(prefix) - 1:], len(prefix) - 1))
    for c in CLITICS:
        if word.startswith(c) and len(word) - len(c) >= 2:
            out.append((word[len(c):], len(c)))
    return tuple(out)
