"""corpus/store/union.py and export_data.py: the union the app shows, and export → validate."""

from __future__ import annotations

from corpus.loader import collect, load_corpus
from corpus.query import Filters, build_index, run_query
from corpus.store import Item, Store
from corpus.store.export_data import export
from corpus.store.proposals import items_from_extraction
from corpus.store.union import load_union
from tests.fixtures import make_data_dir
from tests.store_helpers import TEXT, FakeExtractor

META = {"language": "ar", "title_ar": "استدعاء", "published": "2024-01-05",
        "published_precision": 1}


def _accept_all(store: Store, article_id: str, reject_kind: str | None = None) -> None:
    art = store.get(article_id)
    changes = [Item(i.kind, i.start, i.end, i.text, i.data,
                    "rejected" if i.kind == reject_kind else "accepted", i.source, i.id)
               for i in art.items]
    store.save(article_id, art.version, user="t", items=changes, status="accepted")


def _add(db_url: str) -> str:
    items = items_from_extraction(TEXT, FakeExtractor().extract(TEXT))
    return Store.open(db_url).add_article(TEXT, META, items, user="t").id


def test_union_hides_proposed_unless_asked(tmp_path, db_url):
    data = make_data_dir(tmp_path / "data")
    art_id = _add(db_url)
    hidden = load_union(data, db_url)
    assert art_id not in hidden.articles and set(hidden.articles) == {"t1"}
    shown = load_union(data, db_url, include_proposed=True)
    article = shown.articles[art_id]
    assert (article.origin, article.status) == ("added", "proposed")
    assert shown.articles["t1"].origin == "curated"
    assert shown.events[f"{art_id}-ev-01"].status == "proposed"
    assert shown.quotes[f"{art_id}-q-01"].speaker == "DZA"


def test_union_after_review_shows_accepted_not_rejected(tmp_path, db_url):
    data = make_data_dir(tmp_path / "data")
    art_id = _add(db_url)
    _accept_all(Store.open(db_url), art_id, reject_kind="event")
    union = load_union(data, db_url)
    assert union.articles[art_id].status == "accepted"
    assert f"{art_id}-q-01" in union.quotes and union.quotes[f"{art_id}-q-01"].origin == "added"
    assert f"{art_id}-ev-01" not in union.events  # rejected: kept in the database, not shown
    base = load_corpus(data)
    assert base.counts()["articles"] == 1  # the curated corpus is never modified
    result = run_query(build_index(union), Filters(articles=(art_id,)))
    assert result.total_quotes >= 1 and set(result.quotes["id"]) == {f"{art_id}-q-01"}


def test_export_then_validate_roundtrip(tmp_path, db_url):
    data = make_data_dir(tmp_path / "data")
    art_id = _add(db_url)
    _accept_all(Store.open(db_url), art_id)
    Store.open(db_url).add_article("نص آخر لم يراجع بعد.\n", {"language": "ar"})  # proposed
    report = export(tmp_path / "out", data, db_url)
    assert report.problems == []
    assert report.counts == {"articles": 1, "events": 1, "quotes": 1, "mentions": 3}
    corpus, problems = collect(tmp_path / "out")
    assert problems == []
    assert set(corpus.articles) == {"t1", art_id}
    raw = (tmp_path / "out" / "articles" / f"{art_id}.txt").read_bytes()
    assert raw == TEXT.encode("utf-8")  # byte-exact
    assert corpus.articles[art_id].origin == "added"
    assert corpus.events[f"{art_id}-ev-01"].event_type == "SANCTION"
    # the curated files are unchanged at the start of each exported file
    for name in ("articles", "events", "quotes", "mentions", "actors", "places"):
        orig = (data / f"{name}.jsonl").read_bytes()
        assert (tmp_path / "out" / f"{name}.jsonl").read_bytes().startswith(orig)


def test_a_proposed_event_reads_as_a_sentence_in_three_languages(tmp_path, db_url):
    data = make_data_dir(tmp_path / "data")
    art_id = _add(db_url)
    event = load_union(data, db_url, include_proposed=True).events[f"{art_id}-ev-01"]
    summaries = (event.summary_en, event.summary_fr, event.summary_ar)
    assert all(summaries) and len(set(summaries)) == 3
    assert not any(s.startswith(event.event_type) for s in summaries)  # not a raw "SANCTION: …" code


def test_a_place_from_the_engines_wider_gazetteer_reaches_the_union(tmp_path, db_url):
    from corpus.loader import extra_places

    assert "ansongo" in extra_places() and "ansongo" not in load_corpus(make_data_dir(tmp_path / "d0")).places
    data = make_data_dir(tmp_path / "data")
    text = "هاجم مسلحون قافلة قرب أنسونغو يوم 5 جانفي 2024.\n"
    start = text.index("أنسونغو")
    items = [Item("place", start, start + len("أنسونغو"), "أنسونغو", {"ref": "ansongo"}, "accepted", "extractor"),
             Item("event", 0, len(text) - 2, text[:len(text) - 2],
                  {"event_type": "ASSAULT", "actor1": "MLI", "actor2": None, "place_id": "ansongo",
                   "date": "2024-01-05", "date_precision": 1}, "accepted", "extractor")]
    art = Store.open(db_url).add_article(text, META, items, user="t", status="accepted")
    union = load_union(data, db_url)
    assert union.places["ansongo"].lat is not None  # the map can draw it
    assert union.events[f"{art.id}-ev-01"].place_id == "ansongo"
    assert any(m.kind == "place" and m.ref == "ansongo" for m in union.mentions)
    assert set(union.places) - set(load_corpus(data).places) == {"ansongo"}  # only the places named
