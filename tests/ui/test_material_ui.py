"""The Underlag page and the Resultat page's comparison, driven through the window.

Underlag: the checklist requested and undone as one step, a date typed into a cell (and an
impossible one refused with nothing changed), a file attached, refused, opened, saved and removed
with undo putting the bytes back. Resultat: a re-inspection shows the grade chart and what became
of each earlier deficiency; a first inspection shows no comparison.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from spurdesk.library import Library
from spurdesk.model.inspection import CriterionStatus
from spurdesk.model.material import default_catalogue
from spurdesk.ui.inspection.comparison_view import ComparisonView
from spurdesk.ui.inspection.material_model import COLUMNS
from spurdesk.ui.inspection.material_page import MaterialPage
from spurdesk.ui.inspection.navigation import NodeKind
from spurdesk.ui.inspection.result_page import ResultPage
from spurdesk.ui.inspection.window import InspectionWindow
from spurdesk.ui.session import LibrarySession
from tests.ui.conftest import MessageBoxes
from tests.ui.test_inspection_window import open_window

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"


def material_page(window: InspectionWindow) -> MaterialPage:
    window.go_to(NodeKind.MATERIAL)
    page = window.current_page
    assert isinstance(page, MaterialPage)
    return page


def select(page: MaterialPage, row: int, column: str = "title") -> None:
    page.view.setCurrentIndex(page.model.index(row, COLUMNS.index(column)))


@pytest.fixture
def page(qtbot: QtBot, demo_session: LibrarySession, demo_inspection_id: int) -> MaterialPage:
    window = open_window(qtbot, demo_session, demo_inspection_id)
    qtbot.addWidget(window)
    return material_page(window)


def test_the_checklist_is_requested_in_one_step_and_undone_in_one(
    page: MaterialPage, demo_library: Library
) -> None:
    page.actions_by_name["request"].trigger()
    items = demo_library.get_inspection(page.inspection_id).material
    assert [i.title for i in items] == [c.title_sv for c in default_catalogue().items]
    assert page.model.rowCount() == len(items)
    assert all(i.requested_on == date.today() for i in items)
    window = page.window()
    assert isinstance(window, InspectionWindow)
    window.undo_action.trigger()
    assert demo_library.get_inspection(page.inspection_id).material == ()
    window.redo_action.trigger()
    assert [i.id for i in demo_library.get_inspection(page.inspection_id).material] == [
        i.id for i in items
    ]


def test_a_date_typed_in_a_cell_is_kept_and_an_impossible_one_refused(
    page: MaterialPage, demo_library: Library, message_boxes: MessageBoxes
) -> None:
    page.actions_by_name["request"].trigger()
    received = page.model.index(0, COLUMNS.index("received_on"))
    page.model.setData(received, "2020-01-15", Qt.ItemDataRole.EditRole)
    assert "före det begärdes" in message_boxes.texts[-1]  # requested today by the checklist
    page.model.setData(received, date.today().isoformat(), Qt.ItemDataRole.EditRole)
    first = demo_library.get_inspection(page.inspection_id).material[0]
    assert first.received_on == date.today()
    assert page.model.data(received) == date.today().isoformat()
    page.model.setData(received, "2026-02-30", Qt.ItemDataRole.EditRole)
    assert "är inget datum" in message_boxes.texts[-1]
    assert demo_library.get_inspection(page.inspection_id).material[0] == first
    criteria = page.model.index(0, COLUMNS.index("criteria"))
    page.model.setData(criteria, "A.2; D.1", Qt.ItemDataRole.EditRole)
    assert demo_library.get_inspection(page.inspection_id).material[0].criteria == (
        "A.2",
        "D.1",
    )


def test_a_file_is_attached_opened_saved_and_removed_with_undo_keeping_its_bytes(
    page: MaterialPage,
    demo_library: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.actions_by_name["request"].trigger()
    select(page, 1)
    source = tmp_path / "lokala riktlinjer.pdf"
    source.write_bytes(PDF)
    monkeypatch.setattr(page, "ask_open_path", lambda: source)
    page.actions_by_name["attach"].trigger()
    item = demo_library.get_inspection(page.inspection_id).material[1]
    assert item.attachment is not None and item.attachment.name == "lokala riktlinjer.pdf"
    assert "lokala riktlinjer.pdf" in page.model.data(page.model.index(1, COLUMNS.index("file")))

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    select(page, 1)
    shown = page.open_file()
    assert shown is not None and shown.name == "lokala riktlinjer.pdf"
    assert shown.read_bytes() == PDF and opened == [QUrl.fromLocalFile(str(shown))]
    target = tmp_path / "kopia.pdf"
    monkeypatch.setattr(page, "ask_save_path", lambda suggested: target)
    assert page.save_file() == target and target.read_bytes() == PDF

    source.unlink()  # redo must not need the file on disk any more
    window = page.window()
    assert isinstance(window, InspectionWindow)
    window.undo_action.trigger()
    assert demo_library.get_inspection(page.inspection_id).material[1].attachment is None
    window.redo_action.trigger()
    assert demo_library.material_file(item.id) == PDF

    select(page, 1)
    page.actions_by_name["remove"].trigger()
    assert item.id not in [i.id for i in demo_library.get_inspection(page.inspection_id).material]
    window.undo_action.trigger()
    assert demo_library.get_inspection(page.inspection_id).material[1] == item
    assert demo_library.material_file(item.id) == PDF


def test_a_file_of_another_kind_is_refused_with_its_message_and_nothing_changes(
    page: MaterialPage,
    demo_library: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    page.actions_by_name["request"].trigger()
    select(page, 0)
    program = tmp_path / "riktlinjer.pdf"
    program.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00")
    monkeypatch.setattr(page, "ask_open_path", lambda: program)
    before = demo_library.get_inspection(page.inspection_id).material
    page.actions_by_name["attach"].trigger()
    assert "bedömt efter innehållet" in message_boxes.texts[-1]
    assert demo_library.get_inspection(page.inspection_id).material == before


def reinspection(library: Library, first: int) -> int:
    again = library.duplicate_as_reinspection(first)
    library.set_criterion(again, "E.4", CriterionStatus.MET, "")
    library.set_criterion(again, "E.5", CriterionStatus.NOT_MET, "")
    library.set_criterion(again, "B.9", CriterionStatus.PARTLY_MET, "")
    return again


def result_comparison(window: InspectionWindow) -> ComparisonView:
    window.go_to(NodeKind.RESULT)
    page = window.current_page
    assert isinstance(page, ResultPage)
    return page.comparison


def test_the_result_page_compares_a_reinspection_with_its_last_spur(
    qtbot: QtBot, demo_session: LibrarySession, demo_library: Library, demo_inspection_id: int
) -> None:
    again = reinspection(demo_library, demo_inspection_id)
    window = open_window(qtbot, demo_session, again)
    qtbot.addWidget(window)
    view = result_comparison(window)
    assert view.isVisibleTo(window)
    pixmap = view.chart.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 300
    assert "E: C → –" in view.chart.accessibleName()
    rows = {
        view.table.item(row, 0).text().split()[0]: view.table.item(row, 3).text()
        for row in range(view.table.rowCount())
    }
    assert (rows["E.4"], rows["E.5"], rows["B.9"], rows["D.1"]) == (
        "Åtgärdad",
        "Kvarstår",
        "Ny",
        "Ej bedömd",
    )


def test_a_first_inspection_shows_no_comparison(
    qtbot: QtBot, demo_session: LibrarySession, demo_inspection_id: int
) -> None:
    window = open_window(qtbot, demo_session, demo_inspection_id)
    qtbot.addWidget(window)
    assert not result_comparison(window).isVisibleTo(window)
