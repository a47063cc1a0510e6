"""At most a few page runs compute at once; the others wait their turn.

Every session's rerun runs in a thread of the one server process, and the GIL lets one of them
compute at a time anyway: with 10 sessions rerunning at once, all 10 hold their transient
memory (a filtered copy of the index's rows, the page's frames and figures: ~30 MB each at
100,000 events) while they interleave. Letting `limit` of them in at a time keeps the CPU as busy
and caps that memory (bench/bench_load.py: peak RSS with 10 sessions). A run waits at most
`wait` seconds for its turn, then goes ahead anyway: a slow page never stalls the others for
long. No Streamlit here: app.py wraps each page run in the process's gate.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Gate:
    def __init__(self, limit: int, wait: float):
        self._slots = threading.BoundedSemaphore(limit)
        self.wait = wait

    @contextmanager
    def turn(self) -> Iterator[bool]:
        """Hold one of the slots while the block runs; yields whether one was had in time."""
        had = self._slots.acquire(timeout=self.wait)
        try:
            yield had
        finally:
            if had:
                self._slots.release()


PAGE_RUNS = Gate(limit=max(2, os.cpu_count() or 1), wait=10.0)
