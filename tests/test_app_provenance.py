"""AppTest: an item the engine proposed and a curator accepted says so on the page."""

from __future__ import annotations

import pytest

from components.i18n import t
from corpus.store import Item, Store
from corpus.store.db import dispose_all
from corpus.store.proposals import items_from_extraction
from tests.fixtures import make_data_dir
from tests.store_helpers import TEXT, FakeExtractor
from tests.test_app_helpers import run_page

META = {"language": "ar", "title_ar": "استدعاء", "published": "2024-01-05", "published_precision": 1}


@pytest.fixture
def accepted_article(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("ATLAS_DATA_DIR", str(make_data_dir(tmp_path / "data")))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    url = f"sqlite:///{tmp_path / 'state' / 'atlas.sqlite'}"
    (tmp_path / "state").mkdir()
    store = Store.open(url)
    article = store.add_article(TEXT, META, items_from_extraction(TEXT, FakeExtractor().extract(TEXT)), user="amina")
    stored = store.get(article.id)
    store.save(article.id, stored.version, user="amina", status="accepted",
               items=[Item(i.kind, i.start, i.end, i.text, i.data, "accepted", i.source, i.id) for i in stored.items])
    yield article.id
    dispose_all()


@pytest.mark.parametrize("lang, mark", [("en", "proposed by the engine, accepted by amina"),
                                        ("ar", "اقترحه المحرك، وقبله amina")])
def test_an_accepted_proposal_keeps_its_mark(accepted_article, lang, mark):
    at = run_page("quotes", {"lang": lang})
    assert not at.exception
    cards = [el.proto.body for el in at.get("html") if f"{accepted_article}-q-01" in el.proto.body]
    assert cards and mark in cards[0]
    curated = [el.proto.body for el in at.get("html") if 'data-quote-id="q1"' in el.proto.body]
    assert curated and "atlas-badge-provenance" not in curated[0]


@pytest.mark.parametrize("lang, says_so", [("en", True), ("fr", True), ("ar", False)])
def test_an_added_quote_without_a_translation_says_so(accepted_article, lang, says_so):
    at = run_page("quotes", {"lang": lang})
    assert not at.exception
    cards = [el.proto.body for el in at.get("html") if f"{accepted_article}-q-01" in el.proto.body]
    assert cards and "نحن مع مالي" in cards[0]
    missing = f'<div class="atlas-gloss atlas-gloss-missing" dir="ltr" lang="{lang}">{t("quotes.no_gloss", lang)}</div>'
    assert (missing in cards[0]) == says_so
    if not says_so:  # an Arabic quote in the Arabic interface has no translation line at all
        assert "atlas-gloss" not in cards[0]
