"""Export rows for the runner, timed by the report engineer's bench/bench_export.py.

bench_export.py defines the floors (bare python-docx, bare reportlab) and the best-of-N timing;
this module only turns its measurements into `Row`s.
"""

from __future__ import annotations

from pathlib import Path

from bench.bench_export import (
    TARGET_RATIO,
    TARGET_SECONDS,
    bare_docx,
    bare_pdf,
    best_of,
    report_texts,
)
from bench.results import Row


def measure_export(work: Path, repeat: int = 5) -> list[Row]:
    from spurdesk.model.demo import demo_inspection
    from spurdesk.report import export_docx, export_pdf
    from spurdesk.report.content import build_report

    inspection = demo_inspection()
    texts = report_texts(build_report(inspection))
    rows = []
    for figure, export, floor, floor_name in (
        (
            "DOCX export of the demo report",
            lambda: export_docx(inspection, work / "report.docx"),
            lambda: bare_docx(texts, work / "bare.docx"),
            f"the same {len(texts)} paragraphs via bare python-docx, no styling",
        ),
        (
            "PDF export of the demo report",
            lambda: export_pdf(inspection, work / "report.pdf"),
            lambda: bare_pdf(texts, work / "bare.pdf"),
            f"the same {len(texts)} paragraphs as a bare reportlab document",
        ),
    ):
        value = best_of(repeat, export)
        floor_value = best_of(repeat, floor)
        rows.append(
            Row(
                figure=figure,
                value=value,
                unit="s",
                floor=floor_value,
                floor_name=floor_name,
                target=f"< {TARGET_SECONDS:.0f} s, ≤ {TARGET_RATIO:.0f}× floor",
                passed=value < TARGET_SECONDS and value <= TARGET_RATIO * floor_value,
                note=f"best of {repeat} after a warm-up (bench/bench_export.py)",
            )
        )
    return rows
