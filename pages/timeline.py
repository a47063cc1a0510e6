"""Timeline: events on a date axis in lanes (actor pair or event type), coloured by quad class,
drawn at their date precision; selecting a point shows its evidence sentence and quotes.
Above charts.DETAIL_MAX events a point is a group (lane × month or year, coloured by its most
frequent quad class, marker area ∝ count, hover: counts per quad class); selecting a group
shows its first events. The figure is cached per
(corpus, filtered events, language, lane mode)."""

import hashlib

import numpy as np
import pandas as pd
import streamlit as st

from components import frames
from components.cards import quote_card_data
from components.charts import DETAIL_MAX, MILESTONES, timeline_figure
from components.html import evidence_block, query_href, quote_card
from components.i18n import fmt_date
from components.layout import header
from components.shell import context
from corpus import plover


def _signature(ctx, events: pd.DataFrame) -> str:
    """The corpus (its index object and size) and which of its events the filters kept."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{id(ctx.index)}:{len(ctx.index.events)}:{len(events)}".encode())
    if ctx.index.events.index.is_unique:  # row labels identify the kept rows: hash them (fast)
        digest.update(np.ascontiguousarray(events.index.to_numpy()).tobytes())
    else:
        digest.update("\x1f".join(events["id"].astype(str)).encode())
    return digest.hexdigest()


@st.cache_resource(show_spinner=False, max_entries=16)
def _figure(signature: str, lang: str, mode: str, detail_max: int, _ctx, _events: pd.DataFrame):
    """(figure, group number of each event — None when every event is its own point). Kept
    as objects (cache_resource, not cache_data): an unpickled plotly Figure is revalidated,
    which costs as much as building it; st.plotly_chart only reads the figure."""
    ctx, events, t = _ctx, _events, _ctx.t
    lane, names = frames.lanes(events, mode, ctx.dyad, lambda e: t("type." + e))
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
    own = events[f"summary_{lang}"].astype(object)
    english = events["summary_en"].astype(object).fillna("").str.slice(0, 160)
    mark = "" if lang == "en" else " " + t("fallback.en")
    summaries = [o[:160] if isinstance(o, str) and o.strip() else e + mark for o, e in zip(own, english, strict=True)]
    precision = events["date_precision"].astype(object)
    dates = frames.map_unique(list(zip(events["date"].astype(object), precision, strict=True)),
                              lambda dp: fmt_date(dp[0], dp[1], lang))
    dyads = frames.map_unique(list(zip(events["actor1"].astype(object), events["actor2"].astype(object), strict=True)),
                              lambda pair: ctx.dyad(*pair))
    types = frames.map_unique(events["event_type"], lambda e: t("type." + e))
    sources = frames.map_unique(events["article_id"], lambda a: ctx.article_title(a)[:80])
    k_type, k_actors, k_summary, k_source = (t(f"hover.{k}") for k in ("type", "actors", "summary", "source"))
    hover = [f"<b>{d}</b><br>{k_type}: {ty}<br>{k_actors}: {dy}<br>{k_summary}: {su}<br>{k_source}: {so}"
             for d, ty, dy, su, so in zip(dates, types, dyads, summaries, sources, strict=True)]
    points = frames.timeline_points(events, lane, hover)
    return timeline_figure(points, names, labels, quad.get, milestones, ctx.rtl), None


def _key(point: dict) -> int | None:
    """A selected point's customdata: an event row position or a group number."""
    value = point.get("customdata")
    if isinstance(value, list):
        value = value[0] if value else None
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


ctx = context("timeline")
header(ctx, "nav.timeline")
events = ctx.result.events
mode = st.radio(ctx.t("timeline.lanes"), ("dyad", "type"), horizontal=True, key="timeline_lanes",
                format_func=lambda m: ctx.t("timeline.by_dyad" if m == "dyad" else "timeline.by_type"))
if events.empty:
    st.info(ctx.t("empty.events"))
    st.stop()
fig, bucket_of = _figure(_signature(ctx, events), ctx.lang, mode, DETAIL_MAX, ctx, events)
state = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points",
                        config={"displaylogo": False, "scrollZoom": True})
points = (state.selection.points if state and state.selection else []) or []
keys = [k for k in map(_key, points) if k is not None]
if not keys:
    st.caption(ctx.t("timeline.select_hint"))
if bucket_of is not None:  # grouped view: customdata is the group number; show its first events
    selected = events[np.isin(bucket_of, keys)].head(5)
else:  # customdata is the event's row position
    selected = events.iloc[[k for k in keys if 0 <= k < len(events)][:5]]
for row in selected.to_dict("records"):
    href = query_href("sources", {"lang": ctx.lang, "article": row["article_id"], "span": f"{row['start']}-{row['end']}"})
    meta = f"{fmt_date(row['date'], row['date_precision'], ctx.lang)} · {ctx.dyad(row['actor1'], row['actor2'])}"
    st.html(evidence_block(ctx.t("timeline.evidence"), meta, row["text"], ctx.corpus.articles[row["article_id"]].language,
                           href, ctx.t("quotes.open_source"), ctx.lang))
    related = ctx.result.quotes[ctx.result.quotes["event_id"] == row["id"]]
    if not related.empty:
        st.markdown(f"**{ctx.t('timeline.quotes')}**")
    for quote in related.to_dict("records"):
        st.html(quote_card(quote_card_data(ctx, quote)))
