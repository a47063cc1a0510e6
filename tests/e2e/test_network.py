"""The Network page in Chromium: the network drew (plotly points: one per node and one per
edge midpoint), and a click on the Mali → Algeria edge's midpoint sets `dyad=MLI~DZA` in the
URL and the counts follow (the edge's events and quotes)."""

from __future__ import annotations

import re

import pytest

from corpus import network
from tests.e2e.conftest import open_app
from tests.test_app_helpers import expected_counts, filtered, index

pytestmark = pytest.mark.e2e

POINTS = ".js-plotly-plot .scatterlayer .point"
# The screen centre of the point whose customdata is ["edge", key] (trace and point order of
# the figure's data are the DOM order of plotly's scatter layer).
CENTRE_OF = """key => {
  const gd = document.querySelector('.js-plotly-plot');
  const traces = gd.querySelectorAll('.scatterlayer .trace');
  for (let t = 0; t < gd.data.length; t++) {
    const i = (gd.data[t].customdata || []).findIndex(d => d[0] === 'edge' && d[1] === key);
    if (i >= 0) { const r = traces[t].querySelectorAll('.point')[i].getBoundingClientRect();
                  return {x: r.x + r.width / 2, y: r.y + r.height / 2}; }
  }
  return null; }"""


def _counts(page) -> tuple[int, ...]:
    caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
    return tuple(int(n) for n in re.findall(r"\d+", caption.replace(",", "")))


def test_network_draws_and_an_edge_click_filters_to_the_dyad(page, server):
    params = {"year": "2024-2025"}
    open_app(page, server, "network?lang=en&year=2024-2025")
    page.wait_for_selector(POINTS, timeout=30_000)
    r = filtered(params)
    edges = network.edges(r.events, r.quotes, index().actor_state)
    assert page.locator(POINTS).count() == len(edges) + len(network.nodes(edges))
    centre = page.evaluate(CENTRE_OF, "MLI~DZA")
    assert centre is not None
    page.mouse.click(centre["x"], centre["y"])
    page.wait_for_url(re.compile(r"dyad=MLI(~|%7E)DZA"), timeout=30_000)
    want = expected_counts({**params, "dyad": "MLI~DZA"})
    page.wait_for_function(
        """n => { const c = document.querySelector('[data-testid="stMain"] [data-testid="stCaptionContainer"]');
                  return c && c.innerText.replace(/,/g, '').startsWith('Showing ' + n + ' of'); }""",
        arg=want[0], timeout=30_000)
    assert _counts(page) == want
    row = edges.set_index(["source", "target"]).loc[("MLI", "DZA")]
    assert (want[0], want[2]) == (row["events"], row["quotes"])
    assert not page.console_errors, page.console_errors
