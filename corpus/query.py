"""Filter events and quotes. Every page calls `run_query(index, filters)`.

`build_index` turns a Corpus into two data frames with the columns the filters need (built
once and shared read-only); a filter change only computes boolean masks over them.
Actor filters match an actor and everything affiliated with it (selecting DZA matches
Algeria's ministries and ministers); place filters match a place and the places inside it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from corpus import claims, clusters, network, plover
from corpus.dates import date_range
from corpus.filterspec import ID_FILTERS
from corpus.mention_table import MentionTable
from corpus.models import GLOSS_FIELDS, Corpus, Event, Mention, affiliation_root, visible_statuses
from corpus.normalize import fold
from corpus.search_keys import SearchKeys


@dataclass(frozen=True, slots=True)
class Filters:
    year_min: int | None = None
    year_max: int | None = None
    date_from: str | None = None  # YYYY-MM-DD: an item is kept when its date span overlaps [from, to]
    date_to: str | None = None
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    quads: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    dyads: tuple[str, ...] = ()  # `A~B`: events A → B and quotes by A about B (corpus/network.py)
    text: str = ""
    include_proposed: bool = False

    def is_empty(self) -> bool:
        return self == Filters(include_proposed=self.include_proposed)


@dataclass(frozen=True)
class CorpusIndex:
    corpus: Corpus
    events: pd.DataFrame
    quotes: pd.DataFrame
    actor_members: Mapping[str, frozenset[str]] = field(default_factory=dict)
    place_members: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Folded search text per row, in frame order: one string per frame (corpus/search_keys.py).
    event_search: SearchKeys = field(default_factory=lambda: SearchKeys.of(()))
    quote_search: SearchKeys = field(default_factory=lambda: SearchKeys.of(()))
    # article id → its mentions (corpus/mention_table.py: columns, a Mention made when read)
    mentions_by_article: Mapping[str, tuple[Mention, ...]] = field(default_factory=dict)
    years: tuple[int, int] | None = None  # first and last year of any event or quote
    actor_state: Mapping[str, str] = field(default_factory=dict)  # actor id → its state (state_of)
    # event id → (same_as, responds_to) of the events that have one (clusters are recomputed
    # from them when the index is updated in place: corpus/index_update.py)
    event_links: Mapping[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def article_items(self, article_id: str, statuses: Iterable[str]) -> dict[str, pd.DataFrame]:
        """The events and quotes of one article with one of the given review statuses."""
        out = {}
        for name, frame in (("events", self.events), ("quotes", self.quotes)):
            mask = (frame["article_id"] == article_id) & frame["status"].isin(tuple(statuses))
            out[name] = frame[mask.to_numpy(dtype=bool)]
        return out


    def state_of(self, actor_id: str | None) -> str | None:
        """The state an actor belongs to (itself for a state or an unaffiliated actor)."""
        return self.actor_state.get(actor_id, actor_id) if isinstance(actor_id, str) else None


@dataclass(frozen=True)
class QueryResult:
    """`events`: one row per event (cluster) — its first matching report, with `cluster_id`,
    `report_count` and `disagree`; `reports`: every matching report row; totals count events."""
    events: pd.DataFrame
    quotes: pd.DataFrame
    total_events: int
    total_quotes: int
    reports: pd.DataFrame


def _closure(children: Mapping[str, set[str]], root: str) -> frozenset[str]:
    seen, stack = {root}, [root]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return frozenset(seen)


def actor_members(corpus: Corpus) -> dict[str, frozenset[str]]:
    """Each actor id → itself and every actor affiliated with it, directly or not."""
    children: dict[str, set[str]] = defaultdict(set)
    for actor in corpus.actors.values():
        if actor.affiliation:
            children[actor.affiliation].add(actor.id)
    return {actor_id: _closure(children, actor_id) for actor_id in corpus.actors}


def state_of(actors: Mapping) -> dict[str, str]:
    """Each actor id → the state it belongs to (itself for a state), following affiliations;
    an actor with no state maps to the top of its chain (a rebel leader → his group) or itself.
    The table form of `models.affiliation_root`, the one actor → state walk (the extraction
    lexicon's `root_state` uses the same walk)."""
    return {actor_id: affiliation_root(actor_id, actors) for actor_id in actors}


def place_members(
    corpus: Corpus, contained: Mapping[str, Iterable[str]] | None = None
) -> dict[str, frozenset[str]]:
    """Each place id → itself and the places inside it (same country / admin-1, or `contained`)."""
    children: dict[str, set[str]] = defaultdict(set)
    country_place = {p.country: p.id for p in corpus.places.values() if p.kind == "country" and p.country}
    region_place = {
        (p.country, p.admin1): p.id for p in corpus.places.values() if p.kind == "region" and p.admin1
    }
    for place in corpus.places.values():
        region = region_place.get((place.country, place.admin1))
        if region and region != place.id:
            children[region].add(place.id)
        elif place.country in country_place and country_place[place.country] != place.id:
            children[country_place[place.country]].add(place.id)
        if region and place.country in country_place:
            children[country_place[place.country]].add(region)
    for parent, inside in (contained or {}).items():
        children[parent].update(inside)
    return {place_id: _closure(children, place_id) for place_id in corpus.places}


_EVENT_FIELDS = (
    "id", "article_id", "start", "end", "text", "date", "date_precision", "event_type", "actor1",
    "actor2", "place_id", "geo_precision", "summary_en", "summary_ar", "summary_fr", "origin", "status",
    "date_note",
)


def _events_in_order(corpus: Corpus) -> list[Event]:
    """The events sorted by (first day, id). Sorting the records before the frame is built
    spares a sorted copy of the whole frame (tens of MB at 100,000)."""
    events = list(corpus.events.values())
    firsts = [date_range(e.date, e.date_precision)[0] for e in events]
    order = sorted(range(len(events)), key=lambda i: (firsts[i], events[i].id))
    return [events[i] for i in order]


# Long texts only shown, never filtered (evidence, summaries, notes, glosses): categoricals over
# Arrow strings. The distinct texts sit once in one UTF-8 buffer (a third of a Python string per
# row, and no small objects outliving the records they came from: at 100,000 events such
# scattered survivors kept ~100 MB of freed records resident); a filtered copy — one per session
# and rerun — takes 4-byte codes instead of copying the text (≈ 12 MB and 50 ms at 50,000 rows).
# A missing value reads NaN (not None): readers test `isinstance(value, str)` (i18n.summary, cards).
TEXT_COLUMNS = frozenset({"text", "summary_en", "summary_ar", "summary_fr", "date_note", *GLOSS_FIELDS})


def _column(name: str, values: list) -> Any:
    return pd.Series(values, dtype=_ID) if name in TEXT_COLUMNS else values


def _days(values: list) -> np.ndarray:
    return np.array(values, dtype="datetime64[D]").astype("datetime64[s]")


def _event_columns(corpus: Corpus, events: list[Event]) -> dict[str, Any]:
    """The events as columns (building column lists keeps far fewer objects alive than rows)."""
    ranges = [date_range(e.date, e.date_precision) for e in events]
    columns: dict[str, Any] = {name: _column(name, [getattr(e, name) for e in events]) for name in _EVENT_FIELDS}
    columns["date_start"] = _days([start for start, _ in ranges])
    columns["date_end"] = _days([end for _, end in ranges])
    columns["year"] = [start.year for start, _ in ranges]
    columns["date_estimated"] = [e.date_inferred for e in events]
    columns["quad"] = [plover.quad_of(t) for t in columns["event_type"]]
    columns["score"] = [plover.score_of(t) for t in columns["event_type"]]
    places = [corpus.places.get(p) if p else None for p in columns["place_id"]]
    columns["lat"] = [p.lat if p else None for p in places]
    columns["lon"] = [p.lon if p else None for p in places]
    return columns


@dataclass(frozen=True)
class FramePart:
    """Rows of one index frame before they are finished: the frame, its folded search keys
    (in row order) and, for events, the `same_as`/`responds_to` links of the linked ones."""

    frame: pd.DataFrame
    search: SearchKeys
    links: Mapping[str, tuple[str | None, str | None]] = field(default_factory=dict)


def event_part(corpus: Corpus, events: list[Event]) -> FramePart:
    """The index rows of `events` (`corpus` gives their places' coordinates)."""
    frame = pd.DataFrame(_event_columns(corpus, events), columns=RAW_EVENT_COLUMNS)
    links = {e.id: (e.same_as, e.responds_to) for e in events if e.same_as or e.responds_to}
    return FramePart(frame, _event_search(events), links)


def _cluster_columns(frame: pd.DataFrame, links: Mapping[str, tuple[str | None, str | None]]) -> dict[str, list]:
    """Each report's cluster id, the number of reports in its cluster, the fields its cluster's
    reports disagree on (comma-separated, "" when they agree) and its exchange (thread). Only
    the linked events are walked; every other event is a cluster and a thread of its own."""
    ids = frame["id"].tolist()
    known = set(ids)
    linked = _linked(known, {i: link[0] for i, link in links.items() if link[0]})
    column = [linked.get(i, i) for i in ids]
    sizes = Counter(linked.values())
    shared = defaultdict(list)
    for position, event_id in enumerate(ids):
        if sizes.get(linked.get(event_id), 1) > 1:
            shared[linked[event_id]].append(position)
    differ = _disagreements(frame, shared)
    responds = {i: link[1] for i, link in links.items() if link[1]}
    involved = set(responds) | {t for t in responds.values() if t in known}
    threads = claims.thread_ids({i: linked.get(i, i) for i in involved}, responds)
    return {"cluster_id": column, "report_count": [sizes.get(c, 1) for c in column],
            "disagree": [differ.get(c, "") for c in column], "thread_id": [threads.get(c, c) for c in column]}


def _linked(known: set[str], same_as: Mapping[str, str]) -> dict[str, str]:
    """The cluster of every event in a `same_as` chain: the linking events and the known events
    they name (a name that is no event leaves its event alone, as clusters.cluster_ids does)."""
    involved = set(same_as) | {t for t in same_as.values() if t in known}
    return clusters.cluster_ids({i: same_as.get(i) for i in involved})


_NO_LINK = (None, None)


def _disagreements(frame: pd.DataFrame, shared: Mapping[str, list[int]]) -> dict[str, str]:
    """Cluster id → the fields its reports (rows at these positions) disagree on."""
    if not shared:
        return {}
    fields = frame[list(clusters.DISAGREE_FIELDS)].astype(object)
    return {cid: ",".join(clusters.disagreements(fields.iloc[rows].to_dict("records")))
            for cid, rows in shared.items()}


def _event_search(events: list[Event]) -> SearchKeys:
    return SearchKeys.of(
        fold(" ".join(filter(None, (e.text, e.summary_en, e.summary_ar, e.summary_fr))))
        for e in events
    )


def _quote_rows(corpus: Corpus, quotes: Iterable, event_links: Mapping[str, tuple[str, str]],
                states: Mapping[str, str]) -> list[dict]:
    """The rows of `quotes`; `event_links`: event id → (cluster id, thread id) of the quote's
    event; `states`: actor id → its state (for the actor the speaker speaks about,
    network.quote_target; for a quote with no event, network.said_about reads the mentions)."""
    rows, side = [], lambda a: states.get(a, a)
    mentions = mentions_by_article(m for m in corpus.mentions if m.kind == "actor")
    for quote in quotes:
        event = corpus.events.get(quote.event_id) if quote.event_id else None
        article = corpus.articles[quote.article_id]
        date = quote.date or article.published
        speaker = corpus.actors.get(quote.speaker) if quote.speaker else None
        names = (speaker.name_ar, speaker.name_en, speaker.name_fr) if speaker else ()
        glosses = {name: getattr(quote, name) for name in GLOSS_FIELDS}
        rows.append(
            {
                "id": quote.id,
                "article_id": quote.article_id,
                "start": quote.start,
                "end": quote.end,
                "text": quote.text,
                "speaker": quote.speaker,
                "target": network.quote_target(quote.speaker, event.actor1, event.actor2, side) if event
                else network.said_about(quote.speaker, mentions.get(quote.article_id, ()), quote.start, quote.end, side),
                "language": quote.language,
                "kind": quote.kind,
                "date": date,
                "date_precision": quote.date_precision or article.published_precision,
                # no date of its own: the article's (itself possibly an estimate)
                "date_estimated": not quote.date or (quote.date == article.published and article.published_inferred),
                "date_range": date_range(date, quote.date_precision or article.published_precision) if date else None,
                "year": int(date[:4]) if date else None,
                "event_id": quote.event_id,
                "event_type": event.event_type if event else None,
                "quad": plover.quad_of(event.event_type) if event else None,
                "place_id": event.place_id if event else None,
                "origin": quote.origin,
                "status": quote.status,
                **glosses,
                "cluster_id": event_links.get(quote.event_id, _NO_LINK)[0],
                "thread_id": event_links.get(quote.event_id, _NO_LINK)[1],
                "search": fold(" ".join((quote.text, *names, *filter(None, glosses.values())))),
            }
        )
    return rows


def quote_part(corpus: Corpus, quotes: Iterable, event_links: Mapping[str, tuple[str, str]],
               states: Mapping[str, str]) -> FramePart:
    """The index rows of `quotes` (`corpus` gives their articles, speakers and events)."""
    rows = _quote_rows(corpus, quotes, event_links, states)
    search = SearchKeys.of(row.pop("search") for row in rows)
    for row in rows:
        first_last = row.pop("date_range")
        row["date_start"], row["date_end"] = first_last if first_last else (None, None)
    frame = pd.DataFrame({name: _column(name, [row[name] for row in rows]) for name in QUOTE_COLUMNS},
                         columns=QUOTE_COLUMNS)
    frame["date_start"] = _days(list(frame["date_start"]))
    frame["date_end"] = _days(list(frame["date_end"]))
    return FramePart(frame, search)


RAW_EVENT_COLUMNS = ["id", "article_id", "start", "end", "text", "date", "date_precision", "date_start", "date_end", "year", "event_type", "quad", "score", "actor1", "actor2", "place_id", "geo_precision", "lat", "lon", "summary_en", "summary_ar", "summary_fr", "origin", "status", "date_estimated", "date_note"]
EVENT_COLUMNS = [*RAW_EVENT_COLUMNS, "cluster_id", "report_count", "disagree", "thread_id"]
QUOTE_COLUMNS = ["id", "article_id", "start", "end", "text", "speaker", "target", "language", "kind", "date", "date_precision", "date_estimated", "date_start", "date_end", "year", "event_id", "event_type", "quad", "place_id", "origin", "status", *GLOSS_FIELDS, "cluster_id", "thread_id"]

# Columns with few distinct values that every rerun masks, groups or counts on: categorical
# (integer codes + one table of the distinct ids), so isin/==/groupby work on codes instead of
# hashing 100,000 strings, and each id is stored once.
CODED_EVENT_COLUMNS = ("event_type", "quad", "actor1", "actor2", "place_id", "status", "origin")
CODED_QUOTE_COLUMNS = ("speaker", "event_type", "quad", "place_id", "status", "origin", "language", "kind")

# Every other column's type, stated rather than inferred, so the frame built from a part of the
# corpus has the types of the one built from all of it (corpus/index_update.py splices them).
_ID = pd.StringDtype(na_value=np.nan)
EVENT_DTYPES = {"id": _ID, "article_id": _ID, "start": "int64", "end": "int64", "date": _ID,
                "date_precision": "int64", "year": "Int64", "score": "float64", "geo_precision": "float64",
                "lat": "float64", "lon": "float64", "date_estimated": "bool", "cluster_id": _ID,
                "report_count": "int64", "disagree": _ID, "thread_id": _ID}
QUOTE_DTYPES = {"id": _ID, "article_id": _ID, "start": "int64", "end": "int64", "target": _ID, "date": _ID,
                "date_precision": "Int64", "date_estimated": "bool", "year": "Int64", "event_id": _ID,
                "cluster_id": _ID, "thread_id": _ID}
TEXT = _ID  # the texts' type before they are coded (TEXT_COLUMNS: Arrow strings, then categoricals)


def _sorted(part: FramePart, by: list[str]) -> FramePart:
    """The part's rows sorted; the search keys kept in step."""
    frame = part.frame.sort_values(by, kind="stable", na_position="last")
    return FramePart(frame.reset_index(drop=True), part.search.take(frame.index.to_numpy()), part.links)


def _typed(frame: pd.DataFrame, dtypes: Mapping[str, Any], coded: Iterable[str]) -> pd.DataFrame:
    """The frame with its stated types, and `coded` and the texts as categoricals of the values
    present (categories sorted, so sorting is unchanged)."""
    frame = frame.astype({name: dtype for name, dtype in dtypes.items() if frame[name].dtype != dtype})
    return frame.assign(**{name: frame[name].astype(object).astype("category") for name in coded},
                        **{name: _coded_text(frame[name]) for name in TEXT_COLUMNS if name in frame})


def _coded_text(texts: pd.Series) -> pd.Series:
    """The texts as a categorical whose categories are the distinct texts in order of first
    appearance — from Arrow strings (a build) or renumbered from a categorical (a splice: no
    string is hashed), so both give the same column."""
    if isinstance(texts.dtype, pd.CategoricalDtype):
        raw = texts.cat.codes.to_numpy()
        present = raw >= 0
        codes = np.full(len(raw), -1, dtype=np.int64)
        codes[present], first = pd.factorize(raw[present])
        uniques = texts.cat.categories.take(first)
    else:
        codes, uniques = pd.factorize(texts)
    return pd.Series(_categorical(codes, uniques), index=texts.index)


def _categorical(codes: np.ndarray, uniques) -> pd.Categorical:
    """A categorical of these (unique) texts, without the lookup table pandas builds to check
    that categories are unique (a Python string per text: 45 MB at 100,000 events). Nothing
    looks a text up by value: search goes through SearchKeys."""
    categories = pd.Index(uniques, dtype=TEXT)
    categories._cache["is_unique"] = True
    return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories))


