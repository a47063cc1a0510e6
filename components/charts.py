"""Plotly figures (labels passed in, already in the interface language). No Streamlit here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from corpus import plover

FONT = "Noto Sans Arabic, Noto Sans, Segoe UI, Tahoma, sans-serif"
# Milestones on the timeline (date, catalogue key).
MILESTONES = (("2006-07-04", "milestone.2006"), ("2015-06-20", "milestone.2015"), ("2024-01-25", "milestone.2024"))
# Above this many events the timeline groups them (lane × quad class × month or year).
DETAIL_MAX = 2000


def rgb(quad: str, alpha: float | None = None) -> str:
    r, g, b = plover.QUAD_COLOURS.get(quad, (120, 120, 120))
    return f"rgba({r},{g},{b},{alpha})" if alpha is not None else f"rgb({r},{g},{b})"


def _layout(fig: go.Figure, rtl: bool, height: int) -> go.Figure:
    fig.update_layout(
        font={"family": FONT, "size": 13}, height=height, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "right" if rtl else "left", "x": 1 if rtl else 0},
        hoverlabel={"font": {"family": FONT}, "align": "right" if rtl else "left"},
    )
    return fig


def barometer_figure(frame: pd.DataFrame, labels: dict[str, str], rtl: bool = False) -> go.Figure:
    """Bars of the mean cooperation–conflict score per year (positive blue, negative orange)."""
    colours = [rgb("material_cooperation") if v >= 0 else rgb("material_conflict") for v in frame["mean_score"]]
    fig = go.Figure(go.Bar(
        x=frame["year"], y=frame["mean_score"], marker_color=colours,
        customdata=frame[["events", "total_score"]].to_numpy(),
        hovertemplate=(f"{labels['year']}: %{{x}}<br>{labels['mean']}: %{{y:.1f}}<br>"
                       f"{labels['events']}: %{{customdata[0]}}<extra></extra>"),
    ))
    fig.add_hline(y=0, line_color="rgba(128,128,128,.6)")
    fig.update_xaxes(title=labels["year"], tickformat="d", dtick=1, autorange="reversed" if rtl else True)
    fig.update_yaxes(title=labels["score"], range=[-10.5, 10.5], side="right" if rtl else "left")
    return _layout(fig, rtl, 320)


def _iso(days: np.ndarray, unit: str = "D") -> np.ndarray:
    return np.datetime_as_string(days, unit=unit)


def _span_xy(start: np.ndarray, end: np.ndarray, lanes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One line segment per span: [start, end, gap] triples (vectorised)."""
    n = len(start)
    xs = np.empty(3 * n, dtype=object)
    ys = np.empty(3 * n, dtype=object)
    xs[0::3], xs[1::3], xs[2::3] = _iso(start), _iso(end), None
    ys[0::3], ys[1::3], ys[2::3] = lanes, lanes, None
    return xs, ys


def timeline_figure(
    points: pd.DataFrame,
    labels: dict[str, str],
    quad_label: Callable[[str], str],
    milestones: Sequence[tuple[str, str]],
    rtl: bool = False,
    aggregated: bool = False,
) -> go.Figure:
    """Events (or groups of events) on a date axis in lanes, coloured by quad class: per quad
    class one trace of span lines (the date precision, or the group's period) and one trace of
    markers at the middle of the span. `points` (see components.frames): key (customdata[0] —
    an event id, or a group key), lane, quad, start, end (day arrays, end exclusive), span
    (draw the span line), size (marker size), h1…h4 (hover texts: date, then type/actors/
    summary/source for events, lane/count for groups)."""
    fig = go.Figure()
    if aggregated:
        template = (f"<b>%{{customdata[1]}}</b><br>{labels['lane']}: %{{customdata[2]}}<br>"
                    f"{labels['count']}: %{{customdata[3]}}<br>{{quad}}<extra></extra>")
        hover_cols = ["key", "h1", "h2", "h3"]
    else:
        template = (f"<b>%{{customdata[1]}}</b><br>{labels['type']}: %{{customdata[2]}}<br>"
                    f"{labels['actors']}: %{{customdata[3]}}<br>{labels['summary']}: %{{customdata[4]}}<br>"
                    f"{labels['source']}: %{{customdata[5]}}<extra></extra>")
        hover_cols = ["key", "h1", "h2", "h3", "h4", "h5"]
    if not points.empty:
        quads = points["quad"].to_numpy(dtype=object)
        for quad in plover.QUAD_CLASSES:
            part = points[quads == quad]
            if part.empty:
                continue
            start = part["start"].to_numpy(dtype="datetime64[D]")
            end = part["end"].to_numpy(dtype="datetime64[D]")
            lanes = part["lane"].to_numpy(dtype=object)
            spans = part["span"].to_numpy(dtype=bool) & ~np.isnat(start)
            if spans.any():
                xs, ys = _span_xy(start[spans], end[spans], lanes[spans])
                fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"width": 9, "color": rgb(quad, 0.35)},
                                         hoverinfo="skip", showlegend=False, legendgroup=quad))
            middle = start.astype("datetime64[m]") + (end - start).astype("timedelta64[m]") // 2
            size = part["size"].to_numpy(dtype=float)
            fig.add_trace(go.Scatter(
                x=_iso(middle, "m"), y=lanes, mode="markers", name=quad_label(quad), legendgroup=quad,
                marker={"size": size, "color": rgb(quad), "line": {"width": 1, "color": "white"}},
                customdata=part[hover_cols].to_numpy(dtype=object),
                hovertemplate=template.replace("{quad}", quad_label(quad)) if aggregated else template,
            ))
    for date, label in milestones:
        fig.add_shape(type="line", x0=date, x1=date, yref="paper", y0=0, y1=1,
                      line={"dash": "dot", "color": "rgba(100,100,100,.7)", "width": 1})
        fig.add_annotation(x=date, y=1, yref="paper", text=label, showarrow=False, yanchor="bottom",
                           font={"size": 11}, bgcolor="rgba(255,255,255,.6)")
    n_lanes = max(1, points["lane"].nunique()) if len(points) else 1
    fig.update_xaxes(title=labels["date"], type="date", tickformat="%Y", autorange="reversed" if rtl else True)
    fig.update_yaxes(title=None, type="category", side="right" if rtl else "left", automargin=True)
    fig.update_layout(clickmode="event+select", dragmode="pan")
    return _layout(fig, rtl, min(900, 160 + 38 * n_lanes))
