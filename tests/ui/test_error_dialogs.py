"""Errors from the core reach the user as dialogs saying what happened and what to do next."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from spurdesk.errors import SpurdeskError
from spurdesk.library import Library, NewerLibraryVersionError
from spurdesk.model.criteria_loader import load_criteria_library
from spurdesk.ui import dialogs
from spurdesk.ui.library_opener import open_library
from spurdesk.ui.settings import AppSettings
from tests.ui.conftest import MessageBoxes


def _library_with_backup(path: Path, criteria_set: object) -> None:
    """A library holding one inspection, opened twice so a backup of it exists."""
    with Library.open(path) as library:
        library.create_inspection(
            unit="Kirurgkliniken",
            site="",
            care_provider="",
            specialty="Kirurgi",
            criteria=criteria_set,  # type: ignore[arg-type]
        )
    Library.open(path).close()  # backs up on open


def _corrupt(path: Path) -> bytes:
    damaged = b"this is no database" * 200
    path.write_bytes(damaged)
    for sidecar in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        sidecar.unlink(missing_ok=True)
    return damaged


def test_corrupt_library_offers_the_newest_backup_and_restores_it(
    qtbot: QtBot,
    tmp_path: Path,
    criteria_library,
    message_boxes: MessageBoxes,
    app_settings: AppSettings,
) -> None:
    path = tmp_path / "library.sqlite"
    _library_with_backup(path, criteria_library.default())
    damaged = _corrupt(path)
    message_boxes.answers = ["accept", "accept"]  # restore, then the confirmation
    library = open_library(None, path, app_settings)
    assert library is not None
    try:
        assert [row.unit for row in library.list_inspections()] == ["Kirurgkliniken"]
    finally:
        library.close()
    offer, done = message_boxes.boxes
    assert str(path) in offer.text()
    assert "säkerhetskopia" in offer.informativeText()
    assert "återställ" in done.text().casefold()
    kept = [p for p in tmp_path.iterdir() if p.is_file() and p.read_bytes() == damaged]
    assert kept, "the damaged file is kept aside, never overwritten"


def test_corrupt_library_left_untouched_when_the_user_declines(
    tmp_path: Path, criteria_library, message_boxes: MessageBoxes
) -> None:
    path = tmp_path / "library.sqlite"
    _library_with_backup(path, criteria_library.default())
    damaged = _corrupt(path)
    message_boxes.answers = ["cancel"]
    assert open_library(None, path) is None
    assert path.read_bytes() == damaged
    assert "Återställ säkerhetskopian" in [b.text() for b in message_boxes.boxes[0].buttons()]


def test_corrupt_library_without_backup_explains_and_offers_nothing(
    tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    path = tmp_path / "library.sqlite"
    _corrupt(path)
    assert open_library(None, path) is None
    (box,) = message_boxes.boxes
    assert "ingen säkerhetskopia" in box.text()
    assert len(box.buttons()) == 1  # just OK


def test_locked_library_offers_read_only(
    tmp_path: Path, library: Library, library_path: Path, message_boxes: MessageBoxes
) -> None:
    message_boxes.answers = ["accept"]
    second = open_library(None, library_path)
    assert second is not None
    try:
        assert second.read_only
    finally:
        second.close()
    (box,) = message_boxes.boxes
    assert "skrivskyddat" in box.informativeText()
    message_boxes.answers = ["cancel"]
    assert open_library(None, library_path) is None


def test_library_from_a_newer_version_is_explained_and_not_touched(
    tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    connection.close()
    before = path.read_bytes()
    assert open_library(None, path) is None
    (box,) = message_boxes.boxes
    assert "nyare version" in box.text()
    assert "Installera den senaste versionen" in box.informativeText()
    assert "Öppna bibliotek" in box.informativeText()
    assert path.read_bytes() == before


def test_bad_criteria_file_is_named_with_its_line(
    qapp: object, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    folder = tmp_path / "criteria"
    folder.mkdir()
    (folder / "trasig.yaml").write_text("id: trasig\ntitle: [oavslutad\n", encoding="utf-8")
    criteria = load_criteria_library([folder])
    assert criteria.errors
    dialogs.show_criteria_errors(None, criteria.errors)
    (box,) = message_boxes.boxes
    assert box.text().endswith("inte används: 1")
    assert "trasig.yaml" in box.informativeText()
    assert "Rätta filen" in box.informativeText()


def test_show_error_gives_the_message_and_what_to_do(message_boxes: MessageBoxes) -> None:
    dialogs.show_error(None, SpurdeskError("Datumet 2025-13-01 finns inte."))
    (box,) = message_boxes.boxes
    assert box.text() == "Datumet 2025-13-01 finns inte."
    assert box.informativeText() == "Inget har ändrats. Rätta uppgiften och försök igen."
    assert dialogs.advice(NewerLibraryVersionError("x")).startswith("Installera den senaste")
