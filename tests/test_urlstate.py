import pytest

from corpus.query import Filters
from corpus.urlstate import Vocabulary, filters_to_params, parse_filters

VOCAB = Vocabulary(actors={"DZA", "MLI"}, places={"kidal", "bamako"}, articles={"a1"}, years=(2006, 2025))


@pytest.mark.parametrize(
    ("params", "expected", "warned"),
    [
        ({}, Filters(), []),
        ({"year": "2025"}, Filters(year_min=2025, year_max=2025), []),
        ({"year": "2010-2025"}, Filters(year_min=2010, year_max=2025), []),
        ({"year": "2025-2010"}, Filters(year_min=2010, year_max=2025), ["year"]),
        ({"year": "abc"}, Filters(), ["year"]),
        ({"year": "1900"}, Filters(), ["year"]),
        ({"year": "2000-2030"}, Filters(year_min=2006, year_max=2025), []),
        ({"actor": "DZA,BOGUS"}, Filters(actors=("DZA",)), ["actor"]),
        ({"actor": ["DZA", "MLI", "DZA"]}, Filters(actors=("DZA", "MLI")), []),
        ({"type": "aid,nope"}, Filters(event_types=("AID",)), ["type"]),
        ({"quad": "verbal_conflict"}, Filters(quads=("verbal_conflict",)), []),
        ({"place": "kidal"}, Filters(places=("kidal",)), []),
        ({"article": "zz"}, Filters(), ["article"]),
        ({"q": "  باماكو "}, Filters(text="باماكو"), []),
        ({"q": "x" * 10_000}, Filters(), ["q"]),
        ({"proposed": "1"}, Filters(include_proposed=True), []),
        ({"proposed": "<script>"}, Filters(), []),
    ],
)
def test_parse_filters(params, expected, warned):
    filters, warnings = parse_filters(params, VOCAB)
    assert filters == expected
    assert [w.key for w in warnings] == warned
    assert all(len(w.value) <= 80 for w in warnings)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(year_min=2010, year_max=2025, actors=("DZA", "MLI"), text="باماكو"),
        Filters(year_min=2025, year_max=2025, event_types=("AID",), places=("kidal",), include_proposed=True),
        Filters(quads=("verbal_conflict",), articles=("a1",)),
    ],
)
def test_params_roundtrip(filters):
    assert parse_filters(filters_to_params(filters), VOCAB) == (filters, [])


def test_warning_names_what_was_ignored():
    _, warnings = parse_filters({"actor": "<b>X</b>"}, VOCAB)
    assert str(warnings[0]) == "actor=<b>X</b>: unknown, ignored"
