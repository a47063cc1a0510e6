"""The brief (PDF) of a view: components/brief.py, brief_figures.py, brief_pdf.py.

The PDF is read back with pypdf. fpdf2 draws shaped glyphs in visual order and writes a
ToUnicode map from each glyph (contextual forms, lam-alef) back to the logical characters it
stands for, so extracted Arabic is ordinary letters, not presentation forms (checked below).
It does not write /ActualText, and pypdf rebuilds the order of a line itself: it reverses each
right-to-left run into logical order but keeps the runs of a mixed line (Arabic words and
Western digits) in their visual order. So a purely Arabic sentence (a quote) must come out in
logical order exactly, while for the Arabic counts line the numbers are accepted in either
order ("reversal detection"), the words checked separately. pypdf also moves a neutral mark
at the end of a right-to-left line (the final period, a comma before a line break) to its
start, so the quote is compared word by word with punctuation dropped: the words and their
order are checked, a reversed line would fail. Text is NFKC-normalised (a presentation form
would fold back to its letter) and bidi controls are dropped before comparing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from urllib.parse import urlencode

import pypdf
import pytest

from components import brief, brief_figures
from components.filters import counts_line
from components.layout import PageContext
from corpus.urlstate import filters_to_params
from tests.test_app_helpers import filtered, index

BASE = "https://atlas.example.org/map"
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# q-003-01: a direct Arabic quote of the seed corpus (article 003, 30 December 2024).
ARABIC_QUOTE = "الحل العسكري مستحيل في الساحل والصحراء، وخصوصًا في مالي، لأنه جُرّب ثلاث مرات في الماضي وفشل."


def context(lang: str, params: dict[str, str]) -> PageContext:
    result = filtered(params)
    return PageContext(lang, index(), _filters(params), result, {"lang": lang, **params})


def _filters(params):
    from corpus.urlstate import Vocabulary, parse_filters

    corpus = index().corpus
    vocab = Vocabulary(corpus.actors.keys(), corpus.places.keys(), corpus.articles.keys(), (2000, 2030))
    return parse_filters(params, vocab)[0]


def permalink(ctx: PageContext) -> str:
    return f"{BASE}?{urlencode({'lang': ctx.lang, **filters_to_params(ctx.filters)})}"


def geo_layers() -> dict:
    import geo

    return {"countries": geo.countries(), "admin1": geo.admin1(), "borders": geo.borders(), "areas": geo.areas()}


def build(ctx: PageContext) -> bytes:
    import geo

    return brief.brief_pdf(ctx, permalink(ctx), geo_layers(), geo.area_for, today=dt.date(2026, 1, 2))


def raw_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(BIDI_CONTROLS).split())


def words(text: str) -> str:
    """The words in order: letters, marks and digits, punctuation dropped."""
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in normalise(text))
    return " ".join(kept.split())


def links(pdf: bytes) -> set[str]:
    out = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                out.add(str(action["/URI"]))
    return out


VIEW = {"year": "2024-2025"}


@pytest.fixture(scope="module", params=["en", "fr", "ar"])
def made(request):
    ctx = context(request.param, VIEW)
    pdf = build(ctx)
    return ctx, pdf, raw_text(pdf)


def test_the_brief_is_a_pdf_in_the_interface_language(made):
    ctx, pdf, text = made
    assert pdf.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == ctx.lang
    for key in ("brief.key_events", "brief.key_quotes", "brief.map"):
        assert normalise(ctx.t(key)) in normalise(text)


def test_the_permalink_is_printed_and_clickable(made):
    ctx, pdf, text = made
    url = permalink(ctx)
    assert "year=2024-2025" in url
    assert url in "".join(text.split())  # a long link may wrap: compare without line breaks
    assert url in links(pdf)


def test_every_source_line_links_to_the_reader_at_its_span(made):
    ctx, pdf, _ = made
    entries = brief.event_entries(ctx, permalink(ctx))
    assert entries
    targets = links(pdf)
    for entry in entries:
        assert entry.href.startswith("https://atlas.example.org/sources?")
        assert entry.href in targets


def test_the_counts_are_those_of_the_view(made):
    ctx, _, text = made
    r = ctx.result
    expected = [len(r.events), r.total_events, len(r.quotes), r.total_quotes]
    assert expected[0] < expected[1]  # the year filter narrows the view
    line = normalise(counts_line(*expected, ctx.lang))
    if ctx.lang != "ar":
        assert line in normalise(text)
        return
    words = [w for w in re.split(r"[\s\d:·]+", line) if w]
    found = next(normalise(row) for row in text.splitlines() if all(w in row for w in words[:2]))
    numbers = [int(n) for n in re.findall(r"\d+", found)]
    assert numbers in (expected, expected[::-1])  # a mixed RTL line: runs in visual order
    assert all(w in found for w in words)


def test_a_known_arabic_quote_reads_in_logical_order(made):
    ctx, _, text = made
    assert "q-003-01" in set(brief.key_quotes(ctx.result.quotes)["id"])
    assert words(ARABIC_QUOTE) in words(text)
    assert words(" ".join(ARABIC_QUOTE.split()[::-1])) not in words(text)


def test_extracted_arabic_is_letters_not_presentation_forms(made):
    _, _, text = made
    assert "الجزائر" in text
    assert not PRESENTATION_FORMS.search(text)


def test_filters_in_words_name_actors_types_and_text_in_the_language():
    ctx = context("fr", {"year": "2024-2025", "actor": "DZA", "type": "DISAPPROVE", "q": "باماكو"})
    lines = dict(brief.filters_in_words(ctx))
    assert lines[ctx.t("filters.years")] == brief.ltr("2024–2025")
    assert lines[ctx.t("filters.actors")] == "Algérie"
    assert lines[ctx.t("filters.types")] == ctx.t("type.DISAPPROVE")
    assert lines[ctx.t("filters.text")] == "« باماكو »"


def test_filters_in_words_name_the_dyad():
    ctx = context("en", {"dyad": "MLI~DZA"})
    assert dict(brief.filters_in_words(ctx))[ctx.t("filters.dyads")] == "Mali → Algeria"


def test_no_filters_says_the_whole_corpus():
    ctx = context("en", {})
    assert brief.filters_in_words(ctx) == [(ctx.t("filters.header"), ctx.t("brief.no_filters"))]


def test_lists_are_capped_and_say_so():
    ctx = context("en", {})
    content = brief.brief_content(ctx, permalink(ctx))
    assert len(content.key_events) == brief.MAX_KEY_EVENTS < content.matching_events
    assert len(content.quotes) == brief.MAX_KEY_QUOTES < content.matching_quotes
    note = ctx.t("brief.listed", shown=brief.MAX_KEY_EVENTS, total=content.matching_events)
    assert normalise(note) in normalise(raw_text(build(ctx)))


def test_key_quotes_prefer_whole_statements_and_list_them_by_date():
    quotes = context("en", {}).result.quotes
    picked = brief.key_quotes(quotes, 5)
    assert set(picked["kind"]) <= {"direct", "reported"}
    assert list(picked["date_start"]) == sorted(picked["date_start"])


def test_an_empty_view_still_makes_a_brief_that_says_so():
    ctx = context("ar", {"year": "2024", "type": "FIGHT", "quad": "verbal_cooperation"})
    assert ctx.result.events.empty
    text = normalise(raw_text(build(ctx)))
    assert normalise(ctx.t("empty.events")) in text
    assert normalise(ctx.t("empty.quotes")) in text


@pytest.mark.parametrize("base, href, expected", [
    ("https://h.org/map?lang=ar", "./sources?a=1", "https://h.org/sources?a=1"),
    ("https://h.org/app/map?x=1", "./sources?a=1", "https://h.org/app/sources?a=1"),
    ("http://localhost:8501", "./sources?a=1", "http://localhost:8501/sources?a=1"),
    ("?lang=en", "./sources?a=1", "./sources?a=1"),  # the app's URL unknown: stays relative
])
def test_absolute_links(base, href, expected):
    assert brief.absolute(base, href) == expected


def test_figures_are_small_pngs_at_a_fixed_dpi():
    from PIL import Image

    import geo

    ctx = context("ar", {})
    figures = brief.figures(ctx, geo_layers(), geo.area_for)
    for png in (figures.map, figures.timeline, figures.barometer):
        with Image.open(io.BytesIO(png)) as image:
            assert image.format == "PNG"
            assert max(image.size) <= 10 * brief_figures.DPI
        assert len(png) < 400_000


def test_the_map_draws_without_boundaries():
    import pandas as pd

    png = brief_figures.map_png(None, pd.DataFrame(columns=["lon", "lat", "events", "quad"]), [],
                                pd.DataFrame(columns=["source", "target", "events", "quad"]), [], "en")
    assert png.startswith(b"\x89PNG")
