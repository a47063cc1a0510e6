"""The Claims view in Chromium: Ahmed Attaf's statement and Mali's communiqué side by side."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import open_app

pytestmark = pytest.mark.e2e

ATTAF = ".atlas-claims:has([data-side='DZA']):has([data-side='MLI'])"


def _box(page, selector: str) -> dict:
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); "
                                           "return {x: r.x, y: r.y, w: r.width, h: r.height}; }")


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("en", False)])
def test_claims_view_shows_attaf_beside_mali(page, server, lang, rtl):
    open_app(page, server, f"quotes?lang={lang}&qsort=claims")
    page.wait_for_selector(f"{ATTAF} [data-quote-id='q-001-03']", timeout=30_000)
    dza, mli = f"{ATTAF} [data-side='DZA']", f"{ATTAF} [data-side='MLI']"
    assert "الحل العسكري مستحيل" in page.inner_text(dza)  # Attaf, 30 December 2024
    assert page.locator(f"{mli} [data-quote-id='q-001-01']").count() == 1  # Mali's communiqué, 1 January 2025
    left, right = _box(page, dza), _box(page, mli)
    assert left["w"] > 0 and right["w"] > 0
    assert abs(left["y"] - right["y"]) < 5  # side by side, not stacked
    assert (left["x"] > right["x"]) is rtl  # the first side (Attaf spoke first) leads in the reading direction
    assert not page.console_errors, page.console_errors
