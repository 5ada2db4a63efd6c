"""Schema revisions: a new library is migrated from empty to exactly schema.py; libraries of every
released revision (tests/fixtures/storage) open with their data, after a backup of the old file;
a library from a newer spurdesk is refused and left byte for byte unchanged."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from spurdesk.library import Library, LibraryError, NewerLibraryVersionError
from spurdesk.library.schema import Base
from spurdesk.library.storage.backups import list_backups
from spurdesk.library.storage.migrate import head_revision, script_directory
from spurdesk.library.storage.probe import HEAD_REVISION
from spurdesk.model.criteria import CriteriaSet, Grade
from spurdesk.model.inspection import InspectionStatus
from tests.library.conftest import FIXTURES, fixture_copy, new_inspection


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_library_is_migrated_from_empty_to_exactly_the_declared_schema(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ny.sqlite"
    Library.open(path).close()
    assert revision_of(path) == head_revision()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_tables_that_must_not_reuse_ids_keep_autoincrement_through_every_migration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ny.sqlite"
    Library.open(path).close()
    with sqlite3.connect(path) as db:
        sql = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    expected = {
        t.name for t in Base.metadata.tables.values() if t.kwargs.get("sqlite_autoincrement")
    }
    assert expected >= {"inspections", "summary_items", "action_items"}
    assert {name for name in expected if "AUTOINCREMENT" in sql[name]} == expected


def test_the_cached_head_revision_is_the_newest_migration() -> None:
    assert head_revision() == HEAD_REVISION


def test_every_released_revision_has_a_fixture_library() -> None:
    revisions = {script.revision for script in script_directory().walk_revisions()}
    assert {f"library-rev{r}.sqlite" for r in revisions} <= {p.name for p in FIXTURES.iterdir()}


def test_a_revision_1_library_is_backed_up_then_migrated_with_its_data(tmp_path: Path) -> None:
    path = fixture_copy("library-rev0001.sqlite", tmp_path)
    original = digest(path)
    with Library.open(path) as library:
        summaries = library.list_inspections(include_deleted=True)
        demo = library.get_inspection(1)
    assert revision_of(path) == head_revision()
    [before_upgrade] = [b for b in list_backups(path) if b.name.endswith("-pre-upgrade.sqlite")]
    assert revision_of(before_upgrade) == "0001"
    with sqlite3.connect(before_upgrade) as db:
        assert db.execute("SELECT count(*) FROM action_items").fetchone() == (2,)

    assert [(s.id, s.unit, s.deleted_at is not None) for s in summaries] == [
        (1, "Röntgenkliniken", False),
        (2, "Kirurgkliniken", True),
    ]
    assert demo.status is InspectionStatus.ACTION_PLAN_RECEIVED
    assert (demo.section("E").grade, demo.section("E").effective_grade) == (Grade.D, Grade.C)
    assert demo.section("E").revised_on == date(2025, 3, 1)
    assert demo.section("E").criterion("E.4").note == "Saknas för två av sex ST-läkare."
    assert [i.due for i in demo.action_items] == ["2025-05-01 (IUP-utveckling)", "kontinuerligt"]
    # Revision 2 filled in the dates found in the free text of existing action items.
    assert summaries[0].next_follow_up == date(2025, 5, 30)
    assert summaries[0].overdue_action_items == 1
    assert original != digest(path)


CHILD_TABLES = (
    "inspectors",
    "participant_groups",
    "section_assessments",
    "criterion_assessments",
    "summary_items",
    "action_items",
    "audit_events",
)


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("inspections", *CHILD_TABLES)
        }


@pytest.mark.parametrize("name", ["library-rev0001.sqlite", "library-rev0002.sqlite"])
def test_migrating_keeps_every_row_and_shares_identical_criteria_snapshots(
    tmp_path: Path, name: str
) -> None:
    """Revision 3 rebuilds the inspections table: with foreign keys enforced that would have
    cascade-deleted every child row, so count them all."""
    path = fixture_copy(name, tmp_path)
    before = row_counts(path)
    with sqlite3.connect(path) as db:
        old_snapshots = [
            json.loads(row[0])
            for row in db.execute("SELECT criteria_snapshot FROM inspections ORDER BY id")
        ]
    with Library.open(path) as library:
        records = [
            library.get_inspection(s.id) for s in library.list_inspections(include_deleted=True)
        ]
    assert row_counts(path) == before
    assert [r.criteria.to_dict() for r in records] == old_snapshots
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM criteria_snapshots").fetchone() == (1,)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_revision_2_library_opens_with_its_data(tmp_path: Path) -> None:
    path = fixture_copy("library-rev0002.sqlite", tmp_path)
    with Library.open(path) as library:
        summaries = library.list_inspections(include_deleted=True)
        first = library.get_inspection(summaries[0].id)
        second = library.get_inspection(summaries[1].id)
    assert len(summaries) == 2 and summaries[1].deleted_at is not None
    assert first.unit == "Röntgenkliniken"
    assert len(first.action_items) == 6  # as the fixture was written
    assert second.previous_inspection_id == first.id
    assert second.previous_grades == {s: g for s, g in summaries[0].grades.items()}


def test_a_current_library_opens_without_an_upgrade_backup(tmp_path: Path) -> None:
    path = fixture_copy(f"library-rev{head_revision()}.sqlite", tmp_path)
    with Library.open(path) as library:
        [summary] = library.list_inspections()
        assert library.get_inspection(summary.id).unit == "Röntgenkliniken"
    assert not [b for b in list_backups(path) if b.name.endswith("-pre-upgrade.sqlite")]


def test_a_library_from_a_newer_spurdesk_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = fixture_copy("library-rev0002.sqlite", tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '0999'")
    before = digest(path)
    with pytest.raises(NewerLibraryVersionError, match="nyare version av spurdesk"):
        Library.open(path)
    with pytest.raises(NewerLibraryVersionError):
        Library.open(path, read_only=True)
    assert digest(path) == before
    assert list_backups(path) == []
    assert not Path(f"{path}.lock").exists()


def test_an_older_library_cannot_be_upgraded_read_only(tmp_path: Path) -> None:
    path = fixture_copy("library-rev0001.sqlite", tmp_path)
    before = digest(path)
    with pytest.raises(LibraryError, match="skrivskyddat"):
        Library.open(path, read_only=True)
    assert digest(path) == before


def test_another_programs_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "annat.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recept (namn TEXT)")
    before = digest(path)
    with pytest.raises(LibraryError, match="annat program"):
        Library.open(path)
    assert digest(path) == before


def test_ids_of_inspections_purged_before_a_migration_are_not_reused_after_it(
    tmp_path: Path, criteria: CriteriaSet
) -> None:
    path = fixture_copy("library-rev0002.sqlite", tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA foreign_keys = ON")
        newest = db.execute("SELECT max(id) FROM inspections").fetchone()[0]
        db.execute("DELETE FROM inspections WHERE id = ?", (newest,))
    with Library.open(path) as library:
        assert new_inspection(library, criteria) == newest + 1


def test_every_revision_downgrades_and_upgrades_again_without_losing_rows(
    tmp_path: Path,
) -> None:
    """Downgrades are not used by the app, but a broken one would hide a broken upgrade."""
    from alembic import command

    from spurdesk.library.storage.migrate import alembic_config

    path = fixture_copy("library-rev0001.sqlite", tmp_path)
    Library.open(path).close()
    before = row_counts(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")  # as migrate.py does
        connection.commit()
        with connection.begin():
            command.downgrade(alembic_config(connection), "0001")
    engine.dispose()
    assert revision_of(path) == "0001"
    assert row_counts(path) == before
    Library.open(path).close()
    assert revision_of(path) == head_revision()
    assert row_counts(path) == before


def test_a_revision_4_send_event_keeps_its_report_digest_as_data(tmp_path: Path) -> None:
    """Revision 5 copies the digest of each package already sent out of the event's prose, so a
    unit's answer to a package sent before the upgrade is still recognised."""
    path = fixture_copy("library-rev0004.sqlite", tmp_path)
    sent = "ab" * 32
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO audit_events (inspection_id, at, actor, action, detail) "
            "VALUES (1, '2025-02-01T09:00:00.000000+00:00', 'Inspektör Ett', 'export', ?)",
            [
                (f"Skickat till verksamheten: Röntgenkliniken.spur (rapport sha256 {sent})",),
                ("Handlingsplan som Word-formulär: Röntgenkliniken.docx",),
                (f"Rapport.docx, med texten sha256 {'cd' * 32} i namnet",),
            ],
        )
    with Library.open(path) as library:
        exports = [e for e in library.audit_events(1) if e.action == "export"]
    assert [e.data for e in exports] == [{"report_sha256": sent}, {}, {}]


