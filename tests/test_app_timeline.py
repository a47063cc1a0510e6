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


def _figs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _fig(at) -> dict:
    """The lanes figure (its y axis names the lanes); the count chart is the other one."""
    return next(f for f in _figs(at) if "ticktext" in f["layout"].get("yaxis", {}))


def _counts_fig(at) -> dict:
    return next(f for f in _figs(at) if f["layout"].get("barmode") == "stack")


def _markers(at) -> int:
    return sum(len(_array(tr.get("x"))) for tr in _fig(at)["data"] if tr.get("mode") == "markers")


def _lanes(at) -> set[str]:
    fig = _fig(at)
    ticks = fig["layout"]["yaxis"]["ticktext"]
    return {ticks[round(y)] for tr in fig["data"] if tr.get("mode") == "markers" for y in _array(tr["y"])}


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_renders_in_each_language(lang):
    at = run_page("timeline", {"lang": lang})
    assert not at.exception
    assert at.title[0].value == t("nav.timeline", lang)
    assert_no_raw_keys(at)
    fig = _fig(at)
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


def _x_range_years(fig) -> tuple[int, int]:
    low, high = sorted(fig["layout"]["xaxis"]["range"])
    as_year = lambda v: int(str(np.datetime64(int(v), "ms"))[:4]) if isinstance(v, (int, float)) else int(str(v)[:4])  # noqa: E731
    return as_year(low), as_year(high)


def test_axis_follows_the_filtered_period():
    at = run_page("timeline", {"lang": "en", "year": "2025"})
    assert not at.exception
    first, last = _x_range_years(_fig(at))
    assert 2024 <= first and last <= 2026  # not the corpus's 2003–2028
    whole = _x_range_years(_fig(run_page("timeline", {"lang": "en"})))
    assert whole[0] <= 2008 and whole[1] >= 2025


def test_same_day_events_do_not_hide_each_other():
    at = run_page("timeline", {"lang": "en"})
    points = [(x, y) for tr in _fig(at)["data"] if tr.get("mode") == "markers"
              for x, y in zip(_array(tr["x"]), _array(tr["y"]), strict=True)]
    assert len(points) == expected_counts({})[0]
    assert len(set(points)) == len(points), "two events drawn on the same spot"


def test_legend_is_clear_of_the_milestone_labels():
    layout = _fig(run_page("timeline", {"lang": "en"}))["layout"]
    assert any(a["yanchor"] == "bottom" and a["y"] == 1 for a in layout["annotations"])  # labels above the plot
    assert layout["legend"]["yref"] == "container" and layout["legend"]["y"] == 0  # legend at the bottom


def test_lane_mode_is_in_the_link():
    at = run_page("timeline", {"lang": "en", "lanes": "type"})
    assert not at.exception
    assert at.radio(key="timeline_lanes").value == "type"
    assert _lanes(at) <= {t("type." + e, "en") for e in __import__("corpus.plover", fromlist=["x"]).EVENT_TYPES}
    at.radio(key="timeline_lanes").set_value("dyad").run()
    assert "lanes" not in at.query_params
    at.radio(key="timeline_lanes").set_value("type").run()
    assert at.query_params.get("lanes") in ("type", ["type"])


def test_count_chart_counts_every_event_once():
    for params in ({}, {"year": "2025"}, {"actor": "MLI"}):
        at = run_page("timeline", {"lang": "en", **params})
        fig = _counts_fig(at)
        stacked = sum(sum(_array(tr["y"])) for tr in fig["data"])
        note = " ".join(c.value for c in at.caption)
        left_out = int(next(iter(__import__("re").findall(r"(\d+) events dated only", note)), 0))
        assert stacked + left_out == expected_counts(params)[0]
    assert _counts_fig(run_page("timeline", {"lang": "en", "year": "2025"}))["layout"]["xaxis"]["tickformat"] == "%Y-%m"


def test_a_bogus_lane_mode_in_the_link_is_named_and_the_default_used():
    at = run_page("timeline", {"lang": "fr", "lanes": "<b>bogus</b>"})
    assert not at.exception
    assert [w.value for w in at.warning] == [t("filters.ignored", "fr", items=r"lanes\=\<b\>bogus\<\/b\>")]
    assert at.radio(key="timeline_lanes").value == "dyad"
