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
        ({"proposed": "<script>"}, Filters(), ["proposed"]),
        ({"proposed": "no"}, Filters(), []),
        ({"proposed": " Yes "}, Filters(include_proposed=True), []),
        ({"actor": "dza,Mli"}, Filters(actors=("DZA", "MLI")), ["actor", "actor"]),  # corrected, not ignored
        ({"place": "KIDAL,kidal"}, Filters(places=("kidal",)), ["place"]),
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


@pytest.mark.parametrize(("params", "expected", "warned"), [
    ({"from": "2024-12-01", "to": "2025-01-31"}, ("2024-12-01", "2025-01-31"), []),
    ({"from": "2024-12-01"}, ("2024-12-01", None), []),
    ({"to": " 2025-01-31 "}, (None, "2025-01-31"), []),
    ({"from": "2025-02-30"}, (None, None), ["from"]),  # not a calendar day
    ({"from": "1/2/2025", "to": "2025-1-5"}, (None, None), ["from", "to"]),
    ({"from": "2025-01-31", "to": "2024-12-01"}, ("2024-12-01", "2025-01-31"), ["from"]),
])
def test_parse_day_range(params, expected, warned):
    filters, warnings = parse_filters(params, VOCAB)
    assert (filters.date_from, filters.date_to) == expected
    assert [w.key for w in warnings] == warned


def test_reversed_day_range_is_a_correction_not_an_omission():
    _, warnings = parse_filters({"from": "2025-01-31", "to": "2024-12-01"}, VOCAB)
    assert warnings[0].corrected and "2024-12-01..2025-01-31" in warnings[0].reason


def test_day_range_roundtrip():
    filters = Filters(date_from="2024-12-01", date_to="2025-01-31")
    assert filters_to_params(filters) == {"from": "2024-12-01", "to": "2025-01-31"}
    assert parse_filters(filters_to_params(filters), VOCAB) == (filters, [])


def test_every_id_filter_of_the_table_is_parsed_written_and_has_a_widget():
    import dataclasses

    from components.filters import id_choices
    from corpus.filterspec import ID_FILTERS
    from corpus.loader import load_corpus

    scalar = {"year_min", "year_max", "date_from", "date_to", "text", "include_proposed"}
    assert {f.name for f in dataclasses.fields(Filters)} == scalar | {spec.field for spec in ID_FILTERS}
    assert set(id_choices(load_corpus(), "en")) == {spec.key for spec in ID_FILTERS}
    for spec in ID_FILTERS:
        known = sorted(getattr(VOCAB, spec.vocabulary))[0]
        url_value = known.lower() if spec.upper else known
        filters, warnings = parse_filters({spec.key: f"{url_value},bogus-id"}, VOCAB)
        assert getattr(filters, spec.field) == (known,) and [w.key for w in warnings] == [spec.key]
        assert filters_to_params(filters) == {spec.key: known}


def test_an_id_in_the_wrong_letter_case_is_a_correction_not_an_omission():
    filters, warnings = parse_filters({"actor": "dza"}, VOCAB)
    assert filters.actors == ("DZA",)
    assert [(w.key, w.value, w.corrected) for w in warnings] == [("actor", "dza", True)]
