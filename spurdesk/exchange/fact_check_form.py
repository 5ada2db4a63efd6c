"""The sakgranskning as a Word form, for units without spurdesk, and reading it back.

Per section: its heading, the draft text in a grey box ("ändra inte") and a comment table with
yellow rows to fill (Typ, Citerad mening, Föreslagen lydelse, Skäl); the unit may add rows in Word.
Hidden text carries the inspection's identity at the top and the section in each comment table.
Built and read with the action-plan form's parts (docx_form): the same limits, the same refusal
of DTDs and entities, the same identity line.
"""

from __future__ import annotations

import hashlib
import io
import re
from datetime import date
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.table import Table

from spurdesk.exchange.atomic import write_atomically
from spurdesk.exchange.docx_form import (
    cell_text,
    form_identity,
    hidden_text,
    identity_line,
    load_document,
    refuse,
    set_cell_text,
    shade,
)
from spurdesk.exchange.fact_check_package import FactCheckAnswer
from spurdesk.exchange.package import InspectionIdentity
from spurdesk.exchange.text import checked_field, clean_text
from spurdesk.model.dates import long_date
from spurdesk.model.fact_check import CommentKind, FactComment
from spurdesk.model.inspection import Inspection

FORM_FORMAT = "spurdesk-sakgranskning-formulär"
FORM_VERSION = 1
COLUMNS = (
    "Typ (faktafel / saknad uppgift / övrigt)",
    "Citerad mening",
    "Föreslagen lydelse",
    "Skäl",
)
EMPTY_ROWS = 3
_MARKER = re.compile(r"\[\[spurdesk-sakgranskning:([^\]]{1,32})\]\]")
_FILL_COLOUR = "FFF2A8"
_FIXED_COLOUR = "E7E6E6"
INTRODUCTION = (
    "Detta är ett utkast till rapport. Granska texten avsnitt för avsnitt och skriv era "
    "synpunkter i de gula raderna under avsnittet: typ (faktafel, saknad uppgift eller övrigt), "
    "gärna den mening det gäller (kopiera den ur texten), den lydelse ni föreslår och varför. "
    "Behövs fler rader, lägg till rader i tabellen. Ändra inte de grå fälten eller rubrikerna. "
    "Spara dokumentet som Word-dokument (.docx) och skicka tillbaka det till inspektörerna."
)
REPLY_BY = "Synpunkterna ska vara inspektörerna till handa senast {date}."


def form_document(inspection: Inspection, reply_by: date | None = None) -> DocumentObject:
    identity = InspectionIdentity.of(inspection)
    document = Document()
    title = clean_text(f"Sakgranskning – {inspection.title}")
    document.core_properties.title = title
    document.add_heading(title, level=1)
    hidden_text(document.add_paragraph(), identity_line(FORM_FORMAT, FORM_VERSION, identity))
    if reply_by is not None:
        document.add_paragraph().add_run(REPLY_BY.format(date=long_date(reply_by))).bold = True
    document.add_paragraph("UTKAST").runs[0].bold = True
    document.add_paragraph(INTRODUCTION)
    for section in inspection.criteria.sections:
        document.add_heading(clean_text(section.label), level=2)
        draft = document.add_table(rows=1, cols=1)
        draft.style = "Table Grid"
        set_cell_text(draft.rows[0].cells[0], inspection.section(section.id).findings or "–")
        shade(draft.rows[0].cells[0], _FIXED_COLOUR)
        document.add_paragraph()
        comments = document.add_table(rows=1 + EMPTY_ROWS, cols=len(COLUMNS))
        comments.style = "Table Grid"
        for cell, label in zip(comments.rows[0].cells, COLUMNS, strict=True):
            cell.text = label
            shade(cell, _FIXED_COLOUR)
        hidden_text(
            comments.rows[0].cells[0].paragraphs[0], f"[[spurdesk-sakgranskning:{section.id}]]"
        )
        for row in comments.rows[1:]:
            for cell in row.cells:
                shade(cell, _FILL_COLOUR)
        document.add_paragraph()
    return document


def write_fact_check_form(
    inspection: Inspection, path: str | Path, reply_by: date | None = None
) -> Path:
    buffer = io.BytesIO()
    form_document(inspection, reply_by).save(buffer)
    data = buffer.getvalue()
    return write_atomically(path, lambda stream: stream.write(data))


def _kind(text: str) -> CommentKind:
    lowered = text.strip().lower()
    if lowered.startswith("fakta"):
        return CommentKind.FACTUAL_ERROR
    if lowered.startswith("sakn"):
        return CommentKind.MISSING
    return CommentKind.OTHER


def _table_comments(table: Table, path: Path) -> list[FactComment] | None:
    """The comments a table holds, or None for a table that is not one of the form's."""
    try:
        header = table.rows[0].cells
    except IndexError:
        return None
    marker = _MARKER.search(cell_text(header[0])) if header else None
    if marker is None:
        return None
    section_id = marker.group(1)
    where = f"kommentarstabellen för avsnitt {section_id}"
    labels = [_MARKER.sub("", cell_text(cell)).split("\n", 1)[0].strip() for cell in header]
    if len(labels) != len(COLUMNS) or any(
        label != column for label, column in zip(labels, COLUMNS, strict=False)
    ):
        raise refuse(path, f"{where} har ändrats: kolumnerna ska vara {', '.join(COLUMNS)}.")
    found: list[FactComment] = []
    for row in table.rows[1:]:
        cells = row.cells
        if len(cells) != len(COLUMNS):
            raise refuse(path, f"{where} har ändrats: raderna ska ha {len(COLUMNS)} kolumner.")
        kind, quote, proposed, reason = (
            checked_field(cell_text(cell).strip(), f"{path.name}: {where}") for cell in cells
        )
        if not (quote or proposed or reason):
            continue
        digest = hashlib.sha256(f"{section_id}|{quote}|{proposed}|{reason}".encode()).hexdigest()
        found.append(
            FactComment(f"w-{digest[:16]}", section_id, _kind(kind), quote, proposed, reason)
        )
    return found


def read_fact_check_form(path: str | Path) -> FactCheckAnswer:
    """A filled-in form as the unit's answer; a form altered beyond recognition is refused."""
    path = Path(path)
    document = load_document(path)
    identity = form_identity(document, path, FORM_FORMAT, FORM_VERSION)
    comments: dict[str, FactComment] = {}
    tables = 0
    for table in document.tables:
        found = _table_comments(table, path)
        if found is None:
            continue
        tables += 1
        for comment in found:
            comments.setdefault(comment.key, comment)
    if not tables:
        raise refuse(
            path,
            "dokumentet innehåller inga av formulärets kommentarstabeller; dess uppställning har "
            "ändrats. Skicka ett nytt formulär till verksamheten.",
        )
    return FactCheckAnswer(identity, tuple(comments.values()), path.name)


__all__ = ["read_fact_check_form", "write_fact_check_form"]
