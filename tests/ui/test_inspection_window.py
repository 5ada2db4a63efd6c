"""The inspection window end to end: an inspector's day, driven with keys and clicks.

A new inspection is filled in (two sections, statuses, a grade overriding the suggestion with a
justification, strengths, an action plan from a D section), the window and the library are closed,
and a new session on the same file finds every value. Also: shortcuts, accessible names, and
re-translation on a language change.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from spurdesk.library import Library
from spurdesk.model.criteria import Grade
from spurdesk.model.criteria_loader import CriteriaLibrary
from spurdesk.model.inspection import CriterionStatus, Inspector, SummaryKind
from spurdesk.ui.inspection.action_plan_model import COLUMNS
from spurdesk.ui.inspection.action_plan_page import ActionPlanPage
from spurdesk.ui.inspection.navigation import NodeKind
from spurdesk.ui.inspection.overview_page import OverviewPage
from spurdesk.ui.inspection.result_page import ResultPage
from spurdesk.ui.inspection.section_page import SectionPage
from spurdesk.ui.inspection.window import InspectionWindow
from spurdesk.ui.session import LibrarySession


def open_window(qtbot: QtBot, session: LibrarySession, inspection_id: int) -> InspectionWindow:
    window = InspectionWindow(session, inspection_id)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def activate(qtbot: QtBot, window: InspectionWindow) -> None:
    """Shortcuts need an active window; the offscreen platform drops activation when a closed
    item editor takes the focus with it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def demo_window(
    qtbot: QtBot, demo_session: LibrarySession, demo_inspection_id: int
) -> Iterator[InspectionWindow]:
    window = open_window(qtbot, demo_session, demo_inspection_id)
    yield window
    if isValid(window):
        window.close()


def set_statuses(qtbot: QtBot, page: SectionPage, keys: dict[str, Qt.Key]) -> None:
    """Select each criterion row and press its digit, as an inspector does."""
    for criterion_id, key in keys.items():
        page.criteria_view.setCurrentIndex(page.criteria_model.index_of(criterion_id))
        qtbot.keyClick(page.criteria_view, key)


def nav_state(window: InspectionWindow, section_id: str) -> str:
    index = window.nav_model.index_of(NodeKind.SECTION, section_id)
    return str(index.siblingAtColumn(1).data())


