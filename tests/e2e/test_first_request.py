"""A page opened as the very first request of a fresh server draws the app's own navigation
(translated page titles) and the shared sidebar. With the page scripts in a `pages/` folder,
Streamlit ran `/add_article` alone on a fresh server (its v1 multipage mode): a navigation of
file names ("add article", "app") and no filters (docs/DASHBOARD.md, "Known Streamlit edges").
Each case starts its own server, so nothing has been requested before it."""

from __future__ import annotations

import pytest

from components.i18n import t
from tests.e2e.conftest import start_server, stop_server

pytestmark = pytest.mark.e2e

# app.py's pages, in its order (app.py is a script: importing it would run it).
NAV_KEYS = ("nav.overview", "nav.map", "nav.timeline", "nav.quotes", "nav.network", "nav.sources", "nav.add_article")

NAV_READY = """([titles, filters]) => {
    const nav = [...document.querySelectorAll('[data-testid="stSidebarNav"] a')].map(a => a.innerText.trim());
    const sidebar = document.querySelector('[data-testid="stSidebar"]');
    return titles.every(title => nav.includes(title)) && nav.length === titles.length
        && !!sidebar && sidebar.innerText.includes(filters);
}"""


@pytest.mark.parametrize("path, lang", [("add_article", "en"), ("map", "ar")])
def test_the_first_request_to_a_page_draws_the_app_navigation(browser, path, lang):
    proc, url = start_server()
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{url}/{path}?lang={lang}")
        titles = [t(key, lang) for key in NAV_KEYS]
        page.wait_for_function(NAV_READY, arg=[titles, t("filters.header", lang)], timeout=60_000)
        assert page.url.startswith(f"{url}/{path}")
    finally:
        context.close()
        stop_server(proc)
