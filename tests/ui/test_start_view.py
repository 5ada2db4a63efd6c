"""The start view lists, sorts and filters the library's inspections and acts on them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from spurdesk.library import Library
from spurdesk.model.criteria_loader import CriteriaLibrary
from spurdesk.ui.inspections_model import InspectionsModel
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.start_view import StartView
from tests.ui.conftest import MessageBoxes


def _view(qtbot: QtBot, session: LibrarySession, criteria: CriteriaLibrary) -> StartView:
    view = StartView(session, criteria)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.table.setFocus()  # as the main window does: Enter opens at once
    return view


def _add(
    library: Library,
    criteria: CriteriaLibrary,
    unit: str,
    site: str,
    specialty: str,
    visit: date | None = None,
) -> int:
    return library.create_inspection(
        unit=unit,
        site=site,
        care_provider="Region Exempelland",
        specialty=specialty,
        criteria=criteria.default(),
        visit_start=visit,
        visit_end=visit,
    )


def _units(view: StartView) -> list[str]:
    return [
        view.proxy.index(row, InspectionsModel.UNIT).data() for row in range(view.proxy.rowCount())
    ]


def test_lists_the_demo_inspection_with_grades_and_overdue_count(
    qtbot: QtBot, demo_session: LibrarySession, criteria_library: CriteriaLibrary
) -> None:
    view = _view(qtbot, demo_session, criteria_library)
    summary = demo_session.library.list_inspections()[0]
    assert _units(view) == [summary.unit]
    model = view.model
    grades = "".join(
        view.proxy.index(0, model.grade_column(section)).data() for section in "ABCDEFGH"
    )
    assert grades == "".join(summary.grades[section].value for section in "ABCDEFGH")
    assert view.overdue_count == summary.overdue_action_items > 0
    assert str(summary.overdue_action_items) in view.overdue_label.text()
    assert view.selected_id() == summary.id  # the first row is selected, ready for Enter


def test_filter_as_you_type_matches_every_word_in_any_column(
    qtbot: QtBot,
    session: LibrarySession,
    library: Library,
    criteria_library: CriteriaLibrary,
) -> None:
    _add(library, criteria_library, "Röntgenkliniken", "Norra sjukhuset", "Radiologi")
    _add(library, criteria_library, "Barnkliniken", "Norra sjukhuset", "Pediatrik")
    _add(library, criteria_library, "Vårdcentralen Ek", "Södra vårdcentralen", "Allmänmedicin")
    view = _view(qtbot, session, criteria_library)
    assert view.proxy.rowCount() == 3

    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.filter_edit.hasFocus()
    qtbot.keyClicks(view.filter_edit, "norra")
    assert sorted(_units(view)) == ["Barnkliniken", "Röntgenkliniken"]
    qtbot.keyClicks(view.filter_edit, " RADIO")
    assert _units(view) == ["Röntgenkliniken"]
    view.filter_edit.setText("utkast södra")  # status text is searchable too
    assert _units(view) == ["Vårdcentralen Ek"]
    view.filter_edit.setText("ingenting sådant")
    assert _units(view) == []
    view.filter_edit.clear()
    assert view.proxy.rowCount() == 3


def test_sorts_by_unit_and_by_visit_date_with_undated_last(
    qtbot: QtBot, session: LibrarySession, library: Library, criteria_library: CriteriaLibrary
) -> None:
    _add(library, criteria_library, "B-kliniken", "", "Kirurgi", date(2024, 3, 1))
    _add(library, criteria_library, "A-kliniken", "", "Kirurgi", None)
    _add(library, criteria_library, "C-kliniken", "", "Kirurgi", date(2023, 1, 1))
    view = _view(qtbot, session, criteria_library)
    view.table.sortByColumn(InspectionsModel.UNIT, Qt.SortOrder.AscendingOrder)
    assert _units(view) == ["A-kliniken", "B-kliniken", "C-kliniken"]
    view.table.sortByColumn(InspectionsModel.VISIT, Qt.SortOrder.AscendingOrder)
    assert _units(view) == ["C-kliniken", "B-kliniken", "A-kliniken"]
    view.filter_edit.setText("kliniken")  # filtering keeps the chosen order
    assert _units(view) == ["C-kliniken", "B-kliniken", "A-kliniken"]


def test_enter_and_double_click_request_opening_the_selected_inspection(
    qtbot: QtBot, demo_session: LibrarySession, criteria_library: CriteriaLibrary
) -> None:
    view = _view(qtbot, demo_session, criteria_library)
    inspection_id = view.selected_id()
    view.table.setFocus()
    with qtbot.waitSignal(view.openRequested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [inspection_id]
    with qtbot.waitSignal(view.openRequested) as opened:
        qtbot.keyClicks(view.filter_edit, "radiologi")  # QTest types ASCII only
        qtbot.keyClick(view.filter_edit, Qt.Key.Key_Enter)
    assert opened.args == [inspection_id]


def test_duplicate_as_reinspection_keeps_the_previous_grades(
    qtbot: QtBot, demo_session: LibrarySession, criteria_library: CriteriaLibrary
) -> None:
    view = _view(qtbot, demo_session, criteria_library)
    original = view.selected_id()
    assert original is not None
    new_id = view.duplicate_selected()
    assert new_id is not None and new_id != original
    assert view.selected_id() == new_id
    assert view.proxy.rowCount() == 2
    copy = demo_session.library.get_inspection(new_id)
    assert copy.previous_inspection_id == original
    before = demo_session.library.get_inspection(original)
    assert copy.previous_grades == {
        section.section_id: section.effective_grade
        for section in before.sections
        if section.effective_grade is not None
    }


def test_delete_asks_first_moves_to_the_trash_and_restores(
    qtbot: QtBot,
    demo_session: LibrarySession,
    criteria_library: CriteriaLibrary,
    message_boxes: MessageBoxes,
) -> None:
    view = _view(qtbot, demo_session, criteria_library)
    inspection_id = view.selected_id()
    assert inspection_id is not None

    message_boxes.answers = ["cancel"]
    assert not view.delete_selected()
    assert view.proxy.rowCount() == 1
    assert "papperskorgen" in message_boxes.texts[-1]

    message_boxes.answers = ["accept"]
    with qtbot.waitSignal(view.inspectionDeleted):
        assert view.delete_selected()
    assert view.proxy.rowCount() == 0
    assert view.stack.currentWidget() is view.empty_label
    assert view.overdue_count == 0

    view.trash_action.trigger()  # Papperskorg
    assert view.in_trash and view.proxy.rowCount() == 1
    assert view.restore_action.isEnabled() and not view.delete_action.isEnabled()
    deleted_column = view.trash_model.deleted_column
    assert deleted_column is not None and view.proxy.index(0, deleted_column).data()
    assert view.restore_selected()
    assert view.proxy.rowCount() == 0
    view.trash_action.trigger()
    assert not view.in_trash
    assert view.selected_id() == inspection_id


def test_purge_removes_for_good_only_after_confirmation(
    qtbot: QtBot,
    session: LibrarySession,
    library: Library,
    criteria_library: CriteriaLibrary,
    message_boxes: MessageBoxes,
) -> None:
    inspection_id = _add(library, criteria_library, "Kliniken", "", "Kirurgi")
    library.delete_inspection(inspection_id)
    view = _view(qtbot, session, criteria_library)
    view.show_trash(True)
    message_boxes.answers = ["cancel", "accept"]
    assert not view.purge_selected()
    assert view.proxy.rowCount() == 1
    assert view.purge_selected()
    assert view.proxy.rowCount() == 0
    assert library.list_inspections(include_deleted=True) == []


def test_view_follows_changes_made_elsewhere_through_the_session(
    qtbot: QtBot, session: LibrarySession, criteria_library: CriteriaLibrary
) -> None:
    view = _view(qtbot, session, criteria_library)
    assert view.stack.currentWidget() is view.empty_label
    session.call(
        None,
        lambda library: library.create_inspection(
            unit="Ny klinik",
            site="",
            care_provider="",
            specialty="Kirurgi",
            criteria=criteria_library.default(),
        ),
    )
    qtbot.waitUntil(lambda: _units(view) == ["Ny klinik"], timeout=2000)
    assert view.stack.currentWidget() is view.table


def test_read_only_library_offers_no_changes(
    qtbot: QtBot, demo_library_path, criteria_library: CriteriaLibrary
) -> None:
    library = Library.open(demo_library_path, read_only=True)
    session = LibrarySession(library)
    try:
        view = _view(qtbot, session, criteria_library)
        assert view.open_action.isEnabled()
        for action in (view.new_action, view.duplicate_action, view.delete_action):
            assert not action.isEnabled()
    finally:
        session.close()


def test_filter_holds_through_resorting_and_reloading(
    qtbot: QtBot, session: LibrarySession, library: Library, criteria_library: CriteriaLibrary
) -> None:
    for unit in ("Ögonkliniken", "Akutkliniken", "Barnkliniken", "Hudkliniken"):
        _add(library, criteria_library, unit, "Norra sjukhuset" if unit < "C" else "", "Kirurgi")
    view = _view(qtbot, session, criteria_library)
    view.filter_edit.setText("norra")
    view.table.sortByColumn(InspectionsModel.UNIT, Qt.SortOrder.DescendingOrder)
    assert _units(view) == ["Barnkliniken", "Akutkliniken"]
    _add(library, criteria_library, "Allergikliniken", "Norra sjukhuset", "Kirurgi")
    view.reload()
    assert _units(view) == ["Barnkliniken", "Allergikliniken", "Akutkliniken"]


def test_delete_key_deletes_text_in_the_filter_and_asks_about_the_inspection_in_the_table(
    qtbot: QtBot,
    demo_session: LibrarySession,
    criteria_library: CriteriaLibrary,
    message_boxes: MessageBoxes,
) -> None:
    view = _view(qtbot, demo_session, criteria_library)
    view.filter_edit.setFocus()
    qtbot.keyClicks(view.filter_edit, "radx")
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Left)
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Delete)
    assert view.filter_edit.text() == "rad"
    assert message_boxes.boxes == []
    view.table.setFocus()
    assert view.selected_id() is not None, "selection survives filtering"
    assert view.delete_action.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)  # answered "cancel": nothing deleted
    assert len(message_boxes.boxes) == 1
    assert view.proxy.rowCount() == 1


def test_edits_inside_an_inspection_reach_the_list_when_the_user_returns(
    qtbot: QtBot, demo_session: LibrarySession, criteria_library: CriteriaLibrary
) -> None:
    view = _view(qtbot, demo_session, criteria_library)
    inspection_id = view.selected_id()
    assert inspection_id is not None
    demo_session.perform(  # an edit made in the inspection window: no list-level signal
        inspection_id,
        lambda library: library.update_inspection(inspection_id, unit="Bildcentrum"),
    )
    assert _units(view) != ["Bildcentrum"]  # not re-read on every keystroke's autosave
    other = QWidget()
    qtbot.addWidget(other)
    with qtbot.waitActive(other):
        other.show()
        other.activateWindow()
    with qtbot.waitActive(view):
        view.activateWindow()
    qtbot.waitUntil(lambda: _units(view) == ["Bildcentrum"], timeout=2000)


def test_filtering_keeps_the_selected_inspection_selected_while_it_matches(
    qtbot: QtBot, session: LibrarySession, library: Library, criteria_library: CriteriaLibrary
) -> None:
    """The model filters itself (one layout change per key): the selection follows its row."""
    for unit in ("Akutkliniken", "Barnkliniken", "Hudkliniken", "Ögonkliniken"):
        _add(library, criteria_library, unit, "Norra sjukhuset" if unit < "C" else "", "Kirurgi")
    view = _view(qtbot, session, criteria_library)
    view.table.sortByColumn(InspectionsModel.UNIT, Qt.SortOrder.AscendingOrder)
    barn = next(
        view.proxy.inspection_id(row)
        for row in range(view.proxy.rowCount())
        if view.proxy.index(row, InspectionsModel.UNIT).data() == "Barnkliniken"
    )
    assert view.select(barn)
    view.filter_edit.setText("n")
    view.filter_edit.setText("norr")  # narrowing the matches of the previous key
    assert _units(view) == ["Akutkliniken", "Barnkliniken"]
    assert view.selected_id() == barn
    assert view.table.verticalHeader().count() == 2
    view.table.sortByColumn(InspectionsModel.UNIT, Qt.SortOrder.DescendingOrder)
    assert _units(view) == ["Barnkliniken", "Akutkliniken"] and view.selected_id() == barn
    view.filter_edit.setText("hud")  # the selected row is filtered out: the top match is chosen
    assert _units(view) == ["Hudkliniken"]
    assert view.selected_id() == view.proxy.inspection_id(0)
    view.filter_edit.clear()
    assert _units(view) == ["Ögonkliniken", "Hudkliniken", "Barnkliniken", "Akutkliniken"]
    assert view.model.haystack(0).startswith("ögonkliniken")


def test_without_a_session_the_view_says_the_library_is_being_opened(qtbot: QtBot) -> None:
    view = StartView(None, None)
    qtbot.addWidget(view)
    view.show()
    assert view.opening and view.proxy.rowCount() == 0
    assert view.stack.currentWidget() is view.empty_label
    assert view.empty_label.text() == "Öppnar biblioteket …"
    assert not view.new_action.isEnabled() and not view.filter_edit.isEnabled()
