"""The register of units and its due dates on the large library (bench/generate.py: 10,000
inspections linked to some 9,000 units, a register far larger than a real one).

- Start view's counts: `library.due_counts()`, the two numbers each start-view reload adds
  (units past their next SPUR, deficiency follow-ups overdue); < 50 ms.
- Register with due dates: `library.list_units()` (three queries, the inspections read from
  an index) and `due_dates.due_list`, the data of the Enheter window; against the same queries
  run with bare sqlite3; < 0.5 s (the start view's target).
- Units window populated: a new `UnitsWindow` until its table has painted (< 0.5 s).
- Units filter keystroke: keys typed into its filter field, each until repainted (< 50 ms).
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from bench.large_library import KEYSTROKE_TARGET, START_VIEW_TARGET, _keystrokes, timed
from bench.qt import application, dispose, show_until_painted
from bench.results import Row

if TYPE_CHECKING:
    from spurdesk.ui.session import LibrarySession

COUNTS_TARGET = 0.050  # s: added to each start-view reload
DEFAULT_TYPED = "röntgen norrby"


_DONE = "('fastställd', 'handlingsplan begärd', 'handlingsplan inkommen', 'avslutad')"


def bare_register_read(path: Path, today: date) -> float:
    """The register's three queries with stdlib sqlite3, their rows fetched."""
    started = time.perf_counter()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.execute(
            "SELECT unit_id, count(id), max(CASE WHEN status IN " + _DONE + " THEN"
            " coalesce(visit_start, visit_end, report_date) END) FROM inspections"
            " WHERE deleted_at IS NULL AND unit_id IS NOT NULL GROUP BY unit_id"
        ).fetchall()
        connection.execute(
            "SELECT i.unit_id, count(f.id), sum(CASE WHEN f.due_on < ? THEN 1 ELSE 0 END)"
            " FROM deficiency_follow_ups f JOIN inspections i ON i.id = f.inspection_id"
            " WHERE i.deleted_at IS NULL AND (f.review_on IS NULL OR f.report_on IS NULL)"
            " GROUP BY i.unit_id",
            (today.isoformat(),),
        ).fetchall()
        connection.execute("SELECT id, name, site, care_provider, specialty FROM units").fetchall()
    finally:
        connection.close()
    return time.perf_counter() - started


def measure_units(path: Path, repeat: int = 3, typed: str = DEFAULT_TYPED) -> list[Row]:
    """The three register figures on the generated library at `path`."""
    from spurdesk.library import Library
    from spurdesk.ui.session import LibrarySession

    application()
    session = LibrarySession(Library.open(path))
    try:
        return [
            _counts_row(session, repeat),
            _register_row(session, path, repeat),
            _window_row(session, repeat),
            _filter_row(session, typed),
        ]
    finally:
        session.close()
        session.deleteLater()


def _counts_row(session: LibrarySession, repeat: int) -> Row:
    from spurdesk.model.due_dates import DueRules

    library, today = session.library, date.today()
    values = [timed(lambda: library.due_counts(DueRules(), today=today)) for _ in range(repeat + 2)]
    value = statistics.median(values)
    return Row(
        figure="Start view's counts of units and follow-ups overdue",
        value=value,
        unit="s",
        floor=None,
        floor_name="",
        target=f"< {COUNTS_TARGET * 1000:.0f} ms (part of each start-view reload)",
        passed=value < COUNTS_TARGET,
        note=f"median of {repeat + 2}: Library.due_counts, two counts in SQL",
    )


def _register_row(session: LibrarySession, path: Path, repeat: int) -> Row:
    from spurdesk.model.due_dates import DueRules, due_list

    library, today = session.library, date.today()
    count = len(library.list_units(today=today))
    inspections = len(library.list_inspections())
    values = [
        timed(lambda: due_list(library.list_units(today=today), today, DueRules()))
        for _ in range(repeat + 2)
    ]
    floors = [bare_register_read(path, today) for _ in range(repeat + 2)]
    value, floor = statistics.median(values), statistics.median(floors)
    return Row(
        figure=f"Register with due dates, {count:,} units of {inspections:,} inspections",
        value=value,
        unit="s",
        floor=floor,
        floor_name="the register's three queries with bare sqlite3 (fetchall)",
        target=f"< {START_VIEW_TARGET} s (the Enheter window's data)",
        passed=value < START_VIEW_TARGET,
        note=f"median of {repeat + 2}: list_units + due_list",
    )


def _window_row(session: LibrarySession, repeat: int) -> Row:
    from spurdesk.model.due_dates import DueRules
    from spurdesk.ui.units_window import UnitsWindow

    def populate() -> float:
        started = time.perf_counter()
        window = UnitsWindow(session, DueRules)
        window.resize(1100, 560)
        show_until_painted(window)
        elapsed = time.perf_counter() - started
        dispose(window)
        return elapsed

    values = [populate() for _ in range(repeat)]
    value = statistics.median(values)
    return Row(
        figure="Units window populated",
        value=value,
        unit="s",
        floor=None,
        floor_name="",
        target=f"< {START_VIEW_TARGET} s",
        passed=value < START_VIEW_TARGET,
        note=f"median of {repeat}: new UnitsWindow until its table has painted",
    )


def _filter_row(session: LibrarySession, typed: str) -> Row:
    from spurdesk.model.due_dates import DueRules
    from spurdesk.ui.units_window import UnitsWindow

    window = UnitsWindow(session, DueRules)
    window.resize(1100, 560)
    show_until_painted(window)
    window.filter_edit.setFocus()
    values, texts = _keystrokes(window.filter_edit, typed)
    dispose(window)
    worst = max(range(len(values)), key=values.__getitem__)
    return Row(
        figure="Units filter keystroke",
        value=values[worst],
        unit="s",
        floor=None,
        floor_name="",
        target=f"< {KEYSTROKE_TARGET * 1000:.0f} ms each",
        passed=values[worst] < KEYSTROKE_TARGET,
        note=f"worst of {len(values)} keystrokes (typing {typed!r}, then erasing it) was "
        f"{texts[worst]!r}; median {statistics.median(values) * 1000:.1f} ms",
    )
