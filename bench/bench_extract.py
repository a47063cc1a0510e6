"""Extraction throughput (articles/second, median of several runs), one core and --jobs 2.

Corpora: the seed articles, and a synthetic corpus of N articles (default 10,000) of about 4 kB
made of shuffled sentences of the seeds (generated in memory, never shipped).

    python bench/bench_extract.py [--n 10000] [--runs 3] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.extract import Extractor  # noqa: E402
from corpus.loader import DEFAULT_DATA_DIR, collect  # noqa: E402

_EX = None


def _init(ex):
    global _EX
    _EX = ex


def _work(chunk):
    for text, pub in chunk:
        _EX.extract(text, pub)
    return len(chunk)


def synthetic(corpus, n: int, size: int = 4000, seed: int = 7) -> list[tuple[str, str | None]]:
    ex = Extractor.from_corpus(corpus)
    sentences = []
    for art in corpus.articles.values():
        doc = ex.doc(art.text)
        sentences += [art.text[s:e] for s, e in doc.sentences]
    rng = random.Random(seed)
    pubs = [a.published for a in corpus.articles.values()]
    out = []
    for _ in range(n):
        parts, total = [], 0
        while total < size:
            s = rng.choice(sentences)
            parts.append(s)
            total += len(s) + 1
        out.append((" ".join(parts), rng.choice(pubs)))
    return out


def run_once(ex, docs, jobs: int) -> tuple[float, float]:
    """(articles/s wall clock, articles/s of this process's CPU time — jobs=1 only, else 0)."""
    t0, c0 = time.perf_counter(), time.process_time()
    if jobs == 1:
        for text, pub in docs:
            ex.extract(text, pub)
    else:
        # the extractor reaches the workers once (initializer, inherited by fork); the articles
        # go in chunks, a few per worker round trip
        size = max(1, len(docs) // (jobs * 16))
        chunks = [docs[i:i + size] for i in range(0, len(docs), size)]
        with ProcessPoolExecutor(jobs, initializer=_init, initargs=(ex,)) as pool:
            sum(pool.map(_work, chunks))
    wall = len(docs) / (time.perf_counter() - t0)
    return wall, (len(docs) / (time.process_time() - c0) if jobs == 1 else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    corpus, _ = collect(DEFAULT_DATA_DIR)
    t0 = time.perf_counter()
    ex = Extractor.from_corpus(corpus)
    print(f"lexicon build: {time.perf_counter() - t0:.2f} s, {len(ex.lexicon.phrases)} phrases")
    seeds = [(a.text, a.published) for a in corpus.articles.values()]
    synth = synthetic(corpus, args.n)
    avg = sum(len(t) for t, _ in synth) / len(synth)
    print(f"synthetic corpus: {len(synth)} articles, mean {avg:.0f} chars")
    print("load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + f" ({os.cpu_count()} CPUs)")
    for label, docs, reps in (("seeds x40", seeds * 40, args.runs), (f"synthetic {len(synth)}", synth, args.runs)):
        for jobs in (1, args.jobs):
            runs = [run_once(ex, docs, jobs) for _ in range(reps)]
            rates = [w for w, _ in runs]
            cpu = f"; CPU-time rate {statistics.median(c for _, c in runs):.1f}/s" if jobs == 1 else ""
            print(f"{label:18} jobs={jobs}: {statistics.median(rates):8.1f} articles/s "
                  f"(median of {reps}: {', '.join(f'{r:.1f}' for r in rates)}{cpu})")
    print("load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
