"""Test helpers: a library-like store, complete plan entries, and raw package surgery.

`FakeStore` is an in-memory stand-in with the same contract as the action-plan methods of
spurdesk.library.Library (ids assigned on insert, unknown ids refused with a
SpurdeskError, every change visible through get_inspection, `batch()` all or nothing).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.store import ActionPlanStore
from spurdesk.model.inspection import (
    ActionItem,
    AuditEvent,
    Inspection,
    InspectionSummary,
)

#: A föreskrift the demo's handlingsplan does not answer: the unit must add a row for it.
UNANSWERED_FORESKRIFT = "H.3"


class FakeStoreError(SpurdeskError):
    pass


class FakeStore:
    def __init__(self) -> None:
        self._inspections: dict[int, Inspection] = {}
        self.events: dict[int, list[AuditEvent]] = {}
        self._next_inspection = 1
        self._next_item = 1

    @contextmanager
    def batch(self) -> Iterator[None]:
        """All or nothing, as Library.batch: the state before the block comes back if it raises."""
        inspections = dict(self._inspections)
        events = {key: list(value) for key, value in self.events.items()}
        next_item = self._next_item
        try:
            yield
        except BaseException:
            self._inspections, self.events, self._next_item = inspections, events, next_item
            raise

    def import_inspection(self, record: Inspection) -> int:
        inspection_id = self._next_inspection
        self._next_inspection += 1
        items = []
        for position, item in enumerate(record.action_items):
            items.append(dataclasses.replace(item, id=self._next_item, position=position))
            self._next_item += 1
        self._inspections[inspection_id] = dataclasses.replace(
            record,
            id=inspection_id,
            action_items=tuple(items),
            created_at=datetime(2024, 11, 20, 9, 30, inspection_id),
        )
        self.events[inspection_id] = []
        return inspection_id

    def get_inspection(self, inspection_id: int) -> Inspection:
        try:
            return self._inspections[inspection_id]
        except KeyError:
            raise FakeStoreError(f"Inspektion {inspection_id} finns inte.") from None

    def list_inspections(
        self, *, include_deleted: bool = False, deleted_only: bool = False
    ) -> list[InspectionSummary]:
        return [
            InspectionSummary(
                id=i.id,
                unit=i.unit,
                site=i.site,
                care_provider=i.care_provider,
                specialty=i.specialty,
                visit_start=i.visit_start,
                status=i.status,
                grades={},
                next_follow_up=None,
                overdue_action_items=0,
                modified_at=None,
            )
            for i in self._inspections.values()
        ]

    def _owner(self, item_id: int) -> Inspection:
        for inspection in self._inspections.values():
            if any(item.id == item_id for item in inspection.action_items):
                return inspection
        raise FakeStoreError(f"Åtgärdsrad {item_id} finns inte.")

    def add_action_item(self, inspection_id: int, **fields: Any) -> int:
        inspection = self.get_inspection(inspection_id)
        fields.pop("position", None)
        item = ActionItem(id=self._next_item, position=len(inspection.action_items), **fields)
        self._next_item += 1
        self._inspections[inspection_id] = dataclasses.replace(
            inspection, action_items=(*inspection.action_items, item)
        )
        return item.id

    def update_action_item(self, item_id: int, **fields: Any) -> None:
        inspection = self._owner(item_id)
        allowed = {f.name for f in dataclasses.fields(ActionItem)} - {"id"}
        if set(fields) - allowed:
            raise FakeStoreError(f"Okända fält {sorted(set(fields) - allowed)}.")
        self._inspections[inspection.id] = dataclasses.replace(
            inspection,
            action_items=tuple(
                dataclasses.replace(item, **fields) if item.id == item_id else item
                for item in inspection.action_items
            ),
        )

    def remove_action_item(self, item_id: int) -> None:
        inspection = self._owner(item_id)
        self._inspections[inspection.id] = dataclasses.replace(
            inspection,
            action_items=tuple(i for i in inspection.action_items if i.id != item_id),
        )

    def record_event(
        self,
        inspection_id: int,
        action: str,
        detail: str,
        data: Mapping[str, str] | None = None,
    ) -> None:
        self.get_inspection(inspection_id)
        event = AuditEvent(datetime.now(), "test", action, detail, dict(data or {}))
        self.events[inspection_id].append(event)

    def audit_events(self, inspection_id: int) -> list[AuditEvent]:
        return list(self.events[inspection_id])


def fill_plan_values(index: int) -> dict[str, str]:
    """Complete, valid entries for the index-th row (fictitious roles, no real names)."""
    return {
        "planned_action": f"Åtgärd nummer {index + 1} enligt verksamhetens plan.",
        "due": "2025-05-01" if index % 2 == 0 else "kontinuerligt",
        "responsible": "Studierektor",
        "follow_up": "2025-06-15",
        "follow_up_responsible": "Verksamhetschef",
    }


TODAY = date(2025, 5, 20)


def zip_bytes(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP holding exactly `members`, in order (duplicates allowed via a list of pairs)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def reseal(members: dict[str, bytes]) -> dict[str, bytes]:
    """Recompute the manifest checksums after tampering, as a deliberate attacker would."""
    manifest = json.loads(members["manifest.json"])
    for name, entry in manifest["members"].items():
        if name in members:
            entry["sha256"] = hashlib.sha256(members[name]).hexdigest()
            entry["size"] = len(members[name])
    return {**members, "manifest.json": json.dumps(manifest).encode()}


def edit_json(
    members: dict[str, bytes], name: str, change: Callable[[Any], None]
) -> dict[str, bytes]:
    data = json.loads(members[name])
    change(data)
    return reseal({**members, name: json.dumps(data, ensure_ascii=False).encode()})


class Store(ActionPlanStore, Protocol):
    """What the tests use of a library: the exchange's protocol plus storing and the audit trail."""

    def import_inspection(self, record: Inspection) -> int: ...

    def audit_events(self, inspection_id: int) -> list[AuditEvent]: ...


def events_since(store: Store, inspection_id: int, before: int) -> list[AuditEvent]:
    """The audit events recorded after the first `before` ones."""
    return store.audit_events(inspection_id)[before:]


def open_store(kind: str, folder: Path) -> Store:
    """An empty store: the in-memory fake ("fake") or a real Library file in `folder`."""
    if kind == "fake":
        return FakeStore()
    from spurdesk.library import Library

    return Library.open(folder / "bibliotek.spurdesk")
