"""All-or-nothing file writing, shared by reports and exchange packages (no Qt).

A report open in Word, a full disk, a crash or a power cut must never leave a half-written file
where the old one was. So the new content goes to a temporary file in the target's own folder
(the final os.replace is then a rename within one file system), is fsynced, replaces the target,
and the folder is fsynced so that the rename itself survives. Any failure removes the temporary
file and leaves the old file as it was.

OS errors come out as `AtomicWriteError`, saying whether the folder refused the temporary file or
the writing failed, so that reports and the exchange can each word the message for their users.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Literal

from spurdesk.errors import SpurdeskError
from spurdesk.userfiles import FILE_MODE

#: "folder": no temporary file could be made beside the target; "file": writing or replacing it
#: failed.
Stage = Literal["folder", "file"]

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


class AtomicWriteError(SpurdeskError):
    """Writing `path` failed with `error`; the old file, if any, is untouched.

    Callers catch it to word their own message; the generic one here is a fallback.
    """

    def __init__(self, path: Path, stage: Stage, error: OSError) -> None:
        super().__init__(f"{path}: filen kunde inte sparas ({error.strerror or error}).")
        self.path = path
        self.stage = stage
        self.error = error


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; it replaces `path` only if the block succeeds.

    For writers that want a file name (python-docx, reportlab). One rule for every file spurdesk
    exports (reports, action plans, follow-up lists, packages, forms): it is the user's alone,
    0600, whether new or replacing a file that was readable by others — they hold judgements
    about named units and people. Sharing one is a deliberate act (sending or copying it).
    """
    target = Path(path)
    try:
        temporary = _new_temporary(target.parent)
    except OSError as error:
        raise AtomicWriteError(target, "folder", error) from error
    try:
        yield temporary
        fsync_file(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise AtomicWriteError(target, "file", error) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    # The file is in place: a folder that cannot be synced (some network shares) must not turn
    # a saved file into an error.
    with contextlib.suppress(OSError):
        fsync_folder(target.parent)


def write_atomically(path: str | Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call `write` with a binary stream whose content replaces `path` once complete."""
    with replacing(path) as temporary, open(temporary, "wb") as stream:
        write(stream)
    return Path(path)


def fsync_file(path: Path) -> None:
    """Push the file's content to the disk (opened for writing: Windows insists)."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; a no-op where folders cannot be opened (Windows)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _new_temporary(folder: Path) -> Path:
    """A new empty file in `folder`, the user's alone (0600) from the start."""
    for _attempt in range(10):
        candidate = folder / f".spurdesk-{secrets.token_hex(6)}.tmp"
        try:
            os.close(os.open(candidate, _CREATE, FILE_MODE))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"no free temporary file name in {folder}")
