"""Load the `data/` directory into a validated Corpus, or report every problem as file:row."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from corpus import clusters, plover
from corpus.dates import date_problem, partial_problem
from corpus.models import (
    ACTOR_KINDS,
    GLOSS_FIELDS,
    MENTION_KINDS,
    ORIGINS,
    PLACE_KINDS,
    QUOTE_KINDS,
    STATUSES,
    Actor,
    Article,
    Corpus,
    Event,
    Mention,
    Place,
    Quote,
)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FILES = ("articles", "actors", "places", "events", "quotes", "mentions")
_TUPLE_FIELDS = {"aliases_ar", "aliases_lat", "variants_ar", "variants_lat", "tags"}


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    row: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.reason}"


class CorpusError(Exception):
    """The data directory is invalid; `problems` lists every file:row: reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, slots=True)
class Row:
    file: str
    line: int
    data: Mapping[str, Any]

    def where(self) -> Row:
        """The same position without the parsed data (kept for messages, not the memory)."""
        return Row(self.file, self.line, _NO_DATA)


_NO_DATA: Mapping[str, Any] = MappingProxyType({})  # shared by every `where()`: 100,000 rows, one dict


# Short values repeated on every row (ids, kinds, statuses): one shared copy each. At 100,000
# events this saves tens of MB over json's fresh strings.
_INTERNED = {
    "id", "article_id", "kind", "ref", "speaker", "language", "event_type", "actor1", "actor2",
    "place_id", "origin", "status", "event_id", "country", "admin1", "affiliation", "date",
}


def _intern_values(data: dict[str, Any]) -> dict[str, Any]:
    return {
        key: sys.intern(value) if key in _INTERNED and isinstance(value, str) and len(value) < 64 else value
        for key, value in data.items()
    }


def read_jsonl(path: Path, problems: list[Problem], comments: bool = False) -> Iterator[Row]:
    """Yield the JSON objects of a JSON Lines file one line at a time (streamed, so a large file
    never sits in memory whole); record unreadable lines as problems. The one JSON Lines reader:
    blank lines are skipped, and with `comments` lines starting with `//` (the shipped lexicons)."""
    name = path.name
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        problems.append(Problem(name, 0, "file is missing"))
        return
    with handle:
        for line_no, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                problems.append(Problem(name, line_no, f"bad encoding: not UTF-8 ({err.reason} at byte {err.start})"))
                continue
            if not line.strip() or comments and line.lstrip().startswith("//"):
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                problems.append(Problem(name, line_no, f"invalid JSON: {err.msg}"))
                continue
            if not isinstance(data, dict):
                problems.append(Problem(name, line_no, "a line must be a JSON object"))
                continue
            yield Row(name, line_no, data)


def jsonl_records(path: Path, comments: bool = False) -> list[dict]:
    """Every object of a JSON Lines file, or ValueError naming `file:line: reason` of each bad
    line (nothing skipped silently): `read_jsonl` for files that must be whole."""
    problems: list[Problem] = []
    rows = [dict(row.data) for row in read_jsonl(path, problems, comments)]
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    return rows


