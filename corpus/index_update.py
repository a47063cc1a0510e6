"""Update the corpus index with the added articles that changed, instead of rebuilding it.

    changes = read_changes(store, index, base_places, versions_before)
    index = apply_changes(index, changes, base_places, contained)

A save bumps its article's version (corpus/store/repository.py), so "what changed since the
index was built" is where the store's `versions()` differ from the ones the index was built
from: new, edited and retracted articles alike. Their rows are dropped from the index's frames
and their current records (re-read from the store, one query) are indexed with build_index's
own pieces and spliced in; clusters, categories, places and year span are recomputed over the
result. The result equals `build_index` of the whole union (tests/test_index_update.py checks it
after random adds, edits, merges and retractions, on SQLite and PostgreSQL). Where an update
cannot be done in place — a curator's merge of one added event into another touches the changed
articles — `NeedsRebuild` says so and the caller rebuilds (components/data.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from corpus.loader import Problem, extra_places
from corpus.mention_table import MentionTable
from corpus.models import Corpus, Place, visible_statuses
from corpus.query import (
    CODED_EVENT_COLUMNS,
    CODED_QUOTE_COLUMNS,
    RAW_EVENT_COLUMNS,
    TEXT_COLUMNS,
    CorpusIndex,
    FramePart,
    _year_span,
    event_part,
    finish_events,
    finish_quotes,
    joined_texts,
    place_members,
    quote_part,
)
from corpus.search_keys import SearchKeys
from corpus.store.repository import Store
from corpus.store.union import Added, article_of, read_added, union_places


class NeedsRebuild(Exception):
    """The change cannot be applied in place; rebuild the index from the whole union."""


@dataclass(frozen=True)
class Changes:
    """What changed in the store since `versions` was read the last time: the added articles
    whose rows the index must replace (`replaced`: new, edited or gone), their records now
    (`added`, only the visible ones) and the store's versions after the change."""

    replaced: frozenset[str]
    added: Added
    versions: Mapping[str, int]

    @property
    def empty(self) -> bool:
        return not self.replaced


class _EventLink(NamedTuple):
    """What the loader's link rule reads of an event (clusters.link_problem)."""

    id: str
    event_type: str
    same_as: str | None


class CuratedEvents(Mapping):
    """The index's curated events as the link rule sees them, read from the frame only when a
    changed event names one (the index keeps no event records)."""

    def __init__(self, index: CorpusIndex):
        self._index = index
        self._table: dict[str, _EventLink] | None = None

    def _rows(self) -> dict[str, _EventLink]:
        if self._table is None:
            frame = self._index.events
            curated = (frame["origin"] == "curated").to_numpy(dtype=bool)
            ids, types = frame["id"][curated].tolist(), frame["event_type"][curated].astype(object).tolist()
            links = self._index.event_links
            self._table = {i: _EventLink(i, t, links.get(i, (None, None))[0]) for i, t in zip(ids, types, strict=True)}
        return self._table

    def __getitem__(self, key: str) -> _EventLink:
        return self._rows()[key]

    def __contains__(self, key: object) -> bool:
        return key is not None and key in self._rows()

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows())

    def __len__(self) -> int:
        return len(self._rows())


def changed_articles(before: Mapping[str, int], now: Mapping[str, int]) -> frozenset[str]:
    """Articles added, saved or removed between two `Store.versions()` readings."""
    return frozenset(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))


def read_changes(store: Store, index: CorpusIndex, base_places: Mapping[str, Place],
                 before: Mapping[str, int], include_proposed: bool = True) -> Changes:
    """The store's changes since `before` (its versions when the index was last built or
    updated), read and validated like the union reads them."""
    now = store.versions()
    replaced = changed_articles(before, now)
    if not replaced:
        return Changes(replaced, Added(), now)
    base = Corpus(actors=index.corpus.actors, places={**extra_places(), **base_places},
                  events=CuratedEvents(index))
    added = read_added(store, base, visible_statuses(include_proposed), article_ids=replaced)
    return Changes(replaced, added, now)


def _touches_merges(index: CorpusIndex, changes: Changes, links: Mapping[str, str]) -> bool:
    """Whether a curator's merge of one added event into another involves a changed article
    (its validity then depends on events outside the change: rebuild)."""
    if changes.added.links:
        return True
    return any(article_of(target) in changes.replaced or article_of(source) in changes.replaced
               for source, target in links.items())


def _kept(frame: pd.DataFrame, search: SearchKeys, keep: np.ndarray, columns: list[str],
          coded: Iterable[str]) -> FramePart:
    """The rows to keep, with coded columns back to plain values (re-coded after the splice;
    the texts stay coded: `_joined` appends the new rows' texts to their codes)."""
    rows = frame.loc[keep, columns]
    rows = rows.assign(**{name: rows[name].astype(object) for name in coded})
    return FramePart(rows, search.compress(keep))


