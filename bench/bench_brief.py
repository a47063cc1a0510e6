"""Median time to build the brief (PDF) of a view, per language, and the process's peak RSS.

    python bench/bench_brief.py [--runs 5] [--synthetic 20000]

The first build in a process also pays for imports and font registration (printed apart as
"cold"); the median is over the following warm builds, as a running server sees them. With
--synthetic N the same is measured on an index of N generated events (bench_corpus.synthetic):
the lists and figures are capped, so the time should barely move.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import geo  # noqa: E402
from components import brief  # noqa: E402
from components.layout import PageContext  # noqa: E402
from corpus.loader import DEFAULT_DATA_DIR, load_corpus  # noqa: E402
from corpus.query import Filters, build_index, run_query  # noqa: E402
from corpus.urlstate import filters_to_params  # noqa: E402

VIEWS = {"whole corpus": Filters(), "2024-2025": Filters(year_min=2024, year_max=2025)}
BASE = "https://atlas.example.org/"


def layers() -> dict:
    return {"countries": geo.countries(), "admin1": geo.admin1(), "borders": geo.borders(), "areas": geo.areas()}


def one(ctx: PageContext, geo_layers: dict) -> tuple[float, int]:
    started = time.perf_counter()
    pdf = brief.brief_pdf(ctx, f"{BASE}?lang={ctx.lang}", geo_layers, geo.area_for)
    return time.perf_counter() - started, len(pdf)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure(index, label: str, runs: int, geo_layers: dict) -> None:
    for view, filters in VIEWS.items():
        result = run_query(index, filters)
        for lang in ("ar", "en", "fr"):
            ctx = PageContext(lang, index, filters, result, {"lang": lang, **filters_to_params(filters)})
            times, size = [], 0
            for _ in range(runs):
                seconds, size = one(ctx, geo_layers)
                times.append(seconds)
            print(f"{label} [{view}] {lang}: median {statistics.median(times):.2f} s "
                  f"(min {min(times):.2f}, max {max(times):.2f}, {runs} runs), {size / 1024:.0f} KiB, "
                  f"{len(result.events)} events")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--synthetic", type=int, default=0)
    args = parser.parse_args()
    corpus = load_corpus(DEFAULT_DATA_DIR)
    index = build_index(corpus, geo.contained_places())
    geo_layers = layers()
    print(f"peak RSS before the first brief: {peak_rss_mb():.0f} MiB")
    seconds, size = one(PageContext("ar", index, Filters(), run_query(index, Filters()), {"lang": "ar"}), geo_layers)
    print(f"cold (imports, fonts, first figures): {seconds:.2f} s, {size / 1024:.0f} KiB")
    measure(index, "seed corpus", args.runs, geo_layers)
    if args.synthetic:
        from bench_corpus import synthetic

        big = build_index(synthetic(corpus, args.synthetic), geo.contained_places())
        measure(big, f"{args.synthetic} events", args.runs, geo_layers)
    print(f"peak RSS: {peak_rss_mb():.0f} MiB")


if __name__ == "__main__":
    main()
