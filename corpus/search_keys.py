"""The folded search text of an index frame's rows, held as one string.

    keys = SearchKeys.of(["first row", "second row"])
    keys.contains("row")        -> array([ True,  True])
    keys.take([1, 0])           -> the rows reordered (a sort), or a subset (a splice)
    keys + other                -> the rows of both, in order

One string with a separator after every row and an array of row starts, instead of a Python
string per row: at 100,000 events that is one allocation instead of 100,000 string objects
(≈ 7 MB of object headers and the allocator's fragmentation around them). A search is one
regex scan over the whole string; each hit is mapped back to its row by the starts array, so
a row matches exactly when `needle in key` would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy as np

SEP = "\x00"  # after every row; a needle containing it is checked row by row


class SearchKeys:
    """Immutable: every operation returns new keys. `starts[i]:starts[i + 1] - 1` is row i."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str, starts: np.ndarray):
        self.text = text
        self.starts = starts

    @classmethod
    def of(cls, keys: Iterable[str]) -> SearchKeys:
        keys = list(keys)
        lengths = np.fromiter((len(k) + 1 for k in keys), dtype=np.int64, count=len(keys))
        text = SEP.join(keys) + SEP if keys else ""
        return cls(text, _starts(lengths))

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, row: int) -> str:
        if not -len(self) <= row < len(self):
            raise IndexError(row)
        row %= len(self)
        return self.text[self.starts[row]:self.starts[row + 1] - 1]

    def __iter__(self) -> Iterator[str]:
        return (self[row] for row in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SearchKeys):
            return NotImplemented
        return self.text == other.text and np.array_equal(self.starts, other.starts)

    __hash__ = None  # mutable-looking array inside: not hashable, like a list

    def __repr__(self) -> str:
        return f"SearchKeys({len(self)} rows, {len(self.text)} characters)"

    def __add__(self, other: SearchKeys) -> SearchKeys:
        return SearchKeys(self.text + other.text, np.concatenate((self.starts[:-1], other.starts + len(self.text))))

    def take(self, rows: Iterable[int] | np.ndarray) -> SearchKeys:
        """The keys of `rows` (positions), in that order. Consecutive positions are copied as
        one slice, so keeping most rows (a splice) costs a few slices, not one per row."""
        rows = np.asarray(rows if isinstance(rows, np.ndarray) else list(rows), dtype=np.int64)
        if not len(rows):
            return SearchKeys.of(())
        breaks = np.flatnonzero(np.diff(rows) != 1) + 1
        firsts, lasts = rows[np.r_[0, breaks]], rows[np.r_[breaks - 1, len(rows) - 1]]
        starts = self.starts
        text = "".join(self.text[starts[a]:starts[b + 1]] for a, b in zip(firsts.tolist(), lasts.tolist(), strict=True))
        return SearchKeys(text, _starts(starts[rows + 1] - starts[rows]))

    def compress(self, keep: np.ndarray) -> SearchKeys:
        """The keys of the rows where `keep` (a boolean array, one per row) is true."""
        return self.take(np.flatnonzero(keep))

    def contains(self, needle: str) -> np.ndarray:
        """One boolean per row: whether its key contains `needle` (an empty needle: every row)."""
        if not needle or SEP in needle:
            return np.fromiter((needle in key for key in self), dtype=bool, count=len(self))
        # Each match runs to the end of its row, so a row is reported once however often it matches.
        pattern = re.compile(re.escape(needle) + f"[^{SEP}]*")
        hits = np.fromiter((m.start() for m in pattern.finditer(self.text)), dtype=np.int64)
        mask = np.zeros(len(self), dtype=bool)
        mask[np.searchsorted(self.starts, hits, side="right") - 1] = True
        return mask


def _starts(lengths: np.ndarray) -> np.ndarray:
    starts = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    return starts
