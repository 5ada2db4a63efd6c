"""Entry script of the frozen app (PyInstaller's Analysis starts here), usable from source too.

Before handing over to `spurdesk.cli.main` it makes the process safe to run without a console:
a windowed build on Windows starts with `sys.stdout` and `sys.stderr` set to None, so any print,
argparse message or logging handler would raise. Those streams are pointed at a log file in the
user log folder instead, and faulthandler writes hard crashes (e.g. inside Qt) there too.

`SPURDESK_FIRST_PAINT_FILE=<path>` turns on a measurement probe: when the first main window has
painted, the monotonic clock reading and the CPU time the process has used so far are written to
<path> (one line, two numbers in seconds) and the app quits.
packaging/measure_startup.py uses it to time the frozen app; it changes nothing when unset.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import sys
import time
from pathlib import Path
from typing import TextIO

LOG_FILE_NAME = "spurdesk-output.log"
PROBE_ENV = "SPURDESK_FIRST_PAINT_FILE"


def user_log_dir() -> Path:
    """The per-user log folder (platformdirs), e.g. %LOCALAPPDATA%\\spurdesk\\Logs on Windows."""
    from platformdirs import user_log_path

    return user_log_path("spurdesk", appauthor=False)


def open_fallback_stream(log_dir: Path) -> TextIO:
    """A line-buffered UTF-8 log file to stand in for a missing console; the null device if the
    log folder cannot be written (the app must start even then)."""
    from spurdesk.userfiles import open_private, private_folder

    try:
        private_folder(log_dir)  # the user's alone, like everything spurdesk logs
        return open_private(  # type: ignore[return-value]  # stays open for the whole process
            log_dir / LOG_FILE_NAME, "a", encoding="utf-8", errors="replace", buffering=1
        )
    except OSError:
        return open(os.devnull, "w", encoding="utf-8")


def ensure_standard_streams(log_dir: Path | None = None) -> TextIO | None:
    """Replaces a None stdout/stderr with a log file; returns that file, or None if not needed."""
    if sys.stdout is not None and sys.stderr is not None:
        return None
    stream = open_fallback_stream(log_dir if log_dir is not None else user_log_dir())
    stream.write(f"--- spurdesk started {time.strftime('%Y-%m-%d %H:%M:%S')} ---\n")
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream
    return stream


def enable_crash_traces() -> None:
    """Writes a traceback of every thread to stderr (the log file when windowed) on a hard crash."""
    # A stream without a real file descriptor cannot take faulthandler's output: then no traces.
    with contextlib.suppress(AttributeError, ValueError, OSError):
        faulthandler.enable(file=sys.stderr)


def install_first_paint_probe(out_file: Path) -> None:
    """Makes the first QMainWindow shown record its first paint and quit the app.

    `QMainWindow.show` is wrapped before spurdesk.ui imports it, so the app's own code is
    measured unchanged. The filter watches that one window: an application-wide Python filter
    would make PySide6 wrap every object receiving an event, and time that as start-up.
    """
    from PySide6 import QtCore, QtWidgets

    class FirstPaintFilter(QtCore.QObject):
        def __init__(self, window: QtWidgets.QMainWindow) -> None:
            super().__init__(window)
            self._seen = False

        def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
            if not self._seen and event.type() == QtCore.QEvent.Type.Paint:
                self._seen = True
                # Record once this paint pass has finished and the frame is flushed.
                QtCore.QTimer.singleShot(0, self._record_and_quit)
            return False

        def _record_and_quit(self) -> None:
            out_file.write_text(
                f"{time.monotonic():.6f} {time.process_time():.6f}\n", encoding="utf-8"
            )
            app = QtWidgets.QApplication.instance()
            assert isinstance(app, QtWidgets.QApplication)
            app.closeAllWindows()
            app.quit()

    show = QtWidgets.QMainWindow.show
    watching: list[FirstPaintFilter] = []

    def show_watched(window: QtWidgets.QMainWindow) -> None:
        if not watching:
            watching.append(FirstPaintFilter(window))
            window.installEventFilter(watching[0])
        show(window)

    QtWidgets.QMainWindow.show = show_watched  # type: ignore[method-assign]


def main() -> int:
    ensure_standard_streams()
    enable_crash_traces()
    probe_file = os.environ.get(PROBE_ENV)
    if probe_file:
        install_first_paint_probe(Path(probe_file))
    from spurdesk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
