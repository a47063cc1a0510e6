import subprocess
import sys
from pathlib import Path

import pytest

from corpus.loader import CorpusError, collect, load_corpus
from tests.fixtures import make_data_dir, tiny_records

ROOT = Path(__file__).resolve().parent.parent


def test_tiny_data_dir_is_valid(tmp_path):
    corpus = load_corpus(make_data_dir(tmp_path / "data"))
    assert corpus.counts() == {"articles": 1, "actors": 3, "places": 2, "events": 1, "quotes": 1, "mentions": 3}
    event = corpus.events["e1"]
    assert corpus.articles["t1"].text[event.start:event.end] == event.text


def _broken(tmp_path, file: str, row: int, change) -> list[str]:
    records = tiny_records()
    change(records[file][row])
    data = make_data_dir(tmp_path / "data", records)
    return [str(p) for p in collect(data)[1]]


BREAKAGES = [
    ("events", 0, lambda r: r.update(start=r["start"] + 1), "events.jsonl:1: span text mismatch"),
    ("quotes", 0, lambda r: r.update(speaker="XXX"), "quotes.jsonl:1: unknown speaker actor 'XXX'"),
    ("events", 0, lambda r: r.update(place_id="atlantis"), "events.jsonl:1: unknown place 'atlantis'"),
    ("events", 0, lambda r: r.update(date="2009-02-30"), "events.jsonl:1: invalid date '2009-02-30'"),
    ("events", 0, lambda r: r.update(date_precision=4), "events.jsonl:1: date '2009-01-05' does not match precision 4"),
    ("events", 0, lambda r: r.update(date_precision=9), "events.jsonl:1: invalid date precision 9"),
    ("events", 0, lambda r: r.update(event_type="HUG"), "events.jsonl:1: unknown event type 'HUG'"),
    ("mentions", 1, lambda r: r.update(ref="ZZZ"), "mentions.jsonl:2: unknown actor 'ZZZ'"),
    ("actors", 2, lambda r: r.update(affiliation="NOPE"), "actors.jsonl:3: unknown affiliation actor 'NOPE'"),
    ("quotes", 0, lambda r: r.update(event_id="e9"), "quotes.jsonl:1: unknown event 'e9'"),
    ("quotes", 0, lambda r: r.update(kind="rumour"), "quotes.jsonl:1: invalid quote kind 'rumour'"),
    ("events", 0, lambda r: r.update(article_id="t9"), "events.jsonl:1: unknown article 't9'"),
    ("events", 0, lambda r: r.pop("summary_en"), "events.jsonl:1: missing field(s): summary_en"),
    ("places", 0, lambda r: r.update(colour="red"), "places.jsonl:1: unknown field(s): colour"),
    ("quotes", 0, lambda r: r.update(gloss_en=3), "quotes.jsonl:1: gloss_en must be a string or null, not int"),
    ("quotes", 0, lambda r: r.update(gloss_fr=["non"]), "quotes.jsonl:1: gloss_fr must be a string or null, not list"),
    ("quotes", 0, lambda r: r.update(gloss_ar={"x": 1}), "quotes.jsonl:1: gloss_ar must be a string or null, not dict"),
    ("quotes", 0, lambda r: r.update(gloss_de="Wir"), "quotes.jsonl:1: unknown field(s): gloss_de"),
]


def test_glosses_load_as_strings_or_null(tmp_path):
    records = tiny_records()
    records["quotes"][0].update(gloss_en="We stand with Mali", gloss_fr=None)
    quote = load_corpus(make_data_dir(tmp_path / "data", records)).quotes["q1"]
    assert (quote.gloss_en, quote.gloss_fr, quote.gloss_ar) == ("We stand with Mali", None, None)


def test_every_curated_quote_has_its_glosses():
    """Each curated quote carries the atlas's translation into the languages it is not in."""
    quotes = load_corpus().quotes.values()
    assert quotes
    for quote in quotes:
        wanted = {"ar": ("gloss_en", "gloss_fr"), "fr": ("gloss_en", "gloss_ar")}[quote.language]
        assert all(getattr(quote, name) and getattr(quote, name).strip() for name in wanted), quote.id
        assert getattr(quote, f"gloss_{quote.language}", None) is None, quote.id


