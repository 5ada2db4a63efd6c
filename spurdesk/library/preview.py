"""A look at a library file's inspections before the library is opened.

Opening a library loads SQLAlchemy (about half a second on a laptop), takes the lock, checks the
file and makes a backup. The start view need not wait for all that to show the user's
inspections: `preview_inspections` reads the same rows as `Library.list_inspections` with the
sqlite3 module alone, read-only, from a file at this version's schema revision. It is only a
look: it never writes, holds nothing open, and says None rather than raise for anything it
cannot read, so the real opening (which explains every problem to the user) always follows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from spurdesk.library.storage.files import has_sqlite_header
from spurdesk.library.storage.probe import HEAD_REVISION, VERSION_TABLE, read_only_connection
from spurdesk.library.storage.summary_rows import read_summaries
from spurdesk.model.inspection import InspectionSummary


def preview_inspections(path: Path, *, today: date | None = None) -> list[InspectionSummary] | None:
    """The start-view rows of the library file at `path` (not in the trash), in id order.

    None when they cannot be read that way: no such file, not an SQLite database, a schema
    revision other than this version's (the opening will migrate it or refuse it), or any error
    SQLite reports. Never creates the file: sqlite3 would create an empty database for a missing
    path, so the file's header is checked first and the connection is read-only.
    """
    try:
        if not has_sqlite_header(path):
            return None
    except OSError:  # missing, a folder, unreadable
        return None
    try:
        with closing(read_only_connection(path)) as connection:
            stamp = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
            if stamp != [(HEAD_REVISION,)]:
                return None

            def run(sql: str, parameters: Mapping[str, str]) -> Sequence[Sequence[Any]]:
                return connection.execute(sql, parameters).fetchall()

            return read_summaries(
                run, include_deleted=False, deleted_only=False, today=today or date.today()
            )
    except sqlite3.Error:
        return None
    except (ValueError, KeyError, TypeError, AttributeError):  # a value the schema cannot hold
        return None
