"""The sakgranskning through the GUI: send the draft, the unit comments in unit mode (saving a
draft on the way), the inspectors import the answer, decide each comment and fix the report.

Run in Swedish and in English; message boxes are answered by the `message_boxes` fixture.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from spurdesk.library import Library
from spurdesk.model.demo import demo_inspection
from spurdesk.model.fact_check import CommentKind, Decision
from spurdesk.model.inspection import InspectionStatus
from spurdesk.ui.exchange import fact_check_actions
from spurdesk.ui.exchange.fact_check_review import FactCheckReviewDialog
from spurdesk.ui.exchange.fact_check_window import FactCheckWindow, open_fact_check_window
from spurdesk.ui.i18n import LanguageManager
from spurdesk.ui.inspection.navigation import NodeKind
from spurdesk.ui.inspection.window import InspectionWindow
from spurdesk.ui.session import LibrarySession
from tests.ui.conftest import MessageBoxes

QUOTE = "Rutinerna följs inte fullt ut."
TEXTS = {
    "sv": {
        "imported": "2 nya kommentarer",
        "button": "Godta och för in texten",
        "stale": "Inaktuell",
    },
    "en": {
        "imported": "2 new comments",
        "button": "Accept and apply the text",
        "stale": "Out of date",
    },
}


@pytest.fixture(params=["sv", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    manager = LanguageManager.for_app(qapp)
    assert manager.set_language(request.param) == request.param
    yield request.param
    manager.set_language("sv")


@pytest.fixture
def fact_check_window(
    qtbot: QtBot, demo_session: LibrarySession, demo_library: Library
) -> Iterator[InspectionWindow]:
    """An inspection at sakgranskning, in its window."""
    record = dataclasses.replace(demo_inspection(), status=InspectionStatus.FACT_CHECK)
    inspection_id = demo_library.import_inspection(record)
    opened = InspectionWindow(demo_session, inspection_id)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    if isValid(opened):
        opened.close()


def _unit_comments(qtbot: QtBot, package: Path, tmp_path: Path) -> Path:
    """The unit's side, through its window: two comments, a draft saved and reopened."""
    unit = open_fact_check_window(package)
    assert isinstance(unit, FactCheckWindow)
    qtbot.addWidget(unit)
    unit.select_section("A")
    unit.choose_sentence(QUOTE)
    unit.set_form(CommentKind.FACTUAL_ERROR, "Rutinerna följs i huvudsak.", "Se revisionen 2024.")
    assert unit.add_comment() is not None
    draft = tmp_path / "pågående.spur"
    assert unit.save_draft(draft)
    unit.close()

    again = open_fact_check_window(draft)
    assert isinstance(again, FactCheckWindow)
    qtbot.addWidget(again)
    again.select_section("A")
    assert len(again.comment_keys()) == 1
    again.select_section("B")
    again.choose_sentence("")
    again.set_form(CommentKind.MISSING, "", "Två nya handledare sedan hösten.")
    assert again.add_comment() is not None
    answer = tmp_path / "svar.spur"
    assert again.export_answer(answer)
    again.close()
    return answer


def test_round_trip_through_the_gui(
    qtbot: QtBot,
    fact_check_window: InspectionWindow,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    language: str,
) -> None:
    window = fact_check_window
    library = window.session.library
    inspection_id = window.inspection_id
    package = window.fact_check("send", tmp_path / "utkast.spur")
    assert isinstance(package, Path) and package.exists()
    draft = tmp_path / "utkast utkast.pdf"  # the report beside the package, marked UTKAST
    assert "UTKAST" in "".join(page.extract_text() for page in PdfReader(draft).pages)

    answer = _unit_comments(qtbot, package, tmp_path)
    dialog = window.fact_check("import", answer)
    assert isinstance(dialog, FactCheckReviewDialog)
    qtbot.addWidget(dialog)
    assert TEXTS[language]["imported"] in message_boxes.texts[-1]
    assert len(dialog.comment_ids()) == 2
    accept = dialog.findChild(QPushButton, "acceptComment")
    assert accept.text() == TEXTS[language]["button"]

    # fastställ while comments lack a decision: asked for a reason; cancelled, nothing changes
    monkeypatch.setattr(fact_check_actions, "ask_override_reason", lambda *_: None)
    window.go_to(NodeKind.OVERVIEW, None)
    page = window.current_page
    page.status_choice.setCurrentIndex(page.status_choice.findData(InspectionStatus.FINAL))
    page.status_button.click()
    assert library.get_inspection(inspection_id).status is InspectionStatus.FACT_CHECK

    first, second = dialog.comment_ids()
    dialog.select_comment(first)
    assert not dialog.is_marked_stale()
    assert dialog.accept_selected()
    dialog.select_comment(second)
    assert not dialog.reject_selected("")  # a rejection needs a reason: refused, shown
    assert dialog.reject_selected("Uppgiften gäller 2025.")
    stored = library.fact_check_comments(inspection_id)
    assert [c.decision for c in stored] == [Decision.ACCEPTED, Decision.REJECTED]
    findings = library.get_inspection(inspection_id).section("A").findings
    assert "Rutinerna följs i huvudsak." in findings and QUOTE not in findings
    # the accepted comment's quote is gone now: still listed, marked
    dialog.select_comment(first)
    assert dialog.is_marked_stale()
    stale = dialog.findChild(QLabel, "factCheckStale")
    assert stale.text().startswith(TEXTS[language]["stale"])

    record = dialog.export_record(tmp_path / "protokoll.docx")
    assert record is not None and record.exists()

    message_boxes.answers.append("accept")
    page.status_choice.setCurrentIndex(page.status_choice.findData(InspectionStatus.FINAL))
    page.status_button.click()
    assert library.get_inspection(inspection_id).status is InspectionStatus.FINAL


