"""What a database failure means, so that each is told as what it is.

A damaged record read back is damage (restore a backup), not a full disk; a full disk is not a
permission problem; a read-only file is neither. SQLite says which by its result code (Python's
sqlite3 exposes it as `sqlite_errorname`); Python's sqlite3 adds one of its own: text in a record
that is not UTF-8 ("Could not decode to UTF-8 column …"), which only damage produces, since
spurdesk writes nothing else. Values that SQLAlchemy cannot turn back into what the schema holds
(JSON that does not parse, an enum value that does not exist) are damage of the same kind.
"""

from __future__ import annotations

import json
from enum import Enum

from sqlalchemy.exc import SQLAlchemyError


class Failure(Enum):
    DAMAGED = "damaged"
    FULL = "full"
    READ_ONLY = "read-only"
    IO = "io"
    BUSY = "busy"
    OTHER = "other"


_BY_CODE = {
    "SQLITE_CORRUPT": Failure.DAMAGED,
    "SQLITE_NOTADB": Failure.DAMAGED,
    "SQLITE_FULL": Failure.FULL,
    "SQLITE_READONLY": Failure.READ_ONLY,
    "SQLITE_PERM": Failure.READ_ONLY,
    "SQLITE_IOERR": Failure.IO,
    "SQLITE_CANTOPEN": Failure.IO,
    "SQLITE_BUSY": Failure.BUSY,
    "SQLITE_LOCKED": Failure.BUSY,
}


def classify(error: BaseException) -> Failure:
    """The kind of a failure raised while the library read or wrote."""
    if isinstance(error, SQLAlchemyError):
        original = getattr(error, "orig", None)
        if original is None:
            return Failure.OTHER
        error = original
    if is_damaged_value(error):
        return Failure.DAMAGED
    name = str(getattr(error, "sqlite_errorname", "") or "")
    # Extended codes (SQLITE_CORRUPT_INDEX, SQLITE_READONLY_DBMOVED …) keep their family's prefix.
    for code, failure in _BY_CODE.items():
        if name == code or name.startswith(code + "_"):
            return failure
    text = str(error).lower()
    if "malformed" in text or "not a database" in text:
        return Failure.DAMAGED
    if "disk is full" in text or "disk full" in text:
        return Failure.FULL
    if "readonly" in text or "read-only" in text:
        return Failure.READ_ONLY
    return Failure.OTHER


def is_damaged_value(error: BaseException) -> bool:
    """A stored value that cannot be read back as written: only damage produces one."""
    if isinstance(error, UnicodeDecodeError | json.JSONDecodeError):
        return True
    text = str(error)
    if text.startswith("Could not decode to UTF-8"):
        return True
    # SQLAlchemy's Enum type, reading a value that is not one of the enum's
    return isinstance(error, LookupError) and "is not among the defined enum values" in text


def sqlite_advice(error: BaseException) -> str:
    """What to do about a failure, by its kind (Swedish, for the end of a message)."""
    return {
        Failure.DAMAGED: "Filen är skadad; återställ en säkerhetskopia.",
        Failure.FULL: "Disken är full. Frigör utrymme och försök igen.",
        Failure.READ_ONLY: (
            "Filen eller mappen är skrivskyddad. Öppna biblioteket skrivskyddat, eller kopiera "
            "det till en mapp där du får skriva."
        ),
        Failure.IO: "Disken kunde inte läsas eller skrivas; kontrollera den och försök igen.",
        Failure.BUSY: "Ett annat program använder biblioteket just nu; försök igen om en stund.",
        Failure.OTHER: "Försök igen; kvarstår felet, kontakta supporten.",
    }[classify(error)]
