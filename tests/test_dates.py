import datetime as dt

import pytest

from corpus.dates import (
    PRECISION_CODES,
    PRECISION_NAMES,
    date_problem,
    date_range,
    parse_partial,
    partial_problem,
    precision_code,
    precision_of,
)


@pytest.mark.parametrize(
    ("value", "precision", "start", "end"),
    [
        ("2010-02-23", 1, "2010-02-23", "2010-02-23"),
        ("2010-02-23", 2, "2010-02-23", "2010-02-28"),
        ("2010-02-23", 3, "2010-02-23", "2010-03-01"),
        ("2024-02", 4, "2024-02-01", "2024-02-29"),
        ("2015", 5, "2015-01-01", "2015-12-31"),
    ],
)
def test_date_range(value, precision, start, end):
    assert date_range(value, precision) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize(
    ("value", "precision", "ok"),
    [("2010-02-23", 1, True), ("2010-02", 4, True), ("2010", 5, True), ("2010-13", 4, False),
     ("2010-02", 1, False), ("2010", 0, False), (None, 5, False), ("2009-02-29", 1, False)],
)
def test_date_problem(value, precision, ok):
    assert (date_problem(value, precision) is None) is ok


@pytest.mark.parametrize(
    ("value", "precision"),
    [("2010-02-23", 1), ("2010-02", 4), ("2010", 5), ("2010-02-30", 1), ("2010/02/23", None),
     ("10-02-23", None), ("", None), (None, None), (2010, None), ("2010-2-3", None)],
)
def test_precision_of(value, precision):
    assert precision_of(value) == precision


@pytest.mark.parametrize(
    ("value", "code"),
    [("day", 1), ("days", 2), ("week", 3), ("month", 4), ("year", 5), (" Month ", 4), ("4", 4),
     (5, 5), (1.0, 1), ("unknown", None), (None, None), (float("nan"), None)],
)
def test_precision_code(value, code):
    assert precision_code(value) == code


def test_precision_names_and_codes_are_one_table():
    assert {PRECISION_CODES[name] for name in PRECISION_NAMES.values()} == set(PRECISION_NAMES)
    assert [PRECISION_NAMES[c] for c in (1, 4, 5)] == ["day", "month", "year"]


@pytest.mark.parametrize(
    ("value", "precision", "start"),
    [("2010-02-23", 1, "2010-02-23"), ("2024-02", 4, "2024-02-01"), ("2015", 5, "2015-01-01")],
)
def test_parse_partial(value, precision, start):
    parsed = parse_partial(value)
    assert (parsed.value, parsed.precision, parsed.start) == (value, precision, dt.date.fromisoformat(start))
    assert partial_problem(value) is None


@pytest.mark.parametrize(
    ("value", "reason"),
    [("2009-02-29", "invalid date '2009-02-29'"), ("2010-13", "invalid date '2010-13'"),
     ("05/01/2024", "is not YYYY-MM-DD, YYYY-MM or YYYY"), (None, "is not YYYY-MM-DD")],
)
def test_parse_partial_rejects_with_the_reason(value, reason):
    with pytest.raises(ValueError, match=reason):
        parse_partial(value)
    assert reason in partial_problem(value)