def test_fastställ_ändå_with_a_reason_is_audited(
    qtbot: QtBot,
    fact_check_window: InspectionWindow,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = fact_check_window
    package = window.fact_check("send", tmp_path / "utkast.spur")
    assert isinstance(package, Path)
    dialog = window.fact_check("import", _unit_comments(qtbot, package, tmp_path))
    assert isinstance(dialog, FactCheckReviewDialog)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(
        fact_check_actions, "ask_override_reason", lambda *_: "Verksamheten svarade sent."
    )
    window.go_to(NodeKind.OVERVIEW, None)
    page = window.current_page
    page.status_choice.setCurrentIndex(page.status_choice.findData(InspectionStatus.FINAL))
    message_boxes.answers.append("accept")
    page.status_button.click()
    library = window.session.library
    assert library.get_inspection(window.inspection_id).status is InspectionStatus.FINAL
    assert "Verksamheten svarade sent." in library.audit_events(window.inspection_id)[-1].detail


def test_a_tampered_answer_is_refused_in_the_gui(
    qtbot: QtBot,
    fact_check_window: InspectionWindow,
    message_boxes: MessageBoxes,
    tmp_path: Path,
) -> None:
    window = fact_check_window
    package = window.fact_check("send", tmp_path / "utkast.spur")
    assert isinstance(package, Path)
    answer = _unit_comments(qtbot, package, tmp_path)
    data = bytearray(answer.read_bytes())
    data[len(data) // 2] ^= 0xFF
    answer.write_bytes(bytes(data))
    assert window.fact_check("import", answer) is None
    assert message_boxes.boxes  # the refusal was shown
    assert window.session.library.fact_check_comments(window.inspection_id) == []


def test_open_package_picks_the_window_by_the_package_kind(
    qtbot: QtBot, fact_check_window: InspectionWindow, tmp_path: Path
) -> None:
    from spurdesk.ui.exchange.actions import open_package

    package = fact_check_window.fact_check("send", tmp_path / "utkast.spur")
    assert isinstance(package, Path)
    opened = open_package(None, package)
    assert isinstance(opened, FactCheckWindow)
    qtbot.addWidget(opened)
    opened.close()


def test_the_word_form_round_trip_in_the_gui(
    qtbot: QtBot,
    fact_check_window: InspectionWindow,
    message_boxes: MessageBoxes,
    tmp_path: Path,
) -> None:
    from docx import Document

    window = fact_check_window
    form = window.fact_check("form", tmp_path / "sakgranskning.docx")
    assert isinstance(form, Path)
    document = Document(str(form))
    table = next(
        t for t in document.tables if "spurdesk-sakgranskning:C" in t.rows[0].cells[0].text
    )
    cells = table.rows[1].cells
    cells[0].text, cells[2].text, cells[3].text = "saknad uppgift", "Nya lokaler 2024.", "Ombyggt."
    document.save(str(form))
    dialog = window.fact_check("import", form)
    assert isinstance(dialog, FactCheckReviewDialog)
    qtbot.addWidget(dialog)
    (stored,) = window.session.library.fact_check_comments(window.inspection_id)
    assert (stored.comment.section_id, stored.comment.kind) == ("C", CommentKind.MISSING)
    assert dialog.accept_selected()
    findings = window.session.library.get_inspection(window.inspection_id).section("C").findings
    assert findings.endswith("\n\nNya lokaler 2024.")  # no quote: added as a paragraph


def test_spurdesk_with_a_sakgranskning_package_opens_its_window(
    fact_check_window: InspectionWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import argparse

    from spurdesk.ui import app
    from spurdesk.ui.exchange import fact_check_window as module

    package = fact_check_window.fact_check("send", tmp_path / "utkast.spur")
    assert isinstance(package, Path)
    opened: list[Path] = []
    monkeypatch.setattr(module, "open_fact_check_window", lambda path: opened.append(path))
    assert app.run_unit_mode(package, argparse.Namespace(lang="sv")) == 1  # nothing shown
    assert opened == [package]
