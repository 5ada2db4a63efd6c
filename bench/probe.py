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
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

#: Modules that only exporting or migrating needs; the start-up path must not import them.
HEAVY_MODULES = ("docx", "docxtpl", "reportlab", "alembic")

PROBE_FILE_ENV = "SPURDESK_BENCH_PROBE_FILE"


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
    """An application-wide event filter that reports the first main-window paint and quits."""

    def __init__(self, app: QApplication, out_file: Path) -> None:
        super().__init__(app)
        self._app = app
        self._out_file = out_file
        self._seen = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            self._seen = True
            QTimer.singleShot(0, self._record_and_quit)  # after this paint pass is flushed
        return False

    def _record_and_quit(self) -> None:
        record = {
            "painted_at": time.monotonic(),
            "heavy_modules": heavy_modules_loaded(),
            "modules": len(sys.modules),
            "peak_rss_mb": peak_rss_mb(),
        }
        self._out_file.write_text(json.dumps(record) + "\n", encoding="utf-8")
        self._app.closeAllWindows()
        self._app.quit()


def probe_file() -> Path:
    """The file named by the parent; a start-up script refuses to run without it."""
    import os

    value = os.environ.get(PROBE_FILE_ENV)
    if not value:
        raise SystemExit(f"set {PROBE_FILE_ENV} to the file the probe should write")
    return Path(value)
