"""geo/labels.py: the places a reader looks for are named, shaped, inside the default view and
never on top of each other there."""

import itertools

import pytest

from components.mapview import VIEW
from corpus.loader import load_corpus
from geo.labels import label_box, map_labels, overlaps, project, shape

PLACES = load_corpus().places
MAP_WIDTH, MAP_HEIGHT = 900, 620  # the map's size in a 1400 px window with the sidebar open
WANTED = {"Kidal", "Tessalit", "Aguelhok", "Tinzaouaten", "Gao", "Timbuktu", "Ménaka", "Bamako", "Algiers",
          "Tamanrasset", "Bordj Badji Mokhtar", "In Guezzam"}


def test_the_places_readers_look_for_are_labelled():
    named = {PLACES[label.place_id].name_en for label in map_labels(PLACES, "en")}
    assert {n.split(" (")[0] for n in named} >= WANTED


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_labels_do_not_overlap_at_the_default_zoom(lang):
    labels = map_labels(PLACES, lang)
    boxes = {label.place_id: label_box(label, VIEW.zoom, lang) for label in labels}
    clashes = [(a, b) for a, b in itertools.combinations(boxes, 2) if overlaps(boxes[a], boxes[b])]
    assert not clashes


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_labels_are_inside_the_default_view(lang):
    cx, cy = project(VIEW.longitude, VIEW.latitude, VIEW.zoom)
    view = (cx - MAP_WIDTH / 2, cy - MAP_HEIGHT / 2, cx + MAP_WIDTH / 2, cy + MAP_HEIGHT / 2)
    for label in map_labels(PLACES, lang):
        left, top, right, bottom = label_box(label, VIEW.zoom, lang)
        assert view[0] <= left and right <= view[2] and view[1] <= top and bottom <= view[3], label.place_id


def test_arabic_is_shaped_for_a_renderer_without_shaping():
    drawn = shape("كيدال", "ar")
    assert drawn != "كيدال" and all("\ufe70" <= ch <= "\ufeff" for ch in drawn)  # presentation forms
    assert shape("Kidal", "en") == "Kidal"
