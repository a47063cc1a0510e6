"""Median time to load + validate the corpus and to run filters on it.

    python bench/bench_corpus.py [--runs 7] [--synthetic 100000]

With --synthetic N, the filters also run on an index of N generated events (copies of the
curated ones with shifted dates; generated in memory, never written).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.loader import DEFAULT_DATA_DIR, load_corpus  # noqa: E402
from corpus.models import Corpus  # noqa: E402
from corpus.query import Filters, build_index, run_query  # noqa: E402


def median_ms(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def synthetic(corpus: Corpus, n_events: int, seed: int = 7) -> Corpus:
    rng = random.Random(seed)
    base = list(corpus.events.values())
    events = {}
    for i in range(n_events):
        event = rng.choice(base)
        year = rng.randint(2006, 2025)
        date = f"{year}{event.date[4:]}" if event.date[5:] != "02-29" else f"{year}-02-28"
        events[f"syn-{i}"] = dataclasses.replace(event, id=f"syn-{i}", date=date)
    quotes = {}
    base_quotes = list(corpus.quotes.values())
    for i in range(n_events // 3):
        quote = rng.choice(base_quotes)
        quotes[f"synq-{i}"] = dataclasses.replace(quote, id=f"synq-{i}", event_id=None)
    return dataclasses.replace(corpus, events=events, quotes=quotes)


FILTERS = {
    "no filter": Filters(),
    "year 2025 + DZA": Filters(year_min=2025, year_max=2025, actors=("DZA",)),
    "text باماكو": Filters(text="باماكو"),
    "type AID + place mali": Filters(event_types=("AID",), places=("mali",)),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--synthetic", type=int, default=100_000)
    args = parser.parse_args()

    print(f"load + validate data/: {median_ms(lambda: load_corpus(DEFAULT_DATA_DIR), args.runs):.1f} ms (median of {args.runs})")
    corpus = load_corpus(DEFAULT_DATA_DIR)
    print(f"build index (seed corpus): {median_ms(lambda: build_index(corpus), args.runs):.1f} ms")
    index = build_index(corpus)
    for name, filters in FILTERS.items():
        print(f"filter [{name}] seed corpus ({len(index.events)} events): {median_ms(lambda f=filters: run_query(index, f), args.runs):.2f} ms")
    if args.synthetic:
        big = synthetic(corpus, args.synthetic)
        started = time.perf_counter()
        big_index = build_index(big)
        print(f"build index ({args.synthetic} events): {(time.perf_counter() - started) * 1000:.0f} ms")
        for name, filters in FILTERS.items():
            print(f"filter [{name}] {args.synthetic} events: {median_ms(lambda f=filters: run_query(big_index, f), args.runs):.1f} ms")


if __name__ == "__main__":
    main()