def test_revision_9_groups_identical_unit_texts_into_one_unit_each(tmp_path: Path) -> None:
    """Existing inspections are linked to units by their four texts, whitespace collapsed and
    case ignored; a text that differs otherwise founds its own unit (a near-duplicate, left for
    the user to merge). Nothing is lost, and the demo's deficiencies get their follow-up."""
    path = fixture_copy("library-rev0008.sqlite", tmp_path)
    copy = (
        "INSERT INTO inspections (uid, unit, site, care_provider, specialty, status, visit_start,"
        " criteria_snapshot_id, previous_grades, created_at, modified_at, effective_grades)"
        " SELECT ?, ?, site, care_provider, ?, 'avslutad', ?, criteria_snapshot_id, '{}',"
        " created_at, modified_at, '{}' FROM inspections WHERE id = 1"
    )
    with sqlite3.connect(path) as db:
        db.executemany(
            copy,
            [
                (str(uuid.uuid4()), "  RÖNTGENKLINIKEN ", "radiologi", "2020-03-04"),
                (str(uuid.uuid4()), "Röntgen kliniken", "Radiologi", "2015-03-04"),
                (str(uuid.uuid4()), "Röntgenkliniken", "Radiologi  och nuklearmedicin", None),
            ],
        )
    before = row_counts(path)
    with Library.open(path) as library:
        units = library.list_units()
        links = {
            s.id: library.unit_of(s.id) for s in library.list_inspections(include_deleted=True)
        }
        [follow_up] = library.deficiency_follow_ups()
    assert row_counts(path) == before
    # The demo, its re-inspection in the trash and their spaced, capitalised twin are one unit,
    # spelt as two of the three spell it; the trashed one is linked but not counted.
    assert [(u.name, u.specialty, u.inspections, u.last_spur) for u in units] == [
        ("Röntgen kliniken", "Radiologi", 1, date(2015, 3, 4)),
        ("Röntgenkliniken", "Radiologi", 2, date(2024, 11, 13)),  # the demo's visit: the latest
        ("Röntgenkliniken", "Radiologi och nuklearmedicin", 1, None),  # never visited
    ]
    assert links[1] == links[2] == links[3] == units[1].id
    assert len(set(links.values())) == 3
    assert follow_up.inspection_id == 1 and follow_up.due == date(2025, 7, 20)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT count(*) FROM deficiency_follow_ups").fetchone() == (1,)


def test_a_revision_9_library_keeps_its_units_contacts_and_receipts(tmp_path: Path) -> None:
    path = fixture_copy("library-rev0009.sqlite", tmp_path)
    with Library.open(path) as library:
        demo = library.list_inspections()[0].id
        unit = library.get_unit(library.unit_of(demo) or 0)
        [follow_up] = library.deficiency_follow_ups()
    assert [(c.role.value, c.email) for c in unit.contacts] == [
        ("verksamhetschef", "vc@exempel.se"),
        ("studierektor", "sr@exempel.se"),
    ]
    assert follow_up.internal_review is not None
    assert follow_up.internal_review.received_on == date(2025, 6, 2)
    assert follow_up.written_report is None
