"""Autosave: the durable commit of one edit, and a responsive UI while typing with autosave on.

- Commit: one staged findings text written by `library.flush()` (one transaction, synchronous=FULL
  in WAL mode), median of many, against the same UPDATE and COMMIT through bare sqlite3 with the
  library's journal and sync pragmas on a copy of the same file.
- Typing: a timer types characters into a section's findings editor (`SectionPage.findings`) of a
  real InspectionWindow, with the session's debounced autosave, while a 5 ms QTimer measures how
  late it fires (the longest the event loop was blocked). Floor: the same typing into a bare
  QPlainTextEdit that saves nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from bench.qt import application, dispose, show_until_painted, type_key
from bench.results import Row

COMMIT_TARGET_MS = 5.0
BLOCK_TARGET_MS = 50.0
PROBE_INTERVAL_MS = 5
TYPE_INTERVAL_MS = 10  # 100 characters a second: faster than anyone types
SETTLE_MS = 1500  # after the last key: the debounced autosave has written everything
SECTION = "A"


def _bare_commit_ms(path: Path, inspection_id: int, samples: int) -> list[float]:
    """UPDATE + COMMIT of one findings text through stdlib sqlite3 with the library's pragmas."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            connection.execute(f"PRAGMA {pragma}")
        timings = []
        for number in range(samples):
            started = time.perf_counter()
            connection.execute("BEGIN")
            connection.execute(
                "UPDATE section_assessments SET findings = ? "
                "WHERE inspection_id = ? AND section_id = ?",
                (f"Iakttagelse {number}", inspection_id, SECTION),
            )
            connection.execute("COMMIT")
            timings.append((time.perf_counter() - started) * 1000)
        return timings
    finally:
        connection.close()


def measure_commit(demo_library: Path, work: Path, samples: int = 50) -> Row:
    """Median `flush()` of one staged edit vs a bare sqlite3 commit of the same change."""
    from spurdesk.library import FindingsKey, Library

    library_copy = work / "commit.sqlite"
    floor_copy = work / "commit-floor.sqlite"
    shutil.copyfile(demo_library, library_copy)
    shutil.copyfile(demo_library, floor_copy)
    library = Library.open(library_copy)
    try:
        inspection_id = library.list_inspections()[0].id
        key = FindingsKey(inspection_id, SECTION)
        library.stage_text(key, "uppvärmning")
        library.flush()  # warm-up: first write, statement caches
        timings = []
        for number in range(samples):
            library.stage_text(key, f"Iakttagelse {number}")
            started = time.perf_counter()
            library.flush()
            timings.append((time.perf_counter() - started) * 1000)
        if library.get_inspection(inspection_id).section(SECTION).findings != (
            f"Iakttagelse {samples - 1}"
        ):
            raise RuntimeError("flush() did not store the staged text")
    finally:
        library.close()
    floors = _bare_commit_ms(floor_copy, inspection_id, samples)
    value, floor = statistics.median(timings), statistics.median(floors)
    return Row(
        figure="Autosave commit of one edit",
        value=value,
        unit="ms",
        floor=floor,
        floor_name="the same UPDATE + COMMIT via bare sqlite3, WAL, synchronous=FULL",
        target=f"< {COMMIT_TARGET_MS:.0f} ms median",
        passed=value < COMMIT_TARGET_MS,
        note=f"median of {samples} flush() calls; slowest {max(timings):.1f} ms",
    )


class LatencyProbe:
    """A 5 ms repeating timer; each gap between its firings, less 5 ms, is time the event loop
    spent on something else. The longest is the figure; all are kept for the note."""

    def __init__(self) -> None:
        self._timer = QTimer(interval=PROBE_INTERVAL_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.delays_ms: list[float] = []

    def _tick(self) -> None:
        now = time.perf_counter()
        self.delays_ms.append(max(0.0, (now - self._last) * 1000 - PROBE_INTERVAL_MS))
        self._last = now

    @property
    def worst_ms(self) -> float:
        return max(self.delays_ms, default=0.0)

    def over(self, limit_ms: float) -> int:
        return sum(delay > limit_ms for delay in self.delays_ms)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.delays_ms = []
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


def type_text(target: QWidget, text: str) -> LatencyProbe:
    """Types `text` into `target` one key per TYPE_INTERVAL_MS from the event loop, then lets
    SETTLE_MS pass; returns the probe that watched the event loop meanwhile."""
    probe = LatencyProbe()
    loop = QEventLoop()
    remaining = list(text)
    typist = QTimer(interval=TYPE_INTERVAL_MS)

    def type_one() -> None:
        if remaining:
            type_key(target, remaining.pop(0))
        else:
            typist.stop()
            QTimer.singleShot(SETTLE_MS, loop.quit)

    typist.timeout.connect(type_one)
    target.setFocus()
    probe.start()
    typist.start()
    loop.exec()
    probe.stop()
    return probe


def typed_text(characters: int) -> str:
    """Plausible findings prose with paragraph breaks, exactly `characters` long."""
    sentence = "Handledarna har avsatt tid för handledning och utvecklingssamtal. "
    text = (sentence * (characters // len(sentence) + 1))[:characters]
    return "\n".join(text[i : i + 300] for i in range(0, len(text), 300))[:characters]


def measure_typing(demo_library: Path, work: Path, characters: int = 1000) -> Row:
    """Worst event-loop block while typing into the findings editor with autosave on."""
    from spurdesk.library import Library
    from spurdesk.ui.inspection.navigation import NodeKind
    from spurdesk.ui.inspection.section_page import SectionPage
    from spurdesk.ui.inspection.window import InspectionWindow
    from spurdesk.ui.session import LibrarySession

    application()
    text = typed_text(characters)
    bare = QPlainTextEdit()
    show_until_painted(bare)
    floor = type_text(bare, text)
    dispose(bare)

    library_copy = work / "typing.sqlite"
    shutil.copyfile(demo_library, library_copy)
    library = Library.open(library_copy)
    session = LibrarySession(library)
    try:
        inspection_id = library.list_inspections()[0].id
        window = InspectionWindow(session, inspection_id)
        window.go_to(NodeKind.SECTION, SECTION)
        show_until_painted(window)
        page = window.current_page
        if not isinstance(page, SectionPage):
            raise RuntimeError(f"section {SECTION} did not open in the inspection window")
        before = page.findings.toPlainText()
        page.findings.moveCursor(QTextCursor.MoveOperation.End)
        probe = type_text(page.findings, text)
        stored = library.get_inspection(inspection_id).section(SECTION).findings
        if stored != before + text:
            raise RuntimeError("the typed findings did not all reach the library by autosave")
        dispose(window)
    finally:
        session.close()
        session.deleteLater()
    return Row(
        figure=f"Longest UI block typing {characters:,} characters",
        value=probe.worst_ms,
        unit="ms",
        floor=floor.worst_ms,
        floor_name="the same typing into a bare QPlainTextEdit that saves nothing",
        target=f"< {BLOCK_TARGET_MS:.0f} ms",
        passed=probe.worst_ms < BLOCK_TARGET_MS,
        note=f"one key per {TYPE_INTERVAL_MS} ms into section {SECTION}'s findings, autosave on; "
        f"{PROBE_INTERVAL_MS} ms QTimer latency probe; blocks over {BLOCK_TARGET_MS:.0f} ms: "
        f"{probe.over(BLOCK_TARGET_MS)} (bare editor: {floor.over(BLOCK_TARGET_MS)})",
    )
