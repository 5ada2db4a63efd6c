"""QUndoCommands over the library's verbs, in three shapes.

- `VerbCommand`: an edit whose undo is the same verb with the old value (`verb(new)` / `verb(old)`:
  grades, statuses, metadata, people, moving and editing rows) — Orange's `SimpleUndoCommand`.
- `RowsCommand`: rows that come and go (summary items, action-plan rows). The library restores a
  removed row under its own id, so every other step that names the row still finds it.
- `TextCommand`: typing; consecutive keystrokes into one field merge (`mergeWith`) until a pause
  of BURST_SECONDS, and are staged rather than written one by one.

A command is performed once by `LibrarySession.push` (`apply_first`, errors reach the caller) and
afterwards only by the undo stack (`undo`/`redo`, errors go to `session.report`). Each carries the
`location` of the page that made it, where the window goes to show an undone or redone step.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import (
    ActionItem,
    CriterionStatus,
    Inspection,
    InspectionStatus,
    Inspector,
    ParticipantGroup,
    SharedVersion,
    SummaryItem,
    SummaryKind,
)
from spurdesk.model.material import MaterialItem

if TYPE_CHECKING:
    from spurdesk.library import Library, TextKey
    from spurdesk.ui.session import LibrarySession

#: A pause longer than this ends a typing burst: the next keystroke starts a new undo step.
BURST_SECONDS = 2.0

_TEXT_COMMAND_ID = 1001
_VERB_COMMAND_ID = 1002

V = TypeVar("V")
Row = TypeVar("Row", "SummaryItem", "ActionItem", "KeptMaterial")


class ServiceCommand(QUndoCommand):
    """An edit expressed as a forward and a backward service call."""

    def __init__(self, session: LibrarySession, inspection_id: int, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.inspection_id = inspection_id
        #: Where the edit is seen (the inspection window's page key), set by the page pushing it.
        self.location: Hashable | None = None
        self._performed = False

    def forward(self, library: Library) -> None:
        raise NotImplementedError

    def backward(self, library: Library) -> None:
        raise NotImplementedError

    def apply_first(self) -> None:
        self.session.perform(self.inspection_id, self.forward)
        self._performed = True

    def push_applied(self) -> None:
        """Put the edit, already made (by a background task), on its inspection's stack as one
        step; the push does not make it again."""
        self._performed = True
        self.session.undo_stack(self.inspection_id).push(self)

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


# one verb, two values ------------------------------------------------------------------------


class VerbCommand(ServiceCommand, Generic[V]):
    """`verb(library, new)`, undone by `verb(library, old)`.

    Commands with the same `merge_key` pushed within BURST_SECONDS of each other fold into one
    step (a metadata field typed letter by letter), which is obsolete once it changes nothing.
    """

    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        text: str,
        verb: Callable[[Library, V], None],
        old: V,
        new: V,
        *,
        merge_key: Hashable | None = None,
    ) -> None:
        super().__init__(session, inspection_id, text)
        self.verb = verb
        self.old = old
        self.new = new
        self.merge_key = merge_key
        self._at = time.monotonic()

    def id(self) -> int:
        return -1 if self.merge_key is None else _VERB_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, VerbCommand) or other.merge_key != self.merge_key:
            return False
        if other._at - self._at > BURST_SECONDS:
            return False
        self.new = other.new
        self._at = other._at
        self.setObsolete(self.new == self.old)
        return True

    def forward(self, library: Library) -> None:
        self.verb(library, self.new)

    def backward(self, library: Library) -> None:
        self.verb(library, self.old)


def set_criterion_status_command(
    session: LibrarySession,
    inspection_id: int,
    criterion_id: str,
    old: CriterionStatus,
    new: CriterionStatus,
) -> VerbCommand[CriterionStatus]:
    """The status alone: the criterion's note (perhaps still being typed) is left as it is."""

    def verb(library: Library, status: CriterionStatus) -> None:
        library.set_criterion_status(inspection_id, criterion_id, status)

    text = QCoreApplication.translate("commands", "Status för %1").replace("%1", criterion_id)
    return VerbCommand(session, inspection_id, text, verb, old, new)


