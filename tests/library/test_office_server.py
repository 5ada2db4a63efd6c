"""The office library on a real PostgreSQL server (the test cluster of tests/pgcluster.py): its
schema is created and upgraded only by `spurdesk db upgrade`, a newer or foreign one is refused
untouched, a server lost in mid-session costs the one edit (said so) and nothing else, and the
office sees and handles every inspector's inspections."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from spurdesk.cli import main
from spurdesk.library import Library, LibraryError, NewerLibraryVersionError
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.followup import all_entries
from spurdesk.model.inspection import InspectionStatus
from tests.library.conftest import new_inspection, receive_plan

pytestmark = pytest.mark.usefixtures("postgres_cluster")


def _connect(url: str, database: str | None = None) -> psycopg.Connection:
    """A connection of its own to the test cluster: to `url`'s database, or to `database`."""
    parsed = make_url(url)
    return psycopg.connect(
        host=parsed.query["host"],
        port=int(parsed.query["port"]),
        user=parsed.username,
        dbname=database or parsed.database,
        autocommit=True,
    )


def _tables(url: str) -> set[str]:
    with _connect(url) as connection:
        rows = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    return {row[0] for row in rows}


def _revision(url: str) -> str:
    with _connect(url) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert row is not None
    return str(row[0])


def test_an_empty_database_is_refused_by_the_app_and_created_by_db_upgrade(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(LibraryError, match=r"är tom.*spurdesk db upgrade") as caught:
        Library.open(postgres_url, create=False)
    assert "har inte ändrats" in str(caught.value)
    assert _tables(postgres_url) == set()
    with pytest.raises(LibraryError, match="är tom"):
        Library.open(postgres_url, read_only=True)

    assert main(["db", "status", postgres_url]) == 1
    assert "inget spurdesk-bibliotek" in capsys.readouterr().out
    assert main(["db", "upgrade", postgres_url]) == 0
    assert "skapat från schema – till 0008" in capsys.readouterr().out
    assert main(["db", "status", postgres_url]) == 0
    assert "aktuellt" in capsys.readouterr().out
    assert main(["db", "upgrade", postgres_url]) == 0
    assert "redan aktuellt" in capsys.readouterr().out
    with Library.open(postgres_url, create=False) as library:
        assert library.list_inspections() == []


def test_an_older_server_schema_is_upgraded_only_by_db_upgrade(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command

    from spurdesk.library.storage.migrate import alembic_config

    engine = create_engine(postgres_url)
    with engine.connect() as connection, connection.begin():
        command.upgrade(alembic_config(connection), "0007")
    engine.dispose()

    with pytest.raises(LibraryError, match=r"äldre databasstruktur.*spurdesk db upgrade"):
        Library.open(postgres_url)
    assert _revision(postgres_url) == "0007"
    assert main(["db", "upgrade", postgres_url]) == 0
    assert "uppgraderat från schema 0007 till 0008" in capsys.readouterr().out
    with Library.open(postgres_url, create=False) as library:
        assert library.list_inspections() == []


def test_a_newer_server_schema_is_refused_like_a_newer_file(
    postgres_library_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with _connect(postgres_library_url) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    for read_only in (False, True):
        with pytest.raises(NewerLibraryVersionError, match="nyare version"):
            Library.open(postgres_library_url, read_only=read_only)
    assert main(["db", "upgrade", postgres_library_url]) == 1
    assert "nyare version" in capsys.readouterr().err
    assert _revision(postgres_library_url) == "9999"


def test_another_programs_database_is_left_alone(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with _connect(postgres_url) as connection:
        connection.execute("CREATE TABLE kunder (id integer PRIMARY KEY)")
    with pytest.raises(LibraryError, match="annat programs tabeller"):
        Library.open(postgres_url)
    assert main(["db", "upgrade", postgres_url]) == 1
    assert "annat programs tabeller" in capsys.readouterr().err
    assert _tables(postgres_url) == {"kunder"}


def test_a_server_lost_in_mid_session_costs_the_edit_and_says_so(
    postgres_library_url: str, criteria: CriteriaSet
) -> None:
    with Library.open(postgres_library_url) as library:
        inspection_id = new_inspection(library, criteria)
        library.set_findings(inspection_id, "A", "Sparad före avbrottet.")
        # The server ends every session of the library and lets none in (going down).
        name = make_url(postgres_library_url).database
        with _connect(postgres_library_url, "postgres") as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (name,),
            )
            try:
                with pytest.raises(LibraryError) as caught:
                    library.set_findings(inspection_id, "A", "Skriven under avbrottet.")
            finally:
                admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        message = str(caught.value)
        assert "Ändringen sparades inte" in message
        assert "finns kvar på servern" in message  # what to do (failures.py: LOST)
        # The app goes on: once the server is back, the next edit reaches it.
        library.set_findings(inspection_id, "B", "Skriven efter avbrottet.")
        record = library.get_inspection(inspection_id)
    texts = {section.section_id: section.findings for section in record.sections}
    assert texts["A"] == "Sparad före avbrottet."
    assert texts["B"] == "Skriven efter avbrottet."


def test_the_office_sees_follows_up_exports_and_closes_every_inspectors_inspections(
    postgres_library_url: str, criteria: CriteriaSet, tmp_path: Path
) -> None:
    made: dict[str, int] = {}
    for inspector, unit in (("Inspektör Ett", "Kirurgkliniken"), ("Inspektör Två", "Vårdcentral")):
        with Library.open(postgres_library_url) as library:
            library.actor = inspector
            made[unit] = new_inspection(library, criteria, unit=unit)
            receive_plan(library, made[unit], follow_up="2020-01-01")

    with Library.open(postgres_library_url) as office:
        office.actor = "Samordnare"
        listed = {summary.id: summary.unit for summary in office.list_inspections()}
        assert listed == {made[unit]: unit for unit in made}
        entries = all_entries(office, date(2026, 1, 1))
        assert {entry.inspection_id for entry in entries} == set(made.values())
        office.set_status(made["Vårdcentral"], InspectionStatus.CLOSED)
        assert office.get_inspection(made["Vårdcentral"]).status is InspectionStatus.CLOSED

    out = tmp_path / "rapport.docx"
    assert (
        main(
            [
                "export",
                "--library",
                postgres_library_url,
                "--inspection",
                str(made["Kirurgkliniken"]),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert out.stat().st_size > 0
