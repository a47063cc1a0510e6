"""The item a link selected (`?quote=ID` / `?event=ID`, components/filters.current_item) as
each page shows it: its row, the event behind it, the "linked item" heading with a close
button, and the "copy link to this item" button of detail panels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from components.filters import clear_item, current_item, item_link
from components.html import copy_text_button


def _row(frame: pd.DataFrame, item_id: str | None) -> dict | None:
    rows = frame[(frame["id"] == item_id).to_numpy(dtype=bool)] if item_id else frame.iloc[:0]
    return rows.iloc[0].to_dict() if len(rows) else None


def linked_quote(ctx) -> dict | None:
    """The quote a link selected (its index row), or None."""
    item = current_item()
    return _row(ctx.index.quotes, item.id) if item and item.kind == "quote" else None


def linked_event(ctx) -> dict | None:
    """The event a link selected, or the event of the quote a link selected (its index row)."""
    item = current_item()
    if item is None:
        return None
    if item.kind == "event":
        return _row(ctx.index.events, item.id)
    quote = _row(ctx.index.quotes, item.id)
    return _row(ctx.index.events, quote["event_id"]) if quote and isinstance(quote["event_id"], str) else None


def heading(ctx) -> None:
    """"Linked item" and a button that closes it (the link's item leaves the URL)."""
    item = current_item()
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.subheader(ctx.t("item.linked"))
    right.button(ctx.t("item.close"), key="item_close", on_click=clear_item)
    if item is not None and item.kind == "quote" and linked_event(ctx) is None:
        st.caption(ctx.t("item.no_event"))


def link_button(ctx, kind: str, item_id: str) -> None:
    """"Copy link to this item" (COPY_SCRIPT, drawn once by the page, does the copying)."""
    st.html(copy_text_button(item_link(kind, item_id, ctx.lang), ctx.t("item.copy_link"),
                             ctx.t("quotes.copied"), ctx.t("quotes.copy_failed"), "link"))


def outside_filters(ctx, row: dict, kind: str) -> bool:
    """Whether the linked item is left out by the current filters (then said so)."""
    frame = ctx.result.reports if kind == "event" else ctx.result.quotes
    if (frame["id"] == row["id"]).any():
        return False
    st.info(ctx.t("item.outside"))
    return True


_OPENED = "_item_quote_opened"  # the linked quote whose page was already opened once


def open_quote_page(quotes: pd.DataFrame, page_size: int, page_state: str = "quotes_page") -> tuple[str | None, bool]:
    """For a linked quote among `quotes` (in display order): on the first run for it, turn the
    pager to the page that holds it. Returns (the id of the card to mark, scroll to it now)."""
    item = current_item()
    if item is None or item.kind != "quote":
        return None, False
    where = np.flatnonzero(quotes["id"].to_numpy(dtype=object) == item.id)
    if not len(where):
        return None, False
    first = st.session_state.get(_OPENED) != item.id
    if first:
        st.session_state[_OPENED] = item.id
        st.session_state[page_state] = int(where[0]) // page_size
    return item.id, first


def quote_outside(ctx, quotes: pd.DataFrame) -> None:
    """A linked quote that the filters leave out: shown on top with a note."""
    from components.cards import quote_card_data
    from components.html import quote_card

    row = linked_quote(ctx)
    if row is None or (quotes["id"] == row["id"]).any():
        return
    heading(ctx)
    st.info(ctx.t("item.outside"))
    st.html(quote_card(quote_card_data(ctx, row, with_citation=True, selected=True)))


_READER = "_item_reader_opened"  # the linked item the reader was already turned to


def open_in_reader(ctx, ids: list[str]) -> tuple[str, int, int] | None:
    """For the Sources reader: the linked item's (article, start, end); on the first run for
    the item, the reader's article is set to it (added to `ids` when the filters left it out)."""
    item = current_item()
    row = (linked_quote(ctx) if item.kind == "quote" else _row(ctx.index.events, item.id)) if item else None
    if row is None:
        return None
    if row["article_id"] not in ids:
        ids.insert(0, row["article_id"])
    if st.session_state.get(_READER) != (item.kind, item.id):
        st.session_state[_READER] = (item.kind, item.id)
        st.session_state["reader_article"] = row["article_id"]
    return row["article_id"], int(row["start"]), int(row["end"])


def panel(ctx) -> None:
    """The linked item on a page with no view of its own (Overview, Network): the quote's card
    and the detail of its event (or of the linked event)."""
    from components import event_detail
    from components.cards import quote_card_data
    from components.html import COPY_SCRIPT, quote_card

    if current_item() is None:
        return
    heading(ctx)
    if quote := linked_quote(ctx):
        st.html(quote_card(quote_card_data(ctx, quote, with_citation=True, selected=True)))
    if event := linked_event(ctx):
        event_detail.draw(ctx, event)
    st.iframe(COPY_SCRIPT, height=1)  # the copy buttons' one listener
