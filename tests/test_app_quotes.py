"""AppTest: the quote cards — exactly the filtered quotes, direction per quote language."""

import re

import pytest

from components.i18n import t
from tests.test_app_helpers import (
    assert_no_raw_keys,
    expected_counts,
    index,
    run_page,
    shown_counts,
)

CARD = re.compile(r'<div class="atlas-quote" dir="(rtl|ltr)" lang="([a-z]+)" data-quote-id="([^"]+)"')


def _cards(at):
    return [m.groups() for el in at.get("html") for m in CARD.finditer(el.proto.body)]


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_renders_in_each_language(lang):
    at = run_page("quotes", {"lang": lang})
    assert not at.exception
    assert at.title[0].value == t("nav.quotes", lang)
    assert_no_raw_keys(at)


@pytest.mark.parametrize("params", [{}, {"year": "2025", "actor": "DZA"}, {"q": "الجزائر"}])
def test_cards_are_exactly_the_filtered_quotes(params):
    at = run_page("quotes", {"lang": "en", **params})
    assert not at.exception
    assert shown_counts(at) == expected_counts(params)
    cards = _cards(at)
    assert len(cards) == min(200, expected_counts(params)[2])
    for direction, language, quote_id in cards:
        quote = index().corpus.quotes[quote_id]
        assert language == quote.language
        assert direction == ("rtl" if quote.language == "ar" else "ltr")


def test_group_by_speaker():
    at = run_page("quotes", {"lang": "ar"})
    at.radio(key="quotes_mode").set_value("speaker").run()
    assert not at.exception
    assert len(at.subheader) >= 1
