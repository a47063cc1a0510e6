"""pages/add_article.py through AppTest: add, review, save, reload; who may write; conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.auth import hash_password
from corpus.store import Item, Store
from corpus.store.db import dispose_all
from tests.fixtures import make_data_dir

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "add_article.py")
TEXT = ("أعلنت الجزائر يوم 5 جانفي 2024 استدعاء سفيرها في باماكو. "
        "وقال الوزير: «نحن مع مالي» في تصريح للصحافة.\n")


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("ATLAS_DATA_DIR", str(make_data_dir(tmp_path / "data")))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    yield f"sqlite:///{tmp_path / 'state' / 'atlas.sqlite'}"
    dispose_all()


def app(secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    return at.run()


def button(at: AppTest, key: str):
    return next(b for b in at.button if b.key == key)


def add_via_page(at: AppTest) -> AppTest:
    at.text_area(key="aa_paste").input(TEXT)
    button(at, "aa_read_paste").click().run()
    assert not at.exception
    button(at, "aa_accept_all").click().run()
    form = at.text_input(key="aa_m_text")
    form.input("الوزير")
    at.text_input(key="aa_m_ref").input("DZA")
    at.selectbox(key="aa_m_kind").select("actor")
    next(b for b in at.button if "aa_missing" in (b.form_id or "")).click().run()
    assert not at.exception
    button(at, "aa_save").click().run()
    assert not at.exception
    return at


def test_open_app_add_review_save_and_reload(env):
    at = app()
    assert not at.exception
    assert any("no sign-in configured" in w.value for w in at.warning)  # the open-app banner
    at = add_via_page(at)
    assert any("Saved u-" in s.value for s in at.success), [e.value for e in at.error]
    store = Store.open(env)
    [saved] = store.list_articles()
    article = store.get(saved["id"])
    assert article.text == TEXT and article.status == "accepted" and article.created_by == "local"
    minister = [i for i in article.items if i.text == "الوزير"]
    assert minister and minister[0].status == "accepted" and minister[0].source == "curator"
    assert all(i.status != "proposed" for i in article.items)
    # A new session (a reload, or after a restart) finds it among the saved articles.
    again = app()
    again.radio(key="aa_mode").set_value("saved").run()
    assert not again.exception
    assert again.selectbox(key="aa_pick").value == saved["id"]
    assert any(saved["id"] in c.value for c in again.caption)


def test_duplicate_text_is_refused_on_the_page(env):
    at = app()
    at.text_area(key="aa_paste").input((Path(env.split("///")[1]).parent.parent / "data" /
                                        "articles" / "t1.txt").read_text(encoding="utf-8"))
    button(at, "aa_read_paste").click().run()
    assert any("already in the corpus as t1" in e.value for e in at.error)


def test_whitespace_only_paste_stores_nothing(env):
    at = app()
    at.text_area(key="aa_paste").input("   ")
    button(at, "aa_read_paste").click().run()
    assert not at.exception  # whitespace only: nothing read
    assert Store.open(env).list_articles() == []


WRITE_KEYS = {"aa_paste", "aa_url", "aa_mode", "aa_save", "aa_read_paste", "aa_accept_all"}


def widget_keys(at: AppTest) -> set[str]:
    keys = set()
    for kind in (at.text_area, at.text_input, at.button, at.radio, at.selectbox):
        keys |= {w.key for w in kind if w.key}
    return keys


def test_viewer_without_password_sees_no_add_controls(env):
    secrets = {"atlas": {"curator_password_hash": hash_password("open sesame", iterations=1000)}}
    at = app(secrets)
    assert not at.exception
    assert not widget_keys(at) & WRITE_KEYS
    assert not at.tabs and not at.get("file_uploader")
    assert at.text_input(key="auth_pw")  # only the sign-in form
    at.text_input(key="auth_pw").input("wrong")
    next(b for b in at.button if "auth_password" in (b.form_id or "")).click().run()
    assert any("Wrong password" in e.value for e in at.error)
    assert not widget_keys(at) & WRITE_KEYS
    at.text_input(key="auth_pw").input("open sesame")
    next(b for b in at.button if "auth_password" in (b.form_id or "")).click().run()
    assert not at.exception
    assert {"aa_paste", "aa_mode"} <= widget_keys(at)
    assert not any("no sign-in configured" in w.value for w in at.warning)


def test_oidc_configured_not_signed_in_sees_login_only(env):
    secrets = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback",
                        "cookie_secret": "x" * 32, "client_id": "id", "client_secret": "s",
                        "server_metadata_url": "https://example.invalid/.well-known/openid-configuration"},
               "atlas": {"curators": ["curator@example.org"]}}
    at = app(secrets)
    assert not at.exception
    assert not widget_keys(at) & WRITE_KEYS
    assert button(at, "auth_login")


def test_conflict_keeps_edits_and_reapplies(env):
    store = Store.open(env)
    start = TEXT.index("باماكو")
    art = store.add_article(TEXT, {"language": "ar", "title_ar": "ت"},
                            [Item("place", start, start + 6, "باماكو", {"ref": "bamako"}),
                             Item("actor", 6, 13, "الجزائر", {"ref": "DZA"})], user="ana")
    at = app()
    at.radio(key="aa_mode").set_value("saved").run()
    assert at.selectbox(key="aa_pick").value == art.id
    # Someone else saves first.
    place = next(i for i in art.items if i.kind == "place")
    store.save(art.id, 1, user="bob", items=[Item(**{**_f(place), "status": "rejected"})])
    button(at, "aa_accept_all").click().run()
    button(at, "aa_save").click().run()
    assert not at.exception
    assert any("changed since you opened it" in e.value for e in at.error)
    assert store.get(art.id).version == 2  # nothing of ours written yet
    button(at, "aa_reapply").click().run()
    button(at, "aa_save").click().run()
    assert not at.exception, at.exception
    final = store.get(art.id)
    assert final.version == 3
    statuses = {i.kind: i.status for i in final.items}
    assert statuses == {"place": "accepted", "actor": "accepted"}  # ours re-applied on top
    assert [h["changed_by"] for h in store.history(art.id) if h["entity_id"] == place.id] == ["bob", "local"]


def _f(item: Item) -> dict:
    return {"kind": item.kind, "start": item.start, "end": item.end, "text": item.text,
            "data": dict(item.data), "status": item.status, "source": item.source, "id": item.id}


def test_viewing_creates_no_database_and_a_saved_article_then_appears(env):
    overview = str(Path(PAGE).parent.parent / "app.py")
    db_file = Path(env.split("///")[1])
    at = AppTest.from_file(overview, default_timeout=60).run()
    assert not at.exception
    assert not db_file.exists(), "opening the dashboard must not create the database"
    before = at.metric[0].value
    add_via_page(app())
    assert db_file.exists()
    after = AppTest.from_file(overview, default_timeout=60).run()
    assert not after.exception
    total = lambda value: int(value.split("/")[-1])  # noqa: E731 - "shown / total" articles
    assert total(after.metric[0].value) == total(before) + 1
