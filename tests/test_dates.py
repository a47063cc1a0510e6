import datetime as dt

import pytest

from corpus.dates import date_problem, date_range


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
