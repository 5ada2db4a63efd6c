"""QUndoCommands: one per service verb, each able to do and undo itself through the session.

A command is performed once by `LibrarySession.push` (`apply_first`, errors reach the caller) and
afterwards only by the undo stack (`undo`/`redo`, errors go to `session.report`). Typing is one
`TextCommand` per burst: consecutive keystrokes into the same field merge (`mergeWith`) until a
pause of BURST_SECONDS, and are staged rather than written one by one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import (
    ActionItem,
    CriterionStatus,
    InspectionStatus,
    Inspector,
    ParticipantGroup,
    SummaryItem,
    SummaryKind,
)

if TYPE_CHECKING:
    from spurdesk.library import Library
    from spurdesk.ui.session import LibrarySession

#: A pause longer than this ends a typing burst: the next keystroke starts a new undo step.
BURST_SECONDS = 2.0

_TEXT_COMMAND_ID = 1001
_METADATA_COMMAND_ID = 1002


class ServiceCommand(QUndoCommand):
    """An edit expressed as a forward and a backward service call."""

    def __init__(self, session: LibrarySession, inspection_id: int, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.inspection_id = inspection_id
        self._performed = False

    def forward(self, library: Library) -> None:
        raise NotImplementedError

    def backward(self, library: Library) -> None:
        raise NotImplementedError

    def apply_first(self) -> None:
        self.session.perform(self.inspection_id, self.forward)
        self._performed = True

    def redo(self) -> None:
        if self._performed:  # the push itself: apply_first already did the work
            self._performed = False
            return
        self._guarded(self.forward)

    def undo(self) -> None:
        self._guarded(self.backward)

    def _guarded(self, step: Callable[[Library], None]) -> None:
        try:
            self.session.perform(self.inspection_id, step)
        except SpurdeskError as error:
            self.session.report(error)


# typing ------------------------------------------------------------------------------------


class TextCommand(QUndoCommand):
    """Typed text for one staging key (findings, criterion note, justification, summary item,
    action-plan cell); a burst of keystrokes is one undo step."""

    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        key: tuple,
        old: str,
        new: str,
        text: str,
    ) -> None:
        super().__init__(text)
        self.session = session
        self.inspection_id = inspection_id
        self.key = key
        self.old = old
        self.new = new
        self._last_keystroke = time.monotonic()
        self._performed = False

    def id(self) -> int:
        return _TEXT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TextCommand) or other.key != self.key:
            return False
        if other._last_keystroke - self._last_keystroke > BURST_SECONDS:
            return False
        self.new = other.new
        self._last_keystroke = other._last_keystroke
        self.setObsolete(self.new == self.old)
        return True

    def apply_first(self) -> None:
        self.session.stage_text(self.inspection_id, self.key, self.new)
        self._performed = True

    def redo(self) -> None:
        if self._performed:
            self._performed = False
            return
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)

    def _set(self, value: str) -> None:
        # Undo/redo must show at once, so stage and write now instead of waiting for the timer.
        self.session.stage_text(self.inspection_id, self.key, value)
        self.session.flush()


# sections and criteria ---------------------------------------------------------------------


class SetCriterionStatusCommand(ServiceCommand):
    """The status of one criterion. `set_criterion` also writes the note, so the command carries
    the note as it stands (read after a flush): undo and redo run in stack order, so by the time
    this command runs again every later note edit has been undone or redone around it."""

    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        criterion_id: str,
        old: CriterionStatus,
        new: CriterionStatus,
        note: str,
    ) -> None:
        super().__init__(
            session,
            inspection_id,
            QCoreApplication.translate("commands", "Status för %1").replace("%1", criterion_id),
        )
        self.criterion_id = criterion_id
        self.old = old
        self.new = new
        self.note = note

    def _set(self, library: Library, status: CriterionStatus) -> None:
        library.set_criterion(self.inspection_id, self.criterion_id, status, self.note)

    def forward(self, library: Library) -> None:
        self._set(library, self.new)

    def backward(self, library: Library) -> None:
        self._set(library, self.old)


GradeChoice = tuple[Grade | None, str]  # (grade, justification)


class SetGradeCommand(ServiceCommand):
    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        section_id: str,
        old: GradeChoice,
        new: GradeChoice,
    ) -> None:
        super().__init__(
            session,
            inspection_id,
            QCoreApplication.translate("commands", "Gradering av %1").replace("%1", section_id),
        )
        self.section_id = section_id
        self.old = old
        self.new = new

    def forward(self, library: Library) -> None:
        library.set_grade(self.inspection_id, self.section_id, *self.new)

    def backward(self, library: Library) -> None:
        library.set_grade(self.inspection_id, self.section_id, *self.old)


Revision = tuple[Grade | None, date | None, str]  # (revised grade, date, reason)


class ReviseGradeCommand(ServiceCommand):
    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        section_id: str,
        old: Revision,
        new: Revision,
    ) -> None:
        super().__init__(
            session,
            inspection_id,
            QCoreApplication.translate("commands", "Ändrad gradering av %1").replace(
                "%1", section_id
            ),
        )
        self.section_id = section_id
        self.old = old
        self.new = new

    def forward(self, library: Library) -> None:
        library.revise_grade(self.inspection_id, self.section_id, *self.new)

    def backward(self, library: Library) -> None:
        library.revise_grade(self.inspection_id, self.section_id, *self.old)


# summary -----------------------------------------------------------------------------------


class AddRowCommand(ServiceCommand):
    """Adding a row (summary item, action item): redo after undo creates it again under a new
    id, which the session maps back to the id first given so other steps keep finding it."""

    id_space: str  # the session's alias namespace: "summary" or "action"

    def __init__(self, session: LibrarySession, inspection_id: int, text: str) -> None:
        super().__init__(session, inspection_id, text)
        self.item_id: int | None = None  # the id first given; later ones are session aliases

    def add(self, library: Library) -> int:
        raise NotImplementedError

    def remove(self, library: Library, item_id: int) -> None:
        raise NotImplementedError

    def forward(self, library: Library) -> None:
        new_id = self.add(library)
        if self.item_id is None:
            self.item_id = new_id
        else:
            self.session.remap(self.id_space, self.item_id, new_id)

    def backward(self, library: Library) -> None:
        assert self.item_id is not None
        self.remove(library, self.session.resolve(self.id_space, self.item_id))


class AddSummaryItemCommand(AddRowCommand):
    id_space = "summary"

    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        kind: SummaryKind,
        text: str,
        position: int | None = None,
    ) -> None:
        super().__init__(
            session,
            inspection_id,
            QCoreApplication.translate("commands", "Ny punkt under %1").replace("%1", kind.heading),
        )
        self.kind = kind
        self.item_text = text
        self.position = position

    def add(self, library: Library) -> int:
        return library.add_summary_item(
            self.inspection_id, self.kind, self.item_text, self.position
        )

    def remove(self, library: Library, item_id: int) -> None:
        library.remove_summary_item(item_id)


class MoveSummaryItemCommand(ServiceCommand):
    def __init__(
        self, session: LibrarySession, inspection_id: int, item_id: int, old: int, new: int
    ) -> None:
        super().__init__(
            session, inspection_id, QCoreApplication.translate("commands", "Flytta punkt")
        )
        self.item_id = item_id
        self.old = old
        self.new = new

    def forward(self, library: Library) -> None:
        library.move_summary_item(self.session.resolve("summary", self.item_id), self.new)

    def backward(self, library: Library) -> None:
        library.move_summary_item(self.session.resolve("summary", self.item_id), self.old)


class RemoveSummaryItemCommand(ServiceCommand):
    def __init__(self, session: LibrarySession, inspection_id: int, item: SummaryItem) -> None:
        super().__init__(
            session, inspection_id, QCoreApplication.translate("commands", "Ta bort punkt")
        )
        self.item = item

    def forward(self, library: Library) -> None:
        library.remove_summary_item(self.session.resolve("summary", self.item.id))

    def backward(self, library: Library) -> None:
        new_id = library.add_summary_item(
            self.inspection_id, self.item.kind, self.item.text, self.item.position
        )
        self.session.remap("summary", self.session.resolve("summary", self.item.id), new_id)


# action plan -------------------------------------------------------------------------------

#: ActionItem fields `add_action_item` accepts; the rest are restored with update_action_item.
_ADD_FIELDS = (
    "section_id",
    "criterion_id",
    "planned_action",
    "due",
    "responsible",
    "follow_up",
    "follow_up_responsible",
    "status",
    "unit_comment",
    "position",
)
_LATER_FIELDS = ("done_on", "verified_on", "verification_note")


def _recreate_action_item(library: Library, inspection_id: int, item: ActionItem) -> int:
    new_id = library.add_action_item(
        inspection_id, **{name: getattr(item, name) for name in _ADD_FIELDS}
    )
    later = {name: getattr(item, name) for name in _LATER_FIELDS if getattr(item, name)}
    if later:
        library.update_action_item(new_id, **later)
    return new_id


class AddActionItemCommand(AddRowCommand):
    id_space = "action"

    def __init__(
        self, session: LibrarySession, inspection_id: int, fields: Mapping[str, Any]
    ) -> None:
        super().__init__(
            session,
            inspection_id,
            QCoreApplication.translate("commands", "Ny rad i handlingsplanen"),
        )
        self.fields = dict(fields)

    def add(self, library: Library) -> int:
        return library.add_action_item(self.inspection_id, **self.fields)

    def remove(self, library: Library, item_id: int) -> None:
        library.remove_action_item(item_id)


class EditActionItemCommand(ServiceCommand):
    """A non-typed change of action-plan fields: status, section, a date from the picker."""

    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        item_id: int,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
    ) -> None:
        super().__init__(
            session,
            inspection_id,
            QCoreApplication.translate("commands", "Ändra rad i handlingsplanen"),
        )
        self.item_id = item_id
        self.old = dict(old)
        self.new = dict(new)

    def forward(self, library: Library) -> None:
        library.update_action_item(self.session.resolve("action", self.item_id), **self.new)

    def backward(self, library: Library) -> None:
        library.update_action_item(self.session.resolve("action", self.item_id), **self.old)


class RemoveActionItemCommand(ServiceCommand):
    def __init__(self, session: LibrarySession, inspection_id: int, item: ActionItem) -> None:
        super().__init__(
            session,
            inspection_id,
            QCoreApplication.translate("commands", "Ta bort rad i handlingsplanen"),
        )
        self.item = item

    def forward(self, library: Library) -> None:
        library.remove_action_item(self.session.resolve("action", self.item.id))

    def backward(self, library: Library) -> None:
        new_id = _recreate_action_item(library, self.inspection_id, self.item)
        self.session.remap("action", self.session.resolve("action", self.item.id), new_id)


class SyncActionItemsCommand(ServiceCommand):
    """Rows for every deficiency lacking one; undo removes exactly the rows it added."""

    def __init__(self, session: LibrarySession, inspection_id: int) -> None:
        super().__init__(
            session,
            inspection_id,
            QCoreApplication.translate("commands", "Skapa rader från brister"),
        )
        self.item_ids: list[int] | None = None

    def forward(self, library: Library) -> None:
        new_ids = library.sync_action_items(self.inspection_id)
        if self.item_ids is None:
            self.item_ids = list(new_ids)
            return
        for original, new_id in zip(self.item_ids, new_ids, strict=False):
            self.session.remap("action", self.session.resolve("action", original), new_id)

    def backward(self, library: Library) -> None:
        for original in self.item_ids or ():
            library.remove_action_item(self.session.resolve("action", original))

    @property
    def added(self) -> int:
        return len(self.item_ids or ())


# metadata and status -----------------------------------------------------------------------


class UpdateInspectionCommand(ServiceCommand):
    """Metadata fields (unit, site, care_provider, specialty, dates); edits of the same field in
    one burst merge into one step."""

    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
    ) -> None:
        super().__init__(
            session,
            inspection_id,
            QCoreApplication.translate("commands", "Ändra uppgifter om granskningen"),
        )
        self.old = dict(old)
        self.new = dict(new)
        self._at = time.monotonic()

    def id(self) -> int:
        return _METADATA_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateInspectionCommand) or other.new.keys() != self.new.keys():
            return False
        if other.inspection_id != self.inspection_id or other._at - self._at > BURST_SECONDS:
            return False
        self.new = other.new
        self._at = other._at
        self.setObsolete(self.new == self.old)
        return True

    def forward(self, library: Library) -> None:
        library.update_inspection(self.inspection_id, **self.new)

    def backward(self, library: Library) -> None:
        library.update_inspection(self.inspection_id, **self.old)


class SetInspectorsCommand(ServiceCommand):
    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        old: Sequence[Inspector],
        new: Sequence[Inspector],
    ) -> None:
        super().__init__(
            session, inspection_id, QCoreApplication.translate("commands", "Ändra inspektörer")
        )
        self.old = tuple(old)
        self.new = tuple(new)

    def forward(self, library: Library) -> None:
        library.set_inspectors(self.inspection_id, self.new)

    def backward(self, library: Library) -> None:
        library.set_inspectors(self.inspection_id, self.old)


class SetParticipantsCommand(ServiceCommand):
    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        old: Sequence[ParticipantGroup],
        new: Sequence[ParticipantGroup],
    ) -> None:
        super().__init__(
            session,
            inspection_id,
            QCoreApplication.translate("commands", "Ändra intervjuade grupper"),
        )
        self.old = tuple(old)
        self.new = tuple(new)

    def forward(self, library: Library) -> None:
        library.set_participants(self.inspection_id, self.new)

    def backward(self, library: Library) -> None:
        library.set_participants(self.inspection_id, self.old)


class SetStatusCommand(ServiceCommand):
    """A status change the life cycle lets go back (e.g. sakgranskning → utkast).

    One-way transitions are not undoable; the overview page makes them with `session.call`.
    """

    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        old: InspectionStatus,
        new: InspectionStatus,
    ) -> None:
        super().__init__(
            session, inspection_id, QCoreApplication.translate("commands", "Ändra status")
        )
        self.old = old
        self.new = new

    def forward(self, library: Library) -> None:
        library.set_status(self.inspection_id, self.new)

    def backward(self, library: Library) -> None:
        library.set_status(self.inspection_id, self.old)
