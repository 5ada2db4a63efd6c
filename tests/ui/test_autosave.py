"""Autosave: typed text reaches the library file within a second, and closing loses nothing.

Each test types into the real window and then reads the library file through a second,
read-only connection — what another process (or the app after a crash) would find on disk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from spurdesk.library import Library
from spurdesk.model.inspection import Inspection, SummaryKind
from spurdesk.ui.inspection.navigation import NodeKind
from spurdesk.ui.inspection.overview_page import OverviewPage
from spurdesk.ui.inspection.result_page import ResultPage
from spurdesk.ui.inspection.section_page import SectionPage
from spurdesk.ui.inspection.window import InspectionWindow
from spurdesk.ui.session import MAX_LATENCY_MS

#: Generous: the debounce writes within MAX_LATENCY_MS; a loaded CI machine may be slower, and
#: speed is measured in bench/, not here.
SAVE_WAIT_MS = MAX_LATENCY_MS * 5


def on_disk(path: Path, inspection_id: int) -> Inspection:
    with Library.open(path, read_only=True) as reader:
        return reader.get_inspection(inspection_id)


def findings_page(window: InspectionWindow, section_id: str) -> SectionPage:
    window.go_to(NodeKind.SECTION, section_id)
    page = window.current_page
    assert isinstance(page, SectionPage)
    return page


def test_typed_findings_are_on_disk_after_the_debounce(
    qtbot: QtBot, window: InspectionWindow, demo_library_path: Path
) -> None:
    page = findings_page(window, "E")
    page.findings.moveCursor(page.findings.textCursor().MoveOperation.End)
    qtbot.keyClick(page.findings, Qt.Key.Key_Return)  # a new paragraph
    qtbot.keyClicks(page.findings, "Samtal varje vecka.")
    assert (
        "Samtal varje vecka"
        not in on_disk(demo_library_path, window.inspection_id).section("E").findings
    )  # staged only: nothing written per keystroke
    with qtbot.waitSignal(window.session.saved, timeout=SAVE_WAIT_MS):
        pass
    findings = on_disk(demo_library_path, window.inspection_id).section("E").findings
    assert findings.endswith("\nSamtal varje vecka.")
    assert window.saved_label.text().startswith("Sparat ")


def test_continuous_typing_is_saved_before_it_stops(
    qtbot: QtBot, window: InspectionWindow, demo_library_path: Path
) -> None:
    """The debounce alone would wait for a pause; the deadline writes during a long burst."""
    page = findings_page(window, "F")
    page.findings.moveCursor(page.findings.textCursor().MoveOperation.End)
    for _ in range(12):  # a keystroke every 150 ms, never a pause long enough to debounce
        QTest.keyClick(page.findings, Qt.Key.Key_X)
        QTest.qWait(150)
    assert "xxxx" in on_disk(demo_library_path, window.inspection_id).section("F").findings


def test_closing_the_window_writes_everything_at_once(
    qtbot: QtBot, window: InspectionWindow, demo_library_path: Path
) -> None:
    """No waiting for timers: text, a criterion note and a metadata field typed a moment before
    the window closes are all in the file right after."""
    page = findings_page(window, "G")
    page.findings.selectAll()
    qtbot.keyClicks(page.findings, "Skrivet strax innan stangning")
    window.go_to(NodeKind.OVERVIEW)
    overview = window.current_page
    assert isinstance(overview, OverviewPage)
    site = overview.editors["site"]
    site.selectAll()
    qtbot.keyClicks(site, "Strandviks sjukhus")
    window.go_to(NodeKind.RESULT)
    result = window.current_page
    assert isinstance(result, ResultPage)
    weaknesses = result.lists[SummaryKind.WEAKNESS]
    weaknesses.view.setCurrentIndex(weaknesses.model.index(0))
    weaknesses.view.edit(weaknesses.view.currentIndex())
    editor = weaknesses.view.indexWidget(weaknesses.view.currentIndex())
    editor.selectAll()
    qtbot.keyClicks(editor, "Oklar introduktion")
    window.close()  # the editor is still open
    record = on_disk(demo_library_path, window.inspection_id)
    assert record.section("G").findings == "Skrivet strax innan stangning"
    assert record.site == "Strandviks sjukhus"
    assert record.summary_of(SummaryKind.WEAKNESS)[0].text == "Oklar introduktion"


def test_typing_does_not_rebuild_the_page(qtbot: QtBot, window: InspectionWindow) -> None:
    """Autosave refreshes the page, but the editor being typed in keeps its caret and text."""
    page = findings_page(window, "H")
    page.findings.moveCursor(page.findings.textCursor().MoveOperation.Start)
    qtbot.keyClicks(page.findings, "Inledning. ")
    with qtbot.waitSignal(window.session.saved, timeout=SAVE_WAIT_MS):
        pass
    assert page.findings.textCursor().position() == len("Inledning. ")
    qtbot.keyClicks(page.findings, "Mer")
    assert page.findings.toPlainText().startswith("Inledning. Mer")
