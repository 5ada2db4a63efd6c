"""Writing a finished report to disk: all or nothing, with a message the user can act on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from spurdesk.atomic import AtomicWriteError, replacing
from spurdesk.errors import SpurdeskError

#: Called as progress(done, total) while a report is written; total stays the same throughout.
Progress = Callable[[int, int], None]


class ReportError(SpurdeskError):
    """A report could not be written (folder missing, file open elsewhere, template damaged)."""


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; move it into place only if the block succeeds.

    A report open in Word, a full disk or a missing folder never leaves a half-written file
    behind, and an existing report is only replaced by a complete one (spurdesk.atomic); this
    adds the report's own wording of what went wrong.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise ReportError(
            f"Mappen {path.parent} finns inte. Välj en befintlig mapp att spara rapporten i."
        )
    try:
        with replacing(path) as temporary:
            yield temporary
    except AtomicWriteError as failure:
        error = failure.error
        raise ReportError(
            f"Rapporten kunde inte sparas som {path}: {error.strerror or error}. Kontrollera att "
            "filen inte är öppen i ett annat program och att du får skriva i mappen."
        ) from error
