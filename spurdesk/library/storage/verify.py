"""The full check of a library or backup file: what `PRAGMA quick_check` on open cannot see.

Opening runs SQLite's quick check, which looks at the structure of every page in about half a
second at 10,000 inspections. Damage inside a record (a flipped byte in a text) passes it and
shows up only when that record is read — as text that cannot be decoded, JSON that does not
parse, or silently altered words. The full check runs `PRAGMA integrity_check` (indexes against
their tables too) and then reads every row of every table through the same decoding the library
uses: text as UTF-8, JSON columns parsed. It runs in the background after a library has opened
(`Library.verify`), on the library and on the backup made when it opened; a backup that passes is
recorded as verified, and pruning always keeps the newest verified backup.

Everything here reads through its own read-only connection, so it never blocks or changes the
library, and `FullCheck.cancel()` (from another thread) stops it at once.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from spurdesk.library.storage.probe import read_only_connection

#: At most this many problems are collected; one is enough to call a file damaged.
MAX_PROBLEMS = 5


class FullCheck:
    """One full check of one file; `run()` in any thread, `cancel()` from any other."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._guard = threading.Lock()
        self.cancelled = False

    def cancel(self) -> None:
        with self._guard:
            self.cancelled = True
            if self._connection is not None:
                self._connection.interrupt()

    def run(self) -> list[str]:
        """The problems found (SQLite's words, or the table and row that cannot be read); an
        empty list for a sound file. A cancelled check returns an empty list too: it found
        nothing, and nothing is concluded from it (see `cancelled`)."""
        try:
            with closing(read_only_connection(self.path)) as connection:
                with self._guard:
                    if self.cancelled:
                        return []
                    self._connection = connection
                try:
                    return self._check(connection)
                finally:
                    with self._guard:
                        self._connection = None
        except (sqlite3.Error, UnicodeDecodeError) as error:  # the latter: a damaged schema
            if self.cancelled:
                return []
            return [str(error)]

    def _check(self, connection: sqlite3.Connection) -> list[str]:
        problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            return problems[:MAX_PROBLEMS]
        tables = [
            str(row[0])
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        found: list[str] = []
        for table in tables:
            found += _unreadable_rows(connection, table)
            if len(found) >= MAX_PROBLEMS:
                break
        return found[:MAX_PROBLEMS]


#: Rows whose text is read and decoded together (one Python step per batch, not per row).
BATCH_ROWS = 2000


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _unreadable_rows(connection: sqlite3.Connection, table: str) -> list[str]:
    """Rows of `table` whose text does not decode or whose JSON does not parse.

    SQLite itself checks the JSON (`json_valid`) and hands over the text of BATCH_ROWS rows at a
    time as one byte string (its text operators do not look at the bytes); only a batch that
    does not decode is read again row by row, to name the row. At 10,000 inspections (some
    million rows) this takes about a second instead of several.
    """
    quoted = _quoted(table)
    columns = connection.execute(f"PRAGMA table_info({quoted})").fetchall()
    texts = [str(c[1]) for c in columns if "BLOB" not in str(c[2]).upper()]
    problems: list[str] = []
    for column in (str(c[1]) for c in columns if str(c[2]).upper() == "JSON"):
        for (rowid,) in connection.execute(
            f"SELECT rowid FROM {quoted} WHERE {_quoted(column)} IS NOT NULL "
            f"AND NOT json_valid({_quoted(column)}) LIMIT {MAX_PROBLEMS}"
        ):
            problems.append(f"tabellen {table}, rad {rowid}, kolumnen {column} kan inte läsas")
    if not texts or problems:
        return problems
    joined = " || ' ' || ".join(f"coalesce(CAST({_quoted(c)} AS BLOB), x'')" for c in texts)
    batches = connection.execute(
        f"SELECT min(rowid), max(rowid), CAST(group_concat({joined}, ' ') AS BLOB) "
        f"FROM {quoted} GROUP BY rowid / {BATCH_ROWS}"
    )
    for first, last, data in batches.fetchall():
        try:
            bytes(data or b"").decode("utf-8")
        except UnicodeDecodeError:
            problems += _undecodable(connection, table, texts, first, last)
            if len(problems) >= MAX_PROBLEMS:
                break
    return problems


def _undecodable(
    connection: sqlite3.Connection, table: str, texts: list[str], first: int, last: int
) -> list[str]:
    """The rows between `first` and `last` (rowids) whose text is not UTF-8, by column."""
    selected = ", ".join(f"CAST({_quoted(c)} AS BLOB)" for c in texts)
    found: list[str] = []
    for row in connection.execute(
        f"SELECT rowid, {selected} FROM {_quoted(table)} WHERE rowid BETWEEN ? AND ?",
        (first, last),
    ):
        for column, value in zip(texts, row[1:], strict=True):
            try:
                bytes(value or b"").decode("utf-8")
            except UnicodeDecodeError:
                found.append(f"tabellen {table}, rad {row[0]}, kolumnen {column} kan inte läsas")
                break
    return found


def full_check(path: Path) -> list[str]:
    """The problems of the file at `path`; empty when it is sound."""
    return FullCheck(path).run()
