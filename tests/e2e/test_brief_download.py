"""The sidebar's Brief (PDF) on the real server: a click builds it, and the button that then
appears downloads a PDF whose link reopens the view the reader was looking at (the page's own
URL, from st.context.url) and whose counts are the page's. Every page, Add article included, has the button in its sidebar (AppTest cannot
show Add article's sidebar: it runs that script alone, outside app.py's navigation)."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from tests.e2e.conftest import open_app

pytestmark = pytest.mark.e2e


def pdf_links(data: bytes) -> set[str]:
    out = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                out.add(str(action["/URI"]))
    return out


@pytest.mark.parametrize("lang, label, save, name", [
    ("ar", "موجز (PDF)", "تنزيل الموجز (PDF)", "atlas-mujaz.pdf"),
    ("en", "Brief (PDF)", "Download the brief (PDF)", "atlas-brief.pdf")])
def test_the_brief_downloads_with_the_view_s_link(page, server, lang, label, save, name):
    open_app(page, server, f"map?lang={lang}&year=2024-2025")
    view_url = page.url
    assert "year=2024-2025" in view_url
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("button", name=label, exact=True).click()
    button = sidebar.locator('[data-testid="stDownloadButton"]').get_by_role("button", name=save)
    button.wait_for(timeout=60_000)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == name
    data = open(download.path(), "rb").read()
    assert data.startswith(b"%PDF-")
    assert view_url in pdf_links(data)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert view_url in "".join(text.split())
    caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
    assert sorted(re.findall(r"\d+", caption)) == sorted(re.findall(r"\d+", next(
        line for line in text.splitlines() if len(re.findall(r"\d+", line)) == 4)))
    assert not page.console_errors


@pytest.mark.parametrize("path", ["", "timeline", "quotes", "sources", "add_article"])
def test_every_page_has_the_brief_in_its_sidebar(page, server, path):
    page.goto(f"{server}/{path}?lang=en")
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Brief (PDF)", exact=True).wait_for(timeout=30_000)
