"""Enheter, the start view's due-date line, the unit picker of Ny inspektion, the deficiency
follow-up in the follow-up window, and the interval setting: with qtbot, on real libraries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from spurdesk.library import Library
from spurdesk.model.criteria_loader import CriteriaLibrary
from spurdesk.model.demo import demo_inspection
from spurdesk.model.due_dates import DueRules, ReceiptKind
from spurdesk.model.inspection import InspectionStatus
from spurdesk.model.units import ContactRole
from spurdesk.ui.exchange.followup_view import FollowUpView
from spurdesk.ui.i18n import LanguageManager
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.settings import AppSettings
from spurdesk.ui.settings_dialog import SettingsDialog
from spurdesk.ui.start_view import StartView
from spurdesk.ui.units_window import MergeDialog, UnitDialog, UnitsModel, UnitsWindow
from tests.ui.conftest import MessageBoxes

TODAY = date(2026, 12, 2)


def register(library: Library) -> dict[str, int]:
    """Units inspected in 2012 (overdue), 2024 (on time) and never, plus a near-duplicate."""
    units = {}
    for name, year in (("Gamla kliniken", 2012), ("Nya kliniken", 2024)):
        record = replace(
            demo_inspection(),
            unit=name,
            status=InspectionStatus.CLOSED,
            visit_start=date(year, 3, 10),
            visit_end=date(year, 3, 11),
            report_date=date(year, 4, 1),
        )
        units[name] = library.unit_of(library.import_inspection(record)) or 0
    units["Tomma kliniken"] = library.create_unit(name="Tomma kliniken")
    units["Gamla  klinken"] = library.create_unit(
        name="Gamla klinken",
        site="Strandviks lasarett",
        care_provider="Region Exempelland",
        specialty="Radiologi",
    )
    return units


@pytest.fixture(autouse=True)
def _plurals(swedish: LanguageManager) -> None:
    """The Swedish plural forms ("1 enhet", "4 enheter"), whatever an earlier test left."""


@pytest.fixture
def units_window(qtbot: QtBot, session: LibrarySession) -> UnitsWindow:
    register(session.library)
    window = UnitsWindow(session, DueRules, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def shown(window: UnitsWindow, column: int) -> list[str]:
    model = window.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_units_are_listed_most_urgent_first_marked_by_sign_word_and_bold(
    units_window: UnitsWindow,
) -> None:
    assert shown(units_window, UnitsModel.UNIT)[:2] == ["Gamla kliniken", "Gamla klinken"]
    states = dict(zip(shown(units_window, UnitsModel.UNIT), shown(units_window, 0), strict=True))
    assert states["Gamla kliniken"] == "⚠ Försenad"
    assert states["Tomma kliniken"] == "⚠ Ingen SPUR"
    assert states["Nya kliniken"] == "I tid"
    first = units_window.model.index(0, UnitsModel.UNIT)
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    assert units_window.model.index(0, UnitsModel.NEXT).data() == "2017-03-10"
    assert "4 enheter" in units_window.summary.text() and "⚠" in units_window.summary.text()
    units_window.table.sortByColumn(UnitsModel.UNIT, Qt.SortOrder.DescendingOrder)
    names = shown(units_window, UnitsModel.UNIT)
    assert names == sorted(names, key=str.casefold, reverse=True)
    units_window.table.sortByColumn(UnitsModel.STATE, Qt.SortOrder.AscendingOrder)
    units_window.filter_edit.setText("nya")
    assert shown(units_window, UnitsModel.UNIT) == ["Nya kliniken"]
    units_window.filter_edit.clear()
    assert units_window.model.index(0, UnitsModel.FOLLOW_UP).data() == "⚠ 1 öppen, 1 försenad"
    library = units_window._session.library
    nya = next(f for f in library.deficiency_follow_ups() if f.title.startswith("Nya"))
    for kind in ReceiptKind:  # its follow-up done, the unit on time has nothing to attend to
        library.record_receipt(nya.inspection_id, kind, date(2024, 9, 1))
    units_window.due_only.setChecked(True)
    assert "Nya kliniken" not in shown(units_window, UnitsModel.UNIT)
    assert "Gamla kliniken" in shown(units_window, UnitsModel.UNIT)


def test_a_unit_and_its_contacts_are_edited_and_a_bad_address_keeps_the_dialog(
    qtbot: QtBot, units_window: UnitsWindow, message_boxes: MessageBoxes
) -> None:
    library = units_window._session.library
    unit_id = library.find_unit("Tomma kliniken")
    assert unit_id is not None and units_window.select_unit(unit_id)
    dialog = units_window.edit_selected()
    assert isinstance(dialog, UnitDialog)
    dialog.edits["site"].setText("Exempelsjukhuset")
    row = dialog.add_contact(None)
    role = dialog.contacts.cellWidget(row, 0)
    assert isinstance(role, QComboBox)
    role.setCurrentIndex(role.findData(ContactRole.DIRECTOR_OF_STUDIES.value))
    dialog.contacts.item(row, UnitDialog.NAME).setText("Studierektor")
    dialog.contacts.item(row, UnitDialog.EMAIL).setText("sr@exempel")
    dialog.accept()
    assert dialog.isVisible() and "e-postadress" in message_boxes.texts[-1]
    assert library.get_unit(unit_id).contacts == ()
    dialog.contacts.item(row, UnitDialog.EMAIL).setText("sr@exempel.se")
    dialog.accept()
    assert not dialog.isVisible()
    unit = library.get_unit(unit_id)
    assert unit.site == "Exempelsjukhuset"
    assert [(c.role, c.email) for c in unit.contacts] == [
        (ContactRole.DIRECTOR_OF_STUDIES, "sr@exempel.se")
    ]
    assert units_window.selected_unit_id() == unit_id


def test_near_duplicates_are_suggested_and_merged_after_a_question(
    qtbot: QtBot, units_window: UnitsWindow, message_boxes: MessageBoxes
) -> None:
    dialog = units_window.show_merge()
    assert isinstance(dialog, MergeDialog)
    assert dialog.pairs.count() == 1
    assert dialog.pairs.item(0).text().startswith("Behåll Gamla kliniken")
    assert "← slå in Gamla klinken" in dialog.pairs.item(0).text()
    assert not dialog.merge_selected()  # the question answered with Avbryt
    message_boxes.answers.append("accept")
    assert dialog.merge_selected()
    assert dialog.pairs.count() == 0 and dialog.empty.text()
    assert "Gamla klinken" not in shown(units_window, UnitsModel.UNIT)  # the list re-read
    dialog.close()


def test_the_due_list_is_exported_as_csv_and_word(
    units_window: UnitsWindow, tmp_path: Path
) -> None:
    assert units_window.export(tmp_path / "enheter.csv")
    lines = (tmp_path / "enheter.csv").read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("Läge;Verksamhet") and len(lines) == 5
    assert units_window.export(tmp_path / "enheter.docx")
    assert len(Document(str(tmp_path / "enheter.docx")).tables[0].rows) == 5


def test_the_start_view_says_how_many_units_are_due_and_opens_the_register(
    qtbot: QtBot, session: LibrarySession, criteria_library: CriteriaLibrary
) -> None:
    register(session.library)
    view = StartView(session, criteria_library, due_rules=lambda: DueRules(interval_years=5))
    qtbot.addWidget(view)
    view.show()
    view.reload()
    assert view.units_due == (1, 2)  # Gamla kliniken; both old reports' deficiencies
    assert view.units_button.isVisible()
    assert view.units_button.text().startswith("⚠ 1 enhet har passerat tiden för nästa SPUR")
    with qtbot.waitSignal(view.unitsRequested):
        view.units_button.click()
    view._due_rules = lambda: DueRules(interval_years=1)  # the setting read on each reload
    view.reload()
    assert view.units_due[0] == 2  # Nya kliniken's visit in 2024 too


def test_a_new_inspection_picks_its_unit_from_the_register(
    qtbot: QtBot, session: LibrarySession, criteria_library: CriteriaLibrary
) -> None:
    units = register(session.library)
    view = StartView(session, criteria_library)
    qtbot.addWidget(view)
    view.show()
    dialog = view.new_inspection()
    picker = dialog.unit_picker
    picker.setCurrentIndex(picker.findData(units["Nya kliniken"]))
    assert (dialog.unit.text(), dialog.site.text(), dialog.specialty.text()) == (
        "Nya kliniken",
        "Strandviks lasarett",
        "Radiologi",
    )
    dialog.unit.setText("Nya kliniken (ombyggd)")  # the inspection's own text
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.created_id is not None
    assert session.library.unit_of(dialog.created_id) == units["Nya kliniken"]
    assert session.library.get_inspection(dialog.created_id).unit == "Nya kliniken (ombyggd)"


def test_the_follow_up_window_records_the_deficiency_reports_and_refuses_future_dates(
    qtbot: QtBot, session: LibrarySession, message_boxes: MessageBoxes
) -> None:
    register(session.library)
    view = FollowUpView(session, today=lambda: TODAY)
    qtbot.addWidget(view)
    rows = view.deficiency_rows()
    assert [r.title for r in rows] == [
        "Gamla kliniken, Strandviks lasarett",
        "Nya kliniken, Strandviks lasarett",
    ]
    tree = view._deficiencies
    assert tree.topLevelItem(0).text(0) == "⚠ Försenad"
    view.select_deficiency(rows[0].inspection_id)
    future = date.today() + timedelta(days=3)
    assert not view.record_receipt(ReceiptKind.INTERNAL_REVIEW, on=future, by="VC", note="")
    assert "ligger i framtiden" in message_boxes.texts[-1]
    assert view.record_receipt(
        ReceiptKind.INTERNAL_REVIEW, on=date(2013, 1, 2), by="Verksamhetschef", note="Bra."
    )
    assert tree.topLevelItem(0).text(3) == "inkom 2013-01-02 (Verksamhetschef)"
    assert view.record_receipt(ReceiptKind.WRITTEN_REPORT, on=date(2013, 2, 1), by="", note="")
    assert session.library.deficiency_follow_ups()[0].complete


def test_the_interval_is_a_setting(qtbot: QtBot, app_settings: AppSettings) -> None:
    assert app_settings.spur_interval() == (5, 6)
    dialog = SettingsDialog(app_settings)
    qtbot.addWidget(dialog)
    dialog.findChild(type(dialog._spur_years), "spurIntervalSpin").setValue(4)
    dialog._spur_warn.setValue(3)
    dialog.accept()
    assert app_settings.spur_interval() == (4, 3)
    app_settings.set_spur_interval(99, -1)  # a hand-edited settings file
    assert app_settings.spur_interval() == (10, 6)


def test_the_units_window_follows_the_language(
    qtbot: QtBot, units_window: UnitsWindow, swedish: LanguageManager
) -> None:
    assert swedish.set_language("en") == "en"
    try:
        qtbot.waitUntil(lambda: units_window.edit_button.text() == "&Edit…")
        assert units_window.model.index(0, UnitsModel.STATE).data() == "⚠ Overdue"
    finally:
        swedish.set_language("sv")
    qtbot.waitUntil(lambda: units_window.model.index(0, UnitsModel.STATE).data() == "⚠ Försenad")


def test_typing_on_narrows_and_erasing_widens_the_filter(units_window: UnitsWindow) -> None:
    for text, expected in (
        ("gam", 2),
        ("gamla", 2),
        ("gamla klin", 2),
        ("gamla klinik", 1),  # not "Gamla klinken"
        ("gamla kli", 2),
        ("", 4),
    ):
        units_window.filter_edit.setText(text)
        assert units_window.model.rowCount() == expected, text
