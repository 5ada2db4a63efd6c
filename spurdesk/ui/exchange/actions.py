"""The exchange's entry points for menus: send, Word form, import a response, open a package.

Each takes an optional path (tests and drag-and-drop pass one; menus let the user choose) and
shows any refusal as an error dialog, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.fact_check_package import is_fact_check
from spurdesk.exchange.outgoing import send_form, send_package
from spurdesk.exchange.review import ImportResult
from spurdesk.exchange.store import ActionPlanStore
from spurdesk.outputs import OUTPUTS
from spurdesk.ui import dialogs
from spurdesk.ui.exchange import file_dialogs
from spurdesk.ui.exchange.fact_check_window import FactCheckWindow, open_fact_check_window
from spurdesk.ui.exchange.review_dialog import open_review
from spurdesk.ui.exchange.unit_window import UnitWindow, open_unit_window
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.settings import AppSettings

#: What the unit gets, by its key in spurdesk.outputs.OUTPUTS.
_SENDERS: dict[str, Callable[[ActionPlanStore, int, Path], Path]] = {
    "package": send_package,
    "form": send_form,
}


def _name_filter(key: str) -> str:
    """The save dialog's filter, translated here: the table in spurdesk.outputs holds no UI text."""
    package = QCoreApplication.translate("exchange", "spurdesk-paket (*.spur)")
    form = QCoreApplication.translate("exchange", "Word-dokument (*.docx)")
    return {"package": package, "form": form}[key]


def _export(
    parent: QWidget | None,
    session: LibrarySession,
    inspection_id: int,
    path: Path | None,
    key: str,
) -> Path | None:
    try:
        if path is None:
            name_filter = _name_filter(key)
            inspection = session.library.get_inspection(inspection_id)
            path = file_dialogs.save_path(
                parent,
                QCoreApplication.translate("exchange", "Spara"),
                OUTPUTS[key].file_name(inspection),
                name_filter,
            )
            if path is None:
                return None
        send = _SENDERS[key]
        chosen = path
        if session.library.get_inspection(inspection_id).reply_by is None:
            # What goes to the unit says by when to reply: the default period from the settings
            # (the date stays editable on the overview page).
            reply_by = date.today() + timedelta(days=AppSettings().reply_days())
            session.call(
                inspection_id,
                lambda library: library.update_inspection(inspection_id, reply_by=reply_by),
            )
        written = session.call(inspection_id, lambda library: send(library, inspection_id, chosen))
    except SpurdeskError as error:
        dialogs.show_error(
            parent, error, QCoreApplication.translate("exchange", "Filen kunde inte skapas")
        )
        return None
    return written


def send_to_unit(
    parent: QWidget | None, session: LibrarySession, inspection_id: int, path: Path | None = None
) -> Path | None:
    """ "Skicka till verksamheten": the .spur package with the report and the plan to complete."""
    return _export(parent, session, inspection_id, path, "package")


def export_fillable_form(
    parent: QWidget | None, session: LibrarySession, inspection_id: int, path: Path | None = None
) -> Path | None:
    """The action plan as a fillable Word form, for units without spurdesk."""
    return _export(parent, session, inspection_id, path, "form")


def import_response(
    parent: QWidget | None, session: LibrarySession, path: Path | None = None
) -> ImportResult | None:
    """Read a response (.spur or filled-in .docx) and let the inspector review it."""
    if path is None:
        path = file_dialogs.open_path(
            parent,
            QCoreApplication.translate("exchange", "Importera svar från verksamheten"),
            QCoreApplication.translate("exchange", "Svar från verksamheten (*.spur *.docx)"),
        )
        if path is None:
            return None
    dialog = open_review(session, path, parent)
    if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_of_import


def open_package(
    parent: QWidget | None, path: Path | None = None
) -> UnitWindow | FactCheckWindow | None:
    """Unit mode: open a received package with the report read-only and the plan editable, or a
    sakgranskning package with the draft and the unit's comments."""
    if path is None:
        path = file_dialogs.open_path(
            parent,
            QCoreApplication.translate("exchange", "Öppna paket från inspektörerna"),
            QCoreApplication.translate("exchange", "spurdesk-paket (*.spur)"),
        )
        if path is None:
            return None
    if is_fact_check(path):
        return open_fact_check_window(path, parent)
    return open_unit_window(path, parent)
