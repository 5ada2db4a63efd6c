"""Opening backs the library up, unless an existing backup is already identical to the file
(recorded when the previous session closed without writing anything since its last backup)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from spurdesk.library import Library
from spurdesk.model.criteria import CriteriaSet
from tests.library.conftest import new_inspection


def units_in(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT unit FROM inspections ORDER BY id")]


def _library_with_one_inspection(path: Path, criteria: CriteriaSet) -> list[Path]:
    with Library.open(path) as library:
        new_inspection(library, criteria, "Första")
    with Library.open(path) as library:  # backs up the edit above, then closes unchanged
        return library.list_backups()


def test_an_unchanged_library_is_not_copied_again(
    library_path: Path, criteria: CriteriaSet
) -> None:
    before = _library_with_one_inspection(library_path, criteria)
    for _ in range(3):
        with Library.open(library_path) as library:
            library.list_inspections()  # reading is not changing
            assert library.list_backups() == before
    assert units_in(before[0]) == units_in(library_path) == ["Första"]


def test_a_library_changed_by_spurdesk_is_backed_up_on_open(
    library_path: Path, criteria: CriteriaSet
) -> None:
    before = _library_with_one_inspection(library_path, criteria)
    with Library.open(library_path) as library:
        new_inspection(library, criteria, "Andra")
    with Library.open(library_path) as library:
        after = library.list_backups()
    assert len(after) == len(before) + 1
    assert units_in(after[0]) == ["Första", "Andra"]


def test_a_library_changed_by_another_program_is_backed_up_on_open(
    library_path: Path, criteria: CriteriaSet
) -> None:
    before = _library_with_one_inspection(library_path, criteria)
    with sqlite3.connect(library_path) as db:
        db.execute("UPDATE inspections SET unit = 'Ändrad utanför'")
    with Library.open(library_path) as library:
        after = library.list_backups()
    assert len(after) == len(before) + 1
    assert units_in(after[0]) == ["Ändrad utanför"]


def test_a_session_killed_after_writing_leaves_no_false_marker(
    library_path: Path, criteria: CriteriaSet
) -> None:
    before = _library_with_one_inspection(library_path, criteria)
    script = (
        "import os, sys\n"
        "from spurdesk.library import Library\n"
        "library = Library.open(sys.argv[1])\n"
        "library.update_inspection(library.list_inspections()[0].id, unit='Före kraschen')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(library_path)], check=True)
    with Library.open(library_path) as library:
        after = library.list_backups()
    assert len(after) >= len(before) + 1
    assert units_in(after[0]) == ["Före kraschen"]


def test_a_removed_backup_is_made_again(library_path: Path, criteria: CriteriaSet) -> None:
    before = _library_with_one_inspection(library_path, criteria)
    for backup in before:
        backup.unlink()
    with Library.open(library_path) as library:
        after = library.list_backups()
    assert len(after) == 1
    assert units_in(after[0]) == ["Första"]
