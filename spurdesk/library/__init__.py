"""The inspection library: the `Library` facade every change goes through, and its storage.

The names below load on first use (PEP 562), not with the package: the start view's preview
(`spurdesk.library.preview`) lives here too and must not pay for SQLAlchemy before the first paint.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spurdesk.library.errors import (
        ConcurrentEditError,
        CorruptLibraryError,
        EditConflict,
        LibraryError,
        LibraryLockedError,
        LibraryNotFoundError,
        NewerLibraryVersionError,
        ReadOnlyLibraryError,
        ReadOnlyPlaceError,
    )
    from spurdesk.library.facade import Library
    from spurdesk.library.storage.backups import BackupSettings
    from spurdesk.library.storage.connection import (
        OfficeConnection,
        display_location,
        hide_passwords,
        store_password,
        stored_password,
    )
    from spurdesk.library.storage.files import default_library_path
    from spurdesk.library.storage.opening import ServerSchema, server_schema, upgrade_server
    from spurdesk.library.text_keys import (
        ActionTextKey,
        CriterionNoteKey,
        FindingsKey,
        JustificationKey,
        SummaryTextKey,
        TextKey,
    )

_HOMES = {
    "Library": "spurdesk.library.facade",
    "TextKey": "spurdesk.library.text_keys",
    "FindingsKey": "spurdesk.library.text_keys",
    "JustificationKey": "spurdesk.library.text_keys",
    "CriterionNoteKey": "spurdesk.library.text_keys",
    "SummaryTextKey": "spurdesk.library.text_keys",
    "ActionTextKey": "spurdesk.library.text_keys",
    "BackupSettings": "spurdesk.library.storage.backups",
    "ConcurrentEditError": "spurdesk.library.errors",
    "CorruptLibraryError": "spurdesk.library.errors",
    "EditConflict": "spurdesk.library.errors",
    "LibraryError": "spurdesk.library.errors",
    "LibraryLockedError": "spurdesk.library.errors",
    "LibraryNotFoundError": "spurdesk.library.errors",
    "ReadOnlyPlaceError": "spurdesk.library.errors",
    "NewerLibraryVersionError": "spurdesk.library.errors",
    "ReadOnlyLibraryError": "spurdesk.library.errors",
    "default_library_path": "spurdesk.library.storage.files",
    "OfficeConnection": "spurdesk.library.storage.connection",
    "display_location": "spurdesk.library.storage.connection",
    "hide_passwords": "spurdesk.library.storage.connection",
    "store_password": "spurdesk.library.storage.connection",
    "stored_password": "spurdesk.library.storage.connection",
    "ServerSchema": "spurdesk.library.storage.opening",
    "server_schema": "spurdesk.library.storage.opening",
    "upgrade_server": "spurdesk.library.storage.opening",
}

__all__ = [
    "ActionTextKey",
    "BackupSettings",
    "ConcurrentEditError",
    "CorruptLibraryError",
    "CriterionNoteKey",
    "EditConflict",
    "FindingsKey",
    "JustificationKey",
    "Library",
    "LibraryError",
    "LibraryLockedError",
    "LibraryNotFoundError",
    "NewerLibraryVersionError",
    "OfficeConnection",
    "ReadOnlyLibraryError",
    "ReadOnlyPlaceError",
    "ServerSchema",
    "SummaryTextKey",
    "TextKey",
    "default_library_path",
    "display_location",
    "hide_passwords",
    "server_schema",
    "store_password",
    "stored_password",
    "upgrade_server",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
