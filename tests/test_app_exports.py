"""AppTest: every page offers downloads of what it shows (components.layout.export_buttons)."""

import pytest

from tests.test_app_helpers import run_page


@pytest.mark.parametrize("page, files", [
    ("overview", {"dl_ev_csv", "dl_ev_geo", "dl_ev_gpkg", "dl_q_csv"}), ("map", {"dl_ev_csv", "dl_ev_geo", "dl_ev_gpkg"}),
    ("timeline", {"dl_ev_csv", "dl_ev_geo", "dl_ev_gpkg"}), ("quotes", {"dl_q_csv"}),
    ("sources", {"dl_ev_csv", "dl_ev_geo", "dl_ev_gpkg", "dl_q_csv"}),
])
def test_every_page_downloads_what_it_shows(page, files):
    at = run_page(page, {"lang": "en", "year": "2025"})
    assert not at.exception
    assert {el.key for el in at.get("download_button")} == files
