"""AppTest: the Add-article page proposes merging an added event into an existing one
(components/merge_review.py); the curator's choice is saved as a recorded edit."""

from __future__ import annotations

import dataclasses

import pytest
from streamlit.testing.v1 import AppTest

from components.i18n import t
from corpus.store import Store
from corpus.store.proposals import items_from_extraction
from tests.fixtures import make_data_dir, tiny_records
from tests.store_helpers import TEXT, FakeExtractor
from tests.test_app_add_article import (
    PAGE,
    bound_to,
    button,
    throttle_clock,  # noqa: F401 — autouse fixture
)

META = {"language": "ar", "title_ar": "استدعاء", "published": "2024-01-05", "published_precision": 1}


@pytest.fixture
def env(tmp_path, monkeypatch):
    from corpus.store.db import dispose_all

    records = tiny_records()
    records["events"].append({**records["events"][0], "id": "c1", "event_type": "SANCTION",
                              "actor1": "DZA-MFA", "actor2": "MLI", "date": "2024-01", "date_precision": 4})
    monkeypatch.setenv("ATLAS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("ATLAS_DATA_DIR", str(make_data_dir(tmp_path / "data", records)))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    url = f"sqlite:///{tmp_path / 'state' / 'atlas.sqlite'}"
    (tmp_path / "state").mkdir()
    store = Store.open(url)
    art = store.add_article(TEXT, META, items_from_extraction(TEXT, FakeExtractor().extract(TEXT)), user="t")
    store.save(art.id, art.version, user="t", status="accepted",
               items=[dataclasses.replace(i, status="accepted") for i in art.items])
    with bound_to("127.0.0.1"):
        yield url, art.id
    dispose_all()


def _saved_mode(lang: str):
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.radio(key="aa_mode").set_value("saved").run()
    assert not at.exception
    return at


@pytest.mark.parametrize(("lang", "choice", "key"), [("en", "yes", "same_as"), ("ar", "no", "distinct_from")])
def test_merge_proposal_is_shown_and_the_choice_saved(env, lang, choice, key):
    url, art_id = env
    at = _saved_mode(lang)
    event_id = f"{art_id}-ev-01"
    assert any(t("merge.title", lang) in m.value for m in at.markdown)
    button(at, f"aa_merge_{choice}_{event_id}").click().run()
    assert not at.exception
    stored = next(i for i in Store.open(url).get(art_id).items if i.id == event_id)
    assert stored.data[key] == "c1" and stored.status == "edited"
    assert Store.open(url).history(art_id)[-1]["entity_id"] == event_id
    done = t("merge.merged" if key == "same_as" else "merge.kept", lang, event="c1")
    assert any(s.value.replace("\\", "") == done for s in at.success)
    assert not any(b.key == f"aa_merge_yes_{event_id}" for b in at.button)  # decided: no longer proposed
