"""The article reader in Chromium: a cited span opens in view, links keep the view."""

from __future__ import annotations

import pytest

from corpus.loader import DEFAULT_DATA_DIR, collect
from tests.e2e.conftest import open_app

pytestmark = pytest.mark.e2e


def _last_quote_of_longest_article() -> tuple[str, int, int]:
    """A quote far down the longest article: below the fold when the reader opens."""
    corpus, _ = collect(DEFAULT_DATA_DIR)
    longest = max(corpus.articles.values(), key=lambda a: len(a.text)).id
    last = max((q for q in corpus.quotes.values() if q.article_id == longest), key=lambda q: q.start)
    return longest, last.start, last.end


IN_VIEW = """() => { const e = document.getElementById('atlas-target'); if (!e) return false;
  const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }"""


def test_reader_link_scrolls_the_span_into_view(page, server):
    article_id, start, end = _last_quote_of_longest_article()
    open_app(page, server, f"sources?article={article_id}&span={start}-{end}")
    page.wait_for_selector("#atlas-target", state="attached", timeout=30_000)
    page.wait_for_function(IN_VIEW, timeout=30_000)
    assert page.eval_on_selector("#atlas-target", "e => e.textContent").strip()
    assert not page.console_errors, page.console_errors
