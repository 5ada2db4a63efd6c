"""Follow-up across all inspections of a library: which action items are due, and marking them.

Items are grouped by their follow-up date (the first ISO date in the free-text field): overdue,
due within 30 days, later, and undated. Marking an item done or verified goes through
`update_action_item`, with an AuditEvent, so the inspection's history shows who confirmed what.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from docx import Document

from spurdesk.exchange.atomic import write_atomically
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.store import ActionPlanStore
from spurdesk.exchange.text import checked_field, clean_text
from spurdesk.model.inspection import ActionItem, ActionItemStatus, Inspection

DUE_SOON_DAYS = 30


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


def all_entries(store: ActionPlanStore, today: date) -> list[FollowUpEntry]:
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


def _label(entry: FollowUpEntry) -> str:
    return entry.item.criterion_id or entry.section_label or f"rad {entry.item.position + 1}"


def mark_done(store: ActionPlanStore, entry: FollowUpEntry, on: date, note: str = "") -> None:
    """The unit reports the action carried out on `on`."""
    note = checked_field(note, "Anteckning")
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


def mark_verified(store: ActionPlanStore, entry: FollowUpEntry, on: date, note: str) -> None:
    """The follow-up confirmed the action on `on`; a note saying how is required."""
    note = checked_field(note, "Anteckning")
    if not note.strip():
        raise ExchangeError(
            f"Åtgärden för {_label(entry)}: skriv en anteckning om hur uppföljningen bekräftade "
            "åtgärden innan den markeras som verifierad."
        )
    done_on = entry.item.done_on or on
    if on < done_on:
        raise ExchangeError(
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


# export -------------------------------------------------------------------------------------

CSV_COLUMNS: tuple[str, ...] = (
    "Läge",
    "Datum för uppföljning",
    "Verksamhet",
    "Avsnitt",
    "Kriterium",
    "Planerad åtgärd",
    "Datum när åtgärden ska vara genomförd",
    "Ansvarig för genomförandet",
    "Ansvarig för uppföljningen",
    "Status",
    "Genomförd",
    "Verifierad",
    "Anteckning",
)


def _row(entry: FollowUpEntry) -> list[str]:
    item = entry.item
    return [
        entry.bucket.value,
        item.follow_up,
        entry.inspection_title,
        entry.section_label,
        entry.criterion_label,
        item.planned_action,
        item.due,
        item.responsible,
        item.follow_up_responsible,
        item.status.value,
        item.done_on.isoformat() if item.done_on else "",
        item.verified_on.isoformat() if item.verified_on else "",
        item.verification_note,
    ]


def _csv_safe(value: str) -> str:
    """Text from the unit must not run as a formula when the CSV is opened in a spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_text(entries: Sequence[FollowUpEntry]) -> str:
    """Semicolon-separated, as Excel in a Swedish locale expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        writer.writerow([_csv_safe(value) for value in _row(entry)])
    return buffer.getvalue()


def export_csv(entries: Sequence[FollowUpEntry], path: str | Path) -> Path:
    data = csv_text(entries).encode("utf-8-sig")  # the BOM makes Excel read UTF-8
    return write_atomically(path, lambda stream: stream.write(data))


def export_docx(entries: Sequence[FollowUpEntry], path: str | Path, today: date) -> Path:
    """A Word list, one table per bucket, for the region's follow-up report."""
    document = Document()
    document.add_heading("Uppföljning av handlingsplaner", level=1)
    document.add_paragraph(f"Sammanställd {today.isoformat()}. {len(entries)} åtgärder.")
    columns = ("Uppföljning", "Verksamhet", "Kriterium", "Planerad åtgärd", "Ansvarig", "Status")
    for bucket, members in grouped(entries).items():
        if not members:
            continue
        document.add_heading(f"{bucket.heading} ({len(members)})", level=2)
        table = document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        for cell, title in zip(table.rows[0].cells, columns, strict=True):
            cell.text = title
            cell.paragraphs[0].runs[0].bold = True
        for entry in members:
            item = entry.item
            values = (
                item.follow_up,
                entry.inspection_title,
                f"{entry.criterion_label} {entry.section_label}".strip(),
                item.planned_action,
                item.follow_up_responsible or item.responsible,
                item.status.value,
            )
            for cell, value in zip(table.add_row().cells, values, strict=True):
                cell.text = clean_text(value)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return write_atomically(path, lambda stream: stream.write(data))
