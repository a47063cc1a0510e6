"""AppTest: the overview page (default), filters ↔ counts, bogus URL parameters, languages."""

import re

import pytest

from components import frames
from components.i18n import ltr, t
from tests.test_app_helpers import (
    assert_no_raw_keys,
    expected_counts,
    filtered,
    index,
    markdown_plain,
    run_page,
    shown_counts,
)


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_renders_in_each_language(lang):
    at = run_page("overview", {"lang": lang})
    assert not at.exception
    assert at.title[0].value == t("nav.overview", lang)
    assert any(s.value == t("overview.barometer", lang) for s in at.subheader)
    assert_no_raw_keys(at)


@pytest.mark.parametrize("params", [
    {}, {"year": "2025"}, {"actor": "DZA"}, {"year": "2025", "actor": "DZA"}, {"quad": "verbal_conflict"},
    {"type": "AID"}, {"place": "kidal-region"}, {"q": "باماكو"}, {"year": "2008-2010", "actor": "MLI"},
])
def test_counts_match_run_query(params):
    at = run_page("overview", {"lang": "en", **params})
    assert not at.exception
    assert shown_counts(at) == expected_counts(params)


@pytest.mark.parametrize("params, shown", [
    ({"year": "abc"}, "year=abc"),
    ({"actor": "NOBODY"}, "actor=NOBODY"),
    ({"q": "x" * 10_000}, "q="),
    ({"lang": "xx"}, "lang=xx"),
    ({"type": "NOPE", "place": "atlantis"}, "place=atlantis"),
])
def test_bogus_parameters_warn_not_raise(params, shown):
    at = run_page("overview", {"lang": "en", **params})
    assert not at.exception
    warnings = " ".join(markdown_plain(w.value) for w in at.warning)
    assert shown in warnings
    assert len(warnings) < 400
    assert at.title[0].value  # the rest of the page rendered


def test_reversed_year_range_is_said_corrected_not_ignored():
    at = run_page("overview", {"lang": "en", "year": "2025-2008"})
    assert not at.exception
    assert "year=2025-2008" not in " ".join(markdown_plain(w.value) for w in at.warning)
    assert any("year=2025-2008 → 2008-2025" in markdown_plain(i.value) for i in at.info)
    assert shown_counts(at) == expected_counts({"year": "2008-2025"})


def test_one_year_is_shown_as_one_year():
    at = run_page("overview", {"lang": "en", "year": "2025"})
    years = next(m.value for m in at.metric if m.label == t("overview.years", "en"))
    assert years == ltr("2025")


def test_the_year_range_reads_first_to_last_in_arabic_too():
    """An en dash between two numbers is neutral: in a right-to-left line 2006–2025 would be
    drawn 2025–2006. The range is a left-to-right isolate, as in the brief."""
    at = run_page("overview", {"lang": "ar", "year": "2008-2025"})
    years = next(m.value for m in at.metric if m.label == t("overview.years", "ar"))
    assert years == ltr("2008–2025")
    at = run_page("overview", {"lang": "ar", "year": "2025"})  # and "2 / 5" articles is not drawn 5 / 2
    shown, total = filtered({"year": "2025"}).reports["article_id"].nunique(), len(index().corpus.articles)
    assert shown < total, "a view with fewer articles than the corpus, or this proves nothing"
    articles = next(m.value for m in at.metric if m.label == t("overview.articles", "ar"))
    assert articles == ltr(f"{shown} / {total}")


def test_date_range_from_the_link_sets_the_inputs_and_filters():
    params = {"from": "2024-12-15", "to": "2025-01-10"}
    at = run_page("overview", {"lang": "en", **params})
    assert not at.exception
    assert str(at.date_input(key="f_from").value) == "2024-12-15"
    assert str(at.date_input(key="f_to").value) == "2025-01-10"
    assert shown_counts(at) == expected_counts(params)
    assert 0 < shown_counts(at)[0] < shown_counts(at)[1]


def test_date_inputs_write_the_link():
    import datetime as dt

    at = run_page("overview", {"lang": "en"})
    at.date_input(key="f_from").set_value(dt.date(2010, 3, 1)).run()
    at.date_input(key="f_to").set_value(dt.date(2010, 3, 31)).run()
    assert not at.exception
    assert at.query_params.get("from") in ("2010-03-01", ["2010-03-01"])
    assert at.query_params.get("to") in ("2010-03-31", ["2010-03-31"])
    assert shown_counts(at) == expected_counts({"from": "2010-03-01", "to": "2010-03-31"})


