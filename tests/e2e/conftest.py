"""Browser fixtures, reusable by every end-to-end test.

- `server` (session): starts `streamlit run app.py` headless on a free port and yields its base
  URL (env ATLAS_DATA_DIR passes through; set ATLAS_E2E_URL to test a running server instead).
- `browser` (session): Debian's /usr/bin/chromium driven by Playwright (never `playwright install`).
- `page` (function): a fresh page that records console errors in `page.console_errors`.
- `open_app(page, server, path)`: go to a page and wait until Streamlit finished running.

Without /usr/bin/chromium these tests skip, unless env CI is set: then they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--no-sandbox",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run"]
# Console messages that are not the app's fault: refused requests to outside hosts (offline),
# and Chromium's own notices about WebGL software rendering.
BENIGN_CONSOLE = ("ERR_CONNECTION_REFUSED", "ERR_NAME_NOT_RESOLVED", "ERR_INTERNET_DISCONNECTED",
                  "ERR_ADDRESS_UNREACHABLE", "ERR_NETWORK_ACCESS_DENIED", "ERR_TUNNEL_CONNECTION_FAILED",
                  "ERR_PROXY_CONNECTION_FAILED", "ERR_TIMED_OUT", "ERR_CONNECTION_RESET",
                  "GPU stall due to ReadPixels", "Automatic fallback to software WebGL")


def _need_browser() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (CI is set: browser tests must run)")
        pytest.skip(f"{CHROMIUM} not installed")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed")
        pytest.skip("playwright not installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(app: Path = ROOT / "app.py", env: dict | None = None, timeout: float = 60.0,
                 address: str = "127.0.0.1"):
    """Start a headless Streamlit server listening on `address` (reached through 127.0.0.1);
    returns (process, base_url). Caller terminates it."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
           "--server.port", str(port), "--server.address", address,
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=str(app.parent), env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as resp:  # noqa: S310
                if resp.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("streamlit did not become healthy in time")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def server():
    _need_browser()
    if os.environ.get("ATLAS_E2E_URL"):
        yield os.environ["ATLAS_E2E_URL"].rstrip("/")
        return
    proc, url = start_server()
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def shots_dir():
    path = Path(os.environ.get("ATLAS_SHOTS_DIR") or tempfile.mkdtemp(prefix="atlas-shots-"))
    path.mkdir(parents=True, exist_ok=True)
    yield path
    if not os.environ.get("ATLAS_SHOTS_DIR"):
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    pg = context.new_page()
    pg.console_errors = []

    def on_console(msg):
        if msg.type != "error" or any(b in msg.text for b in BENIGN_CONSOLE):
            return
        # Opened at a sub-path (/map), Streamlit first probes /map/_stcore/health and
        # /map/_stcore/host-config (404) before the root ones: its own behaviour, not ours.
        if "status of 404" in msg.text and "/_stcore/" in (msg.location or {}).get("url", ""):
            return
        pg.console_errors.append(f"{msg.text} @ {(msg.location or {}).get('url', '')}")

    pg.on("console", on_console)
    pg.on("pageerror", lambda err: pg.console_errors.append(f"pageerror: {err}"))
    yield pg
    context.close()


def wait_ready(page, timeout: float = 30_000) -> None:
    """Wait until the app rendered and no script run is in progress."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=timeout)
    page.wait_for_function(
        """() => { const s = document.querySelector('[data-testid="stStatusWidget"]');
                   return !s && document.querySelector('[data-testid="stMain"] [data-testid="stCaptionContainer"]'); }""",
        timeout=timeout)
    page.wait_for_timeout(400)


def open_app(page, server: str, path: str = "") -> None:
    page.goto(f"{server}/{path.lstrip('/')}")
    wait_ready(page)
