"""End to end in Chromium: upload a file on "Add article", accept the proposals, save, and
find its quote on the Quotes page (served by a server of our own with a temp state dir)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import _need_browser, open_app, start_server, stop_server

pytestmark = pytest.mark.e2e

QUOTE = "سنواصل العمل مع شركائنا في الساحل بكل ثقة"
TEXT = (f"أعلنت الجزائر يوم 5 جانفي 2024 استدعاء سفيرها في باماكو للتشاور. "
        f"وقال وزير الخارجية أحمد عطاف: «{QUOTE}» في تصريح للصحافة.\n")


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    _need_browser()
    state = tmp_path_factory.mktemp("state")
    proc, url = start_server(env={"ATLAS_STATE_DIR": str(state), "ATLAS_DATABASE_URL": ""})
    try:
        yield url
    finally:
        stop_server(proc)


def ready(page, timeout: float = 60_000) -> None:
    """The script run finished (this page has no caption line to wait for)."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
    page.wait_for_timeout(300)


def click(page, name: str) -> None:
    page.get_by_role("button", name=name).locator("visible=true").first.click()
    ready(page)


def test_upload_accept_save_then_quote_on_quotes_page(own_server, page, tmp_path):
    missing = []
    page.on("response", lambda r: missing.append(f"{r.request.method} {r.url}") if r.status == 404 else None)
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    page.goto(f"{own_server}/add_article")
    ready(page)
    page.get_by_role("tab", name="Upload a file").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(article))
    page.get_by_text("article.txt").wait_for(timeout=15_000)
    click(page, "Read this text")
    page.get_by_role("button", name="Accept all proposed items").wait_for(timeout=60_000)
    page.get_by_label("Publication date (YYYY-MM-DD, YYYY-MM or YYYY)").fill("2024-01-06")
    click(page, "Apply")
    click(page, "Accept all proposed items")
    click(page, "Save")
    saved = page.get_by_text(re.compile(r"Saved u-[0-9a-f]{8}"))
    saved.wait_for(timeout=30_000)
    article_id = re.search(r"u-[0-9a-f]{8}", saved.inner_text()).group(0)
    # Streamlit probes <page>/_stcore/health and host-config first when opened at a sub-path.
    probes_only = all("/_stcore/" in url for url in missing)
    errors = [e for e in page.console_errors if not (probes_only and "status of 404" in e)]
    assert not errors, (errors, missing)
    open_app(page, own_server, "quotes")
    page.get_by_text(QUOTE).first.wait_for(timeout=30_000)
    assert article_id


def test_a_server_listening_on_all_interfaces_without_credentials_keeps_curation_closed(page, tmp_path):
    """Issue 13, defect 1, on a real server: `--server.address 0.0.0.0` (as the Docker image runs)
    and no secrets — the Add-article page explains and offers nothing to add, edit or fetch."""
    _need_browser()
    proc, url = start_server(env={"ATLAS_STATE_DIR": str(tmp_path / "state"), "ATLAS_DATABASE_URL": ""},
                             address="0.0.0.0")
    try:
        page.goto(f"{url}/add_article")
        page.get_by_text("no curator sign-in is configured").wait_for(timeout=60_000)
        ready(page)
        assert page.locator("textarea").count() == 0
        assert page.get_by_role("tab", name="Upload a file").count() == 0
        assert page.get_by_text("This app has no sign-in configured").count() == 0
    finally:
        stop_server(proc)
