"""Long work off the UI thread (exports, backups, imports) with a progress dialog.

A `BackgroundTask` runs a plain function on Qt's global thread pool; the function receives a
`progress(done, total)` callback (the signature the report writers take) and its result or
exception comes back to the UI thread as a signal. The UI never blocks, and typing keeps flowing.
"""

from __future__ import annotations

import logging
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


class BackgroundTask(QObject):
    """One piece of work on the thread pool, optionally shown in a modal progress dialog."""

    def __init__(
        self,
        work: Work,
        *,
        parent: QWidget | None = None,
        label: str = "",
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.signals = TaskSignals(self)
        self._work = work
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._dialog: QProgressDialog | None = None
        if parent is not None and label:
            self._dialog = QProgressDialog(label, "", 0, 0, parent)
            self._dialog.setCancelButton(None)  # report writers cannot be interrupted safely
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

    def start(self) -> BackgroundTask:
        if self._dialog is not None:
            self._dialog.setValue(0)
        self._pool.start(_Runnable(self._work, self.signals))
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
