"""Two people on the office server in the app: typed text someone else changed meanwhile is not
written but offered back (keep mine / take theirs); a refused command re-reads the inspection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QPushButton, QTextBrowser
from pytestqt.qtbot import QtBot

from spurdesk.library import ConcurrentEditError, EditConflict, Library
from spurdesk.library.text_keys import FindingsKey
from spurdesk.model.criteria import Grade
from spurdesk.model.demo import demo_inspection
from spurdesk.ui.edit_conflict_dialog import EditConflictDialog, Resolution
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.undo import set_grade_command


@pytest.fixture
def two_people(
    qtbot: QtBot, postgres_library_url: str
) -> Iterator[tuple[LibrarySession, Library, int]]:
    """This user's session and another office user's library, on the same server database."""
    mine = Library.open(postgres_library_url)
    inspection_id = mine.import_inspection(demo_inspection())
    other = Library.open(postgres_library_url)
    session = LibrarySession(mine)
    yield session, other, inspection_id
    session.close()
    other.close()


def test_typed_text_changed_meanwhile_is_offered_back_and_kept_on_request(
    qtbot: QtBot, two_people: tuple[LibrarySession, Library, int]
) -> None:
    session, other, inspection_id = two_people
    session.library.get_inspection(inspection_id)  # what this user's window shows
    other.get_inspection(inspection_id)
    other.set_findings(inspection_id, "E", "Koordinatorns rättning.")
    session.stage_text(inspection_id, FindingsKey(inspection_id, "E"), "Min nya text om E.")
    with qtbot.waitSignal(session.conflictOccurred) as raised:
        session.flush()
    (conflict,) = raised.args[0].conflicts
    assert (conflict.theirs, conflict.mine) == ("Koordinatorns rättning.", "Min nya text om E.")
    assert other.get_inspection(inspection_id).section("E").findings == "Koordinatorns rättning."
    assert not session.has_unsaved_text
    with qtbot.waitSignal(session.inspectionChanged):
        session.resolve(conflict, keep_mine=True)
    assert other.get_inspection(inspection_id).section("E").findings == "Min nya text om E."


def test_a_conflict_met_while_a_view_reads_still_reaches_the_user(
    qtbot: QtBot, two_people: tuple[LibrarySession, Library, int]
) -> None:
    session, other, inspection_id = two_people
    session.library.get_inspection(inspection_id)
    other.set_findings(inspection_id, "F", "Koordinatorns text.")
    session.stage_text(inspection_id, FindingsKey(inspection_id, "F"), "Min text.")
    session.library.get_inspection(inspection_id)  # a view refreshing before the autosave
    with qtbot.waitSignal(session.conflictOccurred) as raised:
        session.flush()
    assert [c.mine for c in raised.args[0].conflicts] == ["Min text."]


def test_a_refused_command_rereads_the_inspection_and_changes_nothing(
    qtbot: QtBot, two_people: tuple[LibrarySession, Library, int]
) -> None:
    session, other, inspection_id = two_people
    before = session.library.get_inspection(inspection_id).section("B")
    other.get_inspection(inspection_id)
    other.set_grade(inspection_id, "B", Grade.D, "Koordinatorns motivering.")
    command = set_grade_command(
        session, inspection_id, "B", (before.grade, before.justification), (Grade.A, "Min.")
    )
    with pytest.raises(ConcurrentEditError), qtbot.waitSignal(session.inspectionChanged):
        session.push(inspection_id, command)
    assert session.undo_stack(inspection_id).count() == 0
    assert other.get_inspection(inspection_id).section("B").grade is Grade.D


def _conflict() -> EditConflict:
    return EditConflict(
        "section_assessments",
        ("section_assessments", 1, "E"),
        "findings",
        1,
        mine="Handledarna har gått handledarutbildning.",
        theirs="De flesta handledarna har gått handledarutbildning.",
        key=FindingsKey(1, "E"),
    )


def test_the_dialog_shows_both_versions_and_returns_the_choice(qtbot: QtBot) -> None:
    dialog = EditConflictDialog(None, _conflict(), can_keep_mine=True)
    qtbot.addWidget(dialog)
    theirs = dialog.findChild(QTextBrowser, "theirsText")
    mine = dialog.findChild(QTextBrowser, "mineText")
    assert "De flesta" in theirs.toPlainText() and "De flesta" not in mine.toPlainText()
    assert "line-through" in theirs.toHtml()  # the words only the other version has, marked
    dialog.findChild(QPushButton, "keepMine").click()
    assert dialog.resolution is Resolution.KEEP_MINE


def test_for_a_command_the_dialog_only_shows_the_other_value(qtbot: QtBot) -> None:
    dialog = EditConflictDialog(None, _conflict(), can_keep_mine=False)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QPushButton, "keepMine") is None
    dialog.findChild(QPushButton, "takeTheirs").click()
    assert dialog.resolution is Resolution.TAKE_THEIRS
