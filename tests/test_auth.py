"""components/auth.py: the write decision and password hashes (no Streamlit needed)."""

from __future__ import annotations

import hashlib

import pytest

from components.auth import (
    auth_mode,
    config_problems,
    db_url,
    decide,
    hash_password,
    is_loopback,
    verify_password,
)

OIDC_AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
             "client_id": "id", "client_secret": "s",
             "server_metadata_url": "https://example.invalid/.well-known/openid-configuration"}
OIDC = {"auth": OIDC_AUTH, "atlas": {"curators": ["Curator@Example.org"]}}
GOOD_HASH = hash_password("p", 1000)
DB_ONLY = {"connections": {"atlas": {"url": "postgresql+psycopg://u@h/db"}}}


def test_no_credentials_is_open_only_on_a_loopback_bind():
    local = decide({}, local=True)
    assert (local.mode, local.can_write, local.reason) == ("open", True, "auth.open")
    hosted = decide({}, local=False)
    assert (hosted.mode, hosted.can_write, hosted.reason) == ("closed", False, "auth.need_config")


def test_a_database_url_alone_is_not_a_credential():
    """The README's hosted setup minus the password."""
    assert not decide(DB_ONLY, local=False).can_write
    assert decide(DB_ONLY, local=True).can_write


@pytest.mark.parametrize(("address", "local"), [
    ("127.0.0.1", True), ("127.0.0.53", True), ("localhost", True), (" LOCALHOST ", True),
    ("::1", True), ("[::1]", True),
    (None, False), ("", False), ("0.0.0.0", False), ("::", False), ("192.168.1.7", False),
    ("10.0.0.2", False), ("example.org", False), ("unix://tmp/atlas.sock", False), (8501, False),
])
def test_loopback_bind_addresses(address, local):
    assert is_loopback(address) is local


# Each malformed configuration closes curation, even on a local run, with a named problem.
MALFORMED = {
    "empty hash": ({"atlas": {"curator_password_hash": ""}}, "auth.cfg.empty_hash"),
    "blank hash": ({"atlas": {"curator_password_hash": "   "}}, "auth.cfg.empty_hash"),
    "unreadable hash": ({"atlas": {"curator_password_hash": "pbkdf2_sha256$x$y$z"}}, "auth.cfg.bad_hash"),
    "plain password as hash": ({"atlas": {"curator_password_hash": "hunter2"}}, "auth.cfg.bad_hash"),
    "hash at the top level": ({"curator_password_hash": GOOD_HASH}, "auth.cfg.top_level"),
    "misspelt section": ({"atlass": {"curator_password_hash": GOOD_HASH}}, "auth.cfg.wrong_section"),
    "capitalised section": ({"Atlas": {"curator_password_hash": GOOD_HASH}}, "auth.cfg.wrong_section"),
    "misspelt key": ({"atlas": {"curator_pasword_hash": GOOD_HASH}}, "auth.cfg.unknown_key"),
    "curators without [auth]": ({"atlas": {"curators": ["a@b.org"]}}, "auth.cfg.curators_without_auth"),
    "[auth] without curators": ({"auth": OIDC_AUTH}, "auth.cfg.no_curators"),
    "[auth] incomplete": ({"auth": {"client_id": "x"}, "atlas": {"curators": ["a@b.org"]}},
                          "auth.cfg.auth_incomplete"),
    "atlas not a table": ({"atlas": "curator"}, "auth.cfg.not_table"),
    "curators inside [auth]": ({"auth": {**OIDC_AUTH, "curators": ["a@b.org"]}, "atlas": {"curators": ["a@b.org"]}},
                               "auth.cfg.wrong_section"),
}


@pytest.mark.parametrize("name", list(MALFORMED))
@pytest.mark.parametrize("local", [True, False])
def test_malformed_configuration_is_closed_and_named(name, local):
    secrets, key = MALFORMED[name]
    access = decide(secrets, local=local, password_user="curator", logged_in=True,
                    email="a@b.org", email_verified=True)
    assert (access.mode, access.can_write, access.reason) == ("broken", False, "auth.misconfigured")
    assert key in {p.key for p in access.problems}


