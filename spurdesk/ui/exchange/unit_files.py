"""Unit mode's two file steps, shared by the action-plan window and the sakgranskning window:
save the work in progress, and export the answer for the inspectors (saying which file to send).
A refusal is shown, never raised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from spurdesk.errors import SpurdeskError
from spurdesk.ui import dialogs


def save_draft(parent: QWidget, write: Callable[[], Path]) -> bool:
    """Keep unfinished work in a file the unit reopens later."""
    try:
        write()
    except SpurdeskError as error:
        title = QCoreApplication.translate("UnitMode", "Utkastet kan inte sparas")
        dialogs.show_error(parent, error, title)
        return False
    return True


def export_answer(parent: QWidget, write: Callable[[], Path]) -> bool:
    """Write the answer; problems or write errors are shown, and nothing is written."""
    try:
        written = write()
    except SpurdeskError as error:
        title = QCoreApplication.translate("UnitMode", "Svaret kan inte exporteras")
        dialogs.show_error(parent, error, title)
        return False
    dialogs.show_info(
        parent,
        QCoreApplication.translate("UnitMode", "Svaret är exporterat"),
        QCoreApplication.translate("UnitMode", "Skicka filen %1 till inspektörerna.").replace(
            "%1", written.name
        ),
    )
    return True


def close_if_saved(
    parent: QWidget, event: QCloseEvent, modified: bool, title: str, text: str
) -> None:
    """Closing with work neither saved nor exported asks first (`title`, `text` say what)."""
    if modified and not dialogs.confirm(
        parent, title, text, QCoreApplication.translate("UnitMode", "Stäng ändå")
    ):
        event.ignore()
        return
    event.accept()
