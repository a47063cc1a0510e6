"""AppTest: every page offers downloads of what it shows (components.layout.export_buttons)
and the brief (PDF) of the view in the sidebar (components.layout.brief_button): a click builds
it, then offers it; a build that fails says so in the sidebar and the page is drawn as usual."""

import pytest

from components import brief
from components.filters import WIDGET
from components.i18n import t
from tests.test_app_helpers import run_page

DATA_FILES = {"dl_ev_csv", "dl_ev_geo", "dl_ev_gpkg", "dl_rep_csv"}


@pytest.mark.parametrize("page, files", [
    ("overview", {*DATA_FILES, "dl_q_csv"}), ("map", DATA_FILES), ("timeline", DATA_FILES),
    ("quotes", {"dl_q_csv"}), ("sources", {*DATA_FILES, "dl_q_csv"}),
])
def test_every_page_downloads_what_it_shows(page, files):
    at = run_page(page, {"lang": "en", "year": "2025"})
    assert not at.exception
    assert {el.key for el in at.get("download_button")} == files


@pytest.mark.parametrize("page", ["overview", "map", "timeline", "quotes", "sources", "network"])
def test_every_page_offers_the_brief_in_its_language(page):
    at = run_page(page, {"lang": "fr", "year": "2024-2025"})
    assert not at.exception
    button = at.sidebar.button(key="brief_build")
    assert button.label == "Note (PDF)"


def _brief_clicked(page: str, lang: str):
    at = run_page(page, {"lang": lang, "year": "2024-2025"})
    at.sidebar.button(key="brief_build").click().run()
    return at


def test_a_click_builds_the_brief_and_offers_it_until_the_view_changes():
    at = _brief_clicked("map", "en")
    assert not at.exception and not at.sidebar.error
    offered = [el for el in at.sidebar if el.type == "download_button"]
    assert [el.key for el in offered] == ["dl_brief"]
    assert offered[0].proto.label == t("brief.save", "en")
    at.run()  # an ordinary rerun keeps it
    assert "dl_brief" in {el.key for el in at.get("download_button")}
    at.slider(key=WIDGET["year"]).set_value((2025, 2025)).run()  # another view: not offered
    assert not at.exception
    assert "dl_brief" not in {el.key for el in at.get("download_button")}


@pytest.mark.parametrize("page, lang", [("map", "ar"), ("timeline", "fr"), ("quotes", "en")])
def test_a_brief_that_cannot_be_built_is_said_in_the_page_which_still_works(monkeypatch, page, lang):
    def broken(*args, **kwargs):
        raise RuntimeError("font file missing")

    monkeypatch.setattr(brief, "brief_pdf", broken)
    at = _brief_clicked(page, lang)
    assert not at.exception
    assert [e.value for e in at.sidebar.error] == [t("brief.failed", lang)]
    assert "dl_brief" not in {el.key for el in at.get("download_button")}
    assert at.title[0].value == t(f"nav.{page}", lang)  # the page itself is drawn, with its data
    assert "dl_ev_csv" in {el.key for el in at.get("download_button")} or page == "quotes"
    assert "font file missing" not in "\n".join(e.value for e in (*at.error, *at.sidebar.error))
