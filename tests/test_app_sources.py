"""AppTest: the article reader — metadata, highlighted text, ?article=&span= opens at the span."""

import pytest

from components.i18n import t
from tests.test_app_helpers import assert_no_raw_keys, index, run_page


def _first_quote():
    return next(iter(index().corpus.quotes.values()))


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
