"""Shared helpers for the AppTest page tests (no tests here)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from streamlit.testing.v1 import AppTest

from corpus import load_corpus
from corpus.query import build_index, run_query
from corpus.urlstate import Vocabulary, parse_filters

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = {"overview": "app_pages/overview.py", "map": "app_pages/map.py", "timeline": "app_pages/timeline.py",
         "quotes": "app_pages/quotes.py", "sources": "app_pages/sources.py", "network": "app_pages/network.py"}
RAW_KEY = re.compile(r"\b(?:nav|filters|count|error|empty|overview|chart|hover|timeline|milestone|map|quotes|kind|sources|export|quad|type|prec|geoprec|month|date|fallback|misc|lang|app|network|item)\.[A-Za-z_0-9]+\b")
COUNT = re.compile(r"(\d+)\D+(\d+)\D+(\d+)\D+(\d+)")


def run_page(page: str, params: dict[str, str] | None = None, timeout: float = 60) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if page != "overview":
        at.switch_page(PAGES[page])
    at.run()
    return at


@lru_cache(maxsize=1)
def index():
    import geo

    return build_index(load_corpus(), geo.contained_places())


@lru_cache(maxsize=1)
def quotes():
    """The curated quote records by id (the index keeps quotes in its frame only)."""
    return load_corpus().quotes


def filtered(params: dict[str, str]):
    """What run_query returns for these URL parameters on the curated corpus."""
    idx = index()
    corpus = idx.corpus
    years = [int(y) for f in (idx.events, idx.quotes) for y in f["year"].dropna().unique()]
    vocab = Vocabulary(corpus.actors.keys(), corpus.places.keys(), corpus.articles.keys(), (min(years), max(years)))
    filters, _ = parse_filters(params, vocab)
    return run_query(idx, filters)


def expected_counts(params: dict[str, str]) -> tuple[int, int, int, int]:
    r = filtered(params)
    return len(r.events), r.total_events, len(r.quotes), r.total_quotes


def shown_counts(at: AppTest) -> tuple[int, ...]:
    caption = next(c.value for c in at.caption if COUNT.search(c.value.replace("\u202f", "").replace(",", "")))
    return tuple(int(x) for x in COUNT.search(caption.replace("\u202f", "").replace(",", "")).groups())


def all_text(at: AppTest) -> str:
    """Every label and text the page shows (main area and sidebar)."""
    parts = []
    for node in (*at.main, *at.sidebar):
        for attr in ("value", "label", "body", "placeholder", "help"):
            value = getattr(node, attr, None)
            if isinstance(value, str):
                parts.append(value)
    for widget in (*at.multiselect, *at.selectbox, *at.radio, *at.slider, *at.toggle, *at.text_input, *at.button):
        parts.append(str(widget.label))
    return "\n".join(parts)


def assert_no_raw_keys(at: AppTest) -> None:
    text = all_text(at)
    found = RAW_KEY.findall(text)
    assert not found, f"raw catalogue keys on the page: {found[:5]}"


def markdown_links(markdown: str) -> list[str]:
    """The link and image targets a CommonMark + GFM renderer (with bare-URL and email
    autolinks, as Streamlit's) makes of `markdown` — what a viewer could click or load."""
    from markdown_it import MarkdownIt

    found = []
    for token in MarkdownIt("gfm-like", {"linkify": True}).parse(markdown):
        for child in (token, *(token.children or ())):
            if child.type in ("link_open", "image"):
                found.append(str(child.attrGet("href") or child.attrGet("src")))
    return found


def markdown_plain(markdown: str) -> str:
    """The text a viewer reads from `markdown` (escapes resolved, markup dropped)."""
    from markdown_it import MarkdownIt

    return "\n".join("".join(c.content for c in token.children or () if c.type in ("text", "code_inline"))
                     for token in MarkdownIt("gfm-like").parse(markdown) if token.type == "inline")
