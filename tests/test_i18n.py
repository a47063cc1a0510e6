"""The interface catalogue: complete in every language, every key used exists, formatting."""

import ast
import json
import re
from pathlib import Path

import pytest

from components.i18n import (
    LANGS,
    catalogue,
    direction,
    fmt_date,
    fmt_int,
    from_accept_language,
    pick_lang,
    summary,
    t,
)
from corpus import plover

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*ROOT.glob("app_pages/*.py"), *ROOT.glob("components/**/*.py"), ROOT / "app.py"]
T_CALL = re.compile(r"""\bt\(\s*f?["']([a-z_0-9]+\.[A-Za-z_0-9.]+)["']""")


def test_catalogues_have_the_same_keys_and_no_empty_values():
    keys = {lang: set(catalogue(lang)) for lang in LANGS}
    for lang in LANGS:
        assert keys[lang] == keys["en"], f"{lang}: missing {keys['en'] - keys[lang]}, extra {keys[lang] - keys['en']}"
        assert all(isinstance(v, str) and v.strip() for v in catalogue(lang).values())


def test_catalogues_are_valid_json_with_same_placeholders():
    for lang in LANGS:
        data = json.loads((ROOT / "components" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
        for key, value in data.items():
            assert set(re.findall(r"{(\w+)}", value)) == set(re.findall(r"{(\w+)}", catalogue("en")[key])), (lang, key)


def test_every_literal_key_used_exists():
    used = set()
    for path in SOURCES:
        used |= set(T_CALL.findall(path.read_text(encoding="utf-8")))
    assert used, "no t() calls found"
    missing = {k for k in used if k not in catalogue("en") and not k.endswith(".")}
    assert not missing


def test_dynamic_key_families_are_complete():
    for lang in LANGS:
        cat = catalogue(lang)
        for name in plover.EVENT_TYPES:
            assert f"type.{name}" in cat
        for quad in plover.QUAD_CLASSES:
            assert f"quad.{quad}" in cat
        for kind in ("direct", "fragment", "reported"):
            assert f"kind.{kind}" in cat


def _string_literals(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


def test_pages_have_no_user_facing_literals():
    """Page scripts pass only keys, ids and markup tokens — no prose."""
    prose = re.compile(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}")
    for path in ROOT.glob("app_pages/*.py"):
        found = [s for s in _string_literals(path) if prose.search(s)]
        assert not found, f"{path.name}: {found}"


@pytest.mark.parametrize("header, expected", [
    ("ar-DZ,ar;q=0.9,fr;q=0.8", "ar"), ("fr-FR,fr;q=0.9,en;q=0.8", "fr"), ("de-DE,de;q=0.9", None),
    ("de;q=1, en;q=0.5, fr;q=0.7", "fr"), ("", None), (None, None), ("ar;q=abc,fr", "fr"), ("x" * 5000, None),
])
def test_accept_language(header, expected):
    assert from_accept_language(header) == expected


def test_pick_lang_url_wins_then_browser_then_english():
    assert pick_lang("fr", "ar") == ("fr", False)
    assert pick_lang(None, "ar-DZ") == ("ar", False)
    assert pick_lang("xx", None) == ("en", True)
    assert pick_lang(None, None) == ("en", False)


@pytest.mark.parametrize("value, precision, lang, expected", [
    ("2010-02-23", 1, "ar", "23 فيفري 2010"), ("2010-02-23", 1, "fr", "23 février 2010"),
    ("2015-06", 4, "en", "June 2015"), ("2008", 5, "ar", "2008"), ("2024-01-25", 3, "en", "around 25 January 2024"),
    (None, None, "fr", "inconnu"), (float("nan"), float("nan"), "en", "unknown"),
    ("2015-06", 4, "ar", "جوان 2015"), ("2019-07-05", 1, "ar", "5 جويلية 2019"), ("2019-08", 4, "fr", "août 2019"),
    ("2010-02-30", 1, "en", "2010-02-30"),
])
def test_fmt_date(value, precision, lang, expected):
    assert fmt_date(value, precision, lang) == expected


def test_fmt_int_uses_western_digits():
    assert fmt_int(100000, "ar") == "100,000"
    assert fmt_int(100000, "fr") == "100\u202f000"
    assert fmt_int(1234567.9, "en") == "1,234,567"


def test_languages_are_the_catalogue_files_with_their_own_name_and_direction():
    assert set(LANGS) == {p.stem for p in (ROOT / "components" / "i18n").glob("*.json")} >= {"ar", "en", "fr"}
    assert [t("lang.name", lang) for lang in ("ar", "en", "fr")] == ["العربية", "English", "Français"]
    assert [direction(lang) for lang in ("ar", "en", "fr")] == ["rtl", "ltr", "ltr"]


def test_summary_falls_back_to_english():
    assert summary({"summary_en": "E", "summary_fr": None}, "fr") == ("E", True)
    assert summary({"summary_en": "E", "summary_ar": "ع"}, "ar") == ("ع", False)
    assert t("no.such.key", "ar") == "no.such.key"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ar", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("he", "rtl"), ("en", "ltr"), ("fr", "ltr"),
     ("es", "ltr"), (None, "ltr"), ("", "ltr")],
)
def test_direction_is_the_one_rtl_list(lang, expected):
    import components.html
    import components.i18n

    assert components.i18n.direction(lang) == expected
    assert components.html.direction is components.i18n.direction
