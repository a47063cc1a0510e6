"""The database behind the corpus: what users add, reviewed, versioned and exportable.

`data/` stays the read-only curated base; everything added lives here (SQLAlchemy 2 over SQLite
or PostgreSQL, schema versioned by Alembic). No Streamlit here: callers pass the database URL.
"""

from corpus.store.db import open_engine, resolve_url
from corpus.store.repository import (
    ConflictError,
    DuplicateError,
    Item,
    NotFoundError,
    Store,
    StoredArticle,
)

__all__ = [
    "ConflictError",
    "DuplicateError",
    "Item",
    "NotFoundError",
    "Store",
    "StoredArticle",
    "open_engine",
    "resolve_url",
]
