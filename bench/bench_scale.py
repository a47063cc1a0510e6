"""Scale curve: for synthetic corpora of 10,000, 100,000 and 300,000 events (bench_app's
generator), in a fresh process each: time to load and index the corpus, the process's RSS once
indexed and its peak, and the median server-side rerun of each page after a filter change
(bench_app.rerun_ms: AppTest, a year range not seen before).

    python bench/bench_scale.py                       # 10k, 100k, 300k
    python bench/bench_scale.py --events 10000 100000 --runs 3

Prints figures; never asserts times. docs/SCALE.md reads them.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_one(data_dir: Path, runs: int) -> dict:
    """In this (fresh) process: load + index time, RSS, per-page reruns."""
    from bench.bench_app import rerun_ms
    from corpus.loader import collect
    from corpus.memory import release_freed_memory
    from corpus.query import build_index

    start = time.perf_counter()
    corpus, _ = collect(data_dir)
    index = build_index(corpus)
    load_s = time.perf_counter() - start
    del corpus
    release_freed_memory()  # as the app's LiveIndex does after a build
    rss_indexed = _rss_mb()
    events = len(index.events)
    del index
    pages = rerun_ms(data_dir, runs)  # the app's own cached load (with the geography) + reruns
    return {"events": events, "load_s": load_s, "rss_indexed_mb": rss_indexed,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "pages_ms": {page: (script, cpu) for page, (script, _, cpu) in pages.items()}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000, 300_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # child mode: measure this corpus
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one, args.runs)))
        return
    from bench.bench_app import make_corpus

    for count in args.events:
        tmp = Path(tempfile.mkdtemp(prefix="atlas-scale-"))
        try:
            make_corpus(tmp / "data", count)
            out = subprocess.run([sys.executable, __file__, "--one", str(tmp / "data"), "--runs", str(args.runs)],
                                 capture_output=True, text=True, check=False)
            if out.returncode:
                print(f"{count:,} events: failed: {out.stderr[-600:]}")
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            pages = " · ".join(f"{page} {ms:.0f} ms (CPU {cpu:.0f})" for page, (ms, cpu) in r["pages_ms"].items())
            print(f"{r['events']:,} events: load + index {r['load_s']:.1f} s · RSS indexed "
                  f"{r['rss_indexed_mb']:.0f} MB · peak {r['peak_rss_mb']:.0f} MB · rerun (median script wall, CPU) {pages}",
                  flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
