"""AppTest: every page offers downloads of what it shows (components.layout.export_buttons)
and the brief (PDF) of the view in the sidebar (components.layout.brief_button)."""

import pytest

from tests.test_app_helpers import run_page


@pytest.mark.parametrize("page, files", [
    ("overview", {"dl_ev_csv", "dl_ev_geo", "dl_ev_gpkg", "dl_rep_csv", "dl_q_csv"}),
    ("map", {"dl_ev_csv", "dl_ev_geo", "dl_ev_gpkg", "dl_rep_csv"}),
    ("timeline", {"dl_ev_csv", "dl_ev_geo", "dl_ev_gpkg", "dl_rep_csv"}), ("quotes", {"dl_q_csv"}),
    ("sources", {"dl_ev_csv", "dl_ev_geo", "dl_ev_gpkg", "dl_rep_csv", "dl_q_csv"}),
])
def test_every_page_downloads_what_it_shows(page, files):
    at = run_page(page, {"lang": "en", "year": "2025"})
    assert not at.exception
    assert {el.key for el in at.get("download_button")} == files | {"dl_brief"}


@pytest.mark.parametrize("page", ["overview", "map", "timeline", "quotes", "sources"])
def test_every_page_offers_the_brief_in_its_language(page):
    at = run_page(page, {"lang": "fr", "year": "2024-2025"})
    assert not at.exception
    sidebar_keys = {el.key for el in at.sidebar if el.type == "download_button"}
    assert "dl_brief" in sidebar_keys
    button = next(el for el in at.get("download_button") if el.key == "dl_brief")
    assert button.proto.label == "Note (PDF)"
