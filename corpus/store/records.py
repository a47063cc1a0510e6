"""Stored rows as model records, and the one validator a stored item must pass.

The loader's checks (corpus/loader.py: `check_record`) are the rules. An item is checked with
them when it is saved (`item_problems`, called by the repository before anything is written)
and again when the union loads it (a row stored before the rule, or edited by hand, is then
skipped with a warning instead of breaking the whole corpus).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from types import MappingProxyType, SimpleNamespace
from typing import Any

from corpus.dates import date_problem as _date_problem
from corpus.dates import partial_problem
from corpus.loader import Row, check_record
from corpus.models import Article, Corpus, Event, Mention, Quote
from corpus.summaries import event_summary

_EMPTY = Corpus()
_NONE: list[str] = []  # shared "no problem" answer (never mutated)


@lru_cache(maxsize=65536)
def date_problem(value: str | None, precision: int | None) -> str | None:
    return _date_problem(value, precision)


def _known(value: str | None, table: dict) -> str | None:
    return value if value in table else None


def article_record(row: Any, file: str | None = None) -> Article:
    titles = {"ar": row.title_ar, "en": row.title_en, "fr": row.title_fr}
    fallback = titles.get(row.language) or next((t for t in titles.values() if t), "") or ""
    return Article(
        id=row.id, text=row.text, sha256=row.sha256, language=row.language,
        title_ar=row.title_ar or ("" if row.language != "ar" else fallback),
        title_en=row.title_en or fallback, title_fr=row.title_fr, outlet=row.outlet,
        url=row.url, published=row.published, published_precision=row.published_precision,
        tags=tuple(row.tags or ()), origin="added", status=row.status, file=file,
        reviewed_by=row.updated_by or row.created_by)


def _summaries(data: dict, actor1: str | None, actor2: str | None, base: Corpus) -> dict[str, str]:
    """The curator's summary where written, else one from the event type's template."""
    def name(actor_id: str | None, lang: str) -> str | None:
        return base.actors[actor_id].name(lang) if actor_id else None

    return {lang: data.get(f"summary_{lang}") or event_summary(data.get("event_type") or "", name(actor1, lang),
                                                               name(actor2, lang), lang)
            for lang in ("en", "fr", "ar")}


def item_record(row: Any, article: Article, base: Corpus) -> Event | Quote | Mention | None:
    """The model record for one stored item; None when it cannot be shown (an event with no
    date, neither its own nor the article's)."""
    d = row.data or {}
    common = {"article_id": row.article_id, "start": row.span_start, "end": row.span_end,
              "text": row.text}
    if row.kind in ("date", "place", "actor"):
        ref = d.get("ref")
        if row.kind == "place":
            ref = _known(ref, base.places)
        elif row.kind == "actor":
            ref = _known(ref, base.actors)
        elif ref is not None and partial_problem(ref):
            ref = None
        return Mention(**common, kind=row.kind, ref=ref, relative=bool(d.get("relative")),
                       origin="added", status=row.status)
    if row.kind == "quote":
        dated = article.published and not date_problem(article.published, article.published_precision)
        return Quote(id=row.id, **common, speaker=_known(d.get("speaker"), base.actors),
                     language=article.language, kind=d.get("quote_kind") or "direct",
                     date=article.published if dated else None,
                     date_precision=article.published_precision if dated else None,
                     event_id=None, origin="added", status=row.status)
    if row.kind == "event":
        date, precision, inferred = d.get("date"), d.get("date_precision"), False
        note = f"resolved from “{d['date_relative']}” and the publication date" if d.get("date_relative") else None
        if not date or date_problem(date, precision):
            date, precision, inferred, note = article.published, article.published_precision, True, None
        if not date or date_problem(date, precision):
            return None
        place_id = _known(d.get("place_id"), base.places)
        actor1, actor2 = _known(d.get("actor1"), base.actors), _known(d.get("actor2"), base.actors)
        summaries = _summaries(d, actor1, actor2, base)
        return Event(id=row.id, **common, date=date, date_precision=precision,
                     event_type=d.get("event_type") or "", actor1=actor1, actor2=actor2,
                     place_id=place_id,
                     geo_precision=base.places[place_id].geo_precision if place_id else None,
                     summary_en=summaries["en"], summary_ar=summaries["ar"], summary_fr=summaries["fr"],
                     date_inferred=inferred or note is not None,
                     date_note="the article's publication date" if inferred else note,
                     same_as=_known(d.get("same_as"), base.events),  # a curator's merge (components/merge_review.py)
                     origin="added", status=row.status)
    return None


_WHERE = Row("store", 0, MappingProxyType({}))


def record_problems(record: Event | Quote | Mention, ctx: dict) -> list[str]:
    """The loader's reasons for refusing `record` (empty when it is valid)."""
    problems: list = []
    check_record(record, _WHERE, ctx, problems)
    return [p.reason for p in problems] if problems else _NONE


def item_problems(kind: str, start: int, end: int, text: str, data: dict, status: str,
                  article: Article) -> list[str]:
    """Why the loader would refuse this item of `article` (empty when it would load): the
    save-time check, with the same rules as loading."""
    if data is not None and not isinstance(data, dict):
        return ["fields must be a mapping"]
    row = SimpleNamespace(kind=kind, span_start=start, span_end=end, text=text, data=data,
                          status=status, id="new", article_id=article.id)
    record = item_record(row, article, _EMPTY)
    if record is None:  # an undated event: not shown until it or its article gets a date
        record = item_record(row, replace(article, published="2000", published_precision=5),
                             _EMPTY)
    ctx = {"articles": {article.id: article}, "actors": {}, "places": {}, "events": {}}
    return record_problems(record, ctx)


def draft_article(article_id: str, text: str, meta: dict) -> Article:
    """The Article the loader would see for a stored text and its metadata."""
    row = SimpleNamespace(id=article_id, text=text, sha256="", status="proposed", created_by=None,
                          updated_by=None,
                          **{name: meta.get(name) for name in (
                              "language", "title_ar", "title_en", "title_fr", "outlet", "url",
                              "published", "published_precision", "tags")})
    row.language = row.language or "ar"
    return article_record(row)
