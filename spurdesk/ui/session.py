"""The UI's one door to the library: undo stacks, autosave and change signals.

Every change a window makes goes through a `LibrarySession` — undoable edits as QUndoCommands
(`push`), the rest as plain service calls (`call`), typing as staged text (`stage_text`) that a
debounce timer writes within a second. Views never write to each other; they re-read the library
when `inspectionChanged` / `inspectionsChanged` fire (the Anki "operation" habit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from spurdesk.errors import SpurdeskError
from spurdesk.library.errors import ConcurrentEditError

if TYPE_CHECKING:
    from spurdesk.library import EditConflict, Library, TextKey

T = TypeVar("T")

#: Quiet time after the last keystroke before staged text is written.
DEBOUNCE_MS = 400
#: Upper bound between the first unsaved keystroke and the write, even while typing goes on.
MAX_LATENCY_MS = 900


class SessionCommand(Protocol):
    """What `LibrarySession.push` needs of a command (see spurdesk.ui.undo)."""

    def apply_first(self) -> None: ...


class LibrarySession(QObject):
    """One open library; every UI change goes through here so views refresh from signals."""

    inspectionChanged = Signal(int)  # any change of one inspection (edit, undo, redo)
    inspectionsChanged = Signal()  # list-level change: created, deleted, restored, duplicated
    saved = Signal(object)  # datetime of the last durable write → status bar "Sparat hh:mm:ss"
    errorOccurred = Signal(object)  # a SpurdeskError raised during undo, redo or autosave
    #: On the office server: typed text someone else changed meanwhile was not written
    #: (a ConcurrentEditError); the window asks which version stands and calls `resolve`.
    conflictOccurred = Signal(object)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._stacks: dict[int, QUndoStack] = {}
        self._staged_inspections: set[int] = set()
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.flush)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_LATENCY_MS)
        self._deadline.timeout.connect(self.flush)
        self._closed = False

    @property
    def library(self) -> Library:
        return self._library

    # undo ----------------------------------------------------------------------------------

    def undo_stack(self, inspection_id: int) -> QUndoStack:
        """The inspection's own stack: undo in one window never touches another inspection."""
        stack = self._stacks.get(inspection_id)
        if stack is None:
            stack = QUndoStack(self)
            self._stacks[inspection_id] = stack
        return stack

    def push(self, inspection_id: int, command: QUndoCommand) -> None:
        """Perform an undoable edit now and put it on the inspection's stack.

        The command runs before it is pushed so a refused edit (SpurdeskError) propagates to the
        caller and leaves neither the library nor the stack changed.
        """
        cast_command: SessionCommand = command  # type: ignore[assignment]
        with self._refreshed_on_conflict(inspection_id):
            cast_command.apply_first()
        self.undo_stack(inspection_id).push(command)

    @contextmanager
    def _refreshed_on_conflict(self, inspection_id: int | None) -> Iterator[None]:
        """A command refused because someone else changed the same field: the views re-read
        the inspection, so the user sees (and the library remembers seeing) the other value."""
        try:
            yield
        except ConcurrentEditError:
            if inspection_id is not None:
                self.inspectionChanged.emit(inspection_id)
            raise

    # service calls -------------------------------------------------------------------------

    def call(self, inspection_id: int | None, action: Callable[[Library], T]) -> T:
        """A non-undoable service call (create, delete, status…): run it, then tell the views.

        A SpurdeskError propagates to the caller, which shows it with show_error().
        """
        result = self.perform(inspection_id, action)
        self.inspectionsChanged.emit()
        return result

    def perform(self, inspection_id: int | None, action: Callable[[Library], T]) -> T:
        """Write staged text first (so views never read older text), run `action`, signal."""
        self.flush()
        with self._refreshed_on_conflict(inspection_id):
            result = action(self._library)
        self.saved.emit(datetime.now())
        if inspection_id is not None:
            self.inspectionChanged.emit(inspection_id)
        return result

    # typing --------------------------------------------------------------------------------

    def stage_text(self, inspection_id: int, key: TextKey, text: str) -> None:
        """Keep typed text in the library's staging area; written within MAX_LATENCY_MS."""
        self._library.stage_text(key, text)
        self._staged_inspections.add(inspection_id)
        self._debounce.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> None:
        """Write every staged text in one transaction and tell the views what changed."""
        self._debounce.stop()
        self._deadline.stop()
        if self._closed or not self._staged_inspections:
            return
        try:
            self._library.flush()
        except ConcurrentEditError:
            pass  # the other texts were written; the conflicting ones are taken below
        except SpurdeskError as error:
            # The text stays staged: the next flush retries, nothing typed is dropped.
            self.errorOccurred.emit(error)
            return
        # Also those a read's own flush met before this one: they wait for the user's choice.
        if conflicts := self._library.take_conflicts():
            self.conflictOccurred.emit(ConcurrentEditError(conflicts))
        changed, self._staged_inspections = self._staged_inspections, set()
        self.saved.emit(datetime.now())
        for inspection_id in sorted(changed):
            self.inspectionChanged.emit(inspection_id)

    @property
    def has_unsaved_text(self) -> bool:
        return bool(self._staged_inspections)

    def close(self) -> None:
        """Flush, then close the library; the session is unusable afterwards."""
        if self._closed:
            return
        self.flush()
        self._closed = True
        for stack in self._stacks.values():
            stack.clear()
        self._library.close()

    def resolve(self, conflict: EditConflict, keep_mine: bool) -> None:
        """The user's choice after a conflict: write their text now, or let the other stand."""
        if keep_mine:
            self._library.keep_mine(conflict)
        else:
            self._library.take_theirs(conflict)
        self.saved.emit(datetime.now())
        self.inspectionChanged.emit(conflict.inspection_id)

    def report(self, error: SpurdeskError) -> None:
        """Hand an error raised inside undo/redo to whoever shows dialogs."""
        self.errorOccurred.emit(error)
