"""app_pages/add_article.py through AppTest: add, review, save, reload; who may write; conflicts."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from components.auth import hash_password
from components.html import markdown_text
from components.i18n import ltr, t
from corpus.store import Item, Store
from corpus.store.db import dispose_all
from tests.fixtures import make_data_dir

PAGE = str(Path(__file__).resolve().parent.parent / "app_pages" / "add_article.py")
TEXT = ("أعلنت الجزائر يوم 5 جانفي 2024 استدعاء سفيرها في باماكو. "
        "وقال الوزير: «نحن مع مالي» في تصريح للصحافة.\n")


@contextmanager
def bound_to(address: str | None):
    """Run as a server listening on `address` (Streamlit's own server.address option)."""
    before = st_config.get_option("server.address")
    st_config.set_option("server.address", address)
    try:
        yield
    finally:
        st_config.set_option("server.address", before)


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def throttle_clock(monkeypatch):
    """A fresh password throttle per test (the real one is process-wide), on a test clock."""
    from components import auth
    from components.throttle import Guard

    clock = Clock()
    monkeypatch.setattr(auth, "GUARD", Guard(clock=clock))
    return clock


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("ATLAS_DATA_DIR", str(make_data_dir(tmp_path / "data")))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    with bound_to("127.0.0.1"):  # a local run, as the shipped .streamlit/config.toml binds
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
    start = TEXT.index("الوزير")
    assert [s.value for s in at.success] == [t("add.missing_added", "en", span=ltr(f"{start}–{start + 6}"))]
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
    assert any(markdown_text(saved["id"]) in c.value for c in again.caption)  # shown as text


def test_duplicate_text_is_refused_on_the_page(env):
    at = app()
    at.text_area(key="aa_paste").input((Path(env.split("///")[1]).parent.parent / "data" /
                                        "articles" / "t1.txt").read_text(encoding="utf-8"))
    button(at, "aa_read_paste").click().run()
    assert any("already in the corpus as t1" in e.value for e in at.error)


def test_an_article_already_added_is_refused_as_soon_as_it_is_pasted(env):
    stored = Store.open(env).add_article(TEXT, {"language": "ar", "title_ar": "ت"}, user="t")
    at = app()
    at.text_area(key="aa_paste").input(TEXT.replace("\n", "\r\n") + "  ")  # same text, other spacing
    button(at, "aa_read_paste").click().run()
    assert not at.exception
    assert any(f"already in the corpus as {stored.id}" in e.value for e in at.error)
    assert not at.get("dataframe")  # refused before any review table is drawn
    assert len(Store.open(env).list_articles()) == 1


def _review_columns(lang: str) -> dict:
    import json

    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.text_area(key="aa_paste").input(TEXT)
    button(at, "aa_read_paste").click().run()
    assert not at.exception
    return json.loads(at.get("dataframe")[0].proto.columns)


def test_review_tables_speak_the_curators_language(env):
    from components.i18n import t

    for lang in ("ar", "fr"):
        columns = _review_columns(lang)
        labels = {name: spec["label"] for name, spec in columns.items() if isinstance(spec, dict) and "label" in spec}
        assert labels["status"] == t("add.col_status", lang) and labels["start"] == t("add.col_start", lang)
        assert labels["ref"] == t("add.col_ref", lang)
        shown = {o["value"]: o["label"] for o in columns["status"]["type_config"]["options"]}
        assert shown == {s: t(f"status.{s}", lang) for s in ("proposed", "accepted", "edited", "rejected")}
        assert not any(label in ("start", "end", "ref") for label in labels.values())


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


def test_viewer_without_password_sees_no_add_controls(env, throttle_clock):
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
    throttle_clock.now += 1  # the backoff after one wrong password
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
    total = lambda value: int(value.split("/")[-1].strip("\u2069 "))  # noqa: E731 - "shown / total" articles (an LTR isolate)
    assert total(after.metric[0].value) == total(before) + 1


def test_an_open_dashboard_shows_another_sessions_save_updated_in_place(env):
    """Issue 17, part 1: with a database already in use, a save reaches a dashboard session
    that is already open on its next rerun, through the in-place update (not a rebuild)."""
    from components import data

    overview = str(Path(PAGE).parent.parent / "app.py")
    store = Store.open(env)  # the database exists, with one article, before anyone looks
    other = TEXT.replace("باماكو", "كيدال")
    store.add_article(other, {"published": "2024-01-06"}, [], status="accepted")
    at = AppTest.from_file(overview, default_timeout=60).run()
    assert not at.exception
    total = lambda value: int(value.split("/")[-1].strip("\u2069 "))  # noqa: E731 - "shown / total" articles (an LTR isolate)
    before = total(at.metric[0].value)
    add_via_page(app())  # another session saves
    at.run()  # the open session's next rerun
    assert not at.exception
    assert total(at.metric[0].value) == before + 1
    directory = data.data_dir()
    live = data._live(str(directory), data.fingerprint(directory), str(store.engine.url))
    assert live._snapshot is not None and not live._snapshot.rebuilt


# -- fail closed (issue 13, defect 1) -----------------------------------------------------------

def closed_page(at: AppTest) -> str:
    """The page shows no curation control at all; returns its error text."""
    assert not at.exception
    assert not widget_keys(at) & WRITE_KEYS
    assert not at.get("file_uploader")
    return " ".join(e.value for e in at.error)


@pytest.mark.parametrize("address", [None, "", "0.0.0.0", "::", "192.168.1.7"])
@pytest.mark.parametrize("secrets", [{}, {"connections": {"atlas": {"url": "sqlite:///{state}/hosted.sqlite"}}}],
                         ids=["no secrets", "database url only"])
def test_hosted_without_credentials_is_closed(env, tmp_path, address, secrets):
    secrets = {k: {"atlas": {"url": v["atlas"]["url"].format(state=tmp_path)}} for k, v in secrets.items()}
    with bound_to(address):
        at = app(secrets)
    errors = closed_page(at)
    assert "no curator sign-in is configured" in errors
    assert not any("no sign-in configured" in w.value for w in at.warning)  # not the open banner
    assert not Path(env.split("///")[1]).exists() and not (tmp_path / "hosted.sqlite").exists()


GOOD = hash_password("open sesame", iterations=1000)
MALFORMED = {
    "empty hash": ({"atlas": {"curator_password_hash": ""}}, "curator\\_password\\_hash is empty"),
    "hash at the top level": ({"curator_password_hash": GOOD}, "is at the top level"),
    "misspelt section": ({"atlsa": {"curator_password_hash": GOOD}}, "in a section named [atlsa]"),
    "curators without [auth]": ({"atlas": {"curators": ["a@b.org"]}}, "there is no [auth] section"),
}


@pytest.mark.parametrize("name", list(MALFORMED))
@pytest.mark.parametrize("address", ["127.0.0.1", "0.0.0.0"])
def test_malformed_configuration_is_a_clear_error_and_closed(env, name, address):
    secrets, says = MALFORMED[name]
    with bound_to(address):
        at = app(secrets)
    errors = closed_page(at)
    assert "sign-in configuration in the app's secrets is not usable" in errors
    assert says in errors
    assert "auth_pw" not in widget_keys(at)  # not even a password form: nothing to check it against


@pytest.fixture
def secrets_file(tmp_path):
    """Point Streamlit at a secrets.toml of the test's making (st.secrets reads it on use)."""
    import streamlit as st

    path = tmp_path / "secrets.toml"
    before = st_config.get_option("secrets.files")
    st_config.set_option("secrets.files", [str(path)])
    st.secrets._reset()
    yield path
    st_config.set_option("secrets.files", before)
    st.secrets._reset()


def test_secrets_with_a_syntax_error_close_curation_and_keep_the_database(env, tmp_path, secrets_file):
    """A broken secrets.toml never falls back to the local SQLite file (which may exist, full)."""
    local = Store.open(env)
    local.add_article(TEXT, {"language": "ar", "title_en": "only in the local file"}, user="t")
    secrets_file.write_text('[connections.atlas]\nurl = "postgresql+psycopg://u@db.invalid/atlas"\n'
                            '[atlas]\ncurator_password_hash = "pbkdf2_sha256$1000$00\n', encoding="utf-8")
    at = app()
    errors = closed_page(at)
    assert "the secrets file cannot be read" in errors and "line 4" in errors
    overview = AppTest.from_file(str(Path(PAGE).parent.parent / "app.py"), default_timeout=60).run()
    assert not overview.exception
    assert any("secrets file cannot be read" in w.value for w in overview.warning)
    total = int(overview.metric[0].value.split("/")[-1].strip("\u2069 "))
    assert total == 1, "the local SQLite file's article must not be shown in place of the configured database"


def test_password_mode_has_a_sign_out(env):
    at = app({"atlas": {"curator_password_hash": GOOD}})
    at.text_input(key="auth_pw").input("open sesame")
    next(b for b in at.button if "auth_password" in (b.form_id or "")).click().run()
    assert {"aa_paste", "aa_mode"} <= widget_keys(at)
    button(at, "auth_sign_out").click().run()
    assert not at.exception
    assert not widget_keys(at) & WRITE_KEYS
    assert "auth_pw" in widget_keys(at)


@pytest.mark.parametrize(("verified", "can_write"), [(True, True), (False, False), (None, False)])
def test_oidc_trusts_only_a_verified_email(env, verified, can_write):
    secrets = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                        "client_id": "id", "client_secret": "s",
                        "server_metadata_url": "https://example.invalid/.well-known/openid-configuration"},
               "atlas": {"curators": ["curator@example.org"]}}
    at = AppTest.from_file(PAGE, default_timeout=60)
    for key, value in secrets.items():
        at.secrets[key] = value
    at.user = {"is_logged_in": True, "email": "curator@example.org"}
    if verified is not None:
        at.user["email_verified"] = verified
    at.run()
    assert not at.exception
    assert bool({"aa_paste", "aa_mode"} <= widget_keys(at)) is can_write
    if not can_write:
        assert any("has not verified this email" in i.value for i in at.info)