GradeChoice = tuple[Grade | None, str]  # (grade, justification)


def set_grade_command(
    session: LibrarySession,
    inspection_id: int,
    section_id: str,
    old: GradeChoice,
    new: GradeChoice,
) -> VerbCommand[GradeChoice]:
    def verb(library: Library, choice: GradeChoice) -> None:
        library.set_grade(inspection_id, section_id, *choice)

    text = QCoreApplication.translate("commands", "Gradering av %1").replace("%1", section_id)
    return VerbCommand(session, inspection_id, text, verb, old, new)


Revision = tuple[Grade | None, date | None, str]  # (revised grade, date, reason)


def revise_grade_command(
    session: LibrarySession,
    inspection_id: int,
    section_id: str,
    old: Revision,
    new: Revision,
) -> VerbCommand[Revision]:
    def verb(library: Library, revision: Revision) -> None:
        library.revise_grade(inspection_id, section_id, *revision)

    text = QCoreApplication.translate("commands", "Ändrad gradering av %1").replace(
        "%1", section_id
    )
    return VerbCommand(session, inspection_id, text, verb, old, new)


def move_summary_item_command(
    session: LibrarySession, inspection_id: int, item_id: int, old: int, new: int
) -> VerbCommand[int]:
    def verb(library: Library, position: int) -> None:
        library.move_summary_item(item_id, position)

    return VerbCommand(
        session,
        inspection_id,
        QCoreApplication.translate("commands", "Flytta punkt"),
        verb,
        old,
        new,
    )


def edit_action_item_command(
    session: LibrarySession,
    inspection_id: int,
    item_id: int,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
) -> VerbCommand[dict[str, Any]]:
    """A non-typed change of action-plan fields: status, section, a date from the picker."""

    def verb(library: Library, fields: dict[str, Any]) -> None:
        library.update_action_item(item_id, **fields)

    text = QCoreApplication.translate("commands", "Ändra rad i handlingsplanen")
    return VerbCommand(session, inspection_id, text, verb, dict(old), dict(new))


def update_inspection_command(
    session: LibrarySession,
    inspection_id: int,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
) -> VerbCommand[dict[str, Any]]:
    """Metadata fields (unit, site, care_provider, specialty, dates); edits of the same fields in
    one burst merge into one step."""

    def verb(library: Library, fields: dict[str, Any]) -> None:
        library.update_inspection(inspection_id, **fields)

    text = QCoreApplication.translate("commands", "Ändra uppgifter om granskningen")
    merge_key = ("metadata", inspection_id, frozenset(new))
    return VerbCommand(
        session, inspection_id, text, verb, dict(old), dict(new), merge_key=merge_key
    )


def set_inspectors_command(
    session: LibrarySession,
    inspection_id: int,
    old: Sequence[Inspector],
    new: Sequence[Inspector],
) -> VerbCommand[tuple[Inspector, ...]]:
    def verb(library: Library, inspectors: tuple[Inspector, ...]) -> None:
        library.set_inspectors(inspection_id, inspectors)

    text = QCoreApplication.translate("commands", "Ändra inspektörer")
    return VerbCommand(session, inspection_id, text, verb, tuple(old), tuple(new))


def set_participants_command(
    session: LibrarySession,
    inspection_id: int,
    old: Sequence[ParticipantGroup],
    new: Sequence[ParticipantGroup],
) -> VerbCommand[tuple[ParticipantGroup, ...]]:
    def verb(library: Library, groups: tuple[ParticipantGroup, ...]) -> None:
        library.set_participants(inspection_id, groups)

    text = QCoreApplication.translate("commands", "Ändra intervjuade grupper")
    return VerbCommand(session, inspection_id, text, verb, tuple(old), tuple(new))


