"""End to end in Chromium: the real server, the real browser, the curated corpus."""

from __future__ import annotations

import math

import pytest

from components.mapview import VIEW
from tests.e2e.conftest import open_app, wait_ready
from tests.test_app_helpers import expected_counts, index, quotes

pytestmark = pytest.mark.e2e


def _cards(page):
    return page.eval_on_selector_all(
        "div.atlas-quote[data-quote-id]",
        "els => els.map(e => [e.getAttribute('data-quote-id'), e.getAttribute('dir'), e.getAttribute('lang')])")


def test_map_canvas_draws(page, server, shots_dir):
    open_app(page, server, "map?lang=en")
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(2500)
    path = shots_dir / "map.png"
    canvas.screenshot(path=str(path))
    from PIL import Image

    image = Image.open(path).convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000) or []
    background = max(colours)[1]
    drawn = sum(n for n, c in colours if sum(abs(a - b) for a, b in zip(c, background, strict=True)) > 30)
    assert drawn > 0.05 * image.width * image.height, "the deck canvas is (nearly) empty"
    assert not page.console_errors, page.console_errors


def _kidal_pixel(box: dict, lon: float = 1.3, lat: float = 19.6) -> tuple[float, float]:
    """The middle of Kidal region (or the point lon, lat), projected from the map's fixed initial
    view (Web Mercator)."""
    scale = 512 * 2**VIEW.zoom
    lon0, lat0 = VIEW.longitude, VIEW.latitude
    merc = lambda phi: math.log(math.tan(math.pi / 4 + math.radians(phi) / 2))  # noqa: E731
    x = box["x"] + box["width"] / 2 + (lon - lon0) * scale / 360
    y = box["y"] + box["height"] / 2 - (merc(lat) - merc(lat0)) * scale / (2 * math.pi)
    return x, y


def _tap(page, x: float, y: float) -> None:
    """A click as deck.gl judges it. deck.gl emits a click only for a press shorter than 250 ms,
    timed with Date.now() as each pointer event is handled, and it picks synchronously inside
    its pointerdown handler. Under SwiftShader (no GPU) that picking pass takes 200-1,000 ms,
    so a real 0 ms press is judged a long press. The page clock is held still for the press
    only, so the tap is judged by how long the button was down, not by the software renderer;
    the picking itself, the click handler and the round trip to the server all run for real."""
    page.clock.pause_at(page.evaluate("Date.now()"))
    page.mouse.down()
    page.mouse.up()
    page.clock.resume()


def test_click_kidal_on_the_map_filters_and_the_timeline_follows(page, server, shots_dir):
    page.clock.install()  # must precede the page's scripts for _tap to control Date.now
    open_app(page, server, "map?lang=en")
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(2500)
    x, y = _kidal_pixel(canvas.bounding_box())
    page.mouse.move(x - 20, y - 20)
    page.mouse.move(x, y, steps=5)
    page.wait_for_function("() => { const t = document.querySelector('.deck-tooltip');"
                           " return t && t.style.display !== 'none' && t.innerText.includes('Kidal'); }", timeout=10_000)
    _tap(page, x, y)
    page.wait_for_function("() => location.search.includes('place=')", timeout=15_000)
    wait_ready(page)
    page.screenshot(path=str(shots_dir / "map-kidal.png"))
    assert "place=kidal-region" in page.url
    expected = expected_counts({"place": "kidal-region"})
    assert 0 < expected[0] < expected[1], "Kidal must narrow the curated events, or this proves nothing"
    page.locator('[data-testid="stSidebarNav"] a', has_text="Timeline").click()
    page.wait_for_url("**/timeline*", timeout=15_000)
    wait_ready(page)
    assert "place=kidal-region" in page.url
    page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=30_000)
    assert page.locator(".js-plotly-plot .scatterlayer .point").count() == expected[0]
    caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
    assert caption.startswith(f"Showing {expected[0]} of {expected[1]}")
    assert not page.console_errors, page.console_errors


def _hover_until_tooltip(page, x: float, y: float, text: str, within: float = 120.0) -> None:
    """Hover (x, y) until deck.gl's tooltip shows text: a hover before the deck has drawn its
    layers shows nothing (on a loaded machine drawing the boundaries takes a while), so the
    pointer moves again until the tooltip answers, for up to `within` seconds."""
    import time

    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    deadline = time.monotonic() + within
    while True:
        page.mouse.move(x - 20, y - 20)
        page.mouse.move(x, y, steps=5)
        try:
            page.wait_for_function(
                "text => { const t = document.querySelector('.deck-tooltip');"
                " return t && t.style.display !== 'none' && t.innerText.includes(text); }",
                arg=text, timeout=3_000)
            return
        except PlaywrightTimeout:
            if time.monotonic() > deadline:
                shown = page.evaluate("() => document.querySelector('.deck-tooltip')?.innerText")
                raise AssertionError(f"no tooltip with {text!r} at ({x:.0f}, {y:.0f}); shown: {shown!r}") from None


