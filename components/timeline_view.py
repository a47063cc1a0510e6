"""The timeline figure for the Timeline page: built once per (corpus, filtered events,
language, lane mode) and cached; and reading a selected point back to events."""

import hashlib

import numpy as np
import pandas as pd
import streamlit as st

from components import frames
from components.charts import MILESTONES, counts_figure, timeline_figure
from components.filters import warn_ignored
from components.html import esc
from components.i18n import date_label, fmt_date, fmt_int
from corpus import plover


def signature(ctx, events: pd.DataFrame) -> str:
    """The corpus (its stable key and size) and which of its rows the filters kept."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{ctx.corpus_key}:{len(ctx.index.events)}:{len(events)}".encode())
    if ctx.index.events.index.is_unique:  # row labels identify the kept rows: hash them (fast)
        digest.update(np.ascontiguousarray(events.index.to_numpy()).tobytes())
    else:
        digest.update("\x1f".join(events["id"].astype(str)).encode())
    return digest.hexdigest()


@st.cache_resource(show_spinner=False, max_entries=16)
def figure(signature: str, lang: str, mode: str, detail_max: int, _ctx, _events: pd.DataFrame,
           highlight: str | None = None):
    """(figure, group number of each event — None when every event is its own point). Kept
    as objects (cache_resource, not cache_data): an unpickled plotly Figure is revalidated,
    which costs as much as building it; st.plotly_chart only reads the figure. `highlight`:
    the cluster id of the event a link selected (`?event=ID`), drawn with a ring."""
    fig, bucket_of = _figure(lang, mode, detail_max, _ctx, _events)
    position = np.flatnonzero(_events["cluster_id"].to_numpy(dtype=object) == highlight) if highlight else []
    if len(position):
        lane, _ = frames.lanes(_events, mode, _ctx.dyad, lambda e: _ctx.t("type." + e))
        start, end = frames.event_spans(_events.iloc[position[:1]])
        middle = start.astype("datetime64[ms]") + (end - start).astype("timedelta64[ms]") // 2
        fig.add_scatter(x=middle.astype("datetime64[ms]").astype(np.int64).astype(float), y=[float(lane[position[0]])],
                        mode="markers", name=_ctx.t("item.linked"), hoverinfo="skip", showlegend=False,
                        marker={"size": 24, "symbol": "circle-open", "color": "#d55e00", "line": {"width": 3}})
    return fig, bucket_of


def _figure(lang: str, mode: str, detail_max: int, _ctx, _events: pd.DataFrame):
    ctx, events, t = _ctx, _events, _ctx.t
    lane, names = frames.lanes(events, mode, ctx.dyad, lambda e: t("type." + e))
    names = [esc(n) for n in names]  # plotly reads tick and hover text as HTML-like markup
    quad = {q: t("quad." + q) for q in plover.QUAD_CLASSES}
    milestones = [(d, t(k)) for d, k in MILESTONES]
    labels = {"date": t("chart.date")}
    if len(events) > detail_max:
        buckets, bucket_of = frames.timeline_buckets(events, lane, frames.timeline_period(events, len(names)))
        lane_key, count = t("hover.actors" if mode == "dyad" else "hover.type"), t("hover.count")
        periods = frames.map_unique(list(zip(buckets["start"].astype(str), buckets["precision"], strict=True)),
                                    lambda sp: fmt_date(sp[0], int(sp[1]), lang))
        names_q = [quad[q] for q in plover.QUAD_CLASSES]
        counts = buckets[[f"n_{q}" for q in plover.QUAD_CLASSES]].to_numpy()
        hover = [f"<b>{period}</b><br>{lane_key}: {names[lane_no]}<br>{count}: {n}<br>"
                 + "<br>".join(f"{label}: {c}" for label, c in zip(names_q, row, strict=True) if c)
                 for period, lane_no, n, row in zip(periods, buckets["lane"].tolist(), buckets["events"].tolist(),
                                                    counts.tolist(), strict=True)]
        points = frames.bucket_points(buckets, hover)
        return timeline_figure(points, names, labels, quad.get, milestones, ctx.rtl), bucket_of
    column = f"summary_{lang}"  # an interface language without summaries shows the English ones
    own = events[column].astype(object) if column in events else pd.Series(None, index=events.index, dtype=object)
    english = events["summary_en"].astype(object).fillna("").str.slice(0, 160)
    mark = "" if lang == "en" else " " + t("fallback.en")
    summaries = [esc(o[:160] if isinstance(o, str) and o.strip() else e + mark) for o, e in zip(own, english, strict=True)]
    precision = events["date_precision"].astype(object)
    estimated = events["date_estimated"].astype(object)
    dates = frames.map_unique(list(zip(events["date"].astype(object), precision, estimated, strict=True)),
                              lambda dpe: date_label(dpe[0], dpe[1], lang, dpe[2]))
    dyads = frames.map_unique(list(zip(events["actor1"].astype(object), events["actor2"].astype(object), strict=True)),
                              lambda pair: esc(ctx.dyad(*pair)))
    types = frames.map_unique(events["event_type"], lambda e: t("type." + e))
    sources = frames.map_unique(events["article_id"], lambda a: esc(ctx.article_title(a)[:80]))
    reported = frames.map_unique(events["report_count"], lambda n: f"<br>{esc(t('cluster.sources', n=fmt_int(int(n), lang)))}" if n > 1 else "")
    k_type, k_actors, k_summary, k_source = (t(f"hover.{k}") for k in ("type", "actors", "summary", "source"))
    hover = [f"<b>{d}</b><br>{k_type}: {ty}<br>{k_actors}: {dy}<br>{k_summary}: {su}<br>{k_source}: {so}{n}"
             for d, ty, dy, su, so, n in zip(dates, types, dyads, summaries, sources, reported, strict=True)]
    points = frames.timeline_points(events, lane, hover)
    return timeline_figure(points, names, labels, quad.get, milestones, ctx.rtl), None


LANES_KEY, LANE_MODES = "lanes", ("dyad", "type")
_LANES_STATE = "timeline_lanes"


def lane_mode_radio(ctx) -> str:
    """The lane mode, kept in the URL (`lanes=type`; the default `dyad` is left out). Set from
    the URL on the first run; a change writes the URL in the widget's callback, before the
    rerun, so the sidebar's share link is already right."""
    if _LANES_STATE not in st.session_state:
        wanted = st.query_params.get(LANES_KEY)
        st.session_state[_LANES_STATE] = wanted if wanted in LANE_MODES else LANE_MODES[0]
        if wanted is not None and wanted not in LANE_MODES:
            warn_ignored([f"{LANES_KEY}={wanted[:40]}"], ctx.lang)
    return st.radio(ctx.t("timeline.lanes"), LANE_MODES, horizontal=True, key=_LANES_STATE,
                    on_change=_write_lanes,
                    format_func=lambda m: ctx.t("timeline.by_dyad" if m == "dyad" else "timeline.by_type"))


def _write_lanes() -> None:
    mode = st.session_state.get(_LANES_STATE)
    if mode == LANE_MODES[0] or mode not in LANE_MODES:
        st.query_params.pop(LANES_KEY, None)
    else:
        st.query_params[LANES_KEY] = mode


def counts_chart(ctx, events: pd.DataFrame) -> None:
    """Events per month or year by quad class, stacked (the view ACLED users read first)."""
    counts, period, coarser = frames.counts_over_time(events)
    labels = {"count": ctx.t("chart.events")}
    fig = counts_figure(counts, period, labels, lambda q: ctx.t("quad." + q), ctx.rtl)
    st.plotly_chart(fig, key="timeline_counts", config={"displaylogo": False})
    note = ctx.t("timeline.counts_month" if period == "M" else "timeline.counts_year")
    if coarser:
        note += " " + ctx.t("timeline.counts_coarser", n=coarser)
    st.caption(note)


def selected_key(point: dict) -> int | None:
    """A selected point's customdata: an event row position or a group number."""
    value = point.get("customdata")
    if isinstance(value, list):
        value = value[0] if value else None
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
