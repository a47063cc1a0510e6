"""Engines and database URLs.

The URL comes from (first found): the caller's argument, env `ATLAS_DATABASE_URL`, else a SQLite
file `atlas.sqlite` in the writable state directory (env `ATLAS_STATE_DIR`, default `<repo>/var/`,
created on first use; WAL mode). Engines are made once per URL and migrated to the head revision
on first use.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

REPO_DIR = Path(__file__).resolve().parents[2]
DB_FILE_NAME = "atlas.sqlite"

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def state_dir() -> Path:
    """The writable directory for local state (created on first use)."""
    path = Path(os.environ.get("ATLAS_STATE_DIR") or REPO_DIR / "var")
    path.mkdir(parents=True, exist_ok=True)
    return path


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: argument, then env ATLAS_DATABASE_URL, then the SQLite default."""
    if url:
        return url
    if os.environ.get("ATLAS_DATABASE_URL"):
        return os.environ["ATLAS_DATABASE_URL"]
    return f"sqlite:///{state_dir() / DB_FILE_NAME}"


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" hook below emits BEGIN itself
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn) -> None:
    # Writers ask for IMMEDIATE (take the write lock up front, wait for it with busy_timeout)
    # so that a read-then-write transaction never fails half-way on a stale snapshot.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


WRITE = {"sqlite_begin": "IMMEDIATE"}


def create(url: str) -> Engine:
    """A new engine for `url` (not migrated; see `open_engine`)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_engine(url: str | None = None, migrate: bool = True) -> Engine:
    """The shared engine for the resolved URL, migrated to the head revision once per process."""
    resolved = resolve_url(url)
    with _lock:
        engine = _engines.get(resolved)
        if engine is None:
            engine = create(resolved)
            if migrate:
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
