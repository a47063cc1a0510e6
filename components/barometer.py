"""The relations barometer as inline SVG: one bar per year of the mean cooperation–conflict
score (−10 … +10), hover titles with the year, mean and event count.

Plain SVG rather than a plotly figure because the barometer is the first chart a new visitor
sees: plotly.js is a multi-megabyte bundle the browser loads and parses before it draws, which
more than doubled the time to a fully rendered overview (bench/bench_app.py). The timeline,
where zoom and selection matter, stays plotly. No Streamlit here; every text is escaped.
"""

from __future__ import annotations

import math

import pandas as pd

from components.html import esc
from corpus import plover

WIDTH, HEIGHT = 760, 250
TOP, BOTTOM, AXIS = 16, 34, 40  # margins: above, below (year labels), beside (score labels)
SCALE = 10.0
GRID = (10, 5, 0, -5, -10)
MAX_YEAR_LABELS = 20


def _rgb(quad: str) -> str:
    r, g, b = plover.QUAD_COLOURS[quad]
    return f"rgb({r},{g},{b})"


def _score(value: float, digits: int = 1) -> str:
    """A signed score with a real minus sign (−4.5, +2.0, 0.0; +10 with digits=0)."""
    text = f"{abs(value):.{digits}f}"
    return text if round(value, digits) == 0 else ("+" if value > 0 else "\u2212") + text


def barometer_svg(frame: pd.DataFrame, labels: dict[str, str], rtl: bool = False) -> str:
    """`frame`: year, mean_score, events (components.frames.barometer). Every year between the
    first and the last gets a slot, so gaps in coverage stay visible; years read right to left
    in a right-to-left interface, with the score axis on the right."""
    rows = {int(r["year"]): r for r in frame.to_dict("records")}
    years = list(range(min(rows), max(rows) + 1)) if rows else []
    plot_left, plot_right = (10, WIDTH - AXIS) if rtl else (AXIS, WIDTH - 10)
    plot_h = HEIGHT - TOP - BOTTOM
    slot = (plot_right - plot_left) / max(1, len(years))

    def y(value: float) -> float:
        return TOP + (SCALE - max(-SCALE, min(SCALE, value))) / (2 * SCALE) * plot_h

    def x(i: int) -> float:
        k = len(years) - 1 - i if rtl else i
        return plot_left + k * slot

    parts = [f'<svg class="atlas-barometer" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
             f'aria-label="{esc(labels["score"])}" xmlns="http://www.w3.org/2000/svg" '
             'style="max-width:960px;font-family:inherit;font-size:12px;direction:ltr">']
    label_x, anchor = (plot_right + 6, "start") if rtl else (plot_left - 6, "end")
    for value in GRID:
        gy = y(value)
        stroke = 'stroke="rgba(128,128,128,.7)" stroke-width="1.2"' if value == 0 else \
            'stroke="rgba(128,128,128,.25)" stroke-dasharray="3 3"'
        parts.append(f'<line x1="{plot_left}" x2="{plot_right}" y1="{gy:.1f}" y2="{gy:.1f}" {stroke}/>')
        parts.append(f'<text x="{label_x}" y="{gy + 4:.1f}" text-anchor="{anchor}" fill="currentColor" '
                     f'opacity=".75">{esc(_score(value, 0))}</text>')
    every = max(1, math.ceil(len(years) / MAX_YEAR_LABELS))
    for i, year in enumerate(years):
        cx = x(i) + slot / 2
        if i % every == 0 or i == len(years) - 1:
            parts.append(f'<text x="{cx:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
                         f'fill="currentColor" opacity=".8">{year}</text>')
        row = rows.get(year)
        if row is None:
            continue
        mean = float(row["mean_score"])
        top, bottom = sorted((y(0), y(mean)))
        colour = _rgb("material_cooperation" if mean >= 0 else "material_conflict")
        title = (f'{labels["year"]}: {year}\n{labels["mean"]}: {_score(mean)}\n'
                 f'{labels["events"]}: {int(row["events"])}')
        width = slot * 0.7
        parts.append(f'<g class="atlas-barometer-year" data-year="{year}"><title>{esc(title)}</title>'
                     f'<rect x="{cx - width / 2:.1f}" y="{top:.1f}" width="{width:.1f}" '
                     f'height="{max(1.0, bottom - top):.1f}" fill="{colour}" rx="2"/>'
                     f'<text x="{cx:.1f}" y="{(top - 4) if mean >= 0 else (bottom + 12):.1f}" '
                     f'text-anchor="middle" fill="currentColor" font-size="11">{esc(_score(mean))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
