"""Template summaries of machine-proposed events (corpus/summaries.py)."""

import pytest

from corpus import plover
from corpus.summaries import TEMPLATES, event_summary


def test_every_plover_type_has_a_template_in_three_languages():
    assert set(TEMPLATES) == set(plover.EVENT_TYPES)
    for forms in TEMPLATES.values():
        assert len(forms) == 3 and all("{a}" in f and "{b}" in f for f in forms)


@pytest.mark.parametrize("lang, expected", [
    ("en", "Algeria gives aid to Mali"), ("fr", "Algérie apporte une aide à Mali"), ("ar", "تقديم الجزائر مساعدة إلى مالي"),
])
def test_names_fill_the_template(lang, expected):
    names = {"en": ("Algeria", "Mali"), "fr": ("Algérie", "Mali"), "ar": ("الجزائر", "مالي")}[lang]
    assert event_summary("AID", *names, lang) == expected


def test_missing_actors_are_said_not_left_blank():
    assert event_summary("ASSAULT", "JNIM", None, "en") == "JNIM carries out an attack"
    assert event_summary("DISAPPROVE", None, "Mali", "fr") == "une partie non nommée critique ou accuse Mali"
    assert "ASSAULT" not in event_summary("ASSAULT", None, None, "ar")
