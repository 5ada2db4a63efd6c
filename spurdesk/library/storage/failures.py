"""What a database failure means, so that each is told as what it is.

A damaged record read back is damage (restore a backup), not a full disk; a full disk is not a
permission problem; a read-only file is neither. SQLite says which by its result code (Python's
sqlite3 exposes it as `sqlite_errorname`); Python's sqlite3 adds one of its own: text in a record
that is not UTF-8 ("Could not decode to UTF-8 column …"), which only damage produces, since
spurdesk writes nothing else. Values that SQLAlchemy cannot turn back into what the schema holds
(JSON that does not parse, an enum value that does not exist) are damage of the same kind.

A database server (PostgreSQL through psycopg 3) fails in its own ways: not reached (refused, no
answer within libpq's connect_timeout, an unknown host name), the login refused, no such
database, TLS not agreed, or the connection lost in the middle of a session. The SQLSTATE tells
where the server sent one; libpq's own failures (before any server answered) only by their text.
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
    # a database server
    REFUSED = "refused"  # nothing listens at that address and port (or a firewall says no)
    TIMEOUT = "timeout"  # no answer within connect_timeout, or the network does not reach it
    UNKNOWN_HOST = "unknown-host"
    AUTH = "auth"  # wrong user or password, or pg_hba.conf lets this user not in from here
    NO_DATABASE = "no-database"
    TLS = "tls"
    LOST = "lost"  # the server went away during the session (restart, network cut)
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


# SQLSTATE classes and codes a server sends (PostgreSQL's appendix A)
_BY_SQLSTATE = {
    "28000": Failure.AUTH,  # invalid_authorization_specification (pg_hba.conf)
    "28P01": Failure.AUTH,  # invalid_password
    "3D000": Failure.NO_DATABASE,  # invalid_catalog_name
    "57P01": Failure.LOST,  # admin_shutdown
    "57P02": Failure.LOST,  # crash_shutdown
    "57P03": Failure.LOST,  # cannot_connect_now (starting up, shutting down)
    "08000": Failure.LOST,
    "08003": Failure.LOST,
    "08006": Failure.LOST,
    "40001": Failure.BUSY,  # serialization_failure
    "40P01": Failure.BUSY,  # deadlock_detected
    "55P03": Failure.BUSY,  # lock_not_available (lock_timeout)
}

# libpq's own words, checked in this order (the first match wins)
_BY_SERVER_TEXT = (
    ("password authentication failed", Failure.AUTH),
    ("no password supplied", Failure.AUTH),
    ("pg_hba.conf", Failure.AUTH),
    ("authentication failed", Failure.AUTH),
    # a server going down or closed to connections: before 'database "', which these name too
    ("not currently accepting connections", Failure.LOST),
    ("the database system is", Failure.LOST),  # … starting up / shutting down / in recovery
    ('role "', Failure.AUTH),  # role "x" does not exist
    ('database "', Failure.NO_DATABASE),  # database "x" does not exist
    ("connection refused", Failure.REFUSED),
    ("timeout expired", Failure.TIMEOUT),
    ("timed out", Failure.TIMEOUT),
    ("no route to host", Failure.TIMEOUT),
    ("network is unreachable", Failure.TIMEOUT),
    ("could not translate host name", Failure.UNKNOWN_HOST),
    ("failed to resolve host", Failure.UNKNOWN_HOST),
    ("name or service not known", Failure.UNKNOWN_HOST),
    ("nodename nor servname", Failure.UNKNOWN_HOST),
    ("name resolution", Failure.UNKNOWN_HOST),
    ("certificate", Failure.TLS),
    ("ssl", Failure.TLS),
    ("server closed the connection", Failure.LOST),
    ("terminating connection", Failure.LOST),
    ("connection is closed", Failure.LOST),
    ("connection is lost", Failure.LOST),
    ("consuming input failed", Failure.LOST),
    ("lost synchronization", Failure.LOST),
)


def classify(error: BaseException) -> Failure:
    """The kind of a failure raised while the library read or wrote."""
    if isinstance(error, SQLAlchemyError):
        original = getattr(error, "orig", None)
        if original is None:
            return Failure.OTHER
        if getattr(error, "connection_invalidated", False):
            return Failure.LOST
        error = original
    if _is_server_error(error):
        return _classify_server(error)
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


def _is_server_error(error: BaseException) -> bool:
    return type(error).__module__.split(".", 1)[0] == "psycopg"


def _classify_server(error: BaseException) -> Failure:
    """A psycopg error: by the server's SQLSTATE where it sent one, else by libpq's text."""
    state = str(getattr(error, "sqlstate", "") or "")
    if state in _BY_SQLSTATE:
        return _BY_SQLSTATE[state]
    text = str(error).lower()
    for words, failure in _BY_SERVER_TEXT:
        if words in text:
            return failure
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


#: Why a server could not be used, by the failure's kind (Swedish, after "kunde inte nås: ").
_SERVER_REASONS = {
    Failure.REFUSED: "servern tog inte emot anslutningen (ingen databas lyssnar på den porten)",
    Failure.TIMEOUT: "servern svarade inte inom tidsgränsen",
    Failure.UNKNOWN_HOST: "servernamnet är okänt",
    Failure.AUTH: "inloggningen nekades",
    Failure.NO_DATABASE: "databasen finns inte på servern",
    Failure.TLS: "en krypterad anslutning (TLS) kunde inte upprättas",
    Failure.LOST: "förbindelsen med servern bröts",
    Failure.BUSY: "servern är upptagen",
}

_OFFLINE = (
    " Biblioteket på den här datorn fungerar som vanligt: arbeta offline och synkronisera när "
    "servern går att nå."
)


def server_reason(error: BaseException) -> str:
    """Why a server could not be reached or used, in words (Swedish)."""
    return _SERVER_REASONS.get(classify(error), "servern gav ett fel")


def sqlite_advice(error: BaseException) -> str:
    """What to do about a failure, by its kind (Swedish, for the end of a message): SQLite's
    and a server's alike."""
    return {
        Failure.DAMAGED: "Filen är skadad; återställ en säkerhetskopia.",
        Failure.FULL: "Disken är full. Frigör utrymme och försök igen.",
        Failure.READ_ONLY: (
            "Filen eller mappen är skrivskyddad. Öppna biblioteket skrivskyddat, eller kopiera "
            "det till en mapp där du får skriva."
        ),
        Failure.IO: "Disken kunde inte läsas eller skrivas; kontrollera den och försök igen.",
        Failure.BUSY: "Ett annat program använder biblioteket just nu; försök igen om en stund.",
        Failure.REFUSED: (
            "Kontrollera adressen och porten i Inställningar → Kontorsserver, och att servern är "
            "igång." + _OFFLINE
        ),
        Failure.TIMEOUT: "Kontrollera nätverket och VPN-anslutningen till kontoret." + _OFFLINE,
        Failure.UNKNOWN_HOST: (
            "Kontrollera servernamnet i Inställningar → Kontorsserver, och nätverket och "
            "VPN-anslutningen." + _OFFLINE
        ),
        Failure.AUTH: (
            "Kontrollera användarnamnet och lösenordet i Inställningar → Kontorsserver (eller i "
            ".pgpass); får du inte logga in därifrån, be kontorets administratör om behörighet."
        ),
        Failure.NO_DATABASE: (
            "Kontrollera databasens namn i Inställningar → Kontorsserver; en ny databas skapas av "
            "kontorets administratör (docs/server.md)."
        ),
        Failure.TLS: (
            "Kontrollera TLS-inställningarna (sslmode och rotcertifikatet) i Inställningar → "
            "Kontorsserver."
        ),
        Failure.LOST: (
            "Kontrollera nätverket och VPN-anslutningen och försök igen; det som redan sparats "
            "finns kvar på servern."
        ),
        Failure.OTHER: "Försök igen; kvarstår felet, kontakta supporten.",
    }[classify(error)]
