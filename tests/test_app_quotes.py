"""AppTest: the quote cards — exactly the filtered quotes, direction per quote language."""

import html
import re
from urllib.parse import parse_qs

import pytest

from components import cards
from components.i18n import ltr, t
from tests.test_app_helpers import (
    assert_no_raw_keys,
    expected_counts,
    filtered,
    index,
    markdown_plain,
    quotes,
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
    shown = _cards(at)
    assert len(shown) == min(cards.QUOTES_PAGE_SIZE, expected_counts(params)[2])
    languages = dict(zip(index().quotes["id"], index().quotes["language"].astype(object), strict=True))
    for direction, language, quote_id in shown:
        assert language == languages[quote_id]
        assert direction == ("rtl" if language == "ar" else "ltr")


def test_group_by_speaker():
    at = run_page("quotes", {"lang": "ar"})
    at.radio(key="quotes_mode").set_value("speaker").run()
    assert not at.exception
    corpus = index().corpus

    def name(speaker):
        return corpus.actors[speaker].name("ar") if isinstance(speaker, str) else t("quotes.unknown_speaker", "ar")

    ordered = sorted(filtered({}).quotes[["id", "speaker"]].to_dict("records"), key=lambda q: name(q["speaker"]).casefold())
    page = ordered[:cards.QUOTES_PAGE_SIZE]
    assert [q for _, _, q in _cards(at)] == [q["id"] for q in page]  # the first page, whole groups in name order
    heads = [name(q["speaker"]) for i, q in enumerate(page) if i == 0 or q["speaker"] != page[i - 1]["speaker"]]
    shown = [markdown_plain(h.value) for h in at.main.subheader]
    assert len(heads) > 1 and shown == [*heads, t("export.header", "ar")]


def _range(at) -> str:
    return [c.value for c in at.main.caption][-1]


def test_paging_shows_every_quote_once_with_its_range(monkeypatch):
    monkeypatch.setattr(cards, "QUOTES_PAGE_SIZE", 10)
    at = run_page("quotes", {"lang": "en"})
    assert not at.exception
    total = expected_counts({})[2]
    pages = -(-total // 10)
    assert total > 10 and at.selectbox(key="quotes_page").options == [
        t("count.quotes", "en", shown=ltr(f"{i * 10 + 1}–{min(total, i * 10 + 10)}"), total=total) for i in range(pages)]
    seen = [q for _, _, q in _cards(at)]
    assert len(seen) == 10 and _range(at) == t("count.quotes", "en", shown=ltr("1–10"), total=total)
    at.button(key="quotes_next").click().run()
    assert at.session_state["quotes_page"] == 1
    seen += [q for _, _, q in _cards(at)]
    for number in range(2, pages):
        at.selectbox(key="quotes_page").set_value(number).run()
        assert not at.exception
        seen += [q for _, _, q in _cards(at)]
    assert _range(at) == t("count.quotes", "en", shown=ltr(f"{(pages - 1) * 10 + 1}–{total}"), total=total)
    assert sorted(seen) == sorted(index().quotes.loc[index().quotes["status"].isin(("accepted", "edited")), "id"])
    # A filter change goes back to the first page.
    at.multiselect(key="f_quad").set_value(["verbal_conflict"]).run()
    assert at.session_state["quotes_page"] == 0


def test_grouped_by_speaker_pages_keep_speakers_together(monkeypatch):
    monkeypatch.setattr(cards, "QUOTES_PAGE_SIZE", 10)
    at = run_page("quotes", {"lang": "en"})
    at.radio(key="quotes_mode").set_value("speaker").run()
    assert not at.exception
    speakers = lambda: [markdown_plain(h.value) for h in at.main.subheader if h.value != t("export.header", "en")]  # noqa: E731
    first = speakers()
    at.button(key="quotes_next").click().run()
    second = speakers()
    assert first == sorted(first, key=str.casefold) and second == sorted(second, key=str.casefold)
    assert first[-1].casefold() <= second[0].casefold()


def test_page_and_order_are_in_the_url_and_a_link_reopens_them(monkeypatch):
    monkeypatch.setattr(cards, "QUOTES_PAGE_SIZE", 10)
    at = run_page("quotes", {"lang": "en"})
    assert "qpage" not in at.query_params and "qsort" not in at.query_params  # defaults stay out
    at.radio(key="quotes_mode").set_value("speaker").run()
    at.button(key="quotes_next").click().run()
    assert at.query_params.get("qpage") in ("2", ["2"]) and at.query_params.get("qsort") in ("speaker", ["speaker"])
    first_cards = [q for _, _, q in _cards(at)]
    # A colleague opens the link: same order, same page, same cards.
    again = run_page("quotes", {"lang": "en", "qsort": "speaker", "qpage": "2"})
    assert not again.exception and not again.warning
    assert again.session_state["quotes_page"] == 1 and again.radio(key="quotes_mode").value == "speaker"
    assert [q for _, _, q in _cards(again)] == first_cards
    # Other pages do not carry the quotes' paging.
    other = run_page("overview", {"lang": "en", "qpage": "2"})
    assert "qpage" not in other.query_params and not other.warning


@pytest.mark.parametrize("params, shown", [({"qpage": "abc"}, "qpage=abc"), ({"qpage": "999"}, "qpage=999"),
                                           ({"qpage": "0"}, "qpage=0"), ({"qsort": "<b>x"}, "qsort=<b>x")])
def test_bogus_paging_parameters_warn_and_show_the_first_page(params, shown):
    at = run_page("quotes", {"lang": "en", **params})
    assert not at.exception
    assert any(shown in markdown_plain(w.value) for w in at.warning)
    assert at.session_state["quotes_page"] == 0 and _cards(at)
    assert "qpage" not in at.query_params


READER_LINK = re.compile(r'href="\./sources\?([^"]+)"')


def test_open_in_the_reader_keeps_the_filters_and_language():
    at = run_page("quotes", {"lang": "ar", "year": "2025", "actor": "DZA"})
    assert not at.exception
    links = [html.unescape(m) for el in at.get("html") for m in READER_LINK.findall(el.proto.body)]
    assert links, "every card links to its sentence in the reader"
    for query in links:
        params = parse_qs(query)
        assert params["lang"] == ["ar"] and params["year"] == ["2025"] and params["actor"] == ["DZA"]
        quote_article, span = params["article"][0], params["span"][0]
        assert quote_article in index().corpus.articles and re.fullmatch(r"\d+-\d+", span)



COPY = re.compile(r'<button type="button" class="atlas-copy" data-citation="([^"]*)"')


def _citations(at) -> list[str]:
    """The citations the cards' copy buttons hold (as the browser reads the attribute)."""
    return [html.unescape(m) for el in at.get("html") for m in COPY.findall(el.proto.body)]


@pytest.mark.parametrize("lang, translated", [("en", True), ("fr", True), ("ar", False)])
def test_citations_say_when_the_title_is_the_atlas_translation(lang, translated):
    at = run_page("quotes", {"lang": lang, "year": "2025"})
    citations = _citations(at)
    assert citations and len(citations) == len(_cards(at))
    note = t("quotes.title_translated", lang)
    arabic_articles = {a.id for a in index().corpus.articles.values() if a.language == "ar"}
    for text in citations:
        article_id = text.rsplit(", ", 1)[-1].split(":")[0]
        assert (note in text) == (translated and article_id in arabic_articles)


def _card_of(at, quote_id: str) -> str:
    bodies = [el.proto.body for el in at.get("html") if f'data-quote-id="{quote_id}"' in el.proto.body]
    assert len(bodies) == 1, quote_id
    return bodies[0]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_curated_quote_shows_the_atlas_translation_under_it(lang):
    at = run_page("quotes", {"lang": lang})
    assert not at.exception
    quote = quotes()["q-001-03"]  # Attaf: "the military solution is impossible…"
    body = _card_of(at, quote.id)
    gloss = html.escape(getattr(quote, f"gloss_{lang}"), quote=True)
    assert body.index(html.escape(quote.text)) < body.index(gloss)  # the verbatim text comes first
    assert f'<div class="atlas-gloss" dir="ltr" lang="{lang}"><span class="atlas-gloss-label">' \
           f'{html.escape(t("quotes.gloss_label", lang))}</span> {gloss}</div>' in body


def test_the_arabic_interface_shows_no_gloss_of_an_arabic_quote_but_the_french_quote_s():
    at = run_page("quotes", {"lang": "ar"})
    assert not at.exception
    arabic = _card_of(at, "q-001-03")
    assert "atlas-gloss" not in arabic and quotes()["q-001-03"].gloss_en not in arabic
    french = _card_of(at, "q-003-05")
    assert html.escape(quotes()["q-003-05"].gloss_ar) in french and 'class="atlas-gloss" dir="rtl" lang="ar"' in french


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_fragment_is_shown_inside_its_sentence_with_the_words_marked(lang):
    at = run_page("quotes", {"lang": lang})
    quote = quotes()["q-001-05"]  # the fragment التواطؤ ("collusion")
    assert quote.kind == "fragment"
    body = _card_of(at, quote.id)
    text = index().corpus.articles[quote.article_id].text
    sentence = "اتهمت فيه الجزائر بـ”التواطؤ” مع الجماعات الإرهابية"
    assert sentence in text
    assert html.escape("اتهمت فيه الجزائر بـ”") + '<mark class="atlas-fragment">التواطؤ</mark>' \
        + html.escape("” مع الجماعات الإرهابية") in body
    direct = _card_of(at, "q-001-03")  # a direct quote stays alone, unmarked
    assert "<mark" not in direct


def test_each_card_holds_its_citation_with_the_gloss_in_english():
    at = run_page("quotes", {"lang": "en"})
    quote = quotes()["q-001-03"]
    cited = [c for c in _citations(at) if c.endswith(f"{quote.article_id}:{quote.start}-{quote.end}")]
    assert len(cited) == 1
    assert f"“{quote.text}” [{t('quotes.gloss_label', 'en')}: “{quote.gloss_en}”]" in cited[0]
    assert not at.expander and not [c for c in at.code if "“" in c.value]  # a button per card, no expander


def test_the_range_of_cards_reads_first_to_last_in_arabic():
    at = run_page("quotes", {"lang": "ar"})
    total = len(filtered({}).quotes)
    assert t("count.quotes", "ar", shown=ltr(f"1–{min(total, 50)}"), total=total) in [c.value for c in at.caption]