def test_unreadable_secrets_file_is_closed_and_named():
    access = decide({}, local=True, read_error="Expected '=' after a key (at line 2, column 5)")
    assert (access.mode, access.can_write) == ("broken", False)
    [problem] = access.problems
    assert problem.key == "auth.cfg.unreadable" and "line 2" in dict(problem.values)["error"]


def test_good_configurations_have_no_problems():
    assert config_problems({}) == ()
    assert config_problems(DB_ONLY) == ()
    assert config_problems({"atlas": {"curator_password_hash": GOOD_HASH}, **DB_ONLY}) == ()
    assert config_problems({"atlas": {"curator_password_sha256": hashlib.sha256(b"p").hexdigest()}}) == ()
    assert config_problems(OIDC) == ()


def test_problem_text_escapes_its_values():
    [problem] = config_problems({"[x](https://evil.example)": {"curators": ["a"]}})
    text = problem.text(lambda k, **v: f"{k}: {v['section']}", lambda v: f"<{v}>")
    assert text == "auth.cfg.wrong_section: <[x](https://evil.example)>"


@pytest.mark.parametrize(("logged_in", "email", "verified", "can_write", "reason"), [
    (False, None, False, False, "auth.need_login"),
    (True, "someone@else.org", True, False, "auth.not_curator"),
    (True, "curator@example.org", True, True, "auth.curator"),
    (True, " CURATOR@example.org ", True, True, "auth.curator"),
    (True, "curator@example.org", "true", True, "auth.curator"),
    (True, None, True, False, "auth.not_curator"),
    # an email the provider has not verified is not trusted, whoever it names
    (True, "curator@example.org", False, False, "auth.unverified"),
    (True, "curator@example.org", None, False, "auth.unverified"),
    (True, "curator@example.org", "false", False, "auth.unverified"),
    (True, "curator@example.org", 1, False, "auth.unverified"),
])
def test_oidc_needs_login_verified_email_and_allow_list(logged_in, email, verified, can_write, reason):
    access = decide(OIDC, local=True, logged_in=logged_in, email=email, email_verified=verified,
                    password_user="curator")
    assert (access.mode, access.can_write, access.reason) == ("oidc", can_write, reason)


def test_oidc_wins_over_password():
    secrets = {**OIDC, "atlas": {**OIDC["atlas"], "curator_password_hash": GOOD_HASH}}
    assert auth_mode(secrets) == "oidc"
    assert not decide(secrets, local=True, password_user="curator").can_write


@pytest.mark.parametrize("local", [True, False])
def test_password_mode(local):
    secrets = {"atlas": {"curator_password_hash": GOOD_HASH}}
    assert decide(secrets, local=local).can_write is False
    assert decide(secrets, local=local).reason == "auth.need_password"
    assert decide(secrets, local=local, password_user="curator").can_write is True


def test_password_hash_formats():
    stored = hash_password("s3cret pass", iterations=1000)
    assert stored.startswith("pbkdf2_sha256$1000$") and "s3cret" not in stored
    assert verify_password("s3cret pass", stored) and not verify_password("s3cret", stored)
    legacy = hashlib.sha256(b"pw").hexdigest()
    assert verify_password("pw", legacy) and not verify_password("pW", legacy)
    salt = bytes(range(16))
    digest = hashlib.scrypt(b"pw", salt=salt, n=2 ** 14, r=8, p=1, dklen=32)
    assert verify_password("pw", f"scrypt$16384$8$1${salt.hex()}${digest.hex()}")
    for bad in ("", "pw", "pbkdf2_sha256$x$y$z", "pbkdf2_sha256$0$00$00", "scrypt$3$8$1$00$00", "md5$abc", None):
        assert not verify_password("pw", bad)
    assert not verify_password(None, stored)
    assert hash_password("a") != hash_password("a")  # salted


def test_db_url_from_secrets():
    assert db_url(DB_ONLY) == "postgresql+psycopg://u@h/db"
    assert db_url({}) is None


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_every_problem_reads_in_every_language(lang):
    from components.html import markdown_text
    from components.i18n import catalogue, t

    problems = [p for secrets, _ in MALFORMED.values() for p in config_problems(secrets)]
    problems += config_problems({}, read_error="bad")
    for problem in problems:
        assert problem.key in catalogue(lang)
        text = problem.text(lambda k, **v: t(k, lang, **v), markdown_text)
        assert "{" not in text and problem.key not in text
