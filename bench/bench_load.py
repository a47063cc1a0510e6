"""Load bench: N concurrent sessions against the real server, the way a browser talks to it.

Each session is a websocket client of Streamlit's own protocol (`/_stcore/stream`, protobuf
BackMsg / ForwardMsg): it opens a page with a filter query string (a `rerun_script` carrying the
query string and page name, as the frontend sends on load), then, for a bounded time and number
of steps, either switches page or moves the year slider (a `rerun_script` with the slider's new
widget state, as the frontend sends when a widget changes). A page time is from sending the
BackMsg to the `script_finished` ForwardMsg. Loopback only; nothing outside 127.0.0.1.

    python bench/bench_load.py                     # seed corpus, N = 10, 20, 50
    python bench/bench_load.py --sessions 20 --seconds 20
    python bench/bench_load.py --data DIR          # a corpus written by bench_app.py --make-data

Prints errors, median and p95 page time and the server's peak RSS per N; never asserts times.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_app import _rss_kb  # noqa: E402
from tests.e2e.conftest import start_server  # noqa: E402

PAGES = ("", "map", "timeline", "quotes", "sources")
QUERIES = ("lang=en", "lang=ar", "lang=fr", "lang=en&year=2012-2020", "lang=ar&quad=verbal_conflict",
           "lang=en&actor=DZA", "lang=fr&type=CONSULT", "lang=ar&place=kidal", "lang=en&actor=MLI&year=2015-2025")


@dataclass
class Tally:
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _rerun(query: str, page: str, widgets: dict | None = None) -> bytes:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_name = page
    for widget_id, years in (widgets or {}).items():
        widget = state.widget_states.widgets.add()
        widget.id = widget_id
        widget.double_array_value.data.extend(years)
    return msg.SerializeToString()


async def _until_finished(ws, widgets: dict, timeout: float) -> str | None:
    """Read ForwardMsgs until the script finished; remember the year slider's widget id;
    returns an error (an exception element, a compile error) or None."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    error = None
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await asyncio.wait_for(ws.recv(), timeout))
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                error = f"exception: {element.exception.type}: {element.exception.message[:120]}"
            elif which == "slider" and element.slider.id.endswith("f_year"):
                widgets["year"] = (element.slider.id, (int(element.slider.min), int(element.slider.max)))
        elif kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                return "compile error"
            if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                return error


async def session(base: str, rng: random.Random, deadline: float, max_steps: int, tally: Tally) -> None:
    import websockets

    ws_url = base.replace("http://", "ws://") + "/_stcore/stream"
    page, query = rng.choice(PAGES), rng.choice(QUERIES)
    widgets: dict = {}
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], origin=base,
                                      max_size=2**28, open_timeout=60) as ws:
            for step in range(max_steps):
                if step and time.monotonic() > deadline:
                    break
                states = None
                if step and "year" in widgets and rng.random() < 0.5:
                    widget_id, (first, last) = widgets["year"]
                    low = rng.randint(first, last - 1)
                    states = {widget_id: (float(low), float(rng.randint(low + 1, last)))}
                elif step:
                    page = rng.choice(PAGES)
                start = time.perf_counter()
                await ws.send(_rerun(query, page, states))
                error = await _until_finished(ws, widgets, timeout=max(5.0, deadline - time.monotonic() + 60))
                tally.times.append(time.perf_counter() - start)
                if error:
                    tally.errors.append(f"/{page}?{query}: {error}")
    except Exception as err:  # noqa: BLE001 - a failed session is counted, the bench goes on
        tally.errors.append(f"/{page}?{query}: {type(err).__name__}: {err}"[:200])


async def _run_sessions(base: str, count: int, seconds: float, max_steps: int, seed: int) -> Tally:
    tally = Tally()
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(session(base, random.Random(seed + i), deadline, max_steps, tally)
                           for i in range(count)))
    return tally


async def warm_up(base: str) -> None:
    """Open every page once (first imports, cached index, encoded map layers)."""
    import websockets

    async with websockets.connect(base.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
                                  origin=base, max_size=2**28, open_timeout=60) as ws:
        for page in PAGES:
            await ws.send(_rerun("lang=en", page))
            await _until_finished(ws, {}, timeout=600)


def _high_water_mb(pid: int) -> float:
    """The process's peak resident size over its whole life (VmHWM: the index build included)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    return next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM:")), float("nan"))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def measure(base: str, pid: int, count: int, seconds: float, max_steps: int) -> str:
    peak, stop = [0], threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _rss_kb(pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        tally = asyncio.run(_run_sessions(base, count, seconds, max_steps, seed=count))
    finally:
        stop.set()
        sampler.join()
    times = tally.times or [float("nan")]
    lines = [f"N={count}: {len(tally.times)} page runs, {len(tally.errors)} errors, "
             f"median {statistics.median(times):.2f} s, p95 {_p95(times):.2f} s, "
             f"server peak RSS {peak[0] / 1024:.0f} MB (since start, build included: {_high_water_mb(pid):.0f} MB)"]
    lines += [f"  error: {e}" for e in tally.errors[:5]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 20, 50])
    parser.add_argument("--seconds", type=float, default=30.0, help="how long each N runs (bounded)")
    parser.add_argument("--steps", type=int, default=20, help="at most this many page runs per session")
    parser.add_argument("--data", type=Path, help="ATLAS_DATA_DIR for the server (default: the seed corpus)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="atlas-load-") as tmp:
        env = {"ATLAS_STATE_DIR": tmp}  # a fresh machine: no database
        if args.data:
            env["ATLAS_DATA_DIR"] = str(args.data)
        elif "ATLAS_DATA_DIR" in os.environ:
            env["ATLAS_DATA_DIR"] = ""
        proc, base = start_server(env=env)
        try:
            print(f"server {base} (pid {proc.pid}); {os.cpu_count()} cores; warming up")
            asyncio.run(warm_up(base))
            print(f"after warm-up: RSS {_rss_kb(proc.pid) / 1024:.0f} MB, peak so far {_high_water_mb(proc.pid):.0f} MB",
                  flush=True)
            for count in args.sessions:
                print(measure(base, proc.pid, count, args.seconds, args.steps), flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
