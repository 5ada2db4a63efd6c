"""Two inspectors, one inspection, through the GUI: send a copy, preview a merge with conflicts,
choose per conflict, apply as one undoable step, add a shared inspection from the start view,
refuse bad copies, and assign sections ("Skrivs av").

Anna works in the window on the demo library (the `demo_session`); Erik is a second real
library that received Anna's first copy and edits through the library's API, as his laptop would.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spurdesk.exchange.coinspector import apply_plan, plan_merge, read_copy, send_copy
from spurdesk.exchange.merge import Choice, Edited
from spurdesk.exchange.merge_document import document_of
from spurdesk.library import Library
from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import CriterionStatus
from spurdesk.ui.exchange import file_dialogs
from spurdesk.ui.exchange.merge_dialog import MergeDialog
from spurdesk.ui.exchange.word_diff import marked_pair
from spurdesk.ui.i18n import LanguageManager
from spurdesk.ui.inspection.window import InspectionWindow
from spurdesk.ui.main_window import MainWindow
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.settings import AppSettings
from tests.ui.conftest import MessageBoxes

FINDINGS_B = ("sections", "B", "findings")
GRADE_B = ("sections", "B", "grade")
JUSTIFICATION_B = ("sections", "B", "justification")


@dataclass
class Peer:
    """Erik's laptop: his own library holding the inspection Anna shared."""

    library: Library
    inspection_id: int
    folder: Path

    def send(self, name: str = "erik.spur") -> Path:
        return send_copy(self.library, self.inspection_id, self.folder / name, "Erik")


@pytest.fixture
def erik(tmp_path: Path, demo_library: Library, demo_inspection_id: int) -> Iterator[Peer]:
    demo_library.actor = "Anna"
    library = Library.open(tmp_path / "erik.sqlite")
    library.actor = "Erik"
    shared = send_copy(demo_library, demo_inspection_id, tmp_path / "delad.spur", "Anna")
    inspection_id = apply_plan(library, plan_merge(library, read_copy(shared)))
    yield Peer(library, inspection_id, tmp_path)
    library.close()


@pytest.fixture
def conflicts(
    window: InspectionWindow,
    monkeypatch: pytest.MonkeyPatch,
    demo_library: Library,
    demo_inspection_id: int,
    erik: Peer,
) -> MergeDialog:
    """The preview of Erik's copy (erik.spur) after both changed section B: three conflicts."""
    _conflicting_edits(demo_library, demo_inspection_id, erik)
    return _receive(window, monkeypatch, erik.send())


def _conflicting_edits(anna: Library, anna_id: int, erik: Peer) -> None:
    """Both rewrite B's findings and grade it differently; Erik also changes what Anna left."""
    anna.set_findings(anna_id, "B", "Annas iakttagelser om stab och kompetens.")
    anna.set_grade(anna_id, "B", Grade.A, "Annas motivering")
    erik.library.set_findings(erik.inspection_id, "B", "Eriks iakttagelser om stab.")
    erik.library.set_grade(erik.inspection_id, "B", Grade.C, "Eriks motivering")
    erik.library.set_criterion_status(erik.inspection_id, "D.6", CriterionStatus.NOT_MET)
    row = erik.library.get_inspection(erik.inspection_id).action_items[0]
    erik.library.update_action_item(row.id, responsible="Studierektor och VC")


