"""Under the map: the events at the selected place (a click on a marker or a region sets the
place filter; so does the sidebar or `place=` in a link), newest first, each with a button that
opens its detail (the linked item, `?event=ID`: evidence, every report, the quotes about it)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.filters import select_item
from components.html import markdown_text
from components.i18n import fmt_int

MAX_LISTED = 20  # newest events listed; the rest are counted (the timeline shows them all)


def draw(ctx, line: Callable[[dict], str]) -> None:
    """The list, when the place filter is set (the filtered events are the place's, a region's
    including the places inside it); `line` is a row's one-line label."""
    places = ctx.filters.places
    if not places:
        return
    events = ctx.result.events
    where = ", ".join(ctx.place(p) for p in places)
    st.subheader(ctx.t("map.events_at", place=markdown_text(where), n=fmt_int(len(events), ctx.lang)))
    for row in events.iloc[::-1].head(MAX_LISTED).to_dict("records"):
        text, button = st.columns([7, 1], vertical_alignment="center")
        text.markdown(markdown_text(line(row)))
        button.button(ctx.t("map.open_event"), key=f"map_open_{row['id']}", on_click=select_item,
                      args=("event", row["id"]))
    if len(events) > MAX_LISTED:
        st.caption(ctx.t("map.events_more", n=fmt_int(len(events) - MAX_LISTED, ctx.lang)))
