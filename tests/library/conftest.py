"""Shared set-up of the storage tests: the shipped criteria set and a fresh library per test."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from spurdesk.library import Library
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.criteria_loader import load_criteria_file
from spurdesk.resources import resource_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "storage"


@pytest.fixture(scope="session")
def criteria() -> CriteriaSet:
    return load_criteria_file(resource_path("criteria", "st-spur.yaml"))


@pytest.fixture(scope="session")
def empty_library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with the current schema and no inspections, made once per session."""
    path = tmp_path_factory.mktemp("template") / "library.sqlite"
    Library.open(path).close()
    return path


@pytest.fixture
def library_path(tmp_path: Path, empty_library_template: Path) -> Path:
    """A fresh library file of the current schema (a copy: migrating takes a while)."""
    path = tmp_path / "bibliotek" / "library.sqlite"
    path.parent.mkdir()
    shutil.copyfile(empty_library_template, path)
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def library_location(request: pytest.FixtureRequest) -> Path | str:
    """Where a fresh, empty library of the current schema lives: a file on the laptop, or a
    database on the PostgreSQL test server (the office library)."""
    if request.param == "sqlite":
        return request.getfixturevalue("library_path")
    return request.getfixturevalue("postgres_library_url")


@pytest.fixture
def library(library_location: Path | str) -> Iterator[Library]:
    """A fresh library, once as a file and once on the server: every verb is tested on both."""
    opened = Library.open(library_location)
    opened.actor = "Inspektör Ett"
    yield opened
    opened.close()


#: For a test about the SQLite file itself (its statements, -wal, the preview's sqlite3 reader).
sqlite_only = pytest.mark.parametrize("library_location", ["sqlite"], indirect=True)


def library_state(library: Library) -> str:
    """A digest of everything the library stores, as it stores it: on SQLite the file and its
    log byte for byte; on a server every row of every table, in key order."""
    if library.path is not None:
        return file_digest(library.path) + file_digest(Path(f"{library.path}-wal"))
    return database_state(library._store.engine)


def database_state(engine: Engine) -> str:
    """A digest of every row of every table of a database, in key order."""
    from sqlalchemy import MetaData, select

    digest = hashlib.sha256()
    metadata = MetaData()
    with engine.connect() as connection:
        metadata.reflect(connection)
        for table in metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            for row in connection.execute(select(table).order_by(*order)):
                digest.update(repr((table.name, tuple(row))).encode())
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "-"


def new_inspection(library: Library, criteria: CriteriaSet, unit: str = "Röntgenkliniken") -> int:
    return library.create_inspection(
        unit=unit,
        site="Strandviks lasarett",
        care_provider="Region Exempelland",
        specialty="Radiologi",
        criteria=criteria,
    )


def receive_plan(
    library: Library,
    inspection_id: int,
    criterion_id: str = "E.4",
    *,
    follow_up: str = "2035-01-01",
) -> int:
    """A filled-in plan row answering `criterion_id`, then the status moved on to "handlingsplan
    inkommen": what the revision rule asks before a grade may be revised. Returns the row's id."""
    from datetime import date

    from spurdesk.model.inspection import InspectionStatus as S

    item = library.add_action_item(
        inspection_id,
        criterion_id=criterion_id,
        planned_action="Planerad åtgärd.",
        due="2025-05-01",
        responsible="Studierektor",
        follow_up=follow_up,
        follow_up_responsible="Verksamhetschef",
    )
    for status in (S.FACT_CHECK, S.FINAL):
        library.set_status(inspection_id, status)
    library.set_status(inspection_id, S.ACTION_PLAN_REQUESTED, reply_by=date(2025, 3, 1))
    library.set_status(inspection_id, S.ACTION_PLAN_RECEIVED, on=date(2025, 3, 1))
    return item


def fixture_copy(name: str, target_dir: Path) -> Path:
    """A writable copy of a fixture library: the tests never touch the originals."""
    target = target_dir / name
    shutil.copyfile(FIXTURES / name, target)
    return target
