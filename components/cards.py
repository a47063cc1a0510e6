"""Plain data for quote cards and citations, from a quote row and the page context."""

from __future__ import annotations

import re

from components.filters import item_link
from components.html import QuoteCard
from corpus.store.proposals import sentence_bounds

QUOTES_PAGE_SIZE = 50  # quote cards per page (app_pages/quotes.py): one element each, so a page stays quick
FRAGMENT_CONTEXT = 200  # characters of a fragment's sentence kept on each side of it, at most
_CLOSING_MARKS = "\"”»'’"
_LEFTOVER_CLOSERS = re.compile("^[\"”»'’]+\\s+")  # the previous sentence's closing quote


def fragment_context(text: str, start: int, end: int, limit: int = FRAGMENT_CONTEXT) -> tuple[str, str]:
    """The words of the sentence before and after the span [start, end): a span that ends its
    sentence keeps only the closing quote marks after it; each side is cut at a word boundary,
    with "…", beyond `limit` characters (a text without full stops)."""
    left, right = sentence_bounds(text, start, end - 1)  # a full stop ending the span ends the sentence
    right = max(right, end)
    while text[right - 1] != "\n" and right < len(text) and text[right] in _CLOSING_MARKS:
        right += 1
    before = _LEFTOVER_CLOSERS.sub("", text[left:start].lstrip())
    return _clip(before, limit, from_end=True), _clip(text[end:right].rstrip(), limit, from_end=False)


def _clip(part: str, limit: int, from_end: bool) -> str:
    """`part` when short; else its `limit` characters nearest the span, cut at a word boundary."""
    if len(part) <= limit:
        return part
    if from_end:
        tail = part[-limit:]
        return "…" + (tail.split(maxsplit=1)[-1] if " " in tail.strip() else tail)
    head = part[:limit]
    return (head.rsplit(maxsplit=1)[0] if " " in head.strip() else head) + "…"


def gloss_of(ctx, row: dict) -> tuple[str | None, str | None]:
    """(the atlas's translation into the interface language, its label) — (None, None) when the
    quote is in the interface language; (None, "no translation yet") when nobody wrote one."""
    if row["language"] == ctx.lang:
        return None, None
    gloss = row.get(f"gloss_{ctx.lang}")
    if isinstance(gloss, str) and gloss.strip():
        return gloss, ctx.t("quotes.gloss_label")
    return None, ctx.t("quotes.no_gloss")


def quote_card_data(ctx, row: dict, with_citation: bool = False, selected: bool = False) -> QuoteCard:
    corpus = ctx.corpus
    speaker = corpus.actors.get(row["speaker"]) if isinstance(row["speaker"], str) else None
    affiliation = corpus.actors.get(speaker.affiliation) if speaker and speaker.affiliation else None
    href = ctx.reader_href(row["article_id"], row["start"], row["end"])
    article = corpus.articles.get(row["article_id"])
    before, after = ("", "")
    if row["kind"] == "fragment" and article is not None:
        before, after = fragment_context(article.text, row["start"], row["end"])
    gloss, gloss_label = gloss_of(ctx, row)
    return QuoteCard(
        quote_id=row["id"], text=row["text"], language=row["language"], kind=row["kind"],
        kind_label=ctx.t("kind." + row["kind"]) if row["kind"] in ("direct", "fragment", "reported") else row["kind"],
        speaker=speaker.name(ctx.lang) if speaker else ctx.t("quotes.unknown_speaker"),
        speaker_role=speaker.role(ctx.lang) if speaker else None,
        speaker_affiliation=affiliation.name(ctx.lang) if affiliation else None,
        date_label=ctx.date_label(row),
        source_label=ctx.article_title(row["article_id"]), source_href=href,
        source_link_label=ctx.t("quotes.open_source"), ui_lang=ctx.lang, provenance=ctx.provenance(row),
        before=before, after=after, gloss=gloss, gloss_label=gloss_label,
        citation=citation(ctx, row) if with_citation else "",
        copy_label=ctx.t("quotes.copy_citation"), copied_label=ctx.t("quotes.copied"),
        copy_failed_label=ctx.t("quotes.copy_failed"),
        item_link=item_link("quote", row["id"], ctx.lang), link_label=ctx.t("item.copy_link"), selected=selected,
    )


def cited_title(ctx, article) -> str:
    """The article's title in the interface language, said to be the atlas's own translation
    when the article was written in another language."""
    title = article.title(ctx.lang)
    if ctx.lang != article.language and title != article.title(article.language):
        title += " " + ctx.t("quotes.title_translated")
    return title


def citation(ctx, row: dict) -> str:
    """A plain-text citation: speaker, date, “text” [the atlas's translation], article, outlet,
    URL, span."""
    corpus = ctx.corpus
    article = corpus.articles.get(row["article_id"])
    speaker = ctx.actor(row["speaker"]) if isinstance(row["speaker"], str) else ctx.t("quotes.unknown_speaker")
    quoted = f"“{row['text']}”"
    gloss, label = gloss_of(ctx, row)
    if gloss:
        quoted += f" [{label}: “{gloss}”]"
    parts = [speaker, ctx.date_label(row), quoted, cited_title(ctx, article) if article else row["article_id"]]
    if article and article.outlet:
        parts.append(article.outlet)
    if article and article.url:
        parts.append(article.url)
    parts.append(f"{row['article_id']}:{row['start']}-{row['end']}")
    return ", ".join(parts)
