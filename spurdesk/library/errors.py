"""The errors a library raises. Each message names the file and says what the user can do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spurdesk.errors import SpurdeskError

if TYPE_CHECKING:
    from spurdesk.library.text_keys import TextKey


class LibraryError(SpurdeskError):
    """A library could not be opened, or a command on it was refused; nothing was written."""


class NewerLibraryVersionError(LibraryError):
    """The library was made by a newer spurdesk (an unknown schema revision); left untouched."""


class CorruptLibraryError(LibraryError):
    """The file is not a readable SQLite database, or fails its integrity check."""

    def __init__(self, message: str, *, path: Path, newest_backup: Path | None) -> None:
        super().__init__(message)
        self.path = path
        self.newest_backup = newest_backup


class LibraryLockedError(LibraryError):
    """Another running spurdesk holds the library; it may be opened read-only meanwhile."""

    def __init__(self, message: str, *, path: Path, pid: int | None) -> None:
        super().__init__(message)
        self.path = path
        self.pid = pid


class ReadOnlyLibraryError(LibraryError):
    """A change was asked of a library opened read-only."""


class ReadOnlyPlaceError(LibraryError):
    """The library file, or the folder it lies in, cannot be written (a read-only share, medium
    or file). It can be opened read-only, or copied to a writable place; nothing was changed.

    `folder` is True when the folder is what cannot be written (SQLite needs to create its
    -wal and -shm files there), False when it is the file itself.
    """

    def __init__(self, message: str, *, path: Path, folder: bool) -> None:
        super().__init__(message)
        self.path = path
        self.folder = folder


class LibraryNotFoundError(LibraryError):
    """No library exists at the path and the caller asked not to create one."""

    def __init__(self, message: str, *, path: Path) -> None:
        super().__init__(message)
        self.path = path


_FIELD_LABELS = {
    "findings": "iakttagelserna",
    "justification": "motiveringen av graderingen",
    "grade": "graderingen",
    "revised_grade": "den ändrade graderingen",
    "note": "anteckningen",
    "status": "statusen",
    "text": "texten",
    "title": "underlagets benämning",
    "requested_on": "datumet då underlaget begärdes",
    "received_on": "datumet då underlaget kom in",
    "criteria": "kriterierna underlaget belyser",
    "file_sha256": "underlagets fil",
}


@dataclass(frozen=True)
class EditConflict:
    """One field someone else changed after this library last read it; not written."""

    table: str
    ref: tuple[Any, ...]  # the row: (table, id) or (table, inspection id, section/criterion)
    field: str
    inspection_id: int
    mine: Any
    theirs: Any
    key: TextKey | None = None  # set for staged editor text, so the UI can re-stage or drop it

    @property
    def what(self) -> str:
        target = f" i {self.ref[2]}" if len(self.ref) == 3 else ""
        return f"{_FIELD_LABELS.get(self.field, self.field)}{target}"


class ConcurrentEditError(LibraryError):
    """Someone else saved the same field meanwhile; those fields were not written (any others of
    the same command were, for staged text) and `conflicts` holds both values of each."""

    def __init__(self, conflicts: list[EditConflict]) -> None:
        listed = ", ".join(conflict.what for conflict in conflicts)
        super().__init__(
            f"Någon annan sparade {listed} medan du arbetade. Din ändring av det sparades inte, "
            "så att ingen ändring skrivs över. Jämför texterna och välj vilken som ska gälla."
        )
        self.conflicts = conflicts
