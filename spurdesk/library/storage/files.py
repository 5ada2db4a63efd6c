"""Where a library lives and how its files are created: private to the user, flushed to disk.

Inspection reports hold personal judgements about named units and people, so every file the
library creates (database, backups, lock) is readable by its owner only (0600, folders 0700).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from platformdirs import user_data_path

from spurdesk.userfiles import FILE_MODE, create_private, private_folder

__all__ = ["FILE_MODE"]  # the lock file's mode, from the one rule in spurdesk.userfiles

#: Overrides the default library location (a path or an SQLAlchemy URL).
LIBRARY_ENV = "SPURDESK_LIBRARY"


#: The first 16 bytes of every SQLite 3 database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def default_library_path() -> Path:
    """The user's library: $SPURDESK_LIBRARY if set, else library.sqlite in the data folder."""
    override = os.environ.get(LIBRARY_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return user_data_path("spurdesk", appauthor=False) / "library.sqlite"


def is_url(location: str | Path) -> bool:
    """True for an SQLAlchemy URL ("postgresql://…", "sqlite:///…"), False for a plain path."""
    return isinstance(location, str) and "://" in location


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and missing parents) so that a folder we create is 0700; an existing
    folder (the user's own choice of place) is left as it is."""
    if not folder.is_dir():
        private_folder(folder)


def os_error_advice(error: OSError) -> str:
    """What to do about a failed file operation, by its cause (a full disk is not a permission
    problem, and a read-only folder is not a full disk)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "Disken är full. Frigör utrymme och försök igen."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "Du får inte skriva där. Välj en annan mapp eller be om skrivrätt."
    return "Kontrollera disken och försök igen."


def create_private_file(path: Path) -> None:
    """Create an empty file readable by the owner only; an existing file is left as it is.

    Created before SQLite opens it, so the database (and its -wal/-shm files, which SQLite gives
    the database file's permissions) never exists with the umask's wider default.
    """
    create_private(path)


def has_sqlite_header(path: Path) -> bool:
    """True when the file starts like an SQLite 3 database, or is empty (a fresh library)."""
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head == b"" or head == SQLITE_HEADER


def sidecar_files(path: Path) -> tuple[Path, Path]:
    """SQLite's write-ahead log and shared-memory index beside a database file."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def wal_has_frames(path: Path) -> bool:
    """True when SQLite's write-ahead log beside `path` holds anything not yet in the file."""
    try:
        return sidecar_files(path)[0].stat().st_size > 0
    except OSError:
        return False
