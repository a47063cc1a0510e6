import numpy as np
import pytest

from corpus.loader import load_corpus
from corpus.query import Filters, actor_members, build_index, run_query
from tests.fixtures import make_data_dir, tiny_records


@pytest.fixture
def index(tmp_path):
    records = tiny_records()
    base = records["events"][0]
    records["events"].append({**base, "id": "e2", "date": "2024", "date_precision": 5,
                              "event_type": "DISAPPROVE", "actor1": "MLI", "actor2": "DZA",
                              "place_id": "mali", "geo_precision": 6, "summary_en": "Mali blames Algeria",
                              "summary_ar": "مالي تتهم الجزائر"})
    records["events"].append({**base, "id": "e3", "status": "proposed", "origin": "added"})
    records["events"].append({**base, "id": "e4", "status": "rejected", "origin": "added"})
    return build_index(load_corpus(make_data_dir(tmp_path / "d", records)))


def ids(frame):
    return sorted(frame["id"])


@pytest.mark.parametrize(
    ("filters", "events", "quotes"),
    [
        (Filters(), ["e1", "e2"], ["q1"]),
        (Filters(year_min=2024, year_max=2024), ["e2"], []),
        (Filters(year_min=2009, year_max=2009), ["e1"], ["q1"]),
        (Filters(actors=("DZA",)), ["e1", "e2"], ["q1"]),  # DZA covers its foreign ministry's quote
        (Filters(actors=("DZA-MFA",)), [], ["q1"]),
        (Filters(event_types=("AID",)), ["e1"], ["q1"]),
        (Filters(quads=("verbal_conflict",)), ["e2"], []),
        (Filters(places=("mali",)), ["e1", "e2"], ["q1"]),  # Bamako lies in Mali
        (Filters(places=("bamako",)), ["e1"], ["q1"]),
        (Filters(text="ارسلت"), ["e1", "e2"], []),  # hamza-insensitive: أرسلت in both evidence spans
        (Filters(text="تتّهم"), ["e2"], []),  # shadda ignored: تتهم in the Arabic summary
        (Filters(text="مالى"), ["e2"], ["q1"]),  # alef maqsura folds to ya
        (Filters(text="BLAMES"), ["e2"], []),
        (Filters(articles=("t1",)), ["e1", "e2"], ["q1"]),
        (Filters(include_proposed=True), ["e1", "e2", "e3"], ["q1"]),
        # date range: a year-only date (e2, 2024) overlaps any range touching 2024
        (Filters(date_from="2024-06-01", date_to="2024-06-30"), ["e2"], []),
        (Filters(date_from="2024-12-31"), ["e2"], []),
        (Filters(date_to="2023-12-31"), ["e1"], ["q1"]),
        (Filters(date_from="2025-01-01"), [], []),
    ],
)
def test_filters(index, filters, events, quotes):
    result = run_query(index, filters)
    assert ids(result.events) == events
    assert ids(result.quotes) == quotes


def test_totals_count_visible_items_only(index):
    result = run_query(index, Filters(year_min=2024, year_max=2024))
    assert (result.total_events, result.total_quotes) == (2, 1)
    assert run_query(index, Filters(include_proposed=True)).total_events == 3


def test_event_date_ranges_follow_precision(index):
    row = index.events.set_index("id").loc["e2"]
    assert str(row["date_start"].date()) == "2024-01-01"
    assert str(row["date_end"].date()) == "2024-12-31"


def test_actor_members_follow_affiliation(tmp_path):
    corpus = load_corpus(make_data_dir(tmp_path / "d"))
    assert actor_members(corpus)["DZA"] == {"DZA", "DZA-MFA"}
    assert actor_members(corpus)["MLI"] == {"MLI"}


def test_unfiltered_result_shares_the_index_frames_and_cannot_change_them():
    index = build_index(load_corpus())
    result = run_query(index, Filters())
    assert len(result.reports) == len(index.events)
    assert len(result.events) == index.events["cluster_id"].nunique()  # one row per event
    assert np.shares_memory(result.reports["start"].to_numpy(), index.events["start"].to_numpy())
    result.reports["start"] = -1  # a page changing its result must not reach the shared index
    result.reports.loc[result.reports.index[0], "end"] = -1
    result.events["start"] = -1
    assert (index.events["start"] >= 0).all() and (index.events["end"] > 0).all()


@pytest.mark.parametrize(
    ("include_proposed", "shown"),
    [(False, {"accepted", "edited"}), (True, {"accepted", "edited", "proposed"})],
)
def test_visible_statuses_is_the_one_rule(include_proposed, shown):
    from corpus.models import STATUSES, visible_statuses

    assert set(visible_statuses(include_proposed)) == shown
    assert set(visible_statuses(include_proposed)) <= set(STATUSES) and "rejected" not in shown
