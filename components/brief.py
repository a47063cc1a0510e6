"""The brief: a PDF of the current view in the interface language — title, the filters in
words, the permalink, counts, the barometer, a static map, the timeline, the key events with
their sources and the key quotes with citations.

`brief_content` turns the page context into plain data (`Brief`), `brief_pdf` adds the figures
(components.brief_figures) and writes the PDF (components.brief_pdf). No Streamlit calls: the
page hook (components.layout.brief_button) passes the view's URL and the geography, and the PDF
is built only when the reader clicks. Lists are capped so a brief stays quick and short.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from components import frames
from components.cards import cited_title
from components.filters import counts_line, dyad_label
from components.i18n import fmt_date, ltr, year_span
from corpus import plover

MAX_KEY_EVENTS = 10
MAX_KEY_QUOTES = 8
MAX_TEXT = 600  # characters of a summary or quote shown before it is cut with an ellipsis
QUOTE_KIND_ORDER = {"direct": 0, "reported": 1, "fragment": 2}


@dataclass(frozen=True)
class Entry:
    """A key event or a key quote as the brief lists it."""

    heading: str  # event: date · type · dyad · place; quote: speaker · date · kind
    text: str  # event summary or verbatim quote
    text_lang: str  # the language of `text` (its direction in the PDF)
    source: str  # article title · outlet · published · article_id:start-end
    href: str  # the reader at the span, absolute when the view's URL is known


@dataclass(frozen=True)
class Brief:
    lang: str
    title: str
    generated: str
    labels: Mapping[str, str]  # section headings and notes, in the interface language
    filters: list[tuple[str, str]]  # (filter name, its values in words)
    permalink: str
    counts: str
    key_events: list[Entry]
    quotes: list[Entry]
    matching_events: int = 0  # how many events/quotes the view has (the lists are capped)
    matching_quotes: int = 0


@dataclass(frozen=True)
class Figures:
    """The brief's pictures as PNG bytes (None: nothing to draw under these filters)."""

    map: bytes | None = None
    timeline: bytes | None = None
    barometer: bytes | None = None
    timeline_left_out: int = 0  # events dated more coarsely than the timeline's bars


def _names(ids, lookup: Callable[[str], str]) -> str:
    return ", ".join(lookup(i) for i in ids)


def filters_in_words(ctx) -> list[tuple[str, str]]:
    """Each active filter as (its name, its values in words); the whole corpus when none."""
    f, t = ctx.filters, ctx.t
    out: list[tuple[str, str]] = []
    if f.year_min is not None or f.year_max is not None:
        years = [y for y in (f.year_min, f.year_max) if y is not None]
        out.append((t("filters.years"), ltr(year_span(years))))
    if f.date_from or f.date_to:
        dates = [fmt_date(d, 1, ctx.lang) if d else "…" for d in (f.date_from, f.date_to)]
        out.append((f"{t('filters.from')} – {t('filters.to')}", " – ".join(dates)))
    rows = (("filters.actors", f.actors, ctx.actor), ("filters.types", f.event_types, lambda e: t("type." + e)),
            ("filters.quads", f.quads, lambda q: t("quad." + q)), ("filters.places", f.places, ctx.place),
            ("filters.articles", f.articles, ctx.article_title),
            ("filters.dyads", f.dyads, lambda d: dyad_label(ctx.corpus, d, ctx.lang)))
    out += [(t(key), _names(ids, name)) for key, ids, name in rows if ids]
    if f.text:
        out.append((t("filters.text"), t("brief.quoted", text=f.text)))
    if f.include_proposed:
        out.append((t("filters.proposed"), t("brief.yes")))
    return out or [(t("filters.header"), t("brief.no_filters"))]


def absolute(base_url: str, href: str) -> str:
    """A relative app link (./page?query) made absolute against the app's URL when known."""
    if not base_url.startswith(("http://", "https://")) or not href.startswith("./"):
        return href
    root = base_url.split("?", 1)[0]
    root = root[: root.rfind("/") + 1] if root.count("/") > 2 else root.rstrip("/") + "/"
    return root + href[2:]


def source_line(ctx, article_id: str, start: int, end: int) -> str:
    """Where an item comes from: article title, outlet, publication date, exact span."""
    article = ctx.corpus.articles.get(article_id)
    parts = [cited_title(ctx, article) if article else article_id]
    if article and article.outlet:
        parts.append(article.outlet)
    if article and article.published:
        parts.append(fmt_date(article.published, article.published_precision, ctx.lang))
    parts.append(ltr(f"{article_id}:{int(start)}-{int(end)}"))
    return " · ".join(parts)


