"""Issue 14 in the app: a mistyped library path is asked about (point 4), a read-only place offers
read-only viewing or a copy (point 3), and damage found while the library is in use — by the
background full check or by reading a damaged record — offers the backup to restore (point 2)."""

from __future__ import annotations

import argparse
import hashlib
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from spurdesk.library import CorruptLibraryError, Library
from spurdesk.ui import dialogs, library_opener
from spurdesk.ui.app import build_main_window
from spurdesk.ui.library_opener import open_library
from spurdesk.ui.settings import AppSettings
from tests.library.test_late_damage import damage_text
from tests.places import read_only
from tests.ui.conftest import MessageBoxes


def _args(**values: object) -> argparse.Namespace:
    defaults: dict[str, object] = {"library": None, "demo": False, "lang": "sv"}
    defaults.update(values)
    return argparse.Namespace(**defaults)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- point 4: ask before creating ----------------------------------------------------------------


def test_a_mistyped_library_path_is_asked_about_and_nothing_is_created(
    tmp_path: Path, app_settings: AppSettings, message_boxes: MessageBoxes
) -> None:
    mistyped = tmp_path / "Dokumnet" / "spur.sqlite"
    message_boxes.answers = ["cancel"]
    assert build_main_window(_args(library=str(mistyped)), settings=app_settings) is None
    (box,) = message_boxes.boxes
    assert str(mistyped) in box.text()
    assert not mistyped.parent.exists()  # no folders, no empty library


def test_a_new_library_is_created_when_the_user_says_so(
    qtbot: QtBot, tmp_path: Path, app_settings: AppSettings, message_boxes: MessageBoxes
) -> None:
    wanted = tmp_path / "ny" / "spur.sqlite"
    message_boxes.answers = ["accept"]
    shell = build_main_window(
        _args(library=str(wanted)), settings=app_settings, install_crash_handler=False
    )
    assert shell is not None
    try:
        qtbot.addWidget(shell.window)
        assert wanted.exists() and shell.window.library_path == wanted
    finally:
        shell.close()
    assert "Skapa biblioteket" in [b.text() for b in message_boxes.boxes[0].buttons()]


def test_the_users_own_library_is_made_on_the_first_start_without_a_question(
    qtbot: QtBot, app_settings: AppSettings, message_boxes: MessageBoxes
) -> None:
    shell = build_main_window(_args(), settings=app_settings, install_crash_handler=False)
    assert shell is not None
    try:
        qtbot.addWidget(shell.window)
        assert message_boxes.boxes == []
        assert shell.window.library_path is not None and shell.window.library_path.exists()
    finally:
        shell.close()


# --- point 3: read-only places -------------------------------------------------------------------


def test_a_read_only_folder_offers_read_only_viewing(
    demo_library_path: Path, message_boxes: MessageBoxes
) -> None:
    before = digest(demo_library_path)
    with read_only(demo_library_path.parent):
        message_boxes.answers = ["accept"]  # Öppna skrivskyddat
        library = open_library(None, demo_library_path)
        assert library is not None
        try:
            assert library.read_only and len(library.list_inspections()) == 1
        finally:
            library.close()
    (box,) = message_boxes.boxes
    assert "skrivskyddad" in box.text() and str(demo_library_path.parent) in box.text()
    assert "Kopiera till en annan mapp…" in [b.text() for b in box.buttons()]
    assert digest(demo_library_path) == before


