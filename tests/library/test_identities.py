"""Stable identities (revision 7): the same inspection and rows in every library that holds
them; existing libraries get them without losing anything, and keep their unit packages valid."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from spurdesk.exchange.package import inspection_key
from spurdesk.library import Library, LibraryError
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.inspection import Inspector
from tests.library.conftest import fixture_copy, new_inspection

_OLD_KEY_NAMESPACE = uuid.UUID("6f1d3c3e-5b7a-4d0e-9a55-2f0c8f1e7a41")


def test_a_revision_6_library_gets_identities_and_keeps_its_package_keys(tmp_path: Path) -> None:
    """An existing inspection's uid is the key its action-plan packages already carry, so the
    unit's answer to a package sent before the upgrade still finds it."""
    path = fixture_copy("library-rev0006.sqlite", tmp_path)
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT id, created_at FROM inspections ORDER BY id").fetchall()
        counts = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("summary_items", "action_items", "inspectors", "participant_groups")
        }
    expected = [
        str(uuid.uuid5(_OLD_KEY_NAMESPACE, f"{i}|{datetime.fromisoformat(c).isoformat()}"))
        for i, c in rows
    ]
    with Library.open(path) as library:
        records = [library.get_inspection(i) for i, _created in rows]
    assert [r.uid for r in records] == expected
    assert [inspection_key(r) for r in records] == expected
    demo = records[0]
    uids = [
        x.uid for x in (*demo.summary, *demo.action_items, *demo.inspectors, *demo.participants)
    ]
    assert all(uids) and len(set(uids)) == len(uids)
    with sqlite3.connect(path) as db:
        for table, count in counts.items():
            assert db.execute(f"SELECT count(DISTINCT uid) FROM {table}").fetchone()[0] == count


def test_importing_an_inspection_the_library_holds_makes_a_copy_with_new_identities(
    library: Library, criteria: CriteriaSet
) -> None:
    first = library.get_inspection(new_inspection(library, criteria))
    copy_id = library.import_inspection(first)
    copy = library.get_inspection(copy_id)
    assert copy.uid and copy.uid != first.uid
    assert library.find_inspection(first.uid) == first.id
    assert library.find_inspection(copy.uid) == copy_id


def test_sections_are_assigned_to_the_inspections_own_inspectors(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    library.set_inspectors(inspection_id, [Inspector("Anna Lind"), Inspector("Erik Berg")])
    erik = library.get_inspection(inspection_id).inspectors[1]
    library.assign_section(inspection_id, "E", erik.uid)
    assert library.get_inspection(inspection_id).section("E").assignee_uid == erik.uid
    with pytest.raises(LibraryError, match="en av inspektionens inspektörer"):
        library.assign_section(inspection_id, "F", str(uuid.uuid4()))
    with pytest.raises(LibraryError, match="ingen giltig identitet"):
        library.assign_section(inspection_id, "F", "inte-en-uuid")
    library.assign_section(inspection_id, "E", None)
    assert library.get_inspection(inspection_id).section("E").assignee_uid is None
    library.assign_section(inspection_id, "E", erik.uid)
    library.set_inspectors(inspection_id, library.get_inspection(inspection_id).inspectors[:1])
    assert library.get_inspection(inspection_id).section("E").assignee_uid is None


def test_renaming_an_inspector_keeps_their_identity(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    library.set_inspectors(inspection_id, [Inspector("Anna")])
    [anna] = library.get_inspection(inspection_id).inspectors
    library.set_inspectors(inspection_id, [Inspector("Anna Lind", anna.role, anna.uid)])
    [renamed] = library.get_inspection(inspection_id).inspectors
    assert (renamed.name, renamed.uid) == ("Anna Lind", anna.uid)
