"""The database behind the corpus: what users add, reviewed, versioned and exportable.

`data/` stays the read-only curated base; everything added lives here (SQLAlchemy 2 over SQLite
or PostgreSQL, schema versioned by Alembic). No Streamlit here: callers pass the database URL.
"""

import importlib

# Resolved on first use (PEP 562), so that `corpus.store.location` — which the dashboard imports
# on every cold start — does not pull in SQLAlchemy.
_HOME = {"open_engine": "corpus.store.db", "resolve_url": "corpus.store.location",
         "ConflictError": "corpus.store.repository", "DuplicateError": "corpus.store.repository",
         "Item": "corpus.models", "NotFoundError": "corpus.store.repository",
         "Store": "corpus.store.repository", "StoredArticle": "corpus.store.repository"}
__all__ = sorted(_HOME)


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module 'corpus.store' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOME[name]), name)
