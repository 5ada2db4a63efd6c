"""Render a `Report` as PDF with reportlab: the same blocks, in the same order, as the DOCX.

Layout happens once: what depends on the finished layout ("Sida X av Y", the TOC's page numbers)
is filled in when the canvas saves (see pdf_parts.py). This module maps blocks to flowables.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    LayoutError,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import (
    PageBreak as PdfPageBreak,
)
from reportlab.platypus import Paragraph as PdfParagraph

from spurdesk.report.document import (
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
from spurdesk.report.fonts import BOLD, ITALIC, register_fonts
from spurdesk.report.output import Progress, ReportError, atomic_target
from spurdesk.report.pdf_parts import (
    BLUE,
    BOX_FILL,
    DRAFT_FILL,
    GREY,
    INK,
    LINE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MARK_FILL,
    RED,
    TABLE_FONT,
    TEXT_WIDTH,
    Anchor,
    Furniture,
    Para,
    ProgressMark,
    ReportCanvas,
    TocLine,
)
from spurdesk.report.text import LINE_BREAK, TextBlock, TextList, TextParagraph

#: Table cells cannot break across pages: longer paragraphs are cut into rows of about this size.
CELL_CHUNK = 1200
#: Longer paragraphs are set as several flowables of about this many characters, or lines, at
#: most (each about half a page; see `_pieces`).
PARAGRAPH_CHUNK = 2000
PARAGRAPH_LINES = 20


def write_pdf(report: Report, path: Path, progress: Progress | None = None) -> Path:
    """Write `report` to `path` (replaced only when complete) and return the path."""
    family = register_fonts()
    furniture = Furniture(report)
    total = len(report.blocks) + 1
    if progress is not None:
        # Progress is also reported as each page begins (with the last block's count), so that
        # a caller who cancels by raising from `progress` is heard within a page, even inside
        # one very long text.
        reached = [0]
        report_progress = progress

        def progress(done: int, total: int) -> None:
            reached[0] = done
            report_progress(done, total)

        furniture.page_started = lambda: report_progress(reached[0], total)
    story = _Story(_styles(family), furniture, progress, total).build(report)
    with atomic_target(Path(path)) as temporary:
        document = BaseDocTemplate(
            str(temporary),
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=report.title,
            author=report.author,
            subject=report.subject,
            keywords=report.keywords,
            creator="spurdesk",
            lang="sv-SE",
            initialFontName=family,  # else every page declares Helvetica, which is not embedded
            displayDocTitle=True,
        )
        frame = Frame(
            MARGIN_X, MARGIN_BOTTOM, TEXT_WIDTH, A4[1] - MARGIN_TOP - MARGIN_BOTTOM, id="text"
        )
        document.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPage=furniture.on_page)]
        )
        try:
            document.build(story, canvasmaker=partial(ReportCanvas, furniture=furniture))
        except LayoutError as error:
            raise ReportError(
                f"PDF-rapporten kunde inte sättas: {error}. Dela upp mycket långa texter i "
                "stycken (tom rad emellan) och försök igen, eller exportera till Word."
            ) from error
    if progress is not None:
        progress(len(report.blocks) + 1, len(report.blocks) + 1)
    return Path(path)


# --- styles ----------------------------------------------------------------------------------


def _styles(family: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=family,
        bulletFontName=family,
        fontSize=9.5,
        leading=13.5,
        spaceAfter=5,
        textColor=INK,
    )

    def derive(name: str, parent: ParagraphStyle = body, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **changes)

    heading = derive("heading", fontName=BOLD, textColor=BLUE, keepWithNext=1)
    box = derive("box", fontSize=8.5, leading=11.5, spaceAfter=0)
    table = derive("table", fontSize=9, leading=12, spaceAfter=0)
    return {
        "body": body,
        "note": derive("note", fontName=ITALIC, textColor=GREY),
        "criterion": derive("criterion", fontName=ITALIC, spaceAfter=0),
        "title": derive(
            "title",
            fontName=BOLD,
            fontSize=24,
            leading=29,
            textColor=BLUE,
            spaceBefore=80,
            spaceAfter=10,
        ),
        "subtitle": derive("subtitle", fontSize=14, leading=18, textColor=GREY, spaceAfter=30),
        "h1": derive("h1", heading, fontSize=17, leading=21, spaceAfter=10),
        "h2": derive("h2", heading, fontSize=12.5, leading=16, spaceBefore=12, spaceAfter=5),
        "h3": derive("h3", heading, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3),
        "bullet": derive("bullet", leftIndent=14, bulletIndent=3, spaceAfter=3),
        "table": table,
        "table_head": derive(
            "table_head", table, fontName=BOLD, fontSize=8.5, textColor=colors.white
        ),
        "table_bullet": derive("table_bullet", table, leftIndent=10, bulletIndent=0),
        "label": derive("label", table, fontName=BOLD, fontSize=8.5, textColor=BLUE),
        "box": box,
        "box_heading": derive("box_heading", box, fontName=BOLD, fontSize=9, textColor=BLUE),
        "box_item": derive("box_item", box, leftIndent=12, bulletIndent=2),
        "scale": derive("scale", box, leftIndent=16, bulletIndent=0),
        "scale_marked": derive(
            "scale_marked", box, fontName=BOLD, bulletFontName=BOLD, leftIndent=16, bulletIndent=0
        ),
        "box_note": derive("box_note", box, fontName=ITALIC, textColor=GREY),
        "toc1": derive("toc1", fontName=BOLD, fontSize=10, leading=14, spaceBefore=5),
        "toc2": derive("toc2", fontSize=9.5, leading=13, leftIndent=14),
        "draft_heading": derive(
            "draft_heading", fontName=BOLD, fontSize=12, leading=15, textColor=RED, spaceAfter=0
        ),
        "draft": derive("draft", table),
        "draft_item": derive("draft_item", table, leftIndent=10, bulletIndent=0),
    }


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


# --- blocks to flowables -----------------------------------------------------------------------


class _Story:
    """Turns blocks into flowables; one method per block type, mirroring the DOCX writer."""

    def __init__(
        self,
        styles: dict[str, ParagraphStyle],
        furniture: Furniture,
        progress: Progress | None,
        total: int,
    ) -> None:
        self.styles, self.furniture, self.progress, self.total = styles, furniture, progress, total
        self._handlers: dict[type, Callable[[Any], list[Flowable]]] = {
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
            PageBreak: lambda _block: [PdfPageBreak()],
        }

    def build(self, report: Report) -> list[Flowable]:
        story: list[Flowable] = []
        for done, block in enumerate(report.blocks, start=1):
            flowables = self._handlers[type(block)](block)
            story += flowables
            if self.progress is not None:
                mark = ProgressMark(done, self.total, self.progress)
                # Carry on a keep-with-next chain (heading → text), so progress never moves a
                # page break.
                mark.keepWithNext = bool(flowables) and flowables[-1].getKeepWithNext()
                story.append(mark)
        return story

    def _p(self, text: str, style: str, bullet: str | None = None) -> PdfParagraph:
        return Para(_markup(text), self.styles[style], bulletText=bullet)

    def _heading(self, block: Heading) -> list[Flowable]:
        return [Anchor(block, self.furniture), self._p(block.text, f"h{min(block.level, 3)}")]

    def _paragraph(self, block: Paragraph) -> list[Flowable]:
        if block.role == Role.CRITERION:
            table = Table([[self._p(block.text.text, "criterion")]], colWidths=[TEXT_WIDTH])
            table.setStyle(
                TableStyle(
                    [
                        TABLE_FONT,
                        ("LINEBEFORE", (0, 0), (0, -1), 2.5, LINE),
                        ("LEFTPADDING", (0, 0), (-1, -1), 9),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ]
                )
            )
            # The criterion stays with the action item's heading and its fields.
            table.keepWithNext = 1
            spacer = Spacer(1, 7)
            spacer.keepWithNext = 1
            return [table, spacer]
        return self._long(block.text, "note" if block.role == Role.NOTE else "body")

    def _bullets(self, block: BulletList) -> list[Flowable]:
        return [piece for item in block.items for piece in self._long(item, "bullet", "•")]

    def _long(self, text: TextParagraph, style: str, bullet: str | None = None) -> list[Flowable]:
        """A paragraph as one flowable, or a long one as several (`_pieces`) that read as one:
        no space between them, the bullet only on the first."""
        pieces = _pieces(text)
        last = len(pieces) - 1
        return [
            self._p(piece, self._piece_style(style, n == 0, n == last), bullet if n == 0 else None)
            for n, piece in enumerate(pieces)
        ]

    def _piece_style(self, style: str, first: bool, last: bool) -> str:
        """`style` for one piece of a long paragraph: its space before only on the first piece
        and its space after only on the last, so that the pieces read as one paragraph."""
        if first and last:
            return style
        name = f"{style}_{'first' if first else 'last' if last else 'middle'}"
        if name not in self.styles:
            parent = self.styles[style]
            self.styles[name] = ParagraphStyle(
                name,
                parent=parent,
                spaceBefore=parent.spaceBefore if first else 0,
                spaceAfter=parent.spaceAfter if last else 0,
            )
        return name

    def _cell_pieces(
        self, found: tuple[TextBlock, ...], style: str, bullet_style: str
    ) -> list[PdfParagraph]:
        """Editor text as cell paragraphs, long ones cut so that every row fits on a page."""
        pieces: list[PdfParagraph] = []
        for block in found:
            items = block.items if isinstance(block, TextList) else (block,)
            for item in items:
                bullet = "•" if isinstance(block, TextList) else None
                for chunk in _pieces(item, CELL_CHUNK):
                    pieces.append(self._p(chunk, bullet_style if bullet else style, bullet))
                    bullet = None
        return pieces or [self._p("–", style)]

    def _field_table(self, block: FieldTable) -> list[Flowable]:
        rows: list[list[Any]] = []
        commands: list[Any] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), BOX_FILL),
            ("LINEABOVE", (0, 0), (-1, 0), 0.5, LINE),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
        for item in block.rows:
            pieces = self._cell_pieces(item.value, "table", "table_bullet")
            first = len(rows)
            rows += [
                [self._p(item.label, "label") if i == 0 else Spacer(0, 0), piece]
                for i, piece in enumerate(pieces)
            ]
            last = len(rows) - 1
            commands += [
                ("TOPPADDING", (0, first), (-1, first), 4),
                ("BOTTOMPADDING", (0, last), (-1, last), 4),
                ("LINEBELOW", (0, last), (-1, last), 0.5, LINE),
            ]
        table = Table(rows, colWidths=[4.6 * cm, TEXT_WIDTH - 4.6 * cm])
        table.setStyle(TableStyle([TABLE_FONT, *commands]))
        return [table, Spacer(1, 10)]

    def _grid_table(self, block: GridTable) -> list[Flowable]:
        rows = [[self._p(text, "table_head") for text in block.header]]
        rows += [[self._p(text, "table") for text in row] for row in block.rows]
        table = Table(rows, colWidths=[TEXT_WIDTH * w for w in block.widths], repeatRows=1)
        commands: list[Any] = [
            ("BACKGROUND", (0, 0), (-1, 0), BLUE),
            ("GRID", (0, 0), (-1, -1), 0.5, LINE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        for column, centered in enumerate(block.centered):
            if centered:
                for row in rows:
                    row[column].style = ParagraphStyle(
                        "c", parent=row[column].style, alignment=TA_CENTER
                    )
        table.setStyle(TableStyle([TABLE_FONT, *commands]))
        return [table, Spacer(1, 10)]

    def _figure(self, block: Figure) -> list[Flowable]:
        """The picture at its share of the text width, kept on one page with its caption."""
        width, height = ImageReader(io.BytesIO(block.png)).getSize()
        shown = TEXT_WIDTH * block.width
        picture = Image(io.BytesIO(block.png), width=shown, height=shown * height / width)
        return [KeepTogether([picture, *self._long(TextParagraph((block.caption,)), "note")])]

    def _title(self, block: TitleBlock) -> list[Flowable]:
        return [
            *self._long(TextParagraph((block.title,)), "title"),
            *self._long(TextParagraph((block.subtitle,)), "subtitle"),
            *self._field_table(block.facts),
        ]

    def _toc(self, block: TableOfContents) -> list[Flowable]:
        out: list[Flowable] = [self._p(block.title, "h1")]
        for entry in block.entries:
            out.append(
                TocLine(entry, self.styles["toc1" if entry.level == 1 else "toc2"], self.furniture)
            )
        return out

    def _boxed(self, rows: list[PdfParagraph], fill: Any, border: Any, width: float) -> Table:
        table = Table([[row] for row in rows], colWidths=[TEXT_WIDTH])
        table.setStyle(
            TableStyle(
                [
                    TABLE_FONT,
                    ("BOX", (0, 0), (-1, -1), width, border),
                    ("BACKGROUND", (0, 0), (-1, -1), fill),
                    ("LEFTPADDING", (0, 0), (-1, -1), 9),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("TOPPADDING", (0, 0), (-1, 0), 7),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
                ]
            )
        )
        return table

    def _draft_notice(self, block: DraftNotice) -> list[Flowable]:
        rows = [self._p(block.title, "draft_heading"), self._p(block.text, "draft")]
        for item in block.missing:
            rows += [self._p(chunk, "draft_item", "•") for chunk in _chunks(item)]
        return [self._boxed(rows, DRAFT_FILL, RED, 1.2), Spacer(1, 10)]

    def _criteria_box(self, block: CriteriaBox) -> list[Flowable]:
        rows: list[PdfParagraph] = []
        keep: list[tuple[int, int]] = []  # row ranges that must not be parted
        gap: list[int] = []  # rows that open a part and get space above

        def part(items: list[PdfParagraph], together: bool) -> None:
            start = len(rows)
            rows.extend(items)
            gap.append(start)
            keep.append(
                (start, len(rows) - 1) if together else (start, min(start + 1, len(rows) - 1))
            )

        preamble = [self._p(t, "box") for t in (block.preamble, block.lead_in) if t]
        if preamble:
            part([self._p(block.title, "box_heading"), *preamble], together=True)
        for group in block.groups:
            part(
                ([self._p(group.heading, "box_heading")] if group.heading else [])
                + [self._p(text, "box_item", "•") for text in group.criteria]
                + ([self._p(group.note, "box")] if group.note else []),
                together=False,
            )
        scale = [self._p(block.scale_title, "box_heading")]
        marked: list[int] = []
        for step in block.scale:
            if step.mark:
                marked.append(len(rows) + len(scale))
                text = (
                    f"{_markup(step.text)}&nbsp;&nbsp;"
                    f"<font color='#1F3864'><i>◄ {_markup(step.mark)}</i></font>"
                )
                scale.append(Para(text, self.styles["scale_marked"], bulletText=f"{step.grade}."))
            else:
                scale.append(self._p(step.text, "scale", f"{step.grade}."))
        if block.scale_note:
            scale.append(self._p(block.scale_note, "box_note"))
        part(scale, together=True)
        table = self._boxed(rows, BOX_FILL, LINE, 0.8)
        commands: list[Any] = [("NOSPLIT", (0, a), (0, b)) for a, b in keep]
        commands += [("TOPPADDING", (0, row), (0, row), 7) for row in gap[1:]]
        commands += [("BACKGROUND", (0, row), (0, row), MARK_FILL) for row in marked]
        table.setStyle(TableStyle([TABLE_FONT, *commands]))
        return [table, Spacer(1, 12)]


_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")


def _pieces(paragraph: TextParagraph, limit: int = PARAGRAPH_CHUNK) -> list[str]:
    """The paragraph's text in pieces of at most about `limit` characters and PARAGRAPH_LINES
    lines: cut between its lines, and a line longer than that between sentences (or words).

    reportlab wraps a paragraph's whole remaining text again for every page it is split across,
    so one giant paragraph costs time growing with the square of its length (100,000 characters
    of short lines took minutes). Pieces of bounded size keep the work linear; line breaks are
    kept exactly, and a cut inside a long line falls at a sentence end.
    """
    pieces: list[str] = []
    current = ""
    lines = 0
    for line in paragraph.lines:
        for number, part in enumerate(_chunks(line, limit)):
            joiner = " " if number else LINE_BREAK  # a cut line continues; a new line breaks
            if current and (len(current) + 1 + len(part) > limit or lines >= PARAGRAPH_LINES):
                pieces.append(current)
                current, lines = part, 1
            else:
                current = f"{current}{joiner}{part}" if current else part
                lines += not number
    return [*pieces, current] if current or not pieces else pieces


def _chunks(text: str, limit: int = CELL_CHUNK) -> list[str]:
    """Cut text into pieces of at most about `limit` characters, at sentence ends or spaces."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        words = [sentence] if len(sentence) <= limit else _by_words(sentence, limit)
        for part in words:
            if current and len(current) + 1 + len(part) > limit:
                pieces.append(current)
                current = part
            else:
                current = f"{current} {part}" if current else part
    if current:
        pieces.append(current)
    return pieces


def _by_words(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for word in text.split(" "):
        while len(word) > limit:  # one unbroken "word" longer than a row can hold
            pieces.append(word[:limit])
            word = word[limit:]
        if current and len(current) + 1 + len(word) > limit:
            pieces.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        pieces.append(current)
    return pieces
