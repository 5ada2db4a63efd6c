"""The follow-up lists as files for the region: CSV for spreadsheets, and Word lists — the action
plans' follow-up by bucket, and the register's due dates (next SPUR, six-month follow-ups).

Which entries, in which order and bucket, is decided by `spurdesk.model.followup` and
`spurdesk.model.due_dates`; this module only writes them. A file is replaced only when complete
(`atomic_target`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document

from spurdesk.model.due_dates import UnitDue
from spurdesk.model.followup import FollowUpEntry, grouped
from spurdesk.report.output import atomic_target
from spurdesk.report.text import clean

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


def _csv_table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Semicolon-separated, as Excel in a Swedish locale expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_safe(value) for value in row])
    return buffer.getvalue()


def csv_text(entries: Sequence[FollowUpEntry]) -> str:
    return _csv_table(CSV_COLUMNS, (_row(entry) for entry in entries))


def _write(path: str | Path, data: bytes) -> Path:
    target = Path(path)
    with atomic_target(target) as temporary:
        temporary.write_bytes(data)
    return target


def export_csv(entries: Sequence[FollowUpEntry], path: str | Path) -> Path:
    return _write(path, csv_text(entries).encode("utf-8-sig"))  # the BOM makes Excel read UTF-8


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
        _docx_table(
            document,
            columns,
            (
                (
                    entry.item.follow_up,
                    entry.inspection_title,
                    f"{entry.criterion_label} {entry.section_label}".strip(),
                    entry.item.planned_action,
                    entry.item.follow_up_responsible or entry.item.responsible,
                    entry.item.status.value,
                )
                for entry in members
            ),
        )
    return _save(document, path)


def _docx_table(document: Any, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """A bordered table with a bold heading row."""
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, columns, strict=True):
        cell.text = title
        cell.paragraphs[0].runs[0].bold = True
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = clean(value)


def _save(document: Any, path: str | Path) -> Path:
    buffer = io.BytesIO()
    document.save(buffer)
    return _write(path, buffer.getvalue())


# the register's due dates ------------------------------------------------------------------

DUE_CSV_COLUMNS: tuple[str, ...] = (
    "Läge",
    "Verksamhet",
    "Sjukhus eller vårdcentral",
    "Vårdgivare",
    "Specialitet",
    "Inspektioner",
    "Senaste SPUR",
    "Nästa SPUR senast",
    "Uppföljningar av brister, öppna",
    "Uppföljningar av brister, försenade",
)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _due_row(row: UnitDue) -> list[str]:
    unit = row.unit
    return [
        row.spur.state.value,
        unit.name,
        unit.site,
        unit.care_provider,
        unit.specialty,
        str(unit.inspections),
        _iso(row.spur.last_spur),
        _iso(row.spur.next_due),
        str(unit.open_follow_ups),
        str(unit.overdue_follow_ups),
    ]


def export_due_csv(rows: Sequence[UnitDue], path: str | Path) -> Path:
    text = _csv_table(DUE_CSV_COLUMNS, (_due_row(row) for row in rows))
    return _write(path, text.encode("utf-8-sig"))


def export_due_docx(rows: Sequence[UnitDue], path: str | Path, today: date) -> Path:
    """A Word list of the units, most urgent first, for planning the next inspections."""
    document = Document()
    document.add_heading("SPUR-inspektioner: när enheterna står på tur", level=1)
    flagged = sum(1 for row in rows if row.needs_attention)
    document.add_paragraph(
        f"Sammanställd {today.isoformat()}. {len(rows)} enheter, "
        f"{flagged} med försenad SPUR, ingen SPUR eller försenad uppföljning av brister."
    )
    columns = ("Läge", "Verksamhet", "Senaste SPUR", "Nästa SPUR senast", "Uppföljning")
    _docx_table(
        document,
        columns,
        (
            (
                ("⚠ " if row.needs_attention else "") + row.spur.state.value,
                row.unit.title,
                _iso(row.spur.last_spur),
                _iso(row.spur.next_due),
                f"{row.unit.open_follow_ups} öppna, {row.unit.overdue_follow_ups} försenade"
                if row.unit.open_follow_ups
                else "",
            )
            for row in rows
        ),
    )
    return _save(document, path)
