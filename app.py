"""Algeria–Mali Relations Atlas — entry point: page config, language, navigation, and the
shared sidebar filters kept in the URL (components/shell.py). Pages only lay out."""

from pathlib import Path

import streamlit as st

from components import filters, shell
from components.gate import PAGE_RUNS
from components.i18n import t

ROOT = Path(__file__).resolve().parent
# (script, catalogue key, url path); no icons: Streamlit fetches material-icon favicons from Google; the first one is the default page.
PAGES = [("app_pages/overview.py", "nav.overview", ""), ("app_pages/map.py", "nav.map", "map"),
         ("app_pages/timeline.py", "nav.timeline", "timeline"), ("app_pages/quotes.py", "nav.quotes", "quotes"),
         ("app_pages/network.py", "nav.network", "network"), ("app_pages/sources.py", "nav.sources", "sources"),
         ("app_pages/add_article.py", "nav.add_article", "add_article")]

lang = filters.init_language()
shell.page_config(lang)
pages = [st.Page(ROOT / path, title=t(key, lang), url_path=url or None, default=not url)
         for path, key, url in PAGES if (ROOT / path).exists()]
page = st.navigation(pages)
with PAGE_RUNS.turn():  # a few page runs compute at once, the others wait their turn (memory)
    if shell.prepare(lang, page.url_path) is None:
        st.stop()
    page.run()
