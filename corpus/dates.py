"""Partial ISO dates with UCDP-style precision codes (1 day … 5 year).

The one place for: the precision codes and their names (`PRECISION_NAMES`, `precision_code`),
the natural precision of a partial ISO string (`precision_of`), and parsing one
(`parse_partial`, `date_problem`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from types import MappingProxyType
from typing import Any, NamedTuple

PRECISION_NAMES = MappingProxyType({1: "day", 2: "days", 3: "week", 4: "month", 5: "year"})
PRECISION_CODES = MappingProxyType({name: code for code, name in PRECISION_NAMES.items()})
_PARTIAL = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_LENGTH_PRECISION = {10: 1, 7: 4, 4: 5}

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


def precision_of(value: object) -> int | None:
    """The natural precision of a partial ISO string by its shape: YYYY-MM-DD 1, YYYY-MM 4,
    YYYY 5; None for anything else (the calendar is not checked: see `parse_partial`)."""
    if not isinstance(value, str) or not _PARTIAL.fullmatch(value):
        return None
    return _LENGTH_PRECISION[len(value)]


def precision_code(value: Any) -> int | None:
    """1–5 from a code or its name ("day", "days", "week", "month", "year"); None otherwise."""
    if isinstance(value, str):
        return PRECISION_CODES.get(value.strip().lower()) or (int(value) if value.isdigit() else None)
    return int(value) if isinstance(value, int | float) and value == value else None


class PartialDate(NamedTuple):
    value: str
    precision: int
    start: dt.date


def parse_partial(value: object) -> PartialDate:
    """A partial ISO date (YYYY-MM-DD, YYYY-MM or YYYY) with its natural precision and first
    day; ValueError with the reason for anything else (a wrong shape, 2009-02-30)."""
    problem = partial_problem(value)
    if problem:
        raise ValueError(problem)
    return PartialDate(str(value), precision_of(value), parse_start(str(value)))


def partial_problem(value: object) -> str | None:
    """Why `value` is not a valid partial date at its natural precision, or None when it is."""
    precision = precision_of(value)
    if precision is None:
        return f"date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY"
    return date_problem(value, precision)