def _receive(window: InspectionWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> MergeDialog:
    """Medinspektör → Ta emot kopia…, the file chosen in the open dialog."""
    monkeypatch.setattr(file_dialogs, "open_path", lambda *_args: path)
    window.receive_copy_action.trigger()
    [dialog] = [d for d in window.findChildren(MergeDialog) if d.isVisible()]
    return dialog


def _menu(window: InspectionWindow) -> list[str]:
    """The Medinspektör menu's title and entries."""
    menu = window.coinspector_menu
    return [menu.title(), *(action.text() for action in menu.actions())]


def _library_digest(library: Library) -> str:
    library.flush()
    assert library.path is not None
    return hashlib.sha256(library.path.read_bytes()).hexdigest()


# sending -------------------------------------------------------------------------------------


def test_the_menu_sends_a_copy_named_by_the_outputs_table(
    window: InspectionWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    demo_library: Library,
    demo_inspection_id: int,
) -> None:
    assert _menu(window) == ["Medinspek&tör", "&Skicka till medinspektör…", "&Ta emot kopia…"]
    suggested: list[str] = []

    def choose(_parent: object, _title: str, suggestion: str, name_filter: str) -> Path:
        suggested.append(suggestion)
        assert "*.spur" in name_filter
        return tmp_path / suggestion

    monkeypatch.setattr(file_dialogs, "save_path", choose)
    demo_library.actor = "Anna Exempelsdotter"
    window.send_copy_action.trigger()

    assert suggested == ["Röntgenkliniken 2024-11-13 kopia.spur"]
    copy = read_copy(tmp_path / suggested[0])
    assert copy.sender == "Anna Exempelsdotter"
    assert copy.record.uid == demo_library.get_inspection(demo_inspection_id).uid
    assert demo_library.shared_versions(demo_inspection_id)[-1].direction == "sent"
    assert suggested[0] in window.statusBar().currentMessage()


# the preview ---------------------------------------------------------------------------------


def test_the_preview_lists_conflicts_first_grouped_by_page_with_both_sides_marked(
    swedish: LanguageManager,
    conflicts: MergeDialog,
    demo_library: Library,
) -> None:
    dialog = conflicts
    before = _library_digest(demo_library)

    tree = dialog.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [g.text(0) for g in groups] == [
        "B. Medarbetarstab och interna kompetenser",
        "D. Tjänstgöringens upplägg",
        "Handlingsplan",
    ]
    assert groups[0].text(1) == "3 konflikter"
    assert [groups[0].child(i).text(0) for i in range(3)] == [
        "Iakttagelser och bedömning",
        "Gradering",
        "Motivering",
    ]
    assert groups[0].child(0).text(1) == "Konflikt – inget val"
    assert groups[0].child(0).font(0).bold()  # marked, not by colour alone
    assert groups[1].child(0).text(0) == "D.6: status"
    assert groups[1].child(0).text(1) == "Ändras"
    assert groups[2].child(0).text(0) == "Rad för D.1: Ansvarig för genomförandet"
    assert dialog.status_label.text() == (
        "2 ändringar · 3 konflikter – 3 utan val; där behålls din version."
    )

    # The first conflict is shown side by side: who and when, the differing words marked.
    assert dialog.current_path() == FINDINGS_B
    assert dialog.mine_header.text().startswith("Min version – Anna, 20")
    assert dialog.theirs_header.text().startswith("Deras version – Erik, 20")
    mine_html, theirs_html = dialog.mine_view.toHtml(), dialog.theirs_view.toHtml()
    assert "Annas" in mine_html and "line-through" in mine_html
    assert "Eriks" in theirs_html and "underline" in theirs_html
    assert dialog.choice_box.isVisible() and dialog.edit_button.isVisible()
    dialog.select(GRADE_B)
    assert dialog.mine_view.toPlainText() == "A" and dialog.theirs_view.toPlainText() == "C"
    assert not dialog.edit_button.isVisible()  # a grade is one value or the other

    # A plain change shows the value now and after the merge.
    dialog.select(("criteria", "D.6", "status"))
    assert not dialog.choice_box.isVisible()
    assert dialog.theirs_header.text() == "Efter sammanslagningen"
    assert dialog.theirs_view.toPlainText() == "Ej uppfyllt"

    dialog.reject()  # Avbryt: nothing written
    assert _library_digest(demo_library) == before


def test_a_merge_with_choices_is_one_step_undone_and_redone(
    window: InspectionWindow,
    conflicts: MergeDialog,
    demo_library: Library,
    demo_inspection_id: int,
    erik: Peer,
    message_boxes: MessageBoxes,
) -> None:
    dialog = conflicts  # nothing written yet: the state before the merge
    before = demo_library.get_inspection(demo_inspection_id)
    path = erik.folder / "erik.spur"

    dialog.select(GRADE_B)
    dialog.theirs_button.click()
    dialog.select(JUSTIFICATION_B)
    dialog.theirs_button.click()
    dialog.select(FINDINGS_B)
    dialog.edit_button.click()
    assert dialog.editor.isVisible()
    assert dialog.editor.toPlainText() == "Annas iakttagelser om stab och kompetens."
    dialog.editor.setPlainText("Annas och Eriks iakttagelser.")
    assert dialog.choices() == {
        GRADE_B: Choice.THEIRS,
        JUSTIFICATION_B: Choice.THEIRS,
        FINDINGS_B: Edited("Annas och Eriks iakttagelser."),
    }
    assert dialog.status_label.text().endswith("alla har ett val.")
    dialog.apply_button.click()

    assert message_boxes.boxes == []  # every conflict chosen: nothing to ask
    assert not dialog.isVisible()
    merged = demo_library.get_inspection(demo_inspection_id)
    assert merged.section("B").findings == "Annas och Eriks iakttagelser."
    assert (merged.section("B").grade, merged.section("B").justification) == (
        Grade.C,
        "Eriks motivering",
    )
    assert merged.section("D").criterion("D.6").status is CriterionStatus.NOT_MET
    assert merged.action_items[0].responsible == "Studierektor och VC"
    assert window.stack.count() == 1
    assert window.undo_action.text() == "&Ångra Sammanslagning med kopia från Erik"
    [event] = [e for e in demo_library.audit_events(demo_inspection_id) if e.action == "merge"]
    assert "Erik" in event.detail and "3 konflikter" in event.detail
    assert "sammanslagen" in window.statusBar().currentMessage()

    window.undo_action.trigger()
    assert document_of(demo_library.get_inspection(demo_inspection_id)) == document_of(before)
    assert read_copy(path).digest not in {
        v.digest for v in demo_library.shared_versions(demo_inspection_id)
    }
    again = plan_merge(demo_library, read_copy(path))  # forgotten: it can be merged again
    assert again.result is not None and len(again.result.conflicts) == 3

    window.redo_action.trigger()
    assert demo_library.get_inspection(demo_inspection_id).section("B").grade is Grade.C
    assert plan_merge(demo_library, read_copy(path)).already_known


def test_conflicts_left_unchosen_keep_mine_after_asking(
    swedish: LanguageManager,
    window: InspectionWindow,
    conflicts: MergeDialog,
    demo_library: Library,
    demo_inspection_id: int,
    message_boxes: MessageBoxes,
) -> None:
    dialog = conflicts
    dialog.select(GRADE_B)
    dialog.mine_button.click()
    dialog.select(("criteria", "D.6", "status"))

    dialog.apply_button.click()  # the box is answered Avbryt
    assert message_boxes.texts == [
        "2 konflikter har inget val.\nDär behålls din version. Välj Avbryt för att välja själv."
    ]
    assert dialog.isVisible() and window.stack.count() == 0
    assert dialog.current_path() == FINDINGS_B  # the first one still to choose

    message_boxes.answers = ["accept"]
    dialog.apply_button.click()
    assert not dialog.isVisible() and window.stack.count() == 1
    kept = demo_library.get_inspection(demo_inspection_id).section("B")
    assert (kept.findings, kept.grade, kept.justification) == (
        "Annas iakttagelser om stab och kompetens.",
        Grade.A,
        "Annas motivering",
    )
    merged = demo_library.get_inspection(demo_inspection_id)
    assert merged.section("D").criterion("D.6").status is CriterionStatus.NOT_MET


def test_the_preview_works_from_the_keyboard(
    qtbot: QtBot,
    conflicts: MergeDialog,
    demo_library: Library,
    demo_inspection_id: int,
) -> None:
    dialog = conflicts
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.tree.hasFocus() and dialog.current_path() == FINDINGS_B

    qtbot.keyClick(dialog.tree, Qt.Key.Key_Tab)
    assert dialog.mine_view.hasFocus()
    qtbot.keyClick(dialog.mine_view, Qt.Key.Key_Tab)
    assert dialog.theirs_view.hasFocus()

    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Redigera
    qtbot.waitUntil(dialog.editor.hasFocus)  # a mnemonic clicks after a short animation
    dialog.editor.selectAll()
    qtbot.keyClicks(dialog.editor, "Gemensam text.")
    qtbot.keyClick(dialog, Qt.Key.Key_F8)  # next conflict: the grade
    assert dialog.current_path() == GRADE_B and dialog.tree.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Ta deras
    qtbot.waitUntil(lambda: dialog.choices().get(GRADE_B) is Choice.THEIRS)
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    assert dialog.current_path() == JUSTIFICATION_B
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.choices().get(JUSTIFICATION_B) is Choice.THEIRS)
    qtbot.keyClick(dialog, Qt.Key.Key_F8)  # round to the first again
    assert dialog.current_path() == FINDINGS_B
    qtbot.keyClick(dialog, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.current_path() == JUSTIFICATION_B
    assert dialog.unchosen_count() == 0

    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)  # Enter: Slå ihop
    assert not dialog.isVisible()
    section = demo_library.get_inspection(demo_inspection_id).section("B")
    assert (section.findings, section.grade) == ("Gemensam text.", Grade.C)


