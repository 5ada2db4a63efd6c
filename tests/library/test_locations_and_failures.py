"""Where a library can live (a path or any SQLAlchemy URL) and what a full disk does: the edit is
refused with a message, and staged text stays staged until it can be written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import event

from spurdesk.library import Library, LibraryError
from spurdesk.library.text_keys import FindingsKey
from spurdesk.model.criteria import CriteriaSet
from tests.library.conftest import new_inspection, sqlite_only


def test_an_sqlite_url_opens_the_same_file_with_lock_and_backups(
    library_path: Path, criteria: CriteriaSet
) -> None:
    with Library.open(f"sqlite:///{library_path}") as library:
        assert library.path == library_path
        new_inspection(library, criteria, "Via URL")
        assert library.backup_now().exists()
    with Library.open(library_path) as library:
        assert [s.unit for s in library.list_inspections()] == ["Via URL"]


def test_a_server_url_works_without_file_lock_or_backups(criteria: CriteriaSet) -> None:
    """An in-memory SQLite URL stands in for a database server here."""
    with Library.open("sqlite://") as library:
        assert library.path is None
        inspection_id = new_inspection(library, criteria)
        library.set_findings(inspection_id, "A", "På servern")
        assert library.get_inspection(inspection_id).section("A").findings == "På servern"
        assert library.list_backups() == []
        with pytest.raises(LibraryError, match="databasserver"):
            library.backup_now()


def test_a_malformed_url_is_explained() -> None:
    with pytest.raises(LibraryError, match="databasadress"):
        Library.open("nonsense://::")


@sqlite_only
def test_a_full_disk_refuses_the_edit_and_keeps_the_staged_text(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    engine = library._store.engine
    page_limit = {"pages": 1}

    @event.listens_for(engine, "begin")
    def limit_size(connection: object) -> None:  # SQLite's stand-in for a full disk
        connection.exec_driver_sql(f"PRAGMA max_page_count = {page_limit['pages']}")  # type: ignore[attr-defined]

    library.stage_text(FindingsKey(inspection_id, "A"), "Viktig text " * 20_000)
    with pytest.raises(LibraryError, match="sparades inte"):
        library.flush()
    assert library.has_staged_changes
    with pytest.raises(LibraryError):
        library.close()  # refuses to drop the text: stays open
    assert library.has_staged_changes
    assert library.list_inspections()  # reading still works meanwhile
    page_limit["pages"] = 1_000_000
    library.close()
    assert library.path is not None
    with Library.open(library.path) as reopened:
        findings = reopened.get_inspection(inspection_id).section("A").findings
    assert findings.startswith("Viktig text")


def test_an_unknown_database_kind_is_explained() -> None:
    with pytest.raises(LibraryError, match="kunde inte öppnas"):
        Library.open("nosuchdatabase://server/library")


def test_paths_with_url_characters_open_the_right_file_in_both_modes(
    tmp_path: Path, criteria: CriteriaSet
) -> None:
    special = "Möte #2 %20 ?x" if os.name == "posix" else "Möte #2 %20"
    folder = tmp_path / special
    folder.mkdir()
    path = folder / "bibliotek?.sqlite" if os.name == "posix" else folder / "bibliotek.sqlite"
    with Library.open(path) as library:
        new_inspection(library, criteria, "Rätt fil")
        assert library.backup_now().exists()
    with Library.open(path, read_only=True) as reader:
        assert [s.unit for s in reader.list_inspections()] == ["Rätt fil"]
    created = list(tmp_path.rglob("*.sqlite"))
    assert path in created and len(created) == 2  # the library and its backup, nothing else
    assert all(p.is_relative_to(folder) for p in created)
