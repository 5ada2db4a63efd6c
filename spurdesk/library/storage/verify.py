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

import json
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
        except sqlite3.Error as error:
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


def _unreadable_rows(connection: sqlite3.Connection, table: str) -> list[str]:
    """Rows of `table` whose text does not decode or whose JSON does not parse."""
    quoted = '"' + table.replace('"', '""') + '"'
    columns = connection.execute(f"PRAGMA table_info({quoted})").fetchall()
    json_columns = {index for index, column in enumerate(columns) if column[2].upper() == "JSON"}
    blob_columns = {index for index, column in enumerate(columns) if "BLOB" in column[2].upper()}
    problems: list[str] = []
    # Read the raw bytes, so that one bad row is named instead of ending the scan.
    text_factory = connection.text_factory
    connection.text_factory = bytes
    try:
        for row in connection.execute(f"SELECT rowid, * FROM {quoted}"):
            rowid, values = row[0], row[1:]
            for index, value in enumerate(values):
                if not isinstance(value, bytes) or index in blob_columns:
                    continue
                try:
                    text = value.decode("utf-8")
                    if index in json_columns:
                        json.loads(text)
                except ValueError:
                    problems.append(
                        f"tabellen {table}, rad {rowid}, kolumnen {columns[index][1]} kan inte "
                        "läsas"
                    )
                    break
            if len(problems) >= MAX_PROBLEMS:
                break
    finally:
        connection.text_factory = text_factory
    return problems


def full_check(path: Path) -> list[str]:
    """The problems of the file at `path`; empty when it is sound."""
    return FullCheck(path).run()
