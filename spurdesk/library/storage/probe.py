"""Looking at a library file before trusting it: is it SQLite, intact, and which schema revision.

Everything here reads through a read-only connection, so a file we refuse (corrupt, or made by a
newer spurdesk) is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

#: Alembic's bookkeeping table.
VERSION_TABLE = "alembic_version"

#: The newest revision in migrations/versions (here, not in `migrate`, so a check of a file needs
#: neither Alembic nor SQLAlchemy). A test checks it against Alembic's own view, so a new revision
#: cannot be forgotten here.
HEAD_REVISION = "0010"


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


def in_read_only_place(path: Path) -> bool:
    """True when SQLite could not make its -wal/-shm files beside `path` (a read-only folder,
    share or medium): a WAL database there can only be read with `immutable`."""
    return not os.access(path.resolve().parent, os.W_OK)


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot change `path` (SQLite's mode=ro) and never creates it.

    In a read-only place SQLite cannot create the shared-memory index a WAL reader needs, so the
    file is opened `immutable` there: exact, since nothing can be writing beside it (the opening
    copies a library whose -wal still holds frames elsewhere first, see opening.py). Text that is
    not UTF-8 (a damaged record, or SQLite quoting one in a check's message) is read with
    replacement characters instead of raising.
    """
    query = "mode=ro&immutable=1" if in_read_only_place(path) else "mode=ro"
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)
    connection.text_factory = _lenient_text
    return connection


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


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
    except UnicodeDecodeError as error:
        # SQLite's own error message quoted a damaged name from the schema, which is not UTF-8.
        raise DamagedDatabase(f"schemat är skadat ({error.reason})") from error
