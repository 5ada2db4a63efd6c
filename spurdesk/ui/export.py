"""Exportera: the report or the action plan to a file, written off the UI thread.

The controller flushes the session (so the report holds every typed word), reads the immutable
Inspection record on the UI thread, asks where to save (with a sensible default name), writes the
file on the thread pool behind a progress dialog, then offers to open it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from spurdesk.errors import SpurdeskError
from spurdesk.outputs import REPORTS, OutputFormat
from spurdesk.report.exporters import EXPORTERS
from spurdesk.ui import dialogs
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.tasks import BackgroundTask, Cancelled, ProgressCallback


def file_filter(fmt: OutputFormat) -> str:
    """The save dialog's filter for a report, e.g. "Word-dokument (*.docx)"."""
    pdf = QCoreApplication.translate("export", "PDF-dokument")
    word = QCoreApplication.translate("export", "Word-dokument")
    kind = {"docx": word, "pdf": pdf, "actionplan": word}[fmt.key]
    return f"{kind} (*{fmt.suffix})"


class ExportController(QObject):
    """One per inspection window; `export(inspection_id, fmt)` runs the whole dialogue."""

    exported = Signal(object)  # the Path written
    cancelled = Signal()  # the user pressed Avbryt: nothing was written, an old file is kept

    def __init__(self, parent: QWidget, session: LibrarySession) -> None:
        super().__init__(parent)
        self._parent = parent
        self._session = session
        self._last_folder: Path | None = None
        self.task: BackgroundTask | None = None

    # injectable for tests: where to save, and what to do when done
    def ask_path(self, suggested: Path, fmt: OutputFormat) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self._parent,
            QCoreApplication.translate("export", "Exportera"),
            str(suggested),
            file_filter(fmt),
        )
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix.lower() == fmt.suffix else chosen.with_suffix(fmt.suffix)

    def offer_to_open(self, path: Path) -> None:
        box = dialogs.info_box(
            self._parent,
            QCoreApplication.translate("export", "Exporten är klar"),
            QCoreApplication.translate("export", "Sparat som {path}.").format(path=path),
        )
        open_button = box.addButton(
            QCoreApplication.translate("export", "Öppna filen"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setDefaultButton(open_button)  # type: ignore[arg-type]
        if dialogs.run_box(box) is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _folder(self) -> Path:
        if self._last_folder is not None:
            return self._last_folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()

    def export(self, inspection_id: int, fmt: str) -> BackgroundTask | None:
        """Asks for a file, then writes it in the background; None when nothing was started."""
        export_format = REPORTS.get(fmt)
        if export_format is None:
            raise ValueError(f"unknown export format {fmt!r}; expected one of {sorted(REPORTS)}")
        try:
            self._session.flush()
            inspection = self._session.library.get_inspection(inspection_id)
            previous = self._session.library.previous_inspection(inspection_id)
        except SpurdeskError as error:
            dialogs.show_error(self._parent, error)
            return None
        target = self.ask_path(self._folder() / export_format.file_name(inspection), export_format)
        if target is None:
            return None
        self._last_folder = target.parent

        def work(progress: ProgressCallback) -> Path:
            return EXPORTERS[export_format.key](inspection, target, progress, previous=previous)

        task = BackgroundTask(
            work,
            parent=self._parent,
            label=QCoreApplication.translate("export", "Exporterar {name} …").format(
                name=target.name
            ),
            cancellable=True,
        )
        task.signals.succeeded.connect(self._succeeded)
        task.signals.failed.connect(self._failed)
        self.task = task
        return task.start()

    def _succeeded(self, path: object) -> None:
        from spurdesk.ui.heap import settle_heap

        settle_heap()  # what the export loaded stays; keep it out of later collections
        written = Path(str(path))
        self.exported.emit(written)
        self.offer_to_open(written)

    def _failed(self, error: object) -> None:
        if isinstance(error, Cancelled):  # Avbryt: the writer removed its temporary file
            self.cancelled.emit()
            return
        if isinstance(error, BaseException):
            if not isinstance(error, SpurdeskError):
                raise error  # a bug: the crash handler reports it
            dialogs.show_error(
                self._parent, error, QCoreApplication.translate("export", "Exporten misslyckades")
            )
