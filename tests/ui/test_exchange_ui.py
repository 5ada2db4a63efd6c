"""The action-plan loop through the GUI: send, unit mode, review and import, revise, report.

Runs on a real library (the demo) with message boxes answered by the `message_boxes` fixture.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from spurdesk.exchange.package import read_package, response_package, write_package
from spurdesk.exchange.review import RowState
from spurdesk.exchange.unit_package import UnitPackage
from spurdesk.library import Library
from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import CriterionStatus
from spurdesk.report import export_docx
from spurdesk.ui.exchange.actions import export_fillable_form, send_to_unit
from spurdesk.ui.exchange.followup_view import FollowUpView
from spurdesk.ui.exchange.review_dialog import open_review
from spurdesk.ui.exchange.unit_window import UnitWindow, open_unit_window
from spurdesk.ui.i18n import LanguageManager
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.settings import AppSettings
from tests.ui.conftest import MessageBoxes


def _without_revision(library: Library, inspection_id: int) -> None:
    """The demo already carries the seed's revisions; the loop starts before them.

    The demo's plan answers every föreskrift not met; two more (E.6 and H.3, partly met) leave
    the unit two required rows to complete.
    """
    library.revise_grade(inspection_id, "E", None, None, "")
    for criterion_id in ("E.6", "H.3"):
        library.set_criterion(
            inspection_id, criterion_id, CriterionStatus.PARTLY_MET, "Rutin saknas."
        )


def _complete_in_window(qtbot: QtBot, window: UnitWindow) -> int:
    """Fill every empty row through the window's editors, as the unit would; returns how many."""
    filled = 0
    for key in window.row_keys():
        row = window.unit.plan.row(key)
        if row.planned_action:
            continue
        window.select_row(key)
        window.editor("planned_action").setPlainText(f"Åtgärd för {row.criterion_id}.")
        qtbot.keyClicks(window.editor("due"), "kontinuerligt")
        qtbot.keyClicks(window.editor("responsible"), "Studierektor")
        qtbot.keyClicks(window.editor("follow_up"), "2025-06-30")
        filled += 1
    return filled


def test_the_whole_loop(
    qtbot: QtBot,
    tmp_path: Path,
    demo_library: Library,
    demo_session: LibrarySession,
    demo_inspection_id: int,
    message_boxes: MessageBoxes,
) -> None:
    _without_revision(demo_library, demo_inspection_id)
    sent = send_to_unit(None, demo_session, demo_inspection_id, tmp_path / "till-enheten.spur")
    assert sent is not None and read_package(sent).inspection.id == demo_inspection_id
    assert demo_library.audit_events(demo_inspection_id)[-1].action == "export"

    # the unit, in unit mode
    window = UnitWindow(sent)
    qtbot.addWidget(window)
    reply_by = window.findChild(QLabel, "unitReplyBy")
    assert reply_by.text() == "Skicka handlingsplanen till inspektörerna senast 2025-02-28."
    report = window.findChild(QTextBrowser, "unitReport")
    assert report.isReadOnly() and "E. Handledning och kompetensbedömning" in report.toPlainText()
    assert any("Planerad åtgärd saknas" in m for m in window.problem_messages())
    assert not window.export_response(tmp_path / "för-tidigt.spur")
    assert "inte komplett" in message_boxes.texts[-1]
    assert window.save_draft(tmp_path / "utkast.spur")
    window = UnitWindow(tmp_path / "utkast.spur")  # the unit continues another day
    qtbot.addWidget(window)
    filled = _complete_in_window(qtbot, window)
    assert filled > 0
    assert window.problem_messages() == []
    response = tmp_path / "svar.spur"
    assert window.export_response(response)
    assert "Skicka filen svar.spur till inspektörerna" in message_boxes.texts[-1]

    # the inspector reviews and accepts all but one new row
    dialog = open_review(demo_session, response)
    assert dialog is not None
    qtbot.addWidget(dialog)
    pending = dialog.review.pending
    assert len(pending) == filled and {d.state for d in pending} == {RowState.NEW}
    dialog.set_accepted(pending[0].row.key, False)
    changed: list[int] = []

    def record_change(inspection_id: int) -> None:
        changed.append(inspection_id)

    demo_session.inspectionChanged.connect(record_change)
    dialog.apply()
    assert dialog.result_of_import is not None
    assert len(dialog.result_of_import.added) == filled - 1
    assert changed == [demo_inspection_id]
    inspection = demo_library.get_inspection(demo_inspection_id)
    planned = [item.planned_action for item in inspection.action_items]
    assert f"Åtgärd för {pending[1].row.criterion_id}." in planned
    assert f"Åtgärd för {pending[0].row.criterion_id}." not in planned
    assert demo_library.audit_events(demo_inspection_id)[-1].action == "import"

    # the inspector revises a grade; the exported report states it
    demo_session.call(
        demo_inspection_id,
        lambda library: library.revise_grade(
            demo_inspection_id, "E", Grade.C, date(2025, 1, 15), "Handlingsplanen är godtagen."
        ),
    )
    target = export_docx(demo_library.get_inspection(demo_inspection_id), tmp_path / "r.docx")
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Graderingen är ändrad till C" in text


