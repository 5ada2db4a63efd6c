"""Sections assigned to the inspectors ("Skrivs av"): chosen on the section page as one undoable
step, shown in the navigation as "E. Handledning … — Erik", in Swedish and English."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from spurdesk.library import Library
from spurdesk.ui.i18n import LanguageManager
from spurdesk.ui.inspection.navigation import NavigationDelegate, NodeKind
from spurdesk.ui.inspection.section_page import SectionPage
from spurdesk.ui.inspection.window import InspectionWindow


def _section(window: InspectionWindow, section_id: str) -> SectionPage:
    window.go_to(NodeKind.SECTION, section_id)
    page = window.current_page
    assert isinstance(page, SectionPage)
    return page


def _nav_label(window: InspectionWindow, section_id: str) -> str:
    return str(window.nav_model.index_of(NodeKind.SECTION, section_id).data())


def test_a_section_is_assigned_undoably_and_the_navigation_shows_who(
    qtbot: QtBot, window: InspectionWindow, demo_library: Library, demo_inspection_id: int
) -> None:
    page = _section(window, "E")
    combo = page.assignee
    assert page.assignee_label.text() == "Skriv&s av"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "— ingen —",
        "Anna Exempelsdotter",
        "Erik Provsson",
    ]
    assert combo.currentIndex() == 0
    erik_uid = demo_library.get_inspection(demo_inspection_id).inspectors[1].uid

    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the last: Erik
    assert demo_library.get_inspection(demo_inspection_id).section("E").assignee_uid == erik_uid
    assert _nav_label(window, "E") == "E. Handledning och kompetensbedömning — Erik"
    tooltip = window.nav_model.index_of(NodeKind.SECTION, "E").data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.endswith("Skrivs av Erik Provsson.")
    assert _nav_label(window, "D") == "D. Tjänstgöringens upplägg"
    assert window.undo_action.text() == "&Ångra Tilldela avsnitt E"

    window.go_to(NodeKind.RESULT)
    window.undo_action.trigger()
    assert window.current_page is page  # undo shows where it happened
    assert demo_library.get_inspection(demo_inspection_id).section("E").assignee_uid is None
    assert combo.currentIndex() == 0
    assert _nav_label(window, "E") == "E. Handledning och kompetensbedömning"
    window.redo_action.trigger()
    assert combo.currentText() == "Erik Provsson"
    # The Gå till menu names the page alone.
    assert "E. Handledning och kompetensbedömning" in [a.text() for a in window.go_menu.actions()]


def test_a_long_section_name_is_elided_before_the_assignee(
    window: InspectionWindow, demo_library: Library, demo_inspection_id: int
) -> None:
    anna = demo_library.get_inspection(demo_inspection_id).inspectors[0]
    window.session.call(
        demo_inspection_id,
        lambda library: library.assign_section(demo_inspection_id, "G", anna.uid),
    )
    index = window.nav_model.index_of(NodeKind.SECTION, "G")
    option = QStyleOptionViewItem()
    option.initFrom(window.nav)
    option.rect = QRect(0, 0, 180, 20)
    NavigationDelegate(window.nav).initStyleOption(option, index)
    assert option.text.startswith("G. Medicinsk") and option.text.endswith("… — Anna")


def test_first_names_shared_by_two_inspectors_are_written_out(
    window: InspectionWindow, demo_library: Library, demo_inspection_id: int
) -> None:
    anna, erik_record = demo_library.get_inspection(demo_inspection_id).inspectors
    window.session.call(
        demo_inspection_id,
        lambda library: library.set_inspectors(
            demo_inspection_id, (anna, replace(erik_record, name="Anna Provsson"))
        ),
    )
    window.session.call(
        demo_inspection_id,
        lambda library: library.assign_section(demo_inspection_id, "A", erik_record.uid),
    )
    assert _nav_label(window, "A") == "A. Verksamheten — Anna Provsson"


def test_the_assignment_in_english(
    english: LanguageManager, window: InspectionWindow, demo_library: Library
) -> None:
    page = _section(window, "E")
    assert page.assignee_label.text() == "Written &by"
    assert page.assignee.itemText(0) == "— no one —"
    anna = demo_library.get_inspection(window.inspection_id).inspectors[0]
    page.assign(anna.uid)
    tooltip = window.nav_model.index_of(NodeKind.SECTION, "E").data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.endswith("Written by Anna Exempelsdotter.")
    assert window.undo_action.text() == "&Undo Assign section E"
