"""The report as a small tree of blocks: what to print, in order, with no notion of Word or PDF.

`content.py` builds it from an inspection; `docx_writer.py` and `pdf_writer.py` each render every
block type. All text in here is already sanitised (see `text.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spurdesk.report.text import TextBlock, TextParagraph


class Role(StrEnum):
    """What a paragraph is for; each writer maps a role to one named style."""

    BODY = "body"
    NOTE = "note"  # a remark about the report itself: "Iakttagelser saknas."
    CRITERION = "criterion"  # the criterion an action item answers


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = area, summary, appendix; 2 = section; 3 = sub-heading
    text: str
    key: str  # unique within the report: anchors bookmarks and TOC links


@dataclass(frozen=True)
class Paragraph:
    text: TextParagraph
    role: Role = Role.BODY


@dataclass(frozen=True)
class BulletList:
    items: tuple[TextParagraph, ...]


@dataclass(frozen=True)
class Field:
    label: str
    value: tuple[TextBlock, ...]  # empty prints as a dash


@dataclass(frozen=True)
class FieldTable:
    """Label–value rows: the title page's facts, an action item's fields."""

    rows: tuple[Field, ...]


@dataclass(frozen=True)
class GridTable:
    """A table with a header row, e.g. the grade overview."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the text width, summing to 1
    centered: tuple[bool, ...]  # per column


@dataclass(frozen=True)
class TitleBlock:
    title: str
    subtitle: str
    facts: FieldTable


@dataclass(frozen=True)
class TableOfContents:
    title: str
    entries: tuple[Heading, ...]  # the headings the TOC lists (levels 1 and 2)


@dataclass(frozen=True)
class DraftNotice:
    """The UTKAST box: why the report is a draft and what is missing."""

    title: str
    text: str
    missing: tuple[str, ...]


@dataclass(frozen=True)
class CriteriaGroup:
    heading: str  # "Föreskrift", "Allmänna råd", "Kvalitetsindikator(er)"; "" under the box title
    criteria: tuple[str, ...]
    note: str = ""  # a remark on the group, printed after its criteria


@dataclass(frozen=True)
class ScaleStep:
    grade: str
    text: str
    mark: str  # "" or why the step is marked: "Given gradering", "Ändrad gradering" …


@dataclass(frozen=True)
class CriteriaBox:
    """A section's box: regulation preamble, criteria by kind, and the grading scale."""

    title: str  # "Föreskrift"
    preamble: str  # the regulation's sentence; "" when the set gives none
    lead_in: str  # "Vilket, enligt SPUR-modellen, innebär att:"
    groups: tuple[CriteriaGroup, ...]
    scale_title: str  # "Gradering"
    scale: tuple[ScaleStep, ...]
    scale_note: str  # "" or e.g. "Avsnittet är ännu inte graderat."


@dataclass(frozen=True)
class Figure:
    """A picture (the re-inspection's grade chart) with its caption below it."""

    png: bytes
    width: float  # a fraction of the text width; the height follows the picture
    caption: str
    alt: str  # the picture told in words, for screen readers


@dataclass(frozen=True)
class PageBreak:
    pass


Block = (
    Heading
    | Paragraph
    | BulletList
    | FieldTable
    | GridTable
    | TitleBlock
    | TableOfContents
    | DraftNotice
    | CriteriaBox
    | Figure
    | PageBreak
)


@dataclass(frozen=True)
class Report:
    """A whole document: its properties, the page furniture's text and the blocks."""

    title: str
    subject: str
    author: str
    keywords: str
    header_text: str  # the unit's name, printed on every page
    draft_mark: str  # "UTKAST" on every page of a draft, else ""
    blocks: tuple[Block, ...]

    @property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Heading))
