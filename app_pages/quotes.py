"""Quotes: a card per quote — speaker, date, verbatim text in its own direction (a fragment inside
its sentence), the atlas's translation in the interface language, kind badge, a link to the
reader at its span and a button that copies the citation. The Claims view
(`qsort=claims`) lists the events with quotes from more than one side, side by side. cards.QUOTES_PAGE_SIZE cards per page; the pager
(shown when there are more) reads "X–Y of N quotes" and goes back to the first page when the
filters or the order change. Order and page are in the URL (components/pager.py)."""

import numpy as np
import streamlit as st

from components import cards, event_detail, frames, item_view, pager
from components.cards import quote_card_data
from components.filters import warn_ignored
from components.html import COPY_SCRIPT, SCROLL_SCRIPT, markdown_text, quote_card
from components.i18n import fmt_int, ltr
from components.layout import export_buttons, header
from components.shell import context

PAGE_SIZE = cards.QUOTES_PAGE_SIZE
ctx = context("quotes")
header(ctx, "nav.quotes")
quotes = ctx.result.quotes
ignored = pager.init_sort()
mode = st.radio(ctx.t("quotes.sort"), pager.SORTS, horizontal=True, key="quotes_mode",
                format_func=lambda m: ctx.t({"date": "quotes.sort_date", "speaker": "quotes.group_speaker"}.get(m, "quotes.claims")))
if mode == "claims":  # the events with quotes from more than one side, sides side by side
    pager.write_url(mode, 0)
    warn_ignored(ignored, ctx.lang)
    event_detail.claims_view(ctx, quotes)
    export_buttons(ctx, None, quotes)
    st.stop()
item_view.quote_outside(ctx, quotes)  # ?quote=ID left out by the filters: shown on top
if quotes.empty:
    pager.write_url(mode, 0)
    st.info(ctx.t("empty.quotes"))
    st.stop()
if mode == "speaker":  # whole groups across pages: order every quote by speaker name first
    unknown = ctx.t("quotes.unknown_speaker")
    names = frames.map_unique(quotes["speaker"], lambda s: ctx.actor(s) if isinstance(s, str) else unknown)
    quotes = quotes.iloc[np.argsort(np.array([n.casefold() for n in names]), kind="stable")]

total = len(quotes)
pages = -(-total // PAGE_SIZE)


def page_label(number: int) -> str:
    first, last = number * PAGE_SIZE + 1, min(total, (number + 1) * PAGE_SIZE)
    return ctx.t("count.quotes", shown=ltr(f"{fmt_int(first, ctx.lang)}–{fmt_int(last, ctx.lang)}"),
                 total=fmt_int(total, ctx.lang))


def move(step: int) -> None:
    st.session_state["quotes_page"] = min(pages - 1, max(0, st.session_state.get("quotes_page", 0) + step))


ignored += pager.sync_page((ctx.filters, mode, total), pages)
marked, scroll = item_view.open_quote_page(quotes, PAGE_SIZE)  # ?quote=ID: its page, its card marked
warn_ignored(ignored, ctx.lang)
if pages > 1:
    back, pick, forward = st.columns([1, 8, 1], vertical_alignment="center")
    back.button("‹" if not ctx.rtl else "›", key="quotes_prev", on_click=move, args=(-1,),
                disabled=st.session_state["quotes_page"] == 0)
    pick.selectbox(ctx.t("nav.quotes"), range(pages), key="quotes_page", format_func=page_label,
                   label_visibility="collapsed")
    forward.button("›" if not ctx.rtl else "‹", key="quotes_next", on_click=move, args=(1,),
                   disabled=st.session_state["quotes_page"] >= pages - 1)
number = st.session_state["quotes_page"]
pager.write_url(mode, number)
st.caption(page_label(number))
rows = quotes.iloc[number * PAGE_SIZE:(number + 1) * PAGE_SIZE].to_dict("records")
if mode == "speaker":
    sections: list[tuple[str, list[dict]]] = []
    for row in rows:
        speaker = row["speaker"] if isinstance(row["speaker"], str) else ""
        if not sections or sections[-1][0] != speaker:
            sections.append((speaker, []))
        sections[-1][1].append(row)
else:
    sections = [("", rows)]
for speaker, items in sections:
    if mode == "speaker":
        st.subheader(markdown_text(ctx.actor(speaker)) if speaker else ctx.t("quotes.unknown_speaker"))
    for row in items:
        st.html(quote_card(quote_card_data(ctx, row, with_citation=True, selected=row["id"] == marked)))
st.iframe(COPY_SCRIPT, height=1)  # the copy buttons' one listener (st.html drops scripts)
if scroll:
    st.iframe(SCROLL_SCRIPT, height=1)  # to the marked card, once
export_buttons(ctx, None, quotes)