@pytest.mark.parametrize("event_type", ["aid", ""])
def test_a_missing_event_with_a_bad_type_is_refused_naming_the_field(env, event_type):
    """Issue 13, defect 2: refused on the page (and on save), never stored to break the site."""
    at = app()
    at.text_area(key="aa_paste").input(TEXT)
    button(at, "aa_read_paste").click().run()
    at.selectbox(key="aa_m_kind").select("event")
    at.text_input(key="aa_m_text").input("استدعاء سفيرها")
    at.text_input(key="aa_m_ref").input(event_type)
    next(b for b in at.button if "aa_missing" in (b.form_id or "")).click().run()
    assert not at.exception
    assert any("event type" in e.value for e in at.error), [e.value for e in at.error]
    button(at, "aa_save").click().run()
    assert not at.exception
    saved = Store.open(env).list_articles()
    events = [i for a in saved for i in Store.open(env).get(a["id"]).items if i.kind == "event"]
    assert all(i.data.get("event_type") not in ("aid", "", None) for i in events)


def sign_in_with(at: AppTest, password: str) -> AppTest:
    at.text_input(key="auth_pw").input(password)
    next(b for b in at.button if "auth_password" in (b.form_id or "")).click().run()
    assert not at.exception
    return at


def test_password_guesses_are_throttled_and_logged_without_the_password(env, throttle_clock, caplog):
    clock = throttle_clock
    at = app({"atlas": {"curator_password_hash": GOOD}})
    with caplog.at_level("INFO", logger="atlas.auth"):
        sign_in_with(at, "guess-one")
        assert any("Wrong password" in e.value and "1 s" in e.value for e in at.error)
        sign_in_with(at, "open sesame")  # right, but too soon after a wrong one
        assert any("Next try possible" in e.value for e in at.error)
        assert not widget_keys(at) & WRITE_KEYS
        clock.now += 1
        sign_in_with(at, "open sesame")
    assert {"aa_paste", "aa_mode"} <= widget_keys(at)
    messages = [r.getMessage() for r in caplog.records if r.name == "atlas.auth"]
    assert any("failed curator sign-in" in m for m in messages)
    assert any("curator signed in" in m for m in messages)
    assert not any("guess-one" in m or "open sesame" in m for m in messages)