def test_escape_cancels_and_writes_nothing(
    qtbot: QtBot,
    window: InspectionWindow,
    monkeypatch: pytest.MonkeyPatch,
    demo_library: Library,
    erik: Peer,
) -> None:
    erik.library.set_findings(erik.inspection_id, "A", "Eriks A.")
    before = _library_digest(demo_library)
    dialog = _receive(window, monkeypatch, erik.send())
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.conflict_paths() == [] and not dialog.next_button.isVisible()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert _library_digest(demo_library) == before and window.stack.count() == 0


def test_a_copy_with_nothing_new_only_records_the_version(
    window: InspectionWindow,
    monkeypatch: pytest.MonkeyPatch,
    demo_library: Library,
    demo_inspection_id: int,
    erik: Peer,
) -> None:
    dialog = _receive(window, monkeypatch, erik.send())  # Erik changed nothing
    assert dialog.nothing_label.isVisible() and not dialog.splitter.isVisible()
    assert dialog.nothing_label.text() == (
        "Kopian innehåller inget nytt: allt i den finns redan här."
    )
    assert dialog.apply_button.text() == "Ta &emot"
    dialog.apply_button.click()
    assert window.stack.count() == 0  # nothing to undo
    digest = read_copy(erik.folder / "erik.spur").digest
    assert digest in {v.digest for v in demo_library.shared_versions(demo_inspection_id)}

    again = _receive(window, monkeypatch, erik.folder / "erik.spur")  # the same again
    assert again.plan.already_known and again.nothing_label.isVisible()


