"""Render a `Report` as Word: the template's named styles, nothing hard-coded but structure.

Fonts, colours, spacing, borders, header and footer come from resources/templates/report.docx
(see docx_styles.py); this module only chooses which named style each block uses and fills the
header's and footer's placeholders with the unit's name, the UTKAST mark and page fields.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import SubElement

from spurdesk.report import docx_styles as styles
from spurdesk.report.document import (
    Block,
    BulletList,
    CriteriaBox,
    DraftNotice,
    FieldTable,
    Figure,
    GridTable,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    Role,
    TableOfContents,
    TitleBlock,
)
from spurdesk.report.docx_fields import (
    field_char,
    fill_page_furniture,
    instruction,
    request_field_update,
)
from spurdesk.report.output import Progress, ReportError, atomic_target
from spurdesk.report.text import TextBlock, TextList

_ROLE_STYLES = {Role.BODY: styles.NORMAL, Role.NOTE: styles.NOTE, Role.CRITERION: styles.CRITERION}
_EMU_PER_TWIP = 635
_FIELD_LABEL_WIDTH = 2608  # 4.6 cm in twips
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TABLE_LOOK = {
    qn("w:val"): "04A0",
    qn("w:firstRow"): "1",
    qn("w:lastRow"): "0",
    qn("w:firstColumn"): "1",
    qn("w:lastColumn"): "0",
    qn("w:noHBand"): "0",
    qn("w:noVBand"): "1",
}
_EMPTY_VALUE = "–"


def write_docx(
    report: Report, path: Path, progress: Progress | None = None, template: Path | None = None
) -> Path:
    """Write `report` to `path` (replaced only when complete) and return the path."""
    document = _open_template(template or styles.template_path())
    writer = _DocxWriter(document)
    total = len(report.blocks) + 1
    for done, block in enumerate(report.blocks, start=1):
        writer.write(block)
        if progress is not None:
            progress(done, total)
    fill_page_furniture(document, report)
    _set_properties(document, report)
    request_field_update(document)
    with atomic_target(Path(path)) as temporary:
        document.save(str(temporary))
    if progress is not None:
        progress(total, total)
    return Path(path)


def _open_template(template: Path) -> DocxDocument:
    try:
        document = Document(str(template))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise ReportError(
            f"Rapportmallen {template} kunde inte läsas ({error}). Återställ mallen från "
            "programmets installation eller spara om den i Word som .docx."
        ) from error
    present = {styles.style_key(style.name) for style in document.styles if style.name}
    missing = [name for name in styles.REQUIRED_STYLES if styles.style_key(name) not in present]
    if missing:
        raise ReportError(
            f"Rapportmallen {template} saknar formatmallarna {', '.join(missing)}. Byt inte namn "
            "på mallens format; återställ dem eller använd den medföljande mallen."
        )
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


class _DocxWriter:
    """Appends blocks to the document body; one method per block type.

    Paragraphs and tables are built as WordprocessingML elements directly: python-docx's
    proxy objects cost several times the XML they produce, and the report has hundreds of them.
    """

    def __init__(self, document: DocxDocument) -> None:
        self.body = document.element.body
        self.part = document.part  # pictures are parts of the package, related to the body
        self.section_properties = self.body.find(qn("w:sectPr"))
        self.page_break_pending = False
        # Looking a style up by name scans every style in python-docx; resolve each name once.
        self.style_ids = {
            styles.style_key(style.name): style.style_id for style in document.styles if style.name
        }
        section = document.sections[0]
        usable = section.page_width - section.left_margin - section.right_margin
        self.text_width = int(usable / _EMU_PER_TWIP)
        self._handlers: dict[type, Callable[[Any], None]] = {
            Heading: self._heading,
            Paragraph: self._paragraph,
            BulletList: self._bullets,
            FieldTable: self._field_table,
            GridTable: self._grid_table,
            TitleBlock: self._title,
            TableOfContents: self._toc,
            DraftNotice: self._draft_notice,
            CriteriaBox: self._criteria_box,
            Figure: self._figure,
            PageBreak: self._page_break,
        }

    def write(self, block: Block) -> None:
        self._handlers[type(block)](block)

    # --- elements -----------------------------------------------------------------------------

    def _id(self, style: str) -> str:
        return self.style_ids[styles.style_key(style)]

    def _append(self, element: Any) -> Any:
        if self.section_properties is None:  # a template without page settings in its body
            self.body.append(element)
        else:
            self.section_properties.addprevious(element)
        return element

    def _p(self, text: str, style: str, *, mark: str = "", centered: bool = False) -> Any:
        """A w:p in `style`; "\n" in text is a line break, "\t" a tab; `mark` a styled run."""
        paragraph = OxmlElement("w:p")
        properties = SubElement(paragraph, qn("w:pPr"))
        if style != styles.NORMAL:
            SubElement(properties, qn("w:pStyle"), {qn("w:val"): self._id(style)})
        if centered:
            SubElement(properties, qn("w:jc"), {qn("w:val"): "center"})
        _run(paragraph, text)
        if mark:
            _run(paragraph, mark, self._id(styles.SCALE_MARK))
        return paragraph

    def _body_p(self, text: str, style: str) -> Any:
        paragraph = self._p(text, style)
        if self.page_break_pending:
            properties = paragraph.find(qn("w:pPr"))
            style_element = properties.find(qn("w:pStyle"))
            page_break = OxmlElement("w:pageBreakBefore")
            if style_element is None:
                properties.insert(0, page_break)
            else:
                style_element.addnext(page_break)
            self.page_break_pending = False
        return self._append(paragraph)

    def _table(self, widths: list[int], style: str) -> Any:
        if self.page_break_pending:
            self._body_p("", styles.NORMAL)
        table = OxmlElement("w:tbl")
        properties = SubElement(table, qn("w:tblPr"))
        SubElement(properties, qn("w:tblStyle"), {qn("w:val"): self._id(style)})
        SubElement(properties, qn("w:tblW"), {qn("w:w"): str(sum(widths)), qn("w:type"): "dxa"})
        SubElement(properties, qn("w:tblLayout"), {qn("w:type"): "fixed"})
        SubElement(properties, qn("w:tblLook"), _TABLE_LOOK)
        grid = SubElement(table, qn("w:tblGrid"))
        for width in widths:
            SubElement(grid, qn("w:gridCol"), {qn("w:w"): str(width)})
        return self._append(table)

    @staticmethod
    def _row(
        table: Any,
        widths: list[int],
        cells: list[list[Any]],
        *,
        header: bool = False,
        keep: bool = False,
    ) -> None:
        row = SubElement(table, qn("w:tr"))
        if header or keep:
            properties = SubElement(row, qn("w:trPr"))
            if keep:
                SubElement(properties, qn("w:cantSplit"))
            if header:
                SubElement(properties, qn("w:tblHeader"))
        for width, paragraphs in zip(widths, cells, strict=True):
            cell = SubElement(row, qn("w:tc"))
            cell_properties = SubElement(cell, qn("w:tcPr"))
            SubElement(cell_properties, qn("w:tcW"), {qn("w:w"): str(width), qn("w:type"): "dxa"})
            cell.extend(paragraphs)

    def _spacer(self) -> None:
        """An empty paragraph after a table, so two tables never fuse into one."""
        self._body_p("", styles.NORMAL)

    # --- simple blocks ------------------------------------------------------------------------

    def _heading(self, block: Heading) -> None:
        self._body_p(block.text, styles.HEADING[min(block.level, 3) - 1])

    def _paragraph(self, block: Paragraph) -> None:
        self._body_p(block.text.text, _ROLE_STYLES[block.role])

    def _bullets(self, block: BulletList) -> None:
        for item in block.items:
            self._body_p(item.text, styles.LIST_BULLET)

    def _figure(self, block: Figure) -> None:
        """The picture inline in a centred paragraph (alt text as its description), the caption
        below it."""
        width = int(self.text_width * _EMU_PER_TWIP * block.width)
        inline = self.part.new_pic_inline(io.BytesIO(block.png), width, None)
        inline.docPr.set("descr", block.alt)
        paragraph = self._body_p("", styles.NORMAL)
        properties = paragraph.find(qn("w:pPr"))  # Normal: no w:pStyle, so keepNext goes first
        properties.insert(0, OxmlElement("w:keepNext"))
        SubElement(properties, qn("w:jc"), {qn("w:val"): "center"})
        SubElement(SubElement(paragraph, qn("w:r")), qn("w:drawing")).append(inline)
        self._body_p(block.caption, styles.NOTE)

    def _page_break(self, _block: PageBreak) -> None:
        self.page_break_pending = True

    def _text_blocks(self, found: tuple[TextBlock, ...], style: str) -> list[Any]:
        """Editor text as cell paragraphs: list items get a bullet, nothing prints a dash."""
        paragraphs: list[Any] = []
        for block in found:
            if isinstance(block, TextList):
                paragraphs += [self._p(f"•\u00a0{item.text}", style) for item in block.items]
            else:
                paragraphs.append(self._p(block.text, style))
        return paragraphs or [self._p(_EMPTY_VALUE, style)]

    # --- tables -------------------------------------------------------------------------------

    def _field_table(self, block: FieldTable) -> None:
        widths = [_FIELD_LABEL_WIDTH, self.text_width - _FIELD_LABEL_WIDTH]
        table = self._table(widths, styles.FIELD_TABLE)
        for field in block.rows:
            label = [self._p(field.label, styles.FIELD_LABEL)]
            value = self._text_blocks(field.value, styles.TABLE_TEXT)
            self._row(table, widths, [label, value], keep=True)
        self._spacer()

    def _grid_table(self, block: GridTable) -> None:
        widths = [int(self.text_width * share) for share in block.widths]
        table = self._table(widths, styles.GRID_TABLE)
        for number, values in enumerate((block.header, *block.rows)):
            style = styles.TABLE_HEADING if number == 0 else styles.TABLE_TEXT
            cells = [
                [self._p(value, style, centered=centered)]
                for value, centered in zip(values, block.centered, strict=True)
            ]
            self._row(table, widths, cells, header=number == 0, keep=True)
        self._spacer()

    # --- composite blocks ---------------------------------------------------------------------

    def _title(self, block: TitleBlock) -> None:
        self._body_p(block.title, styles.TITLE)
        self._body_p(block.subtitle, styles.SUBTITLE)
        self._field_table(block.facts)

    def _toc(self, block: TableOfContents) -> None:
        """A TOC field; its cached result lists the headings until Word updates it on open."""
        self._body_p(block.title, styles.TOC_HEADING)
        entries = block.entries or (Heading(1, "", ""),)
        paragraphs = [
            self._body_p(entry.text, styles.TOC_LEVELS[min(entry.level, 2) - 1])
            for entry in entries
        ]
        anchor = paragraphs[0].find(qn("w:pPr"))
        for run in (
            field_char("begin"),
            instruction(' TOC \\o "1-2" \\h \\z \\u '),
            field_char("separate"),
        ):
            anchor.addnext(run)
            anchor = run
        paragraphs[-1].append(field_char("end"))

    def _draft_notice(self, block: DraftNotice) -> None:
        widths = [self.text_width]
        table = self._table(widths, styles.DRAFT_TABLE)
        paragraphs = [
            self._p(block.title, styles.DRAFT_HEADING),
            self._p(block.text, styles.DRAFT_TEXT),
        ]
        paragraphs += [self._p(f"•\u00a0{item}", styles.DRAFT_TEXT) for item in block.missing]
        self._row(table, widths, [paragraphs])
        self._spacer()

    def _criteria_box(self, block: CriteriaBox) -> None:
        """One row per part (preamble, each kind, the scale) so the box breaks between parts."""
        parts: list[tuple[list[Any], bool]] = []  # (paragraphs, keep the row on one page)
        preamble = [
            self._p(text, styles.BOX_TEXT) for text in (block.preamble, block.lead_in) if text
        ]
        if preamble:  # without one, the box opens with its first kind, as in the seed report
            parts.append(([self._p(block.title, styles.BOX_HEADING), *preamble], True))
        for group in block.groups:
            items = [self._p(f"•\t{text}", styles.BOX_ITEM) for text in group.criteria]
            if group.note:
                items.append(self._p(group.note, styles.BOX_TEXT))
            if group.heading:
                items.insert(0, self._p(group.heading, styles.BOX_HEADING))
            parts.append((items, False))
        scale = [self._p(block.scale_title, styles.BOX_HEADING)]
        for step in block.scale:
            style = styles.SCALE_STEP_MARKED if step.mark else styles.SCALE_STEP
            mark = f"\u2003◄ {step.mark}" if step.mark else ""
            scale.append(self._p(f"{step.grade}.\t{step.text}", style, mark=mark))
        if block.scale_note:
            scale.append(self._p(block.scale_note, styles.NOTE))
        parts.append((scale, True))
        widths = [self.text_width]
        table = self._table(widths, styles.BOX_TABLE)
        for paragraphs, keep in parts:
            self._row(table, widths, [paragraphs], keep=keep)
        self._spacer()


def _run(paragraph: Any, text: str, character_style: str | None = None) -> None:
    """Append a w:r holding `text`, with w:br for "\n" and w:tab for "\t"."""
    run = SubElement(paragraph, qn("w:r"))
    if character_style is not None:
        properties = SubElement(run, qn("w:rPr"))
        SubElement(properties, qn("w:rStyle"), {qn("w:val"): character_style})
    for number, line in enumerate(text.split("\n")):
        if number:
            SubElement(run, qn("w:br"))
        for index, piece in enumerate(line.split("\t")):
            if index:
                SubElement(run, qn("w:tab"))
            if piece:
                SubElement(run, qn("w:t"), {_XML_SPACE: "preserve"}).text = piece


# --- fields, header and footer, properties ---------------------------------------------------


def _set_properties(document: DocxDocument, report: Report) -> None:
    properties = document.core_properties
    properties.title = _property(report.title)
    properties.subject = _property(report.subject)
    properties.author = _property(report.author)
    properties.keywords = _property(report.keywords)
    properties.category = "SPUR-rapport"
    properties.language = "sv-SE"
    properties.comments = "UTKAST" if report.draft_mark else ""
    properties.last_modified_by = "spurdesk"
    now = datetime.now().replace(microsecond=0)
    properties.created = properties.modified = now
    properties.revision = 1


def _property(text: str, limit: int = 255) -> str:
    """Core properties hold at most 255 characters (python-docx refuses more)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
