"""The first-paint probe shared by the two start-up scripts, so both are timed the same way.

When the first QMainWindow has painted and the paint pass has finished, the probe writes a JSON
line to its file — the monotonic clock (the same system-wide clock the parent read before
spawning), the heavy modules already imported and the peak RSS — and quits the application.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QWidget

#: Modules that only exporting or migrating needs; the start-up path must not import them.
HEAVY_MODULES = ("docx", "docxtpl", "reportlab", "alembic")

PROBE_FILE_ENV = "SPURDESK_BENCH_PROBE_FILE"
#: How long after the first paint the probe waits for the populated view before giving up.
POPULATED_TIMEOUT_MS = 30_000


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB.

    On Linux from VmHWM: getrusage's ru_maxrss carries over the parent's peak across fork and
    exec, so a small child of a big benchmark process would report the parent's peak.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def heavy_modules_loaded() -> list[str]:
    return sorted(name for name in HEAVY_MODULES if name in sys.modules)


class FirstPaintProbe(QObject):
    """An application-wide event filter that reports the first main-window paint and quits.

    With `populated_view` (an item view's objectName) it also waits until that view has painted
    with rows, so a start that paints an empty window first and fills it later is timed to both.
    """

    def __init__(
        self, app: QApplication, out_file: Path, populated_view: str | None = None
    ) -> None:
        super().__init__(app)
        self._app = app
        self._out_file = out_file
        self._populated_view = populated_view
        self._record: dict[str, object] = {}
        self._finished = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        if "painted_at" not in self._record and isinstance(watched.window(), QMainWindow):
            self._record["painted_at"] = -1.0  # claimed; the time is read after the pass
            QTimer.singleShot(0, self._first_paint_done)
        if (
            self._populated_view is not None
            and "populated_at" not in self._record
            and self._is_populated(watched)
        ):
            self._record["populated_at"] = -1.0
            QTimer.singleShot(0, self._populated_done)
        return False

    def _is_populated(self, widget: QWidget) -> bool:
        view = widget.parent()
        if not isinstance(view, QAbstractItemView) or widget is not view.viewport():
            return False
        model = view.model()
        return (
            view.objectName() == self._populated_view
            and model is not None
            and (model.rowCount() > 0)
        )

    def _first_paint_done(self) -> None:
        self._record["painted_at"] = time.monotonic()
        if self._populated_view is None or self._record.get("populated_at", 0) > 0:
            self._finish()
        else:  # a view that never shows rows must not hang the benchmark
            QTimer.singleShot(POPULATED_TIMEOUT_MS, self._finish)

    def _populated_done(self) -> None:
        self._record["populated_at"] = time.monotonic()
        if self._record.get("painted_at", 0) > 0:
            self._finish()

    def _finish(self) -> None:
        """Writes the record (after every paint asked for, or the timeout) and quits."""
        if self._finished:
            return
        self._finished = True
        if self._record.get("populated_at", 0) <= 0:
            self._record.pop("populated_at", None)
        self._record.update(
            heavy_modules=heavy_modules_loaded(),
            modules=len(sys.modules),
            peak_rss_mb=peak_rss_mb(),
        )
        self._out_file.write_text(json.dumps(self._record) + "\n", encoding="utf-8")
        self._app.closeAllWindows()
        self._app.quit()


def probe_file() -> Path:
    """The file named by the parent; a start-up script refuses to run without it."""
    import os

    value = os.environ.get(PROBE_FILE_ENV)
    if not value:
        raise SystemExit(f"set {PROBE_FILE_ENV} to the file the probe should write")
    return Path(value)
