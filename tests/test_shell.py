"""components/shell.py: the page context handed from app.py to the page without session state,
and the one place that touches a private Streamlit API (fails loudly when Streamlit changes)."""

from components import shell
from tests.test_app_helpers import run_page


def test_the_prepared_context_is_taken_by_the_page_and_not_kept_in_session_state():
    at = run_page("quotes", {"lang": "en", "year": "2025"})
    assert not at.exception
    assert not [key for key in at.session_state.keys() if "ctx" in str(key)]
    assert shell._PREPARED.get() is None  # taken by the page that read it


def test_streamlit_still_has_the_v1_pages_switch_we_turn_off():
    from streamlit.runtime.pages_manager import PagesManager

    assert hasattr(PagesManager, "uses_pages_directory"), (
        "Streamlit changed: components/shell._leave_v1_mode needs another way to leave v1 mode")