def set_status_command(
    session: LibrarySession,
    inspection_id: int,
    old: InspectionStatus,
    new: InspectionStatus,
) -> VerbCommand[InspectionStatus]:
    """A status change the life cycle lets go back (e.g. sakgranskning → utkast).

    One-way transitions are not undoable; the overview page makes them with `session.call`.
    """

    def verb(library: Library, status: InspectionStatus) -> None:
        library.set_status(inspection_id, status)

    return VerbCommand(
        session,
        inspection_id,
        QCoreApplication.translate("commands", "Ändra status"),
        verb,
        old,
        new,
    )


def assign_section_command(
    session: LibrarySession,
    inspection_id: int,
    section_id: str,
    old: str | None,
    new: str | None,
) -> VerbCommand[str | None]:
    """Who writes the section ("Skrivs av"): an inspector's uid, or None."""

    def verb(library: Library, inspector_uid: str | None) -> None:
        library.assign_section(inspection_id, section_id, inspector_uid)

    text = QCoreApplication.translate("commands", "Tilldela avsnitt %1").replace("%1", section_id)
    return VerbCommand(session, inspection_id, text, verb, old, new)


@dataclass(frozen=True)
class MergeState:
    """One side of a merge with the co-inspector's copy: the inspection's whole content, the
    audit line, and the shared version remembered (redo) or forgotten (undo)."""

    record: Inspection
    detail: str
    received: SharedVersion | None = None
    forget: str | tuple[str, ...] | None = None


def merge_copy_command(
    session: LibrarySession,
    inspection_id: int,
    before: Inspection,
    merged: Inspection,
    version: SharedVersion,
    detail: str,
    also_forget: tuple[str, ...] = (),
) -> VerbCommand[MergeState]:
    """A received copy merged as one step. Undo puts back the content `before` and forgets the
    copy's version (and `also_forget`: the office's state a sync remembered with it), so that
    the same copy can be merged again later and loses nothing."""

    def verb(library: Library, state: MergeState) -> None:
        library.apply_merged(
            inspection_id,
            state.record,
            detail=state.detail,
            received=state.received,
            forget=state.forget,
        )

    undone = f"Sammanslagningen med kopian från {version.peer} ångrades."  # the audit trail's
    text = QCoreApplication.translate("commands", "Sammanslagning med kopia från %1").replace(
        "%1", version.peer
    )
    return VerbCommand(
        session,
        inspection_id,
        text,
        verb,
        MergeState(before, undone, forget=(version.digest, *also_forget)),
        MergeState(merged, detail, received=version),
    )


# rows that come and go -------------------------------------------------------------------------


def _as_is(_library: Library, row: Row) -> Row:
    return row


@dataclass(frozen=True)
class RowKind(Generic[Row]):
    """How the library reads, removes and restores one kind of ordered row; `keep` completes a
    row about to be removed with what its record lacks (a material item's file)."""

    read: Callable[[Inspection], Sequence[Row]]
    remove: Callable[[Library, int], None]
    restore: Callable[[Library, int, Row], None]
    keep: Callable[[Library, Row], Row] = field(default=_as_is)


SUMMARY_ROWS: RowKind[SummaryItem] = RowKind(
    read=lambda inspection: inspection.summary,
    remove=lambda library, item_id: library.remove_summary_item(item_id),
    restore=lambda library, inspection_id, item: library.restore_summary_item(inspection_id, item),
)
ACTION_ROWS: RowKind[ActionItem] = RowKind(
    read=lambda inspection: inspection.action_items,
    remove=lambda library, item_id: library.remove_action_item(item_id),
    restore=lambda library, inspection_id, item: library.restore_action_item(inspection_id, item),
)


