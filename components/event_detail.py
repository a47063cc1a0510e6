"""An event's detail, shared by the Timeline selection and the Sources reader: its evidence,
every report of it (source, date, actors, place, a link to its sentence), a visible note when
the reports disagree, and the quotes about it grouped by side (competing claims, side by side).
The Quotes page's Claims view draws the same side-by-side block per contested event."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import item_view
from components.cards import quote_card_data
from components.html import claims_columns, evidence_block, quote_card, report_list
from components.i18n import fmt_int
from corpus import claims
from corpus.models import visible_statuses


def _visible(ctx, frame: pd.DataFrame) -> pd.DataFrame:
    statuses = visible_statuses(ctx.filters.include_proposed)
    return frame[frame["status"].isin(statuses).to_numpy(dtype=bool)]


def reports_of(ctx, cluster_id: str) -> pd.DataFrame:
    """The visible reports of one event (cluster), in date order."""
    events = ctx.index.events
    return _visible(ctx, events[(events["cluster_id"] == cluster_id).to_numpy(dtype=bool)])


def sources_label(ctx, row: dict) -> str | None:
    """"Reported by N sources" for an event with more than one report, else None."""
    count = int(row.get("report_count") or 1)
    return ctx.t("cluster.sources", n=fmt_int(count, ctx.lang)) if count > 1 else None


def source_name(ctx, article_id: str) -> str:
    """The outlet of a report's article, with its title (the title alone when no outlet)."""
    article = ctx.corpus.articles.get(article_id)
    title = ctx.article_title(article_id)
    return f"{article.outlet} — {title}" if article and article.outlet else title


def disagreement_note(ctx, row: dict) -> str | None:
    fields = [f for f in str(row.get("disagree") or "").split(",") if f]
    if not fields:
        return None
    return ctx.t("cluster.disagree", fields=", ".join(ctx.t("field." + f) for f in fields))


def draw_reports(ctx, row: dict) -> None:
    """The list of an event's reports and, when they differ, the disagreement note."""
    reports = reports_of(ctx, row["cluster_id"])
    if len(reports) < 2:
        return
    st.markdown(f"**{ctx.t('cluster.reports')}** · {sources_label(ctx, row)}")
    items = [(source_name(ctx, r["article_id"]),
              " · ".join((ctx.date_label(r), ctx.dyad(r["actor1"], r["actor2"]), ctx.place(r["place_id"]))),
              ctx.reader_href(r["article_id"], r["start"], r["end"])) for r in reports.to_dict("records")]
    st.html(report_list(items, ctx.t("quotes.open_source"), ctx.lang))
    if note := disagreement_note(ctx, row):
        st.warning(note, icon="⚠️")


def claims_html(ctx, sides: list[tuple[str, pd.DataFrame]]) -> str:
    """The sides' quote cards side by side (escaped HTML, built in components/html.py)."""
    columns = [(side, ctx.actor(side) if side else ctx.t("quotes.unknown_speaker"),
                [quote_card(quote_card_data(ctx, q)) for q in frame.to_dict("records")]) for side, frame in sides]
    return claims_columns(columns, ctx.lang)


def draw_claims(ctx, row: dict) -> None:
    """The quotes about the event (its reports and the exchange it belongs to), by side."""
    quotes = claims.about(_visible(ctx, ctx.index.quotes), row["thread_id"])
    sides = claims.by_side(quotes, ctx.index.state_of)
    if not sides:
        return
    st.markdown(f"**{ctx.t('claims.title' if len(sides) > 1 else 'timeline.quotes')}**")
    st.html(claims_html(ctx, sides))


def draw(ctx, row: dict) -> None:
    """The whole detail of one event row (a row of the query result or of the index)."""
    href = ctx.reader_href(row["article_id"], row["start"], row["end"])
    meta = " · ".join(filter(None, (ctx.date_label(row), ctx.dyad(row["actor1"], row["actor2"]),
                                    sources_label(ctx, row), ctx.provenance(row))))
    st.html(evidence_block(ctx.t("timeline.evidence"), meta, row["text"], ctx.corpus.articles[row["article_id"]].language,
                           href, ctx.t("quotes.open_source"), ctx.lang))
    item_view.link_button(ctx, "event", row["id"])
    draw_reports(ctx, row)
    draw_claims(ctx, row)


def claims_view(ctx, quotes: pd.DataFrame, limit: int = 20) -> None:
    """The Quotes page's Claims view: each event (exchange) with quotes from more than one
    side among `quotes`, its sides' quotes side by side."""
    from components.html import key_event

    found = claims.claims(quotes, ctx.index.state_of)
    if not found:
        st.info(ctx.t("claims.empty"))
        return
    st.caption(ctx.t("claims.count", n=fmt_int(len(found), ctx.lang)))
    if len(found) > limit:
        st.caption(ctx.t("claims.more", shown=fmt_int(limit, ctx.lang), total=fmt_int(len(found), ctx.lang)))
    for claim in found[:limit]:
        reports = reports_of(ctx, claim.thread_id)
        if not reports.empty:
            row = reports.iloc[0].to_dict()
            heading, fallback = ctx.summary(row)
            meta = " · ".join(filter(None, (ctx.date_label(row), ctx.dyad(row["actor1"], row["actor2"]),
                                            sources_label(ctx, row))))
            st.html(key_event(heading, meta, ctx.article_title(row["article_id"]),
                              ctx.t("fallback.en") if fallback else None, ctx.lang,
                              href=ctx.reader_href(row["article_id"], row["start"], row["end"]),
                              link_label=ctx.t("quotes.open_source")))
        st.html(claims_html(ctx, claim.sides))


def article_clusters(ctx, article_id: str) -> None:
    """For the Sources reader: this article's events that other sources reported too, then
    its other events with quotes from more than one side — each with its reports, the
    disagreement note and the quotes by side."""
    own = _visible(ctx, ctx.index.events)
    own = own[(own["article_id"] == article_id).to_numpy(dtype=bool)]
    contested = claims.contested(_visible(ctx, ctx.index.quotes), ctx.index.state_of)
    shared = own[(own["report_count"] > 1).to_numpy(dtype=bool)]
    argued = own[((own["report_count"] == 1) & own["thread_id"].isin(contested)).to_numpy(dtype=bool)]
    for key, rows in (("sources.clusters", shared), ("sources.claims", argued)):
        if rows.empty:
            continue
        st.subheader(ctx.t(key))
        for row in rows.to_dict("records"):
            label = " · ".join(filter(None, (ctx.date_label(row), ctx.summary(row)[0][:90], sources_label(ctx, row))))
            with st.expander(label):
                draw_reports(ctx, row)
                draw_claims(ctx, row)
