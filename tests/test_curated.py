"""The shipped corpus: it validates, its spans are exact, and known queries give known answers."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import geo
from corpus.loader import DEFAULT_DATA_DIR, collect, load_corpus
from corpus.query import Filters, build_index, run_query

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def index(corpus):
    return build_index(corpus, geo.contained_places())


def test_validate_cli_reports_all_five_articles():
    run = subprocess.run([sys.executable, "-m", "corpus", "validate"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "articles: 5" in run.stdout


def test_seed_articles_are_byte_copies():
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds not beside the checkout")
    for seed in seeds.glob("*.txt"):
        assert (DEFAULT_DATA_DIR / "articles" / seed.name).read_bytes() == seed.read_bytes()


def test_every_curated_span_is_exact(corpus):
    spans = [*corpus.events.values(), *corpus.quotes.values(), *corpus.mentions]
    assert len(spans) > 300
    for item in spans:
        assert corpus.articles[item.article_id].text[item.start:item.end] == item.text, item


def test_annotation_is_complete(corpus):
    counts = corpus.counts()
    assert counts["actors"] >= 40 and counts["events"] >= 30 and counts["quotes"] >= 25
    assert {q.language for q in corpus.quotes.values()} == {"ar", "fr"}
    assert all(a.published and a.published_evidence for a in corpus.articles.values())
    for article_id in corpus.articles:
        assert any(e.article_id == article_id for e in corpus.events.values()), article_id


def test_year_2025_and_algeria(index):
    result = run_query(index, Filters(year_min=2025, year_max=2025, actors=("DZA",)))
    assert sorted(result.reports["id"]) == ["ev-001-03", "ev-001-04", "ev-003-04", "ev-003-05"]
    assert sorted(result.events["cluster_id"]) == ["ev-001-03", "ev-001-04"]  # two events, two reports each
    assert list(result.quotes["id"]) == ["q-001-02"]


def test_kidal_region_includes_events_in_kidal(index):
    result = run_query(index, Filters(places=("kidal-region",)))
    assert set(result.events["place_id"]) <= {"kidal-region", "kidal", "tessalit", "aguelhok", "abeibara", "tinzaouaten-mali"}
    assert len(result.events) >= 2
    northern = run_query(index, Filters(places=("northern-mali",)))
    assert set(result.reports["id"]) <= set(northern.reports["id"])


def test_arabic_insensitive_text_search(index):
    plain = run_query(index, Filters(text="عطاف"))
    assert len(plain.quotes) >= 1 or len(plain.events) >= 1
    with_hamza = run_query(index, Filters(text="أحمد عطاف"))
    without = run_query(index, Filters(text="احمد عطاف"))
    assert list(with_hamza.events["id"]) == list(without.events["id"])


def test_breaking_a_copy_names_file_and_row(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, copy)
    lines = (copy / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace('"speaker": "', '"speaker": "X', 1)
    (copy / "quotes.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = [str(p) for p in collect(copy)[1]]
    assert len(problems) == 1 and problems[0].startswith("quotes.jsonl:5: unknown speaker actor 'X")