def test_refused_copies_are_explained_and_change_nothing(
    window: InspectionWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    demo_library: Library,
    message_boxes: MessageBoxes,
) -> None:
    before = _library_digest(demo_library)
    garbage = tmp_path / "trasig.spur"
    garbage.write_bytes(b"ingen zip")
    monkeypatch.setattr(file_dialogs, "open_path", lambda *_args: garbage)
    window.receive_copy_action.trigger()

    other = Library.create_demo(tmp_path / "annan.sqlite")
    foreign = send_copy(other, other.list_inspections()[0].id, tmp_path / "annan.spur", "Någon")
    other.close()
    monkeypatch.setattr(file_dialogs, "open_path", lambda *_args: foreign)
    window.receive_copy_action.trigger()

    assert [box.windowTitle() for box in message_boxes.boxes] == ["Kopian kan inte tas emot"] * 2
    assert "trasig.spur" in message_boxes.texts[0]
    assert "inte den öppna inspektionen" in message_boxes.texts[1]
    assert window.findChildren(MergeDialog) == []
    assert _library_digest(demo_library) == before


def test_a_refused_merge_keeps_the_preview_open(
    window: InspectionWindow,
    monkeypatch: pytest.MonkeyPatch,
    demo_library: Library,
    demo_inspection_id: int,
    erik: Peer,
    message_boxes: MessageBoxes,
) -> None:
    """An edit made while the preview is open (here: through the library) makes it outdated."""
    erik.library.set_findings(erik.inspection_id, "A", "Eriks A.")
    dialog = _receive(window, monkeypatch, erik.send())
    demo_library.set_findings(demo_inspection_id, "C", "Skrivet under tiden.")
    dialog.apply_button.click()
    assert dialog.isVisible() and window.stack.count() == 0
    assert message_boxes.boxes[0].windowTitle() == "Kopian kunde inte slås ihop"
    assert "har ändrats sedan förhandsvisningen" in message_boxes.texts[0]


