"""corpus/store/proposals.py: extractor output → items → table rows → items; spans."""

from __future__ import annotations

import math

import pytest

from corpus.store.proposals import (
    find_span,
    items_from_extraction,
    items_from_rows,
    rows_for,
    sentence_html,
    sentence_marked,
)
from tests.store_helpers import TEXT, FakeExtractor


def test_items_from_extraction_keeps_exact_spans():
    items = items_from_extraction(TEXT, FakeExtractor().extract(TEXT))
    assert sorted(i.kind for i in items) == ["actor", "date", "event", "place", "quote"]
    for item in items:
        assert TEXT[item.start:item.end] == item.text and item.status == "proposed"
    bad = {"places": [{"start": 0, "end": 3, "text": "zzz", "place_id": "x"}]}
    assert items_from_extraction(TEXT, bad) == []  # a span that does not match is dropped


def test_find_span_by_occurrence():
    text = "مالي ثم مالي"
    assert find_span(text, "مالي", 1) == (0, 4)
    assert find_span(text, "مالي", 2) == (8, 12)
    with pytest.raises(ValueError):
        find_span(text, "مالي", 3)
    with pytest.raises(ValueError):
        find_span(text, "", 1)


def test_sentence_html_escapes_everything():
    text = "First. A <script>x</script> & Bamako here. Last."
    start = text.index("Bamako")
    html = sentence_html(text, start, start + 6)
    assert html == "A &lt;script&gt;x&lt;/script&gt; &amp; <mark>Bamako</mark> here."
    assert sentence_marked(text, start, start + 6) == "A <script>x</script> & ⟦Bamako⟧ here."


def test_rows_roundtrip_unchanged_and_edited():
    items = items_from_extraction(TEXT, FakeExtractor().extract(TEXT))
    for n, item in enumerate(items):
        item.id = f"new-{n}"
    originals = {i.id: i for i in items}
    rows = rows_for(items, "date", TEXT)
    rows[0]["precision"] = 1.0  # what a data frame gives back
    back = items_from_rows(rows, "date", TEXT, originals)
    assert back[0].content() == originals[back[0].id].content()
    rows = rows_for(items, "event", TEXT)
    rows[0]["actor2"] = math.nan
    back = items_from_rows(rows, "event", TEXT, originals)
    assert back[0].data["actor2"] is None and back[0].data["actor1"] == "DZA"
    rows = rows_for(items, "place", TEXT)
    rows[0]["start"], rows[0]["end"] = rows[0]["start"] + 1, rows[0]["end"]
    back = items_from_rows(rows, "place", TEXT, originals)
    assert back[0].text == TEXT[back[0].start:back[0].end] == "اماكو"
