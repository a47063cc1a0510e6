"""The `python -m corpus` command line. Each sub-command lives in a small function."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corpus.loader import DEFAULT_DATA_DIR, collect

COMMANDS: dict[str, tuple[str, object, object]] = {}


def command(name: str, help_text: str, configure=None):
    """Register `func(args) -> int` as a sub-command; `configure(parser)` adds its options."""

    def register(func):
        COMMANDS[name] = (help_text, func, configure)
        return func

    return register


def _configure_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data directory")


@command("validate", "check the data directory and print its counts", _configure_validate)
def validate(args: argparse.Namespace) -> int:
    corpus, problems = collect(args.data)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {args.data}", file=sys.stderr)
        return 1
    for name, count in corpus.counts().items():
        print(f"{name}: {count}")
    return 0



def build_parser() -> argparse.ArgumentParser:
    _load_plugins()
    parser = argparse.ArgumentParser(prog="python -m corpus", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, _func, configure) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text)
        if configure:
            configure(sub)
    return parser


def _load_plugins() -> None:
    """Import the modules that register further sub-commands (extract, add, export…)."""
    import importlib

    for module in ("corpus.cli_extract", "corpus.cli_store"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as err:
            if err.name != module:
                raise


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _help, func, _configure = COMMANDS[args.command]
    return func(args)