def joined_texts(kept: pd.Series, new: pd.Series) -> pd.Series:
    """Kept rows' coded texts followed by new rows' texts (strings), as one categorical (in no
    canonical order yet: finish_* renumbers it). Only the new rows' texts are looked up."""
    categories = kept.cat.categories
    values = new.tolist()
    wanted = list(dict.fromkeys(v for v in values if isinstance(v, str)))
    known = np.flatnonzero(pd.Series(categories.array).isin(wanted).to_numpy(dtype=bool)) if wanted else []
    position = dict(zip(categories.take(known).tolist(), np.asarray(known).tolist(), strict=True))
    extra = [v for v in wanted if v not in position]
    position |= {v: len(categories) + i for i, v in enumerate(extra)}
    new_codes = np.array([position[v] if isinstance(v, str) else -1 for v in values], dtype=np.int64)
    codes = np.concatenate((kept.cat.codes.to_numpy().astype(np.int64), new_codes))
    return pd.Series(_categorical(codes, categories.append(pd.Index(extra, dtype=TEXT)) if extra else categories))


def finish_events(part: FramePart, presorted: bool = False) -> FramePart:
    """Index rows ready to filter: sorted by (first day, id), clustered, typed and coded."""
    if not presorted:
        part = _sorted(part, ["date_start", "id"])
    frame = part.frame.assign(**_cluster_columns(part.frame, part.links))
    return FramePart(_typed(frame, EVENT_DTYPES, CODED_EVENT_COLUMNS), part.search, part.links)


