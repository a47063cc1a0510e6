from pathlib import Path

import pytest

from corpus import plover

DOC = Path(__file__).resolve().parent.parent / "docs" / "PLOVER.md"


def test_nineteen_types_in_four_quads():
    assert len(plover.EVENT_TYPES) == 19
    assert {plover.quad_of(t) for t in plover.EVENT_TYPES} == set(plover.QUAD_CLASSES)


def test_cooperation_scores_positive_and_conflict_negative():
    for event_type in plover.EVENT_TYPES:
        quad, score = plover.quad_of(event_type), plover.score_of(event_type)
        assert -10 <= score <= 10
        if quad.endswith("conflict"):
            assert score < 0, event_type
    assert plover.score_of("AID") > 0 and plover.score_of("FIGHT") == -10


def test_doc_table_matches_code():
    text = DOC.read_text(encoding="utf-8")
    for event_type in plover.EVENT_TYPES:
        assert f"| {event_type} | {plover.quad_of(event_type).replace('_', ' ')} | {plover.score_of(event_type):+.1f} |" in text


@pytest.mark.parametrize(
    ("event_type", "symmetric"),
    [("CONSULT", True), ("AGREE", True), ("COOPERATE", True), ("FIGHT", True), ("DEMAND", False),
     ("AID", False), ("ASSAULT", False), ("REJECT", False)],
)
def test_symmetric_types_are_one_table_of_plover_types(event_type, symmetric):
    assert (event_type in plover.SYMMETRIC_TYPES) is symmetric
    assert plover.SYMMETRIC_TYPES <= set(plover.EVENT_TYPES)
