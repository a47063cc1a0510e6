"""`python -m corpus add | stats | export` — the command-line contract, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures import ARTICLE_TEXT, make_data_dir

REPO = Path(__file__).resolve().parent.parent
AR = ("أعلنت الجزائر يوم 5 جانفي 2024 استدعاء سفيرها في باماكو. "
      "وقال الوزير: «نحن مع مالي» في تصريح للصحافة.\n")


def has_extractor() -> bool:
    try:
        from corpus.extract import Extractor  # noqa: F401
    except ImportError:
        return False
    return True


def run(*args: str, state: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ATLAS_STATE_DIR": str(state)}
    env.pop("ATLAS_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "corpus", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def files(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(AR, encoding="utf-8")
    (d / "empty.txt").write_text("  \n", encoding="utf-8")
    (d / "cp1256.txt").write_bytes(AR.encode("cp1256"))
    (d / "curated.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (d / "page.html").write_text(f"<html><body><script>x()</script><p>{AR.strip()} ثانية</p></body></html>",
                                 encoding="utf-8")
    return d


def test_add_prints_one_line_per_file_and_exit_codes(tmp_path, files):
    data = make_data_dir(tmp_path / "data")
    state = tmp_path / "state"
    names = ["good.txt", "empty.txt", "cp1256.txt", "curated.txt", "image.png", "page.html"]
    proc = run("add", *(str(files / n) for n in names), "--data", str(data),
               "--published", "2024-01-05", "--outlet", "El Watan", state=state)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 3, proc.stderr
    assert len(lines) == 6
    assert lines[0].startswith("added u-")
    assert lines[1] == f"refused {files / 'empty.txt'}: the text is empty (nothing but whitespace)"
    assert lines[2].startswith(f"refused {files / 'cp1256.txt'}: not UTF-8") and "Windows-1256" in lines[2]
    assert lines[3] == f"refused {files / 'curated.txt'}: the same text is already in the corpus as t1"
    assert lines[4].startswith(f"refused {files / 'image.png'}: binary data")
    assert lines[5].startswith("added u-")
    again = run("add", str(files / "good.txt"), "--data", str(data), state=state)
    assert again.returncode == 3 and "already in the corpus as " + lines[0].split()[1] in again.stdout
    ok = run("add", str(files / "empty.txt"), "--data", str(data), "--published", "2024-13-40",
             state=state)
    assert ok.returncode == 2  # a bad option is a usage error, nothing stored


def test_add_all_good_exits_zero_and_stats_count(tmp_path, files):
    data = make_data_dir(tmp_path / "data")
    state = tmp_path / "state"
    proc = run("add", str(files / "good.txt"), "--data", str(data), "--db",
               f"sqlite:///{state / 'x.sqlite'}", "--title", "استدعاء", state=state)
    assert proc.returncode == 0 and proc.stdout.startswith("added u-")
    stats = run("stats", "--data", str(data), "--db", f"sqlite:///{state / 'x.sqlite'}",
                state=state)
    assert stats.returncode == 0
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in stats.stdout.splitlines()[1:6 * 2]}
    assert rows[("articles", "curated")] == ["0", "1", "0", "0", "1"]
    assert rows[("articles", "added")] == ["1", "0", "0", "0", "1"]
    assert rows[("quotes", "curated")][-1] == "1"
    if has_extractor():
        assert int(rows[("places", "added")][0]) >= 1  # proposals stored with status proposed


def test_export_validates(tmp_path, files):
    data = make_data_dir(tmp_path / "data")
    state = tmp_path / "state"
    run("add", str(files / "good.txt"), "--data", str(data), state=state)
    out = tmp_path / "out"
    proc = run("export", "--to", str(out), "--data", str(data), state=state)
    assert proc.returncode == 0, proc.stderr
    assert "added articles: 0" in proc.stdout  # proposed additions are not exported
    check = run("validate", "--data", str(out), state=state)
    assert check.returncode == 0, check.stderr
    again = run("export", "--to", str(out), "--data", str(data), state=state)
    assert again.returncode == 2 and "not empty" in again.stderr


# -- database errors (issue 13, defect 9) ----------------------------------------------------------

def _ready_db(tmp_path) -> Path:
    from corpus.store import Store
    from corpus.store.db import dispose_all

    path = tmp_path / "state" / "atlas.sqlite"
    Store.open(f"sqlite:///{path}")
    dispose_all()
    return path


def test_add_to_a_read_only_database_names_it_per_file_and_goes_on(tmp_path, files):
    data = make_data_dir(tmp_path / "data")
    path = _ready_db(tmp_path)
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"  # root ignores chmod: open it read-only
    proc = run("add", str(files / "good.txt"), str(files / "page.html"), "--data", str(data),
               "--db", read_only, state=tmp_path / "state")
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr and "INSERT" not in proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == [
        f"refused {files / 'good.txt'}", f"refused {files / 'page.html'}"]
    assert all("the database is read-only" in line for line in lines)


def test_add_to_a_locked_database_names_it_per_file_and_goes_on(tmp_path, files, monkeypatch):
    import sqlite3

    data = make_data_dir(tmp_path / "data")
    path = _ready_db(tmp_path)
    monkeypatch.setenv("ATLAS_SQLITE_BUSY_TIMEOUT", "0.2")  # the documented wait, shortened
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program writing
    try:
        proc = run("add", str(files / "good.txt"), str(files / "page.html"), "--data", str(data),
                   state=tmp_path / "state")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 2 and all("the database is locked" in line for line in lines), lines
    again = run("add", str(files / "good.txt"), "--data", str(data), state=tmp_path / "state")
    assert again.returncode == 0 and again.stdout.startswith("added u-")  # nothing half-written


def test_stats_on_an_unopenable_database_is_one_line(tmp_path):
    data = make_data_dir(tmp_path / "data")
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not a database file at all " * 100)
    proc = run("stats", "--data", str(data), "--db", f"sqlite:///{bad}", state=tmp_path / "state")
    assert proc.returncode == 1
    assert proc.stderr.strip() == "error: the database file is damaged or is not a database"
