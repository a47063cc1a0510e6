"""Timeline: events on a date axis in lanes (actor pair or event type), coloured by quad class,
drawn at their date precision; selecting a point shows its evidence sentence and quotes."""

import streamlit as st

from components import frames
from components.cards import quote_card_data
from components.charts import MAX_POINTS, MILESTONES, timeline_figure
from components.html import evidence_block, query_href, quote_card
from components.i18n import fmt_date
from components.layout import header
from components.shell import context

ctx = context("timeline")
header(ctx, "nav.timeline")
events = ctx.result.events
mode = st.radio(ctx.t("timeline.lanes"), ("dyad", "type"), horizontal=True, key="timeline_lanes",
                format_func=lambda m: ctx.t("timeline.by_dyad" if m == "dyad" else "timeline.by_type"))
if events.empty:
    st.info(ctx.t("empty.events"))
    st.stop()
if len(events) > MAX_POINTS:
    st.caption(ctx.t("timeline.truncated", shown=MAX_POINTS, total=len(events)))
    events = events.head(MAX_POINTS)
lanes = frames.lane_labels(events, mode, ctx.dyad, lambda e: ctx.t("type." + e))


def hover(row):
    text, fallback = ctx.summary(row)
    return (fmt_date(row["date"], row["date_precision"], ctx.lang), ctx.t("type." + row["event_type"]),
            ctx.dyad(row["actor1"], row["actor2"]), (text[:160] + (" " + ctx.t("fallback.en") if fallback else "")),
            ctx.article_title(row["article_id"])[:80])


labels = {k: ctx.t(f"hover.{k}") for k in ("type", "actors", "summary", "source")} | {"date": ctx.t("chart.date")}
fig = timeline_figure(events, lanes, hover, labels, lambda q: ctx.t("quad." + q),
                      [(d, ctx.t(k)) for d, k in MILESTONES], ctx.rtl)
state = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points",
                        config={"displaylogo": False, "scrollZoom": True})
points = (state.selection.points if state and state.selection else []) or []
ids = [p["customdata"][0] for p in points if isinstance(p.get("customdata"), list) and p["customdata"]]
if not ids:
    st.caption(ctx.t("timeline.select_hint"))
for row in events[events["id"].isin(ids[:5])].to_dict("records"):
    href = query_href("sources", {"lang": ctx.lang, "article": row["article_id"], "span": f"{row['start']}-{row['end']}"})
    meta = f"{fmt_date(row['date'], row['date_precision'], ctx.lang)} · {ctx.dyad(row['actor1'], row['actor2'])}"
    st.html(evidence_block(ctx.t("timeline.evidence"), meta, row["text"], ctx.corpus.articles[row["article_id"]].language,
                           href, ctx.t("quotes.open_source"), ctx.lang))
    related = ctx.result.quotes[ctx.result.quotes["event_id"] == row["id"]]
    if not related.empty:
        st.markdown(f"**{ctx.t('timeline.quotes')}**")
    for quote in related.to_dict("records"):
        st.html(quote_card(quote_card_data(ctx, quote)))
