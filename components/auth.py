"""Who may add, edit and export. The decision is plain logic (`decide`), unit-tested; the
Streamlit part only reads secrets, the signed-in user and the session.

1. `[auth]` in secrets (Streamlit's built-in OIDC, st.login): only signed-in users whose email
   is in `[atlas] curators = ["a@b.org", …]` may write.
2. else a curator password hash in `[atlas]`: a password sign-in. Preferred:
   `curator_password_hash = "pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>"` (or
   `"scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>"`); legacy `curator_password_sha256 = "<hex>"`.
   Make one:  python -c "import getpass; from components.auth import hash_password; print(hash_password(getpass.getpass()))"
   The plain password is never in secrets; comparisons use hmac.compare_digest.
3. else (no secrets: a local run) everyone may write, and the page says so in a banner.
The page calls `require_writer()` before it renders or saves anything.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets as _secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PBKDF2_ITERATIONS = 600_000
SESSION_KEY = "_atlas_curator"  # set only by code after a good password; no widget uses it


@dataclass(frozen=True, slots=True)
class Access:
    mode: str  # oidc | password | open
    can_write: bool
    user: str | None
    reason: str  # i18n key explaining the decision


def hash_password(password: str, iterations: int = PBKDF2_ITERATIONS, salt: bytes | None = None) -> str:
    salt = salt or _secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash string (pbkdf2_sha256, scrypt or a bare
    SHA-256 hex digest); False for anything malformed."""
    if not isinstance(password, str) or not isinstance(stored, str) or not stored:
        return False
    try:
        parts = stored.strip().split("$")
        if parts[0] == "pbkdf2_sha256" and len(parts) == 4:
            iterations, salt, expected = int(parts[1]), bytes.fromhex(parts[2]), bytes.fromhex(parts[3])
            got = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
        elif parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
            salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
            got = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=len(expected),
                                 maxmem=256 * 1024 * 1024)
        elif len(parts) == 1 and len(stored.strip()) == 64:
            expected = bytes.fromhex(stored.strip())
            got = hashlib.sha256(password.encode()).digest()
        else:
            return False
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def _section(secrets: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = secrets.get(name) if isinstance(secrets, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def password_hash(secrets: Mapping[str, Any]) -> str | None:
    atlas = _section(secrets, "atlas")
    return atlas.get("curator_password_hash") or atlas.get("curator_password_sha256") or None


def auth_mode(secrets: Mapping[str, Any]) -> str:
    if _section(secrets, "auth"):
        return "oidc"
    if password_hash(secrets):
        return "password"
    return "open"


def curators(secrets: Mapping[str, Any]) -> frozenset[str]:
    listed = _section(secrets, "atlas").get("curators") or []
    if isinstance(listed, str):
        listed = [listed]
    return frozenset(str(e).strip().lower() for e in listed if str(e).strip())


def decide(secrets: Mapping[str, Any], *, logged_in: bool = False, email: str | None = None,
           password_user: str | None = None) -> Access:
    """The write decision from the configuration and who the session is."""
    mode = auth_mode(secrets)
    if mode == "oidc":
        if not logged_in:
            return Access(mode, False, None, "auth.need_login")
        who = (email or "").strip().lower()
        if who and who in curators(secrets):
            return Access(mode, True, who, "auth.curator")
        return Access(mode, False, who or None, "auth.not_curator")
    if mode == "password":
        if password_user:
            return Access(mode, True, password_user, "auth.curator")
        return Access(mode, False, None, "auth.need_password")
    return Access(mode, True, "local", "auth.open")


def db_url(secrets: Mapping[str, Any]) -> str | None:
    """`[connections.atlas] url = "postgresql+psycopg://…"` from secrets, if any."""
    return _section(_section(secrets, "connections"), "atlas").get("url") or None


# -- Streamlit side ------------------------------------------------------------------------

def read_secrets() -> dict[str, Any]:
    """st.secrets as a plain dict; {} when the app has no secrets at all."""
    import streamlit as st

    try:
        return st.secrets.to_dict()
    except Exception:  # noqa: BLE001 - no secrets.toml: a local run
        return {}


def current_access(secrets: Mapping[str, Any] | None = None) -> Access:
    import streamlit as st

    secrets = read_secrets() if secrets is None else secrets
    logged_in, email = False, None
    if auth_mode(secrets) == "oidc":
        try:
            logged_in = bool(st.user.is_logged_in)
            email = st.user.get("email")
        except Exception:  # noqa: BLE001 - auth not usable in this runtime
            logged_in = False
    return decide(secrets, logged_in=logged_in, email=email,
                  password_user=st.session_state.get(SESSION_KEY))


def sign_in(access: Access, secrets: Mapping[str, Any], t) -> None:
    """The sign-in controls for a session that may not write (nothing else is drawn)."""
    import streamlit as st

    st.info(t(access.reason))
    if access.mode == "oidc":
        if access.reason == "auth.need_login":
            if st.button(t("auth.login"), key="auth_login"):
                st.login()
        else:
            st.button(t("auth.logout"), key="auth_logout", on_click=st.logout)
    elif access.mode == "password":
        with st.form("auth_password"):
            password = st.text_input(t("auth.password"), type="password", key="auth_pw")
            if st.form_submit_button(t("auth.sign_in")):
                if verify_password(password, password_hash(secrets) or ""):
                    st.session_state[SESSION_KEY] = "curator"
                    st.rerun()
                else:
                    st.error(t("auth.bad_password"))


def require_writer(t) -> tuple[Access, dict[str, Any]]:
    """Stop the script unless this session may write; show the banner for an open app."""
    import streamlit as st

    secrets = read_secrets()
    access = current_access(secrets)
    if not access.can_write:
        sign_in(access, secrets, t)
        st.stop()
    if access.mode == "open":
        st.warning(t("auth.open_banner"))
    return access, secrets
