"""The Quotes page's view state beyond the filters — order and page number — kept in the URL
(`qsort=speaker` or `qsort=claims`, `qpage=3`, 1-based) so a shared link opens the same page of cards.

`url_view` reads and checks the two parameters (pure, tested); `sync` keeps session and URL in
step on every run: the URL wins on a session's first run, a filter or order change goes back to
the first page, and the URL is rewritten only when it differs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

PAGE_KEY, SORT_KEY = "qpage", "qsort"
SORTS = ("date", "speaker", "claims")  # claims: the Claims view (components/event_detail.py)
MODE_STATE, PAGE_STATE, FOR_STATE = "quotes_mode", "quotes_page", "quotes_page_for"
_SEEN = "_quotes_url_read"
_WANTED = "_quotes_url_page"  # the URL's page, until the number of pages is known


@dataclass(frozen=True)
class UrlView:
    sort: str = "date"
    page: int = 0  # 0-based
    ignored: tuple[str, ...] = ()


def url_view(params: Mapping[str, str | None]) -> UrlView:
    """The order and the (0-based) page a link asks for; bad values are named in `ignored`."""
    ignored = []
    sort = params.get(SORT_KEY) or "date"
    if sort not in SORTS:
        ignored.append(f"{SORT_KEY}={str(sort)[:40]}")
        sort = "date"
    raw = params.get(PAGE_KEY)
    page = 0
    if raw is not None:
        text = str(raw)
        if text.isascii() and text.isdigit() and 1 <= len(text) <= 6 and int(text) >= 1:
            page = int(text) - 1
        else:
            ignored.append(f"{PAGE_KEY}={text[:40]}")
    return UrlView(sort, page, tuple(ignored))


def init_sort() -> list[str]:
    """On the session's first run of the Quotes page: the order from the URL. Returns what the
    URL asked for that cannot be used."""
    if st.session_state.get(_SEEN):
        return []
    st.session_state[_SEEN] = True
    view = url_view({k: st.query_params.get(k) for k in (SORT_KEY, PAGE_KEY)})
    st.session_state[MODE_STATE] = view.sort
    st.session_state[_WANTED] = view.page
    return list(view.ignored)


def sync_page(signature: tuple, pages: int) -> list[str]:
    """Settle the page number for this run (before the pager widgets are drawn); returns
    a warning item when the URL's page is beyond the last one."""
    ignored = []
    wanted = st.session_state.pop(_WANTED, None)
    if wanted is not None:
        if wanted >= pages:
            ignored.append(f"{PAGE_KEY}={wanted + 1}")
            wanted = 0
        st.session_state[FOR_STATE] = signature
        st.session_state[PAGE_STATE] = wanted
    elif st.session_state.get(FOR_STATE) != signature or st.session_state.get(PAGE_STATE, 0) >= pages:
        st.session_state[FOR_STATE] = signature
        st.session_state[PAGE_STATE] = 0
    return ignored


def write_url(sort: str, page: int) -> None:
    """Put the order and page in the URL (left out when they are the defaults)."""
    wanted = {SORT_KEY: sort if sort != "date" else None, PAGE_KEY: str(page + 1) if page else None}
    for key, value in wanted.items():
        if value is None and key in st.query_params:
            del st.query_params[key]
        elif value is not None and st.query_params.get(key) != value:
            st.query_params[key] = value
