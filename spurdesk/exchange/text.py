"""Text entering the action plan from outside: pasted from PDFs, typed in Word, read from XML or a
package. Cleaned by the one cleaner (`spurdesk.model.text.clean_text`); every action row is
cleaned when it is made (`ActionRow.__post_init__`), whichever reader made it."""

from __future__ import annotations

from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.jsonread import MAX_TEXT_CHARS
from spurdesk.model.text import clean_text

__all__ = ["checked_field", "clean_text"]


def checked_field(value: str, where: str) -> str:
    """`clean_text`, refusing a value longer than any field may be."""
    if len(value) > MAX_TEXT_CHARS:
        raise ExchangeError(
            f"{where}: texten har {len(value)} tecken, högst {MAX_TEXT_CHARS} får plats. Korta den."
        )
    return clean_text(value)
