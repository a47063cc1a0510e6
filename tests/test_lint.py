"""The code stays lint-clean, and no function outside corpus/extract is above complexity 15
(pyproject.toml selects C90 with max-complexity 15; CI runs pytest, so the check lives here)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).with_name("ruff")


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(RUFF), "check", "--no-cache", "--output-format", "concise", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_is_clean_with_complexity_at_most_15():
    result = _ruff(".")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_the_complexity_rule_is_live(tmp_path):
    """The same configuration flags a function of complexity 16 outside corpus/extract."""
    branches = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(15))
    sample = tmp_path / "sample.py"
    sample.write_text(f"def branchy(x):\n{branches}    return -1\n", encoding="utf-8")
    result = _ruff("--config", str(ROOT / "pyproject.toml"), "--select", "C90", str(sample))
    assert result.returncode == 1 and "C901 `branchy` is too complex (16 > 15)" in result.stdout, result.stdout
