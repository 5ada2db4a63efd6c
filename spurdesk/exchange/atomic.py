"""Atomic file writing: a crash or a full disk never leaves a half-written package or form.

The writing itself is spurdesk.atomic's (shared with the reports, and with its one rule: every
exported file is the user's alone, 0600); this module words its failures as the exchange's
errors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from spurdesk import atomic
from spurdesk.exchange.errors import ExchangeError


def write_atomically(path: str | Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call `write` on a temporary file next to `path`, then move it into place."""
    target = Path(path)
    try:
        return atomic.write_atomically(target, write)
    except atomic.AtomicWriteError as failure:
        error = failure.error
        if failure.stage == "folder":
            message = f"{target}: kan inte skriva i mappen ({error.strerror}). Välj en annan plats."
        else:
            message = (
                f"{target}: filen kunde inte sparas ({error.strerror or error}). "
                "Kontrollera att det finns plats och att du får skriva där."
            )
        raise ExchangeError(message) from None
