"""Save, edit and review added articles. Every save is one transaction.

- An added article and its items are inserted together or not at all.
- `save()` is optimistic: it names the article `version` the user opened; if someone saved
  since, `ConflictError` is raised and nothing is written (the caller keeps the user's edits).
- Before anything is changed, its previous version goes to `history` (who, when, snapshot).
- Rejection is a status; no row is ever deleted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from corpus import textcheck
from corpus.models import ITEM_KINDS, STATUSES, Article, Item, text_sha256
from corpus.store.db import WRITE, open_engine
from corpus.store.records import draft_article, item_problems
from corpus.store.schema import annotations, articles, history

ID_PREFIX = {"date": "d", "place": "p", "actor": "a", "quote": "q", "event": "ev"}
META_FIELDS = (
    "language", "title_ar", "title_en", "title_fr", "outlet", "url",
    "published", "published_precision", "tags",
)


class StoreError(Exception):
    """Base class of the store's refusals."""


class DuplicateError(StoreError):
    def __init__(self, article_id: str):
        self.article_id = article_id
        super().__init__(f"the same text is already stored as {article_id}")


class NotFoundError(StoreError):
    pass


class ConflictError(StoreError):
    """The article changed since the user opened it; nothing was written."""

    def __init__(self, article_id: str, expected: int, current: int | None):
        self.article_id, self.expected, self.current = article_id, expected, current
        super().__init__(
            f"article {article_id} changed since you opened it "
            f"(you opened version {expected}, it is now at version {current})"
        )


@dataclass(slots=True)
class StoredArticle:
    """An added article as the store edits it: a versioned row with its audit columns and its
    Items. Not a second `models.Article`: the atlas shows the published record that
    `corpus.store.records.article_record` makes from it (the one conversion)."""

    id: str
    sha256: str
    text: str
    language: str
    status: str
    version: int
    source: str
    title_ar: str | None = None
    title_en: str | None = None
    title_fr: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_precision: int | None = None
    tags: list[str] = field(default_factory=list)
    created_by: str | None = None
    created_at: datetime | None = None
    updated_by: str | None = None
    updated_at: datetime | None = None
    items: list[Item] = field(default_factory=list)

    def meta(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in META_FIELDS}


def _chunks(values: list[str], size: int) -> list[list[str]]:
    return [values[i:i + size] for i in range(0, len(values), size)] or [[]]


def _now() -> datetime:
    return datetime.now(UTC)


def _check_item(item: Item, text: str, article: Article) -> None:
    """Refuse (ValueError naming the field) an item the loader would refuse: the same rules
    on save and on load (corpus.store.records.item_problems → corpus.loader)."""
    if item.kind not in ITEM_KINDS:
        raise ValueError(f"unknown item kind {item.kind!r}")
    if item.status not in STATUSES:
        raise ValueError(f"unknown status {item.status!r}")
    if not (0 <= item.start < item.end <= len(text)) or text[item.start:item.end] != item.text:
        raise ValueError(
            f"{item.kind} span {item.start}-{item.end} does not match its text {item.text[:40]!r}"
        )
    reasons = item_problems(item.kind, item.start, item.end, item.text, item.data, item.status,
                            article)
    if reasons:
        raise ValueError(f"{item.kind} {item.text[:40]!r}: {'; '.join(reasons)}")


def _item_row(item: Item) -> dict[str, Any]:
    return {
        "span_start": item.start, "span_end": item.end, "text": item.text,
        "data": item.data, "status": item.status, "source": item.source,
    }


def _item_from_row(row: Any) -> Item:
    return Item(
        kind=row.kind, start=row.span_start, end=row.span_end, text=row.text,
        data=dict(row.data or {}), status=row.status, source=row.source, id=row.id,
    )


def _snapshot_item(row: Any) -> dict[str, Any]:
    return {
        "kind": row.kind, "start": row.span_start, "end": row.span_end, "text": row.text,
        "data": row.data, "status": row.status, "source": row.source,
    }


def _write_item(conn, article_id: str, item: Item, seq: int | None = None) -> None:
    """Insert (seq given) or update one item. A separate function so tests can break it."""
    if seq is not None:
        conn.execute(insert(annotations).values(
            id=item.id, article_id=article_id, kind=item.kind, seq=seq, **_item_row(item)))
    else:
        conn.execute(update(annotations).where(annotations.c.id == item.id).values(**_item_row(item)))


def _record(conn, article_id: str, entity: str, entity_id: str, version: int, action: str,
            snapshot: dict | None, user: str | None) -> None:
    conn.execute(insert(history).values(
        article_id=article_id, entity=entity, entity_id=entity_id, article_version=version,
        action=action, snapshot=snapshot, changed_by=user, changed_at=_now()))


