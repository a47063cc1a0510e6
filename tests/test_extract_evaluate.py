"""`corpus.evaluate` on the curated corpus: prints the figures, asserts only sanity."""

import json
import subprocess
import sys
from pathlib import Path

from corpus.evaluate import evaluate, format_table

ROOT = Path(__file__).resolve().parent.parent


def test_evaluate_figures_on_the_curated_corpus(capsys):
    result = evaluate()
    with capsys.disabled():
        print("\n" + format_table(result))
    if result["dates"]["gold"]:
        assert result["dates"]["f1"] > 0.3
        assert result["dates"]["f1"] >= result["dateparser_dates"]["f1"]
    if result["places"]["gold"]:
        assert result["places"]["f1"] > 0.3
    if result["actors"]["gold"]:
        assert result["actors"]["f1"] > 0.3
    for k in ("quotes", "events"):
        assert 0 <= result[k]["f1"] <= 1


def test_evaluate_cli_json():
    res = subprocess.run([sys.executable, "-m", "corpus", "evaluate", "--json", "--no-dateparser"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    figures = json.loads(res.stdout)
    assert {"dates", "places", "actors", "quotes", "events"} <= set(figures)
