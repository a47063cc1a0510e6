"""Partial ISO dates with UCDP-style precision codes (1 day … 5 year)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_SHAPES = {
    1: re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    2: re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    3: re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    4: re.compile(r"^\d{4}-\d{2}$"),
    5: re.compile(r"^\d{4}$"),
}
_SPAN_DAYS = {1: 1, 2: 6, 3: 7}


def date_problem(value: object, precision: object) -> str | None:
    """Why (value, precision) is not a valid partial date, or None when it is."""
    if precision not in _SHAPES:
        return f"invalid date precision {precision!r} (expected 1–5)"
    if not isinstance(value, str) or not _SHAPES[precision].match(value):
        return f"date {value!r} does not match precision {precision}"
    try:
        parse_start(value)
    except ValueError as err:
        return f"invalid date {value!r}: {err}"
    return None


def parse_start(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def date_range(value: str, precision: int) -> tuple[dt.date, dt.date]:
    """The first and last day covered by a partial date of the given precision."""
    start = parse_start(value)
    if precision in _SPAN_DAYS:
        return start, start + dt.timedelta(days=_SPAN_DAYS[precision] - 1)
    if precision == 4:
        last = calendar.monthrange(start.year, start.month)[1]
        return start, start.replace(day=last)
    return start, start.replace(month=12, day=31)


def year_of(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def precision_for(value: str) -> int:
    """The natural precision of a partial ISO string: day 1, month 4, year 5."""
    return {10: 1, 7: 4, 4: 5}[len(value)]
