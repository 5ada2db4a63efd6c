"""The large library on the office's PostgreSQL server: the same figures as bench/large_library.py
(start view populated < 0.5 s, each filter keystroke < 50 ms, opening one inspection), measured
the same way, on a throw-away local cluster (tests/pgcluster.py, Debian's initdb and pg_ctl).

The 10,000 inspections are the generated SQLite library's (bench/generate.py), copied table by
table into a new server library with PostgreSQL's COPY: every row as the service API wrote it.
The start view's floor is the same two queries through a bare psycopg connection. Without
PostgreSQL on the machine the figures are one row saying "skipped: no PostgreSQL" and why.
"""

from __future__ import annotations

import re
import sqlite3
import time
from datetime import date
from pathlib import Path

import psycopg
from psycopg import sql

from bench.large_library import DEFAULT_TYPED, measure_listing
from bench.results import Row
from tests import pgcluster

WHERE = " on PostgreSQL"


def copy_to_server(source: Path, url: str, connect: psycopg.Connection) -> None:
    """The rows of the library file `source` into the new server library at `url` (its schema
    made by `Library.open`), each table by COPY in the schema's order, ids kept; each table's id
    sequence then continues after the highest id."""
    from spurdesk.library import Library
    from spurdesk.library.schema import Base

    Library.open(url).close()
    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        with connect.transaction():
            for table in Base.metadata.sorted_tables:
                columns = [column.name for column in table.columns]
                statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                    sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
                )
                selected = ", ".join(f'"{name}"' for name in columns)
                with connect.cursor() as cursor, cursor.copy(statement) as copy:
                    for row in lite.execute(f'SELECT {selected} FROM "{table.name}"'):
                        copy.write_row(row)
                if "id" in columns:
                    connect.execute(
                        sql.SQL(
                            "SELECT setval(pg_get_serial_sequence({table}, 'id'), "
                            "coalesce(max(id), 1)) FROM {name} "
                            "WHERE pg_get_serial_sequence({table}, 'id') IS NOT NULL"
                        ).format(table=sql.Literal(table.name), name=sql.Identifier(table.name))
                    )
    finally:
        lite.close()


def _psycopg_style(text: str) -> str:
    """`:name` parameters (SQLAlchemy's and sqlite3's) as psycopg's `%(name)s`."""
    return re.sub(r":([a-z_]+)", r"%(\1)s", text)


def bare_server_read(connect: psycopg.Connection) -> float:
    """Seconds to read the start view's rows with bare psycopg: the two queries
    `Library.list_inspections` runs, without turning their rows into summaries."""
    from spurdesk.library.storage.summary_rows import OVERDUE_SQL, heads_sql, overdue_parameters

    started = time.perf_counter()
    with connect.cursor() as cursor:
        cursor.execute(heads_sql(include_deleted=False, deleted_only=False))
        cursor.fetchall()
        cursor.execute(_psycopg_style(OVERDUE_SQL), overdue_parameters(date.today()))
        cursor.fetchall()
    connect.rollback()
    return time.perf_counter() - started


def skipped_row(reason: str) -> Row:
    return Row(
        figure="Office library on PostgreSQL",
        value=0.0,
        unit="s",
        floor=None,
        floor_name="",
        target="(skipped)",
        passed=None,
        note=f"skipped: no PostgreSQL ({reason})",
    )


def measure_server_library(
    generated: Path, repeat: int = 3, typed: str = DEFAULT_TYPED
) -> list[Row]:
    """The large-library figures with the library at `generated` copied onto a local server."""
    try:
        cluster = pgcluster.start_cluster()
    except pgcluster.ClusterError as error:
        return [skipped_row(str(error))]
    try:
        name = cluster.create_database()
        url = cluster.url(name)
        with cluster.connect(name) as connect:
            connect.autocommit = False
            started = time.perf_counter()
            copy_to_server(generated, url, connect)
            copied_in = time.perf_counter() - started
            connect.execute("ANALYZE")
            connect.commit()
            return measure_listing(
                url,
                bare_read=lambda: bare_server_read(connect),
                bare_read_name="the same two queries run with bare psycopg (fetchall)",
                repeat=repeat,
                typed=typed,
                where=WHERE,
                open_note=f"a local server over its Unix socket; rows copied in {copied_in:.1f} s",
            )
    finally:
        cluster.stop()
