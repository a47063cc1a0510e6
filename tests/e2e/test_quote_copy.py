"""The quote cards in Chromium: a card's button copies its citation; the gloss is shown."""

from __future__ import annotations

import pytest

from corpus.loader import DEFAULT_DATA_DIR, collect
from tests.e2e.conftest import wait_ready

pytestmark = pytest.mark.e2e


@pytest.fixture
def clipboard_page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.errors = errors
    yield page
    context.close()


def test_the_copy_button_puts_the_card_s_citation_on_the_clipboard(clipboard_page, server):
    page = clipboard_page
    quote = collect(DEFAULT_DATA_DIR)[0].quotes["q-001-03"]
    page.goto(f"{server}/quotes?lang=en")
    wait_ready(page)
    card = page.locator(f'div.atlas-quote[data-quote-id="{quote.id}"]')
    card.wait_for(timeout=30_000)
    assert quote.gloss_en in card.locator(".atlas-gloss").inner_text()
    button = card.locator("button.atlas-copy:not(.atlas-copy-link)")
    expected = button.get_attribute("data-citation")
    assert expected and expected.endswith(f"{quote.article_id}:{quote.start}-{quote.end}") and quote.text in expected
    page.evaluate("navigator.clipboard.writeText('nothing yet')")
    button.click()
    page.wait_for_function("b => b.getAttribute('data-state') === 'copied'", arg=button.element_handle(), timeout=15_000)
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert button.inner_text() == "Copied"
    # The next card's button copies its own citation (one listener serves every card).
    other = page.locator("button.atlas-copy:not(.atlas-copy-link)").nth(0)
    other_text = other.get_attribute("data-citation")
    assert other_text != expected
    other.click()
    page.wait_for_function("b => b.getAttribute('data-state') === 'copied'", arg=other.element_handle(), timeout=15_000)
    assert page.evaluate("navigator.clipboard.readText()") == other_text
    # Away to another page and back: the one listener still serves the new cards.
    page.locator('[data-testid="stSidebarNav"] a', has_text="Sources").click()
    page.wait_for_url("**/sources*", timeout=15_000)
    page.locator('[data-testid="stSidebarNav"] a', has_text="Quotes").click()
    page.wait_for_url("**/quotes*", timeout=15_000)
    wait_ready(page)
    again = page.locator(f'div.atlas-quote[data-quote-id="{quote.id}"] button.atlas-copy:not(.atlas-copy-link)')
    again.click()
    page.wait_for_function("b => b.getAttribute('data-state') === 'copied'", arg=again.element_handle(), timeout=15_000)
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert not page.errors, page.errors
