"""One line naming a database failure, for the curator and the command line (issue 13,
defect 9): locked, read-only, unreachable, full, damaged — never SQL, parameters (article
text) or a traceback.

    try: store.add_article(...)
    except DATABASE_ERRORS as err: print(describe(err))
"""

from __future__ import annotations

import os

from sqlalchemy.exc import SQLAlchemyError

DATABASE_ERRORS: tuple[type[BaseException], ...] = (SQLAlchemyError,)
BUSY_ENV = "ATLAS_SQLITE_BUSY_TIMEOUT"  # seconds a writer waits for a locked SQLite file
DEFAULT_BUSY_SECONDS = 10.0


def busy_seconds() -> float:
    """How long a SQLite writer waits for another writer's lock (env ATLAS_SQLITE_BUSY_TIMEOUT)."""
    try:
        return max(0.0, float(os.environ.get(BUSY_ENV) or DEFAULT_BUSY_SECONDS))
    except ValueError:
        return DEFAULT_BUSY_SECONDS


# code: (words in the driver's message, what the command line says), first match wins
KNOWN = {
    "locked": (("database is locked", "database table is locked"),
               "the database is locked: another program is writing to it (waited {busy:g} s); "
               "try again in a moment"),
    "read_only": (("readonly database", "read-only", "read only"),
                  "the database is read-only: nothing can be written (check the file's "
                  "permissions and the disk, or the database user's rights)"),
    "permission": (("permission denied",),
                   "the database refused to write: permission denied for the database user"),
    "cannot_open": (("unable to open database file",),
                    "the database file cannot be opened (check that its folder exists and is writable)"),
    "disk_full": (("disk is full", "no space left", "disk full"), "the disk holding the database is full"),
    "disk_io": (("disk i/o error",), "the disk holding the database failed to read or write"),
    "damaged": (("file is not a database", "malformed"),
                "the database file is damaged or is not a database"),
    "unreachable": (("connection refused", "could not connect", "timeout expired",
                     "connection timed out", "name or service not known",
                     "could not translate host name", "server closed the connection",
                     "terminating connection", "connection is closed"),
                    "the database server cannot be reached"),
}


def problem(err: BaseException) -> str:
    """The kind of database problem behind `err`: a key of KNOWN, or "other"."""
    text = str(getattr(err, "orig", None) or err).lower()
    return next((code for code, (words, _) in KNOWN.items() if any(w in text for w in words)), "other")


def describe(err: BaseException) -> str:
    """One line naming the database problem behind `err` (English; the page translates
    `problem(err)` instead)."""
    code = problem(err)
    if code == "other":
        return f"a database error stopped the write ({type(getattr(err, 'orig', None) or err).__name__})"
    return KNOWN[code][1].format(busy=busy_seconds())
