"""Where the index's memory goes: for a synthetic corpus of N events (bench_app's generator),
in a fresh process, the RSS after the imports, after loading, after indexing (records freed)
and after `release_freed_memory`, the size of each part of the index, and how much of the
small-object allocator's arenas is still in use.

    python bench/bench_memory.py                  # 100,000 events
    python bench/bench_memory.py --events 10000

Prints figures; never asserts. docs/SCALE.md ("Memory at 100,000 events") reads them.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _status(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _arenas() -> str:
    """pymalloc's arenas in use and the bytes of live small objects (sys._debugmallocstats)."""
    read, write = os.pipe()
    saved = os.dup(2)
    os.dup2(write, 2)
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(write)
    with os.fdopen(read) as handle:
        lines = handle.read().splitlines()
    arenas = next((int(line.split()[-1]) for line in lines if "arenas allocated current" in line), 0)
    used = next((int(line.split()[-1].replace(",", "")) for line in lines if "bytes in allocated blocks" in line), 0)
    return f"{arenas} arenas of 1 MB, {used / 1e6:.0f} MB of small objects in use"


def _column_mb(series) -> float:
    import pandas as pd

    if isinstance(series.dtype, pd.CategoricalDtype):
        return (series.cat.codes.to_numpy().nbytes + series.cat.categories.array.nbytes) / 1e6
    return series.memory_usage(index=False, deep=True) / 1e6


def parts(index) -> dict[str, float]:
    from corpus.query import TEXT_COLUMNS

    out = {}
    for name in ("events", "quotes"):
        frame = getattr(index, name)
        out[f"{name}: text columns"] = sum(_column_mb(frame[c]) for c in frame.columns if c in TEXT_COLUMNS)
        out[f"{name}: other columns"] = sum(_column_mb(frame[c]) for c in frame.columns if c not in TEXT_COLUMNS)
    for name in ("event_search", "quote_search"):
        keys = getattr(index, name)
        out[name] = (sys.getsizeof(keys.text) + keys.starts.nbytes) / 1e6
    mentions = index.mentions_by_article
    out["mentions"] = sum(getattr(c, "codes", c).nbytes + getattr(getattr(c, "values", None), "nbytes", 0)
                          for c in getattr(mentions, "_columns", {}).values()) / 1e6
    out["article texts"] = sum(sys.getsizeof(a.text) for a in index.corpus.articles.values()) / 1e6
    return out


def measure(data_dir: Path) -> None:
    before = _status("VmRSS")
    from corpus.loader import collect
    from corpus.memory import release_freed_memory
    from corpus.query import build_index

    imported = _status("VmRSS")
    corpus, _ = collect(data_dir)
    loaded = _status("VmRSS")
    index = build_index(corpus)
    del corpus
    gc.collect()
    indexed, arenas = _status("VmRSS"), _arenas()
    release_freed_memory()
    print(f"{len(index.events):,} events: RSS {before:.0f} MB bare · {imported:.0f} imports · {loaded:.0f} loaded · "
          f"{indexed:.0f} indexed · {_status('VmRSS'):.0f} after release_freed_memory · peak {_status('VmHWM'):.0f}")
    print(f"  allocator once indexed: {arenas}")
    for name, mb in parts(index).items():
        print(f"  {name}: {mb:.1f} MB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # child mode: measure this corpus
    args = parser.parse_args(argv)
    if args.one:
        measure(args.one)
        return
    from bench.bench_app import make_corpus

    tmp = Path(tempfile.mkdtemp(prefix="atlas-memory-"))
    try:
        make_corpus(tmp / "data", args.events)
        subprocess.run([sys.executable, __file__, "--one", str(tmp / "data")], check=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
