"""Follow-up across all inspections of a library: which action items are due, and marking them.

Items are grouped by their follow-up date (the first ISO date in the free-text field): overdue,
due within 30 days, later, and undated. Marking an item done or verified goes through the
library's `update_action_item`, with an AuditEvent, so the inspection's history shows who
confirmed what. The library is reached through the `FollowUpStore` protocol, so these rules hold
no storage code and can be checked against an in-memory store.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, Protocol

from spurdesk.errors import SpurdeskError
from spurdesk.model.inspection import ActionItem, ActionItemStatus, Inspection, InspectionSummary

DUE_SOON_DAYS = 30


class FollowUpError(SpurdeskError):
    """A marking the follow-up rules refuse (no note, verified before done); nothing written."""


class FollowUpStore(Protocol):
    """The part of the library's service API the follow-up uses (spurdesk.library.Library)."""

    def batch(self) -> AbstractContextManager[None]:
        """The commands inside as one transaction: all written, or none if the block raises."""
        ...

    def list_inspections(
        self, *, include_deleted: bool = False, deleted_only: bool = False
    ) -> list[InspectionSummary]: ...

    def get_inspection(self, inspection_id: int) -> Inspection: ...

    def update_action_item(self, item_id: int, **fields: Any) -> None: ...

    def record_event(self, inspection_id: int, action: str, detail: str) -> None: ...


class Bucket(StrEnum):
    OVERDUE = "försenad"
    DUE_SOON = "inom 30 dagar"
    LATER = "senare"
    UNDATED = "utan datum"

    @property
    def heading(self) -> str:
        return {
            Bucket.OVERDUE: "Försenade uppföljningar",
            Bucket.DUE_SOON: "Uppföljning inom 30 dagar",
            Bucket.LATER: "Senare uppföljningar",
            Bucket.UNDATED: "Uppföljning utan datum",
        }[self]


_BUCKET_ORDER = tuple(Bucket)


@dataclass(frozen=True)
class FollowUpEntry:
    inspection_id: int
    inspection_title: str  # "Röntgenkliniken, Universitetssjukhuset"
    unit: str
    section_label: str  # "E. Handledning och kompetensbedömning", or "" for a free-standing item
    item: ActionItem
    bucket: Bucket

    @property
    def criterion_label(self) -> str:
        return self.item.criterion_id or ""


@dataclass(frozen=True)
class FollowUpFilter:
    unit: str = ""  # exact unit name; "" for all
    responsible: str = ""  # part of a name in either responsible field, any case; "" for all
    include_verified: bool = False

    def admits(self, entry: FollowUpEntry) -> bool:
        if self.unit and entry.unit != self.unit:
            return False
        if not self.include_verified and entry.item.status is ActionItemStatus.VERIFIED:
            return False
        if self.responsible:
            needle = self.responsible.casefold()
            names = f"{entry.item.responsible}\n{entry.item.follow_up_responsible}".casefold()
            if needle not in names:
                return False
        return True


@dataclass(frozen=True)
class AwaitedPlan:
    """An inspection whose handlingsplan was requested from the unit and has not arrived."""

    inspection_id: int
    unit: str
    site: str
    reply_by: date | None  # "Handlingsplan senast"; None when no date was given

    @property
    def title(self) -> str:
        return ", ".join(part for part in (self.unit, self.site) if part)

    def overdue(self, today: date) -> bool:
        return self.reply_by is not None and self.reply_by < today


def awaited_in_order(plans: Iterable[AwaitedPlan], unit: str = "") -> list[AwaitedPlan]:
    """The plans of `unit` (all for ""), the one due first first, those without a date last."""
    return sorted(
        (plan for plan in plans if not unit or plan.unit == unit),
        key=lambda plan: (plan.reply_by is None, plan.reply_by or date.max, plan.inspection_id),
    )


def bucket_of(item: ActionItem, today: date) -> Bucket:
    when = item.follow_up_date
    if when is None:
        return Bucket.UNDATED
    if when < today:
        return Bucket.OVERDUE
    if when <= today + timedelta(days=DUE_SOON_DAYS):
        return Bucket.DUE_SOON
    return Bucket.LATER


