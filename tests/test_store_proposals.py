"""corpus/store/proposals.py: extractor output → items → table rows → items; spans."""

from __future__ import annotations

import math

import pytest

from corpus.store import Item
from corpus.store.proposals import (
    CONTEXT_CHARS,
    find_span,
    items_from_extraction,
    items_from_rows,
    review_page,
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


# -- long texts with no punctuation (issue 13, defect 3) -----------------------------------------

LONG = " ".join(["الجزائر", "مالي", "باماكو", "وزير"] * 5000)  # ~19,000 words, not one full stop


def _items_every(step: int) -> list[Item]:
    out = []
    for n, pos in enumerate(range(0, len(LONG) - 10, step)):
        start = LONG.index("باماكو", pos)
        out.append(Item("place", start, start + 6, "باماكو", {"ref": "bamako"}, id=f"new-{n}"))
    return out


def test_rows_carry_a_bounded_context_never_the_whole_text():
    rows = rows_for(_items_every(997), "place", LONG)
    assert len(rows) > 50
    for row in rows:
        assert "⟦باماكو⟧" in row["sentence"]
        assert len(row["sentence"]) <= 2 * CONTEXT_CHARS + 6 + 4  # window + span + marks + "…"
        assert all(len(str(value)) < 1000 for value in row.values())
    middle = rows[len(rows) // 2]["sentence"]
    assert middle.startswith("…") and middle.endswith("…")  # cut inside the sentence: said so


def test_the_context_window_ends_at_a_sentence_end_when_there_is_one():
    text = "Before. " + "word " * 200 + "Bamako here. After."
    start = text.index("Bamako")
    assert sentence_marked(text, start, start + 6).endswith("⟦Bamako⟧ here.")
    assert sentence_html(text, start, start + 6).endswith("<mark>Bamako</mark> here.")


def test_review_page_splits_one_kind_and_keeps_the_rest():
    items = _items_every(997)
    before, shown, after, pages = review_page(items, "place", 1, size=20)
    assert pages == -(-len(items) // 20) and len(shown) == 20
    assert before + shown + after == items
    assert review_page(items, "place", 999, size=20)[1] == items[(pages - 1) * 20:]  # clamped
    assert review_page(items, "event", 0, size=20) == ([], [], [], 1)


def test_an_event_dated_by_a_relative_expression_is_marked_as_an_estimate():
    from types import SimpleNamespace

    from corpus.loader import load_corpus
    from corpus.store.records import item_record

    text = "استدعت الجزائر أمس سفير مالي."
    found = {"dates": [{"start": 15, "end": 18, "text": "أمس", "value": "2025-04-01", "precision": "day",
                        "relative": True}],
             "events": [{"type": "DISAPPROVE", "actor1": "DZA", "actor2": "MLI", "date": "2025-04-01",
                         "date_precision": "day", "evidence": {"start": 0, "end": len(text) - 1}}]}
    event = next(i for i in items_from_extraction(text, found) if i.kind == "event")
    assert event.data["date_relative"] == "أمس"
    article = SimpleNamespace(published="2025-04-02", published_precision=1)
    row = SimpleNamespace(kind="event", id="u-1-ev-01", article_id="u-1", span_start=event.start,
                          span_end=event.end, text=event.text, data=event.data, status="accepted")
    record = item_record(row, article, load_corpus())
    assert record.date == "2025-04-01" and record.date_inferred and "أمس" in record.date_note
