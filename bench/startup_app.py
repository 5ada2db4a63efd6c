"""spurdesk's real start, quitting at its main window's first paint.

    SPURDESK_BENCH_PROBE_FILE=OUT python bench/startup_app.py --library DEMO.sqlite

The arguments go to `spurdesk.cli.main`, the `spurdesk` command itself (which runs `run_app`).
The probe is attached by replacing PySide6's QApplication with a subclass before spurdesk imports
it, as packaging/launcher.py does, and watches the first main window shown, so the app's own code
runs unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6 import QtWidgets
from PySide6.QtWidgets import QAbstractItemView, QMainWindow

from bench.probe import FirstPaintProbe, probe_file, watch_shown_main_windows


def shows_inspections(window: QMainWindow) -> bool:
    """The start view's table is on screen with rows (the preview's or the opened library's).

    Read through plain attributes: asking Qt for a child by name would wrap every widget of the
    window as a Python object.
    """
    table = getattr(getattr(window, "start_view", None), "table", None)
    if not isinstance(table, QAbstractItemView) or not table.isVisible():
        return False
    model = table.model()
    return model is not None and model.rowCount() > 0


def library_open(window: QMainWindow) -> bool:
    """The library has opened and its start view took over: the user can act on it."""
    return getattr(window, "opening", True) is False


#: The steps of spurdesk's start timed after its first paint (bench/startup.py reads them).
MILESTONES = {"populated": shows_inspections, "opened": library_open}


def install_probe(out_file: Path) -> None:
    """Every QApplication created from now on carries a FirstPaintProbe."""

    class ProbedApplication(QtWidgets.QApplication):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            self._bench_probe = FirstPaintProbe(self, out_file, MILESTONES)
            watch_shown_main_windows(self._bench_probe)

    QtWidgets.QApplication = ProbedApplication  # type: ignore[misc]


def main(argv: list[str]) -> int:
    install_probe(probe_file())
    from spurdesk.cli import main as spurdesk_main

    return spurdesk_main(argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
