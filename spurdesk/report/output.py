"""Writing a finished report to disk: all or nothing, with a message the user can act on."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from spurdesk.errors import SpurdeskError

#: Called as progress(done, total) while a report is written; total stays the same throughout.
Progress = Callable[[int, int], None]


class ReportError(SpurdeskError):
    """A report could not be written (folder missing, file open elsewhere, template damaged)."""


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; move it into place only if the block succeeds.

    A report open in Word, a full disk or a missing folder never leaves a half-written file
    behind, and an existing report is only replaced by a complete one.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(
            f"Mappen {folder} finns inte. Välj en befintlig mapp att spara rapporten i."
        )
    try:
        handle, temporary = tempfile.mkstemp(prefix=".spurdesk-", suffix=path.suffix, dir=folder)
    except OSError as error:
        raise _cannot_save(path, error) from error
    os.close(handle)
    temp_path = Path(temporary)
    try:
        yield temp_path
        os.chmod(temp_path, _file_mode(path))
        os.replace(temp_path, path)
    except OSError as error:
        raise _cannot_save(path, error) from error
    finally:
        temp_path.unlink(missing_ok=True)


def _file_mode(path: Path) -> int:
    """The mode a new file gets (mkstemp makes it private), or the replaced file's mode."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _cannot_save(path: Path, error: OSError) -> ReportError:
    return ReportError(
        f"Rapporten kunde inte sparas som {path}: {error.strerror or error}. "
        "Kontrollera att filen inte är öppen i ett annat program och att du får skriva i mappen."
    )
