"""AppTest: one event, many sources (counted once, "reported by N sources", every report with a
link, disagreement notes) and competing claims (the Claims view, quotes by side) in ar/en/fr."""

import html
import re

import pytest

from components.i18n import fmt_int, t
from corpus.loader import load_corpus
from tests.test_app_helpers import all_text, assert_no_raw_keys, run_page
from tests.test_app_timeline import _fig

ATTAF_ARTICLE = "003_d5a7a52965b0d6aa"
SIDE = re.compile(r'data-side="([^"]+)"')
CARD_ID = re.compile(r'data-quote-id="([^"]+)"')


def _html(at) -> str:
    return "".join(el.proto.body for el in at.get("html"))


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_overview_counts_each_event_once(lang):
    at = run_page("overview", {"lang": lang})
    assert not at.exception
    events = next(m for m in at.metric if m.label == t("overview.events", lang))
    assert events.value == fmt_int(42, lang)  # 51 reports of 42 events in the curated corpus
    assert t("cluster.sources", lang, n=fmt_int(2, lang)) in _html(at)  # on a key event
    assert_no_raw_keys(at)


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_timeline_has_one_point_per_event_with_its_source_count(lang):
    at = run_page("timeline", {"lang": lang})
    assert not at.exception
    fig = _fig(at)
    hovers = [h for tr in fig["data"] if tr.get("mode") == "markers" for h in tr.get("text") or tr.get("hovertext") or []]
    assert len(hovers) == 42
    label = html.escape(t("cluster.sources", lang, n=fmt_int(2, lang)))
    assert sum(label in h for h in hovers) == 9  # the nine events reported by two articles


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_reader_lists_every_report_and_names_the_disagreement(lang):
    at = run_page("sources", {"lang": lang, "article": ATTAF_ARTICLE})
    assert not at.exception
    assert t("sources.clusters", lang) in all_text(at)
    body = _html(at)
    # each report links to its own sentence: Attaf's remarks in articles 001 and 003
    assert "span=817-957" in body and "span=126-208" in body
    fields = t("field.actor1", lang)
    assert any(fields in w.value and w.value.startswith(t("cluster.disagree", lang, fields="")[:8])
               for w in at.warning)
    assert_no_raw_keys(at)


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_claims_view_puts_attaf_beside_mali(lang):
    at = run_page("quotes", {"lang": lang, "qsort": "claims"})
    assert not at.exception
    assert at.radio(key="quotes_mode").value == "claims"
    assert at.query_params.get("qsort") in ("claims", ["claims"])
    body = _html(at)
    blocks = body.split('class="atlas-claims"')[1:]
    sides = [SIDE.findall(block) for block in blocks]
    assert ["DZA", "MLI"] in sides and ["USA", "MLI"] in sides
    attaf = blocks[sides.index(["DZA", "MLI"])]
    dza, mli = attaf.split('data-side="MLI"')
    assert {"q-001-03", "q-003-01"} <= set(CARD_ID.findall(dza))
    assert {"q-001-01", "q-003-04"} <= set(CARD_ID.findall(mli))
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}" style="display:grid' in attaf
    assert t("claims.count", lang, n=fmt_int(2, lang)) in " ".join(c.value for c in at.caption)
    assert_no_raw_keys(at)


def test_claims_view_follows_the_filters_and_says_when_empty():
    at = run_page("quotes", {"lang": "en", "qsort": "claims", "year": "2024"})  # Attaf spoke, Mali replied in 2025
    assert not at.exception
    assert t("claims.empty", "en") in [i.value for i in at.info]
    at = run_page("quotes", {"lang": "en", "qsort": "claims", "year": "2009"})
    assert SIDE.findall(_html(at)) == ["USA", "MLI"]


def test_choosing_claims_writes_the_url():
    at = run_page("quotes", {"lang": "fr"})
    at.radio(key="quotes_mode").set_value("claims").run()
    assert not at.exception
    assert at.query_params.get("qsort") in ("claims", ["claims"])
    assert 'data-side="DZA"' in _html(at)


def _detail_script():
    """A page that shows the detail of one event, as the Timeline does for a selected point."""
    from components import event_detail
    from components.shell import context

    ctx = context("timeline")
    events = ctx.result.events
    for row in events[events["cluster_id"].isin(["ev-001-04", "ev-000-01"])].to_dict("records"):
        event_detail.draw(ctx, row)


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_event_detail_lists_reports_names_the_disagreement_and_shows_claims(lang):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_detail_script, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    body = _html(at)
    assert body.count("atlas-evidence") == 2  # both events' evidence
    assert body.count("atlas-reports") == 1  # ev-000-01 has one report: no list
    assert re.findall(r'data-report="(\d)"', body) == ["0", "1"]
    events = load_corpus().events  # the index keeps events only in its frame
    for report in ("ev-001-04", "ev-003-05"):  # each report links to its own sentence
        event = events[report]
        assert f"article={event.article_id}&amp;span={event.start}-{event.end}" in body
    warnings = [w.value for w in at.warning]
    assert any(t("field.actor1", lang) in w for w in warnings)  # Mali vs Mali's foreign ministry
    assert 'data-side="DZA"' in body and 'data-side="MLI"' in body  # the exchange it belongs to


def test_reader_shows_claims_of_a_single_report_event():
    at = run_page("sources", {"lang": "en", "article": "002_9622003dc9556f7a"})
    assert not at.exception
    assert t("sources.claims", "en") in all_text(at)
    blocks = _html(at).split('class="atlas-claims"')[1:]
    assert ["USA", "MLI"] in [SIDE.findall(b) for b in blocks]  # the US embassy's cable and Touré on ev-002-01
