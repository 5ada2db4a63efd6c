"""The user's preferences (QSettings) and the Inställningar dialog.

Everything the app remembers between runs lives here, behind typed accessors, so no other module
spells a settings key: window geometry and splitters, the last inspection per library, recent
libraries, the interface language, the backup policy handed to `Library.open` and the office
server's connection (never its password: that is in the keyring, or libpq's .pgpass). The
Inställningar dialog is in settings_dialog, imported when opened (the start need not load it).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from spurdesk.library import OfficeConnection

MAX_RECENT_LIBRARIES = 8
#: Days the unit gets to reply with its action plan, unless the user sets another period.
DEFAULT_REPLY_DAYS = 30
DEFAULT_BACKUP_INTERVAL_MINUTES = 10
DEFAULT_BACKUP_KEEP = 10
DEFAULT_BACKUP_DAYS = 7
DEFAULT_BACKUP_WEEKS = 5
#: Years between SPUR inspections of a unit, and "due soon" months (model.due_dates' defaults,
#: written out: importing the rules would load them before the first paint).
DEFAULT_SPUR_INTERVAL_YEARS = 5
DEFAULT_SPUR_WARN_MONTHS = 6

#: Language setting values: "" follows the system locale.
SYSTEM_LANGUAGE = ""
LANGUAGES = ("sv", "en")


class BackupPolicy(NamedTuple):
    """How often the library is backed up while editing, and which backups are kept: the newest
    `keep`, and the first of each of the last `days` days and `weeks` weeks (generations, so that
    damage found late still has an undamaged backup behind it).

    A NamedTuple (immutable, compared by value) rather than a dataclass: this module is imported
    before the first paint, and the dataclasses module is not needed until later.
    """

    interval_minutes: int = DEFAULT_BACKUP_INTERVAL_MINUTES
    keep: int = DEFAULT_BACKUP_KEEP
    days: int = DEFAULT_BACKUP_DAYS
    weeks: int = DEFAULT_BACKUP_WEEKS


class AppSettings:
    """Typed access to the app's QSettings; one instance per app, cheap to create in tests."""

    def __init__(self, store: QSettings | None = None) -> None:
        if store is None:
            store = QSettings()
            # spurdesk's own settings folder: the user's alone before Qt first writes there.
            from spurdesk.userfiles import private_folder

            with contextlib.suppress(OSError):
                private_folder(Path(store.fileName()).parent)
        self._store = store

    @property
    def store(self) -> QSettings:
        return self._store

    def sync(self) -> None:
        """Write the settings to disk, the user's alone (0600; they name libraries and
        inspections). Qt keeps a file's mode when it rewrites it."""
        self._store.sync()
        settings_file = Path(self._store.fileName())
        if settings_file.is_file():
            from spurdesk.userfiles import private_file

            with contextlib.suppress(OSError):
                private_file(settings_file)

    # window state ---------------------------------------------------------------------------
    def window_geometry(self, name: str) -> QByteArray | None:
        value = self._store.value(f"windows/{name}/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_geometry(self, name: str, geometry: QByteArray) -> None:
        self._store.setValue(f"windows/{name}/geometry", geometry)

    def window_state(self, name: str) -> QByteArray | None:
        value = self._store.value(f"windows/{name}/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, name: str, state: QByteArray) -> None:
        self._store.setValue(f"windows/{name}/state", state)

    def header_state(self, name: str) -> QByteArray | None:
        value = self._store.value(f"headers/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_header_state(self, name: str, state: QByteArray) -> None:
        self._store.setValue(f"headers/{name}", state)

    # libraries and inspections --------------------------------------------------------------
    def recent_libraries(self) -> list[Path]:
        raw = self._store.value("libraries/recent", [])
        if isinstance(raw, str):  # QSettings returns a lone string for a one-element list
            raw = [raw]
        return [Path(item) for item in raw or [] if item]

    def add_recent_library(self, path: Path) -> None:
        """Puts `path` first, without duplicates, keeping at most MAX_RECENT_LIBRARIES."""
        resolved = Path(path).resolve()
        paths = [resolved, *(p for p in self.recent_libraries() if p != resolved)]
        self._store.setValue("libraries/recent", [str(p) for p in paths[:MAX_RECENT_LIBRARIES]])

    def remove_recent_library(self, path: Path) -> None:
        resolved = Path(path).resolve()
        paths = [p for p in self.recent_libraries() if p != resolved]
        self._store.setValue("libraries/recent", [str(p) for p in paths])

    def last_inspection(self, library: Path) -> int | None:
        value = self._store.value(f"libraries/last_inspection/{_key(library)}")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def set_last_inspection(self, library: Path, inspection_id: int | None) -> None:
        key = f"libraries/last_inspection/{_key(library)}"
        if inspection_id is None:
            self._store.remove(key)
        else:
            self._store.setValue(key, inspection_id)

    # language and backups ---------------------------------------------------------------------
    def language(self) -> str:
        """ "sv", "en", or SYSTEM_LANGUAGE ("") to follow the system locale."""
        value = str(self._store.value("ui/language", SYSTEM_LANGUAGE) or "")
        return value if value in LANGUAGES else SYSTEM_LANGUAGE

    def set_language(self, language: str) -> None:
        self._store.setValue("ui/language", language if language in LANGUAGES else "")

    # the action plan ------------------------------------------------------------------------
    def reply_days(self) -> int:
        """Days the unit gets to send its action plan, counted from the request: the default
        reply-by date (the SPUR documents fix no period)."""
        return _positive_int(self._store.value("action_plan/reply_days"), DEFAULT_REPLY_DAYS)

    def set_reply_days(self, days: int) -> None:
        self._store.setValue("action_plan/reply_days", days)

    # the register of units ------------------------------------------------------------------
    def spur_interval(self) -> tuple[int, int]:
        """Years between a unit's SPUR inspections (seed 003: at least every fifth year) and
        the months before the next is due that the register calls it "snart"."""
        years = _positive_int(
            self._store.value("units/interval_years"), DEFAULT_SPUR_INTERVAL_YEARS
        )
        months = _count(self._store.value("units/warn_months"), DEFAULT_SPUR_WARN_MONTHS)
        return min(years, 10), min(months, 12 * min(years, 10))

    def set_spur_interval(self, years: int, warn_months: int) -> None:
        self._store.setValue("units/interval_years", years)
        self._store.setValue("units/warn_months", warn_months)

    def backup_policy(self) -> BackupPolicy:
        return BackupPolicy(
            interval_minutes=_positive_int(
                self._store.value("backup/interval_minutes"), DEFAULT_BACKUP_INTERVAL_MINUTES
            ),
            keep=_positive_int(self._store.value("backup/keep"), DEFAULT_BACKUP_KEEP),
            days=_count(self._store.value("backup/days"), DEFAULT_BACKUP_DAYS),
            weeks=_count(self._store.value("backup/weeks"), DEFAULT_BACKUP_WEEKS),
        )

    def set_backup_policy(self, policy: BackupPolicy) -> None:
        self._store.setValue("backup/interval_minutes", policy.interval_minutes)
        self._store.setValue("backup/keep", policy.keep)
        self._store.setValue("backup/days", policy.days)
        self._store.setValue("backup/weeks", policy.weeks)

    # the office server ------------------------------------------------------------------------
    def office_connection(self) -> OfficeConnection:
        """The saved connection to the office server (no password; see `office_location`)."""
        from spurdesk.library import OfficeConnection
        from spurdesk.library.storage.connection import DEFAULT_PORT, DEFAULT_SSL_MODE, SSL_MODES

        text = {
            name: str(self._store.value(f"office/{name}", "") or "").strip()
            for name in ("host", "database", "user", "sslmode", "sslrootcert", "service")
        }
        return OfficeConnection(
            host=text["host"],
            port=_positive_int(self._store.value("office/port"), DEFAULT_PORT),
            database=text["database"],
            user=text["user"],
            sslmode=text["sslmode"] if text["sslmode"] in SSL_MODES else DEFAULT_SSL_MODE,
            sslrootcert=text["sslrootcert"],
            service=text["service"],
        )

    def inspector_name(self) -> str:
        """The name this inspector has in inspections' inspector lists; the office's inspections
        listing it come down at "Synkronisera med kontoret". Empty: the login name is used."""
        return str(self._store.value("office/inspector_name", "") or "").strip()

    def set_inspector_name(self, name: str) -> None:
        self._store.setValue("office/inspector_name", name.strip())

    def set_office_connection(self, connection: OfficeConnection) -> None:
        self._store.remove("office/url")  # an address saved by hand before there were fields
        for name in ("host", "port", "database", "user", "sslmode", "sslrootcert", "service"):
            self._store.setValue(f"office/{name}", getattr(connection, name))


def office_location(settings: AppSettings) -> str | None:
    """The office library's address for `Library.open` ("Synkronisera med kontoret", "Öppna
    kontorets bibliotek"), from the connection saved in Inställningar → Kontorsserver; None when
    none is saved. It holds no password: the library takes the one kept in the keyring when it
    connects (or libpq its .pgpass), so this address may be shown and logged.

    Without a saved connection, an address put under `office/url` by hand (a script, a test
    using a library file as the office) is used as it is; saving a connection removes it.
    """
    connection = settings.office_connection()
    if connection.configured:
        return connection.location()
    value = settings.store.value("office/url")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _key(library: Path) -> str:
    """A settings key for a library path (QSettings treats "/" as a group separator)."""
    return str(Path(library).resolve()).replace("\\", "|").replace("/", "|")


def _positive_int(value: object, default: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


def _count(value: object, default: int) -> int:
    """A whole number of at least 0 (0 turns a generation off)."""
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return number if number >= 0 else default
