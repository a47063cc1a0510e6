"""An item link in Chromium: `quotes?quote=ID` opens the Quotes page with that card marked and
scrolled into view (the last card of the list, far below the fold), and its "copy link to this
item" button holds an absolute link back to it."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import open_app
from tests.test_app_helpers import filtered

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