def _entries_of(inspection: Inspection, today: date) -> Iterable[FollowUpEntry]:
    for item in inspection.action_items:
        try:
            section_label = (
                inspection.criteria.section(item.section_id).label if item.section_id else ""
            )
        except KeyError:
            section_label = item.section_id or ""
        yield FollowUpEntry(
            inspection_id=inspection.id,
            inspection_title=inspection.title,
            unit=inspection.unit,
            section_label=section_label,
            item=item,
            bucket=bucket_of(item, today),
        )


def _sort_key(entry: FollowUpEntry) -> tuple[int, date, str, int]:
    return (
        _BUCKET_ORDER.index(entry.bucket),
        entry.item.follow_up_date or date.max,
        entry.inspection_title,
        entry.item.position,
    )


def all_entries(store: FollowUpStore, today: date) -> list[FollowUpEntry]:
    """Every action item of every inspection not in the trash, in follow-up order."""
    entries = [
        entry
        for summary in store.list_inspections()
        for entry in _entries_of(store.get_inspection(summary.id), today)
    ]
    return sorted(entries, key=_sort_key)


def filtered(entries: Iterable[FollowUpEntry], rule: FollowUpFilter) -> list[FollowUpEntry]:
    return [entry for entry in entries if rule.admits(entry)]


def grouped(entries: Iterable[FollowUpEntry]) -> dict[Bucket, list[FollowUpEntry]]:
    """Entries by bucket, every bucket present (possibly empty), in display order."""
    groups: dict[Bucket, list[FollowUpEntry]] = {bucket: [] for bucket in _BUCKET_ORDER}
    for entry in entries:
        groups[entry.bucket].append(entry)
    return groups


def overdue_count(entries: Iterable[FollowUpEntry]) -> int:
    """Overdue items not yet verified: the number the start view shows."""
    return sum(
        1
        for e in entries
        if e.bucket is Bucket.OVERDUE and e.item.status is not ActionItemStatus.VERIFIED
    )


def units_of(entries: Iterable[FollowUpEntry]) -> list[str]:
    return sorted({entry.unit for entry in entries})


# marking ------------------------------------------------------------------------------------
# The note arrives as the user typed it; callers taking it from a text field check its length
# and characters first (the UI uses spurdesk.exchange.text.checked_field).


def _label(entry: FollowUpEntry) -> str:
    return entry.item.criterion_id or entry.section_label or f"rad {entry.item.position + 1}"


def mark_done(store: FollowUpStore, entry: FollowUpEntry, on: date, note: str = "") -> None:
    """The unit reports the action carried out on `on`."""
    fields: dict[str, object] = {"status": ActionItemStatus.DONE, "done_on": on}
    if note:
        fields["verification_note"] = note
    with store.batch():  # the status and its audit event, together or not at all
        store.update_action_item(entry.item.id, **fields)
        store.record_event(
            entry.inspection_id,
            "follow-up",
            f"Åtgärden för {_label(entry)} markerad som genomförd {on.isoformat()}."
            + (f" {note}" if note else ""),
        )


def mark_verified(store: FollowUpStore, entry: FollowUpEntry, on: date, note: str) -> None:
    """The follow-up confirmed the action on `on`; a note saying how is required."""
    if not note.strip():
        raise FollowUpError(
            f"Åtgärden för {_label(entry)}: skriv en anteckning om hur uppföljningen bekräftade "
            "åtgärden innan den markeras som verifierad."
        )
    done_on = entry.item.done_on or on
    if on < done_on:
        raise FollowUpError(
            f"Åtgärden för {_label(entry)}: verifieringsdatumet {on.isoformat()} ligger före "
            f"datumet då den genomfördes ({done_on.isoformat()})."
        )
    with store.batch():  # the status and its audit event, together or not at all
        store.update_action_item(
            entry.item.id,
            status=ActionItemStatus.VERIFIED,
            done_on=done_on,
            verified_on=on,
            verification_note=note,
        )
        store.record_event(
            entry.inspection_id,
            "follow-up",
            f"Åtgärden för {_label(entry)} verifierad {on.isoformat()}: {note}",
        )
