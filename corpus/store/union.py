"""The corpus the app shows: the curated `data/` base plus the database's additions.

    corpus = load_union(data_dir, db_url=None, include_proposed=False)

Every record carries `origin` ("curated" | "added") and `status`. Added ids never collide
with curated ones: articles are `u-<sha8>`, their events `u-<sha8>-ev-01`, quotes
`u-<sha8>-q-01`. Rejected items never appear; proposed ones (and articles nobody has reviewed
yet) only with `include_proposed=True`, marked `status="proposed"`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from corpus.dates import date_problem as _date_problem
from corpus.loader import DEFAULT_DATA_DIR, load_corpus
from corpus.models import Article, Corpus, Event, Mention, Quote
from corpus.store.repository import Store
from corpus.summaries import event_summary

VISIBLE = ("accepted", "edited")


@lru_cache(maxsize=65536)
def date_problem(value: str | None, precision: int | None) -> str | None:
    return _date_problem(value, precision)

WITH_PROPOSED = ("proposed", "accepted", "edited")


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
        elif ref is not None and date_problem(ref, {10: 1, 7: 4, 4: 5}.get(len(str(ref)), 0)):
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
        if not date or date_problem(date, precision):
            date, precision, inferred = article.published, article.published_precision, True
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
                     date_inferred=inferred,
                     date_note="the article's publication date" if inferred else None,
                     origin="added", status=row.status)
    return None


def added_records(store: Store, base: Corpus, statuses: tuple[str, ...], files: bool = False):
    """(articles, events, quotes, mentions) of the store's additions with these statuses."""
    art_rows, item_rows = store.rows(statuses, statuses)
    arts = {r.id: article_record(r, f"articles/{r.id}.txt" if files else None) for r in art_rows}
    events, quotes, mentions = {}, {}, []
    for row in item_rows:
        record = item_record(row, arts[row.article_id], base)
        if isinstance(record, Event):
            events[record.id] = record
        elif isinstance(record, Quote):
            quotes[record.id] = record
        elif isinstance(record, Mention):
            mentions.append(record)
    return arts, events, quotes, mentions


def merge(base: Corpus, store: Store, include_proposed: bool = False) -> Corpus:
    """A new Corpus: `base` (untouched) plus the store's additions."""
    statuses = WITH_PROPOSED if include_proposed else VISIBLE
    arts, events, quotes, mentions = added_records(store, base, statuses)
    return Corpus(
        articles={**base.articles, **arts}, actors=dict(base.actors), places=dict(base.places),
        events={**base.events, **events}, quotes={**base.quotes, **quotes},
        mentions=[*base.mentions, *mentions])


def load_union(data_dir: Path | str = DEFAULT_DATA_DIR, db_url: str | None = None,
               include_proposed: bool = False, base: Corpus | None = None) -> Corpus:
    """Curated `data_dir` (validated; or the already loaded `base`) + the database additions.

    `db_url` None → env ATLAS_DATABASE_URL, else the SQLite file in ATLAS_STATE_DIR."""
    if base is None:
        base = load_corpus(data_dir)
    return merge(base, Store.open(db_url), include_proposed)
