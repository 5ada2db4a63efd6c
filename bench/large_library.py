"""A large library (bench/generate.py, 10,000 inspections) in the real UI; the same figures on
the office's PostgreSQL server are measured by bench/server_library.py through `measure_listing`.

- Start view populated: a new `StartView` on the open library until its table has painted,
  against reading the same columns with bare sqlite3 (the rows it must read).
- Filter as you type: key presses into the real filter field (`StartView.filter_edit`, driving
  `InspectionsFilterModel`), each until the table has repainted; the worst keystroke against
  the worst of the same keys into a bare Qt filter (C++ proxy over a string list of the rows).
- Opening one inspection: a new `InspectionWindow` until it has painted, against reading the
  record (`library.get_inspection`) of a neighbouring inspection.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QRegularExpression,
    QSortFilterProxyModel,
    QStringListModel,
)
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from bench.qt import application, dispose, show_until_painted, type_key
from bench.results import Row
from spurdesk.library.storage.summary_rows import OVERDUE_SQL, heads_sql, overdue_parameters

if TYPE_CHECKING:
    from spurdesk.model.criteria_loader import CriteriaLibrary
    from spurdesk.ui.session import LibrarySession

START_VIEW_TARGET = 0.5  # s
KEYSTROKE_TARGET = 0.050  # s
OPEN_TARGET = 0.2  # s
#: Typed one key at a time, then erased with Backspace (widening the filter is a keystroke too).
DEFAULT_TYPED = "kirurgi norrby"


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def bare_list_read(path: Path) -> float:
    """Seconds to read the start view's rows with stdlib sqlite3 (a fresh connection): the two
    queries `Library.list_inspections` runs, without turning their rows into summaries."""
    started = time.perf_counter()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.execute(heads_sql(include_deleted=False, deleted_only=False)).fetchall()
        connection.execute(OVERDUE_SQL, overdue_parameters(date.today())).fetchall()
    finally:
        connection.close()
    return time.perf_counter() - started


def measure_large_library(path: Path, repeat: int = 3, typed: str = DEFAULT_TYPED) -> list[Row]:
    """The three large-library figures on the generated library at `path`."""
    return measure_listing(
        path,
        bare_read=lambda: bare_list_read(path),
        bare_read_name="the same two queries run with bare sqlite3 (fetchall)",
        repeat=repeat,
        typed=typed,
    )


def measure_listing(
    location: Path | str,
    *,
    bare_read: Callable[[], float],
    bare_read_name: str,
    repeat: int = 3,
    typed: str = DEFAULT_TYPED,
    where: str = "",
    open_note: str = "includes the rolling backup Library.open makes of a library with content",
) -> list[Row]:
    """Library.open, the start view, the filter and opening one inspection on the library at
    `location` (a file, or a server's URL: bench/server_library.py), `where` ending each figure's
    name; `bare_read` is the start view's floor: seconds to read its rows without spurdesk."""
    from spurdesk.library import Library
    from spurdesk.model.criteria_loader import load_criteria_library
    from spurdesk.ui.session import LibrarySession

    application()
    criteria = load_criteria_library()
    opened_in = time.perf_counter()
    library = Library.open(location)
    opened_in = time.perf_counter() - opened_in
    session = LibrarySession(library)
    try:
        count = len(library.list_inspections())
        rows = [
            Row(
                figure=f"Library.open, {count:,} inspections{where}",
                value=opened_in,
                unit="s",
                floor=None,
                floor_name="",
                target="(reported)",
                passed=None,
                note=open_note,
            )
        ]
        rows.append(
            _start_view_row(session, criteria, (bare_read, bare_read_name), repeat, count, where)
        )
        rows.append(_filter_row(session, criteria, typed, count, where))
        rows.append(_open_inspection_row(session, repeat, count, where))
    finally:
        session.close()
        session.deleteLater()
    return rows


def _start_view_row(
    session: LibrarySession,
    criteria: CriteriaLibrary,
    floor_read: tuple[Callable[[], float], str],
    repeat: int,
    count: int,
    where: str,
) -> Row:
    from spurdesk.ui.start_view import StartView

    def populate() -> float:
        started = time.perf_counter()
        view = StartView(session, criteria)
        view.resize(1100, 680)
        show_until_painted(view)
        elapsed = time.perf_counter() - started
        if view.proxy.rowCount() != count:
            raise RuntimeError(f"start view shows {view.proxy.rowCount()} of {count} rows")
        dispose(view)
        return elapsed

    bare_read, bare_read_name = floor_read
    values = [populate() for _ in range(repeat)]
    floors = [bare_read() for _ in range(repeat)]
    value, floor = statistics.median(values), statistics.median(floors)
    return Row(
        figure=f"Start view populated, {count:,} inspections{where}",
        value=value,
        unit="s",
        floor=floor,
        floor_name=bare_read_name,
        target=f"< {START_VIEW_TARGET} s",
        passed=value < START_VIEW_TARGET,
        note=f"median of {repeat}: new StartView until its table has painted",
    )


class BareFilterView(QWidget):
    """The filter floor: a QLineEdit and a QTableView over a QStringListModel of the rows'
    texts, filtered in C++ by QSortFilterProxyModel with the same every-word-in-any-order rule."""

    def __init__(self, texts: list[str]) -> None:
        super().__init__()
        self.source = QStringListModel(texts, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.edit = QLineEdit()
        self.edit.textChanged.connect(self._filter)
        table = QTableView()
        table.setModel(self.proxy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(table, 1)

    def _filter(self, text: str) -> None:
        lookaheads = "".join(
            f"(?=.*{QRegularExpression.escape(word)})" for word in text.casefold().split()
        )
        self.proxy.setFilterRegularExpression(
            QRegularExpression(
                f"^{lookaheads}", QRegularExpression.PatternOption.DotMatchesEverythingOption
            )
        )


def _keystrokes(edit: QLineEdit, typed: str) -> tuple[list[float], list[str]]:
    """Types `typed` into `edit`, then erases it; seconds per key until repainted, and the text
    after each key."""
    values, texts = [], []
    text = ""
    for key in [*typed, *(["\b"] * len(typed))]:
        text = text[:-1] if key == "\b" else text + key
        texts.append(text)

        def press(key: str = key) -> None:
            type_key(edit, key)
            QCoreApplication.processEvents()  # the table repaints the filtered rows

        values.append(timed(press))
        if edit.text() != text:
            raise RuntimeError(f"filter field shows {edit.text()!r}, not {text!r}")
    return values, texts


def _filter_row(
    session: LibrarySession, criteria: CriteriaLibrary, typed: str, count: int, where: str
) -> Row:
    from spurdesk.ui.start_view import StartView

    view = StartView(session, criteria)
    view.resize(1100, 680)
    show_until_painted(view)
    view.filter_edit.setFocus()
    values, texts = _keystrokes(view.filter_edit, typed)
    shown_at_end = view.proxy.rowCount()
    haystacks = [view.model.haystack(row) for row in range(view.model.rowCount())]
    dispose(view)
    if shown_at_end != count:
        raise RuntimeError(f"an empty filter shows {shown_at_end} of {count} rows")

    bare = BareFilterView(haystacks)
    bare.resize(1100, 680)
    show_until_painted(bare)
    bare.edit.setFocus()
    floors, _texts = _keystrokes(bare.edit, typed)
    dispose(bare)
    worst = max(range(len(values)), key=values.__getitem__)
    return Row(
        figure=f"Filter keystroke, {count:,} inspections{where}",
        value=values[worst],
        unit="s",
        floor=max(floors),
        floor_name="the same keys into a bare QLineEdit + QTableView, C++ QSortFilterProxyModel "
        "over the same row texts",
        target=f"< {KEYSTROKE_TARGET * 1000:.0f} ms each",
        passed=values[worst] < KEYSTROKE_TARGET,
        note=f"worst of {len(values)} keystrokes (typing {typed!r}, then erasing it) was "
        f"{texts[worst]!r}; median {statistics.median(values) * 1000:.1f} ms, "
        f"bare median {statistics.median(floors) * 1000:.1f} ms",
    )


def _open_inspection_row(session: LibrarySession, repeat: int, count: int, where: str) -> Row:
    from spurdesk.ui.inspection.window import InspectionWindow

    library = session.library
    ids = [summary.id for summary in library.list_inspections()]
    # Inspections far apart, none read before: floor on one, the window on its neighbour.
    picks = [ids[(index + 1) * len(ids) // (repeat + 1)] for index in range(repeat)]
    values, floors = [], []
    for inspection_id in picks:
        floors.append(timed(lambda i=inspection_id: library.get_inspection(i)))
        neighbour = inspection_id + 1 if inspection_id + 1 in ids else inspection_id - 1

        def open_window(i: int = neighbour) -> InspectionWindow:
            window = InspectionWindow(session, i)
            show_until_painted(window)
            return window

        started = time.perf_counter()
        window = open_window()
        values.append(time.perf_counter() - started)
        dispose(window)
    value, floor = statistics.median(values), statistics.median(floors)
    return Row(
        figure=f"Open one inspection, {count:,} inspections{where}",
        value=value,
        unit="s",
        floor=floor,
        floor_name="library.get_inspection of a neighbouring inspection (the record it shows)",
        target=f"< {OPEN_TARGET} s",
        passed=value < OPEN_TARGET,
        note=f"median of {repeat}: new InspectionWindow until it has painted",
    )
