"""Who may add, edit and export. The decision is plain logic (`decide`), unit-tested; the
Streamlit part only reads secrets, the server's bind address, the signed-in user and the session.
It fails closed (docs/SECURITY.md):

1. A malformed or incomplete configuration (an unreadable secrets.toml, an empty or unreadable
   hash, a credential outside `[atlas]`, a misspelt key, curators without `[auth]`…) closes
   curation and the page lists what is wrong.
2. `[auth]` in secrets (Streamlit's built-in OIDC, st.login): only signed-in users whose
   *verified* email (`email_verified` true) is in `[atlas] curators = ["a@b.org", …]` may write.
3. else a curator password hash in `[atlas]`: a password sign-in, throttled per session and
   per server (components/throttle.py), failures logged (never the password), with a sign-out.
   Preferred: `curator_password_hash = "pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>"` (or
   `"scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>"`); legacy `curator_password_sha256 = "<hex>"`.
   Make one:  python -c "import getpass; from components.auth import hash_password; print(hash_password(getpass.getpass()))"
   The plain password is never in secrets; comparisons use hmac.compare_digest.
4. else (no credentials) writing is open only when the server itself listens on a loopback
   address (`server.address` = 127.0.0.1 / ::1 / localhost, as the shipped .streamlit/config.toml
   sets): a local run. A server bound to any other address, or to none (all interfaces: Docker,
   Community Cloud, `--server.address 0.0.0.0`), is reachable by others and stays closed. The bind
   address is the server's own configuration: nothing a visitor sends can change it.
The page calls `require_writer()` before it renders or saves anything.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import math
import secrets as _secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from components.throttle import Guard

PBKDF2_ITERATIONS = 600_000
SESSION_KEY = "_atlas_curator"  # set only by code after a good password; no widget uses it
SESSION_TAG = "_atlas_auth_session"
HASH_KEYS = ("curator_password_hash", "curator_password_sha256")
ATLAS_KEYS = (*HASH_KEYS, "curators")
OIDC_REQUIRED = ("redirect_uri", "cookie_secret")  # st.login refuses to start without them
log = logging.getLogger("atlas.auth")
GUARD = Guard()  # process-wide: every session's password checks share its limits


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the sign-in configuration: an i18n key and its values."""

    key: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self, t: Callable[..., str], escape: Callable[[object], str] = str) -> str:
        return t(self.key, **{name: escape(value) for name, value in self.values})


@dataclass(frozen=True, slots=True)
class Access:
    mode: str  # oidc | password | open | closed (no credentials, not local) | broken
    can_write: bool
    user: str | None
    reason: str  # i18n key explaining the decision
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Secrets:
    """st.secrets as a plain dict, and why it could not be read (None: read, or no file)."""

    values: dict[str, Any]
    error: str | None = None


# -- password hashes -------------------------------------------------------------------------

