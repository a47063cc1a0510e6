"""`python -m corpus export --to DIR`: the curated base plus the accepted additions, in the
`data/` format, so that `python -m corpus validate --data DIR` accepts DIR on its own and a
diff against data/ shows exactly what a pull request would add.

Written: a copy of data/, then for every accepted/edited added article `articles/<id>.txt`
(its stored text, byte-exact UTF-8) and one line in articles.jsonl, and its accepted/edited
events, quotes and mentions appended to events/quotes/mentions.jsonl (origin "added").
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from corpus.loader import DEFAULT_DATA_DIR, Problem, collect
from corpus.models import VISIBLE_STATUSES, Article
from corpus.store.repository import Store
from corpus.store.union import added_records

ARTICLE_KEYS = ("id", "file", "sha256", "language", "title_ar", "title_en", "title_fr", "outlet",
                "url", "published", "published_precision", "published_inferred",
                "published_evidence", "tags", "origin", "status")


@dataclass
class ExportReport:
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _line(record) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def _article_row(article: Article) -> dict:
    data = dataclasses.asdict(article)
    data["tags"] = list(data["tags"])
    return {key: data[key] for key in ARTICLE_KEYS}


def _record_row(record) -> dict:
    data = dataclasses.asdict(record)
    for optional in ("same_as", "responds_to"):
        if optional in data and data[optional] is None:
            del data[optional]
    return data


def _append(path: Path, lines: list[str]) -> None:
    existing = path.read_bytes() if path.exists() else b""
    with path.open("ab") as out:
        if existing and not existing.endswith(b"\n"):
            out.write(b"\n")
        out.write("".join(lines).encode("utf-8"))


def export(to_dir: Path | str, data_dir: Path | str = DEFAULT_DATA_DIR,
           db_url: str | None = None) -> ExportReport:
    """Write DIR (must be missing or empty) and validate it; problems are in the report."""
    to_dir, data_dir = Path(to_dir), Path(data_dir)
    if to_dir.exists() and any(to_dir.iterdir()):
        raise FileExistsError(f"{to_dir} is not empty")
    base, _problems = collect(data_dir)
    shutil.copytree(data_dir, to_dir, dirs_exist_ok=True)
    skipped: list = []  # stored rows the loader refuses: left out of the export and reported
    arts, events, quotes, mentions = added_records(Store.open(db_url), base, VISIBLE_STATUSES, files=True,
                                                   problems=skipped)
    (to_dir / "articles").mkdir(exist_ok=True)
    for article in arts.values():
        (to_dir / article.file).write_bytes(article.text.encode("utf-8"))
    _append(to_dir / "articles.jsonl", [_line(_article_row(a)) for a in arts.values()])
    _append(to_dir / "events.jsonl", [_line(_record_row(e)) for e in events.values()])
    _append(to_dir / "quotes.jsonl", [_line(_record_row(q)) for q in quotes.values()])
    _append(to_dir / "mentions.jsonl", [_line(_record_row(m)) for m in mentions])
    report = ExportReport({"articles": len(arts), "events": len(events), "quotes": len(quotes),
                           "mentions": len(mentions)})
    report.problems = [*skipped, *collect(to_dir)[1]]
    return report
