"""corpus/clusters.py: same_as chains → clusters, link checks, disagreement, merge proposals."""

import dataclasses

import pytest

from corpus import clusters
from corpus.loader import load_corpus, validate_dir
from corpus.models import Event
from corpus.query import Filters, build_index, run_query
from tests.fixtures import make_data_dir, tiny_records


@pytest.fixture(scope="module")
def curated():
    corpus = load_corpus()
    return corpus, build_index(corpus)


def _event(event_id: str, same_as: str | None = None, event_type: str = "AID", **extra) -> Event:
    base = dict(article_id="a", start=0, end=1, text="x", date="2009-01-05", date_precision=1,
                actor1="DZA", actor2="MLI", place_id="bamako", geo_precision=1, summary_en="s")
    return Event(id=event_id, event_type=event_type, same_as=same_as, **{**base, **extra})


def test_cluster_ids_follow_chains_to_the_root():
    links = {"a": None, "b": "a", "c": "b", "d": None, "e": "a"}
    assert clusters.cluster_ids(links) == {"a": "a", "b": "a", "c": "a", "d": "d", "e": "a"}


def test_broken_links_leave_the_event_alone():
    links = {"a": "b", "b": "a", "c": "missing", "d": "c"}
    ids = clusters.cluster_ids(links)
    assert ids["a"] == "a" and ids["b"] == "b"
    assert ids["c"] == "c" and ids["d"] == "c"


def test_curated_corpus_has_nine_two_report_clusters(curated):
    _, index = curated
    events = index.events
    sizes = events.groupby("cluster_id").size()
    assert len(events) == 51
    assert len(sizes) == 42
    assert sorted(sizes[sizes > 1].index) == ["ev-000-03", "ev-000-04", "ev-000-06", "ev-001-01", "ev-001-02",
                                              "ev-001-03", "ev-001-04", "ev-001-05", "ev-001-06"]
    row = events.set_index("id").loc["ev-003-01"]
    assert row["cluster_id"] == "ev-001-01" and row["report_count"] == 2
    # each report keeps its own article, span and wording
    a, b = (events.set_index("id").loc[i] for i in ("ev-001-01", "ev-003-01"))
    assert a["article_id"] != b["article_id"] and a["text"] != b["text"]


def test_curated_disagreements_are_named(curated):
    _, index = curated
    by_id = index.events.set_index("id")
    assert by_id.loc["ev-002-03", "disagree"] == "actor2"   # Mali vs Mali's government
    assert by_id.loc["ev-003-05", "disagree"] == "actor1"   # Mali vs Mali's foreign ministry
    assert by_id.loc["ev-003-01", "disagree"] == ""
    assert by_id.loc["ev-000-01", "disagree"] == ""


@pytest.mark.parametrize(("change", "fields"), [
    ({}, ()),
    ({"date": "2009-01-06"}, ("date",)),
    ({"date": "2009-01", "date_precision": 4}, ("date", "date_precision")),
    ({"actor2": "MLI-GOV"}, ("actor2",)),
    ({"place_id": None}, ("place_id",)),
])
def test_disagreements(change, fields):
    a = dataclasses.asdict(_event("a"))
    assert clusters.disagreements([a, {**a, **change}]) == fields


def test_query_counts_each_event_once(curated):
    _, index = curated
    result = run_query(index, Filters())
    assert len(result.reports) == 51
    assert len(result.events) == result.total_events == 42
    assert result.events["cluster_id"].is_unique
    only_003 = run_query(index, Filters(articles=("003_d5a7a52965b0d6aa",)))
    assert "ev-003-01" in set(only_003.events["id"])  # the matching report stands for its event


@pytest.mark.parametrize(("events", "problem"), [
    ([_event("a"), _event("b", "a")], None),
    ([_event("a"), _event("b", "zzz")], "unknown event 'zzz'"),
    ([_event("a", "a")], "cannot be the same as itself"),
    ([_event("a"), _event("b", "a", event_type="AGREE")], "reports of one event share its type"),
    ([_event("a", "c"), _event("b", "a"), _event("c", "b")], "a cycle"),
])
def test_link_problem(events, problem):
    table = {e.id: e for e in events}
    found = [clusters.link_problem(e, table) for e in events]
    if problem is None:
        assert found == [None] * len(events)
    else:
        assert any(reason and problem in reason for reason in found)