def build_record(cls: type, row: Row, problems: list[Problem]) -> Any | None:
    """Make a dataclass record from a row, reporting missing and unknown fields."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(row.data) - set(fields))
    if unknown:
        problems.append(Problem(row.file, row.line, f"unknown field(s): {', '.join(unknown)}"))
        return None
    missing = [
        name
        for name, f in fields.items()
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        and name not in row.data
    ]
    if missing:
        problems.append(Problem(row.file, row.line, f"missing field(s): {', '.join(missing)}"))
        return None
    values = {
        k: tuple(v) if k in _TUPLE_FIELDS and isinstance(v, list) else v
        for k, v in _intern_values(row.data).items()
    }
    try:
        return cls(**values)
    except TypeError as err:
        problems.append(Problem(row.file, row.line, f"bad record: {err}"))
        return None


def load_articles(data_dir: Path, problems: list[Problem]) -> dict[str, tuple[Article, Row]]:
    articles: dict[str, tuple[Article, Row]] = {}
    for row in read_jsonl(data_dir / "articles.jsonl", problems):
        data = dict(row.data)
        file_name = data.get("file") or f"articles/{data.get('id')}.txt"
        path = data_dir / file_name
        try:
            raw = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            problems.append(Problem(row.file, row.line, f"missing article file {file_name}"))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            problems.append(Problem(row.file, row.line, f"bad encoding in {file_name}: not UTF-8 ({err.reason} at byte {err.start})"))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if data.get("sha256") and data["sha256"] != digest:
            problems.append(Problem(row.file, row.line, f"sha256 of {file_name} does not match (file changed?)"))
            continue
        data.update(text=text, sha256=digest, file=file_name)
        article = build_record(Article, Row(row.file, row.line, data), problems)
        if article is None:
            continue
        if article.id in articles:
            problems.append(Problem(row.file, row.line, f"duplicate id {article.id!r}"))
            continue
        articles[article.id] = (article, row.where())
    return articles


def load_table(data_dir: Path, name: str, cls: type, problems: list[Problem]) -> list[tuple[Any, Row]]:
    records = []
    for row in read_jsonl(data_dir / f"{name}.jsonl", problems):
        record = build_record(cls, row, problems)
        if record is not None:
            records.append((record, row.where()))
    return records


def index_unique(records: list[tuple[Any, Row]], problems: list[Problem]) -> dict[str, tuple[Any, Row]]:
    by_id: dict[str, tuple[Any, Row]] = {}
    for record, row in records:
        if record.id in by_id:
            problems.append(Problem(row.file, row.line, f"duplicate id {record.id!r}"))
        else:
            by_id[record.id] = (record, row)
    return by_id


def check_span(record: Any, row: Row, articles: dict[str, Any], problems: list[Problem]) -> None:
    article = articles.get(record.article_id)
    if article is None:
        problems.append(Problem(row.file, row.line, f"unknown article {record.article_id!r}"))
        return
    text = article.text
    if not (isinstance(record.start, int) and isinstance(record.end, int) and 0 <= record.start < record.end <= len(text)):
        problems.append(Problem(row.file, row.line, f"span {record.start}-{record.end} outside the article (length {len(text)})"))
        return
    if text[record.start:record.end] != record.text:
        found = text[record.start:record.end]
        problems.append(Problem(row.file, row.line, f"span text mismatch at {record.start}-{record.end}: expected {record.text[:40]!r}, the article has {found[:40]!r}"))


def check_ref(value: str | None, known: dict[str, Any], what: str, row: Row, problems: list[Problem]) -> None:
    if value is not None and value not in known:
        problems.append(Problem(row.file, row.line, f"unknown {what} {value!r}"))


def check_choice(value: Any, allowed: tuple, what: str, row: Row, problems: list[Problem]) -> None:
    if value not in allowed:
        problems.append(Problem(row.file, row.line, f"invalid {what} {value!r} (expected one of {', '.join(map(str, allowed))})"))


def check_optional_text(value: Any, what: str, row: Row, problems: list[Problem]) -> None:
    if value is not None and not isinstance(value, str):
        problems.append(Problem(row.file, row.line, f"{what} must be a string or null, not {type(value).__name__}"))


def check_actor(actor: Actor, row: Row, actors: dict, problems: list[Problem]) -> None:
    check_choice(actor.kind, ACTOR_KINDS, "actor kind", row, problems)
    check_ref(actor.affiliation, actors, "affiliation actor", row, problems)


def check_place(place: Place, row: Row, problems: list[Problem]) -> None:
    check_choice(place.kind, PLACE_KINDS, "place kind", row, problems)
    check_choice(place.geo_precision, tuple(range(1, 8)), "geo precision", row, problems)
    if place.lat is not None and not (-90 <= place.lat <= 90 and -180 <= (place.lon or 0) <= 180):
        problems.append(Problem(row.file, row.line, f"coordinates out of range: {place.lat}, {place.lon}"))


def event_type_problem(value: Any) -> str:
    """Why `value` is not a PLOVER event type, naming the field (and the fix for a case slip)."""
    if not value:
        return "missing event type: event_type is required (a PLOVER type such as AID)"
    hint = f" — did you mean {str(value).upper()!r}?" if plover.is_event_type(str(value).upper()) else ""
    return (f"unknown event type {value!r}{hint} (event_type must be one of "
            f"{', '.join(plover.EVENT_TYPES)})")


def check_event(event: Event, row: Row, ctx: dict, problems: list[Problem]) -> None:
    check_span(event, row, ctx["articles"], problems)
    if not plover.is_event_type(event.event_type):
        problems.append(Problem(row.file, row.line, event_type_problem(event.event_type)))
    reason = date_problem(event.date, event.date_precision)
    if reason:
        problems.append(Problem(row.file, row.line, reason))
    check_ref(event.actor1, ctx["actors"], "actor", row, problems)
    check_ref(event.actor2, ctx["actors"], "actor", row, problems)
    check_ref(event.place_id, ctx["places"], "place", row, problems)
    if event.geo_precision is not None:
        check_choice(event.geo_precision, tuple(range(1, 8)), "geo precision", row, problems)
    check_choice(event.origin, ORIGINS, "origin", row, problems)
    check_choice(event.status, STATUSES, "status", row, problems)
    check_ref(event.responds_to, ctx["events"], "event (responds_to)", row, problems)
    if reason := clusters.link_problem(event, ctx["events"]):
        problems.append(Problem(row.file, row.line, reason))


def check_quote(quote: Quote, row: Row, ctx: dict, problems: list[Problem]) -> None:
    check_span(quote, row, ctx["articles"], problems)
    check_choice(quote.kind, QUOTE_KINDS, "quote kind", row, problems)
    check_ref(quote.speaker, ctx["actors"], "speaker actor", row, problems)
    check_ref(quote.event_id, ctx["events"], "event", row, problems)
    for name in GLOSS_FIELDS:
        check_optional_text(getattr(quote, name), name, row, problems)
    if quote.date is not None:
        reason = date_problem(quote.date, quote.date_precision)
        if reason:
            problems.append(Problem(row.file, row.line, reason))
    check_choice(quote.origin, ORIGINS, "origin", row, problems)
    check_choice(quote.status, STATUSES, "status", row, problems)


def check_mention(mention: Mention, row: Row, ctx: dict, problems: list[Problem]) -> None:
    check_span(mention, row, ctx["articles"], problems)
    check_choice(mention.kind, MENTION_KINDS, "mention kind", row, problems)
    if mention.kind == "place":
        check_ref(mention.ref, ctx["places"], "place", row, problems)
    elif mention.kind == "actor":
        check_ref(mention.ref, ctx["actors"], "actor", row, problems)
    elif mention.kind == "date" and mention.ref is not None:
        reason = partial_problem(mention.ref)
        if reason:
            problems.append(Problem(row.file, row.line, reason))


def check_record(record: Event | Quote | Mention, row: Row, ctx: dict, problems: list[Problem]) -> None:
    """The checks of one event, quote or mention (the loader's rules, also used on save)."""
    if isinstance(record, Event):
        check_event(record, row, ctx, problems)
    elif isinstance(record, Quote):
        check_quote(record, row, ctx, problems)
    else:
        check_mention(record, row, ctx, problems)


def check_article(article: Article, row: Row, problems: list[Problem]) -> None:
    if article.published is not None:
        reason = date_problem(article.published, article.published_precision)
        if reason:
            problems.append(Problem(row.file, row.line, f"published: {reason}"))
    evidence = article.published_evidence
    if evidence and "start" in evidence:
        start, end = evidence.get("start"), evidence.get("end")
        if article.text[start:end] != evidence.get("text"):
            problems.append(Problem(row.file, row.line, f"published_evidence span text mismatch at {start}-{end}"))


def collect(data_dir: Path) -> tuple[Corpus, list[Problem]]:
    """Read and check everything; return the corpus built from valid rows and all problems."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    if not data_dir.is_dir():
        return Corpus(), [Problem(str(data_dir), 0, "data directory does not exist")]
    articles = load_articles(data_dir, problems)
    actors = index_unique(load_table(data_dir, "actors", Actor, problems), problems)
    places = index_unique(load_table(data_dir, "places", Place, problems), problems)
    events = index_unique(load_table(data_dir, "events", Event, problems), problems)
    quotes = index_unique(load_table(data_dir, "quotes", Quote, problems), problems)
    mentions = load_table(data_dir, "mentions", Mention, problems)
    ctx = {
        "articles": {k: a for k, (a, _) in articles.items()},
        "actors": {k: a for k, (a, _) in actors.items()},
        "places": {k: p for k, (p, _) in places.items()},
        "events": {k: e for k, (e, _) in events.items()},
    }
    for article, row in articles.values():
        check_article(article, row, problems)
    for actor, row in actors.values():
        check_actor(actor, row, ctx["actors"], problems)
    for place, row in places.values():
        check_place(place, row, problems)
    for event, row in events.values():
        check_event(event, row, ctx, problems)
    for quote, row in quotes.values():
        check_quote(quote, row, ctx, problems)
    for mention, row in mentions:
        check_mention(mention, row, ctx, problems)
    corpus = Corpus(
        articles=ctx["articles"],
        actors=ctx["actors"],
        places=ctx["places"],
        events=ctx["events"],
        quotes={k: q for k, (q, _) in quotes.items()},
        mentions=[m for m, _ in mentions],
    )
    return corpus, problems


def validate_dir(data_dir: Path | str = DEFAULT_DATA_DIR) -> list[Problem]:
    return collect(Path(data_dir))[1]


EXTRA_PLACES = Path(__file__).resolve().parent / "lexicon" / "places_extra.jsonl"
_PLACE_FIELDS = frozenset(f.name for f in dataclasses.fields(Place))


@functools.cache
def extra_places() -> Mapping[str, Place]:
    """The extraction engine's wider gazetteer (towns, wells, border posts and areas beyond the
    curated data/places.jsonl; sources in corpus/lexicon/gazetteer_src.txt) as Places, so a place
    an added article names there keeps its id and coordinates and reaches the map."""
    out = {}
    for row in jsonl_records(EXTRA_PLACES, comments=True):
        if row.get("extends"):  # more spellings of a curated place: nothing new to show
            continue
        fields = {k: v for k, v in row.items() if k in _PLACE_FIELDS}
        fields["variants_ar"] = tuple(fields.get("variants_ar") or ())
        fields["variants_lat"] = tuple(fields.get("variants_lat") or ())
        out[fields["id"]] = Place(**fields)
    return MappingProxyType(out)


def load_corpus(data_dir: Path | str = DEFAULT_DATA_DIR) -> Corpus:
    """The validated corpus; raises CorpusError listing every problem."""
    corpus, problems = collect(Path(data_dir))
    if problems:
        raise CorpusError(problems)
    return corpus
