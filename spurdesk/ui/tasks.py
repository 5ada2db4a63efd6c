"""Long work off the UI thread (exports, backups, imports) with a progress dialog.

A `BackgroundTask` runs a plain function on Qt's global thread pool; the function receives a
`progress(done, total)` callback (the signature the report writers take) and its result or
exception comes back to the UI thread as a signal. The UI never blocks, and typing keeps flowing.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
Work = Callable[[ProgressCallback], Any]


class TaskSignals(QObject):
    """Signals of one task; a QObject living in the UI thread, so slots run there."""

    progress = Signal(int, int)  # done, total
    succeeded = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception raised
    finished = Signal()  # after succeeded or failed


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: TaskSignals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work(self._signals.progress.emit)
        except Exception as error:  # handed to the UI thread, which shows it
            log.debug("background task failed:\n%s", traceback.format_exc())
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)
        self._signals.finished.emit()


class Cancelled(Exception):
    """Raised inside a cancellable task's work, from its progress callback, once the user has
    pressed Avbryt; the task then ends with `failed(Cancelled())`."""


class BackgroundTask(QObject):
    """One piece of work on the thread pool, optionally shown in a modal progress dialog.

    A `cancellable` task's dialog has an Avbryt button: pressing it (or `cancel()`) makes the
    next call of the work's progress callback raise `Cancelled`, so the work stops at its next
    step and unwinds (the report writers then remove their temporary file: nothing partial is
    left). A work that reports its last step (done == total) is past cancelling.
    """

    def __init__(
        self,
        work: Work,
        *,
        parent: QWidget | None = None,
        label: str = "",
        pool: QThreadPool | None = None,
        cancellable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.signals = TaskSignals(self)
        self._work = work
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._dialog: QProgressDialog | None = None
        self._cancel = threading.Event()
        if parent is not None and label:
            self._dialog = QProgressDialog(label, "", 0, 0, parent)
            if cancellable:
                self._dialog.setCancelButtonText(self.tr("Avbryt"))
                self._dialog.canceled.connect(self.cancel)
            else:
                self._dialog.setCancelButton(None)
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(300)  # no flicker for quick work
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.setAccessibleName(label)
            self.signals.progress.connect(self._show_progress)
        self.signals.finished.connect(self._done)
        self.done = False

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the work to stop at its next step (see the class's note)."""
        self._cancel.set()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Avbryter …"))

    def start(self) -> BackgroundTask:
        if self._dialog is not None:
            self._dialog.setValue(0)
        emit = self.signals.progress.emit
        cancel = self._cancel

        def progress(done: int, total: int) -> None:
            if cancel.is_set() and done < total:
                raise Cancelled
            emit(done, total)

        self._pool.start(_Runnable(lambda _emit: self._work(progress), self.signals))
        return self

    def _show_progress(self, done: int, total: int) -> None:
        if self._dialog is None:
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total > 0 else 0)

    def _done(self) -> None:
        self.done = True
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        self.deleteLater()
