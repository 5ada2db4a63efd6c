"""Ny inspektion: validation beside the fields, then a real inspection in the library."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from spurdesk.model.criteria_loader import CriteriaLibrary
from spurdesk.model.inspection import InspectionStatus, Inspector
from spurdesk.ui.new_inspection_dialog import NewInspectionDialog
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.start_view import StartView
from tests.ui.conftest import MessageBoxes


def _start_view(qtbot: QtBot, session: LibrarySession, criteria: CriteriaLibrary) -> StartView:
    view = StartView(session, criteria)
    qtbot.addWidget(view)
    view.show()
    return view


def _click_ok(dialog: NewInspectionDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_empty_unit_and_specialty_show_messages_beside_the_fields_and_create_nothing(
    qtbot: QtBot, session: LibrarySession, criteria_library: CriteriaLibrary
) -> None:
    view = _start_view(qtbot, session, criteria_library)
    dialog = view.new_inspection()
    assert not dialog.unit_message.isVisible()  # no scolding before the first attempt
    _click_ok(dialog)
    assert dialog.isVisible()
    assert dialog.unit_message.isVisible()
    assert "verksamhetens namn" in dialog.unit_message.text()
    assert dialog.specialty_message.isVisible()
    assert session.library.list_inspections() == []

    qtbot.keyClicks(dialog.unit, "Kirurgkliniken")  # the message follows the correction
    assert not dialog.unit_message.isVisible()
    assert dialog.specialty_message.isVisible()
    dialog.reject()


def test_last_visit_day_before_the_first_is_refused(
    qtbot: QtBot, session: LibrarySession, criteria_library: CriteriaLibrary
) -> None:
    dialog = NewInspectionDialog(criteria_library, lambda values: 1, today=date(2025, 3, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.unit.setText("Kirurgkliniken")
    dialog.specialty.setText("Kirurgi")
    dialog.visit_end.setDate(QDate(2025, 3, 9))
    _click_ok(dialog)
    assert dialog.visit_message.isVisible()
    assert dialog.created_id is None
    dialog.visit_group.setChecked(False)  # no visit dates yet: nothing to compare
    assert not dialog.visit_message.isVisible()


def test_criteria_set_defaults_to_the_newest_st_spur(
    qtbot: QtBot, criteria_library: CriteriaLibrary
) -> None:
    dialog = NewInspectionDialog(criteria_library, lambda values: 1)
    qtbot.addWidget(dialog)
    assert dialog.criteria_set.currentData() == criteria_library.default().id
    assert dialog.criteria_set.currentText() == criteria_library.default().label


def test_creating_through_the_dialog_stores_every_field_and_opens_it(
    qtbot: QtBot,
    session: LibrarySession,
    criteria_library: CriteriaLibrary,
) -> None:
    view = _start_view(qtbot, session, criteria_library)
    dialog = view.new_inspection()
    dialog.unit.setText("Kirurgkliniken")
    dialog.site.setText("Exempelsjukhuset")
    dialog.care_provider.setText("Region Exempelland")
    dialog.specialty.setText("Kirurgi")
    dialog.visit_start.setDate(QDate(2025, 4, 1))
    dialog.visit_end.setDate(QDate(2025, 4, 2))
    dialog.lead_inspector.setText("Inspektör Ett")
    dialog.inspector.setText("Inspektör Två")
    with qtbot.waitSignal(view.openRequested) as opened:
        _click_ok(dialog)
    inspection = session.library.get_inspection(opened.args[0])
    assert (inspection.unit, inspection.site, inspection.care_provider, inspection.specialty) == (
        "Kirurgkliniken",
        "Exempelsjukhuset",
        "Region Exempelland",
        "Kirurgi",
    )
    assert (inspection.visit_start, inspection.visit_end) == (date(2025, 4, 1), date(2025, 4, 2))
    assert inspection.inspectors == (
        Inspector("Inspektör Ett", "huvudinspektör"),
        Inspector("Inspektör Två", "inspektör"),
    )
    assert inspection.criteria.id == criteria_library.default().id
    assert inspection.status == InspectionStatus.DRAFT
    assert view.selected_id() == inspection.id


def test_a_refusal_from_the_core_is_shown_and_keeps_the_dialog_open(
    qtbot: QtBot, criteria_library: CriteriaLibrary, message_boxes: MessageBoxes
) -> None:
    from spurdesk.library import ReadOnlyLibraryError

    def refuse(values: object) -> int:
        raise ReadOnlyLibraryError("Biblioteket är öppnat skrivskyddat.")

    dialog = NewInspectionDialog(criteria_library, refuse)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.unit.setText("Kirurgkliniken")
    dialog.specialty.setText("Kirurgi")
    qtbot.keyClick(dialog.specialty, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.created_id is None
    assert message_boxes.boxes[-1].text() == "Biblioteket är öppnat skrivskyddat."
    assert dialog.unit.text() == "Kirurgkliniken"


def test_tab_moves_down_the_form(qtbot: QtBot, criteria_library: CriteriaLibrary) -> None:
    dialog = NewInspectionDialog(criteria_library, lambda values: 1)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.unit.setFocus()
    visited = [dialog.focusWidget()]
    for _ in range(3):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        visited.append(dialog.focusWidget())
    assert visited == [dialog.unit, dialog.site, dialog.care_provider, dialog.specialty]
    for widget in (dialog.unit, dialog.site, dialog.specialty, dialog.criteria_set):
        assert widget.accessibleName()
