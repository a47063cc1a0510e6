"""AppTest: the timeline — renders, one marker per filtered event, lanes switch, languages."""

import json

import pytest

from components.i18n import t
from tests.test_app_helpers import assert_no_raw_keys, expected_counts, run_page, shown_counts


def _markers(at) -> int:
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    return sum(len(tr.get("x", [])) for tr in fig["data"] if tr.get("mode") == "markers")


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_renders_in_each_language(lang):
    at = run_page("timeline", {"lang": lang})
    assert not at.exception
    assert at.title[0].value == t("nav.timeline", lang)
    assert_no_raw_keys(at)
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    texts = [a["text"] for a in fig["layout"].get("annotations", [])]
    assert t("milestone.2015", lang) in texts


@pytest.mark.parametrize("params", [{}, {"year": "2025"}, {"actor": "MLI", "quad": "verbal_conflict"}])
def test_one_marker_per_event(params):
    at = run_page("timeline", {"lang": "en", **params})
    assert not at.exception
    shown = shown_counts(at)
    assert shown == expected_counts(params)
    if shown[0]:
        assert _markers(at) == shown[0]


def test_lanes_by_type():
    at = run_page("timeline", {"lang": "fr"})
    at.radio(key="timeline_lanes").set_value("type").run()
    assert not at.exception
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    lanes = {y for tr in fig["data"] if tr.get("mode") == "markers" for y in tr["y"]}
    assert lanes <= {t("type." + e, "fr") for e in __import__("corpus.plover", fromlist=["x"]).EVENT_TYPES}
