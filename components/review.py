"""The "Add article" page's widgets: source input, metadata, the review tables, add a missing
item, save with conflict recovery. The draft being reviewed lives in session state (so a
conflict never loses what the user typed); all computing is in corpus/ingest.py and
corpus/store/ (proposals.py, repository.py)."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from components import data
from components.auth import current_access
from components.html import display_text, markdown_text
from components.i18n import ltr
from corpus import ingest
from corpus.models import ITEM_KINDS, STATUSES
from corpus.store import ConflictError, Item, Store
from corpus.store.proposals import (
    FIELDS,
    changed,
    find_span,
    items_from_rows,
    review_page,
    rows_for,
    sentence_html,
)
from corpus.store.records import draft_article, item_problems

log = logging.getLogger("atlas.review")
DRAFT, PENDING, GEN, NOTICE = "aa_draft", "aa_pending", "aa_gen", "aa_notice"
ADDED = "aa_missing_added"  # the "added at …" note, shown above the form after the rerun


@dataclass
class Draft:
    """What the user is reviewing: a new text (article_id None) or a saved article."""

    prepared: ingest.Prepared
    meta: dict[str, Any]
    items: list[Item] = field(default_factory=list)  # as loaded/extracted (the originals)
    working: list[Item] | None = None  # what the tables start from (None: the originals)
    current: list[Item] | None = None  # the tables as the user has edited them
    article_id: str | None = None
    version: int | None = None
    status: str = "proposed"
    extracted: bool = False


def draft() -> Draft | None:
    return st.session_state.get(DRAFT)


def _gen() -> int:
    return st.session_state.setdefault(GEN, 0)


def _set(d: Draft | None) -> None:
    st.session_state[DRAFT] = d
    for kind in ITEM_KINDS:
        st.session_state.pop(f"aa_page_{kind}", None)  # a new draft opens on the first pages
    st.session_state[GEN] = _gen() + 1  # fresh table widgets for a new draft


@st.cache_resource(show_spinner=False)
def _curated(directory: str):
    from corpus.loader import collect
    from corpus.textcheck import curated_hashes

    corpus, _ = collect(directory)
    return corpus, curated_hashes(corpus)


@st.cache_resource(show_spinner=False)
def _extractor(directory: str):
    try:
        from corpus.extract import Extractor
    except ImportError:
        return None
    return Extractor.from_corpus(_curated(directory)[0])


def _data_dir() -> str:
    from components.data import data_dir

    return str(data_dir())


def _refusal(err: ingest.Refused, t, store: Store | None = None) -> None:
    st.error(t("add.refused", reason=err.message))
    if err.decoded:
        with st.expander(t("add.decoded_preview")):
            st.text(display_text(err.decoded[:3000]))
        if st.button(t("add.use_decoded", encoding=ingest.encoding_name(err.encoding or "")),
                     key="aa_use_decoded"):
            _start(lambda: ingest.from_text(err.decoded, "txt"), t, store)


def _start(read, t, store: Store | None = None) -> None:
    """Read a text into a new draft — refused at once when the corpus (curated, or the
    store's additions) already holds it, before any review."""
    try:
        prepared = read()
        ingest.check_new(prepared, _curated(_data_dir())[1], store)
    except ingest.Refused as err:
        _refusal(err, t, store)
        return
    _set(Draft(prepared, ingest.metadata(prepared)))
    st.session_state.pop(PENDING, None)


def source_input(t, store: Store | None = None) -> None:
    """Paste / upload / URL; a readable text becomes the new draft (a duplicate of a curated or
    stored article is refused as soon as it is read)."""
    paste, upload, url = st.tabs([t("add.paste"), t("add.upload"), t("add.url")])
    with paste:
        text = st.text_area(t("add.paste_label"), height=200, key="aa_paste")
        if st.button(t("add.read"), key="aa_read_paste") and text:
            _start(lambda: ingest.from_text(text), t, store)
    with upload:
        file = st.file_uploader(t("add.upload_label"), type=["txt", "html", "htm", "docx"],
                                key="aa_file")
        if file is not None and st.button(t("add.read"), key="aa_read_file"):
            _start(lambda: ingest.from_bytes(file.getvalue(), file.name), t, store)
    with url:
        address = st.text_input(t("add.url_label"), key="aa_url")
        if st.button(t("add.fetch"), key="aa_fetch") and address:
            _start(lambda: ingest.fetch(address), t, store)


def pick_saved(store: Store, t) -> None:
    saved = store.list_articles()
    if not saved:
        st.info(t("add.none_saved"))
        return
    labels = {a["id"]: display_text(f'{a["id"]} · {a["title_ar"] or a["title_en"] or a["title_fr"] or ""}')[:90]
              for a in saved}
    choice = st.selectbox(t("add.pick"), list(labels), format_func=labels.get, key="aa_pick")
    current = draft()
    if current is None or current.article_id != choice:
        load_saved(store, choice)


def load_saved(store: Store, article_id: str) -> None:
    art = store.get(article_id)
    prepared = ingest.Prepared(art.text, art.source, art.sha256, None, art.url)
    _set(Draft(prepared, art.meta(), art.items, article_id=art.id, version=art.version,
               status=art.status, extracted=True))


def metadata_form(d: Draft, t) -> None:
    langs = ["ar", "fr", "en"]
    with st.form("aa_meta"):
        st.subheader(t("add.meta"))
        lang = st.selectbox(t("add.meta_language"), langs, index=langs.index(d.meta.get("language", "ar"))
                            if d.meta.get("language") in langs else 0, key=f"aa_lang_{_gen()}")
        title = st.text_input(t("add.meta_title"), d.meta.get(f"title_{lang}") or next(
            (d.meta.get(f"title_{x}") for x in langs if d.meta.get(f"title_{x}")), ""),
            key=f"aa_title_{_gen()}")
        outlet = st.text_input(t("add.meta_outlet"), d.meta.get("outlet") or "", key=f"aa_outlet_{_gen()}")
        url = st.text_input(t("add.meta_url"), d.meta.get("url") or "", key=f"aa_murl_{_gen()}")
        published = st.text_input(t("add.meta_published"), d.meta.get("published") or "",
                                  key=f"aa_pub_{_gen()}")
        if st.form_submit_button(t("add.meta_apply")):
            try:
                precision = ingest.date_precision(published.strip() or None)
            except ValueError as err:
                st.error(t("add.meta_bad_date", reason=markdown_text(str(err))))
                return
            titles = {f"title_{x}": d.meta.get(f"title_{x}") for x in langs}
            titles[f"title_{lang}"] = title.strip() or None
            d.meta = {**d.meta, **titles, "language": lang, "outlet": outlet.strip() or None,
                      "url": url.strip() or None, "published": published.strip() or None,
                      "published_precision": precision}


def extract(d: Draft, t) -> None:
    """Run the extractor once per new text, showing progress."""
    if d.extracted:
        return
    with st.status(t("add.extracting"), expanded=False) as status:
        extractor = _extractor(_data_dir())
        if extractor is None:
            status.update(label=t("add.no_extractor"), state="error")
            d.items = []
        else:
            try:
                d.items = ingest.propose(d.prepared, extractor, d.meta.get("published"))
            except Exception:  # noqa: BLE001 - an engine bug must not cost the curator the text
                log.exception("the extractor failed on a %d-character text", len(d.prepared.text))
                d.items = []
                status.update(label=t("add.extractor_failed"), state="error")
                d.extracted = True
                return
            for n, item in enumerate(d.items, 1):
                item.id = f"new-{n}"  # until saved (the store assigns the real ids)
            status.update(label=t("add.extracted", n=len(d.items)), state="complete")
    d.extracted = True


def _keep_edits(d: Draft) -> None:
    """Before another page of a table is shown: the edits so far become the working items."""
    d.working = current_items(d)
    st.session_state[GEN] = _gen() + 1


def _editor(d: Draft, kind: str, t) -> list[Item]:
    """One kind's review table, a page at a time (a long text has thousands of items: only
    the shown page becomes rows; the others pass through unchanged)."""
    key = f"aa_page_{kind}"
    before, shown, after, pages = review_page(d.working if d.working is not None else d.items,
                                              kind, st.session_state.get(key, 1) - 1)
    st.markdown(f"**{t('add.kind.' + kind)}**")
    if pages > 1:
        st.number_input(t("add.page", pages=pages, n=len(before) + len(shown) + len(after)),
                        1, pages, key=key, on_change=_keep_edits, args=(d,))
    rows = rows_for(shown, kind, d.prepared.text)
    if not rows:
        st.caption(t("add.none"))
        return []
    frame = pd.DataFrame(rows)
    config = {
        "id": None,
        "status": st.column_config.SelectboxColumn(t("add.col_status"), options=list(STATUSES), required=True,
                                                   format_func=lambda s: t(f"status.{s}")),
        "text": st.column_config.TextColumn(t("add.col_text")),
        "start": st.column_config.NumberColumn(t("add.col_start"), min_value=0, step=1),
        "end": st.column_config.NumberColumn(t("add.col_end"), min_value=1, step=1),
        "sentence": st.column_config.TextColumn(t("add.col_sentence"), disabled=True, width="large"),
        **{name: t(f"add.col_{name}") for name in FIELDS[kind]},  # the kind's own fields
    }
    edited = st.data_editor(frame, column_config=config, hide_index=True, num_rows="fixed",
                            key=f"aa_tbl_{kind}_{_gen()}")
    with st.expander(t("add.sentences")):
        st.html("<br>".join(sentence_html(d.prepared.text, r["start"], r["end"]) for r in rows))
    originals = {i.id: i for i in d.items if i.id}
    return before + items_from_rows(edited.to_dict("records"), kind, d.prepared.text,
                                    originals) + after


def review_tables(d: Draft, t) -> list[Item]:
    """The tables (one per kind); returns every item as the user has it now."""
    if st.button(t("add.accept_all"), key="aa_accept_all"):
        d.working = [dataclasses.replace(i, status="accepted") if i.status == "proposed" else i
                     for i in current_items(d)]
        st.session_state[GEN] = _gen() + 1
    out: list[Item] = []
    for kind in ITEM_KINDS:
        try:
            out.extend(_editor(d, kind, t))
        except ValueError as err:
            st.error(markdown_text(str(err)))
    d.current = out
    return out


def current_items(d: Draft) -> list[Item]:
    if d.current is not None:
        return list(d.current)
    return list(d.working if d.working is not None else d.items)


def add_missing(d: Draft, t) -> None:
    with st.form("aa_missing"):
        st.subheader(t("add.missing"))
        if added := st.session_state.pop(ADDED, None):
            st.success(added)
        kind = st.selectbox(t("add.missing_kind"), ITEM_KINDS,
                            format_func=lambda k: t("add.kind." + k), key="aa_m_kind")
        surface = st.text_input(t("add.missing_text"), key="aa_m_text")
        occurrence = st.number_input(t("add.missing_occurrence"), 1, 999, 1, key="aa_m_occ")
        ref = st.text_input(t("add.missing_ref"), key="aa_m_ref")
        if st.form_submit_button(t("add.missing_add")):
            try:
                start, end = find_span(d.prepared.text, surface, int(occurrence))
            except ValueError as err:
                st.error(markdown_text(str(err)))
                return
            key = {"quote": "speaker", "event": "event_type"}.get(kind, "ref")
            data = {name: None for name in FIELDS[kind]} | {key: ref.strip() or None}
            if kind == "quote":
                data["quote_kind"] = "direct"
            item = Item(kind, start, end, surface, data, "accepted", "curator")
            reasons = item_problems(kind, start, end, surface, data, item.status,
                                    draft_article("new", d.prepared.text, d.meta))
            if reasons:  # the rules the loader applies (and save re-checks)
                st.error(t("add.missing_invalid", error="; ".join(reasons)))
                return
            d.working = current_items(d) + [item]
            st.session_state[GEN] = _gen() + 1
            # Said after the rerun (a message drawn before st.rerun is never seen); 120–260 stays
            # in that order in Arabic.
            st.session_state[ADDED] = t("add.missing_added", span=ltr(f"{start}–{end}"))
            st.rerun()


def save(store: Store, d: Draft, edited: list[Item], t) -> None:
    """Save (authorisation re-checked here, server-side); on a conflict keep the edits."""
    if st.session_state.get(PENDING):
        _conflict(store, d, t)
        return
    if not st.button(t("add.save"), type="primary", key="aa_save"):
        return
    access = current_access()
    if not access.can_write:
        st.stop()
    try:
        if d.article_id is None:
            status = "accepted" if any(i.status != "proposed" for i in edited) else "proposed"
            saved = ingest.add(store, d.prepared, d.meta, edited, _curated(_data_dir())[1],
                               user=access.user, status=status)
        else:
            originals = {i.id: i for i in d.items if i.id}
            saved = store.save(d.article_id, d.version, user=access.user, meta=d.meta,
                               items=changed(edited, originals), status="accepted")
    except ConflictError as err:
        st.session_state[PENDING] = {"items": changed(edited, {i.id: i for i in d.items if i.id}),
                                     "meta": dict(d.meta), "mine": err.expected, "theirs": err.current}
        st.rerun()
    except ingest.Refused as err:
        st.error(t("add.refused", reason=err.message))
        return
    except ValueError as err:
        st.error(t("add.error", error=markdown_text(str(err))))
        return
    st.session_state[NOTICE] = t("add.saved", id=saved.id, version=saved.version)
    st.session_state[data.FRESH] = True  # this session's next rerun shows the save
    st.session_state["aa_switch"] = saved.id
    load_saved(store, saved.id)
    st.rerun()


def _conflict(store: Store, d: Draft, t) -> None:
    pending = st.session_state[PENDING]
    st.error(t("add.conflict", mine=pending["mine"], theirs=pending["theirs"]))
    again, discard = st.columns(2)
    if again.button(t("add.reapply"), key="aa_reapply", type="primary"):
        load_saved(store, d.article_id)
        latest = draft()
        mine = {i.id: i for i in pending["items"] if i.id}
        latest.working = [mine.pop(i.id, i) for i in latest.items] + [
            i for i in pending["items"] if not i.id]
        latest.meta = {**latest.meta, **pending["meta"]}
        st.session_state.pop(PENDING)
        st.rerun()
    if discard.button(t("add.discard"), key="aa_discard"):
        load_saved(store, d.article_id)
        st.session_state.pop(PENDING)
        st.rerun()


def prepare_mode() -> None:
    """After a save, show the saved article (set before the mode widgets are drawn)."""
    if saved_id := st.session_state.pop("aa_switch", None):
        st.session_state["aa_mode"] = "saved"
        st.session_state["aa_pick"] = saved_id


def notice() -> None:
    if message := st.session_state.pop(NOTICE, None):
        st.success(message)
