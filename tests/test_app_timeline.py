"""AppTest: the timeline — renders, one marker per filtered event (spans at their date precision,
milestones), lanes switch, languages, many events grouped per lane and period."""

import base64
import json

import numpy as np
import pandas as pd
import pytest

from components import charts
from components.charts import MILESTONES
from components.i18n import t
from tests.test_app_helpers import (
    assert_no_raw_keys,
    expected_counts,
    index,
    run_page,
    shown_counts,
)


def _array(value) -> list:
    """A plotly data array: a list, or a typed array spec {dtype, bdata(, shape)}."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])).tolist()
    return list(value or [])


def _fig(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def _markers(at) -> int:
    return sum(len(_array(tr.get("x"))) for tr in _fig(at)["data"] if tr.get("mode") == "markers")


def _lanes(at) -> set[str]:
    fig = _fig(at)
    ticks = fig["layout"]["yaxis"]["ticktext"]
    return {ticks[int(y)] for tr in fig["data"] if tr.get("mode") == "markers" for y in _array(tr["y"])}


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
    lanes = _lanes(at)
    assert lanes and lanes <= {t("type." + e, "fr") for e in __import__("corpus.plover", fromlist=["x"]).EVENT_TYPES}


def test_each_event_spans_its_date_precision_and_milestones_are_drawn():
    at = run_page("timeline", {"lang": "en"})
    assert not at.exception
    fig = _fig(at)
    ticks = fig["layout"]["yaxis"]["ticktext"]
    drawn = set()
    for tr in fig["data"]:
        if tr.get("mode") == "lines":
            xs, ys = _array(tr["x"]), _array(tr["y"])
            drawn |= {(xs[i], xs[i + 1], ticks[int(ys[i])]) for i in range(0, len(xs), 3)}
    events = index().events
    coarse = events[events["date_precision"] > 1]
    assert coarse.shape[0] and len(drawn) >= 1
    ms = lambda ts: ts.value / 1e6  # noqa: E731 - pandas Timestamp → epoch ms
    spans = {(ms(s), ms(e + pd.Timedelta(days=1))) for s, e in zip(coarse["date_start"], coarse["date_end"], strict=True)}
    assert spans == {(s, e) for s, e, _ in drawn}
    shapes = [s["x0"] for s in fig["layout"]["shapes"]]
    assert shapes == [d for d, _ in MILESTONES]


def test_many_events_are_grouped_per_lane_and_period(monkeypatch):
    monkeypatch.setattr(charts, "DETAIL_MAX", 5)
    at = run_page("timeline", {"lang": "fr"})
    assert not at.exception
    fig = _fig(at)
    texts = [h for tr in fig["data"] if tr.get("mode") == "markers" for h in tr["hovertext"]]
    n_events = expected_counts({})[0]
    assert 0 < len(texts) < n_events
    label = t("hover.count", "fr")
    counts = [int(h.split(f"{label}: ")[1].split("<")[0]) for h in texts]
    assert sum(counts) == n_events - int(index().events["date_start"].isna().sum())
