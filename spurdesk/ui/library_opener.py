"""Opening a library from the UI, turning each way it can fail into a dialog with a way out.

A damaged file offers its newest backup, a library held by another process offers read-only
access, a library from a newer spurdesk (and any other core error) is explained; the user never
sees a traceback and nothing is overwritten without asking.

The library (SQLAlchemy and the schema) and the dialogs are imported on the first call, so the
main window can paint before they load.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from spurdesk.errors import SpurdeskError
from spurdesk.ui.settings import AppSettings

if TYPE_CHECKING:
    from spurdesk.library import BackupSettings, CorruptLibraryError, Library

log = logging.getLogger(__name__)


def backup_settings_from(settings: AppSettings) -> BackupSettings:
    from spurdesk.library import BackupSettings

    policy = settings.backup_policy()
    return BackupSettings(
        interval_minutes=policy.interval_minutes,
        keep=policy.keep,
        days=policy.days,
        weeks=policy.weeks,
    )


def open_library(
    parent: QWidget | None,
    path: Path | str,
    settings: AppSettings | None = None,
    *,
    ask_before_creating: bool = True,
) -> Library | None:
    """Opens the library at `path` (a file, or the office server's URL), asking the user
    through each recoverable failure; a server that cannot be reached is explained (what, why,
    what to do) and the app goes on with the library it had.

    A library that does not exist is created only after the user said yes, naming the path (a
    mistyped `--library` must not quietly make folders and an empty library), unless
    `ask_before_creating` is False (the user's own default library, made on the first start).
    The opened library may lie elsewhere than `path` (a copy made out of a read-only place):
    use its `path`. Returns None when the user gives up or the failure has no way out (the
    dialog said why).
    """
    from spurdesk.library import (
        CorruptLibraryError,
        Library,
        LibraryLockedError,
        LibraryNotFoundError,
        ReadOnlyPlaceError,
    )
    from spurdesk.ui import dialogs

    backup = backup_settings_from(settings) if settings is not None else None
    try:
        return Library.open(path, backup_settings=backup, create=not ask_before_creating)
    except LibraryNotFoundError as error:
        if not dialogs.ask_create_library(parent, error.path):
            return None
        return _open_plainly(parent, path, read_only=False, backup=backup)
    except LibraryLockedError as error:
        if not dialogs.ask_open_read_only(parent, error):
            return None
        return _open_plainly(parent, path, read_only=True, backup=backup)
    except ReadOnlyPlaceError as error:
        choice = dialogs.ask_read_only_place(parent, error)
        if choice == dialogs.OPEN_READ_ONLY:
            return _open_plainly(parent, path, read_only=True, backup=backup)
        if choice == dialogs.COPY_ELSEWHERE:
            return _copy_and_open(parent, Path(path), backup)
        return None
    except CorruptLibraryError as error:
        if not dialogs.ask_restore_backup(parent, error):
            return None
        return restore_and_open(parent, error, Path(path), backup)
    except SpurdeskError as error:
        dialogs.show_error(parent, error)
        return None


def restore_and_open(
    parent: QWidget | None,
    error: CorruptLibraryError,
    path: Path,
    backup: BackupSettings | None,
) -> Library | None:
    """Puts the offered backup in place of the damaged library (kept aside) and opens it."""
    from spurdesk.library import Library
    from spurdesk.ui import dialogs

    assert error.newest_backup is not None
    try:
        kept_aside = Library.restore_backup(error.newest_backup, path)
    except SpurdeskError as restore_error:
        dialogs.show_error(parent, restore_error)
        return None
    library = _open_plainly(parent, path, read_only=False, backup=backup)
    if library is not None:
        dialogs.show_info(
            parent,
            QCoreApplication.translate("library_opener", "Säkerhetskopian är återställd"),
            QCoreApplication.translate(
                "library_opener",
                "Biblioteket är återställt från {backup}. Ändringar gjorda efter "
                "säkerhetskopian finns inte med. Den skadade filen finns kvar som {kept}.",
            ).format(
                backup=Path(error.newest_backup).name,
                kept=kept_aside if kept_aside is not None else "—",
            ),
        )
    return library


def ask_copy_target(parent: QWidget | None, source: Path) -> Path | None:
    """Where to copy a library out of a read-only place (a save dialog; replaced in tests)."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("library_opener", "Kopiera biblioteket till"),
        str(folder / source.name),
        QCoreApplication.translate("library_opener", "spurdesk-bibliotek (*.sqlite)"),
    )
    return Path(chosen) if chosen else None


def _copy_and_open(
    parent: QWidget | None, source: Path, backup: BackupSettings | None
) -> Library | None:
    from spurdesk.library import Library
    from spurdesk.ui import dialogs

    target = ask_copy_target(parent, source)
    if target is None:
        return None
    try:
        Library.copy_library(source, target)
    except SpurdeskError as error:
        dialogs.show_error(parent, error)
        return None
    return _open_plainly(parent, target, read_only=False, backup=backup)


def _open_plainly(
    parent: QWidget | None, path: Path | str, *, read_only: bool, backup: BackupSettings | None
) -> Library | None:
    """A second attempt after the user chose a way out; any failure now is just reported."""
    from spurdesk.library import Library
    from spurdesk.ui import dialogs

    try:
        return Library.open(path, read_only=read_only, backup_settings=backup)
    except SpurdeskError as error:
        dialogs.show_error(parent, error)
        return None
