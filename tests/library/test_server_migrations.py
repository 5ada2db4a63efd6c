"""The migrations on PostgreSQL: a library of every released revision, moved onto the server as it
was, upgrades there to exactly what the same file becomes on SQLite; a new server database gets
exactly schema.py; a server with a newer schema is refused and left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, MetaData, create_engine, insert, inspect, select, text
from sqlalchemy.engine import make_url

from spurdesk.library import Library, NewerLibraryVersionError
from spurdesk.library.schema import Base
from spurdesk.library.storage.engine import create_library_engine
from spurdesk.library.storage.migrate import alembic_config, script_directory, upgrade_to_head
from spurdesk.library.storage.probe import VERSION_TABLE
from spurdesk.model.criteria import CriteriaSet
from tests.library.conftest import database_state, fixture_copy, new_inspection
from tests.pgcluster import Cluster

RELEASED = sorted(script.revision for script in script_directory().walk_revisions())


def _server_at(cluster: Cluster, revision: str) -> tuple[str, Engine]:
    url = cluster.url(cluster.create_database())
    engine = create_library_engine(make_url(url))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    return url, engine


def _move_rows(source: Path, target: Engine) -> None:
    """Every row of the SQLite file into the server's tables of the same revision, and each id
    counter where SQLite's AUTOINCREMENT left it (ids of purged rows stay unused there too)."""
    reader = create_engine(f"sqlite:///{source}")
    tables = MetaData()
    tables.reflect(reader)
    counters: dict[str, int] = {}
    with reader.connect() as from_file, target.begin() as to_server:
        if inspect(from_file).has_table("sqlite_sequence"):
            counters = dict(from_file.execute(text("SELECT name, seq FROM sqlite_sequence")).all())
        for table in tables.sorted_tables:
            if table.name in (VERSION_TABLE, "sqlite_sequence"):
                continue
            rows = [row._asdict() for row in from_file.execute(select(table))]
            if rows:
                to_server.execute(insert(table), rows)
            if "id" in table.columns:
                top = max([row["id"] for row in rows] + [counters.get(table.name, 0), 0])
                if top:
                    to_server.execute(
                        text("SELECT setval(pg_get_serial_sequence(:name, 'id'), :top)"),
                        {"name": table.name, "top": top},
                    )
    reader.dispose()


def _contents(library: Library) -> list[object]:
    records = []
    for summary in library.list_inspections(include_deleted=True):
        records.append(library.get_inspection(summary.id))
        records.append(library.audit_events(summary.id))
    return records


@pytest.mark.parametrize("revision", RELEASED[:-1])
def test_a_library_of_each_revision_upgrades_on_the_server_as_on_sqlite(
    revision: str, postgres_cluster: Cluster, tmp_path: Path, criteria: CriteriaSet
) -> None:
    on_file = fixture_copy(f"library-rev{revision}.sqlite", tmp_path)
    url, engine = _server_at(postgres_cluster, revision)
    _move_rows(on_file, engine)
    upgrade_to_head(engine)
    engine.dispose()
    with Library.open(on_file) as file_library, Library.open(url) as server_library:
        assert _contents(server_library) == _contents(file_library)
        assert _contents(server_library)  # the fixtures hold inspections
        # The id counters came along: the server hands out the ids the file would.
        assert new_inspection(server_library, criteria) == new_inspection(file_library, criteria)


def test_a_new_server_database_gets_exactly_the_declared_schema(postgres_url: str) -> None:
    Library.open(postgres_url).close()
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_a_server_with_a_newer_schema_is_refused_and_left_as_it_was(
    postgres_library_url: str,
) -> None:
    engine = create_engine(postgres_library_url)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
    before = database_state(engine)
    for read_only in (False, True):
        with pytest.raises(NewerLibraryVersionError, match="nyare version") as refused:
            Library.open(postgres_library_url, read_only=read_only)
        assert "9999" in str(refused.value)
    assert database_state(engine) == before
    engine.dispose()
