"""corpus/textcheck.py and where it is used (issue 13, defect 10): invisible text, duplicates
up to spacing, bidi controls stored raw."""

from __future__ import annotations

import pytest
from sqlalchemy import text as sql

from corpus import ingest
from corpus.ingest import Refused
from corpus.store import DuplicateError, Store
from corpus.store.db import create
from corpus.store.migrate import current, head, upgrade
from corpus.textcheck import BIDI_CONTROLS, fingerprint, has_visible_text, without_bidi_controls
from tests.store_helpers import TEXT

INVISIBLE = ["\u200b", "\u200b\u200c\u200d\u2060\ufeff", "\u200b \n\t\u00a0\u2003",
             "\u202e\u2066\u2069", "\u3164\u115f", "\u2800\u2800", "\u00ad\u034f"]


@pytest.mark.parametrize("text", INVISIBLE)
def test_text_of_invisible_characters_is_refused(text):
    assert not has_visible_text(text)
    with pytest.raises(Refused) as err:
        ingest.from_text(text)
    assert err.value.code == "empty" and "visible" in err.value.message


def test_text_of_invisible_characters_cannot_be_stored(sqlite_url):
    with pytest.raises(ValueError, match="visible"):
        Store.open(sqlite_url).add_article("\u200b\u200c", {"language": "ar"})


VARIANTS = [TEXT + " ", TEXT.replace("\n", "\r\n"), TEXT.replace(" ", " \u200b", 3),
            "  " + TEXT + "\n\n", TEXT.replace("\n", " \t\n"), TEXT.replace("\n", "\r")]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_same_article_typed_differently_is_a_duplicate(db_url, variant):
    store = Store.open(db_url)
    first = store.add_article(TEXT, {"language": "ar"}, user="t")
    assert fingerprint(variant) == fingerprint(TEXT) and variant != TEXT
    with pytest.raises(Refused) as err:
        ingest.add(store, ingest.from_text(variant), {"language": "ar"}, [], {})
    assert err.value.code == "duplicate" and err.value.article_id == first.id
    with pytest.raises(DuplicateError):  # the store refuses it too, whoever calls it
        store.add_article(variant, {"language": "ar"}, user="t")


def test_a_curated_article_typed_differently_is_a_duplicate():
    curated = {fingerprint(TEXT): "t1", "0" * 64: "t1"}
    with pytest.raises(Refused) as err:
        ingest.check_new(ingest.from_text(TEXT.replace("\n", "\r\n")), curated, None)
    assert err.value.article_id == "t1"


def test_the_stored_text_is_exactly_what_was_given(db_url):
    given = "\u202eسطر\u2066 أول \r\nالثاني\u200b  \r\n"
    stored = Store.open(db_url).add_article(given, {"language": "ar"}, user="t")
    assert Store.open(db_url).get(stored.id).text == given  # CRLF, controls, spaces: as given


def test_different_texts_have_different_fingerprints():
    assert fingerprint(TEXT) != fingerprint(TEXT.replace("باماكو", "كيدال"))
    assert fingerprint("a b") != fingerprint("ab")  # inner spaces are content


def test_bidi_controls_are_removed_for_display_only():
    raw = "abc\u202edcba\u202c \u2067x\u2069"
    assert without_bidi_controls(raw) == "abcdcba x"
    assert not BIDI_CONTROLS & set(without_bidi_controls("".join(BIDI_CONTROLS)))


def test_migration_backfills_fingerprints_and_keeps_old_duplicates(db_url):
    """Revision 0003: old articles get their fingerprint; of two old rows that are the same
    text up to spacing, the first keeps it, the second stays (NULL), nothing is deleted."""
    engine = create(db_url)
    upgrade(engine, "0002")
    rows = [("u-a", "1" * 64, TEXT, "2024-01-01 00:00:00"),
            ("u-b", "2" * 64, TEXT + " ", "2024-01-02 00:00:00"),
            ("u-c", "3" * 64, "نص آخر\n", "2024-01-03 00:00:00")]
    with engine.begin() as conn:
        for article_id, sha, body, when in rows:
            conn.execute(sql(
                "INSERT INTO articles (id, sha256, text, language, tags, source, status, version, "
                "created_at, updated_at) VALUES (:id, :sha, :text, 'ar', '[]', 'cli', 'accepted', 1, "
                ":now, :now)"), {"id": article_id, "sha": sha, "text": body, "now": when})
    upgrade(engine)
    assert current(engine) == head()
    with engine.connect() as conn:
        prints = dict(conn.execute(sql("SELECT id, fingerprint FROM articles")).all())
    assert prints == {"u-a": fingerprint(TEXT), "u-b": None, "u-c": fingerprint("نص آخر")}
    store = Store(engine)
    assert store.get("u-b").text == TEXT + " "
    with pytest.raises(DuplicateError) as err:
        store.add_article(TEXT.replace("\n", "\r\n"), {"language": "ar"})
    assert err.value.article_id == "u-a"
    engine.dispose()
