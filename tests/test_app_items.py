"""AppTest: item links — `?quote=ID` and `?event=ID` open any page with that item selected, in
ar/en/fr: the Quotes page turns to the pager page holding the card and marks it, the timeline
shows the event's evidence and rings it, the map centres on it, the reader opens at its span;
bogus ids are named in the warning; the item survives a filter change and can be closed."""

import json

import pytest

from components import cards
from tests.test_app_helpers import assert_no_raw_keys, filtered, index, run_page

QUOTE = "q-001-03"  # Ahmed Attaf, 30 December 2024
EVENT = "ev-001-01"


def _html(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def _marked(at) -> list[str]:
    import re

    return re.findall(r'class="atlas-quote atlas-selected" id="atlas-target"[^>]*data-quote-id="([^"]+)"', _html(at))


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_quote_link_opens_the_page_holding_its_card(lang, monkeypatch):
    monkeypatch.setattr(cards, "QUOTES_PAGE_SIZE", 10)
    quotes = filtered({}).quotes
    last = quotes["id"].iloc[-1]  # on the last page of the pager (more quotes than one page)
    assert len(quotes) > cards.QUOTES_PAGE_SIZE
    at = run_page("quotes", {"lang": lang, "quote": last})
    assert not at.exception
    assert _marked(at) == [last]
    assert at.selectbox(key="quotes_page").value == (len(quotes) - 1) // cards.QUOTES_PAGE_SIZE
    assert at.query_params["quote"] in (last, [last])
    assert f"?lang={lang}&amp;quote={last}" in _html(at)  # its copy-link button holds its link


def test_quote_link_survives_a_filter_change_and_is_shown_when_filtered_out():
    at = run_page("quotes", {"lang": "en", "quote": QUOTE})
    at.multiselect(key="f_actor").set_value(["MRT"]).run()  # no Mauritanian quote: Attaf's is left out
    assert not at.exception
    assert _marked(at) == [QUOTE]
    assert any("left out" in i.value for i in at.info)
    assert at.query_params["quote"] in (QUOTE, [QUOTE])


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_event_link_on_the_timeline_shows_its_evidence_and_rings_it(lang):
    at = run_page("timeline", {"lang": lang, "event": EVENT})
    assert not at.exception
    row = index().events.set_index("id").loc[EVENT]
    assert row["text"] in _html(at)
    figure = next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                  if "ticktext" in json.loads(c.proto.spec)["layout"].get("yaxis", {}))
    rings = [t for t in figure["data"] if t.get("marker", {}).get("symbol") == "circle-open"]
    assert len(rings) == 1
    at.button(key="item_close").click().run()
    assert "event" not in at.query_params and row["text"] not in _html(at)


def test_quote_link_in_the_reader_opens_at_its_span():
    quote = index().quotes.set_index("id").loc[QUOTE]
    at = run_page("sources", {"lang": "en", "quote": QUOTE})
    assert not at.exception
    assert at.selectbox(key="reader_article").value == quote["article_id"]
    assert 'id="atlas-target"' in _html(at)
    body = _html(at)
    start = body.index('id="atlas-target"')
    assert quote["text"][:20] in body[start:start + 2000]


def test_event_link_centres_the_map():
    row = index().events.set_index("id").loc[EVENT]
    at = run_page("map", {"lang": "en", "event": EVENT})
    assert not at.exception
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    view = spec["initialViewState"]
    assert abs(view["latitude"] - row["lat"]) < 0.01 and abs(view["longitude"] - row["lon"]) < 0.01
    assert view["zoom"] > 4  # closer than the default view of the region


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
@pytest.mark.parametrize("page", ["overview", "network", "quotes"])
def test_bogus_item_ids_are_named(page, lang):
    at = run_page(page, {"lang": lang, "quote": "q-nope", "event": "ev-nope"})
    assert not at.exception
    warning = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "quote=q-nope" in warning and "event=ev-nope" in warning
    assert "quote" not in at.query_params and "event" not in at.query_params


@pytest.mark.parametrize("page", ["overview", "network"])
def test_pages_without_a_view_of_their_own_show_the_linked_quote_and_its_event(page):
    quote = index().quotes.set_index("id").loc[QUOTE]
    event = index().events.set_index("id").loc[quote["event_id"]]
    at = run_page(page, {"lang": "fr", "quote": QUOTE})
    assert not at.exception
    assert_no_raw_keys(at)
    assert _marked(at) == [QUOTE]
    assert event["text"] in _html(at)