def test_click_a_wilaya_created_in_2019_sets_its_place_filter(page, server, shots_dir):
    """Bordj Badji Mokhtar (2019, on the Mali border) is drawn as its own wilaya and filters."""
    page.clock.install()
    # No filter: Algeria-wide events are drawn as an outline only, so the wilaya takes the click
    open_app(page, server, "map?lang=en")
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for(state="visible", timeout=30_000)
    x, y = _kidal_pixel(canvas.bounding_box(), 0.5, 23.0)  # inside the wilaya, off the border zone
    _hover_until_tooltip(page, x, y, "Bordj Badji Mokhtar")
    canvas.screenshot(path=str(shots_dir / "map-wilaya-hover.png"))
    _tap(page, x, y)
    page.wait_for_function("() => location.search.includes('place=')", timeout=15_000)
    wait_ready(page)
    assert "place=bordj-badji-mokhtar-province" in page.url
    assert not page.console_errors, page.console_errors


def test_timeline_has_one_point_per_event(page, server):
    open_app(page, server, "timeline?lang=en&year=2008-2025")
    page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=30_000)
    points = page.locator(".js-plotly-plot .scatterlayer .point").count()
    assert points == expected_counts({"year": "2008-2025"})[0]
    assert not page.console_errors, page.console_errors


def test_year_and_actor_link_shows_exactly_the_matching_quotes(page, server):
    open_app(page, server, "quotes?year=2025&actor=DZA&lang=en")
    page.wait_for_selector("div.atlas-quote[data-quote-id]", timeout=30_000)
    cards = _cards(page)
    assert len(cards) == expected_counts({"year": "2025", "actor": "DZA"})[2]
    records = quotes()  # the curated quote records (the index keeps quotes in its frame only)
    for quote_id, direction, lang in cards:
        assert lang == records[quote_id].language
        assert direction == ("rtl" if lang == "ar" else "ltr")
    assert any(d == "rtl" for _, d, _ in cards)
    assert not page.console_errors, page.console_errors


def test_arabic_interface_is_rtl_and_french_quotes_stay_ltr(page, server, shots_dir):
    open_app(page, server, "quotes?lang=ar")
    page.wait_for_selector("div.atlas-quote[data-quote-id]", timeout=30_000)
    # The direction comes with the page's style block, drawn just after the first elements:
    # wait for it rather than read it at the moment the cards appear.
    page.wait_for_function("""() => { const m = document.querySelector('[data-testid="stMain"]');
        return m && getComputedStyle(m).direction === 'rtl'; }""", timeout=30_000)
    sidebar = page.eval_on_selector('[data-testid="stSidebar"]', "e => getComputedStyle(e).direction")
    assert sidebar == "rtl"
    align = page.eval_on_selector('[data-testid="stMain"] h1', "e => getComputedStyle(e).textAlign")
    assert align in ("right", "start")
    nav = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
    assert any("نظرة عامة" in n for n in nav) and any("التصريحات" in n for n in nav)
    french = [c for c in _cards(page) if c[2] == "fr"]
    assert french, "the curated corpus has a French quote"
    for quote_id, _, _ in french:
        card = page.locator(f'div.atlas-quote[data-quote-id="{quote_id}"]')
        assert card.get_attribute("dir") == "ltr"
        text_dir = card.locator("blockquote").evaluate("e => getComputedStyle(e).direction")
        assert text_dir == "ltr"
    page.screenshot(path=str(shots_dir / "quotes-ar.png"), full_page=False)
    assert not page.console_errors, page.console_errors


def test_shared_link_survives_page_switch(page, server):
    open_app(page, server, "?lang=fr&actor=MLI&year=2010-2025")
    page.locator('[data-testid="stSidebarNav"] a', has_text="Citations").click()
    page.wait_for_url("**/quotes*", timeout=15_000)
    wait_ready(page)
    assert "actor=MLI" in page.url and "lang=fr" in page.url and "year=2010-2025" in page.url
    caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
    shown = expected_counts({"actor": "MLI", "year": "2010-2025"})
    assert f"{shown[2]} citations sur {shown[3]}" in caption


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_overview_barometer_draws_one_bar_per_year(page, server, shots_dir, lang):
    from components import frames
    from tests.test_app_helpers import filtered

    open_app(page, server, f"?lang={lang}")
    bars = page.locator("svg.atlas-barometer g.atlas-barometer-year rect")
    bars.first.wait_for(state="visible", timeout=30_000)
    expected = frames.barometer(filtered({}).events, index().actor_members)
    assert bars.count() == len(expected)
    heights = [float(b.get_attribute("height")) for b in bars.all()]
    assert all(h >= 1 for h in heights) and max(heights) > 20
    box = page.locator("svg.atlas-barometer").bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    page.screenshot(path=str(shots_dir / f"overview-{lang}.png"), full_page=True)
    assert not page.console_errors, page.console_errors