def test_an_inspection_filled_in_closed_and_reopened(
    qtbot: QtBot, library_path: Path, criteria_library: CriteriaLibrary
) -> None:
    library = Library.open(library_path)
    session = LibrarySession(library)
    criteria = criteria_library.default()
    inspection_id = session.call(
        None,
        lambda lib: lib.create_inspection(
            unit="Kvinnokliniken",
            site="Exempelsjukhuset",
            care_provider="Region Exempel",
            specialty="Obstetrik och gynekologi",
            criteria=criteria,
            inspectors=(Inspector("Inspektör Ett", "huvudinspektör"),),
        ),
    )
    window = open_window(qtbot, session, inspection_id)
    assert window.windowTitle() == "Kvinnokliniken – spurdesk"
    assert nav_state(window, "A") == "– · 0/4"

    # Section A: all met, the suggestion follows live; the inspectors grade B with a reason.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    section_a = window.current_page
    assert isinstance(section_a, SectionPage) and section_a.section.id == "A"
    assert "ingen ännu" in section_a.suggestion_label.text()
    set_statuses(qtbot, section_a, {"A.1": Qt.Key.Key_1})
    assert "preliminär" in section_a.suggestion_label.text()
    set_statuses(qtbot, section_a, {c: Qt.Key.Key_1 for c in ("A.2", "A.3", "A.4")})
    assert "Föreslagen gradering: A" in section_a.suggestion_label.text()
    assert not section_a.unassessed_label.isVisible()
    section_a.findings.setFocus()
    qtbot.keyClicks(section_a.findings, "Skriftliga riktlinjer finns.")
    section_a.grades.buttons[1].click()  # B, not the suggested A
    assert "Motivering krävs" in section_a.validation.text()
    qtbot.keyClicks(section_a.justification, "Rutinerna tillampas inte fullt ut.")
    assert not section_a.validation.isVisible()
    assert nav_state(window, "A") == "B · 4/4"

    # Section D: a föreskrift not met makes the suggestion D, chosen as suggested.
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    section_d = window.current_page
    assert isinstance(section_d, SectionPage) and section_d.section.id == "D"
    keys = {c.id: Qt.Key.Key_1 for c in section_d.section.criteria}
    keys["D.1"] = Qt.Key.Key_3
    set_statuses(qtbot, section_d, keys)
    assert section_d.suggestion is not None and section_d.suggestion.grade == Grade.D
    assert "D.1" in section_d.reasons_label.text()
    qtbot.keyClicks(section_d.findings, "Utbildningsplan saknas.")
    section_d.grades.buttons[section_d.section.grades.index(Grade.D)].click()
    assert library.get_inspection(inspection_id).section("D").grade == Grade.D

    # Resultat: two strengths typed with Insert.
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    result = window.current_page
    assert isinstance(result, ResultPage)
    assert "Avsnitt utan gradering" in result.warnings.text()
    strengths = result.lists[SummaryKind.STRENGTH]
    for text in ("Engagerad studierektor.", "Gott arbetsklimat."):
        activate(qtbot, window)
        strengths.view.setFocus()
        qtbot.keyClick(strengths.view, Qt.Key.Key_Insert)
        editor = strengths.view.indexWidget(strengths.view.currentIndex())
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: strengths.view.indexWidget(strengths.view.currentIndex()) is None)
    assert strengths.model.rowCount() == 2

    # Handlingsplan: the D section's deficiency becomes a row; the planned action is typed.
    activate(qtbot, window)
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_H, control_shift)
    plan = window.current_page
    assert isinstance(plan, ActionPlanPage)
    assert plan.model.rowCount() == 0
    assert "saknar rad" in plan.missing_label.text()
    qtbot.mouseClick(plan.sync_button, Qt.MouseButton.LeftButton)
    assert plan.model.rowCount() == 1
    assert plan.model.item(0).criterion_id == "D.1"
    planned = [c.name for c in COLUMNS].index("planned_action")
    index = plan.model.index(0, planned)
    plan.view.setCurrentIndex(index)
    plan.view.edit(index)
    qtbot.keyClicks(plan.view.indexWidget(index), "Skriv en utbildningsplan")
    assert nav_state(window, "D").startswith("D · ")

    window.close()
    session.close()

    # A new session on the same file finds every value.
    reopened = LibrarySession(Library.open(library_path))
    window = open_window(qtbot, reopened, inspection_id)
    record = reopened.library.get_inspection(inspection_id)
    a, d = record.section("A"), record.section("D")
    assert (a.grade, a.justification) == (Grade.B, "Rutinerna tillampas inte fullt ut.")
    assert a.findings == "Skriftliga riktlinjer finns."
    assert {c.status for c in a.criteria} == {CriterionStatus.MET}
    assert (d.grade, d.findings) == (Grade.D, "Utbildningsplan saknas.")
    assert d.criterion("D.1").status == CriterionStatus.NOT_MET
    assert [i.text for i in record.summary_of(SummaryKind.STRENGTH)] == [
        "Engagerad studierektor.",
        "Gott arbetsklimat.",
    ]
    assert [(i.criterion_id, i.planned_action) for i in record.action_items] == [
        ("D.1", "Skriv en utbildningsplan")
    ]
    window.go_to(NodeKind.SECTION, "A")
    page = window.current_page
    assert isinstance(page, SectionPage)
    assert page.findings.toPlainText() == "Skriftliga riktlinjer finns."
    assert page.grades.buttons[1].isChecked()
    assert page.justification.toPlainText() == "Rutinerna tillampas inte fullt ut."
    window.close()
    reopened.close()


def test_shortcuts_reach_every_node_and_are_shown_in_the_menu(
    qtbot: QtBot, demo_window: InspectionWindow
) -> None:
    expected = [
        ("Ctrl+0", OverviewPage, None),
        *[(f"Ctrl+{n}", SectionPage, section) for n, section in enumerate("ABCDEFGH", start=1)],
        ("Ctrl+9", ResultPage, None),
        ("Ctrl+Shift+H", ActionPlanPage, None),
    ]
    shortcuts = {a.shortcut().toString(): a.text() for a in demo_window.go_menu.actions()}
    for keys, page_type, section in expected:
        assert keys in shortcuts
        action = next(a for a in demo_window.go_menu.actions() if a.shortcut().toString() == keys)
        action.trigger()
        page = demo_window.current_page
        assert isinstance(page, page_type)
        if section:
            assert page.section.id == section  # type: ignore[attr-defined]
            assert shortcuts[keys].startswith(f"{section}. ")
    undo_keys = [k.toString() for k in demo_window.redo_action.shortcuts()]
    assert "Ctrl+Shift+Z" in undo_keys
    assert demo_window.undo_action.shortcut().toString() == "Ctrl+Z"


