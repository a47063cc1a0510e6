"""AppTest: text from a link, an upload or the store is shown as text (issue 13, defect 8).

A crafted link must not put a link or an image into the app's own messages; a curator-entered
outlet, URL, title or summary must not render as a link, an image or markup anywhere public.
"Would render" is decided by a real CommonMark + GFM parser with autolinks (markdown-it-py,
tests/test_app_helpers.markdown_links), the way Streamlit's Markdown renderer reads it."""

from __future__ import annotations

import json

import pytest

from tests.fixtures import make_data_dir, tiny_records
from tests.test_app_helpers import markdown_links, markdown_plain, run_page

PHISH = "[PHISH](https://evil.example/login)"
CRAFTED = [PHISH, "![t](https://evil.example/t.png)", "https://evil.example/x", "www.evil.example",
           "<img src=x onerror=alert(1)>", ":red[alert] $x^2$", "a@evil.example"]


def markdown_of(at) -> list[str]:
    """Every Markdown body the page rendered (messages, captions, headers, table cells)."""
    bodies = [e.value for kind in (at.warning, at.info, at.error, at.success, at.caption, at.markdown,
                                   at.subheader, at.title) for e in kind]
    for table in at.table:
        bodies += [str(v) for v in table.value.to_numpy().ravel()]
    return bodies


@pytest.mark.parametrize("value", CRAFTED)
@pytest.mark.parametrize("key", ["actor", "place", "type", "year"])
def test_crafted_link_values_are_named_as_text(key, value):
    at = run_page("overview", {"lang": "en", key: value})
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert warnings, "the ignored value is named"
    assert not [link for w in warnings for link in markdown_links(w)]
    assert any(value[:20].casefold() in markdown_plain(w).casefold() for w in warnings), "still named"


def test_quotes_paging_values_are_text():
    at = run_page("quotes", {"lang": "en", "qsort": PHISH, "qpage": "![t](https://evil.example/t.png)"})
    assert not at.exception
    assert at.warning
    assert not [link for body in markdown_of(at) for link in markdown_links(body)]


def test_bad_span_is_named_as_text():
    at = run_page("sources", {"lang": "en", "article": "a1", "span": PHISH})
    assert not at.exception
    assert not [link for body in markdown_of(at) for link in markdown_links(body)]


def crafted_corpus(tmp_path, monkeypatch, **article):
    records = tiny_records()
    records["articles"][0].update(article)
    records["events"][0]["summary_en"] = '<a href="https://evil.example/">click</a><b>bold</b>'
    monkeypatch.setenv("ATLAS_DATA_DIR", str(make_data_dir(tmp_path / "data", records)))
    monkeypatch.setenv("ATLAS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)


@pytest.mark.parametrize("url", ["javascript:alert(1)", PHISH, "https://evil.example/a) ![t](https://evil.example/t.png"])
def test_sources_table_shows_outlet_and_bad_url_as_text(tmp_path, monkeypatch, url):
    crafted_corpus(tmp_path, monkeypatch, outlet=PHISH + " ![t](https://evil.example/t.png)", url=url)
    at = run_page("sources", {"lang": "en", "article": "t1"})
    assert not at.exception
    cells = [str(v) for v in at.table[0].value.to_numpy().ravel()]
    assert not [link for cell in cells for link in markdown_links(cell)]
    assert any(PHISH in markdown_plain(cell) for cell in cells), "the outlet is shown, as text"


def test_sources_table_links_only_a_valid_http_url(tmp_path, monkeypatch):
    crafted_corpus(tmp_path, monkeypatch, outlet="Le Monde", url="https://news.example/article(1)?a=b c")
    at = run_page("sources", {"lang": "en", "article": "t1"})
    cells = [str(v) for v in at.table[0].value.to_numpy().ravel()]
    assert [link for cell in cells for link in markdown_links(cell)] == []  # a space: not a valid URL
    crafted_corpus(tmp_path / "2", monkeypatch, url="https://news.example/article(1)?a=b")
    at = run_page("sources", {"lang": "en", "article": "t1"})
    cells = [str(v) for v in at.table[0].value.to_numpy().ravel()]
    assert [link for cell in cells for link in markdown_links(cell)] == ["https://news.example/article%281%29?a=b"]


def test_timeline_hover_shows_markup_as_text(tmp_path, monkeypatch):
    crafted_corpus(tmp_path, monkeypatch, title_en='<a href="https://evil.example/">T</a>')
    at = run_page("timeline", {"lang": "en"})
    assert not at.exception
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    hover = json.dumps([trace.get("hovertext") for spec in specs for trace in spec["data"]], ensure_ascii=False)
    assert "&lt;a href=" in hover and "&lt;b&gt;bold" in hover
    assert "<a " not in hover and "<b>bold" not in hover
