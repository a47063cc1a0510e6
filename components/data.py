"""Shared read-only resources, cached once per process (sessions share one copy).

The data directory is `ATLAS_DATA_DIR` when set (benchmarks point it at a synthetic corpus),
else the repository's data/. The cache key includes the files' sizes and mtimes, so edits by
the curators are picked up on the next rerun without restarting the server.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import streamlit as st

from corpus.live_index import UNAVAILABLE, LiveIndex
from corpus.loader import DEFAULT_DATA_DIR, FILES, Problem
from corpus.memory import limit_malloc_arenas
from corpus.query import CorpusIndex

log = logging.getLogger("atlas.store")
limit_malloc_arenas()  # once per process: sessions' threads share a few heaps (corpus/memory.py)


def data_dir() -> Path:
    return Path(os.environ.get("ATLAS_DATA_DIR") or DEFAULT_DATA_DIR)


def fingerprint(directory: Path) -> tuple:
    out = []
    for name in FILES:
        path = directory / f"{name}.jsonl"
        try:
            stat = path.stat()
            out.append((name, stat.st_size, stat.st_mtime_ns))
        except OSError:
            out.append((name, None, None))
    return tuple(out)


@dataclass(frozen=True)
class Loaded:
    index: CorpusIndex | None
    problems: list[Problem] = field(default_factory=list)
    partial: bool = False
    store_problem: str | None = None  # i18n key: the added articles cannot be read now
    key: str = ""  # what was loaded (corpus_key): a stable cache key for figures built from it


def corpus_key(directory: str, files: tuple, added: tuple) -> str:
    """A stable fingerprint of a corpus: its folder, its data files' sizes and modification
    times, and the database's own fingerprint. Unlike id(index) it is never reused by another
    corpus once the old index is freed."""
    return hashlib.blake2b(repr((directory, files, added)).encode(), digest_size=12).hexdigest()


def contained_places() -> tuple[dict[str, frozenset[str]], Problem | None]:
    """Places inside areas/regions (geo.contained_places); when the geography cannot be read the
    place filter only matches exact places, and the page says so instead of failing silently."""
    try:
        import geo

        return geo.contained_places(), None
    except Exception as err:  # noqa: BLE001 - layers/gazetteer missing or mid-rebuild
        return {}, Problem("geo", 0, f"regions will not include their towns: {err}")


RETRY_SECONDS = 10.0  # after a failed connection, reruns within this window do not wait on it again
_clock = time.monotonic  # replaced by tests
_failed: dict[str, float] = {}  # url -> when opening it last failed (process-wide)


@dataclass(frozen=True)
class StoreState:
    """The database of added articles as this rerun sees it: the opened store, or None and why
    (an i18n key: store.secrets_unreadable | store.unreachable; None: no database yet)."""

    store: Any = None
    problem: str | None = None


def store_url() -> tuple[str | None, str | None]:
    """(URL, problem) of the added articles' database — the secrets URL, else env, else the
    SQLite file. URL None when there is nothing to read: no database configured and the default
    SQLite file not created yet (viewing never creates one), or secrets that cannot be read (then
    the problem says so: a broken secrets.toml must not send the app to a local file)."""
    from components import auth
    from corpus.store.location import resolve_url, sqlite_file

    secrets = auth.load_secrets()
    if secrets.error:
        return None, "store.secrets_unreadable"
    try:
        url = resolve_url(auth.db_url(secrets.values))
    except OSError:  # the state directory cannot be created
        return None, "store.unreachable"
    path = sqlite_file(url)
    return (None, None) if path is not None and not path.exists() else (url, None)


@st.cache_resource(show_spinner=False)
def _open(url: str):
    """The store for `url`, opened (and migrated) once per process. A failure raises, and
    st.cache_resource does not keep exceptions: the next attempt connects again."""
    from corpus.store.repository import Store

    return Store.open(url)


def open_store(url: str):
    """The store for `url`, or None when it cannot be opened now; a failure is retried on the
    first rerun after RETRY_SECONDS (so an outage does not make every rerun wait on it)."""
    failed = _failed.get(url)
    if failed is not None and _clock() - failed < RETRY_SECONDS:
        return None
    try:
        store = _open(url)
    except Exception as err:  # noqa: BLE001 - no database reachable: curated corpus only
        from corpus.store.db import redact

        log.warning("database %s unreachable: %s", redact(url), type(err).__name__)
        _failed[url] = _clock()
        return None
    _failed.pop(url, None)
    return store


def curation_store(secrets) -> StoreState:
    """The store the Add-article page writes to — the database the dashboard reads, created
    when it does not exist yet — or why it cannot be opened now (`secrets`: auth.Secrets)."""
    if secrets.error:
        return StoreState(None, "store.secrets_unreadable")
    from components.auth import db_url
    from corpus.store.location import resolve_url

    try:
        url = resolve_url(db_url(secrets.values))
    except OSError:
        return StoreState(None, "store.unreachable")
    store = open_store(url)
    return StoreState(store, None if store is not None else "store.unreachable")


def store_state() -> StoreState:
    url, problem = store_url()
    if url is None:
        return StoreState(None, problem)
    store = open_store(url)
    return StoreState(store, None if store is not None else "store.unreachable")


def _added_fingerprint(state: StoreState) -> tuple:
    if state.store is None:
        return ()
    try:
        return state.store.fingerprint()
    except Exception:  # noqa: BLE001 - the connection dropped since it was opened
        return UNAVAILABLE


@st.cache_resource(show_spinner=False, max_entries=2)
def _live(directory: str, files: tuple, store_key: str | None) -> LiveIndex:
    """The process's index of one data folder (at these files) and one store: built on first
    use, then updated in place after saves (corpus/live_index.py)."""
    contained, geo_problem = contained_places()
    return LiveIndex(Path(directory), contained, [geo_problem] if geo_problem else [])


def load(directory: str, files: tuple, added: tuple = (), _store=None, wait: bool = True) -> Loaded:
    """The corpus index (curated data/ + the database's additions, proposed ones included and
    left to Filters.include_proposed); on invalid data the valid rows plus every problem.
    `wait=False`: while another session updates the index, the last one (not blocked)."""
    store_key = str(_store.engine.url) if _store is not None else None
    snapshot = _live(directory, files, store_key).get(_store, added, wait=wait)
    key = corpus_key(directory, files, snapshot.added)
    return Loaded(snapshot.index, snapshot.problems, partial=bool(snapshot.problems) or snapshot.index is None, key=key)


FRESH = "atlas.fresh"  # session flag: this session just saved, its next rerun waits for the update


def current() -> Loaded:
    """The corpus for this rerun; `store_problem` says when the added articles cannot be read
    (the curated corpus keeps serving)."""
    directory = data_dir()
    state = store_state()
    added = _added_fingerprint(state)
    wait = bool(st.session_state.pop(FRESH, False))
    loaded = load(str(directory), fingerprint(directory), added, _store=state.store, wait=wait)
    problem = state.problem or ("store.unreachable" if added == UNAVAILABLE else None)
    return replace(loaded, store_problem=problem) if problem else loaded


@st.cache_resource(show_spinner=False)
def _geo_layers() -> dict:
    import geo

    return {
        "countries": geo.countries(),
        "admin1": geo.admin1(),
        "borders": geo.borders(),
        "areas": geo.areas(),
        "notes": list(geo.NOTES),
    }


def geo_layers() -> dict | None:
    """Boundary layers as GeoJSON dicts (geo/), or None while they are not built (failures
    are not cached: the next rerun tries again)."""
    try:
        return _geo_layers()
    except Exception:  # noqa: BLE001 - layers missing or being rebuilt: the map shows markers only
        return None


def area_for(place_id: str, precision: int) -> dict | None:
    """The polygon to draw for a coarse-precision event (geo.area_for), None when unknown."""
    try:
        import geo

        return geo.area_for(place_id, int(precision))
    except Exception:  # noqa: BLE001 - gazetteer/layers missing or mid-rebuild
        return None


def store_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "the database did not answer" (imported only when needed:
    `except data.store_errors()` is evaluated only when something is raised)."""
    from corpus.store.errors import DATABASE_ERRORS

    return DATABASE_ERRORS


def store_error_code(err: BaseException) -> str:
    """The kind of database failure (locked, read_only, unreachable…: corpus.store.errors),
    for a one-line message in the curator's language; never SQL or the article's text."""
    from corpus.store.errors import problem

    return problem(err)
