"""One loader for the extraction engine's data files (`corpus/lexicon/`).

Word lists, triggers, titles, month names, gazetteer and actor dictionaries are data, not code
(PETRARCH-style dictionaries): a new trigger or spelling is an edit to a file here. Every file
is read through `load_json` / `load_jsonl`, which fail loudly with the file and line of a
malformed entry instead of skipping it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from corpus.loader import jsonl_records
from corpus.normalize import fold

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicon"


class ResourceError(ValueError):
    """A data file of the engine is malformed (names the file and line)."""


@cache
def load_json(name: str) -> Any:
    """A JSON file under corpus/lexicon/ (cached: callers must not mutate the result)."""
    path = LEXICON_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ResourceError(f"{path.name}:{exc.lineno}: {exc.msg}") from exc


@cache
def load_jsonl(name: str) -> tuple[dict, ...]:
    """The rows of a JSON Lines file under corpus/lexicon/ (blank lines and `//` comments skipped)."""
    path = LEXICON_DIR / name
    if not path.exists():
        return ()
    try:
        return tuple(jsonl_records(path, comments=True))  # the one JSON Lines reader
    except ValueError as exc:
        raise ResourceError(str(exc)) from exc


def word_list(name: str, section: str) -> tuple[str, ...]:
    """A named list of words from a JSON file of lists (`{"section": ["w1", "w2"]}`)."""
    values = load_json(name)[section]
    if isinstance(values, str):
        return tuple(values.split())
    return tuple(values)


def folded_words(name: str, section: str) -> frozenset[str]:
    """The words of `word_list`, folded (corpus.normalize.fold) for matching tokens."""
    return frozenset(fold(w) for w in word_list(name, section))
