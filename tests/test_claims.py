"""corpus/claims.py: quotes about an event grouped by side; the contested exchanges."""

import pandas as pd
import pytest

from corpus import claims
from corpus.loader import load_corpus
from corpus.query import Filters, build_index, run_query


@pytest.fixture(scope="module")
def index():
    return build_index(load_corpus())


def test_thread_ids_follow_replies_to_the_first_event():
    cluster_of = {"a": "a", "a2": "a", "b": "b", "c": "c", "d": "d"}
    responds = {"b": "a2", "c": "b", "d": None}
    assert claims.thread_ids(cluster_of, responds) == {"a": "a", "b": "a", "c": "a", "d": "d"}


def test_thread_ids_survive_a_reply_loop():
    out = claims.thread_ids({"a": "a", "b": "b"}, {"a": "b", "b": "a"})
    assert set(out) == {"a", "b"} and set(out.values()) <= {"a", "b"}


def test_attaf_and_mali_are_one_contested_exchange(index):
    result = run_query(index, Filters())
    found = {c.thread_id: c for c in claims.claims(result.quotes, index.state_of)}
    attaf = found["ev-001-01"]
    assert [side for side, _ in attaf.sides] == ["DZA", "MLI"]  # Attaf spoke first (30 Dec 2024)
    dza, mli = (frame for _, frame in attaf.sides)
    assert set(dza["speaker"]) == {"ahmed-attaf"} and set(dza["date"]) == {"2024-12-30"}
    assert set(mli["speaker"]) == {"MLI-MFA"} and set(mli["date"]) == {"2025-01-01"}
    # quotes of both reports of each event (articles 001 and 003) are included
    assert {"q-001-03", "q-003-01"} <= set(dza["id"]) and {"q-001-01", "q-003-04"} <= set(mli["id"])


def test_one_sided_events_are_not_claims(index):
    result = run_query(index, Filters())
    threads = {c.thread_id for c in claims.claims(result.quotes, index.state_of)}
    assert "ev-004-01" not in threads  # only the Malian army is quoted about Algeria's aid
    assert threads == {"ev-001-01", "ev-002-01"}


def test_about_an_event_includes_its_cluster_and_replies(index):
    thread = index.events.set_index("id").loc["ev-003-04", "thread_id"]
    assert thread == "ev-001-01"
    quoted = set(claims.about(index.quotes, thread)["id"])
    assert {"q-001-03", "q-003-01", "q-003-07"} <= quoted and "q-001-04" not in quoted


def _quotes(rows):
    return pd.DataFrame(rows, columns=["id", "speaker", "date", "thread_id"])


def test_by_side_folds_officials_into_their_state_and_keeps_non_state_speakers():
    state = {"attaf": "DZA", "DZA": "DZA", "MLI-MFA": "MLI"}.get
    frame = _quotes([("q3", "AQIM", "2020-01-03", "t"), ("q1", "attaf", "2020-01-01", "t"),
                     ("q2", "MLI-MFA", "2020-01-02", "t"), ("q4", "DZA", "2020-01-04", "t"),
                     ("q5", None, "2020-01-05", "t")])
    sides = claims.by_side(frame, lambda a: state(a, a))
    assert [(side, list(group["id"])) for side, group in sides] == [
        ("DZA", ["q1", "q4"]), ("MLI", ["q2"]), ("AQIM", ["q3"]), ("", ["q5"])]


def test_unknown_speakers_do_not_make_a_second_side():
    frame = _quotes([("q1", "DZA", "2020-01-01", "t"), ("q2", None, "2020-01-02", "t"),
                     ("q3", "DZA", "2020-01-01", "u"), ("q4", "MLI", "2020-01-01", "u"),
                     ("q5", "MLI", "2020-01-01", None)])
    assert [c.thread_id for c in claims.claims(frame, lambda a: a)] == ["u"]
