"""Undo and redo of every kind of edit, driven through the real inspection window's pages.

Each test makes one edit as a user would (keys, clicks, editors), then checks that Ångra puts the
library and the page back and Gör om repeats the edit — and that it is one step, not several.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import (
    ActionItemStatus,
    CriterionStatus,
    Inspection,
    InspectionStatus,
    Inspector,
    SummaryKind,
)
from spurdesk.ui.inspection.action_plan_model import COLUMNS
from spurdesk.ui.inspection.action_plan_page import ActionPlanPage
from spurdesk.ui.inspection.criteria_model import COLUMN_NOTE
from spurdesk.ui.inspection.navigation import NodeKind
from spurdesk.ui.inspection.overview_page import OverviewPage
from spurdesk.ui.inspection.result_page import ResultPage
from spurdesk.ui.inspection.section_page import SectionPage
from spurdesk.ui.inspection.window import InspectionWindow
from spurdesk.ui.session import LibrarySession


def record(window: InspectionWindow) -> Inspection:
    return window.session.library.get_inspection(window.inspection_id)


def undo(window: InspectionWindow) -> None:
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()


def redo(window: InspectionWindow) -> None:
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()


def section_page(window: InspectionWindow, section_id: str) -> SectionPage:
    window.go_to(NodeKind.SECTION, section_id)
    page = window.current_page
    assert isinstance(page, SectionPage) and page.section.id == section_id
    return page


def test_a_burst_of_typing_is_one_step(qtbot: QtBot, window: InspectionWindow) -> None:
    page = section_page(window, "B")
    before = page.findings.toPlainText()
    page.findings.moveCursor(page.findings.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.findings, " Tillagg i dag.")
    assert window.stack.count() == 1
    window.session.flush()
    assert record(window).section("B").findings == before + " Tillagg i dag."

    undo(window)
    assert record(window).section("B").findings == before
    assert page.findings.toPlainText() == before
    redo(window)
    assert record(window).section("B").findings == before + " Tillagg i dag."
    assert page.findings.toPlainText() == before + " Tillagg i dag."


def test_criterion_status_from_the_keyboard(qtbot: QtBot, window: InspectionWindow) -> None:
    page = section_page(window, "A")
    assert page.suggestion is not None
    suggested = page.suggestion.grade
    page.criteria_view.setCurrentIndex(page.criteria_model.index_of("A.1"))
    qtbot.keyClick(page.criteria_view, Qt.Key.Key_3)  # 3 = Ej uppfyllt
    assert record(window).section("A").criterion("A.1").status == CriterionStatus.NOT_MET
    assert page.suggestion.grade == Grade.D  # a föreskrift not met

    window.go_to(NodeKind.RESULT)
    undo(window)  # shows the page of the step it undoes
    assert window.current_page is page
    assert record(window).section("A").criterion("A.1").status == CriterionStatus.MET
    assert page.suggestion.grade == suggested
    redo(window)
    assert record(window).section("A").criterion("A.1").status == CriterionStatus.NOT_MET


def test_criterion_note_typed_in_its_cell(qtbot: QtBot, window: InspectionWindow) -> None:
    page = section_page(window, "C")
    index = page.criteria_model.index_of("C.1", COLUMN_NOTE)
    page.criteria_view.setCurrentIndex(index)
    page.criteria_view.edit(index)
    editor = page.criteria_view.indexWidget(index)
    qtbot.keyClicks(editor, "Nya lokaler 2024")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.criteria_view.indexWidget(index) is None)
    assert record(window).section("C").criterion("C.1").note == "Nya lokaler 2024"
    assert window.stack.count() == 1

    undo(window)
    assert record(window).section("C").criterion("C.1").note == ""
    assert index.data() == ""
    redo(window)
    assert index.data() == "Nya lokaler 2024"


def test_grade_with_its_justification_is_one_step(qtbot: QtBot, window: InspectionWindow) -> None:
    """Choosing a grade off the suggestion waits for the justification, then saves both."""
    page = section_page(window, "C")  # graded A, as suggested
    page.grades.buttons[1].click()  # B
    assert record(window).section("C").grade == Grade.A  # held until justified
    assert page.validation.isVisible() and "Motivering krävs" in page.validation.text()
    qtbot.keyClicks(page.justification, "Utrustningen aldras.")
    assert not page.validation.isVisible()
    section = record(window).section("C")
    assert section.grade == Grade.B
    assert section.justification == "Utrustningen aldras."
    assert window.stack.count() == 2  # the grade, then the rest of the justification's burst

    undo(window)
    undo(window)
    section = record(window).section("C")
    assert (section.grade, section.justification) == (Grade.A, "")
    assert page.grades.buttons[0].isChecked()
    redo(window)
    assert record(window).section("C").grade == Grade.B


def test_revised_grade(qtbot: QtBot, window: InspectionWindow) -> None:
    """Only the grades the set's revision rule allows are offered: E (D at the visit, plan
    received) may become C or B; B (graded B, no deficiencies) may not be revised at all."""
    blocked = section_page(window, "B")
    assert [blocked.revised_grade.itemData(i) for i in range(blocked.revised_grade.count())] == [
        None
    ]
    assert "Bara graderingen C eller D kan ändras" in blocked.revision_blocked.text()
    assert not blocked.revise_button.isEnabled()

    page = section_page(window, "E")  # D at the visit, revised to C after the plan
    offered = [page.revised_grade.itemData(i) for i in range(page.revised_grade.count())]
    assert offered == [None, Grade.B, Grade.C]
    assert not page.revision_blocked.isVisible()
    page.revised_grade.setCurrentIndex(page.revised_grade.findData(Grade.B))
    page.revised_on.setDate(QDate(2025, 6, 2))
    page.revision_reason.selectAll()
    qtbot.keyClicks(page.revision_reason, "Ny handledare rekryterad.")
    qtbot.mouseClick(page.revise_button, Qt.MouseButton.LeftButton)
    section = record(window).section("E")
    assert (section.revised_grade, section.revised_on) == (Grade.B, date(2025, 6, 2))
    assert "Ändrad till B" in page.revision_state.text()

    undo(window)
    assert record(window).section("E").revised_grade == Grade.C
    redo(window)
    assert record(window).section("E").revision_reason == "Ny handledare rekryterad."


def _result_page(window: InspectionWindow) -> ResultPage:
    window.go_to(NodeKind.RESULT)
    page = window.current_page
    assert isinstance(page, ResultPage)
    return page


def _texts(window: InspectionWindow, kind: SummaryKind) -> list[str]:
    return [item.text for item in record(window).summary_of(kind)]


def test_summary_add_edit_move_remove(qtbot: QtBot, window: InspectionWindow) -> None:
    strengths = _result_page(window).lists[SummaryKind.STRENGTH]
    original = _texts(window, SummaryKind.STRENGTH)
    strengths.view.setCurrentIndex(strengths.model.index(0))
    strengths.add()  # Insert: a new point after the current one, open for typing
    editor = strengths.view.indexWidget(strengths.view.currentIndex())
    qtbot.keyClicks(editor, "Engagerade handledare.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: strengths.view.indexWidget(strengths.view.currentIndex()) is None)
    assert _texts(window, SummaryKind.STRENGTH)[1] == "Engagerade handledare."
    strengths.move(-1)  # Alt+Up
    assert _texts(window, SummaryKind.STRENGTH)[0] == "Engagerade handledare."
    strengths.remove()  # Delete
    assert _texts(window, SummaryKind.STRENGTH) == original
    window.go_to(NodeKind.OVERVIEW)

    undo(window)  # remove
    assert isinstance(window.current_page, ResultPage)
    assert _texts(window, SummaryKind.STRENGTH)[0] == "Engagerade handledare."
    undo(window)  # move
    assert _texts(window, SummaryKind.STRENGTH)[1] == "Engagerade handledare."
    undo(window)  # edit
    assert _texts(window, SummaryKind.STRENGTH)[1] == ""
    undo(window)  # add
    assert _texts(window, SummaryKind.STRENGTH) == original
    for _ in range(4):
        redo(window)
    assert _texts(window, SummaryKind.STRENGTH) == original
    assert strengths.model.rowCount() == len(original)


def _action_page(window: InspectionWindow) -> ActionPlanPage:
    window.go_to(NodeKind.ACTION_PLAN)
    page = window.current_page
    assert isinstance(page, ActionPlanPage)
    return page


def _column(field: str) -> int:
    return next(number for number, column in enumerate(COLUMNS) if column.name == field)


def choose(page: ActionPlanPage, row: int, field: str, value: object) -> None:
    """Open the cell's combo box and pick `value`, as with the keyboard or the mouse."""
    index = page.model.index(row, _column(field))
    page.view.setCurrentIndex(index)
    page.view.edit(index)
    combo = page.view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def test_action_items_add_edit_remove_and_sync(qtbot: QtBot, window: InspectionWindow) -> None:
    page = _action_page(window)
    original = record(window).action_items
    page.view.setCurrentIndex(page.model.index(0, 0))
    page.add()  # a manual row after the current one, editor open on Planerad åtgärd
    editor = page.view.indexWidget(page.view.currentIndex())
    qtbot.keyClicks(editor, "Journalklubb varje manad")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.indexWidget(page.view.currentIndex()) is None)
    added = record(window).action_items[1]
    assert (added.section_id, added.planned_action) == ("D", "Journalklubb varje manad")

    choose(page, 1, "status", ActionItemStatus.DONE)
    assert record(window).action_items[1].status == ActionItemStatus.DONE
    undo(window)
    assert record(window).action_items[1].status == ActionItemStatus.OPEN
    redo(window)

    page.view.setCurrentIndex(page.model.index(1, 0))
    page.remove()
    assert record(window).action_items == original
    undo(window)
    assert record(window).action_items[1].planned_action == "Journalklubb varje manad"
    undo(window)  # status
    undo(window)  # text
    undo(window)  # add
    assert record(window).action_items == original

    assert "Varje brist där åtgärder krävs har en rad" in page.missing_label.text()
    assert not page.sync_button.isEnabled()
    window.session.call(  # one more föreskrift unmet: now a required row is missing
        window.inspection_id,
        lambda library: library.set_criterion(
            window.inspection_id, "E.6", CriterionStatus.NOT_MET, ""
        ),
    )
    original = record(window).action_items
    # "1 brist", or "1 brist(er)" where the Swedish plural forms are not loaded
    assert page.missing_label.text().startswith("1 brist")
    assert "där åtgärder krävs saknar rad." in page.missing_label.text()
    page.sync()
    assert len(record(window).action_items) > len(original)
    undo(window)
    assert record(window).action_items == original
    redo(window)
    assert record(window).action_items[2].criterion_id == "E.6"  # after E's row, before F's
    assert "Varje brist där åtgärder krävs har en rad" in page.missing_label.text()


