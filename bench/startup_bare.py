"""The start-up floor: a bare PySide6 script showing an empty QMainWindow, quitting at first paint.

Run by bench/startup.py as `python bench/startup_bare.py` with SPURDESK_BENCH_PROBE_FILE set.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QMainWindow

from bench.probe import FirstPaintProbe, probe_file, watch_shown_main_windows


def main() -> int:
    app = QApplication(sys.argv[:1])
    watch_shown_main_windows(FirstPaintProbe(app, probe_file()))
    window = QMainWindow()
    window.resize(1100, 680)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
