"""Database fixtures (a pytest plugin, loaded from tests/conftest.py).

`db_url` runs a test twice: on a fresh SQLite file and on a fresh PostgreSQL database (created
in the server of env ATLAS_TEST_PG_URL and dropped afterwards). Without that URL the
PostgreSQL case is skipped, but when env CI is set it fails instead: CI must test PostgreSQL
(`.ci/start_postgres.sh` starts one).
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_ENV = "ATLAS_TEST_PG_URL"


def pg_server_url() -> str:
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"{PG_ENV} is not set on CI: run .ci/start_postgres.sh first", pytrace=False)
    pytest.skip(f"PostgreSQL tests need {PG_ENV} (see .ci/start_postgres.sh)")


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database; dropped after the test."""
    from corpus.store.db import dispose_all

    server = make_url(pg_server_url())
    name = f"atlas_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        dispose_all()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path):
    from corpus.store.db import dispose_all

    yield f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    dispose_all()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request):
    """A fresh empty database URL: SQLite file, then PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return request.getfixturevalue(name)
