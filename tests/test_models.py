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


def _actor(aid, kind, affiliation=None):
    from corpus.models import Actor

    return Actor(aid, kind, aid, aid, aid, affiliation=affiliation)


ACTORS = {a.id: a for a in [
    _actor("MLI", "state"), _actor("mali-gov", "state_body", "MLI"), _actor("minister-x", "person", "mali-gov"),
    _actor("rebels", "armed_group"), _actor("leader-y", "person", "rebels"), _actor("UN", "igo"),
    _actor("MINUSMA", "igo", "UN"), _actor("loner", "person"), _actor("dangling", "person", "GHOST-BODY"),
    _actor("cycle-a", "other", "cycle-b"), _actor("cycle-b", "other", "cycle-a"),
    _actor("ALG", "state", "UN"),
]}


@pytest.mark.parametrize(
    ("actor_id", "root"),
    [("MLI", "MLI"), ("mali-gov", "MLI"), ("minister-x", "MLI"), ("leader-y", "rebels"),
     ("MINUSMA", "UN"), ("loner", "loner"), ("unknown-id", "unknown-id"), ("dangling", "GHOST-BODY"),
     ("cycle-a", "cycle-a"), ("ALG", "ALG")],
)
def test_affiliation_root_follows_records_never_the_id_spelling(actor_id, root):
    from corpus.models import affiliation_root
    from corpus.query import state_of

    assert affiliation_root(actor_id, ACTORS) == root
    if actor_id in ACTORS:
        assert state_of(ACTORS)[actor_id] == root


@pytest.mark.parametrize(
    ("text", "digest"),
    [("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
     ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")],
)
def test_text_sha256_is_the_sha256_of_the_utf8_bytes(text, digest):
    from corpus.models import text_sha256

    assert text_sha256(text) == digest


def test_item_and_its_kinds_are_domain_types_the_store_reuses():
    import corpus.store
    from corpus.models import ITEM_KINDS, Item
    from corpus.store import repository

    assert corpus.store.Item is Item and repository.ITEM_KINDS is ITEM_KINDS
    assert Item("date", 0, 4, "2024").content() == (0, 4, "2024", {})
