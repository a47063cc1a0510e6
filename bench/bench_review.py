"""Peak memory and time of reviewing a long unpunctuated paste (issue 13, defect 3).

    .venv/bin/python bench/bench_review.py [--kb 37,1000] [--runs 3] [--limit-mb 4000]

The same code path as the Add-article page (components/review.py): ingest.from_text → the
extractor built from the curated corpus → ingest.propose → for each kind the review table's
rows (proposals.rows_for) and its DataFrame, and the sentences' HTML (proposals.sentence_html).
With --page the real page runs through AppTest (paste, "Read", extraction, tables): its peak
RSS is the closest to a server's, the time is the whole rerun. The paste is Arabic news words with names the gazetteer knows, and no punctuation and no line
break at all: one "sentence" as long as the text. Each size runs in a fresh subprocess (its
peak RSS is its own; an address-space limit keeps a runaway case from taking the machine).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORDS = ("الجزائر مالي باماكو كيدال تمنراست الحدود وزير الخارجية الرئيس قال أعلن يوم الأحد "
         "اجتماع اللجنة الثنائية المشتركة في العاصمة مع نظيره المالي حول الوضع الأمني شمال "
         "جانفي 2024 الحركات المسلحة اتفاق السلام والمصالحة الجيش المالي فاغنر النيجر موريتانيا "
         "الساحل استدعاء السفير احتجاج الحكومة الانتقالية").split()

CHILD = r"""
import json, random, resource, sys, time
root, size_kb, limit_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, root)
resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))
from bench.bench_review import WORDS
import pandas as pd
from corpus import ingest
from corpus.extract import Extractor
from corpus.loader import collect
from corpus.store.proposals import review_page, rows_for, sentence_html
from corpus.models import ITEM_KINDS

rng = random.Random(13)
words, size = [], 0
while size < size_kb * 1000 - 20:
    word = rng.choice(WORDS)
    words.append(word)
    size += len(word.encode()) + 1
text = " ".join(words)
extractor = Extractor.from_corpus(collect(root + "/data")[0])
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
base = rss()
t0 = time.perf_counter()
prepared = ingest.from_text(text)
items = ingest.propose(prepared, extractor)
t1 = time.perf_counter()
after_extract = rss()
cells = 0
for kind in ITEM_KINDS:
    rows = rows_for(review_page(items, kind, 0)[1], kind, prepared.text)  # the first page
    if rows:
        frame = pd.DataFrame(rows)
        cells += int(frame.memory_usage(deep=True).sum())
        html = "<br>".join(sentence_html(prepared.text, r["start"], r["end"]) for r in rows)
        cells += len(html)
t2 = time.perf_counter()
print(json.dumps({"bytes": len(text.encode()), "items": len(items), "extract_s": t1 - t0,
                  "review_s": t2 - t1, "rss_start_mb": base, "rss_extract_mb": after_extract,
                  "rss_peak_mb": rss(), "table_mb": cells / 1e6}))
"""


PAGE_CHILD = r"""
import json, os, random, resource, sys, tempfile, time
root, size_kb, limit_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, root)
resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))
os.environ["ATLAS_STATE_DIR"] = tempfile.mkdtemp()
os.environ.pop("ATLAS_DATABASE_URL", None)
from streamlit.testing.v1 import AppTest
from bench.bench_review import WORDS
rng = random.Random(13)
words, size = [], 0
while size < size_kb * 1000 - 20:
    word = rng.choice(WORDS)
    words.append(word)
    size += len(word.encode()) + 1
text = " ".join(words)
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
at = AppTest.from_file(root + "/app_pages/add_article.py", default_timeout=1200).run()
base = rss()
t0 = time.perf_counter()
at.text_area(key="aa_paste").input(text)
next(b for b in at.button if b.key == "aa_read_paste").click().run()
assert not at.exception, at.exception
t1 = time.perf_counter()
print(json.dumps({"bytes": len(text.encode()), "items": 0, "extract_s": t1 - t0, "review_s": 0.0,
                  "rss_start_mb": base, "rss_extract_mb": rss(), "rss_peak_mb": rss(),
                  "table_mb": 0.0}))
"""


def run(size_kb: int, limit_mb: int, page: bool = False) -> dict:
    out = subprocess.run([sys.executable, "-c", PAGE_CHILD if page else CHILD, str(ROOT),
                          str(size_kb), str(limit_mb)],
                         capture_output=True, text=True, timeout=1800)
    if out.returncode != 0:
        tail = (out.stderr.strip().splitlines() or ["?"])[-1]
        return {"failed": tail[:100]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kb", default="37,1000", help="paste sizes in KB (UTF-8 bytes)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit-mb", type=int, default=4000, help="address-space limit per run")
    parser.add_argument("--page", action="store_true",
                        help="run the real page through AppTest instead (one whole-page time)")
    args = parser.parse_args()
    if args.page:
        print(f"{'paste':>8} {'page s':>8} {'RSS start':>10} {'peak RSS':>9}")
    else:
        print(f"{'paste':>8} {'items':>6} {'extract s':>10} {'review s':>9} {'RSS start':>10} "
              f"{'after extract':>14} {'peak RSS':>9} {'table+html':>11}")
    for size in (int(k) for k in args.kb.split(",")):
        results = [run(size, args.limit_mb, args.page) for _ in range(args.runs)]
        if any("failed" in r for r in results):
            print(f"{size:>6}KB failed: {next(r['failed'] for r in results if 'failed' in r)}")
            continue
        med = {k: statistics.median(r[k] for r in results) for k in results[0]}
        if args.page:
            print(f"{size:>6}KB {med['extract_s']:>8.2f} {med['rss_start_mb']:>7.0f} MB "
                  f"{max(r['rss_peak_mb'] for r in results):>6.0f} MB")
            continue
        print(f"{size:>6}KB {int(med['items']):>6} {med['extract_s']:>10.2f} {med['review_s']:>9.2f} "
              f"{med['rss_start_mb']:>7.0f} MB {med['rss_extract_mb']:>11.0f} MB "
              f"{max(r['rss_peak_mb'] for r in results):>6.0f} MB {med['table_mb']:>8.1f} MB")


if __name__ == "__main__":
    main()
