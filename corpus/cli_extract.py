"""`python -m corpus extract` and `python -m corpus evaluate` (registered on import)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from corpus.cli import command
from corpus.loader import DEFAULT_DATA_DIR

_WORKER = None


def _configure_extract(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="article text files or directories")
    parser.add_argument("--published", help="publication date YYYY[-MM[-DD]] for relative dates")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="one JSON object per file (a list when several)")
    out.add_argument("--jsonl", action="store_true", help="stream one JSON line per article")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (batch mode)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data directory (lexicons)")


def _files(paths: list[Path]) -> list[Path]:
    out = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith(".")))
        else:
            out.append(p)
    return out


def _build(data_dir: Path):
    from corpus.extract import Extractor
    from corpus.loader import collect

    corpus, _ = collect(data_dir)
    published = {}
    for art in corpus.articles.values():
        if art.published:
            published[art.id] = art.published
            published[art.sha256] = art.published
    return Extractor.from_corpus(corpus), published


def _init_worker(extractor, published, as_line: bool = False) -> None:
    """Runs once per worker process: the extractor (built once in the parent) is inherited by
    fork, not rebuilt; `as_line` makes the worker hand back the JSON line itself, so the
    encoding runs in parallel and the parent only writes strings."""
    global _WORKER
    _WORKER = (extractor, published, as_line)


def _run_one(job: tuple[str, str | None]) -> tuple[str, dict | None, str | None]:
    import hashlib

    path, published = job
    extractor, known, as_line = _WORKER
    try:
        raw = Path(path).read_bytes()
        if b"\x00" in raw:
            raise ValueError("binary file (NUL bytes)")
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as err:
        return path, None, f"{type(err).__name__}: {err}"
    pub = published or known.get(Path(path).stem) or known.get(hashlib.sha256(raw).hexdigest())
    try:
        result = extractor.extract(text, pub)
    except Exception as err:  # noqa: BLE001 - one bad file never stops the batch
        return path, None, f"extraction failed: {type(err).__name__}: {err}"
    obj = {"file": path, **result}
    if as_line:
        return path, json.dumps(obj, ensure_ascii=False) + "\n", None
    return path, obj, None


class _Progress:
    def __init__(self, total: int):
        self.total = total
        self.done = 0
        self.on = sys.stderr.isatty() and total > 1

    def step(self) -> None:
        self.done += 1
        if self.on:
            width = 30
            filled = int(width * self.done / self.total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.on:
            sys.stderr.write("\n")


@command("extract", "extract dates, places, actors, quotes and events from article files", _configure_extract)
def extract_cmd(args: argparse.Namespace) -> int:
    files = _files(args.paths)
    if not files:
        print("no files to extract", file=sys.stderr)
        return 2
    extractor, known = _build(args.data)
    jobs = [(str(f), args.published) for f in files]
    failures = 0
    results = []
    progress = _Progress(len(jobs))

    def handle(item) -> None:
        nonlocal failures
        path, result, error = item
        progress.step()
        if error:
            failures += 1
            print(f"{path}: skipped: {error}", file=sys.stderr)
            return
        if args.jsonl:
            sys.stdout.write(result if isinstance(result, str) else json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            results.append(result)

    n_jobs = max(1, min(args.jobs, len(jobs), os.cpu_count() or 1))
    if n_jobs == 1:
        _init_worker(extractor, known, args.jsonl)
        for job in jobs:
            handle(_run_one(job))
    else:
        # chunks of jobs per task (few round trips), small enough to keep the workers busy to
        # the end and the output streaming
        chunksize = max(1, min(64, len(jobs) // (n_jobs * 8)))
        with ProcessPoolExecutor(n_jobs, initializer=_init_worker,
                                 initargs=(extractor, known, args.jsonl)) as pool:
            for item in pool.map(_run_one, jobs, chunksize=chunksize):
                handle(item)
    progress.close()
    if not args.jsonl:
        payload = results[0] if len(files) == 1 and results else results
        print(json.dumps(payload, ensure_ascii=False, indent=None if not args.json else 1))
    if failures:
        print(f"{failures} file(s) failed, {len(files) - failures} extracted", file=sys.stderr)
        return 1
    return 0


def _configure_evaluate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", type=Path, metavar="DIR",
                        help="score on a gold folder (articles/<id>.txt + ann/<id>.json, the dev-set "
                             "format) instead of the curated seeds")
    parser.add_argument("--verbose", action="store_true", help="with --gold: list every miss and false hit")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data directory")
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser baseline")
    parser.add_argument("--extras-only", action="store_true",
                        help="build the actor lexicon from corpus/lexicon only, not data/actors.jsonl")


@command("evaluate", "score the extractor against the curated annotations or a gold folder", _configure_evaluate)
def evaluate_cmd(args: argparse.Namespace) -> int:
    if args.gold:
        return _evaluate_gold(args)
    from corpus.evaluate import evaluate, format_table

    result = evaluate(args.data, with_dateparser=not args.no_dateparser,
                      curated_actors=not args.extras_only)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(format_table(result))
    return 0


def _evaluate_gold(args: argparse.Namespace) -> int:
    from corpus.evaluate_gold import GoldError, evaluate_gold, format_details, format_gold_table

    extractor = None if args.data == DEFAULT_DATA_DIR else _build(args.data)[0]
    try:
        result = evaluate_gold(args.gold, extractor)
    except GoldError as err:
        print(f"evaluate: {err}", file=sys.stderr)
        return 2
    if not args.verbose:
        result.pop("details")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    if args.verbose:
        print(format_details(result))
    print(format_gold_table(result))
    return 0