def _overview(window: InspectionWindow) -> OverviewPage:
    window.go_to(NodeKind.OVERVIEW)
    page = window.current_page
    assert isinstance(page, OverviewPage)
    return page


def test_metadata_inspectors_and_status(qtbot: QtBot, window: InspectionWindow) -> None:
    page = _overview(window)
    unit = page.editors["unit"]
    unit.selectAll()
    qtbot.keyClicks(unit, "Bild- och funktionsmedicin")
    page.commit_pending()  # what the debounce timer or leaving the field does
    assert record(window).unit == "Bild- och funktionsmedicin"
    assert window.windowTitle() == "Bild- och funktionsmedicin – spurdesk"
    undo(window)
    assert record(window).unit == "Röntgenkliniken"
    assert unit.text() == "Röntgenkliniken"

    before = record(window).inspectors
    page.inspectors_model.setData(page.inspectors_model.index(1, 1), "medinspektör")
    assert record(window).inspectors[1] == Inspector(before[1].name, "medinspektör")
    undo(window)
    assert record(window).inspectors == before

    groups = record(window).participants
    page.participants.view.setCurrentIndex(page.participants_model.index(0, 0))
    page.participants.remove()
    assert record(window).participants == groups[1:]
    undo(window)
    assert record(window).participants == groups

    assert record(window).status == InspectionStatus.ACTION_PLAN_RECEIVED
    page.status_choice.setCurrentIndex(
        page.status_choice.findData(InspectionStatus.ACTION_PLAN_REQUESTED)
    )
    page.status_button.click()  # sent back for completion: a reversible step
    assert record(window).status == InspectionStatus.ACTION_PLAN_REQUESTED
    undo(window)
    assert record(window).status == InspectionStatus.ACTION_PLAN_RECEIVED
    redo(window)
    assert page.status_value.text() == "Handlingsplan begärd"


