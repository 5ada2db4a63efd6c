"""The first-paint probe shared by the two start-up scripts, so both are timed the same way.

When the first QMainWindow has painted and the paint pass has finished, the probe writes a JSON
line to its file — the monotonic clock (the same system-wide clock the parent read before
spawning), the heavy modules already imported and the peak RSS — and quits the application.

The probe filters the events of that one window, never the application's: an application-wide
Python event filter makes PySide6 wrap every object that receives an event in a Python object,
which costs more the more widgets a window has (some 70 ms for spurdesk's first frame) and would
be measured as the app's start-up. `watch_shown_main_windows` attaches it to the first main
window shown, so the bare script and the app are watched the same way.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

#: Modules that only exporting or migrating needs; the start-up path must not import them.
HEAVY_MODULES = ("docx", "docxtpl", "reportlab", "alembic")

PROBE_FILE_ENV = "SPURDESK_BENCH_PROBE_FILE"
#: How long after the first paint the probe waits for its milestones before giving up.
MILESTONE_TIMEOUT_MS = 30_000

#: A step of the start a probe times: true of the main window once the step is reached.
Milestone = Callable[[QMainWindow], bool]

#: The events of a top-level window that end a paint pass: its own Paint (the first, exposed
#: frame) and UpdateRequest (every later repaint of anything in it).
_PASS_EVENTS = (QEvent.Type.Paint, QEvent.Type.UpdateRequest)


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
    """Reports the first paint of the main window it watches, then quits the application.

    Each of `milestones` (name → a test of the window) is timed to the end of the first paint
    pass in which its test holds, so a start that paints an empty window first and fills it
    later is timed to each step; the probe quits when all are timed (or after a timeout). The
    record holds `painted_at` and `<name>_at` per milestone, the modules imported by the first
    paint, and the peak RSS at the end.
    """

    def __init__(
        self,
        app: QApplication,
        out_file: Path,
        milestones: dict[str, Milestone] | None = None,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._out_file = out_file
        self._milestones = dict(milestones or {})
        self._window: QMainWindow | None = None
        self._record: dict[str, object] = {}
        self._claimed: set[str] = set()  # reached; the time is read after the pass
        self._finished = False

    def watch(self, window: QMainWindow) -> None:
        """Watches `window` (before it is shown); any later window is ignored."""
        if self._window is None:
            self._window = window
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _PASS_EVENTS or self._window is None:
            return False
        reached = []
        if kind == QEvent.Type.Paint and "painted" not in self._claimed:
            reached.append("painted")
        if "painted" in self._claimed or reached:
            reached += [
                name
                for name, test in self._milestones.items()
                if name not in self._claimed and test(self._window)
            ]
        if reached:
            self._claimed.update(reached)
            QTimer.singleShot(0, lambda: self._pass_done(reached))
        return False

    def _pass_done(self, reached: list[str]) -> None:
        now = time.monotonic()
        for name in reached:
            self._record[f"{name}_at"] = now
        if "painted" in reached:
            self._record.update(heavy_modules=heavy_modules_loaded(), modules=len(sys.modules))
            if self._milestones:  # a milestone never reached must not hang the benchmark
                QTimer.singleShot(MILESTONE_TIMEOUT_MS, self._finish)
        if self._claimed >= {"painted", *self._milestones}:
            self._finish()

    def _finish(self) -> None:
        """Writes the record (once every milestone is timed, or at the timeout) and quits."""
        if self._finished:
            return
        self._finished = True
        self._record.update(peak_rss_mb=peak_rss_mb())
        self._out_file.write_text(json.dumps(self._record) + "\n", encoding="utf-8")
        self._app.closeAllWindows()
        self._app.quit()


def watch_shown_main_windows(probe: FirstPaintProbe) -> None:
    """Makes `probe` watch the first QMainWindow that `show()` is called on.

    The start-up scripts install this before any window exists, so the app's own code runs
    unchanged and the bare script's window is watched in exactly the same way.
    """
    show = QMainWindow.show

    def show_watched(window: QMainWindow) -> None:
        probe.watch(window)
        show(window)

    QMainWindow.show = show_watched  # type: ignore[method-assign]


def probe_file() -> Path:
    """The file named by the parent; a start-up script refuses to run without it."""
    import os

    value = os.environ.get(PROBE_FILE_ENV)
    if not value:
        raise SystemExit(f"set {PROBE_FILE_ENV} to the file the probe should write")
    return Path(value)
