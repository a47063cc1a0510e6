"""One process's corpus index, kept up to date with the store of added articles.

    live = LiveIndex(data_dir, contained)
    snapshot = live.get(store, store.fingerprint(), wait=False)

The first call builds the index from the curated files and the whole store. Later calls with a
new store fingerprint (a save here or on another replica) apply only what changed
(corpus/index_update.py) — under one lock, so one session updates while the others keep
reading the last snapshot instead of waiting (`wait=False`); the session that saved waits
(`wait=True`) so its next rerun shows its save. The full rebuild is the fallback: when the
update cannot be done in place, fails, or the store was unreadable.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from corpus.index_update import (
    NeedsRebuild,
    apply_changes,
    links_after,
    problems_after,
    read_changes,
)
from corpus.loader import Problem, collect
from corpus.memory import release_freed_memory
from corpus.models import Place, visible_statuses
from corpus.query import CorpusIndex, build_index
from corpus.store.union import combine, read_added, wide_base

log = logging.getLogger("atlas.index")

UNAVAILABLE = ("unavailable",)


@dataclass(frozen=True)
class Snapshot:
    """An index and what it was built from. `added`: the store fingerprint it reflects (() no
    store, UNAVAILABLE when the store could not be read); `problems`: every problem to show."""

    index: CorpusIndex | None
    problems: list[Problem]
    added: tuple = ()
    versions: Mapping[str, int] = field(default_factory=dict)
    store_problems: Mapping[str, list[Problem]] = field(default_factory=dict)  # by article
    links: Mapping[str, str] = field(default_factory=dict)  # stored added→added merges
    base_problems: tuple[Problem, ...] = ()  # curated files and geography
    rebuilt: bool = True  # built from scratch (False: updated in place)


def _flat(by_article: Mapping[str, list[Problem]]) -> list[Problem]:
    return [p for found in by_article.values() for p in found]


class LiveIndex:
    def __init__(self, directory: Path, contained: Mapping[str, Iterable[str]] | None = None,
                 extra_problems: Iterable[Problem] = ()):
        self.directory = Path(directory)
        self.contained = contained
        self.extra_problems = tuple(extra_problems)
        self.base_places: Mapping[str, Place] = {}
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def busy(self) -> bool:
        """Whether a session is building or updating the index now."""
        return self._lock.locked()

    def get(self, store, added: tuple, wait: bool = True) -> Snapshot:
        """The index for the store at fingerprint `added`; with `wait=False`, while another
        session is updating, the last snapshot (its next rerun sees the new one)."""
        snapshot = self._snapshot
        if snapshot is not None and snapshot.added == added:
            return snapshot
        if not self._lock.acquire(blocking=wait or snapshot is None):
            return snapshot
        try:
            current = self._snapshot
            if current is None or current.added != added:
                self._snapshot = self._refresh(current, store, added)
                snapshot = current = None  # the replaced index goes (unless a session still reads it)
                release_freed_memory()
            return self._snapshot
        finally:
            self._lock.release()

    def _refresh(self, current: Snapshot | None, store, added: tuple) -> Snapshot:
        if current is None or current.index is None or store is None or UNAVAILABLE in (added, current.added):
            return self.rebuild(store, added)
        try:
            return self.update(current, store, added)
        except NeedsRebuild as why:
            log.info("index rebuilt: %s", why)
        except Exception as err:  # noqa: BLE001 - the rebuild is the fallback and says what failed
            log.warning("index update failed, rebuilding: %s", err)
        return self.rebuild(store, added)

    def update(self, current: Snapshot, store, added: tuple) -> Snapshot:
        """`current` with the store's changes since it was built applied in place."""
        changes = read_changes(store, current.index, self.base_places, current.versions)
        index = apply_changes(current.index, changes, self.base_places, current.links, self.contained)
        store_problems = problems_after(current.store_problems, changes)
        return Snapshot(index, [*current.base_problems, *_flat(store_problems)], added, changes.versions,
                        store_problems, links_after(current.links, changes), current.base_problems, rebuilt=False)

    def rebuild(self, store, added: tuple) -> Snapshot:
        """The index built from the curated files and the whole store."""
        corpus, problems = collect(self.directory)
        self.base_places = dict(corpus.places)
        base_problems = (*problems, *self.extra_problems)
        versions, store_problems, links, notes = {}, {}, {}, []
        if store is not None and added and added != UNAVAILABLE:
            try:
                versions = store.versions()  # before the rows: a change in between is re-read next time
                records = read_added(store, wide_base(corpus), visible_statuses(True))
                corpus, store_problems, links = combine(corpus, records), records.problems, records.links
            except Exception as err:  # noqa: BLE001 - show the curated corpus and say why
                versions, notes = {}, [Problem("database", 0, f"added articles not loaded: {err}")]
        problems = [*base_problems, *notes, *_flat(store_problems)]
        try:
            index = build_index(corpus, self.contained)
        except (KeyError, ValueError, TypeError, AttributeError) as err:  # invalid rows broke indexing
            return Snapshot(None, [*problems, Problem("index", 0, f"cannot index the corpus: {err}")], added)
        if notes:  # the store could not be read: try again on the next rerun
            added = UNAVAILABLE
        return Snapshot(index, problems, added, versions, store_problems, links, base_problems)


__all__ = ["LiveIndex", "Snapshot", "UNAVAILABLE"]
