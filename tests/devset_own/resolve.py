"""Fill the `start`/`end` offsets of a gold folder's items from their `text` + `occ`, and check
every one (`text[start:end] == item text`, and `start` is that occurrence).

    .venv/bin/python tests/devset_own/resolve.py [DIR]           # fill missing offsets, check all
    .venv/bin/python tests/devset_own/resolve.py [DIR] --check   # check only, write nothing

Exits 1 and names the file, item and reason on any mismatch. DIR defaults to this folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpus.evaluate_gold import resolve_offsets  # noqa: E402

HERE = Path(__file__).resolve().parent


def resolve_folder(folder: Path, write: bool) -> list[str]:
    problems = []
    for ann_path in sorted((folder / "ann").glob("*.json")):
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        text = (folder / "articles" / f"{ann['id']}.txt").read_text(encoding="utf-8")
        found = resolve_offsets(text, ann, fill=write)
        problems.extend(f"{ann_path.name}: {p}" for p in found)
        if write and not found:
            ann_path.write_text(json.dumps(ann, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HERE)
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    args = parser.parse_args(argv)
    problems = resolve_folder(args.folder, write=not args.check)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
