"""LibrarySession: the one door to the library — undo stacks, signals, staged text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from spurdesk.errors import SpurdeskError
from spurdesk.library import Library
from spurdesk.library.text_keys import FindingsKey, SummaryTextKey
from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import CriterionStatus, SummaryKind
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.undo import (
    TextCommand,
    add_summary_item_command,
    remove_summary_item_command,
    set_criterion_status_command,
    set_grade_command,
)


def test_push_performs_the_edit_and_tells_the_views(
    qtbot: QtBot, demo_session: LibrarySession, demo_inspection_id: int
) -> None:
    """A pushed command is written at once and announced with inspectionChanged and saved."""
    before = demo_session.library.get_inspection(demo_inspection_id).section("A").criterion("A.4")
    command = set_criterion_status_command(
        demo_session, demo_inspection_id, "A.4", before.status, CriterionStatus.NOT_MET
    )
    with (
        qtbot.waitSignal(demo_session.inspectionChanged) as changed,
        qtbot.waitSignal(demo_session.saved),
    ):
        demo_session.push(demo_inspection_id, command)
    assert changed.args == [demo_inspection_id]
    record = demo_session.library.get_inspection(demo_inspection_id)
    assert record.section("A").criterion("A.4").status == CriterionStatus.NOT_MET
    assert record.section("A").criterion("A.4").note == before.note  # the note is kept
    assert demo_session.undo_stack(demo_inspection_id).count() == 1


def test_a_refused_edit_propagates_and_changes_nothing(
    demo_session: LibrarySession, demo_inspection_id: int
) -> None:
    """A grade differing from the suggestion without a justification is refused by the library;
    neither the record nor the undo stack changes."""
    before = demo_session.library.get_inspection(demo_inspection_id).section("A")
    command = set_grade_command(
        demo_session, demo_inspection_id, "A", (before.grade, ""), (Grade.D, "")
    )
    with pytest.raises(SpurdeskError, match="motivering"):
        demo_session.push(demo_inspection_id, command)
    assert demo_session.library.get_inspection(demo_inspection_id).section("A") == before
    assert demo_session.undo_stack(demo_inspection_id).count() == 0


def test_each_inspection_has_its_own_undo_stack(demo_session: LibrarySession) -> None:
    assert demo_session.undo_stack(1) is demo_session.undo_stack(1)
    assert demo_session.undo_stack(1) is not demo_session.undo_stack(2)


def test_call_runs_a_service_call_and_announces_the_list_change(
    qtbot: QtBot, demo_session: LibrarySession, demo_inspection_id: int
) -> None:
    with qtbot.waitSignal(demo_session.inspectionsChanged):
        new_id = demo_session.call(
            None, lambda library: library.duplicate_as_reinspection(demo_inspection_id)
        )
    assert len(demo_session.library.list_inspections()) == 2
    assert (
        demo_session.library.get_inspection(new_id).previous_grades["D"] == Grade.C
    )  # the revised grade


def test_call_lets_the_domain_error_reach_the_caller(demo_session: LibrarySession) -> None:
    with pytest.raises(SpurdeskError, match="finns inte"):
        demo_session.call(999, lambda library: library.get_inspection(999))


def test_staged_text_is_written_by_the_debounce_timer(
    qtbot: QtBot, demo_session: LibrarySession, demo_inspection_id: int, demo_library_path: Path
) -> None:
    """Typing is only staged; the timer writes it within a second and says so."""
    key = FindingsKey(demo_inspection_id, "B")
    with qtbot.waitSignal(demo_session.saved, timeout=1500):
        demo_session.stage_text(demo_inspection_id, key, "Stabil handledarstab.")
        assert demo_session.has_unsaved_text
    assert not demo_session.has_unsaved_text
    with Library.open(demo_library_path, read_only=True) as reader:
        assert reader.get_inspection(demo_inspection_id).section("B").findings == (
            "Stabil handledarstab."
        )


def test_flush_without_staged_text_is_silent(qtbot: QtBot, demo_session: LibrarySession) -> None:
    with qtbot.assertNotEmitted(demo_session.saved):
        demo_session.flush()


def test_close_writes_staged_text_and_closes_the_library(demo_library_path: Path) -> None:
    library = Library.open(demo_library_path)
    demo_inspection_id = library.list_inspections()[0].id
    session = LibrarySession(library)
    session.stage_text(demo_inspection_id, FindingsKey(demo_inspection_id, "C"), "Ljusa lokaler.")
    session.close()
    session.close()  # twice is harmless
    with Library.open(demo_library_path, read_only=True) as reader:
        assert reader.get_inspection(demo_inspection_id).section("C").findings == "Ljusa lokaler."


def test_a_removed_and_restored_row_keeps_working_under_its_old_id(
    demo_session: LibrarySession, demo_inspection_id: int
) -> None:
    """Undoing a removal puts the row back under its own id, so older and newer commands that
    name it still find it; undoing the add removes exactly that row."""
    add = add_summary_item_command(demo_session, demo_inspection_id, SummaryKind.STRENGTH, "Först")
    demo_session.push(demo_inspection_id, add)
    assert add.item_id is not None
    record = demo_session.library.get_inspection(demo_inspection_id)
    item = next(i for i in record.summary if i.id == add.item_id)
    demo_session.push(
        demo_inspection_id, remove_summary_item_command(demo_session, demo_inspection_id, item)
    )
    stack = demo_session.undo_stack(demo_inspection_id)
    stack.undo()  # the removal: the row is back, under its own id and in its place
    restored = demo_session.library.get_inspection(demo_inspection_id).summary
    assert item in restored
    edit = TextCommand(
        demo_session, demo_inspection_id, SummaryTextKey(add.item_id), "Först", "Ändrad", "Ändra"
    )
    demo_session.push(demo_inspection_id, edit)
    demo_session.flush()
    texts = [i.text for i in demo_session.library.get_inspection(demo_inspection_id).summary]
    assert "Ändrad" in texts
    stack.undo()  # the edit
    stack.undo()  # the add: removes the row
    texts = [i.text for i in demo_session.library.get_inspection(demo_inspection_id).summary]
    assert "Först" not in texts and "Ändrad" not in texts
    stack.redo()  # the add again: the same row, same id
    again = demo_session.library.get_inspection(demo_inspection_id).summary
    assert [i for i in again if i.id == add.item_id] == [item]


def test_an_error_during_undo_is_reported_not_raised(
    qtbot: QtBot, demo_session: LibrarySession, demo_inspection_id: int
) -> None:
    """If the library refuses an undo (here: the inspection was purged meanwhile), the error
    reaches errorOccurred for a dialog instead of escaping from Qt's undo stack."""
    command = set_criterion_status_command(
        demo_session, demo_inspection_id, "A.1", CriterionStatus.MET, CriterionStatus.NOT_MET
    )
    demo_session.push(demo_inspection_id, command)
    demo_session.call(demo_inspection_id, lambda lib: lib.delete_inspection(demo_inspection_id))
    with qtbot.waitSignal(demo_session.errorOccurred) as reported:
        demo_session.undo_stack(demo_inspection_id).undo()
    assert isinstance(reported.args[0], SpurdeskError)


def test_lost_references_cannot_free_none_true_or_false(
    demo_session: LibrarySession, demo_inspection_id: int
) -> None:
    """PySide6 6.12 on Python 3.11 loses a reference to True per emit and to None per empty
    index read; spurdesk.ui.pyside_fixes must then have made them unfreeable, or thousands of
    autosaves would abort the app."""
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(2000):
        demo_session.inspectionChanged.emit(demo_inspection_id)
        QModelIndex().data()
    after = sys.getrefcount(True), sys.getrefcount(None)
    lost = after[0] < before[0] or after[1] < before[1]
    assert not lost or min(after) > 1 << 40
