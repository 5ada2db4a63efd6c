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
    from spurdesk.library import BackupSettings, Library

log = logging.getLogger(__name__)


def backup_settings_from(settings: AppSettings) -> BackupSettings:
    from spurdesk.library import BackupSettings

    policy = settings.backup_policy()
    return BackupSettings(interval_minutes=policy.interval_minutes, keep=policy.keep)


def open_library(
    parent: QWidget | None, path: Path, settings: AppSettings | None = None
) -> Library | None:
    """Opens the library at `path`, asking the user through each recoverable failure.

    Returns None when the user gives up or the failure has no way out (the dialog said why).
    """
    from spurdesk.library import CorruptLibraryError, Library, LibraryLockedError
    from spurdesk.ui import dialogs

    backup = backup_settings_from(settings) if settings is not None else None
    try:
        return Library.open(path, backup_settings=backup)
    except LibraryLockedError as error:
        if not dialogs.ask_open_read_only(parent, error):
            return None
        return _open_plainly(parent, path, read_only=True, backup=backup)
    except CorruptLibraryError as error:
        if not dialogs.ask_restore_backup(parent, error):
            return None
        try:
            kept_aside = Library.restore_backup(error.newest_backup, Path(path))
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
    except SpurdeskError as error:
        dialogs.show_error(parent, error)
        return None


def _open_plainly(
    parent: QWidget | None, path: Path, *, read_only: bool, backup: BackupSettings | None
) -> Library | None:
    """A second attempt after the user chose a way out; any failure now is just reported."""
    from spurdesk.library import Library
    from spurdesk.ui import dialogs

    try:
        return Library.open(path, read_only=read_only, backup_settings=backup)
    except SpurdeskError as error:
        dialogs.show_error(parent, error)
        return None
