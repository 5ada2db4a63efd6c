"""The errors a library raises. Each message names the file and says what the user can do."""

from __future__ import annotations

from pathlib import Path

from spurdesk.errors import SpurdeskError


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
