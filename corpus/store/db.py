"""Engines: one per database URL (see corpus.store.location for which URL), SQLite in WAL
mode, migrated to the head revision on first use.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from corpus.store.errors import busy_seconds
from corpus.store.location import DB_FILE_NAME, REPO_DIR, resolve_url, sqlite_file, state_dir

__all__ = ["DB_FILE_NAME", "REPO_DIR", "WRITE", "at_head", "create", "dispose_all", "newest_revision",
           "open_engine", "redact", "resolve_url", "sqlite_file", "state_dir"]
MIGRATIONS = Path(__file__).resolve().parent / "migrations" / "versions"

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" hook below emits BEGIN itself
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_seconds() * 1000)}")  # env ATLAS_SQLITE_BUSY_TIMEOUT
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn) -> None:
    # Writers ask for IMMEDIATE (take the write lock up front, wait for it with busy_timeout)
    # so that a read-then-write transaction never fails half-way on a stale snapshot.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


WRITE = {"sqlite_begin": "IMMEDIATE"}
CONNECT_TIMEOUT = 5  # seconds to wait for a PostgreSQL server to answer (libpq connect_timeout)


def create(url: str) -> Engine:
    """A new engine for `url` (not migrated; see `open_engine`)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)  # a URI (file:…) names an existing file
        engine = create_engine(url, connect_args={"timeout": busy_seconds(), "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # A down or unroutable server must fail in seconds, not after the system's TCP timeout (about
    # two minutes), or every page that retries the connection hangs with it (docs/SECURITY.md).
    args = {} if "connect_timeout" in parsed.query else {"connect_timeout": CONNECT_TIMEOUT}
    return create_engine(url, pool_pre_ping=True, connect_args=args)


def newest_revision() -> str:
    """The newest migration's revision id: migration files are named `<revision>_<slug>.py`
    with revisions in sequence (a test checks this against Alembic's own head)."""
    return max(p.name.split("_", 1)[0] for p in MIGRATIONS.glob("[0-9]*_*.py"))


def at_head(engine: Engine) -> bool:
    """Whether the database already records the newest revision. Checked with one query so that
    opening an up-to-date database does not import Alembic (a third of a second at cold start)."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == newest_revision()
    except SQLAlchemyError:
        return False


def open_engine(url: str | None = None, migrate: bool = True) -> Engine:
    """The shared engine for the resolved URL, migrated to the head revision once per process."""
    resolved = resolve_url(url)
    with _lock:
        engine = _engines.get(resolved)
        if engine is None:
            engine = create(resolved)
            if migrate and not at_head(engine):
                from corpus.store.migrate import upgrade

                upgrade(engine)
            _engines[resolved] = engine
    return engine


def dispose_all() -> None:
    """Close every shared engine (tests, benchmarks)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