def test_a_one_way_status_step_asks_first_and_is_not_undoable(
    window: InspectionWindow, message_boxes
) -> None:
    page = _overview(window)
    page.status_choice.setCurrentIndex(page.status_choice.findData(InspectionStatus.CLOSED))
    message_boxes.answers.append("cancel")
    page.status_button.click()
    assert record(window).status == InspectionStatus.ACTION_PLAN_RECEIVED
    message_boxes.answers.append("accept")
    page.status_button.click()
    assert record(window).status == InspectionStatus.CLOSED
    assert "kan inte ångras" in message_boxes.texts[-1]
    assert window.stack.count() == 0


def test_date_cells_take_text_or_a_date_from_the_calendar(
    qtbot: QtBot, window: InspectionWindow
) -> None:
    """ "kontinuerligt" is a valid completion date; the calendar writes an ISO date. Both autosave
    and undo like any other edit."""
    page = _action_page(window)
    due = page.model.index(0, _column("due"))
    page.view.setCurrentIndex(due)
    page.view.edit(due)
    editor = page.view.indexWidget(due)
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "kontinuerligt")
    window.session.flush()
    assert record(window).action_items[0].due == "kontinuerligt"

    follow_up = page.model.index(0, _column("follow_up"))
    page.view.setCurrentIndex(follow_up)
    page.view.edit(follow_up)
    editor = page.view.indexWidget(follow_up)
    editor.calendar.clicked.emit(QDate(2025, 9, 30))
    window.session.flush()
    item = record(window).action_items[0]
    assert (item.follow_up, item.follow_up_date) == ("2025-09-30", date(2025, 9, 30))
    undo(window)
    assert record(window).action_items[0].follow_up == "2025-05-30"