@dataclass(frozen=True)
class KeptMaterial:
    """A material item as a row of the undo stack, with its file's bytes once it is removed
    (records carry no bytes, so a removal's undo must keep them)."""

    item: MaterialItem
    data: bytes | None = None

    @property
    def id(self) -> int:
        return self.item.id

    @property
    def position(self) -> int:
        return self.item.position


def _keep_file(library: Library, row: KeptMaterial) -> KeptMaterial:
    if row.item.attachment is None:
        return row
    return KeptMaterial(row.item, library.material_file(row.item.id))


MATERIAL_ROWS: RowKind[KeptMaterial] = RowKind(
    read=lambda inspection: [KeptMaterial(item) for item in inspection.material],
    remove=lambda library, item_id: library.remove_material_item(item_id),
    restore=lambda library, inspection_id, row: library.restore_material_item(
        inspection_id, row.item, row.data
    ),
    keep=_keep_file,
)


class RowsCommand(ServiceCommand, Generic[Row]):
    """Rows added (first by `create`, on redo restored as they were) or removed (restored on
    undo). Rows are saved as they stand just before they go, so text typed into a row between
    adding and undoing comes back with it."""

    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        text: str,
        rows: RowKind[Row],
        *,
        create: Callable[[Library], Sequence[int]] | None = None,
        removed: Sequence[Row] = (),
    ) -> None:
        super().__init__(session, inspection_id, text)
        self.rows = rows
        self._create = create
        self.item_ids: list[int] = [item.id for item in removed]
        self._saved: list[Row] = []

    @property
    def item_id(self) -> int | None:
        """The one row added or removed (the first, for several)."""
        return self.item_ids[0] if self.item_ids else None

    def forward(self, library: Library) -> None:
        if self._create is None:
            self._take_away(library)
        elif self._saved:
            self._put_back(library)
        elif not self.item_ids:
            self.item_ids = list(self._create(library))

    def backward(self, library: Library) -> None:
        if self._create is None:
            self._put_back(library)
        else:
            self._take_away(library)

    def _take_away(self, library: Library) -> None:
        current = {
            row.id: row for row in self.rows.read(library.get_inspection(self.inspection_id))
        }
        self._saved = [
            self.rows.keep(library, current[item_id])
            for item_id in self.item_ids
            if item_id in current
        ]
        with library.batch():
            for row in self._saved:
                self.rows.remove(library, row.id)

    def _put_back(self, library: Library) -> None:
        with library.batch():
            for row in sorted(self._saved, key=lambda saved: saved.position):
                self.rows.restore(library, self.inspection_id, row)


def add_summary_item_command(
    session: LibrarySession,
    inspection_id: int,
    kind: SummaryKind,
    text: str,
    position: int | None = None,
) -> RowsCommand[SummaryItem]:
    def create(library: Library) -> list[int]:
        return [library.add_summary_item(inspection_id, kind, text, position)]

    label = QCoreApplication.translate("commands", "Ny punkt under %1").replace("%1", kind.heading)
    return RowsCommand(session, inspection_id, label, SUMMARY_ROWS, create=create)


def remove_summary_item_command(
    session: LibrarySession, inspection_id: int, item: SummaryItem
) -> RowsCommand[SummaryItem]:
    return RowsCommand(
        session,
        inspection_id,
        QCoreApplication.translate("commands", "Ta bort punkt"),
        SUMMARY_ROWS,
        removed=(item,),
    )


def add_action_item_command(
    session: LibrarySession, inspection_id: int, fields: Mapping[str, Any]
) -> RowsCommand[ActionItem]:
    def create(library: Library) -> list[int]:
        return [library.add_action_item(inspection_id, **fields)]

    label = QCoreApplication.translate("commands", "Ny rad i handlingsplanen")
    return RowsCommand(session, inspection_id, label, ACTION_ROWS, create=create)


def remove_action_item_command(
    session: LibrarySession, inspection_id: int, item: ActionItem
) -> RowsCommand[ActionItem]:
    label = QCoreApplication.translate("commands", "Ta bort rad i handlingsplanen")
    return RowsCommand(session, inspection_id, label, ACTION_ROWS, removed=(item,))


