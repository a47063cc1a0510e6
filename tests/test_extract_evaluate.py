"""`corpus.evaluate`: the scorer on known predictions (every figure exact), and on the curated
corpus with the real engine (gold counts are the corpus's, the engine beats the baseline)."""

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from corpus import load_corpus
from corpus.evaluate import evaluate, format_table, prf
from corpus.extract.pipeline import Extractor
from corpus.loader import collect
from tests.fixtures import ARTICLE_TEXT, make_data_dir

ROOT = Path(__file__).resolve().parent.parent


def _at(needle: str) -> dict:
    start = ARTICLE_TEXT.index(needle)
    return {"start": start, "end": start + len(needle)}


def _scripted(data_dir: Path, out: dict):
    """An engine that returns `out` for every article, with the real lexicon's actor → state."""
    corpus, _ = collect(data_dir)
    return SimpleNamespace(extract=lambda text, published: out, lexicon=Extractor.from_corpus(corpus).lexicon)


def test_every_figure_on_known_predictions(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    out = {
        "dates": [{**_at("5 جانفي 2009"), "value": "2009-01-05"}, {**_at("5 جانفي 2009"), "value": "2009-01"}],
        "places": [{**_at("باماكو"), "place_id": "bamako"}],
        "actors": [{**_at("الجزائر مساعدات"), "actor_id": "DZA"}],  # the wrong span
        "quotes": [{**_at("نحن مع مالي"), "speaker": {"actor_id": "DZA"}, "kind": "direct"}],
        # the ministry for its state and the month of the day: a match, but not a strict one
        "events": [{"type": "AID", "actor1": "DZA-MFA", "actor2": "MLI", "date": "2009-01", "date_precision": "month"}],
    }
    result = evaluate(data_dir, _scripted(data_dir, out), with_dateparser=False)
    assert result["dates"] == prf(1, 2, 1) and result["dates_span_only"] == prf(1, 2, 1)
    assert result["places"] == prf(1, 1, 1)
    assert result["actors"] == prf(0, 1, 1)
    assert result["quotes"] == {**prf(1, 1, 1), "speaker_accuracy": 0.0, "kind_accuracy": 1.0}
    assert result["events"] == prf(1, 1, 1)
    assert result["events_strict"] == prf(0, 1, 1)
    assert result["articles"] == 1 and "dateparser_dates" not in result


def test_a_quote_overlapping_less_than_four_fifths_is_not_found(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    empty = {"dates": [], "places": [], "actors": [], "events": []}
    short = _at("نحن مع")
    result = evaluate(data_dir, _scripted(data_dir, {**empty, "quotes": [{**short, "speaker": None, "kind": "direct"}]}),
                      with_dateparser=False)
    assert result["quotes"] == {**prf(0, 1, 1), "speaker_accuracy": 0.0, "kind_accuracy": 0.0}


def test_evaluate_figures_on_the_curated_corpus(capsys):
    result = evaluate()
    with capsys.disabled():
        print("\n" + format_table(result))
    corpus = load_corpus()
    for kind, name in (("date", "dates"), ("place", "places"), ("actor", "actors")):
        assert result[name]["gold"] == len({(m.article_id, m.start, m.end, m.ref) for m in corpus.mentions if m.kind == kind})
        assert result[name]["f1"] > 0.3, name
    assert result["quotes"]["gold"] == len(corpus.quotes) and result["events"]["gold"] == len(corpus.events)
    assert result["dates"]["f1"] >= result["dateparser_dates"]["f1"]
    assert result["events_strict"]["tp"] <= result["events"]["tp"]


def test_evaluate_cli_json():
    res = subprocess.run([sys.executable, "-m", "corpus", "evaluate", "--json", "--no-dateparser"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    figures = json.loads(res.stdout)
    assert figures == evaluate(with_dateparser=False)


def test_dateparser_hits_need_the_gold_span_and_agree_to_the_gold_precision():
    import datetime as dt

    from corpus.evaluate import _dateparser_figures

    gold = {("a", 0, 5, "2010-02"), ("a", 10, 14, "2011")}
    found = {("a", 0, 5, dt.datetime(2010, 2, 23)),  # a hit: the month agrees
             ("a", 10, 14, dt.datetime(2012, 1, 1)),  # the right span, the wrong year
             ("a", 20, 25, dt.datetime(2010, 2, 1))}  # no gold there
    assert _dateparser_figures(gold, found) == prf(1, 3, 2)