def test_widget_change_updates_counts_and_url():
    at = run_page("overview", {"lang": "en"})
    at.multiselect(key="f_actor").set_value(["DZA"]).run()
    assert not at.exception
    assert shown_counts(at) == expected_counts({"actor": "DZA"})
    assert at.query_params.get("actor") in ("DZA", ["DZA"])
    at.button(key="f_reset").click().run()
    assert shown_counts(at) == expected_counts({})
    assert "actor" not in at.query_params


def test_setting_a_filter_from_code_reaches_the_url():
    """The edge of widget↔URL binding: a value set from code (as the map selection does)."""
    at = run_page("overview", {"lang": "en"})
    at.session_state["f_place"] = ["kidal-region"]
    at.run()
    assert not at.exception
    assert at.query_params.get("place") in ("kidal-region", ["kidal-region"])
    assert shown_counts(at) == expected_counts({"place": "kidal-region"})


def test_language_switch_is_kept_in_url():
    at = run_page("overview", {"lang": "en"})
    at.selectbox(key="f_lang").set_value("ar").run()
    assert at.title[0].value == t("nav.overview", "ar")
    assert at.query_params.get("lang") in ("ar", ["ar"])


def test_broken_corpus_shows_error_not_exception(tmp_path, monkeypatch):
    (tmp_path / "events.jsonl").write_text("{not json\n", encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path))
    at = run_page("overview", {"lang": "en"})
    assert not at.exception
    assert any(t("error.corpus_title", "en") in e.value for e in at.error) or any(
        t("error.partial_title", "en") in w.value for w in at.warning)


@pytest.mark.parametrize("params", [{}, {"year": "2008-2012"}, {"year": "2025"}])
def test_barometer_draws_the_years_of_the_filtered_dyad(params):
    at = run_page("overview", {"lang": "en", **params})
    assert not at.exception
    svg = next(m.value for m in at.markdown if "atlas-barometer" in m.value)
    baro = frames.barometer(filtered(params).events, index().actor_members)
    drawn = sorted(int(y) for y in re.findall(r'data-year="(\d+)"', svg))
    assert drawn == sorted(int(y) for y in baro["year"])
    assert drawn, "the curated corpus has Algeria–Mali events in these years"


def test_a_bad_stored_row_is_left_out_with_a_warning_not_the_whole_site(tmp_path, monkeypatch):
    """Issue 13, defect 2: an event stored with type 'aid' (an old row, a manual edit) is
    skipped and named; every other page keeps its corpus."""
    from sqlalchemy import update

    from corpus.store import Item, Store
    from corpus.store.db import dispose_all
    from corpus.store.schema import annotations
    from tests.fixtures import make_data_dir
    from tests.store_helpers import TEXT

    monkeypatch.setenv("ATLAS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("ATLAS_DATA_DIR", str(make_data_dir(tmp_path / "data")))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    store = Store.open(f"sqlite:///{tmp_path / 'state' / 'atlas.sqlite'}")
    start = TEXT.index("استدعاء")
    item = Item("event", start, start + 7, TEXT[start:start + 7], {"event_type": "AID"},
                "accepted", "curator")
    article = store.add_article(TEXT, {"language": "ar", "title_ar": "x", "published": "2024-01-05",
                                       "published_precision": 1}, [item], status="accepted")
    with store.engine.begin() as conn:
        conn.execute(update(annotations).where(annotations.c.id == article.items[0].id)
                     .values(data={"event_type": "aid"}))
    try:
        at = run_page("overview", {"lang": "en"})
    finally:
        dispose_all()
    assert not at.exception
    assert not any(t("error.corpus_title", "en") in e.value for e in at.error)
    assert any(t("error.partial_title", "en") in w.value for w in at.warning)
    listed = "\n".join(c.value for c in at.code)
    assert article.items[0].id in listed and "'aid'" in listed
    assert at.metric  # the page is drawn


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_reversed_range_and_an_id_in_the_wrong_case_are_applied_and_said_so(lang):
    from components.html import markdown_text

    at = run_page("overview", {"lang": lang, "year": "2025-2010", "actor": "dza"})
    assert not at.exception
    assert shown_counts(at) == expected_counts({"year": "2010-2025", "actor": "DZA"})
    items = ", ".join(map(markdown_text, ("year=2025-2010 → 2010-2025", "actor=dza → DZA")))
    assert [i.value for i in at.info] == [t("filters.corrected", lang, items=items)]
    assert not at.warning
    assert at.query_params["actor"] == "DZA" and at.query_params["year"] == "2010-2025"
