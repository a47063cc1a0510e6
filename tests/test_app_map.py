"""AppTest: the map page — renders with layers, counts follow filters, selection → place filter."""

import json

import pytest

from components.i18n import t
from components.mapview import selected_place
from tests.test_app_helpers import assert_no_raw_keys, expected_counts, run_page, shown_counts


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
