"""Command line: python -m corpus <command> …  (see `python -m corpus --help`)."""

from corpus.cli import main

raise SystemExit(main())
