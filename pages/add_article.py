"""Add an article (paste, upload or URL), review what the extractor read, save — or review a
saved article. Only curators reach any of it (checked before anything is drawn or saved)."""

import streamlit as st

from components import data, merge_review, review
from components.add_article_i18n import tr
from components.auth import require_writer
from components.filters import init_language
from components.html import display_text, markdown_text

lang = init_language()


def t(key: str, **values: object) -> str:
    return tr(key, lang, **values)


st.title(t("add.title"))
access, secrets = require_writer(t)
store = data.curation_store(secrets).store
if store is None:
    st.error(t("add.store_unreachable"))
    st.stop()
review.notice()
review.prepare_mode()
mode = st.radio(t("add.mode"), ("new", "saved"), horizontal=True, key="aa_mode",
                format_func=lambda m: t(f"add.mode_{m}"))
if mode == "new":
    current = review.draft()
    if current is not None and current.article_id is not None:
        st.session_state[review.DRAFT] = None
    review.source_input(t, store)
else:
    review.pick_saved(store, t)
draft = review.draft()
if draft is None:
    st.stop()
if draft.article_id:
    st.caption(f"{markdown_text(draft.article_id)} · "
               + t("add.version", version=draft.version, status=t(f"status.{draft.status}")))
with st.expander(t("add.text")):
    st.text(display_text(draft.prepared.text))
merge_review.proposals(store, draft, lang)  # another report of an event already in the atlas?
review.metadata_form(draft, t)
review.extract(draft, t)
edited = review.review_tables(draft, t)
review.add_missing(draft, t)
try:
    review.save(store, draft, edited, t)
except data.store_errors() as err:  # the draft stays in the session: nothing typed is lost
    st.error(t("add.not_saved", error=t("add.db." + data.store_error_code(err))))
