"""The follow-up list as files for the region: CSV for spreadsheets, and a Word list by bucket.

Which entries, in which order and bucket, is decided by `spurdesk.model.followup`; this module
only writes them. A file is replaced only when complete (`atomic_target`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from docx import Document

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


def csv_text(entries: Sequence[FollowUpEntry]) -> str:
    """Semicolon-separated, as Excel in a Swedish locale expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        writer.writerow([_csv_safe(value) for value in _row(entry)])
    return buffer.getvalue()


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
                cell.text = clean(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return _write(path, buffer.getvalue())
