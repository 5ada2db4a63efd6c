"""The action plan as a fillable Word form, for units without spurdesk, and reading it back.

One table per action row (each under its deficiency's heading): the fields to fill have a yellow
background and say so; everything else is labelled "ändra inte". Hidden text carries what matching
needs: the inspection identity at the top and a row marker in each table. A filled-in form becomes
a `Response` and goes through the same review as a .spur package.

Reading is hostile-input safe: the ZIP is read with size limits, and every XML part is refused if it
declares a DTD or entities, before python-docx (lxml) parses anything.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from spurdesk.exchange.action_plan import (
    ActionPlan,
    ActionRow,
    is_row_key,
    plan_from_inspection,
)
from spurdesk.exchange.atomic import write_atomically
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.jsonread import parse_json
from spurdesk.exchange.package import InspectionIdentity
from spurdesk.exchange.response import Response
from spurdesk.exchange.safezip import ZipLimits, read_zip_members
from spurdesk.exchange.text import checked_field, clean_text
from spurdesk.model.action_fields import LABELS, UNIT_FIELDS
from spurdesk.model.dates import long_date
from spurdesk.model.inspection import Inspection

FORM_FORMAT = "spurdesk-handlingsplan-formulär"
FORM_VERSION = 1
_IDENTITY_PREFIX = "spurdesk-formulär:"
_ROW_MARKER = re.compile(r"\[\[spurdesk-rad:([^|\]]{1,64})\|([^|\]]{0,32})\|([^|\]]{0,32})\]\]")
_FILL_COLOUR = "FFF2A8"  # light yellow: "fill in here"
_FIXED_COLOUR = "E7E6E6"  # light grey: "do not edit"
_DEFICIENCY_LABEL = "Brist (ändra inte)"
_FILL_HINT = "Fyll i"
LIMITS = ZipLimits(
    max_file_bytes=20 * 1024 * 1024,
    max_member_bytes=16 * 1024 * 1024,
    max_total_bytes=64 * 1024 * 1024,
    max_members=500,
)
_FORBIDDEN_XML = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

INTRODUCTION = (
    "Under granskningen påvisades brister. Fyll i handlingsplanen nedan: en tabell för varje "
    "brist. Där det står ”Åtgärder krävs” ska verksamheten ange en åtgärd; där det står "
    "”Åtgärder rekommenderas” är en åtgärd frivillig men önskvärd. Skriv bara i de gula fälten. "
    "Ändra inte de grå fälten, rubrikerna eller tabellernas uppställning, och kopiera inte "
    "tabeller; behövs flera åtgärder för en brist, skriv dem i samma fält. Datum skrivs "
    "ÅÅÅÅ-MM-DD eller ”kontinuerligt”. Lämnas datum för uppföljning tomt blir det sex månader "
    "efter att handlingsplanen kommit in. Spara dokumentet som Word-dokument (.docx) och skicka "
    "tillbaka det till inspektörerna."
)
REPLY_BY = "Handlingsplanen ska vara inspektörerna till handa senast {date}."
REPLY_BY_UNSET = (
    "Inspektörerna meddelar senast vilket datum handlingsplanen ska vara dem till handa."
)
MARKS = {True: "Åtgärder krävs.", False: "Åtgärder rekommenderas."}


def shade(cell: _Cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def hidden_text(paragraph: Paragraph, text: str) -> None:
    """Hidden text: invisible in Word (unless shown on purpose), read back by `read_form`."""
    run = paragraph.add_run(text)
    run.font.hidden = True
    run.font.size = Pt(6)
    run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)


def set_cell_text(cell: _Cell, text: str) -> None:
    lines = clean_text(text).split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _row_table(
    document: DocumentObject, row: ActionRow, criteria_text: str, required: bool | None
) -> None:
    table = document.add_table(rows=1 + len(UNIT_FIELDS), cols=2)
    table.style = "Table Grid"
    label, value = table.rows[0].cells
    label.text = _DEFICIENCY_LABEL
    marker = f"[[spurdesk-rad:{row.key}|{row.section_id or ''}|{row.criterion_id or ''}]]"
    hidden_text(label.paragraphs[0], clean_text(marker))
    set_cell_text(value, criteria_text)
    if required is not None:
        value.add_paragraph().add_run(MARKS[required]).bold = True
    shade(label, _FIXED_COLOUR)
    shade(value, _FIXED_COLOUR)
    for table_row, name in zip(table.rows[1:], UNIT_FIELDS, strict=True):
        label, value = table_row.cells
        label.text = LABELS[name]
        hint = label.add_paragraph(f"{_FILL_HINT} i det gula fältet")
        hint.runs[0].font.size = Pt(8)
        hint.runs[0].italic = True
        set_cell_text(value, getattr(row, name))
        shade(label, _FIXED_COLOUR)
        shade(value, _FILL_COLOUR)


def form_document(inspection: Inspection) -> DocumentObject:
    """The form as a python-docx Document (rows as `plan_from_inspection` gives them)."""
    plan = plan_from_inspection(inspection)
    identity = InspectionIdentity.of(inspection)
    document = Document()
    title = clean_text(f"Handlingsplan – {inspection.title}")
    document.core_properties.title = title
    document.core_properties.identifier = identity.key
    document.add_heading(title, level=1)
    hidden_text(document.add_paragraph(), identity_line(FORM_FORMAT, FORM_VERSION, identity))
    due = plan.reply_by
    document.add_paragraph(REPLY_BY.format(date=long_date(due)) if due else REPLY_BY_UNSET).runs[
        0
    ].bold = True
    document.add_paragraph(INTRODUCTION)
    criteria = inspection.criteria
    for row in plan.rows:
        section_label = criteria.section(row.section_id).label if row.section_id else "Övrigt"
        texts = [f"{c}: {criteria.criterion(c).text}" for c in row.criteria_answered]
        document.add_heading(clean_text(section_label), level=2)
        _row_table(document, row, "\n".join(texts), plan.requirement(row))
        document.add_paragraph()
    return document


def write_form(inspection: Inspection, path: str | Path) -> Path:
    """Write the fillable form atomically."""
    buffer = io.BytesIO()
    form_document(inspection).save(buffer)
    data = buffer.getvalue()
    return write_atomically(path, lambda stream: stream.write(data))


# reading back ------------------------------------------------------------------------------


def refuse(path: Path, problem: str) -> ExchangeError:
    return ExchangeError(f"{path.name}: {problem}")


def _as_utf8(data: bytes) -> bytes:
    """UTF-16 XML (lxml reads it) re-encoded, so the declaration check cannot be sidestepped."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace").encode("utf-8")
    return data


