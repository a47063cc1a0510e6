"""corpus/store: save, review, history, optimistic concurrency, atomicity, migrations —
on SQLite and on a real PostgreSQL server (see tests/pg.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from corpus.store import ConflictError, DuplicateError, Item, Store
from corpus.store import repository as repo_module
from corpus.store.db import create, newest_revision, open_engine, resolve_url
from corpus.store.migrate import current, head, upgrade
from corpus.store.proposals import items_from_extraction
from corpus.store.schema import annotations, articles, history
from tests.store_helpers import TEXT, FakeExtractor

META = {"language": "ar", "title_ar": "استدعاء", "published": "2024-01-05",
        "published_precision": 1}


def items() -> list[Item]:
    return items_from_extraction(TEXT, FakeExtractor().extract(TEXT))


def snapshot(store: Store) -> dict:
    with store.engine.connect() as conn:
        return {t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=str)
                for t in (articles, annotations, history)}


def test_add_article_stores_text_items_and_ids(db_url):
    store = Store.open(db_url)
    stored = store.add_article(TEXT, META, items(), user="ana")
    assert stored.id.startswith("u-") and len(stored.id) == 10
    assert stored.text == TEXT and stored.version == 1 and stored.status == "proposed"
    ids = sorted(i.id for i in stored.items)
    assert f"{stored.id}-ev-01" in ids and f"{stored.id}-q-01" in ids
    for item in stored.items:
        assert TEXT[item.start:item.end] == item.text and item.status == "proposed"
    assert [h["action"] for h in store.history(stored.id)] == ["create"]


def test_text_roundtrips_exactly(db_url):
    odd = "سطر\r\nligne é\u200f — \t«»\n\n"
    stored = Store.open(db_url).add_article(odd, META)
    assert Store.open(db_url).get(stored.id).text == odd


def test_same_text_is_a_duplicate(db_url):
    store = Store.open(db_url)
    first = store.add_article(TEXT, META)
    with pytest.raises(DuplicateError) as err:
        store.add_article(TEXT, {"language": "ar"})
    assert err.value.article_id == first.id
    assert store.stats()["articles"] == {"proposed": 1}


def test_review_edit_reject_keep_history(db_url):
    store = Store.open(db_url)
    art = store.add_article(TEXT, META, items(), user="ana")
    by_kind = {i.kind: i for i in art.items}
    place, quote, event = by_kind["place"], by_kind["quote"], by_kind["event"]
    place.status = "accepted"
    quote.status = "rejected"
    start = TEXT.index("الوزير")
    event.data = {**event.data, "actor2": None}
    event.status = "accepted"
    new = Item("actor", start, start + 6, "الوزير", {"ref": None})
    saved = store.save(art.id, 1, user="bob", items=[place, quote, event, new],
                       status="accepted", meta={"outlet": "El Watan"})
    assert saved.version == 2 and saved.status == "accepted" and saved.outlet == "El Watan"
    got = {i.id: i for i in saved.items}
    assert got[place.id].status == "accepted"
    assert got[quote.id].status == "rejected"  # a rejection is a status: the row is kept
    assert got[event.id].status == "edited" and got[event.id].data["actor2"] is None
    added = [i for i in saved.items if i.source == "curator"]
    assert len(added) == 1 and added[0].id == f"{art.id}-a-02" and added[0].status == "accepted"
    hist = store.history(art.id)
    edits = {h["entity_id"]: h for h in hist if h["action"] in ("edit", "review")}
    assert edits[event.id]["snapshot"]["data"]["actor2"] == "MLI"  # previous version kept
    assert edits[event.id]["changed_by"] == "bob" and edits[event.id]["changed_at"] is not None
    assert edits[art.id]["snapshot"]["outlet"] is None
    assert edits[quote.id]["action"] == "review"


def test_span_must_match_text(db_url):
    store = Store.open(db_url)
    art = store.add_article(TEXT, META)
    with pytest.raises(ValueError, match="does not match"):
        store.save(art.id, 1, items=[Item("place", 0, 5, "باماكو")])
    assert store.get(art.id).version == 1


def test_stale_version_conflicts_and_writes_nothing(db_url):
    store = Store.open(db_url)
    art = store.add_article(TEXT, META, items())
    first = art.items[0]
    store.save(art.id, 1, user="ana", items=[Item(**{**_fields(first), "status": "accepted"})])
    before = snapshot(store)
    with pytest.raises(ConflictError) as err:
        store.save(art.id, 1, user="bob", items=[Item(**{**_fields(first), "status": "rejected"})])
    assert (err.value.expected, err.value.current) == (1, 2)
    assert snapshot(store) == before


def _fields(item: Item) -> dict:
    return {"kind": item.kind, "start": item.start, "end": item.end, "text": item.text,
            "data": dict(item.data), "status": item.status, "source": item.source, "id": item.id}


def test_failure_in_the_middle_of_add_leaves_nothing(db_url, monkeypatch):
    store = Store.open(db_url)
    before = snapshot(store)
    calls = {"n": 0}
    real = repo_module._write_item

    def flaky(conn, article_id, item, seq=None):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        real(conn, article_id, item, seq)

    monkeypatch.setattr(repo_module, "_write_item", flaky)
    with pytest.raises(RuntimeError):
        store.add_article(TEXT, META, items())
    assert calls["n"] == 3
    assert snapshot(store) == before


def test_failure_in_the_middle_of_save_leaves_database_as_it_was(db_url, monkeypatch):
    store = Store.open(db_url)
    art = store.add_article(TEXT, META, items())
    before = snapshot(store)
    calls = {"n": 0}
    real = repo_module._write_item

    def flaky(conn, article_id, item, seq=None):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("connection lost")
        real(conn, article_id, item, seq)

    monkeypatch.setattr(repo_module, "_write_item", flaky)
    changes = [Item(**{**_fields(i), "status": "accepted"}) for i in art.items]
    with pytest.raises(RuntimeError):
        store.save(art.id, 1, user="ana", items=changes, status="accepted")
    assert snapshot(store) == before
    monkeypatch.setattr(repo_module, "_write_item", real)
    assert store.save(art.id, 1, user="ana", items=changes).version == 2  # nothing was spent


def test_two_concurrent_saves_one_conflict_nothing_lost(db_url):
    store = Store.open(db_url)
    art = store.add_article(TEXT, META, items())
    place = next(i for i in art.items if i.kind == "place")
    quote = next(i for i in art.items if i.kind == "quote")
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def save(who: str, item: Item, status: str) -> None:
        mine = Store(open_engine(db_url))
        opened = mine.get(art.id).version
        barrier.wait()
        try:
            results[who] = mine.save(art.id, opened, user=who,
                                     items=[Item(**{**_fields(item), "status": status})])
        except ConflictError as err:
            results[who] = err

    threads = [threading.Thread(target=save, args=("ana", place, "accepted")),
               threading.Thread(target=save, args=("bob", quote, "rejected"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    conflicts = [w for w, r in results.items() if isinstance(r, ConflictError)]
    winners = [w for w, r in results.items() if not isinstance(r, Exception)]
    assert len(conflicts) == 1 and len(winners) == 1, results
    loser = conflicts[0]
    # The loser re-applies their edit on the latest version: both edits survive.
    latest = store.get(art.id)
    item, status = (place, "accepted") if loser == "ana" else (quote, "rejected")
    store.save(art.id, latest.version, user=loser, items=[Item(**{**_fields(item), "status": status})])
    final = {i.id: i.status for i in store.get(art.id).items}
    assert final[place.id] == "accepted" and final[quote.id] == "rejected"
    assert store.get(art.id).version == 3


def test_concurrent_adds_of_the_same_text_store_one(db_url):
    barrier = threading.Barrier(3)
    results = []

    def add() -> None:
        barrier.wait()
        try:
            results.append(Store(open_engine(db_url)).add_article(TEXT, META, items()).id)
        except DuplicateError as err:
            results.append(err)

    threads = [threading.Thread(target=add) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sum(isinstance(r, str) for r in results) == 1
    assert sum(isinstance(r, DuplicateError) for r in results) == 2
    assert Store.open(db_url).stats()["articles"] == {"proposed": 1}


def test_migration_from_first_schema_keeps_data(db_url):
    engine = create(db_url)
    upgrade(engine, "0001")
    assert current(engine) == "0001"
    assert "history" not in inspect(engine).get_table_names()
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO articles (id, sha256, text, language, title_ar, tags, source, status, "
            "version, created_by, created_at, updated_at) VALUES ('u-old00001', :sha, :text, "
            "'ar', 'قديم', '[]', 'cli', 'accepted', 4, 'old-user', :now, :now)"),
            {"sha": "0" * 64, "text": TEXT, "now": "2024-01-01 00:00:00"})
        start = TEXT.index("باماكو")
        conn.execute(text(
            "INSERT INTO annotations (id, article_id, kind, seq, span_start, span_end, text, "
            "data, status, source) VALUES ('u-old00001-p-01', 'u-old00001', 'place', 1, :s, :e, "
            "'باماكو', '{\"ref\": \"bamako\"}', 'accepted', 'extractor')"),
            {"s": start, "e": start + 6})
    upgrade(engine)
    assert current(engine) == head()
    store = Store(engine)
    old = store.get("u-old00001")
    assert old.text == TEXT and old.version == 4 and old.updated_by == "old-user"
    assert old.items[0].data == {"ref": "bamako"} and old.items[0].status == "accepted"
    saved = store.save("u-old00001", 4, user="new", items=[
        Item(**{**_fields(old.items[0]), "status": "rejected"})])
    assert saved.version == 5 and store.history("u-old00001")[0]["snapshot"]["status"] == "accepted"
    upgrade(engine)  # idempotent
    engine.dispose()


def test_newest_revision_is_alembic_head():
    assert newest_revision() == head()


def test_open_engine_upgrades_a_database_one_revision_behind(db_url):
    engine = create(db_url)
    upgrade(engine, "0001")
    assert current(engine) == "0001"
    engine.dispose()
    engine = open_engine(db_url)
    assert current(engine) == head()
    assert "history" in set(inspect(engine).get_table_names())


def test_open_engine_migrates_to_head(db_url):
    engine = open_engine(db_url)
    assert current(engine) == head()
    assert {"articles", "annotations", "history"} <= set(inspect(engine).get_table_names())


def test_default_url_is_sqlite_in_state_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    monkeypatch.setenv("ATLAS_STATE_DIR", str(tmp_path / "state"))
    url = resolve_url()
    assert url == f"sqlite:///{tmp_path / 'state' / 'atlas.sqlite'}"
    assert (tmp_path / "state").is_dir()
    monkeypatch.setenv("ATLAS_DATABASE_URL", "postgresql+psycopg://x@h/db")
    assert resolve_url() == "postgresql+psycopg://x@h/db"
    assert resolve_url("sqlite:///y") == "sqlite:///y"


def test_sqlite_uses_wal(sqlite_url):
    engine = open_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_stats_by_kind_and_status(db_url):
    store = Store.open(db_url)
    store.add_article(TEXT, META, items())
    stats = store.stats()
    assert stats["articles"] == {"proposed": 1}
    assert stats["quote"] == {"proposed": 1} and stats["event"] == {"proposed": 1}
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(annotations)) == 5


@pytest.mark.parametrize("url", [
    "sqlite:///relative/atlas.sqlite", "sqlite:////tmp/abs/atlas.sqlite", "sqlite+pysqlite:////tmp/x.db",
    "sqlite:///atlas.sqlite?mode=ro", "sqlite://", "sqlite:///:memory:",
    "postgresql+psycopg://u:p@localhost/atlas", "mysql://h/db",
])
def test_sqlite_file_agrees_with_sqlalchemy(url):
    from sqlalchemy.engine import make_url

    from corpus.store.location import sqlite_file

    parsed = make_url(url)
    sqlalchemy_says = (Path(parsed.database) if parsed.get_backend_name() == "sqlite"
                       and parsed.database not in (None, "", ":memory:") else None)
    assert sqlite_file(url) == sqlalchemy_says


def test_location_does_not_import_sqlalchemy():
    import subprocess
    import sys

    code = ("import sys, corpus.store.location as loc; loc.resolve_url('sqlite://'); "
            "print(any(m == 'sqlalchemy' or m.startswith('sqlalchemy.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(Path(__file__).resolve().parent.parent))
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(("url", "timeout"), [
    ("postgresql+psycopg://atlas@db.invalid/atlas", 5),
    ("postgresql+psycopg://atlas@db.invalid/atlas?connect_timeout=12", "12"),
])
def test_postgresql_connections_give_up_in_seconds(url, timeout):
    """A down database fails fast (components/data.py retries it on later reruns): the driver is
    asked for a connect timeout unless the URL sets its own."""
    from sqlalchemy import event

    engine = create(url)
    seen = {}

    @event.listens_for(engine, "do_connect")
    def _capture(dialect, conn_rec, cargs, cparams):
        seen.update(cparams)
        raise ConnectionAbortedError("captured, not connecting")

    with pytest.raises(Exception, match="captured"):
        engine.connect()
    assert seen["connect_timeout"] == timeout


def test_fingerprint_changes_on_every_add_and_save_and_never_comes_back(db_url):
    store = Store.open(db_url)
    seen = [store.fingerprint()]
    first = store.add_article(TEXT, {"language": "ar", "title_ar": "أ"}, user="t")
    seen.append(store.fingerprint())
    stored = store.get(first.id)
    store.save(first.id, stored.version, user="t", status="accepted")
    seen.append(store.fingerprint())
    store.add_article(TEXT + " ثانية", {"language": "ar", "title_ar": "ب"}, user="t")
    seen.append(store.fingerprint())
    assert len(set(seen)) == len(seen)  # every change is seen by the cached union loader
    assert [f[2] for f in seen] == sorted(f[2] for f in seen)  # the history part only grows
