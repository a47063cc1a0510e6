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


def _layout(fig: go.Figure, rtl: bool, height: int, legend_below: bool = False) -> go.Figure:
    """Fonts, margins, direction. The legend sits above the plot, or under it (the container's
    bottom edge) where milestone labels use the space above."""
    side = {"xanchor": "right" if rtl else "left", "x": 1 if rtl else 0}
    legend = ({"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, **side} if legend_below
              else {"orientation": "h", "yanchor": "bottom", "y": 1.02, **side})
    fig.update_layout(
        font={"family": FONT, "size": 13}, height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 70 if legend_below else 10}, legend=legend,
        hoverlabel={"font": {"family": FONT}, "align": "right" if rtl else "left"},
    )
    return fig


def date_range(points: pd.DataFrame) -> tuple[np.datetime64, np.datetime64] | None:
    """The x range of the timeline: the points' own period with a margin of 3% (at least 15
    days), so a filter to one year shows that year, not the whole corpus."""
    if points.empty:
        return None
    start = points["start"].to_numpy(dtype="datetime64[D]")
    end = points["end"].to_numpy(dtype="datetime64[D]")
    dated = ~np.isnat(start)
    if not dated.any():
        return None
    first, last = start[dated].min(), end[dated].max()
    pad = max(np.timedelta64(15, "D"), (last - first) * 3 // 100)
    return first - pad, last + pad


def _label_anchor(date: str, window, rtl: bool) -> str:
    """A milestone label runs away from the nearer edge of the plot, so it is never cut off."""
    if window is None:
        return "center"
    late = np.datetime64(date, "D") > window[0] + (window[1] - window[0]) // 2
    return "right" if late != rtl else "left"


def counts_figure(counts: pd.DataFrame, period: str, labels: dict[str, str],
                  quad_label: Callable[[str], str], rtl: bool = False) -> go.Figure:
    """Events per month or year, stacked by quad class (components.frames.counts_over_time)."""
    x = _ms(counts.index.to_numpy(dtype="datetime64[D]")) if len(counts) else np.zeros(0)
    width = (31 if period == "M" else 366) * 86_400_000 * 0.8
    traces = [{"type": "bar", "x": x, "y": counts[quad].to_numpy(dtype=np.int64), "name": quad_label(quad),
               "marker": {"color": rgb(quad)}, "width": width, "offset": 0, "legendgroup": quad,
               "hovertemplate": f"%{{x|{'%Y-%m' if period == 'M' else '%Y'}}}: %{{y}}<extra>{quad_label(quad)}</extra>"}
              for quad in plover.QUAD_CLASSES if quad in counts and counts[quad].any()]
    layout = {"barmode": "stack", "bargap": 0.1,
              "xaxis": {"type": "date", "tickformat": "%Y-%m" if period == "M" else "%Y",
                        "autorange": "reversed" if rtl else True},
              "yaxis": {"title": {"text": labels["count"]}, "side": "right" if rtl else "left", "rangemode": "tozero"}}
    return _layout(go.Figure(data=traces, layout=layout), rtl, 260)


def _ms(days: np.ndarray) -> np.ndarray:
    """Day (or finer) datetimes as float milliseconds since the epoch (plotly date axes accept
    them; a typed array is copied and serialised without per-value Python), NaN for NaT."""
    out = days.astype("datetime64[ms]").astype(np.int64).astype(np.float64)
    out[np.isnat(days)] = np.nan
    return out


def timeline_figure(
    points: pd.DataFrame,
    lanes: Sequence[str],
    labels: dict[str, str],
    quad_label: Callable[[str], str],
    milestones: Sequence[tuple[str, str]],
    rtl: bool = False,
) -> go.Figure:
    """Events — or groups of events — on a date axis in lanes, coloured by quad class: per
    quad class a trace of span lines (the date precision, or the group's period) and a trace of
    markers at the middle of the span. `points` (components.frames.timeline_points /
    bucket_points): key (customdata: event row position or group number), lane (number into
    `lanes`), quad, start, end (day arrays, end exclusive), span (draw the line), size, text
    (hover). Numbers only in the data arrays; lanes are the y tick labels."""
    traces: list[dict] = []
    if not points.empty:
        quads = points["quad"].to_numpy(dtype=object)
        for quad in plover.QUAD_CLASSES:
            part = points[quads == quad]
            if part.empty:
                continue
            start = part["start"].to_numpy(dtype="datetime64[D]")
            end = part["end"].to_numpy(dtype="datetime64[D]")
            lane = part["lane"].to_numpy(dtype=np.float64)
            spans = part["span"].to_numpy(dtype=bool) & ~np.isnat(start)
            if spans.any():
                n = int(spans.sum())
                xs, ys = np.full(3 * n, np.nan), np.full(3 * n, np.nan)
                xs[0::3], xs[1::3] = _ms(start[spans]), _ms(end[spans])
                ys[0::3] = ys[1::3] = lane[spans]
                traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
                               "line": {"width": 9, "color": rgb(quad, 0.35)}, "showlegend": False,
                               "legendgroup": quad})
            middle = start.astype("datetime64[ms]") + (end - start).astype("timedelta64[ms]") // 2
            traces.append({
                "type": "scatter", "x": _ms(middle), "y": lane, "mode": "markers", "name": quad_label(quad),
                "legendgroup": quad, "customdata": part["key"].to_numpy(dtype=np.int32),
                "marker": {"size": part["size"].to_numpy(dtype=np.float64), "color": rgb(quad),
                           "line": {"width": 1, "color": "white"}},
                "hovertext": part["text"].to_numpy(dtype=object), "hovertemplate": "%{hovertext}<extra></extra>",
            })
    n_lanes = max(1, len(lanes))
    window = date_range(points)
    if window is not None:  # milestones outside the filtered period would stretch the axis
        milestones = [(d, lab) for d, lab in milestones if window[0] <= np.datetime64(d, "D") <= window[1]]
    x_range = [_ms(np.array(window, dtype="datetime64[D]"))[i] for i in ((1, 0) if rtl else (0, 1))] if window else None
    span_days = int((window[1] - window[0]).astype(np.int64)) if window else 0
    layout = {
        "shapes": [{"type": "line", "x0": date, "x1": date, "yref": "paper", "y0": 0, "y1": 1,
                    "line": {"dash": "dot", "color": "rgba(100,100,100,.7)", "width": 1}} for date, _ in milestones],
        "annotations": [{"x": date, "y": 1, "yref": "paper", "text": label, "showarrow": False, "yanchor": "bottom",
                         "xanchor": _label_anchor(date, window, rtl),
                         "font": {"size": 11}, "bgcolor": "rgba(255,255,255,.6)"} for date, label in milestones],
        "xaxis": {"title": {"text": labels["date"]}, "type": "date", "tickformat": "%Y" if span_days > 1100 else "%Y-%m",
                  **({"range": x_range} if x_range else {"autorange": "reversed" if rtl else True})},
        "yaxis": {"type": "linear", "tickmode": "array", "tickvals": list(range(len(lanes))), "ticktext": list(lanes),
                  "range": [-0.6, n_lanes - 0.4], "zeroline": False, "side": "right" if rtl else "left",
                  "automargin": True},
        "clickmode": "event+select", "dragmode": "pan",
    }
    return _layout(go.Figure(data=traces, layout=layout), rtl, min(960, 220 + 38 * n_lanes), legend_below=True)
