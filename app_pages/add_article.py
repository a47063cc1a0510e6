"""Add an article (paste, upload or URL), review what the extractor read, save — or review a
saved article. Only curators reach any of it (checked before anything is drawn or saved)."""

import streamlit as st

from components import data, merge_review, review
from components.auth import require_writer
from components.filters import init_language
from components.html import display_text, markdown_text
from components.i18n import Localised

ctx = Localised(init_language())
st.title(ctx.t("add.title"))
access, secrets = require_writer(ctx.t)
store = data.curation_store(secrets).store
if store is None:
    st.error(ctx.t("add.store_unreachable"))
    st.stop()
review.notice()
review.prepare_mode()
mode = st.radio(ctx.t("add.mode"), ("new", "saved"), horizontal=True, key="aa_mode",
                format_func=lambda m: ctx.t(f"add.mode_{m}"))
if mode == "new":
    current = review.draft()
    if current is not None and current.article_id is not None:
        st.session_state[review.DRAFT] = None
    review.source_input(ctx.t, store)
else:
    review.pick_saved(store, ctx.t)
draft = review.draft()
if draft is None:
    st.stop()
if draft.article_id:
    st.caption(f"{markdown_text(draft.article_id)} · "
               + ctx.t("add.version", version=draft.version, status=ctx.t(f"status.{draft.status}")))
with st.expander(ctx.t("add.text")):
    st.text(display_text(draft.prepared.text))
merge_review.proposals(store, draft, ctx.lang)  # another report of an event already in the atlas?
review.metadata_form(draft, ctx.t)
review.extract(draft, ctx.t)
edited = review.review_tables(draft, ctx.t)
review.add_missing(draft, ctx.t)
try:
    review.save(store, draft, edited, ctx.t)
except data.store_errors() as err:  # the draft stays in the session: nothing typed is lost
    st.error(ctx.t("add.not_saved", error=ctx.t("add.db." + data.store_error_code(err))))