def sync_action_items_command(
    session: LibrarySession, inspection_id: int
) -> RowsCommand[ActionItem]:
    """Rows for every deficiency lacking one; undo removes exactly the rows it added."""

    def create(library: Library) -> list[int]:
        return library.sync_action_items(inspection_id)

    label = QCoreApplication.translate("commands", "Skapa rader från brister")
    return RowsCommand(session, inspection_id, label, ACTION_ROWS, create=create)


def add_material_item_command(
    session: LibrarySession, inspection_id: int, title: str, position: int | None = None
) -> RowsCommand[KeptMaterial]:
    def create(library: Library) -> list[int]:
        return [library.add_material_item(inspection_id, title, position=position)]

    label = QCoreApplication.translate("commands", "Nytt underlag")
    return RowsCommand(session, inspection_id, label, MATERIAL_ROWS, create=create)


def request_material_command(
    session: LibrarySession, inspection_id: int, on: date | None
) -> RowsCommand[KeptMaterial]:
    """The checklist's items the inspection lacks; undo removes exactly those."""

    def create(library: Library) -> list[int]:
        return library.request_standard_material(inspection_id, on=on)

    label = QCoreApplication.translate("commands", "Begär underlag enligt listan")
    return RowsCommand(session, inspection_id, label, MATERIAL_ROWS, create=create)


def remove_material_item_command(
    session: LibrarySession, inspection_id: int, item: MaterialItem
) -> RowsCommand[KeptMaterial]:
    label = QCoreApplication.translate("commands", "Ta bort underlag")
    return RowsCommand(session, inspection_id, label, MATERIAL_ROWS, removed=(KeptMaterial(item),))


def edit_material_item_command(
    session: LibrarySession,
    inspection_id: int,
    item_id: int,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
) -> VerbCommand[dict[str, Any]]:
    """Fields of a material item: title, dates, note, criteria."""

    def verb(library: Library, fields: dict[str, Any]) -> None:
        library.update_material_item(item_id, **fields)

    text = QCoreApplication.translate("commands", "Ändra underlag")
    return VerbCommand(session, inspection_id, text, verb, dict(old), dict(new))


StoredFile = tuple[str, bytes]  # (name as shown, content)


class MaterialFileCommand(ServiceCommand):
    """A material item's file attached from disk, replaced or removed. The first attach reads
    and checks the file through the library; redo stores the bytes it read then, so the step
    stays the same even when the file on disk has changed or gone."""

    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        item_id: int,
        old: StoredFile | None,
        new: Path | None,
    ) -> None:
        text = (
            QCoreApplication.translate("commands", "Bifoga fil")
            if new is not None
            else QCoreApplication.translate("commands", "Ta bort fil")
        )
        super().__init__(session, inspection_id, text)
        self.item_id = item_id
        self.old = old
        self.source = new
        self._stored: StoredFile | None = None

    def _put(self, library: Library, stored: StoredFile | None) -> None:
        if stored is None:
            library.remove_material_file(self.item_id)
        else:
            library.set_material_file(self.item_id, *stored)

    def forward(self, library: Library) -> None:
        if self.source is not None and self._stored is None:
            attachment = library.attach_material_file(self.item_id, self.source)
            self._stored = (attachment.name, library.material_file(self.item_id))
            return
        self._put(library, self._stored)

    def backward(self, library: Library) -> None:
        self._put(library, self.old)


# typing ------------------------------------------------------------------------------------


class TextCommand(QUndoCommand):
    """Typed text for one staging key (findings, criterion note, justification, summary item,
    action-plan cell); a burst of keystrokes is one undo step."""

    def __init__(
        self,
        session: LibrarySession,
        inspection_id: int,
        key: TextKey,
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
        self.location: Hashable | None = None
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