def test_five_wrong_passwords_lock_the_session(env, throttle_clock):
    from components.throttle import Policy

    clock, policy = throttle_clock, Policy()
    at = app({"atlas": {"curator_password_hash": GOOD}})
    for _ in range(policy.lockout_after):
        sign_in_with(at, "wrong")
        clock.now += policy.max_delay
    assert any("locked" in e.value for e in at.error)
    sign_in_with(at, "open sesame")
    assert any("locked" in e.value for e in at.error)
    assert not widget_keys(at) & WRITE_KEYS


def test_a_long_review_table_is_paged_and_edits_survive_a_page_change(env, monkeypatch):
    """Issue 13, defect 3: only one page of rows is built; the other items pass through, and
    what was done before a page change (accept all, an added item) is kept and saved."""
    from corpus.store import proposals

    monkeypatch.setattr(proposals, "REVIEW_PAGE_ROWS", 2)
    text = " ".join(["أعلنت", "الجزائر", "استدعاء", "سفيرها", "في", "باماكو"] * 4) + "\n"
    at = app()
    at.text_area(key="aa_paste").input(text)
    button(at, "aa_read_paste").click().run()
    assert not at.exception
    assert at.number_input(key="aa_page_place").proto.max == 2
    assert max(len(df.value) for df in at.dataframe) <= 2  # no table holds more than a page
    button(at, "aa_accept_all").click().run()
    at.selectbox(key="aa_m_kind").select("actor")
    at.text_input(key="aa_m_text").input("سفيرها")
    at.text_input(key="aa_m_ref").input("DZA")
    next(b for b in at.button if "aa_missing" in (b.form_id or "")).click().run()
    at.number_input(key="aa_page_place").set_value(2).run()
    assert not at.exception and at.number_input(key="aa_page_place").value == 2
    button(at, "aa_save").click().run()
    assert not at.exception
    [saved] = Store.open(env).list_articles()
    items = Store.open(env).get(saved["id"]).items
    assert len([i for i in items if i.kind == "place"]) == 4  # every page saved, not the shown one
    assert all(i.status == "accepted" for i in items)
    assert any(i.text == "سفيرها" and i.source == "curator" for i in items)


