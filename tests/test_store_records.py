"""corpus/store/records.py: one validator on save and on load (issue 13, defect 2)."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from corpus.store import Item, Store
from corpus.store.schema import annotations
from corpus.store.union import load_union
from tests.fixtures import make_data_dir
from tests.store_helpers import TEXT

META = {"language": "ar", "title_ar": "استدعاء", "published": "2024-01-05",
        "published_precision": 1}
SURFACE = "استدعاء سفيرها"


def _event(event_type: str | None) -> Item:
    start = TEXT.index(SURFACE)
    return Item("event", start, start + len(SURFACE), SURFACE,
                {"event_type": event_type, "actor1": None, "actor2": None, "place_id": None,
                 "date": None, "date_precision": None}, "accepted", "curator")


@pytest.mark.parametrize("event_type", ["aid", None, "", "HUG"])
def test_add_refuses_an_event_the_loader_would_refuse_naming_the_field(db_url, event_type):
    store = Store.open(db_url)
    with pytest.raises(ValueError, match="event type"):
        store.add_article(TEXT, META, [_event(event_type)], user="t", status="accepted")
    assert store.list_articles() == []  # nothing written


def test_save_refuses_a_bad_event_type_and_keeps_the_article(db_url):
    store = Store.open(db_url)
    article = store.add_article(TEXT, META, [_event("AID")], user="t", status="accepted")
    with pytest.raises(ValueError, match="did you mean 'AID'"):
        store.save(article.id, article.version, user="t", items=[_event("aid")])
    again = store.get(article.id)
    assert again.version == article.version and [i.data["event_type"] for i in again.items] == ["AID"]


def test_undated_event_with_a_bad_type_is_refused_too(db_url):
    store = Store.open(db_url)
    with pytest.raises(ValueError, match="event type"):
        store.add_article(TEXT, {"language": "ar"}, [_event("aid")], user="t")


def test_a_bad_stored_row_is_skipped_and_named_the_rest_is_served(tmp_path, db_url):
    """A row stored before the rule (or edited by hand) never takes the corpus down."""
    data = make_data_dir(tmp_path / "data")
    store = Store.open(db_url)
    good = _event("AID")
    quote_start = TEXT.index("نحن مع مالي")
    quote = Item("quote", quote_start, quote_start + len("نحن مع مالي"), "نحن مع مالي",
                 {"speaker": "DZA", "quote_kind": "direct"}, "accepted", "curator")
    article = store.add_article(TEXT, META, [good, quote], user="t", status="accepted")
    bad_id = next(i.id for i in article.items if i.kind == "event")
    with store.engine.begin() as conn:  # a manual edit that bypasses the validator
        conn.execute(update(annotations).where(annotations.c.id == bad_id)
                     .values(data={"event_type": "aid"}))
    problems: list = []
    union = load_union(data, db_url, problems=problems)
    assert bad_id not in union.events
    assert article.id in union.articles and f"{article.id}-q-01" in union.quotes
    assert "t1" in union.articles  # the curated corpus is still there
    [problem] = problems
    assert bad_id in str(problem) and "unknown event type 'aid'" in str(problem)