def test_loader_reports_bad_same_as_with_file_and_row(tmp_path):
    records = tiny_records()
    base = records["events"][0]
    records["events"] += [{**base, "id": "e2", "same_as": "e1", "event_type": "AGREE"},
                          {**base, "id": "e3", "same_as": "nope"}]
    problems = [str(p) for p in validate_dir(make_data_dir(tmp_path / "d", records))]
    assert any(p.startswith("events.jsonl:2:") and "share its type" in p for p in problems)
    assert any(p.startswith("events.jsonl:3:") and "unknown event 'nope'" in p for p in problems)


# Merge proposals: a synthetic index with one existing event (AID, Algeria → Mali, Bamako,
# 5 January 2009 at day precision, reported twice) and a state-level actor function.
@pytest.fixture
def merge_index(tmp_path):
    records = tiny_records()
    base = records["events"][0]
    records["events"].append({**base, "id": "e1b", "same_as": "e1"})
    records["events"].append({**base, "id": "m1", "date": "2009-03", "date_precision": 4})
    return build_index(load_corpus(make_data_dir(tmp_path / "d", records)))


def _candidate(**change):
    return {"event_type": "AID", "actor1": "DZA-MFA", "actor2": "MLI", "date": "2009-01-05",
            "date_precision": 1, "place_id": "bamako", **change}


@pytest.mark.parametrize(("change", "expected"), [
    ({}, "e1"),                                                    # the minister's ministry is Algeria
    ({"date": "2009-01-04"}, None),                                 # the day before, at day precision
    ({"date": "2009-01-06"}, None),                                 # the day after
    ({"date": "2009-01-01", "date_precision": 2}, "e1"),            # 1–6 January covers the 5th
    ({"date": "2008-12-31", "date_precision": 2}, "e1"),            # 31 Dec – 5 Jan reaches the 5th
    ({"date": "2008-12-30", "date_precision": 2}, None),            # 30 Dec – 4 Jan stops a day short
    ({"date": "2009-01", "date_precision": 4}, "e1"),               # January contains the 5th (closest span)
    ({"date": "2009-02", "date_precision": 4}, None),               # February: neither
    ({"date": "2009-03-31", "date_precision": 1}, "m1"),            # last day of March: the month event
    ({"date": "2009-04-01", "date_precision": 1}, None),            # first of April: outside March
    ({"date": "2009", "date_precision": 5}, "m1"),                  # the year holds both; March's span is closer
    ({"event_type": "AGREE"}, None),                                # another type
    ({"actor2": "DZA"}, None),                                      # another target state
    ({"actor1": "MLI", "actor2": "DZA-MFA"}, None),                 # reversed direction
    ({"place_id": "mali"}, None),                                   # another place
    ({"place_id": None}, "e1"),                                     # no place: does not contradict
])
def test_propose_merge_at_precision_boundaries(merge_index, change, expected):
    got = clusters.propose_merge(_candidate(**change), merge_index, merge_index.state_of)
    assert got == expected


def test_propose_merge_returns_the_cluster_not_the_report(merge_index):
    only_second = merge_index.events[merge_index.events["id"] != "e1"]
    index = dataclasses.replace(merge_index, events=only_second.reset_index(drop=True))
    assert clusters.propose_merge(_candidate(), index, index.state_of) == "e1"


def test_propose_merge_skips_the_candidate_itself(merge_index):
    assert clusters.propose_merge(_candidate(id="e1"), merge_index, merge_index.state_of) == "e1"
    assert clusters.propose_merge(_candidate(id="e1", date="2009-03-02"), merge_index, merge_index.state_of) == "m1"


def test_responds_to_must_name_a_known_event(tmp_path):
    records = tiny_records()
    records["events"].append({**records["events"][0], "id": "e2", "responds_to": "ghost"})
    problems = [str(p) for p in validate_dir(make_data_dir(tmp_path / "d", records))]
    assert any(p.startswith("events.jsonl:2:") and "unknown event (responds_to) 'ghost'" in p for p in problems)


def test_views_built_from_the_result_count_each_event_once(curated):
    from components import frames

    _, index = curated
    result = run_query(index, Filters())
    members = index.actor_members
    dyad_reports = int(frames.dyad_mask(result.reports, members).sum())
    baro = frames.barometer(result.events, members)
    assert int(baro["events"].sum()) == int(frames.dyad_mask(result.events, members).sum()) < dyad_reports
    markers = frames.place_markers(result.events)
    assert int(markers["events"].sum()) < int(frames.place_markers(result.reports)["events"].sum())
    table, _, left_out = frames.counts_over_time(result.events)
    assert int(table.to_numpy().sum()) + left_out == 42
