"""Spans [start, end) asked "does one of them reach from at or before `lo` to at least `hi`?"
(is this position quoted, is this quotation a known name) by bisection instead of a scan."""

from __future__ import annotations

import bisect
from itertools import accumulate


class Cover:
    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))  # the farthest end so far

    def reaches(self, lo: int, hi: int) -> bool:
        """Is there a span with start <= lo and end >= hi?"""
        k = bisect.bisect_right(self.starts, lo)
        return k > 0 and self.reach[k - 1] >= hi
