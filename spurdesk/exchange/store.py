"""The part of the library's service API the exchange uses (spurdesk.library.Library).

A Protocol rather than an import keeps the exchange independent of the storage layer; the real
Library satisfies it structurally.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol

from spurdesk.model.fact_check import FactComment, StoredComment
from spurdesk.model.inspection import (
    AuditEvent,
    Inspection,
    InspectionSummary,
    SharedVersion,
    SyncEntry,
)


class SentLookup(Protocol):
    """Enough to find an answer's inspection and what was sent for it (both round trips)."""

    def get_inspection(self, inspection_id: int) -> Inspection: ...

    def audit_events(self, inspection_id: int) -> list[AuditEvent]: ...


class EventStore(SentLookup, Protocol):
    """A `SentLookup` that also writes to the audit trail (what was sent, what came in)."""

    def record_event(
        self,
        inspection_id: int,
        action: str,
        detail: str,
        data: Mapping[str, str] | None = None,
    ) -> None: ...


class ActionPlanStore(EventStore, Protocol):
    def batch(self) -> AbstractContextManager[None]:
        """The commands inside as one transaction: all written, or none if the block raises."""
        ...

    def list_inspections(
        self, *, include_deleted: bool = False, deleted_only: bool = False
    ) -> list[InspectionSummary]: ...

    def add_action_item(self, inspection_id: int, **fields: Any) -> int: ...

    def update_action_item(self, item_id: int, **fields: Any) -> None: ...

    def remove_action_item(self, item_id: int) -> None: ...


class CopyStore(Protocol):
    """What sharing an inspection with the co-inspector needs of the library."""

    def get_inspection(self, inspection_id: int) -> Inspection: ...

    def find_inspection(self, uid: str) -> int | None: ...

    def shared_versions(self, inspection_id: int) -> list[SharedVersion]: ...

    def record_shared_version(self, inspection_id: int, version: SharedVersion) -> None: ...

    def import_shared(self, record: Inspection, version: SharedVersion) -> int: ...

    def apply_merged(
        self,
        inspection_id: int,
        record: Inspection,
        *,
        detail: str,
        received: SharedVersion | None = None,
        forget: str | tuple[str, ...] | None = None,
    ) -> None: ...


class SyncStore(CopyStore, Protocol):
    """What syncing with the office needs of each side, the laptop's library and the office's:
    the co-inspector's verbs, plus finding unchanged inspections without reading them and
    refusing a write over someone else's save (see exchange/office_sync.py)."""

    @property
    def location(self) -> str: ...

    def sync_index(
        self, *, uids: Collection[str] | None = None, inspector: str | None = None
    ) -> list[SyncEntry]: ...

    def record_shared_version(
        self, inspection_id: int, version: SharedVersion, *, content_of: datetime | None = None
    ) -> None: ...

    def import_shared(
        self, record: Inspection, version: SharedVersion, *, content: bool = False
    ) -> int: ...

    def apply_merged(
        self,
        inspection_id: int,
        record: Inspection,
        *,
        detail: str,
        received: SharedVersion | None = None,
        forget: str | tuple[str, ...] | None = None,
        unchanged_since: datetime | None = None,
        content: SharedVersion | None = None,
    ) -> None: ...


class FactCheckStore(EventStore, Protocol):
    """What the sakgranskning round trip needs of the library."""

    def add_fact_check_comments(
        self, inspection_id: int, comments: Sequence[FactComment], source: str
    ) -> list[int]: ...

    def fact_check_comments(self, inspection_id: int) -> list[StoredComment]: ...