# the start view ------------------------------------------------------------------------------


def _main_window(
    qtbot: QtBot,
    session: LibrarySession,
    criteria_library,
    app_settings: AppSettings,  # type: ignore[no-untyped-def]
) -> MainWindow:
    main = MainWindow(
        session, criteria_library, app_settings, library_path=None, remember_library=False
    )
    qtbot.addWidget(main)
    main.show()
    return main


def test_the_start_view_adds_a_shared_inspection_after_asking(
    qtbot: QtBot,
    session: LibrarySession,
    library: Library,
    criteria_library,  # type: ignore[no-untyped-def]
    app_settings: AppSettings,
    demo_library: Library,
    demo_inspection_id: int,
    tmp_path: Path,
    message_boxes: MessageBoxes,
) -> None:
    main = _main_window(qtbot, session, criteria_library, app_settings)
    assert main.receive_copy_action.text() == "Ta emot &kopia från medinspektör…"
    assert main.receive_copy_action in main.file_menu.actions()
    shared = send_copy(demo_library, demo_inspection_id, tmp_path / "delad.spur", "Anna")

    assert main.receive_copy(shared) is None  # Avbryt
    assert library.list_inspections() == []
    assert (
        "Kopian från Anna innehåller inspektionen Röntgenkliniken, Strandviks lasarett"
        in (message_boxes.texts[0])
    )

    message_boxes.answers = ["Lägg till inspektionen"]
    added = main.receive_copy(shared)
    assert isinstance(added, int)
    assert library.get_inspection(added).uid == demo_library.get_inspection(demo_inspection_id).uid
    assert added in main.inspection_windows  # opened at once
    view = main.start_view
    assert view is not None
    qtbot.waitUntil(lambda: added in {row.id for row in view.model.all_rows()})
    main.close()


def test_the_start_view_previews_a_copy_of_an_inspection_it_holds(
    qtbot: QtBot,
    demo_session: LibrarySession,
    demo_library: Library,
    demo_inspection_id: int,
    criteria_library,  # type: ignore[no-untyped-def]
    app_settings: AppSettings,
    erik: Peer,
) -> None:
    erik.library.set_findings(erik.inspection_id, "H", "Eriks H.")
    main = _main_window(qtbot, demo_session, criteria_library, app_settings)
    dialog = main.receive_copy(erik.send())
    assert isinstance(dialog, MergeDialog)
    assert [c.path for c in dialog.plan.result.changes] == [("sections", "H", "findings")]  # type: ignore[union-attr]
    dialog.apply_button.click()
    assert demo_library.get_inspection(demo_inspection_id).section("H").findings == "Eriks H."
    assert demo_session.undo_stack(demo_inspection_id).count() == 1  # undoable there too
    assert demo_inspection_id in main.inspection_windows
    main.close()


# English -------------------------------------------------------------------------------------


