"""components/shell.py: the page context handed from app.py to the page without session state,
and no `pages/` folder to put Streamlit in its v1 multipage mode."""

from components import shell
from tests.test_app_helpers import ROOT, run_page


def test_the_prepared_context_is_taken_by_the_page_and_not_kept_in_session_state():
    at = run_page("quotes", {"lang": "en", "year": "2025"})
    assert not at.exception
    assert not [key for key in at.session_state.keys() if "ctx" in str(key)]
    assert shell._PREPARED.get() is None  # taken by the page that read it


def test_no_pages_folder_beside_app_py():
    """Streamlit runs a script of a `pages/` folder next to the main script on its own (its v1
    multipage mode) until st.navigation has run once: a fresh server's first request to a
    sub-page would have no navigation and no filters (tests/e2e/test_first_request.py)."""
    assert not (ROOT / "pages").exists()
