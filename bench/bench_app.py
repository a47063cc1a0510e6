"""Dashboard benchmarks: cold start in Chromium (vs a hello-world Streamlit app measured the
same way), server-side rerun time of a filter change (AppTest), and the app's peak RSS —
on the seed corpus and on a synthetic corpus of 100,000 events generated here (never shipped).

    python bench/bench_app.py                 # everything (needs /usr/bin/chromium for cold start)
    python bench/bench_app.py --events 100000 --runs 5 --skip-browser
    python bench/bench_app.py --make-data DIR --events N   # only write a synthetic corpus

Prints medians; never asserts times. The app reads the synthetic corpus via ATLAS_DATA_DIR.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import plover  # noqa: E402

REPO = ROOT

ACTORS = [
    ("DZA", "state", "الجزائر", "Algeria", "Algérie", None),
    ("MLI", "state", "مالي", "Mali", "Mali", None),
    ("MRT", "state", "موريتانيا", "Mauritania", "Mauritanie", None),
    ("NER", "state", "النيجر", "Niger", "Niger", None),
    ("FRA", "state", "فرنسا", "France", "France", None),
    ("DZA-MFA", "state_body", "الخارجية الجزائرية", "Algerian foreign ministry", "Ministère algérien des affaires étrangères", "DZA"),
    ("MLI-MFA", "state_body", "الخارجية المالية", "Malian foreign ministry", "Ministère malien des affaires étrangères", "MLI"),
    ("AQIM", "armed_group", "القاعدة في بلاد المغرب الإسلامي", "AQIM", "AQMI", None),
    ("ahmed-attaf", "person", "أحمد عطاف", "Ahmed Attaf", "Ahmed Attaf", "DZA"),
    ("abdoulaye-diop", "person", "عبد الله ديوب", "Abdoulaye Diop", "Abdoulaye Diop", "MLI"),
]
PLACES = [
    ("algiers", "capital", "الجزائر العاصمة", "Algiers", "Alger", 36.75, 3.06, "DZA", 1),
    ("bamako", "capital", "باماكو", "Bamako", "Bamako", 12.65, -8.0, "MLI", 1),
    ("kidal", "town", "كيدال", "Kidal", "Kidal", 18.44, 1.41, "MLI", 1),
    ("kidal-region", "region", "منطقة كيدال", "Kidal region", "Région de Kidal", 19.5, 1.5, "MLI", 4),
    ("tamanrasset", "town", "تمنراست", "Tamanrasset", "Tamanrasset", 22.78, 5.52, "DZA", 1),
    ("northern-mali", "natural_area", "شمال مالي", "Northern Mali", "Nord du Mali", 19.0, -1.0, None, 5),
]
TEMPLATES = [
    "أعلنت {a} عن موقف جديد تجاه {b} في {p} خلال اجتماع رقم {n}.",
    "استقبلت {a} وفدا من {b} في {p} في إطار اللقاء {n}.",
]
QUOTES_AR = "نحن ملتزمون بالحوار مع جيراننا رقم {n}"
QUOTES_FR = "Nous restons attachés au dialogue, déclaration {n}"


def _places(out: Path) -> list[str]:
    real = REPO / "data" / "places.jsonl"
    if real.exists():
        try:
            ids = [json.loads(line)["id"] for line in real.read_text(encoding="utf-8").splitlines() if line.strip()]
            shutil.copyfile(real, out / "places.jsonl")
            return ids
        except (ValueError, KeyError):
            pass
    with open(out / "places.jsonl", "w", encoding="utf-8") as fh:
        for pid, kind, ar, en, fr, lat, lon, country, prec in PLACES:
            fh.write(json.dumps({"id": pid, "kind": kind, "name_ar": ar, "name_en": en, "name_fr": fr,
                                 "lat": lat, "lon": lon, "country": country, "admin1": None,
                                 "geonames_id": None, "geo_precision": prec, "coord_source": "manual",
                                 "variants_ar": [], "variants_lat": [], "note": "synthetic"}, ensure_ascii=False) + "\n")
    return [p[0] for p in PLACES]


def make_corpus(out: Path, n_events: int, seed: int = 7, per_article: int = 100) -> Path:
    out = Path(out)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    place_ids = _places(out)
    place_prec = {}
    for line in (out / "places.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            place_prec[rec["id"]] = rec.get("geo_precision", 1)
    with open(out / "actors.jsonl", "w", encoding="utf-8") as fh:
        for aid, kind, ar, en, fr, aff in ACTORS:
            fh.write(json.dumps({"id": aid, "kind": kind, "name_ar": ar, "name_en": en, "name_fr": fr,
                                 "aliases_ar": [], "aliases_lat": [], "affiliation": aff,
                                 "role_en": None, "role_ar": None, "role_fr": None,
                                 "role_start": None, "role_end": None}, ensure_ascii=False) + "\n")
    actor_ids = [a[0] for a in ACTORS]
    speakers = [a for a in actor_ids if a not in ("AQIM",)]
    types = list(plover.EVENT_TYPES)
    n_articles = max(1, -(-n_events // per_article))
    arts, evs, qts, mns = [], [], [], []
    ev_no = 0
    for a_no in range(n_articles):
        aid = f"syn_{a_no:06d}"
        year = 2008 + (a_no * 17) % 18
        parts: list[str] = []
        pos = 0
        count = min(per_article, n_events - ev_no)
        for _ in range(count):
            a1, a2 = rng.sample(actor_ids, 2)
            place = rng.choice(place_ids)
            sentence = TEMPLATES[ev_no % 2].format(a=ACTORS[actor_ids.index(a1)][2], b=ACTORS[actor_ids.index(a2)][2], p="المكان", n=ev_no)
            start = pos
            parts.append(sentence + "\n")
            pos += len(sentence) + 1
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            prec = rng.choice((1, 1, 1, 4, 5))
            date = {1: f"{year}-{month:02d}-{day:02d}", 4: f"{year}-{month:02d}", 5: f"{year}"}[prec]
            etype = rng.choice(types)
            evs.append({"id": f"ev-{ev_no:07d}", "article_id": aid, "start": start, "end": start + len(sentence),
                        "text": sentence, "date": date, "date_precision": prec, "date_inferred": False,
                        "date_note": None, "event_type": etype, "actor1": a1, "actor2": a2,
                        "place_id": place, "geo_precision": place_prec.get(place, 1),
                        "summary_en": f"Synthetic event {ev_no}: {etype.lower()}",
                        "summary_ar": f"حدث تجريبي {ev_no}" if ev_no % 3 else None,
                        "summary_fr": f"Événement synthétique {ev_no}" if ev_no % 2 else None,
                        "origin": "curated", "status": "accepted"})
            mstart = start + sentence.index("المكان")
            mns.append({"article_id": aid, "start": mstart, "end": mstart + 6, "text": "المكان",
                        "kind": "place", "ref": place})
            if ev_no % 5 == 0:
                fr = ev_no % 10 == 0
                qtext = (QUOTES_FR if fr else QUOTES_AR).format(n=ev_no)
                line = ("« " if fr else "“") + qtext + (" »" if fr else "”") + "\n"
                qstart = pos + 2 if fr else pos + 1
                parts.append(line)
                pos += len(line)
                qts.append({"id": f"q-{ev_no:07d}", "article_id": aid, "start": qstart, "end": qstart + len(qtext),
                            "text": qtext, "speaker": rng.choice(speakers), "language": "fr" if fr else "ar",
                            "kind": "direct", "date": date, "date_precision": prec, "event_id": f"ev-{ev_no:07d}",
                            "origin": "curated", "status": "accepted"})
            ev_no += 1
        text = "".join(parts)
        raw = text.encode("utf-8")
        (out / "articles" / f"{aid}.txt").write_bytes(raw)
        arts.append({"id": aid, "file": f"articles/{aid}.txt", "sha256": hashlib.sha256(raw).hexdigest(),
                     "language": "ar", "title_ar": f"مقال تجريبي {a_no}", "title_en": f"Synthetic article {a_no}",
                     "title_fr": None, "outlet": "synthetic", "url": None, "published": str(year),
                     "published_precision": 5, "published_inferred": False, "published_evidence": None, "tags": []})
    for name, rows in (("articles", arts), ("events", evs), ("quotes", qts), ("mentions", mns)):
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out



# ----------------------------------------------------------------------------- measurements
HELLO = 'import streamlit as st\nst.title("Hello")\nst.caption("ready")\n'


def _rss_kb(pid: int) -> int:
    """Resident set size of a process and its children (Linux /proc), in kB."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def cold_start(app: Path, env: dict, runs: int, ready_selector: str, path: str = "",
               more_sessions: tuple[str, ...] = ()) -> tuple[float, int]:
    """Median seconds from launching the server to the page fully rendered in Chromium, and
    the peak RSS (kB) of the server process seen while serving; after the timed page, each of
    `more_sessions` (paths) is opened in a tab of its own and kept open, to see what extra
    sessions cost."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, free_port

    times, peak = [], 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            port = free_port()
            start = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
                 "--server.port", str(port), "--browser.gatherUsageStats", "false",
                 "--server.fileWatcherType", "none"],
                cwd=str(app.parent), env={**os.environ, **env},
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            stop = threading.Event()
            samples = []

            def sample(pid=proc.pid, stop=stop, samples=samples):
                while not stop.is_set():
                    samples.append(_rss_kb(pid))
                    time.sleep(0.05)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                deadline = time.monotonic() + 120
                while True:
                    try:
                        page.goto(f"http://127.0.0.1:{port}/{path}", timeout=5000)
                        break
                    except Exception:  # noqa: BLE001 - server not up yet
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.05)
                page.wait_for_selector(ready_selector, timeout=120_000)
                page.wait_for_function(
                    "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
                times.append(time.perf_counter() - start)
                tabs = [page]
                for other in more_sessions:
                    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
                    tab.goto(f"http://127.0.0.1:{port}/{other}", timeout=120_000)
                    tab.wait_for_selector('[data-testid="stMain"] [data-testid="stCaptionContainer"]', timeout=120_000)
                    tab.wait_for_function(
                        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
                    tabs.append(tab)
                for tab in tabs:
                    tab.close()
            finally:
                stop.set()
                sampler.join()
                peak = max([peak, *samples])
                proc.terminate()
                proc.wait(timeout=20)
        browser.close()
    return statistics.median(times), peak


class ScriptClock:
    """Times the script run inside AppTest: from the first page run or app.py's first call
    (filters.init_language), whichever comes first, to the end of the last page run. AppTest's
    own round trip (it polls the script thread and rebuilds an element tree) is reported
    separately."""

    def __init__(self):
        from streamlit.navigation.page import StreamlitPage

        from components import filters

        self.first: float | None = None
        self.last = 0.0
        self.cpu_first: float | None = None  # the script thread's CPU time (robust on a loaded machine)
        self.cpu_last = 0.0
        init, page_run = filters.init_language, StreamlitPage.run
        clock = self

        def init_language(*args, **kwargs):
            clock.mark()
            return init(*args, **kwargs)

        def run(page):
            clock.mark()
            try:
                return page_run(page)
            finally:
                clock.last, clock.cpu_last = time.perf_counter(), time.thread_time()

        filters.init_language, StreamlitPage.run = init_language, run

    def mark(self) -> None:
        if self.first is None:
            self.first, self.cpu_first = time.perf_counter(), time.thread_time()

    def reset(self) -> None:
        self.first, self.last, self.cpu_first, self.cpu_last = None, 0.0, None, 0.0

    def elapsed_ms(self) -> float:
        return (self.last - (self.first or self.last)) * 1000

    def cpu_ms(self) -> float:
        return (self.cpu_last - (self.cpu_first or self.cpu_last)) * 1000


def _year_ranges(count: int) -> list[tuple[int, int]]:
    """Distinct year ranges, so that every rerun is a filter state not seen before (uncached)."""
    spans = [(a, b) for a in range(2008, 2026) for b in range(2025, a, -1)]
    random.Random(3).shuffle(spans)
    return spans[:count]


BENCH_PAGES = ("overview", "map", "timeline", "quotes", "network")


def rerun_ms(data_dir: Path | None, runs: int, pages: tuple[str, ...] = BENCH_PAGES) -> dict[str, tuple[float, float]]:
    """Per page: median (script ms, AppTest round-trip ms) of a change of the year filter to a
    range not used before on that page."""
    from streamlit.testing.v1 import AppTest

    if data_dir:
        os.environ["ATLAS_DATA_DIR"] = str(data_dir)
    else:
        os.environ.pop("ATLAS_DATA_DIR", None)
    clock = ScriptClock()
    out = {}
    for page in pages:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.query_params["lang"] = "en"
        if page != "overview":
            at.switch_page(f"app_pages/{page}.py")
        at.run()
        script, trip, cpu = [], [], []
        for years in _year_ranges(runs):
            at.slider(key="f_year").set_value(years)
            clock.reset()
            start = time.perf_counter()
            at.run()
            trip.append((time.perf_counter() - start) * 1000)
            script.append(clock.elapsed_ms())
            cpu.append(clock.cpu_ms())
            assert not at.exception, at.exception
        out[page] = (statistics.median(script), statistics.median(trip), statistics.median(cpu))
    return out


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--pages", default=",".join(BENCH_PAGES), help="pages whose rerun is timed (comma-separated)")
    parser.add_argument("--make-data", type=Path, help="only write a synthetic corpus into this directory")
    args = parser.parse_args(argv)
    if args.make_data:
        make_corpus(args.make_data, args.events)
        print(args.make_data)
        return
    tmp = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    try:
        start = time.perf_counter()
        synthetic = make_corpus(tmp / "data", args.events)
        print(f"synthetic corpus: {args.events:,} events in {time.perf_counter() - start:.1f} s")
        browser = not args.skip_browser and Path("/usr/bin/chromium").exists()
        if browser:
            hello = tmp / "hello.py"
            hello.write_text(HELLO, encoding="utf-8")
            # Fully rendered: hello-world's caption; the overview's last chart (the barometer).
            hello_ready = '[data-testid="stMain"] [data-testid="stCaptionContainer"]'
            atlas_ready = "svg.atlas-barometer g.atlas-barometer-year"
            t_hello, rss_hello = cold_start(hello, {}, args.runs, hello_ready)
            fresh = {"ATLAS_STATE_DIR": str(tmp / "state")}  # a fresh machine: no database yet
            t_seed, rss_seed = cold_start(ROOT / "app.py", fresh, args.runs, atlas_ready)
            t_big, rss_big = cold_start(ROOT / "app.py", {**fresh, "ATLAS_DATA_DIR": str(synthetic)},
                                        max(1, args.runs // 2), atlas_ready)
            sessions = ("map?lang=ar", "timeline?year=2015-2020", "quotes?lang=fr&quad=verbal_conflict")
            _, rss_many = cold_start(ROOT / "app.py", {**fresh, "ATLAS_DATA_DIR": str(synthetic)}, 1, atlas_ready,
                                     more_sessions=sessions)
            print(f"cold start (median, launch → overview rendered): hello-world {t_hello:.2f} s · "
                  f"atlas seed {t_seed:.2f} s · atlas {args.events:,} events {t_big:.2f} s")
            print(f"peak RSS: hello-world {rss_hello / 1024:.0f} MB · seed {rss_seed / 1024:.0f} MB · "
                  f"{args.events:,} events {rss_big / 1024:.0f} MB (one session), "
                  f"{rss_many / 1024:.0f} MB (four sessions: overview, map, timeline, quotes)")
        for label, directory in (("seed", None), (f"{args.events:,} events", synthetic)):
            ms = rerun_ms(directory, args.runs, tuple(p for p in args.pages.split(",") if p in BENCH_PAGES))
            print(f"rerun after a filter change (median; script / AppTest round trip, script CPU), {label}: "
                  + " · ".join(f"{page} {script:.0f} / {trip:.0f} ms (CPU {cpu:.0f})" for page, (script, trip, cpu) in ms.items()))
            print(f"  peak RSS of this process so far (index + AppTest sessions): {_peak_rss_mb():.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
