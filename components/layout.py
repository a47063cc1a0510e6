"""The per-run page context (computed once in app.py, read by every page) and the pieces
every page shares: header with counts, display names, export buttons."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from components.filters import counts_line
from components.html import display_text, query_href
from components.i18n import Localised, date_label, summary, t
from corpus import export
from corpus.models import VISIBLE_STATUSES, visible_statuses
from corpus.query import CorpusIndex, Filters, QueryResult
from corpus.urlstate import filters_to_params


@dataclass(frozen=True)
class PageContext(Localised):
    index: CorpusIndex
    filters: Filters
    result: QueryResult
    params: dict[str, str] = field(default_factory=dict)
    corpus_key: str = ""  # data.Loaded.key: caches of figures built from this corpus use it

    @property
    def corpus(self):
        return self.index.corpus

    def actor(self, actor_id: str | None) -> str:
        record = self.corpus.actors.get(actor_id) if isinstance(actor_id, str) else None
        return record.name(self.lang) if record else (actor_id if isinstance(actor_id, str) else t("misc.none", self.lang))

    def place(self, place_id: str | None) -> str:
        record = self.corpus.places.get(place_id) if isinstance(place_id, str) else None
        return record.name(self.lang) if record else (place_id if isinstance(place_id, str) else t("misc.none", self.lang))

    def dyad(self, actor1: str | None, actor2: str | None) -> str:
        if not isinstance(actor2, str):
            return self.actor(actor1)
        return f"{self.actor(actor1)} {t('misc.arrow', self.lang)} {self.actor(actor2)}"

    def article_title(self, article_id: str) -> str:
        article = self.corpus.articles.get(article_id)
        return display_text(article.title(self.lang)) if article else article_id

    def date_label(self, row: dict) -> str:
        """The row's date at its precision, marked when estimated."""
        return date_label(row.get("date"), row.get("date_precision"), self.lang, bool(row.get("date_estimated")))

    def provenance(self, row: dict) -> str | None:
        """For an added item: proposed by the engine, then accepted or edited by whom."""
        if row.get("origin") != "added" or row.get("status") not in VISIBLE_STATUSES:
            return None
        article = self.corpus.articles.get(row.get("article_id"))
        who = (article.reviewed_by if article else None) or self.t("misc.unknown")
        return self.t("provenance." + row["status"], who=who)

    def reader_href(self, article_id: str, start: int, end: int) -> str:
        """A link to the reader at a span that keeps this view's filters and language."""
        params = {**filters_to_params(self.filters), "lang": self.lang,
                  "article": article_id, "span": f"{int(start)}-{int(end)}"}
        return query_href("sources", params)

    def summary(self, row: dict) -> tuple[str, bool]:
        return summary(row, self.lang)


def header(ctx: PageContext, title_key: str) -> None:
    """Page title and how many events/quotes match out of the total."""
    st.title(ctx.t(title_key))
    r = ctx.result
    st.caption(counts_line(len(r.events), r.total_events, len(r.quotes), r.total_quotes, ctx.lang))


def reports_of_events(ctx: PageContext, events: pd.DataFrame) -> pd.DataFrame:
    """Every visible report of the given events (all their sources, filtered or not)."""
    statuses = visible_statuses(ctx.filters.include_proposed)
    frame = ctx.index.events
    keep = frame["cluster_id"].isin(set(events["cluster_id"])) & frame["status"].isin(statuses)
    return frame[keep.to_numpy(dtype=bool)]


def export_buttons(ctx: PageContext, events: pd.DataFrame | None, quotes: pd.DataFrame | None) -> None:
    """Download what the page shows: events (CSV — one row per event with its source count —,
    GeoJSON, GeoPackage), their reports (CSV, one row per report) and/or quotes (CSV), with
    provenance columns; each file is built only on click."""
    from components.data import area_for

    corpus = ctx.corpus
    ev_name, q_name = ctx.t("export.file_events"), ctx.t("export.file_quotes")
    st.subheader(ctx.t("export.header"))
    cols = iter(st.columns(5))
    if events is not None:
        next(cols).download_button(ctx.t("export.events_csv"), data=lambda: export.events_csv(events, corpus),
                                   file_name=f"{ev_name}.csv", mime="text/csv", key="dl_ev_csv")
        next(cols).download_button(ctx.t("export.events_geojson"),
                                   data=lambda: export.geojson_text(export.events_geojson(events, corpus, area_for)),
                                   file_name=f"{ev_name}.geojson", mime="application/geo+json", key="dl_ev_geo")
        next(cols).download_button(ctx.t("export.events_gpkg"),
                                   data=lambda: export.geopackage_bytes(export.events_geojson(events, corpus, area_for)),
                                   file_name=f"{ev_name}.gpkg", mime="application/geopackage+sqlite3", key="dl_ev_gpkg")
        next(cols).download_button(ctx.t("export.reports_csv"),
                                   data=lambda: export.reports_csv(reports_of_events(ctx, events), corpus),
                                   file_name=f"{ctx.t('export.file_reports')}.csv", mime="text/csv", key="dl_rep_csv")
    if quotes is not None:
        next(cols).download_button(ctx.t("export.quotes_csv"), data=lambda: export.quotes_csv(quotes, corpus),
                                   file_name=f"{q_name}.csv", mime="text/csv", key="dl_q_csv")


BRIEF_STATE = "_brief_pdf"  # this session's last brief: (the view it shows, its PDF or None: failed)
log = logging.getLogger("atlas.brief")


def brief_button(ctx: PageContext) -> None:
    """The "Brief (PDF)" of this view (components/brief.py), in the sidebar of every page: a
    click builds it in the page run, then offers it for download; when building fails, a
    message says so in the sidebar and the rest of the page is drawn as usual."""
    from components.filters import view_url

    permalink = view_url(ctx.params)
    view = (ctx.corpus_key, permalink)
    if st.sidebar.button(ctx.t("brief.download"), key="brief_build", help=ctx.t("brief.download_help")):
        st.session_state[BRIEF_STATE] = (view, build_brief(ctx, permalink))
    made = st.session_state.get(BRIEF_STATE)
    if made is None or made[0] != view:  # none yet, or a brief of another view: not offered
        st.session_state.pop(BRIEF_STATE, None)
        return
    if made[1] is None:
        st.sidebar.error(ctx.t("brief.failed"))
        return
    st.sidebar.download_button(ctx.t("brief.save"), data=made[1], file_name=f"{ctx.t('brief.file')}.pdf",
                               mime="application/pdf", key="dl_brief", on_click="ignore", type="primary")


def build_brief(ctx: PageContext, permalink: str) -> bytes | None:
    """The brief's PDF, or None (logged with its traceback) when any step of building it fails."""
    from components import brief, data

    try:
        with st.sidebar, st.spinner(ctx.t("brief.building")):
            return brief.brief_pdf(ctx, permalink, data.geo_layers(), data.area_for)
    except Exception:
        log.exception("The brief of %s could not be built", permalink)
        return None
