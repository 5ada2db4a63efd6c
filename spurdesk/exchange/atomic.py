"""Atomic file writing: a crash or a full disk never leaves a half-written package or form."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from spurdesk.exchange.errors import ExchangeError


def write_atomically(path: str | Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call `write` on a temporary file next to `path`, then move it into place with os.replace."""
    target = Path(path)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        raise ExchangeError(
            f"{target}: kan inte skriva i mappen ({error.strerror}). Välj en annan plats."
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise ExchangeError(
            f"{target}: filen kunde inte sparas ({error.strerror or error}). "
            "Kontrollera att det finns plats och att du får skriva där."
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return target
