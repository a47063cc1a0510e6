"""The sidebar's from–to date inputs show the whole ISO date, year first, in every interface
direction. Side by side in the sidebar they cut the last digits off, and in Arabic the
right-to-left layout put the day first (01-12-2024)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import open_app

pytestmark = pytest.mark.e2e

FIELDS = """() => [...document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stDateInputFieldsScroller"]')]
  .map(box => {
    const part = type => box.querySelector(`[data-type="${type}"]`).getBoundingClientRect();
    return {clipped: box.scrollWidth > box.clientWidth + 1, left_to_right: part("year").x < part("month").x
            && part("month").x < part("day").x, text: box.innerText.replace(/\\s/g, "")};
  })"""


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_date_inputs_show_the_whole_date_year_first(page, server, lang):
    open_app(page, server, f"map?lang={lang}&from=2024-12-01&to=2025-01-31")
    page.wait_for_function(f"() => ({FIELDS})().length === 2", timeout=30_000)
    fields = page.evaluate(FIELDS)
    assert [f["text"] for f in fields] == ["2024-12-01", "2025-01-31"]
    assert all(f["left_to_right"] and not f["clipped"] for f in fields), fields
