"""The user's own spurdesk folders and the files spurdesk keeps there: readable by the user alone.

Logs and crash reports quote units, people and paths (a traceback names the library and what was
being done); the settings name recent libraries and inspections. Like the library and its backups
they are the user's alone: spurdesk's data, log and settings folders are 0700 (tightened when an
older version left them 0755) and every file spurdesk writes into them is 0600, created so from
the start, never widened afterwards. Exports (reports, action plans, packages and forms) follow
the same rule through `spurdesk.atomic`. On Windows the user's profile folders are already the
user's own; the modes below are POSIX's.

Qt-free, and light enough for the frozen app's launcher to use before anything else loads.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging

FILE_MODE = 0o600
DIR_MODE = 0o700
APP = "spurdesk"


def private_folder(folder: Path) -> Path:
    """`folder` exists and is the user's alone (created 0700, or tightened to 0700)."""
    folder = Path(folder)
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix" and folder.stat().st_mode & 0o077:
        with contextlib.suppress(OSError):  # not ours to change (a shared folder): leave it
            os.chmod(folder, DIR_MODE)
    return folder


def create_private(path: Path) -> bool:
    """Create `path` empty and 0600 (never with the umask's wider mode, not even for a moment);
    an existing file is left as it is. True when it was created."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(descriptor)
    os.chmod(path, FILE_MODE)  # a umask wider than 077 cannot have widened it, but be exact
    return True


def private_file(path: Path) -> Path:
    """`path` exists and is readable by the user alone: created 0600, or narrowed to 0600."""
    path = Path(path)
    create_private(path)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        os.chmod(path, FILE_MODE)
    return path


def open_private(path: Path, mode: str = "a", **options: object) -> object:
    """`open(path, mode)` for a file that must be the user's alone."""
    private_file(path)
    return open(path, mode, **options)  # type: ignore[call-overload]


def log_folder() -> Path:
    """The user log folder (crash reports, the log, the windowed build's output), private."""
    from platformdirs import user_log_path

    return private_folder(user_log_path(APP, appauthor=False))


def private_user_folders() -> None:
    """Tighten spurdesk's own data, log and settings folders (where they exist) to 0700."""
    from platformdirs import user_config_path, user_data_path, user_log_path

    for folder in (
        user_data_path(APP, appauthor=False),
        user_log_path(APP, appauthor=False),
        user_config_path(APP),
    ):
        if folder.is_dir():
            private_folder(folder)


def private_rotating_log(path: Path, **options: object) -> logging.Handler:
    """A rotating log handler whose every file (the current one and each rolled over) is 0600.
    (logging.handlers is imported here, not with this module: the start does not need it.)"""
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]
            private_file(Path(self.baseFilename))
            return super()._open()

    return PrivateRotatingFileHandler(path, **options)  # type: ignore[arg-type]
