"""Save → visible: with N added articles in the store, how long the next rerun waits for a save
to show (the index updated in place, corpus/live_index.py), against the full rebuild it
replaces; and whether another session's rerun is held up while the update runs.

    python bench/bench_live.py [--articles 10000] [--saves 10] [--pg URL] [--curated-events 100000]

--curated-events N: a synthetic curated corpus of N events (bench_app.make_corpus) instead of
data/, to see the update's cost against a large index.

Prints medians (wall and the process's CPU time) and the peak RSS. PostgreSQL: --pg, else env
ATLAS_TEST_PG_URL (a fresh database is created and dropped), else SQLite only.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from bench.bench_store import BODY, fill, scratch_database  # noqa: E402
from corpus import ingest  # noqa: E402
from corpus.live_index import LiveIndex  # noqa: E402
from corpus.loader import DEFAULT_DATA_DIR, collect  # noqa: E402
from corpus.store import Store  # noqa: E402
from corpus.store.db import dispose_all  # noqa: E402


def _timed(call) -> tuple[float, float, object]:
    """(wall s, this thread's CPU s, result)."""
    wall, cpu = time.perf_counter(), time.thread_time()
    out = call()
    return time.perf_counter() - wall, time.thread_time() - cpu, out


def _save_one(store: Store, extractor, n: int) -> None:
    prepared = ingest.from_text(f"{BODY}({uuid.uuid4().hex} {n})\n")
    meta = ingest.metadata(prepared, published="2024-01-06")
    ingest.add(store, prepared, meta, ingest.propose(prepared, extractor, "2024-01-06"), {},
               user="bench", status="accepted")


def _update_while_reading(live: LiveIndex, store: Store) -> tuple[float, float, object, float]:
    """The saving session's rerun (waits for the update) and, while it runs, another session's
    rerun (must get the last snapshot at once): (wall, CPU, snapshot, the other's wait)."""
    fingerprint, result = store.fingerprint(), []
    updater = threading.Thread(target=lambda: result.append(_timed(lambda: live.get(store, fingerprint))))
    updater.start()
    while not live.busy() and updater.is_alive():
        time.sleep(0.0002)
    begin = time.perf_counter()
    live.get(store, fingerprint, wait=False)
    other = time.perf_counter() - begin
    updater.join()
    return (*result[0], other)


def run(name: str, url: str, extractor, count: int, saves: int, data: Path) -> None:
    print(f"{name}:")
    fill(url, count, extractor)
    store = Store.open(url)
    live = LiveIndex(data)
    wall, cpu, snapshot = _timed(lambda: live.get(store, store.fingerprint()))
    print(f"  full build with {count:,} added articles: {wall:.2f} s wall, {cpu:.2f} s CPU "
          f"({len(snapshot.index.events):,} events, {len(snapshot.index.quotes):,} quotes)")
    walls, cpus, readers, in_place = [], [], [], 0
    for n in range(saves):
        _save_one(store, extractor, n)
        wall, cpu, snapshot, other = _update_while_reading(live, store)
        walls.append(wall)
        cpus.append(cpu)
        readers.append(other)
        in_place += not snapshot.rebuilt
    print(f"  save → visible (update in place): median {statistics.median(walls) * 1000:.0f} ms wall, "
          f"{statistics.median(cpus) * 1000:.0f} ms CPU (n={saves}, max {max(walls) * 1000:.0f} ms; "
          f"{in_place} of {saves} in place)")
    print(f"  another session's rerun meanwhile waited: median {statistics.median(readers) * 1000:.1f} ms, "
          f"max {max(readers) * 1000:.1f} ms")
    wall, cpu, _ = _timed(lambda: LiveIndex(data).rebuild(store, store.fingerprint()))
    print(f"  the full rebuild it replaces: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"  peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", default=os.environ.get("ATLAS_TEST_PG_URL"))
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--curated-events", type=int, default=0)
    args = parser.parse_args()
    data = DEFAULT_DATA_DIR
    if args.curated_events:
        from bench.bench_app import make_corpus

        data = make_corpus(Path(tempfile.mkdtemp(prefix="atlas-live-")) / "data", args.curated_events)
    from corpus.extract import Extractor

    extractor = Extractor.from_corpus(collect(DEFAULT_DATA_DIR)[0])
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", f"sqlite:///{tmp}/bench.sqlite", extractor, args.articles, args.saves, data)
    dispose_all()
    if not args.pg:
        print("PostgreSQL: skipped (no --pg or ATLAS_TEST_PG_URL)")
        return 0
    with scratch_database(args.pg) as url:
        run("PostgreSQL", url, extractor, args.articles, args.saves, data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
