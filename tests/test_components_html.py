"""components/html.py: every builder escapes data; fixed markup only."""

import pytest
from markdown_it import MarkdownIt

from components.html import (
    Mark,
    QuoteCard,
    article_html,
    bdi,
    esc,
    evidence_block,
    http_url,
    key_event,
    legend,
    link,
    markdown_link,
    markdown_text,
    query_href,
    quote_card,
    style_block,
    token,
)
from tests.test_app_helpers import markdown_links, markdown_plain

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


def test_quote_card_escapes_the_sentence_gloss_and_citation():
    html = quote_card(_card(before=EVIL, after=EVIL, gloss=EVIL, gloss_label=EVIL, citation=EVIL,
                            copy_label=EVIL, copied_label=EVIL, copy_failed_label=EVIL))
    _no_raw(html)
    assert '<mark class="atlas-fragment">&lt;script&gt;' in html
    assert 'data-citation="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' in html  # cannot close the attribute


def test_quote_card_shows_the_gloss_under_the_verbatim_text_in_the_interface_direction():
    html = quote_card(_card(text="نص", gloss="A text", gloss_label="Translation by the atlas", ui_lang="en"))
    quote_at, gloss_at = html.index('<blockquote class="atlas-quote-text" dir="rtl"'), html.index('<div class="atlas-gloss"')
    assert quote_at < gloss_at and '<div class="atlas-gloss" dir="ltr" lang="en">' in html
    assert "Translation by the atlas</span> A text</div>" in html
    missing = quote_card(_card(gloss=None, gloss_label="No translation yet"))
    assert '<div class="atlas-gloss atlas-gloss-missing" dir="ltr" lang="en">No translation yet</div>' in missing
    assert "atlas-gloss" not in quote_card(_card(gloss=None, gloss_label=None))
    assert "atlas-copy" not in quote_card(_card())  # no citation, no button


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


# -- Markdown: values shown as text (issue 13, defect 8) ----------------------------------------

MARKDOWN_ATTACKS = [
    "[PHISH](https://evil.example/login)", "![t](https://evil.example/t.png)", "<https://evil.example>",
    "https://evil.example/x", "www.evil.example", "me@evil.example", "[x][ref]\n\n[ref]: https://evil.example",
    "**bold** _it_ ~~s~~ `code`", "# heading", "> quote", "- item", "1. item", "---", "| a | b |",
    ":red[alert] :material/home: $x^2$", "<img src=x onerror=alert(1)>", "a\\[b](https://evil.example)",
    "line\n\n[PHISH](https://evil.example)", "\u2028[P](https://evil.example)",
]


@pytest.mark.parametrize("value", MARKDOWN_ATTACKS)
def test_markdown_text_renders_as_the_same_text_without_links(value):
    escaped = markdown_text(value)
    assert markdown_links(f"Ignored: {escaped}") == []
    tokens = MarkdownIt("gfm-like", {"linkify": True}).parse(escaped)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]  # one plain paragraph
    assert {c.type for c in tokens[1].children} <= {"text"}
    flat = " ".join(value.replace("\u2028", " ").split())
    assert " ".join(markdown_plain(escaped).split()) == flat  # the reader sees the value itself


def test_markdown_text_of_plain_text_and_none():
    assert markdown_text("الجزائر ومالي") == "الجزائر ومالي"
    assert markdown_text(None) == ""
    assert markdown_text(12) == "12"


@pytest.mark.parametrize(("url", "target"), [
    ("https://news.example/a?b=c#d", "https://news.example/a?b=c#d"),
    ("http://news.example/article(1)", "http://news.example/article%281%29"),
    ("https://news.example/\u0645\u0642\u0627\u0644", "https://news.example/%D9%85%D9%82%D8%A7%D9%84"),
    ('https://news.example/a"><img', "https://news.example/a%22%3E%3Cimg"), ('https://news.example/a"> <img', None),
    ("javascript:alert(1)", None), ("data:text/html,x", None), ("ftp://news.example/", None),
    ("//news.example/a", None), ("/relative", None), ("https://", None), ("https://a b.example", None),
    ("https://user:pw@evil.example", None), ("https://news.example/\nx", None), (None, None), ("", None),
])
def test_http_url_accepts_only_absolute_http_links(url, target):
    assert http_url(url) == target


def test_markdown_link_only_for_a_valid_url():
    assert markdown_links(markdown_link("https://news.example/a(1)", "[x](https://evil.example)")) == \
        ["https://news.example/a%281%29"]
    assert markdown_links(markdown_link("javascript:alert(1)", "[x](https://evil.example)")) == []


# -- bidi controls (issue 13, defect 10) ---------------------------------------------------------

BIDI = "فاتورة\u202eexe.txt\u202c و\u2066x\u2069 \u202a\u202b\u202d\u2067\u2068"


def test_bidi_controls_never_reach_the_display():
    from components.html import display_text, esc, markdown_text
    from corpus.textcheck import BIDI_CONTROLS

    for shown in (display_text(BIDI), esc(BIDI), markdown_text(BIDI)):
        assert not BIDI_CONTROLS & set(shown), shown
    assert display_text(BIDI) == "فاتورةexe.txt وx "
    assert display_text("\u200fمالي\u200e") == "\u200fمالي\u200e"  # RLM/LRM are kept: not overrides