def test_moving_a_row_to_another_section_drops_its_criterion(window: InspectionWindow) -> None:
    page = _action_page(window)
    assert page.model.item(0).criterion_id == "D.1"
    choose(page, 0, "section_id", "E")
    item = record(window).action_items[0]
    assert (item.section_id, item.criterion_id) == ("E", None)
    choose(page, 0, "criterion_id", "E.4")
    assert record(window).action_items[0].criterion_id == "E.4"
    undo(window)
    undo(window)
    item = record(window).action_items[0]
    assert (item.section_id, item.criterion_id) == ("D", "D.1")


def test_requesting_the_plan_sets_the_reply_by_date_the_settings_propose(
    qtbot: QtBot, demo_session: LibrarySession, message_boxes
) -> None:
    """Issue 13: the request carries a reply-by date — today plus the settings' reply time,
    shown before the one-way step and editable afterwards on the overview page."""
    from datetime import timedelta

    from spurdesk.ui.settings import AppSettings

    library = demo_session.library
    criteria = library.get_inspection(library.list_inspections()[0].id).criteria
    new_id = library.create_inspection(
        unit="Vårdcentralen Björkdalen",
        site="",
        care_provider="Region Exempelland",
        specialty="Allmänmedicin",
        criteria=criteria,
    )
    for status in (InspectionStatus.FACT_CHECK, InspectionStatus.FINAL):
        library.set_status(new_id, status)
    window = InspectionWindow(demo_session, new_id)
    qtbot.addWidget(window)
    page = _overview(window)
    page.status_choice.setCurrentIndex(
        page.status_choice.findData(InspectionStatus.ACTION_PLAN_REQUESTED)
    )
    message_boxes.answers.append("accept")
    page.status_button.click()
    expected = date.today() + timedelta(days=AppSettings().reply_days())
    assert library.get_inspection(new_id).status == InspectionStatus.ACTION_PLAN_REQUESTED
    assert library.get_inspection(new_id).reply_by == expected
    assert f"senast {expected.isoformat()}" in message_boxes.texts[-1]
    assert page.editors["reply_by"].line.text() == expected.isoformat()
