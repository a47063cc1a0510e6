"""Timeline: events on a date axis in lanes (actor pair or event type), coloured by quad class,
drawn at their date precision; selecting a point shows its evidence sentence and quotes.
Above charts.DETAIL_MAX events the points are groups (lane × quad class × month or year,
marker size ∝ count); selecting a group shows its first events. The figure is cached per
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


def _signature(ctx, events: pd.DataFrame) -> str:
    """The corpus version and the filtered events (ids, in order)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(str(id(ctx.index)).encode())
    digest.update(pd.util.hash_pandas_object(events["id"], index=False).to_numpy().tobytes())
    return digest.hexdigest()


@st.cache_resource(show_spinner=False, max_entries=16)
def _figure(signature: str, lang: str, mode: str, _ctx, _events: pd.DataFrame):
    """(figure, bucket number of each event or None). Kept as objects (cache_resource): a
    plotly Figure is rebuilt and revalidated when unpickled, which costs as much as drawing it;
    st.plotly_chart only reads it."""
    ctx, events = _ctx, _events
    t = ctx.t
    lanes = frames.lane_labels(events, mode, ctx.dyad, lambda e: t("type." + e))
    labels = {k: t(f"hover.{k}") for k in ("type", "actors", "summary", "source", "count")} | {
        "date": t("chart.date"), "lane": t("hover.actors" if mode == "dyad" else "hover.type")}
    milestones = [(d, t(k)) for d, k in MILESTONES]
    if len(events) > DETAIL_MAX:
        buckets, bucket_of = frames.timeline_buckets(events, lanes, frames.timeline_period(events))
        points = frames.bucket_points(buckets, lambda start, precision: fmt_date(start, precision, lang))
        return timeline_figure(points, labels, lambda q: t("quad." + q), milestones, ctx.rtl, aggregated=True), bucket_of
    own = events[f"summary_{lang}"].astype(object)
    english = events["summary_en"].astype(object).fillna("")
    has_own = own.map(lambda s: isinstance(s, str) and bool(s.strip())).to_numpy(dtype=bool)
    mark = "" if lang == "en" else " " + t("fallback.en")
    summaries = np.where(has_own, own.str.slice(0, 160), english.str.slice(0, 160) + mark)
    points = frames.timeline_points(events, lanes, lambda d, p: fmt_date(d, p, lang), lambda e: t("type." + e),
                                    ctx.dyad, summaries, lambda a: ctx.article_title(a)[:80])
    return timeline_figure(points, labels, lambda q: t("quad." + q), milestones, ctx.rtl), None


ctx = context("timeline")
header(ctx, "nav.timeline")
events = ctx.result.events
mode = st.radio(ctx.t("timeline.lanes"), ("dyad", "type"), horizontal=True, key="timeline_lanes",
                format_func=lambda m: ctx.t("timeline.by_dyad" if m == "dyad" else "timeline.by_type"))
if events.empty:
    st.info(ctx.t("empty.events"))
    st.stop()
fig, bucket_of = _figure(_signature(ctx, events), ctx.lang, mode, ctx, events)
state = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points",
                        config={"displaylogo": False, "scrollZoom": True})
points = (state.selection.points if state and state.selection else []) or []
keys = [p["customdata"][0] for p in points if isinstance(p.get("customdata"), list) and p["customdata"]]
if not keys:
    st.caption(ctx.t("timeline.select_hint"))
if bucket_of is not None:  # grouped view: a group's key is "#<bucket number>"
    wanted = [int(k[1:]) for k in keys if isinstance(k, str) and k[1:].isdigit()]
    selected = events[np.isin(bucket_of, wanted)].head(5)
else:
    selected = events[events["id"].isin(keys[:5])]
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
