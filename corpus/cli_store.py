"""Sub-commands over the database: `add`, `stats`, `export` (registered with corpus.cli)."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys
from pathlib import Path

from corpus import ingest
from corpus.cli import command
from corpus.loader import DEFAULT_DATA_DIR, collect
from corpus.models import STATUSES, Corpus
from corpus.textcheck import curated_hashes

EXIT_REFUSED = 3


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", default=None,
                        help="database URL (default: env ATLAS_DATABASE_URL, else the SQLite "
                             "file in ATLAS_STATE_DIR or <repo>/var/)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR,
                        help="curated data directory")


def _published(value: str) -> str:
    try:
        ingest.date_precision(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from err
    return value


def _configure_add(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _db_option(parser)
    parser.add_argument("--published", type=_published, help="publication date YYYY-MM-DD")
    parser.add_argument("--title")
    parser.add_argument("--outlet")
    parser.add_argument("--url")
    parser.add_argument("--language", choices=("ar", "fr", "en"),
                        help="article language (default: guessed from the text)")


def make_extractor(corpus: Corpus):
    """The real extractor over the curated gazetteer; None (with a warning) if missing."""
    try:
        from corpus.extract import Extractor
    except ImportError as err:
        print(f"warning: no extractor available ({err}); storing articles without proposals",
              file=sys.stderr)
        return None
    return Extractor.from_corpus(corpus)


def _proposals(prepared: ingest.Prepared, extractor, published: str | None, path: Path) -> list:
    """The extractor's proposals, or none (with a warning) when it fails on this text: the
    article is still stored, its items can be added by hand."""
    if extractor is None:
        return []
    try:
        return ingest.propose(prepared, extractor, published)
    except Exception as err:  # noqa: BLE001 - an engine bug must not stop the batch
        print(f"warning: the extractor failed on {path} ({type(err).__name__}); "
              "stored without proposals", file=sys.stderr)
        return []


@command("add", "store article files with their extracted proposals (status proposed)",
         _configure_add)
def add(args: argparse.Namespace) -> int:
    """One line per file; a database that cannot be written (locked, read-only, unreachable)
    refuses that file in one line and the batch goes on (exit 3, as for any refusal)."""
    from corpus.store import Store
    from corpus.store.errors import DATABASE_ERRORS, describe

    base, _problems = collect(args.data)
    curated = curated_hashes(base)
    try:
        store = Store.open(args.db)
    except DATABASE_ERRORS as err:
        for path in args.files:
            print(f"refused {path}: {describe(err)}")
        return EXIT_REFUSED
    extractor = make_extractor(base)
    user = f"cli:{getpass.getuser()}"
    refused = 0
    for path in args.files:
        try:
            try:
                raw = path.read_bytes()
            except OSError as err:
                raise ingest.Refused("unreadable", f"cannot read the file ({err.strerror})") from err
            prepared = ingest.from_bytes(raw, path.name, source=None, url=None)
            prepared = dataclasses.replace(prepared, source="cli")
            ingest.check_new(prepared, curated, store)
            meta = ingest.metadata(prepared, title=args.title, outlet=args.outlet, url=args.url,
                                   published=args.published, language=args.language)
            items = _proposals(prepared, extractor, args.published, path)
            article = ingest.add(store, prepared, meta, items, curated, user=user)
        except ingest.Refused as err:
            refused += 1
            print(f"refused {path}: {err.message}")
            continue
        except DATABASE_ERRORS as err:
            refused += 1
            print(f"refused {path}: {describe(err)}", flush=True)
            continue
        print(f"added {article.id}", flush=True)
    return EXIT_REFUSED if refused else 0


@command("stats", "count articles, events, quotes, places and actors (curated and added, "
         "by status)", _db_option)
def stats(args: argparse.Namespace) -> int:
    from corpus.store import Store
    from corpus.store.errors import DATABASE_ERRORS, describe

    base, _problems = collect(args.data)
    try:
        added = Store.open(args.db).stats()
    except DATABASE_ERRORS as err:
        print(f"error: {describe(err)}", file=sys.stderr)
        return 1
    curated = {
        "articles": [a.status for a in base.articles.values()],
        "events": [e.status for e in base.events.values()],
        "quotes": [q.status for q in base.quotes.values()],
        "places": [m.status for m in base.mentions if m.kind == "place"],
        "actors": [m.status for m in base.mentions if m.kind == "actor"],
    }
    kinds = {"articles": "articles", "events": "event", "quotes": "quote",
             "places": "place", "actors": "actor"}
    statuses = STATUSES
    print(f"{'':10} {'origin':8} " + " ".join(f"{s:>9}" for s in statuses) + f" {'total':>7}")
    for name, key in kinds.items():
        cur = {s: curated[name].count(s) for s in statuses}
        add_ = {s: added.get(key, {}).get(s, 0) for s in statuses}
        for origin, counts in (("curated", cur), ("added", add_)):
            cells = " ".join(f"{counts[s]:>9}" for s in statuses)
            print(f"{name:10} {origin:8} {cells} {sum(counts.values()):>7}")
    print("(places and actors count mentions in the text; the gazetteer has "
          f"{len(base.places)} places and {len(base.actors)} actors)")
    return 0


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", type=Path, required=True, metavar="DIR",
                        help="new directory: data/ plus the accepted additions")
    _db_option(parser)


@command("export", "write the curated data plus the database's accepted additions to DIR "
         "(data/ format; validates on its own)", _configure_export)
def export(args: argparse.Namespace) -> int:
    from corpus.store.errors import DATABASE_ERRORS, describe
    from corpus.store.export_data import export as run_export

    try:
        report = run_export(args.to, args.data, args.db)
    except FileExistsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except DATABASE_ERRORS as err:
        print(f"error: {describe(err)}", file=sys.stderr)
        return 1
    for name, count in report.counts.items():
        print(f"added {name}: {count}")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.problems:
        print(f"{len(report.problems)} problem(s) in {args.to}", file=sys.stderr)
        return 1
    print(f"wrote {args.to}")
    return 0