def test_a_read_only_library_can_be_copied_elsewhere_and_worked_on(
    demo_library_path: Path,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "skrivbar" / "kopia.sqlite"
    monkeypatch.setattr(library_opener, "ask_copy_target", lambda _parent, _source: target)
    with read_only(demo_library_path):
        message_boxes.answers = ["Kopiera till en annan mapp…"]
        library = open_library(None, demo_library_path)
    assert library is not None
    try:
        assert library.path == target and not library.read_only
        inspection = library.list_inspections()[0]
        library.set_findings(inspection.id, "A", "Skrivet i kopian")
    finally:
        library.close()
    assert target.stat().st_mode & 0o777 == 0o600


# --- point 2: damage found while in use ----------------------------------------------------------


def _damaged_demo(path: Path) -> Path:
    """The demo library with a verified backup, then a record damaged inside it."""
    with Library.open(path) as library:
        inspection = library.list_inspections()[0]
        library.set_findings(inspection.id, "A", "Iakttagelse som senare skadas av disken")
    with Library.open(path) as library:
        assert library.verify() is None
        good = library.opening_backup
    assert good is not None
    damage_text(path, "Iakttagelse som senare skadas av disken")
    return good


def test_the_background_check_offers_the_verified_backup_and_restores_it(
    qtbot: QtBot,
    demo_library_path: Path,
    app_settings: AppSettings,
    message_boxes: MessageBoxes,
) -> None:
    good = _damaged_demo(demo_library_path)
    shell = build_main_window(
        _args(library=str(demo_library_path)), settings=app_settings, install_crash_handler=False
    )
    assert shell is not None
    qtbot.addWidget(shell.window)
    try:
        message_boxes.answers = ["accept", "accept"]  # restore, then the confirmation
        task = shell.window.check_library()
        assert task is not None
        qtbot.waitUntil(lambda: len(message_boxes.boxes) >= 2, timeout=10_000)
        offer, done = message_boxes.boxes[:2]
        assert str(demo_library_path) in offer.text() and good.name in offer.informativeText()
        assert "återställ" in done.text().casefold()
        library = shell.window.session.library
        inspection = library.list_inspections()[0]
        findings = library.get_inspection(inspection.id).section("A").findings
        assert findings == "Iakttagelse som senare skadas av disken"
    finally:
        shell.close()


def test_reading_a_damaged_record_anywhere_offers_the_backup(
    qtbot: QtBot,
    demo_library_path: Path,
    app_settings: AppSettings,
    message_boxes: MessageBoxes,
) -> None:
    _damaged_demo(demo_library_path)
    shell = build_main_window(
        _args(library=str(demo_library_path)), settings=app_settings, install_crash_handler=False
    )
    assert shell is not None
    qtbot.addWidget(shell.window)
    try:
        inspection_id = shell.window.session.library.list_inspections()[0].id
        with pytest.raises(CorruptLibraryError) as raised:
            shell.window.session.library.get_inspection(inspection_id)
        message_boxes.answers = ["cancel"]
        dialogs.show_error(None, raised.value)  # what every view does with a core error
        (offer,) = message_boxes.boxes
        assert "Återställ säkerhetskopian" in [b.text() for b in offer.buttons()]
        assert "diskutrymme" not in offer.text().casefold()
    finally:
        shell.close()
    assert dialogs.damaged_library_handler() is None  # released with the window


def test_a_copy_target_that_exists_is_refused(tmp_path: Path, demo_library_path: Path) -> None:
    taken = tmp_path / "upptagen.sqlite"
    shutil.copyfile(demo_library_path, taken)
    before = digest(taken)
    from spurdesk.library import LibraryError

    with pytest.raises(LibraryError, match="skrivs inte över"):
        Library.copy_library(demo_library_path, taken)
    assert digest(taken) == before


def test_the_backup_generations_are_settings_handed_to_the_library(
    qtbot: QtBot, app_settings: AppSettings
) -> None:
    from spurdesk.ui.library_opener import backup_settings_from
    from spurdesk.ui.settings import BackupPolicy
    from spurdesk.ui.settings_dialog import SettingsDialog

    assert backup_settings_from(app_settings).days == 7  # one a day for a week by default
    dialog = SettingsDialog(app_settings)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QSpinBox

    dialog.findChild(QSpinBox, "backupDaysSpin").setValue(3)
    dialog.findChild(QSpinBox, "backupWeeksSpin").setValue(0)
    dialog.accept()
    assert app_settings.backup_policy() == BackupPolicy(10, 10, 3, 0)
    settings = backup_settings_from(app_settings)
    assert (settings.keep, settings.days, settings.weeks) == (10, 3, 0)