def test_bidi_controls_are_stored_raw_and_shown_neutralised(env):
    """Issue 13, defect 10: the text is stored exactly as given; the page never shows the
    override characters (the article text, the saved-article picker)."""
    from corpus.textcheck import BIDI_CONTROLS

    spoof = "\u202eأعلنت الجزائر\u202c استدعاء سفيرها في باماكو \u2066للتشاور\u2069.\n"
    at = app()
    at.text_area(key="aa_paste").input(spoof)
    button(at, "aa_read_paste").click().run()
    button(at, "aa_save").click().run()
    assert not at.exception
    [saved] = Store.open(env).list_articles()
    assert Store.open(env).get(saved["id"]).text == spoof  # stored raw
    shown = [e.value for e in at.text] + [str(o) for o in at.selectbox(key="aa_pick").options]
    assert any("أعلنت الجزائر" in s for s in shown)
    assert not any(BIDI_CONTROLS & set(s) for s in shown), shown


def _paste_and_save(at: AppTest) -> AppTest:
    at.text_area(key="aa_paste").input(TEXT)
    button(at, "aa_read_paste").click().run()
    button(at, "aa_save").click().run()
    return at


def test_saving_to_a_read_only_database_says_so_in_one_line(env, monkeypatch):
    """Issue 13, defect 9: not Streamlit's generic error; the draft stays on the page."""
    Store.open(env)
    dispose_all()
    path = env.split("///", 1)[1]
    monkeypatch.setenv("ATLAS_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    at = _paste_and_save(app())
    assert not at.exception
    [error] = [e.value for e in at.error]
    assert error.startswith("Not saved: the database is read-only") and "\n" not in error
    assert "INSERT" not in error and "أعلنت" not in error  # no SQL, no article text
    assert at.text_area(key="aa_paste").value == TEXT and button(at, "aa_save")  # draft kept


def test_saving_to_a_locked_database_says_so_in_one_line(env, monkeypatch):
    import sqlite3

    Store.open(env)
    dispose_all()
    monkeypatch.setenv("ATLAS_SQLITE_BUSY_TIMEOUT", "0.2")
    holder = sqlite3.connect(env.split("///", 1)[1], isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        at = _paste_and_save(app())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Not saved: the database is locked by another program writing to it. Your edits are "
        "kept on this page; save again in a moment."]
    button(at, "aa_save").click().run()  # the lock is gone: the same draft saves
    assert any("Saved u-" in s.value for s in at.success), [e.value for e in at.error]


def test_an_extractor_failure_leaves_the_text_to_review_by_hand(env, monkeypatch):
    """Bad input never crashes the page: an engine bug on one text is logged, said, and the
    article can still be reviewed and saved."""
    from corpus.extract.pipeline import Extractor

    def broken(self, text, published=None):
        raise KeyError("اللجنه")

    monkeypatch.setattr(Extractor, "extract", broken)
    at = app()
    at.text_area(key="aa_paste").input(TEXT)
    button(at, "aa_read_paste").click().run()
    assert not at.exception
    labels = [e.proto.label for e in at.main.children.values() if type(e).__name__ == "Status"]
    assert any("extractor failed" in label for label in labels), labels
    button(at, "aa_save").click().run()
    assert not at.exception
    [saved] = Store.open(env).list_articles()
    assert Store.open(env).get(saved["id"]).text == TEXT
