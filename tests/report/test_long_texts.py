"""Issue 14, point 6: any text the library holds exports to PDF in work proportional to its length.

reportlab wraps a paragraph's whole remaining text again for every page it is split across, so a
single text of 25,000 short lines took minutes. Long texts are now set as pieces of bounded size;
these tests count the characters reportlab wraps (no timing: the worst cases are timed by
`python -m bench.run`, see bench/pdf_worst.py) and check that nothing of the text is lost.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph as PdfParagraph

from spurdesk.model.inspection import Inspection
from spurdesk.report import export_pdf
from spurdesk.report.pdf_writer import CELL_CHUNK, PARAGRAPH_CHUNK, PARAGRAPH_LINES, _pieces
from spurdesk.report.text import TextParagraph
from tests.report.readback import normalise

SIZE = 30_000


def short_lines(size: int) -> str:
    return "\n".join(f"Rad {n}: kort" for n in range(size // 12))[:size]


def prose(size: int) -> str:
    return ("Handledningen fungerar väl men tiden räcker inte alltid till. " * (size // 60))[:size]


def with_findings(inspection: Inspection, text: str) -> Inspection:
    sections = tuple(
        dataclasses.replace(s, findings=text) if s.section_id == "A" else s
        for s in inspection.sections
    )
    return dataclasses.replace(inspection, sections=sections)


def _characters(frags: list[object]) -> int:
    """The text a paragraph's fragments hold: styled fragments with `.text` before the first
    wrap, word lists `[width, (fragment, text), …]` in the remainder of a split paragraph."""
    count = 0
    for fragment in frags:
        text = getattr(fragment, "text", None)
        if isinstance(text, str):
            count += len(text)
        elif isinstance(fragment, list | tuple):
            count += sum(
                len(part[1])
                for part in fragment[1:]
                if isinstance(part, list | tuple) and len(part) > 1 and isinstance(part[1], str)
            )
    return count


def wrapped_characters(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the characters reportlab breaks into lines, over every wrap of every paragraph."""
    counted: list[int] = []
    original = PdfParagraph.breakLines

    def counting(self: PdfParagraph, width: object) -> object:
        counted.append(_characters(self.frags))
        return original(self, width)

    monkeypatch.setattr(PdfParagraph, "breakLines", counting)
    return counted


@pytest.mark.parametrize(
    "shape",
    ["findings as short lines", "findings as prose", "unit name", "summary item", "action field"],
)
def test_a_long_text_costs_work_in_proportion_to_its_length(
    demo: Inspection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    baseline = wrapped_characters(monkeypatch)
    export_pdf(demo, tmp_path / "demo.pdf")
    demo_work = sum(baseline)
    baseline.clear()
    text = prose(SIZE) if shape in ("findings as prose", "unit name") else short_lines(SIZE)
    inspection = {
        "findings as short lines": lambda: with_findings(demo, text),
        "findings as prose": lambda: with_findings(demo, text),
        "unit name": lambda: dataclasses.replace(demo, unit=text),
        "summary item": lambda: dataclasses.replace(
            demo, summary=(dataclasses.replace(demo.summary[0], text=text), *demo.summary[1:])
        ),
        "action field": lambda: dataclasses.replace(
            demo,
            action_items=(
                dataclasses.replace(demo.action_items[0], planned_action=text),
                *demo.action_items[1:],
            ),
        ),
    }[shape]()
    export_pdf(inspection, tmp_path / "lang.pdf")
    extra = sum(baseline) - demo_work
    # Each character is wrapped a few times at most (tables measure twice, a piece split at a
    # page end once more); the old layout wrapped a 30,000-character text some 25 times over.
    assert extra < 4 * SIZE, f"{extra / SIZE:.1f} wraps per character"


def test_every_line_of_a_long_text_is_in_the_pdf_in_order(demo: Inspection, tmp_path: Path) -> None:
    lines = [f"Rad {n} av iakttagelserna" for n in range(1200)]
    reader = PdfReader(str(export_pdf(with_findings(demo, "\n".join(lines)), tmp_path / "r.pdf")))
    text = normalise(" ".join(page.extract_text() for page in reader.pages))
    positions = [text.index(f"{line} ") for line in lines]
    assert positions == sorted(positions)


def test_pieces_keep_every_line_break_and_cut_long_lines_at_sentences() -> None:
    lines = tuple(f"Rad {n}" for n in range(100))
    pieces = _pieces(TextParagraph(lines))
    assert "\n".join(pieces) == "\n".join(lines)
    assert all(piece.count("\n") < PARAGRAPH_LINES for piece in pieces)
    sentence = "Tiden räcker inte alltid till. "
    long_line = (sentence * 300).strip()
    cut = _pieces(TextParagraph(("Först", long_line, "Sist")))
    assert " ".join(cut).replace("\n", " ") == f"Först {long_line} Sist"
    assert all(len(piece) <= PARAGRAPH_CHUNK for piece in cut)
    assert all(piece.rstrip().endswith((".", "Sist")) for piece in cut)
    assert _pieces(TextParagraph(("kort",))) == ["kort"]
    assert all(len(p) <= CELL_CHUNK for p in _pieces(TextParagraph((long_line,)), CELL_CHUNK))


def test_a_unit_name_of_any_length_gives_a_header_that_fits_the_page(
    demo: Inspection, tmp_path: Path
) -> None:
    inspection = dataclasses.replace(demo, unit="Röntgenkliniken " * 400)
    reader = PdfReader(str(export_pdf(inspection, tmp_path / "r.pdf")))
    header = reader.pages[-1].extract_text().splitlines()[0]
    assert header.endswith("…") and len(header) < 200
