"""Sources: the article reader — metadata (with the publication-date estimate and its
evidence) and the full text with events, quotes, places and actors highlighted.
`?article=ID&span=START-END` opens it scrolled to that span; `?quote=ID` / `?event=ID` at the item's span. Below the text, the article's
events that other sources reported too: every report, disagreements, the quotes by side."""

import streamlit as st

from components import event_detail, item_view
from components.html import COPY_SCRIPT, SCROLL_SCRIPT, article_html, markdown_text
from components.layout import export_buttons, header
from components.reader import marks_for, metadata_table, parse_span, reader_articles
from components.shell import context

ctx = context("sources")
header(ctx, "nav.sources")
corpus, r = ctx.corpus, ctx.result
ids = reader_articles(ctx)
linked = item_view.open_in_reader(ctx, ids)  # (article id, start, end) of a linked item, or None
if not ids:
    st.info(ctx.t("empty.article"))
    st.stop()
article_id = st.selectbox(ctx.t("sources.article"), ids, key="reader_article", format_func=ctx.article_title)
article = corpus.articles[article_id]
with st.expander(ctx.t("sources.metadata"), expanded=True):
    st.table(metadata_table(ctx, article))
kinds = st.pills(ctx.t("sources.highlight"), ("event", "quote", "place", "actor"), selection_mode="multi",
                 default=["event", "quote", "place", "actor"], key="reader_kinds",
                 format_func=lambda k: ctx.t(f"sources.hl_{k}s"))
span = parse_span(st.query_params.get("span"), len(article.text)) if st.query_params.get("article", article_id) == article_id else None
if span is None and linked and linked[0] == article_id:
    span = linked[1:]
if st.query_params.get("span") and span is None:
    st.warning(ctx.t("sources.span_bad", span=markdown_text(str(st.query_params.get("span"))[:40])))
st.subheader(ctx.t("sources.text"))
st.html(article_html(article.text, article.language, marks_for(ctx, article_id, set(kinds or ())), span))
if span:
    st.iframe(SCROLL_SCRIPT, height=1)
event_detail.article_clusters(ctx, article_id)
st.iframe(COPY_SCRIPT, height=1)  # the copy-link buttons' one listener
export_buttons(ctx, r.reports[r.reports["article_id"] == article_id], r.quotes[r.quotes["article_id"] == article_id])