def finish_quotes(part: FramePart) -> FramePart:
    """Quote rows ready to filter: sorted by (date, id), typed and coded."""
    part = _sorted(part, ["date", "id"])
    return FramePart(_typed(part.frame, QUOTE_DTYPES, CODED_QUOTE_COLUMNS), part.search)


def mentions_by_article(mentions: Iterable[Mention]) -> dict[str, tuple[Mention, ...]]:
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article_id].append(mention)
    return {k: tuple(v) for k, v in by_article.items()}


def build_index(corpus: Corpus, contained: Mapping[str, Iterable[str]] | None = None) -> CorpusIndex:
    events = finish_events(event_part(corpus, _events_in_order(corpus)), presorted=True)
    links = dict(zip(events.frame["id"], zip(events.frame["cluster_id"], events.frame["thread_id"], strict=True), strict=True))
    states = state_of(corpus.actors)
    quotes = finish_quotes(quote_part(corpus, corpus.quotes.values(), links, states))
    del links
    # The frames now hold every event and quote field: drop the records so a large corpus is
    # not held twice (index.events / index.quotes are the one place to read them from).
    slim = dataclasses.replace(corpus, events={}, quotes={}, mentions=[])
    return CorpusIndex(
        slim, events.frame, quotes.frame, actor_members(corpus), place_members(corpus, contained),
        events.search, quotes.search, MentionTable.of(corpus.mentions),
        _year_span(events.frame, quotes.frame), states, events.links,
    )


