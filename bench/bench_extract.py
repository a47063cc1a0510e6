"""Extraction throughput (articles/second and articles/second per core, median of several runs),
one process and --jobs 2.

Corpora: the seed articles, and a synthetic corpus of N articles (default 10,000) of about 4 kB
made of shuffled sentences of the seeds (generated in memory, never shipped).

    python bench/bench_extract.py [--n 10000] [--runs 3] [--jobs 2] [--profile]

"per core" is the wall-clock rate divided by the number of processes; with one process the
CPU-time rate is printed too (what a core gives when the machine is shared). `--profile` runs
cProfile over one pass of the synthetic corpus and prints the cumulative time per module.
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
    ap.add_argument("--profile", action="store_true", help="cProfile one pass, time per module")
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
            rate = statistics.median(rates)
            print(f"{label:18} jobs={jobs}: {rate:8.1f} articles/s, {rate / jobs:7.1f} per core "
                  f"(median of {reps}: {', '.join(f'{r:.1f}' for r in rates)}{cpu})")
    print("load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    if args.profile:
        profile_by_module(ex, synth)


def profile_by_module(ex, docs, top: int = 12) -> None:
    """cProfile over one pass; own time summed per module (where the time is really spent)."""
    import cProfile
    import pstats
    from collections import Counter

    prof = cProfile.Profile()
    prof.runcall(lambda: [ex.extract(t, p) for t, p in docs])
    stats = pstats.Stats(prof).stats
    by_module, total = Counter(), 0.0
    for (filename, _line, _func), (_cc, _nc, own, _cum, _callers) in stats.items():
        by_module[_module_of(filename)] += own
        total += own
    print(f"profile: {len(docs)} articles, {total:.2f} s own time")
    for module, own in by_module.most_common(top):
        print(f"  {own / total:6.1%} {own:7.2f} s  {module}")
    steps = {name: cum for (filename, _line, name), (_cc, _nc, _own, cum, _callers) in stats.items()
             if name in PIPELINE_STEPS and "extract" in filename}
    print("per pipeline step (cumulative): " + ", ".join(
        f"{name} {cum / total:.0%}" for name, cum in sorted(steps.items(), key=lambda kv: -kv[1])))
    print("top functions (own time):")
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


PIPELINE_STEPS = ("make_doc", "sentencize", "find_dates", "resolve_entities_with_states", "find_quotes", "find_events")


def _module_of(filename: str) -> str:
    if filename == "~":
        return "built-ins (str, re, list… called from all steps)"
    path = Path(filename)
    if "corpus" in path.parts:
        return "/".join(path.parts[path.parts.index("corpus"):])
    return filename if filename.startswith("<") else path.name


if __name__ == "__main__":
    main()
