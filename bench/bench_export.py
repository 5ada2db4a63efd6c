"""Time the report export of the demo inspection against the floors it cannot beat.

    .venv/bin/python bench/bench_export.py [--repeat N]

Floors (issue 8, Export): the same paragraphs written with bare python-docx and no styling, and
the same text as a bare reportlab document (same embedded font, one Paragraph per text, one
build). Each figure is the best of N runs after a warm-up, measured in the same process as its
floor; targets: under 1 s, and at most 2× the floor. Prints a table; exits 1 when a target fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spurdesk.model.demo import demo_inspection
from spurdesk.report import export_docx, export_pdf
from spurdesk.report.content import build_report
from spurdesk.report.document import (
    Block,
    BulletList,
    CriteriaBox,
    DraftNotice,
    FieldTable,
    GridTable,
    Heading,
    Paragraph,
    Report,
    TableOfContents,
    TitleBlock,
)
from spurdesk.report.text import TextList

TARGET_SECONDS = 1.0
TARGET_RATIO = 2.0


def report_texts(report: Report) -> list[str]:
    """Every text the report prints, one string per paragraph, in order."""
    return [text for block in report.blocks for text in _texts(block)]


def _texts(block: Block) -> Iterator[str]:
    if isinstance(block, Heading):
        yield block.text
    elif isinstance(block, Paragraph):
        yield block.text.text
    elif isinstance(block, BulletList):
        yield from (item.text for item in block.items)
    elif isinstance(block, FieldTable):
        for field in block.rows:
            yield field.label
            for value in field.value:
                items = value.items if isinstance(value, TextList) else (value,)
                yield from (item.text for item in items)
    elif isinstance(block, GridTable):
        yield from (" ".join(row) for row in (block.header, *block.rows))
    elif isinstance(block, TitleBlock):
        yield block.title
        yield block.subtitle
        yield from _texts(block.facts)
    elif isinstance(block, TableOfContents):
        yield block.title
        yield from (entry.text for entry in block.entries)
    elif isinstance(block, DraftNotice):
        yield from (block.title, block.text, *block.missing)
    elif isinstance(block, CriteriaBox):
        yield from (block.title, block.preamble, block.lead_in)
        for group in block.groups:
            yield group.heading
            yield from group.criteria
        yield block.scale_title
        yield from (f"{step.grade}. {step.text} {step.mark}" for step in block.scale)


def bare_docx(texts: list[str], path: Path) -> None:
    from docx import Document

    document = Document()
    for text in texts:
        document.add_paragraph(text)
    document.save(str(path))


def bare_pdf(texts: list[str], path: Path) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph as PdfParagraph
    from reportlab.platypus import SimpleDocTemplate

    from spurdesk.report.fonts import register_fonts

    style = ParagraphStyle("bare", fontName=register_fonts(), fontSize=9.5, leading=13.5)
    story = [PdfParagraph(escape(text).replace("\n", "<br/>"), style) for text in texts]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def best_of(repeat: int, action: Callable[[], object]) -> float:
    action()  # warm-up: imports, font registration, template parsing
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    inspection = demo_inspection()
    texts = report_texts(build_report(inspection))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for figure, export, floor in (
            (
                "DOCX export",
                lambda: export_docx(inspection, out / "r.docx"),
                lambda: bare_docx(texts, out / "b.docx"),
            ),
            (
                "PDF export",
                lambda: export_pdf(inspection, out / "r.pdf"),
                lambda: bare_pdf(texts, out / "b.pdf"),
            ),
        ):
            value = best_of(args.repeat, export)
            floor_value = best_of(args.repeat, floor)
            ratio = value / floor_value
            passed = value < TARGET_SECONDS and ratio <= TARGET_RATIO
            rows.append((figure, value, floor_value, ratio, passed))
    print(f"{'figure':<14}{'value':>10}{'floor':>10}{'ratio':>8}  {'target':<18}result")
    for figure, value, floor_value, ratio, passed in rows:
        target = f"<{TARGET_SECONDS:.0f} s, ≤{TARGET_RATIO:.0f}× floor"
        print(
            f"{figure:<14}{value * 1000:>8.0f}ms{floor_value * 1000:>8.0f}ms{ratio:>7.2f}×  "
            f"{target:<18}{'pass' if passed else 'FAIL'}"
        )
    print(f"({len(texts)} paragraphs; best of {args.repeat} runs after one warm-up)")
    return 0 if all(row[-1] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
