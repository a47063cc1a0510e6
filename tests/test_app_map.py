"""AppTest: the map page — renders with layers, counts follow filters, selection → place filter."""

import json

import pytest

from components import place_events
from components.html import esc
from components.i18n import t
from components.mapview import selected_place
from tests.test_app_helpers import (
    assert_no_raw_keys,
    expected_counts,
    filtered,
    index,
    run_page,
    shown_counts,
)


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_renders_in_each_language(lang):
    at = run_page("map", {"lang": lang})
    assert not at.exception
    assert at.title[0].value == t("nav.map", lang)
    assert_no_raw_keys(at)


def test_deck_has_layers_and_no_tiles():
    at = run_page("map", {"lang": "en"})
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    ids = {layer["id"] for layer in deck["layers"]}
    assert {"countries", "regions", "areas", "borders", "markers", "event-areas", "arcs"} <= ids
    assert deck.get("mapStyle") == "__MAP_STYLE__"  # Streamlit adds no basemap tiles


@pytest.mark.parametrize("params", [{"place": "kidal-region"}, {"year": "2025", "actor": "DZA"}])
def test_counts_match_run_query(params):
    at = run_page("map", {"lang": "en", **params})
    assert not at.exception
    assert shown_counts(at) == expected_counts(params)


def test_region_selection_maps_to_place_id():
    selection = {"indices": {"regions": [3]}, "objects": {"regions": [
        {"type": "Feature", "properties": {"id": "MLI-kidal", "place_id": "kidal-region"}}]}}
    assert selected_place(selection) == "kidal-region"


def test_bogus_parameter_warns():
    at = run_page("map", {"lang": "en", "place": "x" * 10_000})
    assert not at.exception
    assert at.warning


def _deck(at) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def _layer(spec: dict, layer_id: str) -> dict:
    return next(layer for layer in spec["layers"] if layer["id"] == layer_id)


def test_country_level_events_are_outlined_not_shaded():
    spec = _deck(run_page("map", {"lang": "en"}))
    countries = _layer(spec, "event-countries")
    assert countries["data"] and countries["filled"] is False  # nothing to pick inside the country
    assert all(index().corpus.places[f["properties"]["place_id"]].kind == "country" for f in countries["data"])
    areas = _layer(spec, "event-areas")["data"]
    assert areas and all(index().corpus.places[f["properties"]["place_id"]].kind != "country" for f in areas)
    assert all(f["properties"]["fill"][3] > 0 for f in areas)


def test_kidal_highlight_is_not_a_quad_colour():
    from components import mapview
    from corpus import plover

    assert mapview.KIDAL_COLOUR not in plover.QUAD_COLOURS.values()


@pytest.mark.parametrize("lang, name", [("en", "Kidal"), ("fr", "Kidal")])
def test_the_map_names_the_places_readers_look_for(lang, name):
    labels = _layer(_deck(run_page("map", {"lang": lang})), "labels")["data"]
    assert name in {row["text"] for row in labels} and len(labels) >= 12


def test_an_empty_selection_says_so():
    at = run_page("map", {"lang": "en", "q": "no-such-words-anywhere"})
    assert not at.exception
    assert any(i.value == t("empty.events", "en") for i in at.info)


def test_a_selected_place_lists_its_events_and_each_opens_its_detail():
    """A click on a point sets the place filter (selected_place → set_places, above); its events
    are listed under the map, newest first, and "Open" shows one's detail, as ?event=ID does."""
    params = {"lang": "en", "place": "kidal-region"}
    events = filtered(params).events
    assert 0 < len(events) <= place_events.MAX_LISTED, "the curated Kidal events must fit the list"
    at = run_page("map", params)
    assert not at.exception
    name = index().corpus.places["kidal-region"].name("en")
    assert t("map.events_at", "en", place=name, n=len(events)) in [s.value for s in at.subheader]
    keys = [b.key for b in at.button if str(b.key).startswith("map_open_")]
    assert keys == [f"map_open_{i}" for i in events["id"][::-1]]
    newest = events.iloc[-1]
    assert t("item.linked", "en") not in [s.value for s in at.subheader]
    at.button(key=f"map_open_{newest['id']}").click().run()
    assert not at.exception
    assert at.query_params["event"] == newest["id"]
    headings = [s.value for s in at.subheader]
    assert headings.index(t("item.linked", "en")) < headings.index(t("map.events_at", "en", place=name, n=len(events)))
    assert esc(newest["text"]) in "\n".join(h.proto.body for h in at.get("html"))  # its evidence


def test_no_place_selected_lists_nothing():
    at = run_page("map", {"lang": "en", "year": "2025"})
    assert not [b for b in at.button if str(b.key).startswith("map_open_")]