def hash_password(password: str, iterations: int = PBKDF2_ITERATIONS, salt: bytes | None = None) -> str:
    salt = salt or _secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def _hasher(stored: object) -> tuple[Callable[[bytes], bytes], bytes] | None:
    """(password bytes → digest, expected digest) for a stored hash string; None if malformed."""
    if not isinstance(stored, str) or not stored.strip():
        return None
    parts = stored.strip().split("$")
    try:
        if parts[0] == "pbkdf2_sha256" and len(parts) == 4:
            iterations, salt, expected = int(parts[1]), bytes.fromhex(parts[2]), bytes.fromhex(parts[3])
            if iterations < 1 or not salt or not expected:
                return None
            return (lambda pw: hashlib.pbkdf2_hmac("sha256", pw, salt, iterations)), expected
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
            salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
            if n < 2 or n & (n - 1) or r < 1 or p < 1 or not salt or not expected:
                return None
            return (lambda pw: hashlib.scrypt(pw, salt=salt, n=n, r=r, p=p, dklen=len(expected),
                                              maxmem=256 * 1024 * 1024)), expected
        if len(parts) == 1 and len(parts[0]) == 64:
            return (lambda pw: hashlib.sha256(pw).digest()), bytes.fromhex(parts[0])
    except ValueError:
        return None
    return None


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash string (pbkdf2_sha256, scrypt or a bare
    SHA-256 hex digest); False for anything malformed. Constant-time comparison."""
    hasher = _hasher(stored)
    if not isinstance(password, str) or hasher is None:
        return False
    compute, expected = hasher
    try:
        got = compute(password.encode())
    except (ValueError, MemoryError):  # scrypt parameters beyond its memory limit
        return False
    return hmac.compare_digest(got, expected)


# -- reading the configuration ---------------------------------------------------------------

def _section(secrets: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = secrets.get(name) if isinstance(secrets, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def password_hash(secrets: Mapping[str, Any]) -> str | None:
    atlas = _section(secrets, "atlas")
    for key in HASH_KEYS:
        if isinstance(atlas.get(key), str) and atlas[key].strip():
            return atlas[key]
    return None


def auth_mode(secrets: Mapping[str, Any]) -> str:
    """oidc | password | none: which credentials the configuration names."""
    if _section(secrets, "auth"):
        return "oidc"
    if password_hash(secrets):
        return "password"
    return "none"


def curators(secrets: Mapping[str, Any]) -> frozenset[str]:
    listed = _section(secrets, "atlas").get("curators") or []
    if isinstance(listed, str):
        listed = [listed]
    if not isinstance(listed, (list, tuple)):
        return frozenset()
    return frozenset(str(e).strip().lower() for e in listed if str(e).strip())


def config_problems(secrets: Mapping[str, Any], read_error: str | None = None) -> tuple[Problem, ...]:
    """Everything that makes the sign-in configuration unusable or ambiguous (empty: fine)."""
    if read_error:
        return (Problem("auth.cfg.unreadable", (("error", read_error),)),)
    out: list[Problem] = []
    for key in ATLAS_KEYS:
        if key in secrets:
            out.append(Problem("auth.cfg.top_level", (("name", key),)))
    for name, section in secrets.items():
        if name != "atlas" and isinstance(section, Mapping):
            out += [Problem("auth.cfg.wrong_section", (("name", key), ("section", name)))
                    for key in ATLAS_KEYS if key in section]
    if "atlas" in secrets and not isinstance(secrets["atlas"], Mapping):
        out.append(Problem("auth.cfg.not_table", (("section", "atlas"),)))
    if "auth" in secrets and not isinstance(secrets["auth"], Mapping):
        out.append(Problem("auth.cfg.not_table", (("section", "auth"),)))
    atlas = _section(secrets, "atlas")
    out += [Problem("auth.cfg.unknown_key", (("name", key),)) for key in atlas if key not in ATLAS_KEYS]
    for key in HASH_KEYS:
        if key in atlas and _hasher(atlas[key]) is None:
            empty = not (isinstance(atlas[key], str) and atlas[key].strip())
            out.append(Problem("auth.cfg.empty_hash" if empty else "auth.cfg.bad_hash", (("name", key),)))
    auth = _section(secrets, "auth")
    if "curators" in atlas and not auth:
        out.append(Problem("auth.cfg.curators_without_auth"))
    if auth:
        if not curators(secrets):
            out.append(Problem("auth.cfg.no_curators"))
        missing = [key for key in OIDC_REQUIRED if not auth.get(key)]
        if missing:
            out.append(Problem("auth.cfg.auth_incomplete", (("keys", ", ".join(missing)),)))
    return tuple(out)


def is_loopback(address: object) -> bool:
    """True for a bind address only this machine can reach (127.0.0.0/8, ::1, localhost);
    False for anything else, including unset (Streamlit then listens on every interface)."""
    if not isinstance(address, str) or not address.strip():
        return False
    host = address.strip().lower().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _verified(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def decide(secrets: Mapping[str, Any], *, local: bool, read_error: str | None = None,
           logged_in: bool = False, email: str | None = None, email_verified: object = False,
           password_user: str | None = None) -> Access:
    """The write decision from the configuration, where the server listens and who the
    session is. Anything unclear decides "no"."""
    problems = config_problems(secrets, read_error)
    if problems:
        return Access("broken", False, None, "auth.misconfigured", problems)
    mode = auth_mode(secrets)
    if mode == "oidc":
        if not logged_in:
            return Access(mode, False, None, "auth.need_login")
        who = (email or "").strip().lower()
        if who and not _verified(email_verified):
            return Access(mode, False, who, "auth.unverified")
        if who and who in curators(secrets):
            return Access(mode, True, who, "auth.curator")
        return Access(mode, False, who or None, "auth.not_curator")
    if mode == "password":
        if password_user:
            return Access(mode, True, password_user, "auth.curator")
        return Access(mode, False, None, "auth.need_password")
    if local:
        return Access("open", True, "local", "auth.open")
    return Access("closed", False, None, "auth.need_config")


def db_url(secrets: Mapping[str, Any]) -> str | None:
    """`[connections.atlas] url = "postgresql+psycopg://…"` from secrets, if any."""
    return _section(_section(secrets, "connections"), "atlas").get("url") or None


# -- Streamlit side ------------------------------------------------------------------------

def load_secrets() -> Secrets:
    """st.secrets as a plain dict. No secrets file at all is a plain {}; a file that cannot be
    read (a TOML syntax error, a bad path) is reported, never taken for "no secrets"."""
    import streamlit as st
    from streamlit.errors import StreamlitSecretNotFoundError

    try:
        return Secrets(st.secrets.to_dict())
    except StreamlitSecretNotFoundError as err:
        if getattr(err, "error_id", None) == "no-secrets-found":
            return Secrets({})
        log.error("secrets cannot be read: %s", err)
        cause = err.__cause__
        return Secrets({}, str(cause) if cause is not None else "secrets.toml cannot be read")
    except Exception as err:  # noqa: BLE001 - any other failure is not "no secrets" either
        log.error("secrets cannot be read: %s", err)
        return Secrets({}, type(err).__name__)


def server_is_local() -> bool:
    """Whether this server listens on a loopback address only (its own configuration)."""
    import streamlit as st

    return is_loopback(st.get_option("server.address"))


def current_access(secrets: Secrets | None = None) -> Access:
    import streamlit as st

    secrets = load_secrets() if secrets is None else secrets
    logged_in, email, verified = False, None, False
    if auth_mode(secrets.values) == "oidc":
        try:
            logged_in = bool(st.user.is_logged_in)
            email, verified = st.user.get("email"), st.user.get("email_verified")
        except Exception:  # noqa: BLE001 - auth not usable in this runtime
            logged_in = False
    return decide(secrets.values, local=server_is_local(), read_error=secrets.error,
                  logged_in=logged_in, email=email, email_verified=verified,
                  password_user=st.session_state.get(SESSION_KEY))


def _problems(access: Access, t) -> None:
    import streamlit as st

    from components.html import markdown_text

    lines = [f"- {p.text(t, markdown_text)}" for p in access.problems]
    st.error(t("auth.misconfigured") + "\n\n" + "\n".join(lines))


def sign_in(access: Access, secrets: Secrets, t) -> None:
    """What a session that may not write sees instead of the page (nothing else is drawn)."""
    import streamlit as st

    if access.mode == "broken":
        _problems(access, t)
        return
    if access.mode == "closed":
        st.error(t("auth.need_config"))
        return
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
                _check_password(password, password_hash(secrets.values) or "", t)


def _session_tag() -> str:
    """A random tag for this browser session (names it in the throttle and the log)."""
    import streamlit as st

    return st.session_state.setdefault(SESSION_TAG, _secrets.token_hex(6))


def _check_password(password: str, stored: str, t) -> None:
    """One sign-in attempt through the process-wide throttle; logged without the password."""
    import streamlit as st

    tag = _session_tag()
    outcome = GUARD.attempt(tag, lambda: verify_password(password, stored))
    seconds = math.ceil(outcome.wait)
    if outcome.status == "ok":
        log.info("curator signed in (session %s)", tag)
        st.session_state[SESSION_KEY] = "curator"
        st.rerun()
    elif outcome.status == "wrong":
        log.warning("failed curator sign-in (session %s, %d in a row)", tag, outcome.failures)
        st.error(t("auth.bad_password") + " " + t("auth.wait", seconds=seconds))
    elif outcome.status == "locked":
        log.warning("curator sign-in locked (session %s, %d in a row, %d s)", tag, outcome.failures, seconds)
        st.error(t("auth.locked", minutes=math.ceil(outcome.wait / 60)))
    elif outcome.status == "wait":
        log.warning("sign-in attempt refused, too soon (session %s, %d s to wait)", tag, seconds)
        st.error(t("auth.wait", seconds=seconds))
    else:
        log.warning("sign-in attempt refused, server-wide limit (session %s)", tag)
        st.error(t("auth.busy", seconds=seconds))


def sign_out() -> None:
    """on_click of the password-mode sign-out button."""
    import streamlit as st

    st.session_state.pop(SESSION_KEY, None)


def require_writer(t) -> tuple[Access, Secrets]:
    """Stop the script unless this session may write; show the banner for an open local app
    and the sign-out button for a password session."""
    import streamlit as st

    secrets = load_secrets()
    access = current_access(secrets)
    if not access.can_write:
        sign_in(access, secrets, t)
        st.stop()
    if access.mode == "open":
        st.warning(t("auth.open_banner"))
    elif access.mode == "password":
        st.button(t("auth.logout"), key="auth_sign_out", on_click=sign_out)
    return access, secrets
