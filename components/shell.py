"""What every page run needs before it draws: language, CSS, the corpus, the sidebar filters
kept in the URL, the query result. app.py calls `prepare` before `page.run()`; a page script
calls `context(name)`, which prepares itself when it was started without app.py (an AppTest of
the page script alone). The scripts live in `app_pages/`, not `pages/`: a `pages/` folder would
make Streamlit run a page script alone on a fresh server's first request (docs/DASHBOARD.md)."""

from __future__ import annotations

from contextvars import ContextVar

import streamlit as st

from components import data, filters
from components.html import markdown_text, style_block
from components.i18n import direction, t
from components.layout import PageContext, brief_button
from corpus.query import run_query

# The context app.py prepared for the page about to run. Each session's script runs in its own
# thread, so the value never crosses sessions; it is taken (reset) by the page that reads it, so
# an idle session holds no query result and a page started without app.py prepares its own.
_PREPARED: ContextVar[PageContext | None] = ContextVar("atlas_prepared_context", default=None)


def page_config(lang: str) -> None:
    st.set_page_config(page_title=t("app.title", lang), layout="wide")
    # st.markdown, not st.html: st.html's renderer is a lazily loaded chunk, so an Arabic page
    # would show left-to-right for a second or more after its title appears. Fixed CSS, no data.
    st.markdown(style_block(direction(lang) == "rtl"), unsafe_allow_html=True)


def prepare(lang: str, page_name: str) -> PageContext | None:
    """Draw the shared sidebar and compute the page context; None (after an error message)
    when the corpus cannot be indexed at all."""
    filters.language_switch(lang)
    loaded = data.current()
    if loaded.problems:
        broken = loaded.index is None  # nothing to show; else the valid rows are shown
        box, key = (st.error, "error.corpus") if broken else (st.warning, "error.partial")
        box(f"**{t(key + '_title', lang)}** — {t(key + '_body', lang, n=len(loaded.problems))}")
        with st.expander(t(key + "_title", lang), expanded=broken):
            st.code("\n".join(str(p) for p in loaded.problems[:30]), language=None)
    if loaded.store_problem:
        st.warning(t(loaded.store_problem, lang))
    if loaded.index is None:
        filters.write_url({"lang": lang})
        return None
    filters.init_filters(loaded.index)
    current = filters.filter_bar(loaded.index, lang)
    params = filters.view_params(current, lang, page_name)
    filters.write_url(params)
    filters.share_link(params, lang)
    filters.warn_ignored(filters.url_warnings(), lang)
    if corrections := filters.url_corrections():
        st.info(t("filters.corrected", lang, items=", ".join(map(markdown_text, corrections))))
    ctx = PageContext(lang, loaded.index, current, run_query(loaded.index, current), params, loaded.key)
    brief_button(ctx)
    _PREPARED.set(ctx)
    return ctx


def context(page_name: str) -> PageContext:
    """The context app.py prepared for this run, or a fresh one; stops the page when the
    corpus is unusable (the error is already shown)."""
    ctx = _PREPARED.get()
    if ctx is not None:
        _PREPARED.set(None)
        return ctx
    lang = filters.init_language()
    page_config(lang)
    ctx = prepare(lang, page_name)
    _PREPARED.set(None)
    if ctx is None:
        st.stop()
    return ctx
