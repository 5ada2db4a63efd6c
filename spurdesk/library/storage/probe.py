"""Looking at a library file before trusting it: is it SQLite, intact, and which schema revision.

Everything here reads through a read-only connection, so a file we refuse (corrupt, or made by a
newer spurdesk) is left exactly as it was.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

#: Alembic's bookkeeping table.
VERSION_TABLE = "alembic_version"

#: The newest revision in migrations/versions (here, not in `migrate`, so a check of a file needs
#: neither Alembic nor SQLAlchemy). A test checks it against Alembic's own view, so a new revision
#: cannot be forgotten here.
HEAD_REVISION = "0005"


class DamagedDatabase(Exception):
    """The file is no SQLite database, or SQLite reports damage; the text says what SQLite saw."""


@dataclass(frozen=True)
class Probe:
    tables: frozenset[str]
    revision: str | None  # the Alembic revision stamped in the file, None when not stamped

    @property
    def empty(self) -> bool:
        return not self.tables

    @property
    def foreign(self) -> bool:
        """Tables, but no spurdesk revision: some other program's database."""
        return bool(self.tables) and self.revision is None


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot change `path` (SQLite's mode=ro) and never creates it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def probe_sqlite(path: Path, *, check_integrity: bool = True) -> Probe:
    """Open `path` read-only, run SQLite's quick check and read the schema revision."""
    try:
        with closing(read_only_connection(path)) as conn:
            if check_integrity:
                problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
                if problems != ["ok"]:
                    raise DamagedDatabase("; ".join(str(p) for p in problems[:3]))
            tables = frozenset(
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%'"
                )
            )
            revision = None
            if VERSION_TABLE in tables:
                row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
                revision = row[0] if row else None
            return Probe(tables - {VERSION_TABLE}, revision)
    except sqlite3.DatabaseError as error:
        raise DamagedDatabase(str(error)) from error
