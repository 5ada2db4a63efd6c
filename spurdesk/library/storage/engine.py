"""Engine creation: any SQLAlchemy URL, with SQLite set up for durability.

This is the only module with SQLite-specific SQL; everything else stays portable so an office can
later point spurdesk at a shared PostgreSQL server.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

#: How long a connection waits for another one's write lock before failing (milliseconds).
BUSY_TIMEOUT_MS = 5000
#: The same on a server: how long a command waits for another's lock on an inspection.
SERVER_LOCK_TIMEOUT_MS = 5000

# synchronous=FULL, not NORMAL. In WAL mode NORMAL syncs the log only at checkpoints, so a commit
# that has returned can still vanish on power loss or a flat battery (the database stays
# consistent, but the last edits roll back). The service API promises that an edit acknowledged as
# saved survives exactly that, so every commit must reach the disk before it returns: FULL fsyncs
# the WAL on each commit. The price is one fsync per commit, a few milliseconds on a laptop SSD,
# which the debounced autosave (stage_text/flush) keeps to about one per second of typing.
_SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",  # readers never block the writer; a crash never half-writes pages
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",  # cascades and references are enforced, as on PostgreSQL
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def sqlite_url(path: Path, *, read_only: bool = False, immutable: bool = False) -> URL:
    """The URL of an SQLite file; read-only goes through SQLite's own mode=ro, and `immutable`
    (for a file in a read-only place, where no -shm can be made) adds SQLite's immutable=1.

    Built with URL.create, never by formatting a string: a folder named "Möte #2?" must not be
    read as a URL's query or fragment (and the data written to a file named "Möte ").
    """
    absolute = str(path.resolve())
    if read_only:
        query = {"mode": "ro", "uri": "true"} | ({"immutable": "1"} if immutable else {})
        return URL.create("sqlite", database=f"file:{quote(absolute)}", query=query)
    return URL.create("sqlite", database=absolute)


def sqlite_path_of(url: URL) -> Path | None:
    """The database file of an SQLite URL, None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    database = url.database
    if url.query.get("uri") == "true" and database.startswith("file:"):
        database = unquote(database[len("file:") :].split("?", 1)[0])
    return Path(database)


def create_library_engine(url: URL, *, read_only: bool = False) -> Engine:
    """An engine for `url`; on SQLite with the pragmas above and real transactions."""
    if url.get_backend_name() != "sqlite":
        # A command waits at most this long for another's lock on the same inspection, then is
        # refused with a message (never a frozen window). pre_ping: a connection the server has
        # dropped (restart, network) is replaced instead of failing the next command.
        options = f"-c lock_timeout={SERVER_LOCK_TIMEOUT_MS}"
        return create_engine(url, connect_args={"options": options}, pool_pre_ping=True)
    engine = create_engine(url)
    _set_up_sqlite(engine, read_only=read_only)
    return engine


def _set_up_sqlite(engine: Engine, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in _SQLITE_PRAGMAS:
            if read_only and pragma.startswith("PRAGMA journal_mode"):
                continue  # changing the journal mode writes the header
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock at the start, so a read-modify-write command can never
        # fail half-way with "database is locked" after it has read.
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
