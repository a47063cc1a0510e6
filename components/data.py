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


@st.cache_resource(show_spinner=False, max_entries=2)
def load(directory: str, files: tuple) -> Loaded:
    """The corpus index; on invalid data the valid rows (partial) plus every problem."""
    corpus, problems = collect(Path(directory))
    try:
        index = build_index(corpus)
    except (KeyError, ValueError, TypeError, AttributeError) as err:  # invalid rows broke indexing
        problems = [*problems, Problem("index", 0, f"cannot index the corpus: {err}")]
        return Loaded(None, problems, partial=True)
    return Loaded(index, problems, partial=bool(problems))


def current() -> Loaded:
    directory = data_dir()
    fp = fingerprint(directory)
    return load(str(directory), fp)


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
