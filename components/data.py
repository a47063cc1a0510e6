"""Shared read-only resources, cached once per process (sessions share one copy).

The data directory is `ATLAS_DATA_DIR` when set (benchmarks point it at a synthetic corpus),
else the repository's data/. The cache key includes the files' sizes and mtimes, so edits by
the curators are picked up on the next rerun without restarting the server.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from corpus.loader import DEFAULT_DATA_DIR, FILES, CorpusError, Problem, collect
from corpus.query import CorpusIndex, build_index


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


def contained_places() -> tuple[dict[str, frozenset[str]], Problem | None]:
    """Places inside areas/regions (geo.contained_places); when the geography cannot be read the
    place filter only matches exact places, and the page says so instead of failing silently."""
    try:
        import geo

        return geo.contained_places(), None
    except Exception as err:  # noqa: BLE001 - layers/gazetteer missing or mid-rebuild
        return {}, Problem("geo", 0, f"regions will not include their towns: {err}")


def _store_url() -> str | None:
    """The database URL of the added articles (same as the Add-article page: secrets URL, else
    env, else the SQLite file), or None when there is nothing to read: no database configured
    and the default SQLite file not created yet (so viewing never creates one)."""
    try:
        from components import auth
        from corpus.store.location import resolve_url, sqlite_file

        url = resolve_url(auth.db_url(auth.read_secrets()))
        path = sqlite_file(url)
        return None if path is not None and not path.exists() else url
    except Exception:  # noqa: BLE001 - unreadable secrets or a malformed URL: curated corpus only
        return None


@st.cache_resource(show_spinner=False)
def _store_cached(url: str):
    """The store for `url`, opened (and migrated) once per process; None when unreachable."""
    try:
        from corpus.store.repository import Store

        return Store.open(url)
    except Exception:  # noqa: BLE001 - no database reachable: curated corpus only
        return None


def _store():
    url = _store_url()
    return None if url is None else _store_cached(url)


def store_fingerprint() -> tuple:
    store = _store()
    if store is None:
        return ()
    try:
        return store.fingerprint()
    except Exception:  # noqa: BLE001
        return ("unavailable",)


@st.cache_resource(show_spinner=False, max_entries=2)
def load(directory: str, files: tuple, added: tuple = ()) -> Loaded:
    """The corpus index (curated data/ + the database's additions, proposed ones included and
    left to Filters.include_proposed); on invalid data the valid rows plus every problem."""
    corpus, problems = collect(Path(directory))
    store = _store()
    if store is not None and added and added != ("unavailable",):
        try:
            from corpus.store.union import merge  # load_union, with our already-validated base

            corpus = merge(corpus, store, include_proposed=True)
        except Exception as err:  # noqa: BLE001 - show the curated corpus and say why
            problems = [*problems, Problem("database", 0, f"added articles not loaded: {err}")]
    contained, geo_problem = contained_places()
    if geo_problem:
        problems = [*problems, geo_problem]
    try:
        index = build_index(corpus, contained)
    except (KeyError, ValueError, TypeError, AttributeError) as err:  # invalid rows broke indexing
        problems = [*problems, Problem("index", 0, f"cannot index the corpus: {err}")]
        return Loaded(None, problems, partial=True)
    return Loaded(index, problems, partial=bool(problems))


def current() -> Loaded:
    directory = data_dir()
    return load(str(directory), fingerprint(directory), store_fingerprint())


__all__ = ["CorpusError", "Loaded", "current", "data_dir", "load"]


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