@pytest.mark.parametrize(("file", "row", "change", "expected"), BREAKAGES)
def test_each_kind_of_bad_data_is_reported_with_file_and_row(tmp_path, file, row, change, expected):
    problems = _broken(tmp_path, file, row, change)
    assert any(p.startswith(expected) for p in problems), problems


def test_duplicate_id(tmp_path):
    records = tiny_records()
    records["actors"].append(dict(records["actors"][0]))
    problems = [str(p) for p in collect(make_data_dir(tmp_path / "d", records))[1]]
    assert "actors.jsonl:4: duplicate id 'DZA'" in problems


def test_missing_article_file(tmp_path):
    data = make_data_dir(tmp_path / "d")
    (data / "articles" / "t1.txt").unlink()
    problems = [str(p) for p in collect(data)[1]]
    assert problems[0] == "articles.jsonl:1: missing article file articles/t1.txt"


def test_bad_encoding_of_article_and_of_annotation_file(tmp_path):
    data = make_data_dir(tmp_path / "d")
    (data / "articles" / "t1.txt").write_bytes("الجزائر".encode("cp1256"))
    (data / "places.jsonl").write_bytes('{"id": "é"}\n'.encode("latin-1"))
    problems = [str(p) for p in collect(data)[1]]
    assert any(p.startswith("articles.jsonl:1: sha256") or "bad encoding in articles/t1.txt" in p for p in problems)
    assert any(p.startswith("places.jsonl:1: bad encoding") for p in problems)


def test_invalid_json_line(tmp_path):
    data = make_data_dir(tmp_path / "d")
    with (data / "events.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    assert "events.jsonl:2: invalid JSON" in "\n".join(str(p) for p in collect(data)[1])


def test_load_corpus_raises_with_every_problem(tmp_path):
    records = tiny_records()
    records["events"][0]["event_type"] = "HUG"
    records["quotes"][0]["speaker"] = "XXX"
    with pytest.raises(CorpusError) as info:
        load_corpus(make_data_dir(tmp_path / "d", records))
    assert len(info.value.problems) == 2


def test_cli_validate_exit_codes(tmp_path):
    good = make_data_dir(tmp_path / "good")
    ok = subprocess.run([sys.executable, "-m", "corpus", "validate", "--data", str(good)],
                        capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr
    assert "articles: 1" in ok.stdout and "events: 1" in ok.stdout
    records = tiny_records()
    records["events"][0]["start"] += 2
    bad = make_data_dir(tmp_path / "bad", records)
    failed = subprocess.run([sys.executable, "-m", "corpus", "validate", "--data", str(bad)],
                            capture_output=True, text=True, cwd=ROOT)
    assert failed.returncode == 1
    assert "events.jsonl:1: span text mismatch" in failed.stderr



@pytest.mark.parametrize(
    ("lines", "comments", "records", "problems"),
    [
        (['{"id": "a"}', "", '{"id": "b"}'], False, [{"id": "a"}, {"id": "b"}], []),
        (['// a note', '{"id": "a"}'], True, [{"id": "a"}], []),
        (['// a note', '{"id": "a"}'], False, [{"id": "a"}], ["x.jsonl:1: invalid JSON"]),
        (['{"id": "a"}', "{oops", "[1, 2]"], False, [{"id": "a"}],
         ["x.jsonl:2: invalid JSON", "x.jsonl:3: a line must be a JSON object"]),
    ],
)
def test_one_jsonl_reader_reports_every_bad_line(tmp_path, lines, comments, records, problems):
    from corpus.loader import jsonl_records, read_jsonl

    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found: list = []
    assert [dict(r.data) for r in read_jsonl(path, found, comments)] == records
    assert len(found) == len(problems)
    assert all(str(p).startswith(q) for p, q in zip(found, problems, strict=True))
    if problems:
        with pytest.raises(ValueError, match=problems[0]):
            jsonl_records(path, comments)
    else:
        assert jsonl_records(path, comments) == records