def _inputs(widget: QWidget) -> list[QWidget]:
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
    found = [
        w
        for w in widget.findChildren(QWidget)
        if isinstance(w, (*kinds, QAbstractButton)) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    return [w for w in found if w.isVisibleTo(widget)]


def test_every_control_has_an_accessible_name(demo_window: InspectionWindow) -> None:
    nodes = [(NodeKind.OVERVIEW, None), (NodeKind.MATERIAL, None), (NodeKind.RESULT, None)]
    nodes += [(NodeKind.ACTION_PLAN, None)]
    nodes += [(NodeKind.SECTION, s) for s in "ABCDEFGH"]
    for kind, key in nodes:
        demo_window.go_to(kind, key)
        page = demo_window.current_page
        assert page is not None
        for control in _inputs(page):
            if control.parent() is not None and isinstance(control.parent(), QAbstractSpinBox):
                continue  # the spin box's inner line edit speaks through the spin box
            name = control.accessibleName() or (
                control.text() if isinstance(control, QAbstractButton) else ""
            )
            assert name.strip(), f"{type(control).__name__} on {kind.value} {key or ''} unnamed"


class _Shouting(QTranslator):
    """A stand-in translation: every string of the UI comes back upper-cased."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return source.upper()


def test_a_language_change_retranslates_the_window(
    qtbot: QtBot, demo_window: InspectionWindow
) -> None:
    demo_window.go_to(NodeKind.SECTION, "E")
    page = demo_window.current_page
    assert isinstance(page, SectionPage)
    assert demo_window.edit_menu.title() == "&Redigera"
    translator = _Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.sendEvent(demo_window, QEvent(QEvent.Type.LanguageChange))
        QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
        assert demo_window.edit_menu.title() == "&REDIGERA"
        assert page.grade_box.title() == "GRADERING"
        assert demo_window.nav_model.index_of(NodeKind.OVERVIEW).data() == "ÖVERSIKT"
    finally:
        QCoreApplication.removeTranslator(translator)
    QCoreApplication.sendEvent(demo_window, QEvent(QEvent.Type.LanguageChange))
    assert demo_window.edit_menu.title() == "&Redigera"


def test_an_unreadable_date_is_explained_and_not_saved(
    qtbot: QtBot, demo_window: InspectionWindow
) -> None:
    demo_window.go_to(NodeKind.OVERVIEW)
    page = demo_window.current_page
    assert isinstance(page, OverviewPage)
    field = page.editors["report_date"]
    field.line.selectAll()
    qtbot.keyClicks(field.line, "20 januari")
    page.commit_pending()
    assert "ÅÅÅÅ-MM-DD" in page.validation.text() and page.validation.isVisibleTo(page)
    record = demo_window.session.library.get_inspection(demo_window.inspection_id)
    assert record.report_date is not None and record.report_date.isoformat() == "2025-01-20"
    field.line.selectAll()
    qtbot.keyClicks(field.line, "2025-02-03")
    page.commit_pending()
    assert not page.validation.isVisibleTo(page)
    record = demo_window.session.library.get_inspection(demo_window.inspection_id)
    assert record.report_date is not None and record.report_date.isoformat() == "2025-02-03"


def test_the_export_menu_hands_the_format_to_the_export_controller(
    demo_window: InspectionWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spurdesk.ui import export

    calls: list[tuple[int, str]] = []
    monkeypatch.setattr(
        export.ExportController, "export", lambda self, iid, fmt: calls.append((iid, fmt))
    )
    for fmt in ("docx", "pdf", "actionplan"):
        demo_window.export_actions[fmt].trigger()
    assert calls == [(demo_window.inspection_id, f) for f in ("docx", "pdf", "actionplan")]


def test_a_read_only_library_shows_everything_and_edits_nothing(
    qtbot: QtBot, demo_library_path: Path, message_boxes
) -> None:
    with Library.open(demo_library_path) as library:
        inspection_id = library.list_inspections()[0].id
    session = LibrarySession(Library.open(demo_library_path, read_only=True))
    window = open_window(qtbot, session, inspection_id)
    assert window.windowTitle().endswith("(skrivskyddad)")
    window.go_to(NodeKind.SECTION, "D")
    page = window.current_page
    assert isinstance(page, SectionPage)
    assert page.findings.toPlainText() and page.findings.isReadOnly()
    page.criteria_view.setCurrentIndex(page.criteria_model.index_of("D.1"))
    status = page.criteria_model.assessment("D.1").status
    qtbot.keyClick(page.criteria_view, Qt.Key.Key_1)
    assert page.criteria_model.assessment("D.1").status == status != CriterionStatus.MET
    assert not page.grades.buttons[0].isEnabled()
    window.go_to(NodeKind.ACTION_PLAN)
    plan = window.current_page
    assert isinstance(plan, ActionPlanPage)
    assert not plan.sync_button.isEnabled() and not plan.add_action.isEnabled()
    assert message_boxes.boxes == []  # no error dialogs: nothing was attempted
    assert window.stack.count() == 0
    window.close()
    session.close()
