"""Plotly figures (labels passed in, already in the interface language). No Streamlit here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go

from corpus import plover

FONT = "Noto Sans Arabic, Noto Sans, Segoe UI, Tahoma, sans-serif"
# Milestones on the timeline (date, catalogue key).
MILESTONES = (("2006-07-04", "milestone.2006"), ("2015-06-20", "milestone.2015"), ("2024-01-25", "milestone.2024"))
MAX_POINTS = 3000


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


def timeline_figure(
    events: pd.DataFrame,
    lanes: pd.Series,
    hover: Callable[[dict], Sequence[str]],
    labels: dict[str, str],
    quad_label: Callable[[str], str],
    milestones: Sequence[tuple[str, str]],
    rtl: bool = False,
) -> go.Figure:
    """Events on a date axis in lanes, coloured by quad class. A span line covers each event's
    date precision (month, year…) and a marker sits at its middle; customdata[0] = event id."""
    fig = go.Figure()
    if not events.empty:
        start = events["date_start"]
        end = events["date_end"] + pd.Timedelta(days=1)
        middle = start + (end - start) / 2
        frame = events.assign(_lane=lanes.to_numpy(), _start=start, _end=end, _mid=middle)
        for quad in plover.QUAD_CLASSES:
            part = frame[frame["quad"] == quad]
            if part.empty:
                continue
            spans = part[part["date_precision"] > 1]
            xs, ys = [], []
            for s, e, lane in zip(spans["_start"], spans["_end"], spans["_lane"], strict=True):
                xs += [s, e, None]
                ys += [lane, lane, None]
            if xs:
                fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"width": 9, "color": rgb(quad, 0.35)},
                                         hoverinfo="skip", showlegend=False, legendgroup=quad))
            rows = part.to_dict("records")
            fig.add_trace(go.Scatter(
                x=part["_mid"], y=part["_lane"], mode="markers", name=quad_label(quad), legendgroup=quad,
                marker={"size": 11, "color": rgb(quad), "line": {"width": 1, "color": "white"}},
                customdata=[[r["id"], *hover(r)] for r in rows],
                hovertemplate=(f"<b>%{{customdata[1]}}</b><br>{labels['type']}: %{{customdata[2]}}<br>"
                               f"{labels['actors']}: %{{customdata[3]}}<br>{labels['summary']}: %{{customdata[4]}}<br>"
                               f"{labels['source']}: %{{customdata[5]}}<extra></extra>"),
            ))
    for date, label in milestones:
        fig.add_shape(type="line", x0=date, x1=date, yref="paper", y0=0, y1=1,
                      line={"dash": "dot", "color": "rgba(100,100,100,.7)", "width": 1})
        fig.add_annotation(x=date, y=1, yref="paper", text=label, showarrow=False, yanchor="bottom",
                           font={"size": 11}, bgcolor="rgba(255,255,255,.6)")
    n_lanes = max(1, lanes.nunique()) if len(lanes) else 1
    fig.update_xaxes(title=labels["date"], type="date", tickformat="%Y", autorange="reversed" if rtl else True)
    fig.update_yaxes(title=None, type="category", side="right" if rtl else "left", automargin=True)
    fig.update_layout(clickmode="event+select", dragmode="pan")
    return _layout(fig, rtl, min(900, 160 + 38 * n_lanes))
