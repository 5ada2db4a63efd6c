"""Reading exported reports back: python-docx for Word, pypdf for PDF."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader


def normalise(text: str) -> str:
    """Whitespace-insensitive form: line wrapping differs between Word, PDF and the source."""
    return " ".join(text.split())


@dataclass(frozen=True)
class DocxLine:
    style: str
    text: str


@dataclass
class DocxReadback:
    lines: list[DocxLine]  # every paragraph in document order, table cells included
    document: docx.document.Document

    @property
    def text(self) -> str:
        return normalise(" ".join(line.text for line in self.lines))

    def styled(self, style: str) -> list[str]:
        return [line.text for line in self.lines if line.style == style]

    def header_text(self) -> str:
        return normalise(" ".join(p.text for p in self.document.sections[0].header.paragraphs))

    def footer_xml(self) -> str:
        return self.document.sections[0].footer._element.xml


@cache  # tests only read: parse each exported file once per session
def read_docx(path: Path) -> DocxReadback:
    document = docx.Document(str(path))
    # paragraph.style.name scans all styles per call; resolve the ids once instead.
    names = {style.style_id: style.name for style in document.styles}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH).name
    lines = []
    for element in document.element.body.iter(qn("w:p")):
        style = names.get(element.style, default) if element.style else default
        lines.append(DocxLine(style, Paragraph(element, document).text))
    return DocxReadback(lines, document)


@dataclass
class PdfReadback:
    pages: list[str]
    reader: PdfReader

    @property
    def text(self) -> str:
        return normalise(" ".join(self.pages))

    def outline_titles(self) -> list[str]:
        titles: list[str] = []

        def walk(entries: list) -> None:
            for entry in entries:
                if isinstance(entry, list):
                    walk(entry)
                else:
                    titles.append(entry.title)

        walk(self.reader.outline)
        return titles


@cache
def read_pdf(path: Path) -> PdfReadback:
    reader = PdfReader(str(path))
    return PdfReadback([page.extract_text() or "" for page in reader.pages], reader)


def assert_in_order(text: str, expected: list[str]) -> None:
    """Each expected piece occurs in `text` after the previous one."""
    position = 0
    for piece in expected:
        found = text.find(normalise(piece), position)
        assert found >= 0, f"{piece!r} not found after position {position}"
        position = found + len(normalise(piece))
