"""One writer per library: a lock file beside it holding the owner's PID, guarded by an OS lock.

The OS lock (flock on POSIX, msvcrt on Windows) is released by the kernel when its process dies,
so a lock file left behind by a crashed or killed spurdesk is stale by construction and simply
taken over; the PID inside only serves to tell the user which process holds the library.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

from spurdesk.library.errors import LibraryLockedError
from spurdesk.library.storage.files import FILE_MODE

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # Lock one byte far beyond the PID text: on Windows locked bytes cannot be read by others.
    _LOCK_OFFSET = 1 << 30

    def _try_lock(descriptor: int) -> bool:
        os.lseek(descriptor, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def lock_path_for(library: Path) -> Path:
    return library.with_name(library.name + ".lock")


def read_lock_owner(lock_file: Path) -> int | None:
    """The PID written in a lock file, or None when it is missing or unreadable."""
    try:
        first = lock_file.read_text(encoding="utf-8").split()
    except OSError:
        return None
    return int(first[0]) if first and first[0].isdigit() else None


class LibraryLock:
    """Held while a library is open for writing; `release()` (or process death) frees it."""

    def __init__(self, library: Path) -> None:
        self.library = library
        self.path = lock_path_for(library)
        self._descriptor: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise `LibraryLockedError` naming the process that holds it."""
        while True:
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            if not _try_lock(descriptor):
                os.close(descriptor)
                raise self._locked_error()
            # A holder may have unlinked the file between our open and our lock: then we locked
            # an orphan and must retry on the file that is there now.
            try:
                same = os.path.samestat(os.fstat(descriptor), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(descriptor)
        self._descriptor = descriptor
        try:
            os.chmod(self.path, FILE_MODE)
            os.ftruncate(descriptor, 0)
            os.lseek(descriptor, 0, os.SEEK_SET)
            os.write(descriptor, f"{os.getpid()} {socket.gethostname()}\n".encode())
            os.fsync(descriptor)
        except OSError:
            # A full disk cannot take the PID: let go of the lock and its file again, so that
            # nothing stays open or behind (the caller says why it failed).
            self.release()
            raise

    def release(self) -> None:
        if self._descriptor is None:
            return
        # On POSIX unlink while still holding the lock, so nobody can lock the file we remove;
        # Windows cannot unlink an open file, so there it goes after closing, when still free.
        if os.name == "posix":
            self.path.unlink(missing_ok=True)
        os.close(self._descriptor)
        self._descriptor = None
        if os.name != "posix":  # pragma: no cover - Windows only
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)

    def _locked_error(self) -> LibraryLockedError:
        pid = read_lock_owner(self.path)
        holder = f"process {pid}" if pid is not None else "ett annat program"
        return LibraryLockedError(
            f"Biblioteket {self.library} är redan öppet i spurdesk ({holder}). "
            "Stäng det andra fönstret, eller öppna biblioteket skrivskyddat.",
            path=self.library,
            pid=pid,
        )