def _year_span(*frames: pd.DataFrame) -> tuple[int, int] | None:
    years = pd.concat([frame["year"] for frame in frames]).dropna()
    return (int(years.min()), int(years.max())) if len(years) else None


def _expand(members: Mapping[str, frozenset[str]], ids: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for item in ids:
        out |= members.get(item, {item})
    return out


def _overlaps(frame: pd.DataFrame, date_from: str | None, date_to: str | None) -> np.ndarray:
    """Rows whose date span (the date at its precision: a year-only date spans the year)
    overlaps [date_from, date_to]; undated rows never do."""
    start = frame["date_start"].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    end = frame["date_end"].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    keep = ~np.isnat(start)
    if date_to is not None:
        keep &= start <= np.datetime64(date_to, "D")
    if date_from is not None:
        keep &= end >= np.datetime64(date_from, "D")
    return keep


COLUMN_FILTERS = tuple(spec for spec in ID_FILTERS if spec.column)


def _common_mask(frame: pd.DataFrame, filters: Filters, index: CorpusIndex) -> np.ndarray:
    mask = np.ones(len(frame), dtype=bool)
    statuses = visible_statuses(filters.include_proposed)
    mask &= frame["status"].isin(statuses).to_numpy()
    years = frame["year"]
    if filters.year_min is not None:
        mask &= (years >= filters.year_min).fillna(False).to_numpy(dtype=bool)
    if filters.year_max is not None:
        mask &= (years <= filters.year_max).fillna(False).to_numpy(dtype=bool)
    if filters.date_from is not None or filters.date_to is not None:
        mask &= _overlaps(frame, filters.date_from, filters.date_to)
    for spec in COLUMN_FILTERS:
        if ids := getattr(filters, spec.field):
            mask &= frame[spec.column].isin(ids).to_numpy()
    if filters.places:
        mask &= frame["place_id"].isin(_expand(index.place_members, filters.places)).to_numpy()
    needle = fold(filters.text.strip())
    if needle:
        mask &= (index.event_search if frame is index.events else index.quote_search).contains(needle)
    return mask


def _select(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """The masked rows. When every row is kept (the unfiltered view, the one most sessions
    show) a shallow copy: it shares the index's columns instead of copying 100,000 rows per
    session, and copy-on-write keeps the shared frame safe from changes made to the result."""
    return frame.copy(deep=False) if mask.all() else frame[mask]


def filter_events(index: CorpusIndex, filters: Filters) -> pd.DataFrame:
    frame = index.events
    mask = _common_mask(frame, filters, index)
    if filters.actors:
        actors = _expand(index.actor_members, filters.actors)
        mask &= (frame["actor1"].isin(actors) | frame["actor2"].isin(actors)).to_numpy()
    if filters.dyads:
        mask &= network.dyad_mask(frame["actor1"], frame["actor2"], filters.dyads, index.actor_members)
    return _select(frame, mask)


def filter_quotes(index: CorpusIndex, filters: Filters) -> pd.DataFrame:
    frame = index.quotes
    mask = _common_mask(frame, filters, index)
    if filters.actors:
        mask &= frame["speaker"].isin(_expand(index.actor_members, filters.actors)).to_numpy()
    if filters.dyads:
        mask &= network.dyad_mask(frame["speaker"], frame["target"], filters.dyads, index.actor_members)
    return _select(frame, mask)


def one_per_cluster(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per event: the first report (in frame order) of each cluster present."""
    if reports.empty or not (reports["report_count"].to_numpy() > 1).any():
        return reports
    return reports[~reports["cluster_id"].duplicated().to_numpy()]


def _count_events(frame: pd.DataFrame, mask: np.ndarray) -> int:
    """How many events (clusters) the masked report rows make."""
    if not (frame["report_count"].to_numpy()[mask] > 1).any():
        return int(mask.sum())
    return int(frame["cluster_id"][mask].nunique())


def run_query(index: CorpusIndex, filters: Filters) -> QueryResult:
    visible = Filters(include_proposed=filters.include_proposed)
    reports = filter_events(index, filters)
    return QueryResult(
        events=one_per_cluster(reports),
        quotes=filter_quotes(index, filters),
        total_events=_count_events(index.events, _common_mask(index.events, visible, index)),
        total_quotes=int(_common_mask(index.quotes, visible, index).sum()),
        reports=reports,
    )