def _json_safe(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


class Store:
    """The added articles in one database. `Store.open(url)` migrates it on first use."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        return cls(open_engine(url))

    # -- reading ---------------------------------------------------------------------------

    def find_duplicate(self, sha256: str, fingerprint: str) -> str | None:
        """The id of a stored article with this exact text or the same fingerprint."""
        with self.engine.connect() as conn:
            return self._duplicate(conn, sha256, fingerprint)

    @staticmethod
    def _duplicate(conn, sha256: str, fingerprint: str) -> str | None:
        return conn.scalar(select(articles.c.id).where(
            or_(articles.c.sha256 == sha256, articles.c.fingerprint == fingerprint)).limit(1))

    def fingerprint(self) -> tuple[int, int, int]:
        """(article count, sum of versions, last history entry): changes on every add and every
        save. The history id only grows, so two different changes can never add up to the same
        fingerprint (count and versions alone could). Cheap (primary-key maximum); a cached
        union loader puts it in its cache key."""
        with self.engine.connect() as conn:
            count, total = conn.execute(
                select(func.count(), func.coalesce(func.sum(articles.c.version), 0))).one()
            last = conn.execute(select(func.coalesce(func.max(history.c.id), 0))).scalar_one()
        return int(count), int(total), int(last)

    def get(self, article_id: str) -> StoredArticle:
        with self.engine.connect() as conn:
            return self._get(conn, article_id)

    def _get(self, conn, article_id: str) -> StoredArticle:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            raise NotFoundError(f"no added article {article_id!r}")
        items = conn.execute(
            select(annotations).where(annotations.c.article_id == article_id)
            .order_by(annotations.c.kind, annotations.c.seq)
        ).all()
        values = {f.name: getattr(row, f.name) for f in dataclasses.fields(StoredArticle)
                  if f.name != "items"}
        values["tags"] = list(values["tags"] or [])
        return StoredArticle(**values, items=[_item_from_row(r) for r in items])

    def list_articles(self) -> list[dict[str, Any]]:
        cols = [articles.c[name] for name in (
            "id", "title_ar", "title_en", "title_fr", "language", "published", "status",
            "version", "created_by", "created_at", "updated_by", "updated_at")]
        with self.engine.connect() as conn:
            rows = conn.execute(select(*cols).order_by(articles.c.created_at.desc())).all()
        return [row._asdict() for row in rows]

    def history(self, article_id: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(history).where(history.c.article_id == article_id)
                                .order_by(history.c.id)).all()
        return [row._asdict() for row in rows]

    def stats(self) -> dict[str, dict[str, int]]:
        """{"articles": {status: n}, "<item kind>": {status: n}}."""
        out: dict[str, dict[str, int]] = {"articles": {}} | {k: {} for k in ITEM_KINDS}
        with self.engine.connect() as conn:
            for status, n in conn.execute(
                    select(articles.c.status, func.count()).group_by(articles.c.status)):
                out["articles"][status] = n
            for kind, status, n in conn.execute(
                    select(annotations.c.kind, annotations.c.status, func.count())
                    .group_by(annotations.c.kind, annotations.c.status)):
                out.setdefault(kind, {})[status] = n
        return out

    def rows(self, article_statuses: Iterable[str], item_statuses: Iterable[str],
             article_ids: Iterable[str] | None = None):
        """(article rows, annotation rows) with the given statuses, for union loading/export;
        only the articles `article_ids` when given (read in one transaction)."""
        a_st, i_st = list(article_statuses), list(item_statuses)
        chunks = [None] if article_ids is None else _chunks(sorted(article_ids), 500)
        arts, items = [], []
        with self.engine.connect() as conn, conn.begin():
            for ids in chunks:
                where = [articles.c.status.in_(a_st)] + ([] if ids is None else [articles.c.id.in_(ids)])
                arts += conn.execute(select(articles).where(*where)
                                     .order_by(articles.c.created_at, articles.c.id)).all()
                items += conn.execute(
                    select(annotations).join(articles, annotations.c.article_id == articles.c.id)
                    .where(*where, annotations.c.status.in_(i_st))
                    .order_by(annotations.c.article_id, annotations.c.kind, annotations.c.seq)).all()
        return arts, items

    def versions(self) -> dict[str, int]:
        """Every added article's id → its version (bumped by every change to the article or its
        items): what changed since an earlier call is where the two differ."""
        with self.engine.connect() as conn:
            return {row.id: row.version for row in conn.execute(select(articles.c.id, articles.c.version))}

    # -- writing ---------------------------------------------------------------------------

    def add_article(
        self, text: str, meta: dict[str, Any], items: Iterable[Item] = (), *,
        user: str | None = None, source: str = "paste", status: str = "proposed",
    ) -> StoredArticle:
        """Store a new article and its items in one transaction; DuplicateError if the text is
        already stored. Item ids are assigned here (`<article>-ev-01`, `-q-01`, `-p-01`…)."""
        if not textcheck.has_visible_text(text):
            raise ValueError("empty text (no visible character)")
        sha, print_ = text_sha256(text), textcheck.fingerprint(text)
        items = [dataclasses.replace(i) for i in items]
        now = _now()
        unknown = set(meta) - set(META_FIELDS)
        if unknown:
            raise ValueError(f"unknown metadata field(s): {', '.join(sorted(unknown))}")
        draft = draft_article("new", text, meta)
        for item in items:
            _check_item(item, text, draft)
        values = {name: meta.get(name) for name in META_FIELDS}
        values["tags"] = list(values["tags"] or [])
        values["language"] = values["language"] or "ar"
        try:
            with self.engine.connect().execution_options(**WRITE) as conn, conn.begin():
                existing = self._duplicate(conn, sha, print_)
                if existing:
                    raise DuplicateError(existing)
                article_id = self._new_id(conn, sha)
                conn.execute(insert(articles).values(
                    id=article_id, sha256=sha, fingerprint=print_, text=text, source=source,
                    status=status,
                    version=1, created_by=user, created_at=now, updated_by=user, updated_at=now,
                    **values))
                seqs: dict[str, int] = {}
                for item in items:
                    seqs[item.kind] = seqs.get(item.kind, 0) + 1
                    item.id = f"{article_id}-{ID_PREFIX[item.kind]}-{seqs[item.kind]:02d}"
                    _write_item(conn, article_id, item, seq=seqs[item.kind])
                _record(conn, article_id, "article", article_id, 1, "create", None, user)
        except IntegrityError as err:  # a concurrent add of the same text won the race
            existing = self.find_duplicate(sha, print_)
            if existing:
                raise DuplicateError(existing) from err
            raise
        return self.get(article_id)

    @staticmethod
    def _new_id(conn, sha: str) -> str:
        for length in (8, 12, 16, 64):
            candidate = f"u-{sha[:length]}"
            if conn.scalar(select(articles.c.id).where(articles.c.id == candidate)) is None:
                return candidate
        raise StoreError("no free article id")  # pragma: no cover

    def save(
        self, article_id: str, expected_version: int, *, user: str | None = None,
        meta: dict[str, Any] | None = None, items: Iterable[Item] = (),
        status: str | None = None,
    ) -> StoredArticle:
        """Apply a review in one transaction, if the article is still at `expected_version`.

        `items` are changed items (with `id`) and new ones (`id=None`, source curator). An item
        whose span or fields changed becomes `edited` unless it is rejected. `status` sets the
        article's review status. Raises ConflictError (nothing written) when someone else saved
        since `expected_version`."""
        items = [dataclasses.replace(i) for i in items]
        now = _now()
        with self.engine.connect().execution_options(**WRITE) as conn, conn.begin():
            new_version = expected_version + 1
            bumped = conn.execute(
                update(articles)
                .where(articles.c.id == article_id, articles.c.version == expected_version)
                .values(version=new_version, updated_at=now, updated_by=user)).rowcount
            if bumped != 1:
                current = conn.scalar(select(articles.c.version).where(articles.c.id == article_id))
                if current is None:
                    raise NotFoundError(f"no added article {article_id!r}")
                raise ConflictError(article_id, expected_version, current)
            row = conn.execute(select(articles).where(articles.c.id == article_id)).one()
            text = row.text
            changes = {k: v for k, v in (meta or {}).items() if k in META_FIELDS and getattr(row, k) != v}
            if set(meta or {}) - set(META_FIELDS):
                raise ValueError(f"unknown metadata field(s): {set(meta) - set(META_FIELDS)}")
            if status is not None and status not in STATUSES:
                raise ValueError(f"unknown status {status!r}")
            if changes or (status and status != row.status):
                snapshot = {k: _json_safe(getattr(row, k)) for k in (*META_FIELDS, "status")}
                _record(conn, article_id, "article", article_id, expected_version, "edit",
                        snapshot, user)
                values = dict(changes)
                if status:
                    values["status"] = status
                conn.execute(update(articles).where(articles.c.id == article_id).values(**values))
            current = {r.id: r for r in conn.execute(
                select(annotations).where(annotations.c.article_id == article_id))}
            seqs: dict[str, int] = {}
            for r in current.values():
                seqs[r.kind] = max(seqs.get(r.kind, 0), r.seq)
            article = draft_article(article_id, text,
                                    {k: getattr(row, k) for k in META_FIELDS} | changes)
            for item in items:
                _check_item(item, text, article)
                old = current.get(item.id) if item.id else None
                if item.id and old is None:
                    raise NotFoundError(f"no item {item.id!r} in article {article_id}")
                if old is None:
                    seqs[item.kind] = seqs.get(item.kind, 0) + 1
                    item.id = f"{article_id}-{ID_PREFIX[item.kind]}-{seqs[item.kind]:02d}"
                    item.source = "curator"
                    if item.status == "proposed":
                        item.status = "accepted"
                    _write_item(conn, article_id, item, seq=seqs[item.kind])
                    _record(conn, article_id, "annotation", item.id, expected_version, "create",
                            None, user)
                    continue
                before = _item_from_row(old)
                if item.kind != before.kind:
                    raise ValueError(f"item {item.id} cannot change kind")
                if item.content() != before.content() and item.status != "rejected":
                    item.status = "edited"
                item.source = before.source
                if item.content() == before.content() and item.status == before.status:
                    continue
                action = "edit" if item.content() != before.content() else "review"
                _record(conn, article_id, "annotation", item.id, expected_version, action,
                        _snapshot_item(old), user)
                _write_item(conn, article_id, item)
        return self.get(article_id)
