"""The `python -m corpus extract` contract on the seeds, and batch mode with a failing file."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "data" / "articles").glob("*.txt"))
KEYS = ["file", "text_sha256", "dates", "places", "actors", "quotes", "events"]


def run(*args):
    return subprocess.run([sys.executable, "-m", "corpus", "extract", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def check_result(obj, path: Path):
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert list(obj) == KEYS
    assert obj["text_sha256"] == hashlib.sha256(raw).hexdigest()
    for kind in ("dates", "places", "actors", "quotes"):
        for m in obj[kind]:
            assert text[m["start"]:m["end"]] == m["text"], (kind, m)
    for d in obj["dates"]:
        assert d["precision"] in ("day", "month", "year", "unknown")
        assert d["value"] is None or len(d["value"]) in (4, 7, 10)
        assert isinstance(d["relative"], bool)
    for p in obj["places"]:
        assert set(p) == {"start", "end", "text", "place_id", "name_en", "lat", "lon"}
    for a in obj["actors"]:
        assert set(a) == {"start", "end", "text", "actor_id", "name_en", "kind"}
        aid = a["actor_id"]
        if a["kind"] == "state":
            assert len(aid) == 3 and aid.isupper()
        if a["kind"] == "state_body":
            assert aid[:3].isupper() and aid[3] == "-"
    for q in obj["quotes"]:
        assert q["kind"] in ("direct", "fragment", "reported")
        assert q["speaker"] is None or set(q["speaker"]) == {"actor_id", "name_en"}
    for e in obj["events"]:
        assert set(e) == {"type", "actor1", "actor2", "place_id", "date", "date_precision", "evidence"}
        assert 0 <= e["evidence"]["start"] < e["evidence"]["end"] <= len(text)


def test_one_file_prints_one_object():
    res = run(SEEDS[0], "--published", "2010-03", "--json")
    assert res.returncode == 0, res.stderr
    check_result(json.loads(res.stdout), SEEDS[0])


def test_several_files_print_a_list_and_every_span_matches():
    res = run(*SEEDS, "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert isinstance(out, list) and len(out) == len(SEEDS)
    for obj, path in zip(out, SEEDS, strict=True):
        check_result(obj, path)


@pytest.fixture()
def batch_dir(tmp_path):
    for p in SEEDS:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "zz_binary.txt").write_bytes(b"\x89PNG\x00\x01\x02\xff\xfe")
    (tmp_path / "zz_latin1.txt").write_bytes("Alg\xe9rie et Mali".encode("latin-1"))
    return tmp_path


def test_batch_skips_failing_files(batch_dir):
    res = run(batch_dir, "--jobs", "2", "--jsonl")
    assert res.returncode != 0
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(lines) == len(SEEDS)
    assert "zz_binary.txt" in res.stderr and "zz_latin1.txt" in res.stderr
    for obj in lines:
        check_result(obj, Path(obj["file"]))
