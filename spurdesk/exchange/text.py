"""Text entering the action plan from outside: pasted from PDFs, typed in Word, read from XML."""

from __future__ import annotations

import re

from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.jsonread import MAX_TEXT_CHARS

_FORBIDDEN = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Vertical tab → line break, form feed → blank line, other control characters removed.

    python-docx refuses such characters ("All strings must be XML compatible"), and they are common
    in text pasted from PDFs.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\x0b", "\n").replace("\x0c", "\n\n")
    return _FORBIDDEN.sub("", value)


def checked_field(value: str, where: str) -> str:
    """`clean_text`, refusing a value longer than any field may be."""
    if len(value) > MAX_TEXT_CHARS:
        raise ExchangeError(
            f"{where}: texten har {len(value)} tecken, högst {MAX_TEXT_CHARS} får plats. Korta den."
        )
    return clean_text(value)
