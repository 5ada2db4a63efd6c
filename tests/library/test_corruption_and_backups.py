"""Damaged files are refused with a message naming the file and the newest backup, and are never
overwritten; rolling backups are consistent copies, pruned to the newest K; restoring keeps the
damaged file aside."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path

import pytest

from spurdesk.library import BackupSettings, CorruptLibraryError, Library, LibraryError
from spurdesk.library.storage.backups import backup_dir_for
from spurdesk.model.criteria import CriteriaSet
from tests.library.conftest import new_inspection


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def units_in(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT unit FROM inspections ORDER BY id")]


def damage_pages(path: Path) -> None:
    """Overwrite everything after the first page: the header still says SQLite."""
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    path.write_bytes(bytes(data))


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    path.write_bytes("Detta är en anteckning, ingen databas.\n".encode() * 100)
    before = digest(path)
    with pytest.raises(CorruptLibraryError) as raised:
        Library.open(path)
    assert str(path) in str(raised.value)
    assert "ingen säkerhetskopia" in str(raised.value)
    assert raised.value.newest_backup is None
    assert digest(path) == before
    assert not Path(f"{path}.lock").exists()


def test_damaged_pages_are_detected_and_the_newest_backup_is_offered(
    library_path: Path, criteria: CriteriaSet
) -> None:
    with Library.open(library_path) as library:
        new_inspection(library, criteria)
        library.backup_now()
        newest = library.backup_now()
    damage_pages(library_path)
    before = digest(library_path)
    with pytest.raises(CorruptLibraryError) as raised:
        Library.open(library_path)
    assert raised.value.newest_backup == newest
    assert str(newest) in str(raised.value) and str(library_path) in str(raised.value)
    assert digest(library_path) == before


def test_restoring_keeps_the_damaged_file_aside_and_brings_the_data_back(
    library_path: Path, criteria: CriteriaSet
) -> None:
    with Library.open(library_path) as library:
        new_inspection(library, criteria, "Säkerhetskopierad")
        backup = library.backup_now()
    damage_pages(library_path)
    damaged = digest(library_path)

    kept = Library.restore_backup(backup, library_path)

    assert kept is not None and kept != library_path and digest(kept) == damaged
    with Library.open(library_path) as library:
        assert [s.unit for s in library.list_inspections()] == ["Säkerhetskopierad"]


def test_a_damaged_backup_is_not_restored(library_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad-backup.sqlite"
    bad.write_bytes(b"not a database")
    before = digest(library_path)
    with pytest.raises(LibraryError, match="skadad"):
        Library.restore_backup(bad, library_path)
    assert digest(library_path) == before


def test_backups_are_consistent_copies_and_only_the_newest_k_are_kept(
    library_path: Path, criteria: CriteriaSet
) -> None:
    # No daily or weekly generations here: those keep the day's first backup as well.
    settings = BackupSettings(keep=3, days=0, weeks=0)
    with Library.open(library_path, backup_settings=settings) as library:
        made = []
        for number in range(5):
            new_inspection(library, criteria, f"Enhet {number}")
            made.append(library.backup_now())
        kept = library.list_backups()
    assert kept == made[:1:-1]  # newest first; the two oldest pruned
    assert units_in(kept[0]) == [f"Enhet {n}" for n in range(5)]
    assert units_in(kept[-1]) == [f"Enhet {n}" for n in range(3)]
    assert all(p.parent == backup_dir_for(library_path) for p in kept)
    assert not list(backup_dir_for(library_path).glob("*.partial"))


def test_a_backup_is_made_on_open_and_after_the_interval_of_editing(
    library_path: Path, criteria: CriteriaSet
) -> None:
    with Library.open(library_path) as library:
        inspection_id = new_inspection(library, criteria)
        library.set_findings(inspection_id, "A", "Inom intervallet")
        before = len(library.list_backups())
    settings = BackupSettings(interval_minutes=0.001, keep=10)  # 60 ms
    with Library.open(library_path, backup_settings=settings) as library:
        assert len(library.list_backups()) == before + 1  # on open
        time.sleep(0.1)
        library.set_findings(inspection_id, "A", "Efter intervallet")
        assert len(library.list_backups()) == before + 2
        assert library.backup_problem is None


def test_backup_settings_must_be_sensible() -> None:
    with pytest.raises(LibraryError):
        BackupSettings(interval_minutes=0, keep=3)
    with pytest.raises(LibraryError):
        BackupSettings(interval_minutes=5, keep=0)
