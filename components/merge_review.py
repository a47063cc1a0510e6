"""The Add-article page's merge proposals: for each event of a saved article that looks like
another report of an event already in the atlas (corpus.clusters.merge_proposals), a box with
the existing event and two buttons — "Same event: merge" stores `same_as` in the event's
annotation data, "A separate event" stores `distinct_from` so it is not proposed again. Either
is a save of that one item (a recorded edit in the article's history, checked like any edit)."""

from __future__ import annotations

import dataclasses

import streamlit as st

from components import data
from components.auth import current_access
from components.html import markdown_text
from components.i18n import date_label, summary, t
from corpus import clusters
from corpus.store import ConflictError, Store

_NOTICE = "aa_merge_notice"


def _decide(store: Store, draft, item, key: str, cluster_id: str, lang: str) -> None:
    access = current_access()
    if not access.can_write:
        st.stop()
    changed = dataclasses.replace(item, data={**item.data, key: cluster_id})
    try:
        store.save(draft.article_id, draft.version, user=access.user, items=[changed])
    except ConflictError:
        pass  # someone saved first: reload, the proposal is shown again if still open
    from components import review

    review.load_saved(store, draft.article_id)
    st.session_state[_NOTICE] = t("merge.merged" if key == "same_as" else "merge.kept", lang, event=cluster_id)
    st.rerun()


def proposals(store: Store, draft, lang: str) -> None:
    """Draw the open merge proposals of the saved article under review (nothing for a new,
    unsaved text: its events get proposals once saved)."""
    if notice := st.session_state.pop(_NOTICE, None):
        st.success(markdown_text(notice))
    if draft is None or not draft.article_id:
        return
    index = data.current().index
    if index is None:
        return
    items = {i.id: i for i in draft.items if i.kind == "event" and i.id}
    found = clusters.merge_proposals(index, draft.article_id, {k: i.data for k, i in items.items()}, index.state_of)
    corpus = index.corpus
    for row, cluster_id in found:
        if row["id"] not in items:
            continue
        target = index.events[(index.events["cluster_id"] == cluster_id).to_numpy(dtype=bool)].iloc[0]
        article = corpus.articles.get(target["article_id"])
        with st.container(border=True, key=f"aa_merge_{row['id']}"):
            st.markdown(f"**{t('merge.title', lang)}** · {markdown_text(row['text'][:120])}")
            st.markdown(markdown_text(t("merge.body", lang, event=summary(target, lang)[0],
                                        date=date_label(target["date"], target["date_precision"], lang),
                                        source=article.title(lang) if article else target["article_id"])))
            merge, split = st.columns(2)
            if merge.button(t("merge.confirm", lang), key=f"aa_merge_yes_{row['id']}", type="primary"):
                _decide(store, draft, items[row["id"]], "same_as", cluster_id, lang)
            if split.button(t("merge.split", lang), key=f"aa_merge_no_{row['id']}"):
                _decide(store, draft, items[row["id"]], "distinct_from", cluster_id, lang)
