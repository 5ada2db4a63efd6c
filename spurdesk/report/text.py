"""Text from the inspection made safe for Word and PDF, and split into paragraphs and lists.

Findings and action plans are often pasted from PDFs and carry control characters that XML cannot
store (python-docx raises on a vertical tab, GUIDE.md §7). Everything the report prints passes
through here, so a stray character is mapped or dropped and never costs the rest of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spurdesk.model.text import clean_text

_BULLET = re.compile(r"^\s*[-•*]\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_SPACES = re.compile(r"[ \t\n]+")

#: The character a paragraph's lines are joined with where the author broke a line.
LINE_BREAK = "\n"


@dataclass(frozen=True)
class TextParagraph:
    """A paragraph; `lines` are separated by line breaks (not new paragraphs) when printed."""

    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return LINE_BREAK.join(self.lines)


@dataclass(frozen=True)
class TextList:
    """A bullet list; each item may itself hold line breaks."""

    items: tuple[TextParagraph, ...]


TextBlock = TextParagraph | TextList


#: Multi-line text with every character XML can store (the one cleaner, spurdesk.model.text).
clean = clean_text


def clean_line(text: str) -> str:
    """A single-line field (a name, a date, a heading): storable, all whitespace runs one space."""
    return _SPACES.sub(" ", clean(text)).strip()


def blocks(text: str) -> tuple[TextBlock, ...]:
    """Split editor text into paragraphs and bullet lists.

    Blank lines separate paragraphs; a single line break stays a line break; lines starting with
    "- ", "• " or "* " become list items, and an indented line right after an item continues it.
    """
    result: list[TextBlock] = []
    for chunk in _PARAGRAPH_BREAK.split(clean(text)):
        result.extend(_chunk_blocks(chunk))
    return _merge_adjacent_lists(result)


def _chunk_blocks(chunk: str) -> list[TextBlock]:
    out: list[TextBlock] = []
    lines: list[str] = []  # the paragraph being collected
    items: list[list[str]] = []  # the list being collected, one line list per item

    def flush_paragraph() -> None:
        if lines:
            out.append(TextParagraph(tuple(lines)))
            lines.clear()

    def flush_list() -> None:
        if items:
            out.append(TextList(tuple(TextParagraph(tuple(item)) for item in items)))
            items.clear()

    for raw in chunk.split("\n"):
        line = raw.strip()
        if not line:
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            flush_paragraph()
            rest = raw[bullet.end() :].strip()
            if rest:
                items.append([rest])
        elif items and raw[:1] in (" ", "\t"):
            items[-1].append(line)
        else:
            flush_list()
            lines.append(line)
    flush_paragraph()
    flush_list()
    return out


def _merge_adjacent_lists(found: list[TextBlock]) -> tuple[TextBlock, ...]:
    """Bullets separated by a blank line are still one list."""
    merged: list[TextBlock] = []
    for block in found:
        previous = merged[-1] if merged else None
        if isinstance(block, TextList) and isinstance(previous, TextList):
            merged[-1] = TextList(previous.items + block.items)
        else:
            merged.append(block)
    return tuple(merged)
