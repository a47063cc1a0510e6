"""Article-reader helpers: which spans to highlight, and the `span` URL parameter."""

from __future__ import annotations

import re
from dataclasses import replace

from components.html import Mark, markdown_link, markdown_text
from components.i18n import fmt_date
from corpus.models import visible_statuses
from corpus.urlstate import filters_to_params

_SPAN = re.compile(r"^\s*(\d{1,9})\s*-\s*(\d{1,9})\s*$")


def reader_articles(ctx) -> list[str]:
    """The articles the reader offers: the article filter's; with no filter at all, every
    visible article (one with no event or quote too); else those with a matching event or
    quote — none when nothing matches (the page says so)."""
    if ctx.filters.articles:
        return list(ctx.filters.articles)
    if not filters_to_params(replace(ctx.filters, include_proposed=False)):
        visible = visible_statuses(ctx.filters.include_proposed)
        return sorted(key for key, article in ctx.corpus.articles.items() if article.status in visible)
    return sorted(set(ctx.result.reports["article_id"]) | set(ctx.result.quotes["article_id"]))


def parse_span(value: object, length: int) -> tuple[int, int] | None:
    """'120-260' → (120, 260) when it is a non-empty span inside a text of `length`."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    match = _SPAN.match(value)
    if not match:
        return None
    start, end = int(match[1]), int(match[2])
    return (start, end) if 0 <= start < end <= length else None


def marks_for(ctx, article_id: str, kinds: set[str]) -> list[Mark]:
    """Highlight marks of one article (visible items only), for the kinds switched on."""
    marks = []
    visible = visible_statuses(ctx.filters.include_proposed)
    items = ctx.index.article_items(article_id, visible)
    if "event" in kinds:
        events = items["events"]
        marks += [Mark(int(s), int(e), "event", f"{t} · {i}") for s, e, t, i in
                  zip(events["start"], events["end"], events["event_type"], events["id"], strict=True)]
    if "quote" in kinds:
        quotes = items["quotes"]
        marks += [Mark(int(s), int(e), "quote", i) for s, e, i in zip(quotes["start"], quotes["end"], quotes["id"], strict=True)]
    for mention in ctx.index.mentions_by_article.get(article_id, ()):
        if mention.kind not in kinds or mention.status not in visible:
            continue
        name = ctx.place(mention.ref) if mention.kind == "place" else ctx.actor(mention.ref)
        marks.append(Mark(mention.start, mention.end, mention.kind, name))
    return marks


def metadata_table(ctx, article) -> dict[str, list[str]]:
    """The reader's metadata table (st.table renders Markdown in its cells): every value from
    the corpus or the store shown as text; the article's address a link only when it is a valid
    http(s) URL."""
    t, none = ctx.t, ctx.t("misc.none")
    published = fmt_date(article.published, article.published_precision, ctx.lang)
    if article.published_inferred:
        published += f" ({t('sources.estimated')})"
    rows = [(t("sources.published"), markdown_text(published)),
            (t("sources.language"), markdown_text(article.language)),
            (t("sources.outlet"), markdown_text(article.outlet or none)),
            (t("sources.url"), markdown_link(article.url, article.url) if article.url else none),
            (t("sources.tags"), markdown_text(", ".join(article.tags) or none))]
    evidence = article.published_evidence or {}
    if evidence.get("text"):
        note = f"“{evidence['text']}” — {evidence.get('note_en') or ''}"
        rows.append((t("sources.evidence"), markdown_text(note)))
    return {t("sources.metadata"): [k for k, _ in rows], t("sources.article"): [v for _, v in rows]}