def load_document(path: Path) -> DocumentObject:
    members = read_zip_members(path, limits=LIMITS, required=("[Content_Types].xml",))
    # Every member, whatever its name: python-docx picks XML parts by content type, not suffix.
    for name, data in members.items():
        if _FORBIDDEN_XML.search(_as_utf8(data)):
            raise refuse(
                path,
                f"delen {name} innehåller en DTD- eller entitetsdeklaration, vilket ett "
                "Word-dokument aldrig behöver. Dokumentet kan vara manipulerat och öppnas inte.",
            )
    try:
        return Document(io.BytesIO(path.read_bytes()))
    except Exception as error:  # python-docx raises many types for damaged documents
        raise refuse(
            path, f"dokumentet kan inte läsas som Word-dokument ({type(error).__name__})."
        ) from None


_TEXT = qn("w:t")
_BREAKS = {qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:tab"): "\t"}


def _paragraph_text(paragraph: Any) -> str:
    """All text of a w:p, including tracked insertions (which python-docx's .text skips);
    tracked deletions are w:delText and so stay out."""
    parts: list[str] = []
    for element in paragraph.iter():
        if element.tag == _TEXT:
            parts.append(element.text or "")
        elif element.tag in _BREAKS:
            parts.append(_BREAKS[element.tag])
    return "".join(parts)


def cell_text(cell: _Cell) -> str:
    return "\n".join(_paragraph_text(p) for p in cell._tc.iter(qn("w:p")))


def identity_line(form_format: str, version: int, identity: InspectionIdentity) -> str:
    """The hidden first line every spurdesk form carries (ASCII JSON: XML-safe)."""
    header = {"format": form_format, "version": version, "inspection": identity.to_dict()}
    return _IDENTITY_PREFIX + json.dumps(header)


def form_identity(
    document: DocumentObject,
    path: Path,
    form_format: str = FORM_FORMAT,
    current_version: int = FORM_VERSION,
) -> InspectionIdentity:
    """The identity in a form's hidden first line; refused when missing, of another kind of
    form, or newer than this spurdesk reads."""
    for paragraph in document.paragraphs[:20]:
        text = paragraph.text.strip()
        if text.startswith(_IDENTITY_PREFIX):
            header = parse_json(
                text[len(_IDENTITY_PREFIX) :].encode("utf-8"), f"{path.name}: formulärets id"
            )
            if header["format"].text() != form_format:
                break
            version = header["version"].integer()
            if version > current_version:
                raise refuse(
                    path,
                    f"formuläret har version {version} och skapades med en nyare spurdesk. "
                    "Uppdatera spurdesk.",
                )
            return InspectionIdentity.from_node(header["inspection"])
    raise refuse(
        path,
        "dokumentet saknar formulärets dolda identitet (överst i dokumentet). Det är inte ett "
        "sådant formulär från spurdesk, eller så har början av dokumentet raderats. "
        "Skicka ett nytt formulär till verksamheten.",
    )


def _table_row(table: Table, path: Path) -> ActionRow | None:
    """The action row a table holds, or None for a table that is not one of the form's."""
    try:
        rows = table.rows
        first = rows[0].cells[0]
    except IndexError:
        return None
    marker = _ROW_MARKER.search(cell_text(first))
    if marker is None:
        return None
    key, section_id, criterion_id = marker.groups()
    where = f"tabellen för {criterion_id or key}"
    if not is_row_key(key):
        raise refuse(path, f"{where} har en dold radmarkering som har ändrats.")
    values: dict[str, str] = {}
    for table_row in rows[1:]:
        cells = table_row.cells
        if len(cells) != 2:
            raise refuse(path, f"{where} har ändrats: raderna ska ha två kolumner.")
        label = cell_text(cells[0]).split("\n", 1)[0].strip()
        name = next((n for n in UNIT_FIELDS if LABELS[n] == label), None)
        if name is None:
            raise refuse(path, f"{where} har ändrats: okänd rubrik ”{label[:60]}”.")
        if name in values:
            raise refuse(path, f"{where} har ändrats: ”{label}” förekommer två gånger.")
        values[name] = checked_field(cell_text(cells[1]).strip(), f"{path.name}: {where}, {label}")
    missing = [LABELS[n] for n in UNIT_FIELDS if n not in values]
    if missing:
        raise refuse(path, f"{where} har ändrats: fälten {', '.join(missing)} saknas.")
    return ActionRow(
        key=key, section_id=section_id or None, criterion_id=criterion_id or None, **values
    )


def read_form(path: str | Path) -> Response:
    """Read a filled-in form as a response; a form altered beyond recognition is refused."""
    path = Path(path)
    document = load_document(path)
    identity = form_identity(document, path)
    rows: list[ActionRow] = []
    for table in document.tables:
        row = _table_row(table, path)
        if row is None:
            continue
        if any(r.key == row.key for r in rows):
            raise refuse(
                path,
                f"tabellen för {row.criterion_id or row.key} förekommer två gånger. Kopiera inte "
                "tabeller; skriv flera åtgärder i samma fält.",
            )
        rows.append(row)
    if not rows:
        raise refuse(
            path,
            "dokumentet innehåller inga av formulärets tabeller; dess uppställning har ändrats så "
            "att raderna inte går att känna igen. Skicka ett nytt formulär till verksamheten.",
        )
    return Response(identity, ActionPlan((), tuple(rows)), path.name)


__all__ = ["FORM_VERSION", "form_document", "read_form", "write_form"]
