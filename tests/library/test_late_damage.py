"""Issue 14, points 1–3: no path from damage, an emptied file or a read-only place to lost work.

An emptied or lost file whose backups show it held inspections is damage, never a new library
(which would in time prune the backups holding the work); a record damaged inside passes the
open-time quick check, so reading it must say "damaged" and offer a backup that predates it, and
the backups must outlive such damage (generations, and the newest backup that passed the full
check is never pruned); a read-only file or folder is said to be read-only at open.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from spurdesk.library import BackupSettings, CorruptLibraryError, Library, LibraryError
from spurdesk.library.errors import ReadOnlyPlaceError
from spurdesk.library.storage import backups
from spurdesk.library.storage.backups import backup_dir_for, list_backups
from spurdesk.library.storage.probe import read_only_connection
from spurdesk.model.criteria import CriteriaSet
from tests.library.conftest import new_inspection
from tests.places import read_only

MARK = "Unik iakttagelse som skadas senare"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def units_in(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT unit FROM inspections ORDER BY id")]


def library_with_work(path: Path, criteria: CriteriaSet, **settings: int) -> tuple[int, Path]:
    """A library holding one inspection with MARK in its findings; returns its id and a backup."""
    with Library.open(path, backup_settings=BackupSettings(**settings)) as library:
        inspection_id = new_inspection(library, criteria, "Verksamheten med arbete")
        library.set_findings(inspection_id, "A", MARK)
        backup = library.backup_now()
    return inspection_id, backup


def damage_text(path: Path, text: str) -> None:
    """Overwrite `text` inside the file with bytes that are not UTF-8 (a flipped-bits record):
    the page structure stays intact, so the quick check on open passes."""
    data = path.read_bytes()
    start = data.index(text.encode())
    path.write_bytes(
        data[:start] + b"\xff\xfe" * (len(text) // 2) + data[start + len(text) // 2 * 2 :]
    )


# --- point 1: an emptied or lost library is damage, not a new library ----------------------------


def test_an_empty_file_is_refused_as_damage_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    path.write_bytes(b"")
    with pytest.raises(CorruptLibraryError) as raised:
        Library.open(path)
    assert "tom" in str(raised.value) and str(path) in str(raised.value)
    assert path.read_bytes() == b""
    assert not Path(f"{path}.lock").exists()
    assert not list(tmp_path.glob("*-wal"))


def test_an_emptied_library_offers_its_backup_and_repeated_opens_never_prune_it(
    library_path: Path, criteria: CriteriaSet
) -> None:
    _inspection, backup = library_with_work(library_path, criteria, keep=3)
    before = list_backups(library_path)
    library_path.write_bytes(b"")  # emptied: a sync tool, a crash of another program
    for _session in range(4):  # the sessions that used to prune the only good copy
        with pytest.raises(CorruptLibraryError) as raised:
            Library.open(library_path, backup_settings=BackupSettings(keep=3, days=0, weeks=0))
        assert raised.value.newest_backup in before
    assert list_backups(library_path) == before
    assert units_in(raised.value.newest_backup) == ["Verksamheten med arbete"]
    Library.restore_backup(raised.value.newest_backup, library_path)
    with Library.open(library_path) as library:
        assert [s.unit for s in library.list_inspections()] == ["Verksamheten med arbete"]
    assert backup.exists()


def test_a_lost_library_whose_backups_hold_inspections_is_not_recreated_empty(
    library_path: Path, criteria: CriteriaSet
) -> None:
    library_with_work(library_path, criteria)
    library_path.unlink()
    with pytest.raises(CorruptLibraryError) as raised:
        Library.open(library_path)
    assert "saknas" in str(raised.value) and raised.value.newest_backup is not None
    assert not library_path.exists()


def test_an_empty_database_in_place_of_a_library_with_backups_is_damage(
    library_path: Path, criteria: CriteriaSet
) -> None:
    library_with_work(library_path, criteria)
    library_path.unlink()
    sqlite3.connect(library_path).execute("PRAGMA user_version = 0").connection.close()
    sqlite3.connect(library_path).execute("VACUUM").connection.close()
    with pytest.raises(CorruptLibraryError):
        Library.open(library_path)


def test_a_new_library_is_created_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ny" / "library.sqlite"

    def killed(_engine: object) -> None:
        raise KeyboardInterrupt  # the process dies while creating the schema

    monkeypatch.setattr("spurdesk.library.storage.opening.upgrade_to_head", killed)
    with pytest.raises(KeyboardInterrupt):
        Library.open(path)
    assert not path.exists()  # no empty file that a later open would take for a library
    assert [p.name for p in path.parent.iterdir()] == []
    monkeypatch.undo()
    with Library.open(path) as library:
        assert library.list_inspections() == []


# --- point 2: damage found late ------------------------------------------------------------------


def test_a_damaged_record_passes_the_quick_check_and_reading_it_is_reported_as_damage(
    library_path: Path, criteria: CriteriaSet
) -> None:
    inspection_id, _backup = library_with_work(library_path, criteria)
    with Library.open(library_path) as library:  # the full check verifies the good backup
        assert library.verify() is None
        good = library.opening_backup
    assert good is not None and good in backups.verified_backups(library_path)
    damage_text(library_path, MARK)
    # The quick check on open does not see it; reading the record does.
    with Library.open(library_path) as library, pytest.raises(CorruptLibraryError) as raised:
        library.get_inspection(inspection_id)
    message = str(raised.value)
    assert "diskutrymme" not in message.lower() and "Disken är full" not in message
    assert str(library_path) in message
    assert raised.value.newest_backup == good  # not the copy of the damage made on this open
    assert str(good) in message


def test_the_full_check_finds_what_the_quick_check_missed_and_verifies_no_copy_of_it(
    library_path: Path, criteria: CriteriaSet
) -> None:
    library_with_work(library_path, criteria)
    damage_text(library_path, MARK)
    with Library.open(library_path) as library:
        damage = library.verify()
        opened_copy = library.opening_backup
    assert isinstance(damage, CorruptLibraryError)
    assert damage.path == library_path
    assert opened_copy is not None and opened_copy not in backups.verified_backups(library_path)
    assert damage.newest_backup is not None and damage.newest_backup != opened_copy


def test_the_full_check_names_the_row_and_column_that_cannot_be_read(tmp_path: Path) -> None:
    from spurdesk.library.storage.verify import full_check

    path = tmp_path / "rader.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x TEXT, j JSON)")
        db.executemany("INSERT INTO t VALUES (?, ?)", [(f"rad {n}", "{}") for n in range(5000)])
        db.execute("UPDATE t SET x = CAST(x'41ff' AS TEXT) WHERE rowid = 4321")
    assert full_check(path) == ["tabellen t, rad 4321, kolumnen x kan inte läsas"]
    with sqlite3.connect(path) as db:
        db.execute("UPDATE t SET x = 'hel' WHERE rowid = 4321")
        db.execute("UPDATE t SET j = '{\"avbruten' WHERE rowid = 17")
    assert full_check(path) == ["tabellen t, rad 17, kolumnen j kan inte läsas"]
    with sqlite3.connect(path) as db:
        db.execute("UPDATE t SET j = '{}' WHERE rowid = 17")
    assert full_check(path) == []


def test_the_quick_checks_own_message_about_damaged_text_cannot_crash_the_probe(
    tmp_path: Path,
) -> None:
    path = tmp_path / "raw.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x TEXT)")
        db.execute("INSERT INTO t VALUES (CAST(x'41ff42' AS TEXT))")
    with read_only_connection(path) as connection:
        assert connection.execute("SELECT x FROM t").fetchone()[0] == "A\ufffdB"


def test_a_damaged_schema_whose_message_is_not_utf8_is_refused_as_damage(tmp_path: Path) -> None:
    """SQLite quotes the damaged schema text in its error message; that message used to escape as
    a raw UnicodeDecodeError (a traceback) instead of "damaged, here is your backup"."""
    path = tmp_path / "library.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
        db.execute("PRAGMA writable_schema = ON")
        db.execute(
            "UPDATE sqlite_master SET sql = CAST(x'4352454154452054414245c0b174287829' AS TEXT)"
        )
    before = digest(path)
    with pytest.raises(CorruptLibraryError) as raised:
        Library.open(path)
    assert "skadat" in str(raised.value)
    assert digest(path) == before


def make_old_backup(library: Path, template: Path, when: datetime) -> Path:
    name = f"{library.stem}-{when.strftime('%Y%m%dT%H%M%S%fZ')}.sqlite"
    target = backup_dir_for(library) / name
    shutil.copyfile(template, target)
    return target


def test_generations_keep_a_backup_per_day_and_per_week_beyond_the_newest_few(
    library_path: Path, criteria: CriteriaSet
) -> None:
    _inspection, backup = library_with_work(library_path, criteria)
    template = shutil.copyfile(backup, library_path.parent / "mall.sqlite")
    now = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
    for old in list_backups(library_path):
        old.unlink()
    made = [
        make_old_backup(library_path, template, now - timedelta(hours=6 * n)) for n in range(160)
    ]
    settings = BackupSettings(keep=3, days=7, weeks=5)
    backups.prune_backups(library_path, settings, now=now)
    kept = set(list_backups(library_path))
    assert set(made[:3]) <= kept  # the newest few
    days = {datetime.strptime(p.name[8:29], "%Y%m%dT%H%M%S%f").date() for p in kept}
    assert {(now - timedelta(days=d)).date() for d in range(7)} <= days  # one a day for a week
    oldest = min(kept, key=lambda p: p.name)
    assert now - datetime.strptime(oldest.name[8:29], "%Y%m%dT%H%M%S%f").replace(
        tzinfo=UTC
    ) > timedelta(days=28)  # and one a week for a month
    assert len(kept) <= 3 + 7 + 6


def test_the_newest_verified_backup_is_never_pruned(
    library_path: Path, criteria: CriteriaSet
) -> None:
    library_with_work(library_path, criteria)
    with Library.open(library_path) as library:
        assert library.verify() is None
        verified = library.opening_backup
    settings = BackupSettings(keep=1, days=0, weeks=0)
    with Library.open(library_path, backup_settings=settings) as library:
        for _ in range(5):
            library.backup_now()
    assert verified is not None and verified.exists()
    assert len(list_backups(library_path)) == 2  # the newest, and the verified one


def test_closing_cancels_a_full_check_still_running(
    library_path: Path, criteria: CriteriaSet
) -> None:
    library_with_work(library_path, criteria)
    library = Library.open(library_path)
    library.close()
    assert library.verify() is None  # closed: nothing is checked, nothing is concluded


# --- point 3: read-only places -----------------------------------------------------------------


def test_a_library_in_a_read_only_folder_opens_read_only_and_refuses_writing(
    library_path: Path, criteria: CriteriaSet
) -> None:
    library_with_work(library_path, criteria)
    before = digest(library_path)
    with read_only(library_path.parent):
        with Library.open(library_path, read_only=True) as library:
            assert [s.unit for s in library.list_inspections()] == ["Verksamheten med arbete"]
            assert library.read_only
        with pytest.raises(ReadOnlyPlaceError) as raised:
            Library.open(library_path)
    assert raised.value.folder and str(library_path.parent) in str(raised.value)
    assert "skrivskydd" in str(raised.value)
    assert digest(library_path) == before


def test_a_read_only_library_file_is_said_to_be_read_only_at_open(
    library_path: Path, criteria: CriteriaSet
) -> None:
    library_with_work(library_path, criteria)
    before = digest(library_path)
    with read_only(library_path):
        with pytest.raises(ReadOnlyPlaceError) as raised:
            Library.open(library_path)
        assert not raised.value.folder and str(library_path) in str(raised.value)
        with Library.open(library_path, read_only=True) as library:
            assert len(library.list_inspections()) == 1
    assert digest(library_path) == before


def test_a_read_only_folder_whose_log_holds_the_last_edits_shows_them(
    library_path: Path, criteria: CriteriaSet, tmp_path: Path
) -> None:
    library_with_work(library_path, criteria)
    # A session that ended without a checkpoint: its last commit is only in the -wal.
    writer = sqlite3.connect(library_path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE inspections SET unit = 'Bara i loggen'")
    writer.commit()
    frozen = tmp_path / "cd-skiva"
    frozen.mkdir()
    for name in (library_path.name, library_path.name + "-wal"):
        shutil.copyfile(library_path.parent / name, frozen / name)
    writer.close()
    with read_only(frozen), Library.open(frozen / library_path.name, read_only=True) as library:
        assert [s.unit for s in library.list_inspections()] == ["Bara i loggen"]


def test_a_missing_library_is_not_created_when_the_caller_asks_first(tmp_path: Path) -> None:
    from spurdesk.library.errors import LibraryNotFoundError

    path = tmp_path / "felstavad" / "library.sqlite"
    with pytest.raises(LibraryNotFoundError) as raised:
        Library.open(path, create=False)
    assert raised.value.path == path.absolute()
    assert not path.parent.exists()


def test_backup_settings_refuse_negative_generations() -> None:
    with pytest.raises(LibraryError):
        BackupSettings(days=-1)
    with pytest.raises(LibraryError):
        BackupSettings(weeks=-1)
