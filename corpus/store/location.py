"""Where the database is, without importing SQLAlchemy: the dashboard asks on every cold start
whether there is a database to read at all, and SQLAlchemy's import alone costs a third of a
second there.

The URL comes from (first found): the caller's argument, env `ATLAS_DATABASE_URL`, else a SQLite
file `atlas.sqlite` in the writable state directory (env `ATLAS_STATE_DIR`, default `<repo>/var/`,
created on first use).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]
DB_FILE_NAME = "atlas.sqlite"


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


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (`sqlite:///relative`, `sqlite:////absolute`, any driver, any
    query string); None for other databases and for in-memory SQLite."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+", 1)[0] != "sqlite":
        return None
    path = (rest[1:] if rest.startswith("/") else rest).split("?", 1)[0]
    return None if path in ("", ":memory:") else Path(path)
