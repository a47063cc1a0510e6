"""An item link in Chromium: `quotes?quote=ID` opens the Quotes page with that card marked and
scrolled into view (the last card of the list, far below the fold), and its "copy link to this
item" button holds an absolute link back to it. On the map, a place's listed event opens the
same way."""

from __future__ import annotations

import pytest

from components.i18n import t
from tests.e2e.conftest import open_app
from tests.test_app_helpers import filtered, index

pytestmark = pytest.mark.e2e

IN_VIEW = """id => { const e = document.querySelector(`div.atlas-quote[data-quote-id="${id}"]`);
  if (!e || !e.classList.contains('atlas-selected')) { return false; }
  const r = e.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }"""


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_quote_link_opens_the_card_in_view(page, server, lang):
    quote_id = filtered({}).quotes["id"].iloc[-1]
    open_app(page, server, f"quotes?lang={lang}&quote={quote_id}")
    page.wait_for_function(IN_VIEW, arg=quote_id, timeout=30_000)
    card = page.locator(f'div.atlas-quote[data-quote-id="{quote_id}"]')
    link = card.locator("button.atlas-copy-link").get_attribute("data-citation")
    assert link.startswith(server) and link.endswith(f"quote={quote_id}") and f"lang={lang}" in link
    first = filtered({}).quotes["id"].iloc[0]
    bottom = page.evaluate("""id => document.querySelector(`div.atlas-quote[data-quote-id="${id}"]`)
                                        .getBoundingClientRect().bottom""", first)
    assert bottom < 0  # the list really was scrolled: the first card is above the view
    assert not page.console_errors, page.console_errors


def test_the_map_lists_a_place_s_events_and_opens_one(page, server):
    """A place selected on the map (here from the link; the click itself is test_dashboard's)
    lists its events under the map; "Open" shows the event's evidence there and puts
    `event=ID` in the URL, so the view can be shared as it is."""
    events = filtered({"place": "kidal-region"}).events
    newest = events.iloc[-1]
    open_app(page, server, "map?lang=en&place=kidal-region")
    main = page.locator('[data-testid="stMain"]')
    place = index().corpus.places["kidal-region"].name("en")
    main.get_by_role("heading", name=t("map.events_at", "en", place=place, n=len(events))).wait_for(timeout=30_000)
    main.locator(f".st-key-map_open_{newest['id']} button").click()
    page.wait_for_function("id => new URLSearchParams(location.search).get('event') === id",
                           arg=newest["id"], timeout=30_000)
    main.get_by_role("heading", name=t("item.linked", "en")).wait_for(timeout=30_000)
    main.get_by_text(newest["text"]).first.wait_for(timeout=30_000)  # its evidence
    assert "place=kidal-region" in page.url
    assert not page.console_errors, page.console_errors
