"""AppTest: the article reader — metadata, highlighted text, ?article=&span= opens at the span."""

import pytest

from components.i18n import t
from tests.test_app_helpers import assert_no_raw_keys, quotes, run_page


def _first_quote():
    return next(iter(quotes().values()))


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_renders_in_each_language(lang):
    at = run_page("sources", {"lang": lang})
    assert not at.exception
    assert at.title[0].value == t("nav.sources", lang)
    assert_no_raw_keys(at)


def test_span_opens_highlighted():
    quote = _first_quote()
    at = run_page("sources", {"lang": "en", "article": quote.article_id, "span": f"{quote.start}-{quote.end}"})
    assert not at.exception
    body = "".join(el.proto.body for el in at.get("html"))
    assert 'id="atlas-target"' in body
    assert at.query_params.get("span") in (f"{quote.start}-{quote.end}", [f"{quote.start}-{quote.end}"])


@pytest.mark.parametrize("span", ["abc", "999999-9999999", "5-2", "<script>alert(1)</script>"])
def test_bad_span_warns(span):
    quote = _first_quote()
    at = run_page("sources", {"lang": "en", "article": quote.article_id, "span": span})
    assert not at.exception
    assert at.warning
    body = "".join(el.proto.body for el in at.get("html"))
    assert "<script>alert" not in body


def _highlighted_kinds(at) -> set[str]:
    body = "".join(el.proto.body for el in at.get("html"))
    return {kind for kind in ("event", "quote", "place", "actor") if f"hl-{kind}" in body.replace("hl-target", "")}


def test_highlight_toggle_removes_marks():
    quote = _first_quote()
    at = run_page("sources", {"lang": "en", "article": quote.article_id})
    assert _highlighted_kinds(at) == {"event", "quote", "place", "actor"}
    pills = at.get("button_group")[0]
    assert pills.key == "reader_kinds"
    pills.set_value(["quote"]).run()
    assert not at.exception
    assert _highlighted_kinds(at) == {"quote"}
    at.get("button_group")[0].set_value([]).run()
    assert not at.exception
    assert _highlighted_kinds(at) == set()


def test_filters_that_match_no_article_say_so_instead_of_listing_every_article():
    at = run_page("sources", {"lang": "fr", "q": "aucun-mot-de-ce-genre"})
    assert not at.exception
    assert [i.value for i in at.info] == [t("empty.article", "fr")]
    assert "reader_article" not in [s.key for s in at.selectbox]


def test_with_no_filter_an_article_with_no_event_or_quote_can_be_read(tmp_path, monkeypatch):
    """An added article in which nothing was found (or everything was rejected) is still in the
    reader; a text filter then lists only the articles with matching items."""
    import hashlib

    from tests.fixtures import make_data_dir, tiny_records

    records = tiny_records()
    text = "نص مقال لم يُستخرج منه شيء بعد.\n"
    bare = {**records["articles"][0], "id": "t2", "file": "articles/t2.txt", "title_en": "Nothing found yet",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "published": "2010", "published_precision": 5,
            "published_inferred": False, "published_evidence": None}
    records["articles"].append(bare)
    root = make_data_dir(tmp_path / "data", records)
    (root / "articles" / "t2.txt").write_text(text, encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(root))
    monkeypatch.setenv("ATLAS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    at = run_page("sources", {"lang": "en"})
    assert not at.exception and not at.warning
    assert at.selectbox(key="reader_article").options == ["Aid", "Nothing found yet"]
    at = run_page("sources", {"lang": "en", "q": "باماكو"})
    assert at.selectbox(key="reader_article").options == ["Aid"]
