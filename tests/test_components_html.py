"""components/html.py: every builder escapes data; fixed markup only."""

import pytest

from components.html import (
    Mark,
    QuoteCard,
    article_html,
    bdi,
    esc,
    evidence_block,
    key_event,
    legend,
    link,
    query_href,
    quote_card,
    style_block,
    token,
)

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&'


def _no_raw(html: str) -> None:
    assert "<script>" not in html and "<img" not in html and "onerror=alert(1)>" not in html


def _card(**over):
    base = dict(quote_id=EVIL, text=EVIL, language="ar", kind=EVIL, kind_label=EVIL, speaker=EVIL,
                speaker_role=EVIL, speaker_affiliation=EVIL, date_label=EVIL, source_label=EVIL,
                source_href=query_href("sources", {"article": EVIL, "span": "1-2"}), source_link_label=EVIL, ui_lang="en")
    base.update(over)
    return QuoteCard(**base)


def test_quote_card_escapes_everything():
    html = quote_card(_card())
    _no_raw(html)
    assert "&lt;script&gt;" in html
    assert 'class="atlas-badge atlas-badge-x"' in html  # an unsafe kind becomes a fixed token


@pytest.mark.parametrize("language, direction", [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_quote_card_keeps_quote_direction(language, direction):
    html = quote_card(_card(language=language, ui_lang="ar"))
    assert html.startswith(f'<div class="atlas-quote" dir="{direction}" lang="{language}"')
    assert '<div class="atlas-quote-head" dir="rtl">' in html  # interface direction for the labels


def test_bdi_and_link_escape():
    assert bdi(EVIL).startswith("<bdi>&lt;script")
    html = link('javascript:"><script>', EVIL)
    _no_raw(html)
    assert 'href="javascript:&quot;&gt;&lt;script&gt;"' in html


def test_query_href_rejects_odd_page_names():
    assert query_href("../../evil", {"a": "1"}) == "./?a=1"
    assert query_href("sources", {"article": "a&b"}) == "./sources?article=a%26b"


def test_article_html_nests_and_escapes():
    text = "abc <b>def</b> ghi"
    html = article_html(text, "fr", [Mark(0, 7, "event", EVIL), Mark(4, 10, "place", "p")], target=(4, 7))
    _no_raw(html)
    assert "&lt;b&gt;" in html
    assert html.count('id="atlas-target"') == 1
    assert 'class="hl-event hl-place hl-target"' in html
    assert html.startswith('<div class="atlas-article" dir="ltr" lang="fr">')


def test_article_html_ignores_bad_spans():
    html = article_html("abc", "ar", [Mark(2, 99, "event"), Mark(-1, 2, "quote")], target=(5, 9))
    assert html == '<div class="atlas-article" dir="rtl" lang="ar">abc</div>'


def test_other_builders_escape():
    for html in (legend([((1, 2, 3), EVIL)], [EVIL]), key_event(EVIL, EVIL, EVIL, EVIL, "ar"),
                 evidence_block(EVIL, EVIL, EVIL, "ar", "./sources?a=1", EVIL, "fr")):
        _no_raw(html)


def test_token_and_esc():
    assert token("direct") == "direct" and token("a b") == "x" and token(None) == "x"
    assert esc(None) == "" and esc("<") == "&lt;"


def test_style_block_is_fixed_markup():
    assert "direction:rtl" in style_block(True) and "direction:rtl" not in style_block(False)
