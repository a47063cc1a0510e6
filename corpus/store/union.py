"""The corpus the app shows: the curated `data/` base plus the database's additions.

    corpus = load_union(data_dir, db_url=None, include_proposed=False)

Every record carries `origin` ("curated" | "added") and `status`. Added ids never collide
with curated ones: articles are `u-<sha8>`, their events `u-<sha8>-ev-01`, quotes
`u-<sha8>-q-01`. Rejected items never appear; proposed ones (and articles nobody has reviewed
yet) only with `include_proposed=True`, marked `status="proposed"`.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from corpus.clusters import link_problem
from corpus.loader import DEFAULT_DATA_DIR, Problem, extra_places, load_corpus
from corpus.models import Article, Corpus, Event, Mention, Place, Quote, visible_statuses
from corpus.store.records import article_record, item_record, record_problems
from corpus.store.repository import Store


def _skipped(row, reasons: list[str]) -> Problem:
    return Problem("database", 0, f"skipped {row.kind} {row.id} of article {row.article_id}: "
                                  + "; ".join(reasons))


def article_of(item_id: str) -> str:
    """The added article an added item belongs to (ids are `<article>-<kind>-NN`)."""
    return item_id.rsplit("-", 2)[0]


@dataclass
class Added:
    """The store's additions as records: what `added_records` reads. `problems`: the rows left
    out, by article; `links`: each added event's stored `same_as` that names another added
    event (curator merges), valid or not."""

    articles: dict[str, Article] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)

    def flat_problems(self) -> list[Problem]:
        return [p for found in self.problems.values() for p in found]


def read_added(store: Store, base: Corpus, statuses: tuple[str, ...], files: bool = False,
               article_ids: Iterable[str] | None = None) -> Added:
    """The store's additions with these statuses (only `article_ids` when given), validated
    against `base` (its actors, places and events). A row the loader's rules refuse (stored
    before a rule existed, or edited by hand) is left out and reported: one bad row never
    hides the rest."""
    art_rows, item_rows = store.rows(statuses, statuses, article_ids)
    out = Added(articles={r.id: article_record(r, f"articles/{r.id}.txt" if files else None) for r in art_rows})
    ctx = {"articles": out.articles, "actors": base.actors, "places": base.places, "events": base.events}
    for row in item_rows:
        try:
            record = item_record(row, out.articles[row.article_id], base)
            reasons = record_problems(record, ctx) if record is not None else []
        except (AttributeError, KeyError, TypeError, ValueError) as err:  # malformed row
            record, reasons = None, [f"unreadable row ({type(err).__name__})"]
        if reasons:
            out.problems.setdefault(row.article_id, []).append(_skipped(row, reasons))
        elif isinstance(record, Event):
            out.events[record.id] = record
            if record.same_as is None and (row.data or {}).get("same_as"):
                out.links[record.id] = row.data["same_as"]  # another added event: linked below
        elif isinstance(record, Quote):
            out.quotes[record.id] = record
        elif isinstance(record, Mention):
            out.mentions.append(record)
    _link_added(out, base)
    return out


def added_records(store: Store, base: Corpus, statuses: tuple[str, ...], files: bool = False,
                  problems: list[Problem] | None = None):
    """(articles, events, quotes, mentions) of the store's additions with these statuses; rows
    left out are appended to `problems`."""
    added = read_added(store, base, statuses, files)
    if problems is not None:
        problems.extend(added.flat_problems())
    return added.articles, added.events, added.quotes, added.mentions


def _link_added(added: Added, base: Corpus) -> None:
    """A curator's merge of an added event into another added event (item_record only knows
    the curated events): linked once every added event is read; a link the loader's rule
    refuses is left out (the event stands alone) and reported."""
    everything = ChainMap(added.events, base.events)
    for event_id, target in added.links.items():
        linked = replace(added.events[event_id], same_as=target)
        reason = link_problem(linked, ChainMap({event_id: linked}, everything))
        if reason is None:
            added.events[event_id] = linked
        else:
            added.problems.setdefault(article_of(event_id), []).append(
                Problem("database", 0, f"event {event_id}: {reason} (kept as its own event)"))


def named_places(events: Iterable[Event], mentions: Iterable[Mention]) -> set[str]:
    return {e.place_id for e in events if e.place_id} | {m.ref for m in mentions if m.kind == "place" and m.ref}


def union_places(base_places: Mapping[str, Place], extras: Mapping[str, Place], named: Iterable[str]) -> dict[str, Place]:
    """The curated places plus the wider gazetteer's places the added articles name."""
    return {**base_places, **{p: extras[p] for p in named if p in extras and p not in base_places}}


def wide_base(base: Corpus) -> Corpus:
    """`base` with the places the engine knows beyond data/ (what added items may name)."""
    return replace(base, places={**extra_places(), **base.places})


def combine(base: Corpus, added: Added) -> Corpus:
    """A new Corpus: `base` (untouched) plus the records read from the store."""
    return Corpus(
        articles={**base.articles, **added.articles}, actors=dict(base.actors),
        places=union_places(base.places, extra_places(), named_places(added.events.values(), added.mentions)),
        events={**base.events, **added.events}, quotes={**base.quotes, **added.quotes},
        mentions=[*base.mentions, *added.mentions])


def merge(base: Corpus, store: Store, include_proposed: bool = False,
          problems: list[Problem] | None = None) -> Corpus:
    """A new Corpus: `base` (untouched) plus the store's valid additions (rows skipped as
    invalid are appended to `problems`)."""
    added = read_added(store, wide_base(base), visible_statuses(include_proposed))
    if problems is not None:
        problems.extend(added.flat_problems())
    return combine(base, added)


def load_union(data_dir: Path | str = DEFAULT_DATA_DIR, db_url: str | None = None,
               include_proposed: bool = False, base: Corpus | None = None,
               problems: list[Problem] | None = None) -> Corpus:
    """Curated `data_dir` (validated; or the already loaded `base`) + the database additions.

    `db_url` None → env ATLAS_DATABASE_URL, else the SQLite file in ATLAS_STATE_DIR."""
    if base is None:
        base = load_corpus(data_dir)
    return merge(base, Store.open(db_url), include_proposed, problems)