def _cut(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


def event_entries(ctx, base_url: str) -> list[Entry]:
    events = frames.key_events(ctx.result.events, ctx.index.actor_members, limit=MAX_KEY_EVENTS)
    out = []
    for row in events.to_dict("records"):
        text, fallback = ctx.summary(row)
        heading = " · ".join((ctx.date_label(row), ctx.t("type." + row["event_type"]),
                              ctx.dyad(row["actor1"], row["actor2"]), ctx.place(row["place_id"])))
        out.append(Entry(heading, _cut(text), "en" if fallback else ctx.lang,
                         source_line(ctx, row["article_id"], row["start"], row["end"]),
                         absolute(base_url, ctx.reader_href(row["article_id"], row["start"], row["end"]))))
    return out


def key_quotes(quotes, limit: int = MAX_KEY_QUOTES):
    """Whole statements before fragments, the longest first, then listed in date order."""
    if quotes.empty:
        return quotes
    ranked = quotes.assign(_kind=quotes["kind"].map(QUOTE_KIND_ORDER).fillna(3), _len=-quotes["text"].str.len())
    ranked = ranked.sort_values(["_kind", "_len", "id"], kind="stable").head(limit)
    return ranked.sort_values(["date_start", "id"], kind="stable").drop(columns=["_kind", "_len"])


def quote_entries(ctx, base_url: str) -> list[Entry]:
    out = []
    for row in key_quotes(ctx.result.quotes).to_dict("records"):
        speaker = ctx.actor(row["speaker"]) if isinstance(row["speaker"], str) else ctx.t("quotes.unknown_speaker")
        kind = ctx.t("kind." + row["kind"]) if row["kind"] in QUOTE_KIND_ORDER else str(row["kind"])
        out.append(Entry(" · ".join((speaker, ctx.date_label(row), kind)), _cut(row["text"]), row["language"],
                         source_line(ctx, row["article_id"], row["start"], row["end"]),
                         absolute(base_url, ctx.reader_href(row["article_id"], row["start"], row["end"]))))
    return out


def brief_content(ctx, permalink: str, today: dt.date | None = None) -> Brief:
    """Everything the brief says, as plain data (no figures yet)."""
    r, t = ctx.result, ctx.t
    keys = ("view", "permalink", "barometer", "barometer_note", "map", "map_note", "timeline",
            "timeline_left_out", "key_events", "key_quotes", "source", "listed", "page")
    labels = {k: t("brief." + k) for k in keys}
    labels["no_dyad"], labels["chart_events"], labels["mean"] = t("overview.no_dyad"), t("chart.events"), t("chart.mean_score")
    labels["empty_events"], labels["empty_quotes"] = t("empty.events"), t("empty.quotes")
    today = today or dt.datetime.now(dt.UTC).date()
    return Brief(
        lang=ctx.lang, title=t("app.title"),
        generated=t("brief.generated", date=fmt_date(today.isoformat(), 1, ctx.lang)),
        labels=labels, filters=filters_in_words(ctx), permalink=permalink,
        counts=counts_line(len(r.events), r.total_events, len(r.quotes), r.total_quotes, ctx.lang),
        key_events=event_entries(ctx, permalink), quotes=quote_entries(ctx, permalink),
        matching_events=len(r.events), matching_quotes=len(r.quotes),
    )


def figures(ctx, geo: Mapping | None, area_for: Callable[[str, int], dict | None]) -> Figures:
    """The map, the timeline and the barometer of the view."""
    from components import brief_figures as draw
    from components.mapview import KIDAL_COLOUR, KIDAL_REGION
    from geo.labels import Label, placements

    events, lang = ctx.result.events, ctx.lang
    quad_labels = {q: ctx.t("quad." + q) for q in plover.QUAD_CLASSES}
    axis = {"events": ctx.t("chart.events"), "mean": ctx.t("chart.mean_score")}
    areas = [(area_for(row["place_id"], int(row["geo_precision"])), row["quad"])
             for row in frames.coarse_areas(events).to_dict("records")]
    arcs = frames.arcs(events, frames.capitals(ctx.corpus.places), ctx.index.actor_state or frames.state_of(ctx.corpus.actors))
    legend = [*((plover.QUAD_COLOURS[q], quad_labels[q]) for q in plover.QUAD_CLASSES),
              (KIDAL_COLOUR, ctx.t("map.legend_kidal"))]
    places = ctx.corpus.places
    labels = [Label(p.id, p.name(lang), p.lon, p.lat, spot["anchor"], int(spot["dx"]), int(spot["dy"]))
              for spot in placements() if (p := places.get(spot["place"])) is not None and p.lat is not None]
    map_png = draw.map_png(geo, frames.place_markers(events), areas, arcs, labels,
                           lang, (KIDAL_REGION, KIDAL_COLOUR), legend)
    table, period, left_out = frames.counts_over_time(events)
    timeline = draw.timeline_png(table, period, quad_labels, axis, lang) if len(table) else None
    baro = frames.barometer(events, ctx.index.actor_members)
    barometer = draw.barometer_png(baro, axis, lang) if not baro.empty else None
    return Figures(map_png, timeline, barometer, left_out)


def brief_pdf(ctx, permalink: str, geo: Mapping | None, area_for: Callable[[str, int], dict | None],
              today: dt.date | None = None) -> bytes:
    """The brief of this view as PDF bytes."""
    from components.brief_pdf import render

    content = brief_content(ctx, permalink, today)
    return render(content, figures(ctx, geo, area_for))
