import pytest

from corpus.models import Place, capital_places, place_states


def _place(pid, kind, country, lat=1.0, lon=2.0):
    return Place(pid, kind, pid, pid, pid, lat, lon, country)


PLACES = [
    _place("algeria", "country", "DZA"), _place("algiers", "capital", "DZA"),
    _place("mali", "country", "MLI"), _place("bamako", "capital", "MLI"),
    _place("bamako-old", "capital", "MLI"), _place("kidal", "town", "MLI"),
    _place("sahel", "natural_area", None), _place("nowhere", "capital", None),
]


@pytest.mark.parametrize(
    ("state", "capital"), [("DZA", "algiers"), ("MLI", "bamako"), ("NER", None)],
)
def test_capital_places_first_capital_of_each_state(state, capital):
    found = capital_places(PLACES).get(state)
    assert (found.id if found else None) == capital


@pytest.mark.parametrize(
    ("place_id", "state"),
    [("algeria", "DZA"), ("algiers", "DZA"), ("mali", "MLI"), ("bamako", "MLI"), ("kidal", None),
     ("sahel", None), ("nowhere", None)],
)
def test_place_states_countries_and_capitals_stand_for_their_state(place_id, state):
    assert place_states(PLACES).get(place_id) == state


def test_frames_capitals_use_the_one_capital_table():
    from components import frames

    places = {p.id: p for p in [*PLACES, _place("nocoords", "capital", "NER", None, None)]}
    assert frames.capitals(places) == {"DZA": (2.0, 1.0), "MLI": (2.0, 1.0)}