def test_a_tampered_response_is_refused_with_a_message(
    qtbot: QtBot,
    tmp_path: Path,
    demo_session: LibrarySession,
    demo_inspection_id: int,
    message_boxes: MessageBoxes,
) -> None:
    sent = send_to_unit(None, demo_session, demo_inspection_id, tmp_path / "ut.spur")
    assert sent is not None
    unit = UnitPackage.open(sent)
    received = read_package(sent)
    sections = tuple(
        dataclasses.replace(s, grade=Grade.B) if s.section_id == "D" else s
        for s in received.inspection.sections
    )
    forged = dataclasses.replace(
        received, inspection=dataclasses.replace(received.inspection, sections=sections)
    )
    path = write_package(tmp_path / "forged.spur", response_package(forged, unit.plan))
    before = demo_session.library.get_inspection(demo_inspection_id)
    assert open_review(demo_session, path) is None
    assert "avsnitt D: graderingen" in message_boxes.texts[-1]
    assert demo_session.library.get_inspection(demo_inspection_id) == before


def test_unit_mode_refuses_a_damaged_package(
    qtbot: QtBot, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    path = tmp_path / "trasig.spur"
    path.write_bytes(b"PK\x03\x04 not really")
    assert open_unit_window(path) is None
    assert "skadad eller avkortad" in message_boxes.texts[-1]


def test_unit_cannot_remove_the_inspectors_rows(
    qtbot: QtBot,
    tmp_path: Path,
    demo_session: LibrarySession,
    demo_inspection_id: int,
    message_boxes: MessageBoxes,
) -> None:
    sent = send_to_unit(None, demo_session, demo_inspection_id, tmp_path / "ut.spur")
    window = UnitWindow(sent)
    qtbot.addWidget(window)
    first = window.row_keys()[0]
    window.select_row(first)
    window.remove_selected_row()
    assert first in window.row_keys()
    assert "kan inte tas bort" in message_boxes.texts[-1]
    window.add_row_for_selected()
    assert len(window.row_keys()) == len(window.unit.plan.rows)
    added = window.selected_key()
    assert added is not None and added.startswith("new-")
    window.remove_selected_row()
    assert added not in window.row_keys()


def test_word_form_is_written(
    tmp_path: Path, demo_session: LibrarySession, demo_inspection_id: int
) -> None:
    path = export_fillable_form(None, demo_session, demo_inspection_id, tmp_path / "f.docx")
    assert path is not None and Document(str(path)).tables


@pytest.fixture
def follow_up(qtbot: QtBot, demo_session: LibrarySession) -> FollowUpView:
    view = FollowUpView(demo_session, today=lambda: date(2025, 6, 10))
    qtbot.addWidget(view)
    return view


def test_follow_up_view_lists_filters_marks_and_exports(
    follow_up: FollowUpView,
    demo_session: LibrarySession,
    demo_inspection_id: int,
    message_boxes: MessageBoxes,
    tmp_path: Path,
) -> None:
    entries = follow_up.shown_entries()
    assert entries and all(e.bucket.value == "försenad" for e in entries)
    summary = follow_up.findChild(QLabel, "followUpSummary")
    assert summary.text().startswith(f"{len(entries)} försenade")

    rule = dataclasses.replace(follow_up.current_filter(), responsible="ingen sådan person")
    follow_up.set_filter(rule)
    assert follow_up.shown_entries() == []
    follow_up.set_filter(dataclasses.replace(rule, responsible=""))

    target = entries[0]
    follow_up.select_entry(target)
    assert not follow_up.mark_selected(verify=True, on=date(2025, 6, 1), note="")
    assert "skriv en anteckning" in message_boxes.texts[-1]
    assert follow_up.mark_selected(verify=True, on=date(2025, 6, 1), note="Kontrollerat.")
    item = demo_session.library.get_inspection(demo_inspection_id).action_items[0]
    assert item.id == target.item.id and item.verified_on == date(2025, 6, 1)
    assert target.item.id not in [e.item.id for e in follow_up.shown_entries()]

    assert follow_up.export(tmp_path / "lista.csv")
    assert (tmp_path / "lista.csv").read_text("utf-8-sig").count("\n") == len(entries)
    assert follow_up.export(tmp_path / "lista.docx")


def test_exchange_views_are_shown_in_english(
    qtbot: QtBot,
    english: LanguageManager,
    tmp_path: Path,
    demo_session: LibrarySession,
    demo_inspection_id: int,
) -> None:
    view = FollowUpView(demo_session, today=lambda: date(2025, 6, 10))
    qtbot.addWidget(view)
    tree = view.findChild(QTreeWidget, "followUpTree")
    header = tree.headerItem()
    assert [header.text(column) for column in range(tree.columnCount())] == [
        "Follow-up",
        "Unit",
        "Criterion",
        "Planned action",
        "Responsible",
        "Status",
    ]
    assert tree.topLevelItem(0).text(0).startswith("Overdue follow-ups (")
    assert view.findChild(QLabel, "followUpSummary").text().endswith(" overdue follow-ups")
    assert view.findChild(QCheckBox, "followUpVerified").text() == "Show verified"
    responsible = view.findChild(QLineEdit, "followUpResponsible")
    assert responsible.placeholderText() == "Responsible (part of name)"

    sent = send_to_unit(None, demo_session, demo_inspection_id, tmp_path / "ut.spur")
    assert sent is not None
    window = UnitWindow(sent)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("Action plan – ")
    assert window.windowTitle().endswith(" (unit mode)")
    tabs = window.findChild(QTabWidget, "unitTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Action plan",
        "Report (cannot be changed)",
    ]
    table = window.findChild(QTableWidget, "unitPlanTable")
    assert table.horizontalHeaderItem(0).text() == "Deficiency"
    assert table.horizontalHeaderItem(2).text() == "Due"
    labels = {label.text() for label in window.findChildren(QLabel)}
    assert {"Comment from the unit", "Follow-up date"} <= labels


def test_the_inspection_window_sends_the_plan_and_the_form(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_library: Library,
    demo_session: LibrarySession,
    demo_inspection_id: int,
    message_boxes: MessageBoxes,
) -> None:
    """Verksamheten → Skicka … and → Word-formulär write what the unit needs, from the window."""
    from spurdesk.ui.exchange import file_dialogs
    from spurdesk.ui.inspection.window import InspectionWindow

    window = InspectionWindow(demo_session, demo_inspection_id)
    qtbot.addWidget(window)
    targets = iter([tmp_path / "till-enheten.spur", tmp_path / "formular.docx"])
    monkeypatch.setattr(file_dialogs, "save_path", lambda *_args: next(targets))

    window.send_action.trigger()
    package = read_package(tmp_path / "till-enheten.spur")
    assert package.inspection.id == demo_inspection_id
    window.form_action.trigger()
    form_text = "\n".join(p.text for p in Document(str(tmp_path / "formular.docx")).paragraphs)
    assert "Röntgenkliniken" in form_text
    assert [e.action for e in demo_library.audit_events(demo_inspection_id)][-2:] == [
        "export",
        "export",
    ]


def test_the_main_window_offers_follow_up_import_and_unit_mode(
    qtbot: QtBot, demo_library_path: Path, app_settings: AppSettings
) -> None:
    """Inspektion → Uppföljning lists the library's action items; Arkiv holds the exchange."""
    import argparse

    from spurdesk.ui.app import build_main_window

    args = argparse.Namespace(library=str(demo_library_path), demo=False, lang="sv")
    shell = build_main_window(args, settings=app_settings, install_crash_handler=False)
    assert shell is not None
    qtbot.addWidget(shell.window)
    try:
        file_actions = shell.window.file_menu.actions()
        assert shell.window.import_response_action in file_actions
        assert shell.window.open_package_action in file_actions
        assert shell.window.followup_action in shell.window.inspection_menu.actions()
        shell.window.followup_action.trigger()
        view = shell.window.findChild(FollowUpView, "followUpView")
        assert view is not None and view.isWindow() and view.isVisible()
        assert shell.window.show_follow_up() is view  # brought forward, not doubled
    finally:
        shell.close()


def test_spurdesk_with_a_package_opens_unit_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    from spurdesk import cli
    from spurdesk.ui import app

    opened: list[Path] = []
    monkeypatch.setattr(app, "run_unit_mode", lambda path, _args: opened.append(path) or 0)
    assert cli.main(["Till enheten.spur", "--lang", "en"]) == 0
    assert opened == [Path("Till enheten.spur")]
    with pytest.raises(SystemExit):
        cli.main(["paket.spur", "list"])


def test_unit_mode_refuses_a_damaged_package_with_a_message(
    tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    import argparse

    from spurdesk.ui.app import run_unit_mode

    damaged = tmp_path / "trasig.spur"
    damaged.write_bytes(b"PK\x03\x04 inte ett helt paket")
    assert run_unit_mode(damaged, argparse.Namespace(lang="sv")) == 1
    assert message_boxes.texts and "trasig.spur" in message_boxes.texts[-1]


@pytest.mark.parametrize(
    ("labels", "context", "fields"),
    [
        ("spurdesk.ui.exchange.unit_window:_FIELD_LABELS_FOR_LUPDATE", "UnitWindow", "unit"),
        (
            "spurdesk.ui.exchange.merge_changes:ACTION_FIELD_LABELS_FOR_LUPDATE",
            "MergeChanges",
            "all",
        ),
    ],
)
def test_translatable_field_labels_are_the_plans_field_labels(
    labels: str, context: str, fields: str
) -> None:
    """lupdate needs the labels spelled out (the unit window's form, the merge preview); they
    must not drift from the model's field table, and the English catalogue must translate them
    as the table does."""
    import importlib
    from xml.etree import ElementTree

    from spurdesk.model.action_fields import ACTION_FIELDS, UNIT_FIELDS, action_field
    from spurdesk.resources import resource_path

    module, name = labels.split(":")
    spelled_out = getattr(importlib.import_module(module), name)
    names = UNIT_FIELDS if fields == "unit" else tuple(f.name for f in ACTION_FIELDS)
    assert list(spelled_out) == [action_field(n).label for n in names]
    catalogue = ElementTree.parse(resource_path("i18n", "spurdesk_en.ts")).getroot()
    [found] = [c for c in catalogue.iter("context") if c.findtext("name") == context]
    translations = {m.findtext("source"): m.findtext("translation") for m in found.iter("message")}
    for field_name in names:
        field = action_field(field_name)
        assert translations[field.label] == field.english, field_name


def test_follow_up_view_lists_plans_requested_and_not_received_first(
    qtbot: QtBot, demo_session: LibrarySession
) -> None:
    from spurdesk.model.demo import demo_inspection
    from spurdesk.model.inspection import InspectionStatus

    record = dataclasses.replace(
        demo_inspection(),
        unit="Kirurgkliniken",
        status=InspectionStatus.ACTION_PLAN_REQUESTED,
        reply_by=date(2025, 5, 31),
        action_items=(),
    )
    demo_session.library.import_inspection(record)
    view = FollowUpView(demo_session, today=lambda: date(2025, 6, 10))
    qtbot.addWidget(view)
    tree = view.findChild(QTreeWidget, "followUpTree")
    group = tree.topLevelItem(0)
    assert group.text(0) == "Handlingsplaner som inte har inkommit (1)"
    row = group.child(0)
    assert (row.text(0), row.text(5)) == ("2025-05-31", "⚠ försenad")
    assert row.text(1).startswith("Kirurgkliniken")
    summary = view.findChild(QLabel, "followUpSummary")
    assert summary.text().endswith("1 handlingsplaner har inte inkommit i tid")
    other = dataclasses.replace(view.current_filter(), unit=view.shown_entries()[0].unit)
    view.set_filter(other)  # the demo's unit: its action items, not the surgery's plan
    assert view.awaited_plans() == []
    assert not tree.topLevelItem(0).text(0).startswith("Handlingsplaner")
