"""The sakgranskning's entry points for menus: send the draft (package or Word form), import the
unit's answer, review the comments, export the record, open a package in unit mode.

Each takes an optional path (tests pass one; menus let the user choose) and shows any refusal as
an error dialog, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.fact_check_exchange import (
    check_answer,
    import_answer,
    read_answer,
    send_fact_check,
    send_fact_check_form,
)
from spurdesk.exchange.store import FactCheckStore
from spurdesk.outputs import OUTPUTS
from spurdesk.report import export_pdf
from spurdesk.ui import dialogs
from spurdesk.ui.exchange import file_dialogs
from spurdesk.ui.exchange.fact_check_review import FactCheckReviewDialog
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.settings import AppSettings

_SENDERS: dict[str, Callable[[FactCheckStore, int, Path, date | None], Path]] = {
    "factcheck": send_fact_check,
    "factcheck-form": send_fact_check_form,
}


def _filter(key: str) -> str:
    if key == "factcheck":
        return QCoreApplication.translate("factcheck", "spurdesk-paket (*.spur)")
    return QCoreApplication.translate("factcheck", "Word-dokument (*.docx)")


def _save_path(
    parent: QWidget | None, session: LibrarySession, inspection_id: int, key: str
) -> Path | None:
    inspection = session.library.get_inspection(inspection_id)
    return file_dialogs.save_path(
        parent,
        QCoreApplication.translate("factcheck", "Spara"),
        OUTPUTS[key].file_name(inspection),
        _filter(key),
    )


def send_draft(
    parent: QWidget | None,
    session: LibrarySession,
    inspection_id: int,
    path: Path | None = None,
    *,
    form: bool = False,
) -> Path | None:
    """ "Skicka utkast för sakgranskning": the package (or, with `form`, the Word form), the
    unit to answer within the settings' reply time; beside a package, the draft report as PDF
    (marked UTKAST) to read and print — the Word form carries the draft text itself."""
    key = "factcheck-form" if form else "factcheck"
    try:
        chosen = path or _save_path(parent, session, inspection_id, key)
        if chosen is None:
            return None
        reply_by = date.today() + timedelta(days=AppSettings().reply_days())
        send = _SENDERS[key]
        written = session.call(
            inspection_id, lambda library: send(library, inspection_id, chosen, reply_by)
        )
        if not form:
            draft = written.with_name(f"{written.stem} utkast.pdf")
            library = session.library
            export_pdf(
                library.get_inspection(inspection_id),
                draft,
                previous=library.previous_inspection(inspection_id),
            )
        return written
    except SpurdeskError as error:
        dialogs.show_error(
            parent, error, QCoreApplication.translate("factcheck", "Filen kunde inte skapas")
        )
        return None


def import_fact_check(
    parent: QWidget | None,
    session: LibrarySession,
    inspection_id: int,
    path: Path | None = None,
) -> FactCheckReviewDialog | None:
    """Read the unit's answer (.spur or filled-in .docx), store its comments, open the review."""
    if path is None:
        path = file_dialogs.open_path(
            parent,
            QCoreApplication.translate("factcheck", "Importera sakgranskning från verksamheten"),
            QCoreApplication.translate("factcheck", "Svar från verksamheten (*.spur *.docx)"),
        )
        if path is None:
            return None
    chosen = path
    try:
        answer = read_answer(chosen)
        if check_answer(session.library, answer).id != inspection_id:
            raise SpurdeskError(
                QCoreApplication.translate(
                    "factcheck",
                    "%1 gäller en annan inspektion; importera filen i den inspektionens fönster.",
                ).replace("%1", chosen.name)
            )
        _id, added = session.call(inspection_id, lambda library: import_answer(library, answer))
    except SpurdeskError as error:
        dialogs.show_error(
            parent,
            error,
            QCoreApplication.translate("factcheck", "Sakgranskningen kan inte importeras"),
        )
        return None
    dialogs.show_info(
        parent,
        QCoreApplication.translate("factcheck", "Sakgranskningen är importerad"),
        QCoreApplication.translate("factcheck", "%1 nya kommentarer från verksamheten.").replace(
            "%1", str(len(added))
        ),
    )
    return review_fact_check(parent, session, inspection_id)


def review_fact_check(
    parent: QWidget | None, session: LibrarySession, inspection_id: int
) -> FactCheckReviewDialog:
    dialog = FactCheckReviewDialog(session, inspection_id, parent)
    dialog.show()
    return dialog


def export_record(
    parent: QWidget | None, session: LibrarySession, inspection_id: int, path: Path | None = None
) -> Path | None:
    """The "Sakgranskning" record (DOCX): every comment and its decision, for the unit."""
    from spurdesk.report.fact_check_record import write_record

    try:
        inspection = session.library.get_inspection(inspection_id)
        chosen = path or file_dialogs.save_path(
            parent,
            QCoreApplication.translate("factcheck", "Spara"),
            OUTPUTS["factcheck-record"].file_name(inspection),
            _filter("factcheck-record"),
        )
        if chosen is None:
            return None
        written = write_record(
            inspection, session.library.fact_check_comments(inspection_id), chosen
        )
        session.call(
            inspection_id,
            lambda library: library.record_event(
                inspection_id, "export", f"Sakgranskningsprotokoll: {written.name}"
            ),
        )
    except SpurdeskError as error:
        dialogs.show_error(
            parent, error, QCoreApplication.translate("factcheck", "Filen kunde inte skapas")
        )
        return None
    return written


def ask_override_reason(parent: QWidget | None, open_count: int) -> str | None:
    """ "Fastställ ändå": the reason to fix the report while comments still lack a decision;
    None when the user cancels or gives no reason (the audit trail needs one)."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("factcheck", "Fastställ ändå"),
        QCoreApplication.translate(
            "factcheck",
            "%1 kommentar(er) från sakgranskningen saknar beslut. Skriv varför rapporten ändå "
            "fastställs; skälet sparas i historiken.",
        ).replace("%1", str(open_count)),
    )
    return (text.strip() or None) if ok else None
