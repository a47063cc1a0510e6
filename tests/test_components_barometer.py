"""components/barometer.py: the overview's SVG barometer."""

import re

import pandas as pd

from components.barometer import barometer_svg
from corpus import plover

LABELS = {"year": "Year", "mean": "Mean score", "events": "Events", "score": "Score"}


def _frame(rows):
    return pd.DataFrame(rows, columns=["year", "mean_score", "total_score", "events"])


def _bars(svg: str) -> dict[int, dict[str, float | str]]:
    out = {}
    for year, body in re.findall(r'data-year="(\d+)">(.*?)</g>', svg, re.S):
        rect = dict(re.findall(r'(\w+)="([^"]*)"', re.search(r"<rect ([^>]*)/>", body).group(1)))
        out[int(year)] = {"x": float(rect["x"]), "y": float(rect["y"]), "height": float(rect["height"]),
                          "fill": rect["fill"], "title": re.search(r"<title>(.*?)</title>", body, re.S).group(1)}
    return out


def test_one_bar_per_year_with_events_and_slots_for_the_gaps():
    svg = barometer_svg(_frame([(2008, 6.0, 12.0, 2), (2010, -4.5, -9.0, 2), (2025, -7.0, -21.0, 3)]), LABELS)
    bars = _bars(svg)
    assert sorted(bars) == [2008, 2010, 2025]
    years_shown = [int(y) for y in re.findall(r">(\d{4})</text>", svg)]
    assert years_shown[0] == 2008 and years_shown[-1] == 2025 and len(years_shown) == 18
    r, g, b = plover.QUAD_COLOURS["material_cooperation"]
    assert bars[2008]["fill"] == f"rgb({r},{g},{b})"
    r, g, b = plover.QUAD_COLOURS["material_conflict"]
    assert bars[2025]["fill"] == f"rgb({r},{g},{b})"
    # Heights are proportional to the score; positive bars rise above the zero line.
    assert abs(bars[2008]["height"] / bars[2010]["height"] - 6.0 / 4.5) < 0.01
    assert bars[2008]["y"] < bars[2010]["y"]
    assert "Mean score: \u22124.5" in bars[2010]["title"] and "Events: 2" in bars[2010]["title"]


def test_rtl_reads_years_right_to_left():
    frame = _frame([(2008, 6.0, 12.0, 2), (2025, -7.0, -21.0, 3)])
    ltr, rtl = _bars(barometer_svg(frame, LABELS)), _bars(barometer_svg(frame, LABELS, rtl=True))
    assert ltr[2008]["x"] < ltr[2025]["x"]
    assert rtl[2008]["x"] > rtl[2025]["x"]


def test_labels_are_escaped():
    evil = "<script>alert(1)</script>"
    svg = barometer_svg(_frame([(2010, 1.0, 1.0, 1)]), {**LABELS, "year": evil, "score": '"><img src=x>'})
    assert "<script>" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg


def test_empty_frame_draws_an_empty_axis():
    svg = barometer_svg(_frame([]), LABELS)
    assert svg.startswith("<svg") and svg.endswith("</svg>") and not _bars(svg)
