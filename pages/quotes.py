"""Quotes: a card per quote — speaker, date, verbatim text in its own direction, kind badge,
a link to the reader at its span and a copyable citation."""

import streamlit as st

from components.cards import citation, quote_card_data
from components.html import quote_card
from components.layout import header
from components.shell import context

LIMIT = 200
ctx = context("quotes")
header(ctx, "nav.quotes")
quotes = ctx.result.quotes
mode = st.radio(ctx.t("quotes.sort"), ("date", "speaker"), horizontal=True, key="quotes_mode",
                format_func=lambda m: ctx.t("quotes.sort_date" if m == "date" else "quotes.group_speaker"))
if quotes.empty:
    st.info(ctx.t("empty.quotes"))
shown = quotes.head(LIMIT)
if len(quotes) > LIMIT:
    st.caption(ctx.t("quotes.more", shown=LIMIT, total=len(quotes)))
rows = shown.to_dict("records")
if mode == "speaker":
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["speaker"] or "", []).append(row)
    sections = sorted(groups.items(), key=lambda kv: ctx.actor(kv[0] or None))
else:
    sections = [("", rows)]
for speaker, items in sections:
    if mode == "speaker":
        st.subheader(ctx.actor(speaker) if speaker else ctx.t("quotes.unknown_speaker"))
    for row in items:
        st.html(quote_card(quote_card_data(ctx, row)))
        with st.expander(ctx.t("quotes.citation")):
            st.code(citation(ctx, row), language=None, wrap_lines=True)