def _joined(kept: FramePart, new: FramePart, links: Mapping) -> FramePart:
    texts = [name for name in kept.frame.columns if name in TEXT_COLUMNS]
    if len(new.frame):
        plain = [name for name in kept.frame.columns if name not in TEXT_COLUMNS]
        frame = pd.concat([kept.frame[plain], new.frame[plain]], ignore_index=True)
        frame = frame.assign(**{name: joined_texts(kept.frame[name], new.frame[name]) for name in texts})
        frame = frame[kept.frame.columns]
    else:
        frame = kept.frame
    return FramePart(frame.reset_index(drop=True), kept.search + new.search, links)


def _events(index: CorpusIndex, changes: Changes, places: Mapping[str, Place]) -> FramePart:
    keep = ~index.events["article_id"].isin(changes.replaced).to_numpy(dtype=bool)
    kept = _kept(index.events, index.event_search, keep, RAW_EVENT_COLUMNS, CODED_EVENT_COLUMNS)
    dropped = set(index.events["id"][~keep])
    new_events = list(changes.added.events.values())
    new = event_part(Corpus(places=places), new_events)
    links = {k: v for k, v in index.event_links.items() if k not in dropped} | dict(new.links)
    return finish_events(_joined(kept, new, links))


def _quotes(index: CorpusIndex, changes: Changes, events: FramePart) -> FramePart:
    frame = index.quotes
    keep = ~frame["article_id"].isin(changes.replaced).to_numpy(dtype=bool)
    kept = _kept(frame, index.quote_search, keep, list(frame.columns), CODED_QUOTE_COLUMNS)
    quotes = list(changes.added.quotes.values())
    wanted = {q.event_id for q in quotes if q.event_id}
    ids = events.frame["id"]
    linked = ids.isin(wanted).to_numpy(dtype=bool)
    event_links = dict(zip(ids[linked], zip(events.frame["cluster_id"][linked], events.frame["thread_id"][linked],
                                            strict=True), strict=True))
    context = Corpus(articles=changes.added.articles, actors=index.corpus.actors, events=changes.added.events,
                     mentions=changes.added.mentions)  # a quote with no event: its target is read from them
    return finish_quotes(_joined(kept, quote_part(context, quotes, event_links, index.actor_state), {}))


def _mentions(index: CorpusIndex, changes: Changes) -> MentionTable:
    return index.mentions_by_article.without(changes.replaced) | MentionTable.of(changes.added.mentions)


def _places(index: CorpusIndex, events: FramePart, mentions: MentionTable, base_places: Mapping[str, Place]) -> dict[str, Place]:
    """The union's places after the change (union.merge's rule, over the spliced rows)."""
    added = (events.frame["origin"] == "added").to_numpy(dtype=bool)
    named = set(events.frame["place_id"][added].dropna().astype(object))
    named |= mentions.refs("place", origin="added")  # union.named_places over the added mentions
    return union_places(base_places, extra_places(), named)


def apply_changes(index: CorpusIndex, changes: Changes, base_places: Mapping[str, Place],
                  links: Mapping[str, str], contained: Mapping[str, Iterable[str]] | None = None) -> CorpusIndex:
    """The index with `changes` applied (equal to build_index of the new union). `links`: the
    stored added→added merges of the articles not changed (Added.links); `base_places`: the
    curated places."""
    if changes.empty:
        return index
    if _touches_merges(index, changes, links):
        raise NeedsRebuild("a merge between added events involves a changed article")
    everything = {**extra_places(), **base_places, **index.corpus.places}
    events = _events(index, changes, everything)
    quotes = _quotes(index, changes, events)
    mentions = _mentions(index, changes)
    places = _places(index, events, mentions, base_places)
    articles = {k: v for k, v in index.corpus.articles.items() if k not in changes.replaced} | changes.added.articles
    corpus = dataclasses.replace(index.corpus, articles=articles, places=places)
    same_places = places.keys() == index.corpus.places.keys()
    return dataclasses.replace(
        index, corpus=corpus, events=events.frame, quotes=quotes.frame, event_search=events.search,
        quote_search=quotes.search, mentions_by_article=mentions, years=_year_span(events.frame, quotes.frame),
        place_members=index.place_members if same_places else place_members(corpus, contained),
        event_links=events.links)


def problems_after(before: Mapping[str, list[Problem]], changes: Changes) -> dict[str, list[Problem]]:
    """The database problems by article once `changes` are applied."""
    return {k: v for k, v in before.items() if k not in changes.replaced} | changes.added.problems


def links_after(before: Mapping[str, str], changes: Changes) -> dict[str, str]:
    """The stored added→added merges once `changes` are applied."""
    return {k: v for k, v in before.items() if article_of(k) not in changes.replaced} | changes.added.links


__all__ = ["Changes", "NeedsRebuild", "apply_changes", "changed_articles", "read_changes"]
