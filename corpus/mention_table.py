"""The index's mentions by article, held as columns; a Mention is made when an article's are read.

    table = MentionTable.of(corpus.mentions)
    table["art-1"]                     -> (Mention(...), ...)  in the order they were given
    table.without({"art-1"}) | MentionTable.of(new_mentions)   (an in-place index update)

A read-only mapping article id → tuple of Mention, equal to `{article: tuple(mentions)}`. The
values live in a few arrays (codes into one table of distinct ids per field, the surfaces in one
UTF-8 buffer) instead of a record and a string per mention: at 100,000 mentions that is ~3 MB
instead of ~19 MB, and no small objects left over from loading (those keep the allocator's
freed memory resident). The reader page reads one article's mentions per rerun.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping

import numpy as np
import pandas as pd

from corpus.models import Mention

_CODED = ("article_id", "kind", "ref", "origin", "status")  # few distinct values: codes + one table
_FIELDS = tuple(f.name for f in dataclasses.fields(Mention))  # a new field fails loudly in `of` until stored


class _Coded:
    """Integer codes into a table of the distinct values (None: code -1, the table's last slot)."""

    __slots__ = ("codes", "values")

    def __init__(self, raw: list | np.ndarray):
        codes, uniques = pd.factorize(np.asarray(raw, dtype=object), use_na_sentinel=True)
        self.codes = codes.astype(np.int32)
        self.values = np.array([*uniques.tolist(), None], dtype=object)

    def take(self, rows: np.ndarray) -> list:
        return self.values[self.codes[rows]].tolist()

    def decoded(self) -> np.ndarray:
        """One value per row (the shared objects of the table, no copies)."""
        return self.values[self.codes]


_TEXT = pd.StringDtype(na_value=np.nan)


def _filtered(column, keep: np.ndarray):
    return _Coded(column.decoded()[keep]) if isinstance(column, _Coded) else column[keep]


def _joined(first, second):
    if isinstance(first, _Coded):
        return _Coded(np.concatenate((first.decoded(), second.decoded())))
    if isinstance(first, np.ndarray):
        return np.concatenate((first, second))
    return pd.concat([pd.Series(first), pd.Series(second)], ignore_index=True).array


def _runs(articles: _Coded) -> dict[str, tuple[int, int]]:
    """Article id → its rows [first, last) in a table whose rows are grouped by article."""
    codes = articles.codes
    edges = np.r_[0, np.flatnonzero(codes[1:] != codes[:-1]) + 1, len(codes)].tolist()
    return {articles.values[codes[a]]: (a, b) for a, b in zip(edges[:-1], edges[1:], strict=True)}


class MentionTable(Mapping):
    __slots__ = ("_columns", "_rows")

    def __init__(self, columns: dict):
        self._columns = columns  # field → _Coded | ndarray | Arrow-backed strings, rows grouped by article
        self._rows = _runs(columns["article_id"]) if len(columns["start"]) else {}

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> MentionTable:
        """The mentions grouped by article (articles in first-seen order, each one's in order)."""
        mentions = list(mentions)
        articles, _ = pd.factorize(np.array([m.article_id for m in mentions], dtype=object))
        ordered = [mentions[i] for i in np.argsort(articles, kind="stable").tolist()]
        del mentions
        columns: dict = {name: _Coded([getattr(m, name) for m in ordered]) for name in _CODED}
        columns["start"] = np.array([m.start for m in ordered], dtype=np.int64)
        columns["end"] = np.array([m.end for m in ordered], dtype=np.int64)
        columns["relative"] = np.array([m.relative for m in ordered], dtype=bool)
        columns["text"] = pd.array([m.text for m in ordered], dtype=_TEXT)
        return cls(columns)

    def __getitem__(self, article_id: str) -> tuple[Mention, ...]:
        first, last = self._rows[article_id]
        return self._records(np.arange(first, last))

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return f"MentionTable({len(self)} articles, {len(self._columns['start'])} mentions)"

    def _records(self, rows: np.ndarray) -> tuple[Mention, ...]:
        values = []
        for name in _FIELDS:
            column = self._columns[name]
            values.append(column.take(rows) if isinstance(column, _Coded) else column[rows].tolist())
        return tuple(Mention(*fields) for fields in zip(*values, strict=True))

    def without(self, article_ids: Iterable[str]) -> MentionTable:
        """The table with these articles' mentions left out."""
        gone = set(article_ids) & self._rows.keys()
        if not gone:
            return self
        keep = ~np.isin(self._columns["article_id"].decoded(), np.array(sorted(gone), dtype=object))
        return MentionTable({name: _filtered(column, keep) for name, column in self._columns.items()})

    def __or__(self, other: Mapping) -> MentionTable:
        """Like `{k: v for k, v in self.items() if k not in other} | other`: other's articles
        replace these and come after them."""
        if not isinstance(other, MentionTable):
            other = MentionTable.of(m for found in other.values() for m in found)
        if not len(other):
            return self
        kept = self.without(other.keys())
        if not len(kept):
            return other
        return MentionTable({name: _joined(column, other._columns[name]) for name, column in kept._columns.items()})

    def refs(self, kind: str, origin: str | None = None) -> set[str]:
        """The ids the mentions of `kind` name (only those of `origin` when given)."""
        keep = self._columns["kind"].decoded() == kind
        if origin is not None:
            keep &= self._columns["origin"].decoded() == origin
        return {r for r in self._columns["ref"].take(np.flatnonzero(keep)) if r}
