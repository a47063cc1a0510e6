"""components/cards.py: a fragment's sentence around it, the gloss for the interface language."""

from types import SimpleNamespace

import pytest

from components.cards import fragment_context, gloss_of
from components.i18n import t


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def test_a_fragment_gets_the_rest_of_its_sentence_only():
    text = "جملة أولى. وصف الوزير التعاون بـ”المشكلة” في حديثه. جملة ثالثة."
    before, after = fragment_context(text, *_span(text, "المشكلة"))
    assert (before, after) == ("وصف الوزير التعاون بـ”", "” في حديثه.")


def test_a_fragment_ending_its_sentence_keeps_only_its_closing_mark():
    text = 'قال: "كلام." جملة أخرى.'
    assert fragment_context(text, *_span(text, "كلام.")) == ('قال: "', '"')


def test_a_sentence_without_full_stops_is_cut_at_a_word_near_the_limit():
    words = " ".join(f"كلمة{i}" for i in range(200))
    text = words + ' "هنا" ' + words
    before, after = fragment_context(text, *_span(text, "هنا"), limit=50)
    assert before.startswith("…") and after.endswith("…")
    assert len(before) <= 51 and len(after) <= 51
    assert before[1:] == text[text.index(before[1:]):text.index("هنا")]  # whole words, unchanged
    assert before[1].startswith("ك") and after[-2].isdigit()


def _ctx(lang):
    return SimpleNamespace(lang=lang, t=lambda key: t(key, lang))


ROW = {"language": "ar", "gloss_en": "A gloss", "gloss_fr": "Une glose", "gloss_ar": None}


@pytest.mark.parametrize("lang, row, expected", [
    ("en", ROW, ("A gloss", "quotes.gloss_label")),
    ("fr", ROW, ("Une glose", "quotes.gloss_label")),
    ("ar", ROW, (None, None)),  # an Arabic quote in the Arabic interface: no gloss line
    ("en", {"language": "ar", "gloss_en": None}, (None, "quotes.no_gloss")),
    ("en", {"language": "ar", "gloss_en": "  "}, (None, "quotes.no_gloss")),
    ("ar", {"language": "fr", "gloss_ar": "ترجمة"}, ("ترجمة", "quotes.gloss_label")),
    ("fr", {"language": "fr", "gloss_en": "x"}, (None, None)),
])
def test_gloss_for_the_interface_language(lang, row, expected):
    gloss, label_key = expected
    assert gloss_of(_ctx(lang), row) == (gloss, t(label_key, lang) if label_key else None)
