"""Plain data for quote cards and citations, from a quote row and the page context."""

from __future__ import annotations

from components.html import QuoteCard

QUOTES_PAGE_SIZE = 50  # quote cards per page (pages/quotes.py): three elements each, so a page stays quick


def quote_card_data(ctx, row: dict) -> QuoteCard:
    corpus = ctx.corpus
    speaker = corpus.actors.get(row["speaker"]) if isinstance(row["speaker"], str) else None
    affiliation = corpus.actors.get(speaker.affiliation) if speaker and speaker.affiliation else None
    href = ctx.reader_href(row["article_id"], row["start"], row["end"])
    return QuoteCard(
        quote_id=row["id"], text=row["text"], language=row["language"], kind=row["kind"],
        kind_label=ctx.t("kind." + row["kind"]) if row["kind"] in ("direct", "fragment", "reported") else row["kind"],
        speaker=speaker.name(ctx.lang) if speaker else ctx.t("quotes.unknown_speaker"),
        speaker_role=speaker.role(ctx.lang) if speaker else None,
        speaker_affiliation=affiliation.name(ctx.lang) if affiliation else None,
        date_label=ctx.date_label(row),
        source_label=ctx.article_title(row["article_id"]), source_href=href,
        source_link_label=ctx.t("quotes.open_source"), ui_lang=ctx.lang, provenance=ctx.provenance(row),
    )


def cited_title(ctx, article) -> str:
    """The article's title in the interface language, said to be the atlas's own translation
    when the article was written in another language."""
    title = article.title(ctx.lang)
    if ctx.lang != article.language and title != article.title(article.language):
        title += " " + ctx.t("quotes.title_translated")
    return title


def citation(ctx, row: dict) -> str:
    """A plain-text citation: speaker, date, “text”, article, outlet, URL, span."""
    corpus = ctx.corpus
    article = corpus.articles.get(row["article_id"])
    speaker = ctx.actor(row["speaker"]) if isinstance(row["speaker"], str) else ctx.t("quotes.unknown_speaker")
    parts = [speaker, ctx.date_label(row), f"“{row['text']}”", cited_title(ctx, article) if article else row["article_id"]]
    if article and article.outlet:
        parts.append(article.outlet)
    if article and article.url:
        parts.append(article.url)
    parts.append(f"{row['article_id']}:{row['start']}-{row['end']}")
    return ", ".join(parts)
