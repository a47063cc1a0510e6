"""components/auth.py: the write decision and password hashes (no Streamlit needed)."""

from __future__ import annotations

import hashlib

import pytest

from components.auth import auth_mode, db_url, decide, hash_password, verify_password

OIDC = {"auth": {"client_id": "x"}, "atlas": {"curators": ["Curator@Example.org"]}}


def test_open_when_no_secrets():
    access = decide({})
    assert (access.mode, access.can_write, access.reason) == ("open", True, "auth.open")


@pytest.mark.parametrize(("logged_in", "email", "can_write", "reason"), [
    (False, None, False, "auth.need_login"),
    (True, "someone@else.org", False, "auth.not_curator"),
    (True, "curator@example.org", True, "auth.curator"),
    (True, " CURATOR@example.org ", True, "auth.curator"),
    (True, None, False, "auth.not_curator"),
])
def test_oidc_needs_login_and_allow_list(logged_in, email, can_write, reason):
    access = decide(OIDC, logged_in=logged_in, email=email, password_user="curator")
    assert (access.mode, access.can_write, access.reason) == ("oidc", can_write, reason)


def test_oidc_wins_over_password():
    secrets = {**OIDC, "atlas": {**OIDC["atlas"], "curator_password_hash": hash_password("p", 1000)}}
    assert auth_mode(secrets) == "oidc"
    assert not decide(secrets, password_user="curator").can_write


def test_password_mode():
    secrets = {"atlas": {"curator_password_hash": hash_password("p", 1000)}}
    assert decide(secrets).can_write is False
    assert decide(secrets).reason == "auth.need_password"
    assert decide(secrets, password_user="curator").can_write is True


def test_password_hash_formats():
    stored = hash_password("s3cret pass", iterations=1000)
    assert stored.startswith("pbkdf2_sha256$1000$") and "s3cret" not in stored
    assert verify_password("s3cret pass", stored) and not verify_password("s3cret", stored)
    legacy = hashlib.sha256(b"pw").hexdigest()
    assert verify_password("pw", legacy) and not verify_password("pW", legacy)
    salt = bytes(range(16))
    digest = hashlib.scrypt(b"pw", salt=salt, n=2 ** 14, r=8, p=1, dklen=32)
    assert verify_password("pw", f"scrypt$16384$8$1${salt.hex()}${digest.hex()}")
    for bad in ("", "pw", "pbkdf2_sha256$x$y$z", "md5$abc", None):
        assert not verify_password("pw", bad)
    assert hash_password("a") != hash_password("a")  # salted


def test_db_url_from_secrets():
    assert db_url({"connections": {"atlas": {"url": "postgresql+psycopg://u@h/db"}}}) == \
        "postgresql+psycopg://u@h/db"
    assert db_url({}) is None
