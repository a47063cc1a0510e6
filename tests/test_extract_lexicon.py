"""The extraction lexicon's single places: actor → state, capitals, tokens, JSON Lines."""

import pytest

from corpus.extract.pipeline import Extractor
from corpus.loader import DEFAULT_DATA_DIR, load_corpus
from corpus.models import affiliation_root, capital_places, place_states


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_corpus(load_corpus(DEFAULT_DATA_DIR))


@pytest.mark.parametrize(
    ("actor_id", "state"),
    [("DZA", "DZA"), ("MLI-GOV", "MLI"), ("DZA-MFA", "DZA"), ("ahmed-attaf", "DZA"),
     ("ibrahim-ag-bahanga", None), ("MINUSMA", None), ("MLI-JUNTA", "MLI"), ("XYZ-GOV", None),
     ("no-such-person", None), ("", None), (None, None)],
)
def test_root_state_is_the_corpus_walk_kept_when_it_ends_on_a_state(extractor, actor_id, state):
    assert extractor.lexicon.root_state(actor_id) == state


def test_root_state_agrees_with_the_corpus_walk_for_every_record(extractor):
    lex = extractor.lexicon
    for actor_id in lex.actors:
        root = affiliation_root(actor_id, lex.actors)
        expected = root if root in lex.actors and lex.actors[root].kind == "state" else None
        assert lex.root_state(actor_id) == expected, actor_id


def test_capitals_and_country_of_place_come_from_the_one_table(extractor):
    lex = extractor.lexicon
    assert lex.capital_place == {s: p.id for s, p in capital_places(lex.places.values()).items()}
    assert lex.capital_place["MLI"] == "bamako" and lex.capital_place["DZA"] == "algiers"
    assert extractor.country_of == place_states(lex.places.values())
    assert extractor.country_of["bamako"] == "MLI" and "kidal" not in extractor.country_of


@pytest.mark.parametrize(
    ("surface", "tokens"),
    [("وزير الخارجية", ("وزير", "الخارجيه")), ("#مالي @x", ("#مالي", "@x")), ("a_b-c", ("a", "b", "c"))],
)
def test_phrase_keys_use_the_document_token_regex(surface, tokens):
    from corpus.extract import doc, lexicon, quotes

    assert lexicon.key(surface) == tokens
    assert lexicon.WORD_RE is doc.TOKEN_RE and quotes._KEY_RE is doc.TOKEN_RE


def test_lexicon_jsonl_goes_through_the_one_reader(tmp_path, monkeypatch):
    from corpus.extract import resources

    (tmp_path / "x.jsonl").write_text('// a note\n{"id": "a"}\n{broken\n', encoding="utf-8")
    monkeypatch.setattr(resources, "LEXICON_DIR", tmp_path)
    resources.load_jsonl.cache_clear()
    try:
        with pytest.raises(resources.ResourceError, match=r"x.jsonl:3: invalid JSON"):
            resources.load_jsonl("x.jsonl")
        assert resources.load_jsonl("missing.jsonl") == ()
    finally:
        resources.load_jsonl.cache_clear()


@pytest.mark.parametrize(
    ("side", "is_state"),
    [("MLI", True), ("DZA", True), ("MLI-GOV", False), ("CMA", False), ("UN", False),
     ("ahmed-attaf", False), ("", False), (None, False)],
)
def test_a_side_is_a_state_by_its_record_never_its_spelling(extractor, side, is_state):
    from corpus.extract.doc import make_doc
    from corpus.extract.event_context import Article

    article = Article(make_doc("نص قصير"), [], [], [], extractor.lexicon.root_state)
    assert article.is_state(side) is is_state
    assert not Article(make_doc("نص"), [], [], []).is_state("MLI")  # no resolver: no guess
