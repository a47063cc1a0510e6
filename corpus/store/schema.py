"""The tables at the head revision (the migrations in `migrations/versions/` build them).

articles     one row per added article: exact text, metadata, review status, `version`
             (optimistic concurrency: every save bumps it; a save naming an older one is refused).
annotations  every item read from or added to an article: kind date|place|actor|quote|event,
             the span [span_start, span_end) and its text, kind-specific fields in `data`,
             review status proposed|accepted|edited|rejected. Never deleted.
             `fingerprint` (revision 0003): the text up to spacing and invisible characters,
             unique — the same article typed differently is a duplicate.
history      (revision 0002) the previous version of an article or annotation before each
             change: who, when, what action, and a JSON snapshot.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("language", String(8), nullable=False),
    Column("title_ar", Text),
    Column("title_en", Text),
    Column("title_fr", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", String(10)),
    Column("published_precision", Integer),
    Column("tags", JSON, nullable=False),
    Column("source", String(16), nullable=False),  # paste|txt|html|docx|url|cli
    Column("status", String(16), nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_by", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", Text),  # revision 0002
    # revision 0003: corpus.textcheck.fingerprint(text), unique (NULL for old duplicates)
    Column("fingerprint", String(64)),
    Index("ix_articles_fingerprint", "fingerprint", unique=True),
)

annotations = Table(
    "annotations",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("data", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("source", String(16), nullable=False),  # extractor|curator
    Index("ix_annotations_article", "article_id"),
    Index("ix_annotations_kind_status", "kind", "status"),
)

history = Table(
    "history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False),
    Column("entity", String(16), nullable=False),  # article|annotation
    Column("entity_id", String(80), nullable=False),
    Column("article_version", Integer, nullable=False),
    Column("action", String(16), nullable=False),  # create|edit|review
    Column("snapshot", JSON),
    Column("changed_by", Text),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Index("ix_history_article", "article_id"),
)
