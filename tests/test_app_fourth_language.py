"""A fourth interface language is one catalogue file: with a dummy `xx.json` (right-to-left,
Spanish dates) next to the three real ones, every page renders in it, from its catalogue, with
no exception and no raw key; data fields without an `_xx` column fall back to English."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from components import i18n
from tests.fixtures import make_data_dir
from tests.test_app_add_article import PAGE, bound_to
from tests.test_app_helpers import PAGES, all_text, run_page

MARK = "⟪xx⟫"


@pytest.fixture
def dummy_language(tmp_path, monkeypatch):
    """components/i18n as if it held xx.json: every English string marked, its own fields set."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    for lang in i18n.LANGS:
        shutil.copy(i18n._DIR / f"{lang}.json", folder)
    strings = {key: f"{MARK} {value}" for key, value in i18n.catalogue("en").items()}
    strings.update({"lang.name": "Dummy", "lang.direction": "rtl", "lang.locale": "es"})
    (folder / "xx.json").write_text(json.dumps(strings, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(i18n, "_DIR", folder)
    monkeypatch.setattr(i18n, "LANGS", tuple(sorted(path.stem for path in folder.glob("*.json"))))
    i18n.catalogue.cache_clear()
    i18n._locale.cache_clear()
    yield strings
    i18n.catalogue.cache_clear()
    i18n._locale.cache_clear()


def assert_speaks_xx(at: AppTest, strings: dict[str, str]) -> None:
    assert not at.exception, at.exception
    text = all_text(at)
    raw = [key for key in strings if re.search(rf"\b{re.escape(key)}\b", text)]
    assert not raw, f"raw catalogue keys on the page: {raw[:5]}"
    assert at.title and at.title[0].value.startswith(MARK)
    assert "Dummy" in at.selectbox(key="f_lang").options


def test_the_dummy_catalogue_is_a_language(dummy_language):
    assert "xx" in i18n.LANGS and i18n.normalise_lang("xx-YY") == "xx"
    assert i18n.direction("xx") == "rtl" and i18n.direction("fr") == "ltr"
    assert i18n.fmt_date("2010-02-23", 1, "xx") == "23 febrero 2010"
    assert i18n.t("nav.map", "xx") == f"{MARK} Map"


@pytest.mark.parametrize("page", ["overview", *(name for name in PAGES if name != "overview")])
def test_every_dashboard_page_renders_in_a_fourth_language(dummy_language, page):
    at = run_page(page, {"lang": "xx"})
    assert_speaks_xx(at, dummy_language)


def test_the_add_article_page_renders_in_a_fourth_language(dummy_language, tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("ATLAS_DATA_DIR", str(make_data_dir(tmp_path / "data")))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    with bound_to("127.0.0.1"):
        at = AppTest.from_file(PAGE, default_timeout=60)
        at.query_params["lang"] = "xx"
        at.run()
        at.text_area(key="aa_paste").input("أعلنت الجزائر يوم 5 جانفي 2024 استدعاء سفيرها في باماكو.\n")
        next(b for b in at.button if b.key == "aa_read_paste").click().run()
    assert not at.exception, at.exception
    text = all_text(at)
    assert at.title[0].value == dummy_language["add.title"]
    assert not re.findall(r"\b(?:add|status|auth)\.[a-z_.]+\b", text)
