"""The PDF's own parts: colours and page geometry, page furniture, and the flowables reportlab
lacks (heading anchors with bookmarks, TOC lines, progress marks, a wrap-caching Paragraph).

"Sida X av Y" and the TOC's page numbers are PDF form XObjects: each page refers to its form by
name while it is laid out, and the forms are defined when the canvas saves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable
from reportlab.platypus import Paragraph as PdfParagraph

from spurdesk.report.document import Heading, Report
from spurdesk.report.fonts import BOLD, FAMILY, register_fonts
from spurdesk.report.output import Progress

BLUE = colors.HexColor("#1F3864")
INK = colors.HexColor("#1F1F1F")
GREY = colors.HexColor("#595959")
LINE = colors.HexColor("#8EA0BF")
BOX_FILL = colors.HexColor("#EEF2F8")
MARK_FILL = colors.HexColor("#FFE08A")
RED = colors.HexColor("#C00000")
DRAFT_FILL = colors.HexColor("#FDF0F0")

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 2.5 * cm, 2.5 * cm, 2.2 * cm
TEXT_WIDTH = A4[0] - 2 * MARGIN_X
FOOTER_TEXT = "SPUR-granskning av ST-utbildningen"
#: Tables set a cell font even around flowables; without this every page declares Helvetica.
TABLE_FONT = ("FONTNAME", (0, 0), (-1, -1), FAMILY)


class Para(PdfParagraph):
    """A Paragraph that remembers its last wrap: tables wrap every cell twice at one width."""

    _wrapped_width: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # split() drops blPara when it gives up on a split: then wrapping is due again.
        if self._wrapped_width != available_width or not hasattr(self, "blPara"):
            super().wrap(available_width, available_height)
            self._wrapped_width = available_width
        return self.width, self.height


def fitted(text: str, font: str, size: float, width: float) -> str:
    """`text` cut (with "…") to fit `width`: a header drawn on every page must not cost time in
    proportion to a unit name of any length, nor run off the page."""
    if stringWidth(text, font, size) <= width:
        return text
    # No glyph is narrower than a fifth of the font size: more characters cannot fit.
    cut = text[: int(width / (size * 0.2))]
    while cut and stringWidth(cut + "…", font, size) > width:
        cut = cut[:-1]
    return cut.rstrip() + "…"


# --- page furniture and forward references ------------------------------------------------------


@dataclass
class Furniture:
    """Header, footer and watermark of every page, and the numbers only known at the end.

    "Sida X av Y" and the TOC's page numbers are PDF form XObjects: each page refers to its form
    by name while it is laid out, and the forms are defined once the last page is done.
    """

    report: Report
    heading_pages: dict[str, int] = field(default_factory=dict)
    toc_forms: dict[str, str] = field(default_factory=dict)  # heading key → form name
    toc_style: dict[str, ParagraphStyle] = field(default_factory=dict)
    header: str | None = None  # the header line, cut to the page's width
    page_started: Callable[[], None] | None = None  # called as each page begins

    def on_page(self, canvas: Canvas, _document: BaseDocTemplate) -> None:
        if self.page_started is not None:
            self.page_started()
        width, height = A4
        canvas.saveState()
        if self.report.draft_mark:
            canvas.saveState()
            canvas.setFillColor(RED)
            canvas.setFillAlpha(0.07)
            canvas.setFont(BOLD, 110)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(55)
            canvas.drawCentredString(0, -40, self.report.draft_mark)
            canvas.restoreState()
        family = register_fonts()
        canvas.setFont(family, 7.5)
        canvas.setFillColor(GREY)
        top = height - MARGIN_TOP + 0.9 * cm
        if self.header is None:  # once: every page draws the same line
            self.header = fitted(self.report.header_text, family, 7.5, TEXT_WIDTH)
        canvas.drawString(MARGIN_X, top, self.header)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 4, width - MARGIN_X, top - 4)
        bottom = MARGIN_BOTTOM - 1.1 * cm
        canvas.drawString(MARGIN_X, bottom, FOOTER_TEXT)
        canvas.translate(width - MARGIN_X, bottom)
        canvas.doForm(_page_form(canvas.getPageNumber()))
        canvas.restoreState()
        if self.report.draft_mark:
            canvas.saveState()
            canvas.setFont(BOLD, 9)
            canvas.setFillColor(RED)
            canvas.drawRightString(width - MARGIN_X, top, self.report.draft_mark)
            canvas.restoreState()

    def toc_form(self, key: str, style: ParagraphStyle) -> str:
        name = self.toc_forms.setdefault(key, f"toc{len(self.toc_forms)}")
        self.toc_style[key] = style
        return name

    def finish(self, canvas: Canvas, pages: int) -> None:
        """Define the forms every page and TOC line referred to."""
        family = register_fonts()
        for page in range(1, pages + 1):
            _right_aligned_form(
                canvas, _page_form(page), f"Sida {page} av {pages}", family, 7.5, GREY
            )
        for key, name in self.toc_forms.items():
            style = self.toc_style[key]
            number = str(self.heading_pages.get(key, ""))
            _right_aligned_form(canvas, name, number, style.fontName, style.fontSize, INK)


def _page_form(page: int) -> str:
    return f"page{page}"


def _right_aligned_form(
    canvas: Canvas, name: str, text: str, font: str, size: float, color: Any
) -> None:
    canvas.beginForm(name, lowerx=-A4[0], lowery=-size, upperx=1, uppery=2 * size)
    canvas.setFont(font, size)
    canvas.setFillColor(color)
    canvas.drawRightString(0, 0, text)
    canvas.endForm()


class ReportCanvas(Canvas):
    """Defines the forward-referenced forms when the document is saved."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self.showOutline()

    def save(self) -> None:
        self._furniture.finish(self, self.getPageNumber() - 1)
        super().save()


