"""The PDF export's worst cases (issue 14, point 6): one text of 100,000 characters, as many short
lines and as one paragraph of prose, in the demo report's section A findings.

reportlab wraps a paragraph's whole remaining text again for every page it is split across: one
such text as a single paragraph took minutes as short lines (25,000 lines: over 150 s). The
report now sets long texts as pieces of bounded size, so the time grows with the text's length.
Target: under 3 s each; the demo report's own export is given as the floor (what the rest of
the document costs), and `tests/report/test_long_texts.py` checks the linear work without timing.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bench.bench_export import best_of
from bench.results import Row

#: Target for one 100,000-character text (the longest text a package field may hold).
TARGET_SECONDS = 3.0
CHARACTERS = 100_000


def short_lines(size: int) -> str:
    return "\n".join(f"Rad {n}: kort" for n in range(size // 12 + 1))[:size]


def prose(size: int) -> str:
    sentence = "Handledningen fungerar väl men tiden räcker inte alltid till. "
    return (sentence * (size // len(sentence) + 1))[:size]


def measure_worst_case_pdf(work: Path, repeat: int = 3, characters: int = CHARACTERS) -> list[Row]:
    from spurdesk.model.demo import demo_inspection
    from spurdesk.report import export_pdf

    demo = demo_inspection()
    floor = best_of(repeat, lambda: export_pdf(demo, work / "demo.pdf"))
    rows = []
    for shape, text in (("short lines", short_lines(characters)), ("prose", prose(characters))):
        sections = tuple(
            dataclasses.replace(s, findings=text) if s.section_id == "A" else s
            for s in demo.sections
        )
        inspection = dataclasses.replace(demo, sections=sections)
        value = best_of(repeat, lambda i=inspection: export_pdf(i, work / "worst.pdf"))
        rows.append(
            Row(
                figure=f"PDF export, one text of {characters:,} characters as {shape}",
                value=value,
                unit="s",
                floor=floor,
                floor_name="the demo report's PDF without the long text",
                target=f"< {TARGET_SECONDS:.0f} s",
                passed=value < TARGET_SECONDS,
                note=f"best of {repeat} after a warm-up; section A's findings (bench/pdf_worst.py)",
            )
        )
    return rows
