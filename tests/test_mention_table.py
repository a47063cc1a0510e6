import random

import pytest

from corpus.mention_table import MentionTable
from corpus.models import Mention
from corpus.query import mentions_by_article
from corpus.store.union import named_places


def _mentions(rng: random.Random, count: int, articles: list[str]) -> list[Mention]:
    out = []
    for _ in range(count):
        start = rng.randint(0, 500)
        kind = rng.choice(("place", "actor", "date"))
        out.append(Mention(rng.choice(articles), start, start + rng.randint(1, 9), rng.choice(("باماكو", "Alger", "كيدال")),
                           kind, rng.choice((None, "kidal", "bamako", "DZA")), rng.random() < 0.2,
                           rng.choice(("curated", "added")), rng.choice(("accepted", "proposed"))))
    return out


@pytest.mark.parametrize("seed", range(25))
def test_the_table_reads_back_every_article_s_mentions_in_order(seed):
    rng = random.Random(seed)
    mentions = _mentions(rng, rng.randint(0, 80), [f"a{i}" for i in range(rng.randint(1, 8))])
    table = MentionTable.of(mentions)
    expected = mentions_by_article(mentions)
    assert table == expected and list(table) == list(expected)
    assert all(table[a] == expected[a] for a in expected)
    assert table.get("missing", ()) == ()
    assert table.refs("place") == {m.ref for m in mentions if m.kind == "place" and m.ref}
    assert table.refs("place", origin="added") == named_places((), (m for m in mentions if m.origin == "added"))


@pytest.mark.parametrize("seed", range(25))
def test_without_and_union_equal_the_dict_splice(seed):
    rng = random.Random(seed)
    articles = [f"a{i}" for i in range(6)]
    before, after = _mentions(rng, rng.randint(0, 60), articles), _mentions(rng, rng.randint(0, 20), articles)
    replaced = set(rng.sample(articles, rng.randint(0, 4))) | {m.article_id for m in after}
    old = mentions_by_article(before)
    expected = {k: v for k, v in old.items() if k not in replaced} | mentions_by_article(after)
    spliced = MentionTable.of(before).without(replaced) | MentionTable.of(after)
    assert spliced == expected and list(spliced) == list(expected)
    assert spliced.refs("actor") == {m.ref for found in expected.values() for m in found if m.kind == "actor" and m.ref}