class Anchor(Flowable):
    """Zero-size mark before a heading: its bookmark, outline entry and page for the TOC."""

    def __init__(self, heading: Heading, furniture: Furniture) -> None:
        super().__init__()
        self.heading, self.furniture = heading, furniture
        self.keepWithNext = 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas, key = self.canv, self.heading.key
        canvas.bookmarkHorizontal(key, 0, 0)
        canvas.addOutlineEntry(self.heading.text, key, level=self.heading.level - 1, closed=True)
        self.furniture.heading_pages[key] = canvas.getPageNumber()


class TocLine(Flowable):
    """One TOC entry; its page number is drawn at save time, when the heading's page is known."""

    NUMBER_WIDTH = 1.2 * cm

    def __init__(self, entry: Heading, style: ParagraphStyle, furniture: Furniture) -> None:
        super().__init__()
        self.entry, self.style, self.furniture = entry, style, furniture
        self.lines: list[str] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        room = available_width - self.style.leftIndent - self.NUMBER_WIDTH
        self.lines = simpleSplit(self.entry.text, self.style.fontName, self.style.fontSize, room)
        self.height = len(self.lines) * self.style.leading + self.style.spaceBefore
        return self.width, self.height

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(INK)
        y = self.height - self.style.spaceBefore - style.fontSize
        for line in self.lines:
            canvas.drawString(style.leftIndent, y, line)
            y -= style.leading
        y += style.leading
        text_end = style.leftIndent + stringWidth(self.lines[-1], style.fontName, style.fontSize)
        canvas.setFillColor(LINE)
        dots_from, dots_to = text_end + 6, self.width - self.NUMBER_WIDTH + 4
        if dots_to > dots_from:
            canvas.setFont(style.fontName, style.fontSize * 0.8)
            dot = stringWidth(". ", style.fontName, style.fontSize * 0.8)
            canvas.drawString(dots_from, y, ". " * int((dots_to - dots_from) / dot))
        canvas.saveState()
        canvas.translate(self.width, y)
        canvas.doForm(self.furniture.toc_form(self.entry.key, style))
        canvas.restoreState()
        canvas.linkRect("", self.entry.key, (0, 0, self.width, self.height), relative=1)


class ProgressMark(Flowable):
    """Zero-size: reports progress when layout reaches it."""

    def __init__(self, done: int, total: int, progress: Progress) -> None:
        super().__init__()
        self.done, self.total, self.progress = done, total, progress

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.progress(self.done, self.total)
