"""A database outage (issue 13, defect 7), through AppTest: components/data.py retries a failed
connection on a later rerun instead of caching the failure; the dashboard warns while the added
articles cannot be read and keeps serving the curated corpus; the Add-article page says when
nothing can be saved and never claims a save that did not happen. The outage is a real one: the
database file is unreadable (not a database), then repaired."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from components import data
from corpus.store import Store
from corpus.store.db import dispose_all
from tests.fixtures import make_data_dir

ROOT = Path(__file__).resolve().parent.parent
TEXT = "أعلنت الجزائر يوم 5 جانفي 2024 استدعاء سفيرها في باماكو.\n"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@contextmanager
def bound_to(address: str):
    before = st_config.get_option("server.address")
    st_config.set_option("server.address", address)
    try:
        yield
    finally:
        st_config.set_option("server.address", before)


@pytest.fixture
def outage(tmp_path, monkeypatch):
    """A configured database that is down (its file is not a database) and a test clock."""
    db = tmp_path / "db" / "atlas.sqlite"
    db.parent.mkdir()
    db.write_bytes(b"this is not a database " * 200)
    url = f"sqlite:///{db}"
    monkeypatch.setenv("ATLAS_DATABASE_URL", url)
    monkeypatch.setenv("ATLAS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("ATLAS_DATA_DIR", str(make_data_dir(tmp_path / "data")))
    clock = Clock()
    monkeypatch.setattr(data, "_clock", clock)
    monkeypatch.setattr(data, "_failed", {})
    with bound_to("127.0.0.1"):
        yield db, url, clock
    dispose_all()


def repair(db: Path, url: str) -> Store:
    db.unlink()
    dispose_all()
    return Store.open(url)


def dashboard() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    return at


def total_articles(at: AppTest) -> int:
    return int(at.metric[0].value.split("/")[-1].strip("\u2069 "))  # "shown / total" in an LTR isolate


def unreachable(at: AppTest) -> bool:
    return any("cannot be reached" in w.value for w in at.warning)


def test_dashboard_warns_during_an_outage_and_shows_additions_once_it_is_over(outage):
    db, url, clock = outage
    down = dashboard()
    assert unreachable(down)
    assert total_articles(down) == 1  # the curated corpus keeps serving
    assert unreachable(dashboard())  # a rerun right away does not wait on the database again
    repair(db, url).add_article(TEXT, {"language": "ar", "title_en": "added"}, user="t", status="accepted")
    clock.now += data.RETRY_SECONDS + 1
    up = dashboard()
    assert not unreachable(up)
    assert total_articles(up) == 2, "the failed first connection must not be cached forever"


def test_add_article_page_says_nothing_can_be_saved_then_works(outage):
    db, url, clock = outage
    page = AppTest.from_file(str(ROOT / "app_pages" / "add_article.py"), default_timeout=60).run()
    assert not page.exception
    assert any("Nothing can be added or saved right now" in e.value for e in page.error)
    assert not [w for w in page.text_area if w.key == "aa_paste"]
    repair(db, url)
    clock.now += data.RETRY_SECONDS + 1
    page.run()
    assert not page.exception
    assert not page.error
    assert page.text_area(key="aa_paste")


def test_a_save_that_fails_is_not_reported_as_saved_and_keeps_the_draft(outage):
    db, url, clock = outage
    store = repair(db, url)
    page = AppTest.from_file(str(ROOT / "app_pages" / "add_article.py"), default_timeout=60).run()
    page.text_area(key="aa_paste").input(TEXT)
    next(b for b in page.button if b.key == "aa_read_paste").click().run()
    assert not page.exception
    with store.engine.begin() as conn:  # the database breaks between reading and saving
        conn.execute(text("DROP TABLE articles"))
    next(b for b in page.button if b.key == "aa_save").click().run()
    assert not page.exception
    assert not [s for s in page.success if "Saved" in s.value]
    assert page.error, "the curator is told it was not saved"
    assert [b for b in page.button if b.key == "aa_save"], "the draft is still there to save again"
