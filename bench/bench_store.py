"""Store benchmark: median time to add one article (extraction + save) and to load the union
corpus with 10,000 added articles, in SQLite and (when a URL is available) PostgreSQL.

    python bench/bench_store.py [--pg URL] [--articles 10000] [--adds 20]

PostgreSQL: --pg, else env ATLAS_TEST_PG_URL (a fresh database is created and dropped there).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from corpus import ingest  # noqa: E402
from corpus.loader import DEFAULT_DATA_DIR, collect  # noqa: E402
from corpus.store import Store  # noqa: E402
from corpus.store.db import dispose_all, open_engine  # noqa: E402
from corpus.store.schema import annotations, articles  # noqa: E402
from corpus.store.union import merge  # noqa: E402

BODY = ("أعلنت الجزائر يوم 5 جانفي 2024 استدعاء سفيرها في باماكو للتشاور. وقال وزير الخارجية "
        "أحمد عطاف: «نحن مع مالي ومع وحدة أراضيها» في تصريح للصحافة. وأضاف أن الحوار هو الحل "
        "الوحيد لأزمة شمال مالي، مشيرا إلى اتفاق السلم والمصالحة الموقع في الجزائر عام 2015.\n")


def bench_adds(url: str, base, extractor, n: int) -> list[float]:
    store = Store.open(url)
    times = []
    for i in range(n):
        start = time.perf_counter()
        prepared = ingest.from_text(f"{BODY}({uuid.uuid4().hex} {i})\n")
        meta = ingest.metadata(prepared, published="2024-01-06")
        items = ingest.propose(prepared, extractor, "2024-01-06")
        ingest.add(store, prepared, meta, items, {}, user="bench", status="accepted")
        times.append(time.perf_counter() - start)
    return times


def fill(url: str, count: int, extractor) -> None:
    """`count` accepted articles with the extractor's items, bulk-inserted."""
    found = extractor.extract(BODY, published="2024-01-06")
    from corpus.store.proposals import items_from_extraction

    template = items_from_extraction(BODY, found)
    engine = open_engine(url)
    now = datetime.now(UTC)
    batch_a, batch_i = [], []
    for n in range(count):
        body = f"{BODY}[{n}]\n"
        sha = hashlib.sha256(body.encode()).hexdigest()
        aid = f"u-b{n:07d}"
        batch_a.append({"id": aid, "sha256": sha, "text": body, "language": "ar",
                        "title_ar": f"مقال {n}", "title_en": None, "title_fr": None,
                        "outlet": None, "url": None, "published": "2024-01-06",
                        "published_precision": 1, "tags": [], "source": "bench",
                        "status": "accepted", "version": 1, "created_by": "bench",
                        "created_at": now, "updated_at": now, "updated_by": "bench"})
        seqs: dict[str, int] = {}
        for item in template:
            seqs[item.kind] = seqs.get(item.kind, 0) + 1
            batch_i.append({"id": f"{aid}-{item.kind}-{seqs[item.kind]:02d}", "article_id": aid,
                            "kind": item.kind, "seq": seqs[item.kind], "span_start": item.start,
                            "span_end": item.end, "text": item.text, "data": item.data,
                            "status": "accepted", "source": "extractor"})
        if len(batch_a) >= 2000 or n == count - 1:
            with engine.begin() as conn:
                conn.execute(insert(articles), batch_a)
                conn.execute(insert(annotations), batch_i)
            batch_a, batch_i = [], []


def bench_union(url: str, base, runs: int = 3) -> list[float]:
    store = Store.open(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        corpus = merge(base, store)
        times.append(time.perf_counter() - start)
    print(f"    union: {len(corpus.articles):,} articles, {len(corpus.events):,} events, "
          f"{len(corpus.quotes):,} quotes, {len(corpus.mentions):,} mentions")
    return times


def run(name: str, url: str, base, extractor, count: int, adds: int) -> None:
    print(f"{name}:")
    t = bench_adds(url, base, extractor, adds)
    print(f"  add one article (extract + save): median {statistics.median(t) * 1000:.1f} ms "
          f"(n={adds}, min {min(t) * 1000:.1f}, max {max(t) * 1000:.1f})")
    start = time.perf_counter()
    fill(url, count, extractor)
    print(f"  bulk insert of {count:,} articles: {time.perf_counter() - start:.1f} s")
    t = bench_union(url, base)
    print(f"  load union with {count:,} added articles: median {statistics.median(t):.2f} s "
          f"(runs={len(t)}, min {min(t):.2f}, max {max(t):.2f})")


@contextmanager
def scratch_database(server_url: str) -> Iterator[str]:
    """The URL of a fresh PostgreSQL database on that server, dropped afterwards."""
    server = make_url(server_url)
    name = f"atlas_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        dispose_all()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", default=os.environ.get("ATLAS_TEST_PG_URL"))
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--adds", type=int, default=20)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    args = parser.parse_args()
    base, _problems = collect(args.data)
    from corpus.extract import Extractor

    extractor = Extractor.from_corpus(base)
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", f"sqlite:///{tmp}/bench.sqlite", base, extractor, args.articles, args.adds)
    dispose_all()
    if not args.pg:
        print("PostgreSQL: skipped (no --pg or ATLAS_TEST_PG_URL)")
        return 0
    with scratch_database(args.pg) as url:
        run("PostgreSQL", url, base, extractor, args.articles, args.adds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
