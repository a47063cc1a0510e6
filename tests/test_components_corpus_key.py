"""Caches of figures are keyed by a stable corpus fingerprint (data.Loaded.key), never by
id(index): another corpus loaded after the old index is freed gets another key."""

from types import SimpleNamespace

import pandas as pd

from components import data
from components.timeline_view import signature
from tests.fixtures import make_data_dir


def test_the_key_follows_the_data_files_and_the_database(tmp_path):
    directory = make_data_dir(tmp_path / "data")
    files = data.fingerprint(directory)
    key = data.corpus_key(str(directory), files, ())
    assert key == data.corpus_key(str(directory), data.fingerprint(directory), ())
    assert key != data.corpus_key(str(directory), files, (("articles", 1),))
    with (directory / "events.jsonl").open("a", encoding="utf-8") as out:
        out.write("\n")
    assert data.corpus_key(str(directory), data.fingerprint(directory), ()) != key


def test_load_hands_its_key_to_the_pages(tmp_path):
    directory = make_data_dir(tmp_path / "data")
    loaded = data.load(str(directory), data.fingerprint(directory), ())
    assert loaded.index is not None
    assert loaded.key == data.corpus_key(str(directory), data.fingerprint(directory), ())


def test_the_timeline_signature_tells_two_corpora_of_the_same_shape_apart():
    events = pd.DataFrame({"id": ["e1", "e2"]})
    ctx = SimpleNamespace(index=SimpleNamespace(events=events), corpus_key="a")
    same_shape = SimpleNamespace(index=SimpleNamespace(events=events.copy()), corpus_key="b")
    assert signature(ctx, events) == signature(ctx, events.copy())
    assert signature(ctx, events) != signature(same_shape, events)
    assert signature(ctx, events) != signature(ctx, events.iloc[:1])
