"""Merge proposals for added articles: proposed by corpus.clusters.merge_proposals, decided by
the curator (same_as / distinct_from stored in the event's annotation data — a recorded edit),
and read back by the union (corpus/store/union.py) as one event with its reports."""

from __future__ import annotations

import dataclasses

from corpus import clusters
from corpus.query import Filters, build_index, run_query
from corpus.store import Store
from corpus.store.proposals import items_from_extraction
from corpus.store.union import load_union
from tests.fixtures import make_data_dir, tiny_records
from tests.store_helpers import TEXT, FakeExtractor

META = {"language": "ar", "title_ar": "استدعاء", "published": "2024-01-05", "published_precision": 1}


def _data(tmp_path, with_curated_match: bool = True):
    records = tiny_records()
    if with_curated_match:  # the same recall, reported by a curated article at month precision
        records["events"].append({**records["events"][0], "id": "c1", "event_type": "SANCTION",
                                  "actor1": "DZA-MFA", "actor2": "MLI", "date": "2024-01", "date_precision": 4})
    return make_data_dir(tmp_path / "data", records)


def _add(db_url: str, text: str = TEXT) -> str:
    store = Store.open(db_url)
    art = store.add_article(text, META, items_from_extraction(text, FakeExtractor().extract(text)), user="t")
    accepted = [dataclasses.replace(i, status="accepted") for i in art.items]
    store.save(art.id, art.version, user="t", items=accepted, status="accepted")
    return art.id


def _decide(db_url: str, event_id: str, key: str, value: str) -> None:
    store = Store.open(db_url)
    art = store.get(event_id.rsplit("-ev-", 1)[0])
    item = next(i for i in art.items if i.id == event_id)
    store.save(art.id, art.version, user="curator", items=[dataclasses.replace(item, data={**item.data, key: value})])


def _proposals(data, db_url, art_id):
    index = build_index(load_union(data, db_url))
    decided = {i.id: i.data for i in Store.open(db_url).get(art_id).items}
    return index, clusters.merge_proposals(index, art_id, decided, index.state_of)


def test_an_added_report_of_a_curated_event_is_proposed_then_merged(tmp_path, db_url):
    data = _data(tmp_path)
    art_id = _add(db_url)
    index, found = _proposals(data, db_url, art_id)
    assert [(row["id"], target) for row, target in found] == [(f"{art_id}-ev-01", "c1")]
    before = run_query(index, Filters()).total_events
    _decide(db_url, f"{art_id}-ev-01", "same_as", "c1")
    history = Store.open(db_url).history(art_id)
    last = history[-1]
    assert (last["entity_id"], last["action"], last["changed_by"]) == (f"{art_id}-ev-01", "edit", "curator")
    assert "same_as" not in (last["snapshot"].get("data") or {})  # the snapshot is the state before
    index, found = _proposals(data, db_url, art_id)
    assert found == []
    assert index.events.set_index("id").loc[f"{art_id}-ev-01", "cluster_id"] == "c1"
    assert run_query(index, Filters()).total_events == before - 1  # counted once now


def test_a_split_is_remembered(tmp_path, db_url):
    data = _data(tmp_path)
    art_id = _add(db_url)
    _decide(db_url, f"{art_id}-ev-01", "distinct_from", "c1")
    index, found = _proposals(data, db_url, art_id)
    assert found == []
    assert index.events.set_index("id").loc[f"{art_id}-ev-01", "report_count"] == 1


def test_no_proposal_without_a_match(tmp_path, db_url):
    data = _data(tmp_path, with_curated_match=False)
    art_id = _add(db_url)
    assert _proposals(data, db_url, art_id)[1] == []


def test_an_added_event_merges_into_another_added_event(tmp_path, db_url):
    data = _data(tmp_path, with_curated_match=False)
    first = _add(db_url)
    second = _add(db_url, TEXT + "وأكد المصدر الخبر.\n")
    _, found = _proposals(data, db_url, second)
    assert [target for _, target in found] == [f"{first}-ev-01"]
    _decide(db_url, f"{second}-ev-01", "same_as", f"{first}-ev-01")
    events = build_index(load_union(data, db_url)).events.set_index("id")
    assert events.loc[f"{second}-ev-01", "cluster_id"] == f"{first}-ev-01"
    assert events.loc[f"{first}-ev-01", "report_count"] == 2