def test_the_coinspector_views_in_english(
    english: LanguageManager,
    window: InspectionWindow,
    conflicts: MergeDialog,
) -> None:
    assert _menu(window) == ["&Co-inspector", "&Send to co-inspector…", "&Receive a copy…"]
    dialog = conflicts
    assert dialog.windowTitle() == "Copy from Erik – Röntgenkliniken, Strandviks lasarett"
    assert dialog.tree.topLevelItem(0).text(1) == "3 conflicts"
    assert dialog.tree.topLevelItem(0).child(0).text(0) == "Findings and assessment"
    assert dialog.tree.topLevelItem(0).child(0).text(1) == "Conflict – not chosen"
    assert dialog.mine_header.text().startswith("My version – Anna, ")
    assert dialog.theirs_header.text().startswith("Their version – Erik, ")
    assert [b.text() for b in (dialog.mine_button, dialog.theirs_button, dialog.edit_button)] == [
        "&Keep mine",
        "Take &theirs",
        "&Edit a combination",
    ]
    assert dialog.apply_button.text() == "&Merge"
    assert dialog.tree.topLevelItem(2).child(0).text(0) == (
        "Row for D.1: Responsible for carrying it out"
    )


def test_switching_language_retranslates_an_open_preview(
    qtbot: QtBot,
    swedish: LanguageManager,
    window: InspectionWindow,
    monkeypatch: pytest.MonkeyPatch,
    erik: Peer,
) -> None:
    erik.library.set_findings(erik.inspection_id, "A", "Eriks A.")
    dialog = _receive(window, monkeypatch, erik.send())
    item = dialog.tree.topLevelItem(0)
    assert (item.text(1), item.child(0).text(1)) == ("1 ändring", "Ändras")
    try:
        swedish.set_language("en")
        qtbot.waitUntil(lambda: item.child(0).text(1) == "Changes")  # a posted LanguageChange
        assert item.text(1) == "1 change"
        assert dialog.cancel_button.text() == "Cancel"
        assert dialog.theirs_header.text() == "After the merge"
    finally:
        swedish.set_language("sv")


# the marked differences ----------------------------------------------------------------------


def test_differences_are_marked_word_by_word_and_escaped() -> None:
    mine, theirs = marked_pair("Handledarna har <utbildning>.", "Handledarna saknar <utbildning>.")
    assert mine.count("line-through") == 1 and ">har</span>" in mine
    assert theirs.count("underline") == 1 and ">saknar</span>" in theirs
    assert "&lt;utbildning&gt;" in mine and "<utbildning>" not in theirs
    assert "line-through" not in theirs and "underline" not in mine


def test_opening_a_copy_from_the_file_manager_receives_it_into_the_own_library(
    qtbot: QtBot,
    tmp_path: Path,
    demo_library: Library,
    demo_inspection_id: int,
    isolated_user_folders: Path,
    message_boxes: MessageBoxes,
) -> None:
    """`spurdesk COPY.spur` (a double-click on the co-inspector's e-mail attachment) opens the
    app on the user's own library and offers to take the copy in; a package for the unit would
    open unit mode instead."""
    import logging

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from spurdesk.cli import main
    from spurdesk.exchange.coinspector import is_copy

    copy = send_copy(demo_library, demo_inspection_id, tmp_path / "kopia.spur", "Anna")
    assert is_copy(copy) and not is_copy(tmp_path / "saknas.spur")
    own = tmp_path / "erik.sqlite"
    Library.open(own).close()
    message_boxes.answers.append("Lägg till inspektionen")
    QTimer.singleShot(1500, lambda: QApplication.exit(0))
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        assert main([str(copy), "--library", str(own), "--lang", "sv"]) == 0
    finally:
        for handler in root.handlers[len(handlers) :]:
            root.removeHandler(handler)
            handler.close()
    assert "inte finns i biblioteket" in message_boxes.texts[0]
    with Library.open(own, read_only=True) as library:
        [summary] = library.list_inspections()
        assert library.get_inspection(summary.id).uid == demo_library.get_inspection(
            demo_inspection_id
        ).uid
