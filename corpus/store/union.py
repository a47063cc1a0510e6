"""The corpus the app shows: the curated `data/` base plus the database's additions.

    corpus = load_union(data_dir, db_url=None, include_proposed=False)

Every record carries `origin` ("curated" | "added") and `status`. Added ids never collide
with curated ones: articles are `u-<sha8>`, their events `u-<sha8>-ev-01`, quotes
`u-<sha8>-q-01`. Rejected items never appear; proposed ones (and articles nobody has reviewed
yet) only with `include_proposed=True`, marked `status="proposed"`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from corpus.clusters import link_problem
from corpus.loader import DEFAULT_DATA_DIR, Problem, extra_places, load_corpus
from corpus.models import Corpus, Event, Mention, Quote, visible_statuses
from corpus.store.records import article_record, item_record, record_problems
from corpus.store.repository import Store


def _skipped(row, reasons: list[str]) -> Problem:
    return Problem("database", 0, f"skipped {row.kind} {row.id} of article {row.article_id}: "
                                  + "; ".join(reasons))


def added_records(store: Store, base: Corpus, statuses: tuple[str, ...], files: bool = False,
                  problems: list[Problem] | None = None):
    """(articles, events, quotes, mentions) of the store's additions with these statuses.

    A row the loader's rules refuse (stored before a rule existed, or edited by hand) is
    skipped and reported in `problems`: one bad row never hides the rest."""
    art_rows, item_rows = store.rows(statuses, statuses)
    arts = {r.id: article_record(r, f"articles/{r.id}.txt" if files else None) for r in art_rows}
    ctx = {"articles": arts, "actors": base.actors, "places": base.places, "events": base.events}
    events, quotes, mentions = {}, {}, []
    links: dict[str, str] = {}
    for row in item_rows:
        try:
            record = item_record(row, arts[row.article_id], base)
            reasons = record_problems(record, ctx) if record is not None else []
        except (AttributeError, KeyError, TypeError, ValueError) as err:  # malformed row
            record, reasons = None, [f"unreadable row ({type(err).__name__})"]
        if reasons:
            if problems is not None:
                problems.append(_skipped(row, reasons))
            continue
        if isinstance(record, Event):
            events[record.id] = record
            if record.same_as is None and (row.data or {}).get("same_as"):
                links[record.id] = row.data["same_as"]  # another added event: linked below
        elif isinstance(record, Quote):
            quotes[record.id] = record
        elif isinstance(record, Mention):
            mentions.append(record)
    _link_added(events, links, base, problems)
    return arts, events, quotes, mentions


def _link_added(events: dict[str, Event], links: dict[str, str], base: Corpus,
                problems: list[Problem] | None) -> None:
    """A curator's merge of an added event into another added event (item_record only knows
    the curated events): linked once every added event is read; a link the loader's rule
    refuses is left out (the event stands alone) and reported."""
    everything = {**base.events, **events}
    for event_id, target in links.items():
        linked = replace(events[event_id], same_as=target)
        reason = link_problem(linked, {**everything, event_id: linked})
        if reason is None:
            events[event_id] = everything[event_id] = linked
        elif problems is not None:
            problems.append(Problem("database", 0, f"event {event_id}: {reason} (kept as its own event)"))


def merge(base: Corpus, store: Store, include_proposed: bool = False,
          problems: list[Problem] | None = None) -> Corpus:
    """A new Corpus: `base` (untouched) plus the store's valid additions (rows skipped as
    invalid are appended to `problems`)."""
    extras = extra_places()
    wide = replace(base, places={**extras, **base.places})  # places the engine knows beyond data/
    arts, events, quotes, mentions = added_records(store, wide, visible_statuses(include_proposed), problems=problems)
    named = {e.place_id for e in events.values()} | {m.ref for m in mentions if m.kind == "place"}
    added_places = {p: extras[p] for p in named if p in extras and p not in base.places}
    return Corpus(
        articles={**base.articles, **arts}, actors=dict(base.actors), places={**base.places, **added_places},
        events={**base.events, **events}, quotes={**base.quotes, **quotes},
        mentions=[*base.mentions, *mentions])


def load_union(data_dir: Path | str = DEFAULT_DATA_DIR, db_url: str | None = None,
               include_proposed: bool = False, base: Corpus | None = None,
               problems: list[Problem] | None = None) -> Corpus:
    """Curated `data_dir` (validated; or the already loaded `base`) + the database additions.

    `db_url` None → env ATLAS_DATABASE_URL, else the SQLite file in ATLAS_STATE_DIR."""
    if base is None:
        base = load_corpus(data_dir)
    return merge(base, Store.open(db_url), include_proposed, problems)
