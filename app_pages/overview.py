"""Overview: what the corpus covers, the Algeria↔Mali relations barometer, key events, export."""

import streamlit as st

from components import event_detail, frames, item_view
from components.barometer import barometer_svg
from components.html import key_event
from components.i18n import fmt_int, ltr, year_span
from components.layout import export_buttons, header
from components.shell import context

ctx = context("overview")
header(ctx, "nav.overview")
item_view.panel(ctx)  # ?event=ID / ?quote=ID: the linked item first
r, corpus = ctx.result, ctx.corpus
years = sorted(int(y) for y in r.events["year"].dropna().unique())
st.subheader(ctx.t("overview.coverage"))
cols = st.columns(4)
cols[0].metric(ctx.t("overview.articles"), ltr(f"{fmt_int(r.reports['article_id'].nunique(), ctx.lang)} / {fmt_int(len(corpus.articles), ctx.lang)}"))
cols[1].metric(ctx.t("overview.years"), ltr(year_span(years)) if years else ctx.t("misc.none"))
cols[2].metric(ctx.t("overview.events"), fmt_int(len(r.events), ctx.lang))
cols[3].metric(ctx.t("overview.quotes"), fmt_int(len(r.quotes), ctx.lang))

st.subheader(ctx.t("overview.barometer"))
st.caption(ctx.t("overview.barometer_caption"))
baro = frames.barometer(r.events, ctx.index.actor_members)
if baro.empty:
    st.info(ctx.t("overview.no_dyad"))
else:
    labels = {"year": ctx.t("chart.year"), "mean": ctx.t("chart.mean_score"), "events": ctx.t("chart.events"),
              "score": ctx.t("chart.score")}
    # st.html sanitises with DOMPurify's HTML-only profile, which drops SVG; the SVG is built
    # from escaped text in components/barometer.py.
    st.markdown(barometer_svg(baro, labels, ctx.rtl), unsafe_allow_html=True)

st.subheader(ctx.t("overview.key_events"))
key = frames.key_events(r.events, ctx.index.actor_members)
if key.empty:
    st.info(ctx.t("empty.events"))
for row in key.to_dict("records"):
    heading, fallback = ctx.summary(row)
    meta = " · ".join(filter(None, (ctx.date_label(row), ctx.t("type." + row["event_type"]),
                                    ctx.dyad(row["actor1"], row["actor2"]), ctx.place(row["place_id"]),
                                    event_detail.sources_label(ctx, row))))
    source = ctx.t("overview.source", title=ctx.article_title(row["article_id"]))
    st.html(key_event(heading, meta, source, ctx.t("fallback.en") if fallback else None, ctx.lang,
                      href=ctx.reader_href(row["article_id"], row["start"], row["end"]),
                      link_label=ctx.t("quotes.open_source")))
export_buttons(ctx, r.events, r.quotes)
