"""Time and peak memory of reading .docx uploads, bombs included (issue 13, defect 4).

    .venv/bin/python bench/bench_docx.py [--runs 3] [--sizes 11,60,250]

Each case runs in a fresh subprocess (so its peak RSS is its own): a normal document, then
bombs of N MB of tiny paragraphs packed into a file under the 1 MB upload limit, and the same
bomb with its declared size patched to look small. Prints the file size, the outcome, the
median time, the peak RSS and how much of it the read added (the rest is the imports).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from tests.test_ingest import _docx_bytes, _lie_about_size, _rebuilt
from corpus import ingest
size, lie = int(sys.argv[2]), sys.argv[3] == "1"
raw = _rebuilt(_docx_bytes(), padding=size * 1_000_000) if size else _docx_bytes()
if lie:
    raw = _lie_about_size(raw, b"word/document.xml", 2000)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    outcome = f"read {len(ingest.from_bytes(raw, 'a.docx').text):,} chars"
except ingest.Refused as err:
    outcome = f"refused ({err.code})"
print(json.dumps({"bytes": len(raw), "outcome": outcome, "seconds": time.perf_counter() - start,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_before_mb": before / 1024}))
"""


def run(size: int, lie: bool) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(size), "1" if lie else "0"],
                         capture_output=True, text=True, timeout=900, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="11,60,250", help="bomb sizes in MB of XML")
    args = parser.parse_args()
    cases = [(0, False)] + [(int(s), lie) for s in args.sizes.split(",") for lie in (False, True)]
    print(f"{'case':28} {'file':>9} {'outcome':24} {'median s':>9} {'peak RSS':>10} {'read adds':>10}")
    for size, lie in cases:
        results = [run(size, lie) for _ in range(args.runs)]
        name = "normal document" if not size else f"bomb {size} MB XML" + (" (lying)" if lie else "")
        first = results[0]
        print(f"{name:28} {first['bytes']:>9,} {first['outcome']:24} "
              f"{statistics.median(r['seconds'] for r in results):>9.3f} "
              f"{max(r['rss_mb'] for r in results):>7.0f} MB "
              f"{max(r['rss_mb'] - r['rss_before_mb'] for r in results):>7.0f} MB")


if __name__ == "__main__":
    main()
