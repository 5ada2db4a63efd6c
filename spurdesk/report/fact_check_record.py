"""The "Sakgranskning" record: every comment of the unit and the inspectors' decision, in Word.

It goes back to the unit with the final report, so that the unit sees what became of each comment:
who decided, when, and why a comment was rejected. A comment whose quoted sentence is no longer in
the text is listed too, marked, never left out.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document

from spurdesk.model.fact_check import StoredComment, quote_is_current
from spurdesk.model.inspection import Inspection
from spurdesk.report.output import atomic_target
from spurdesk.report.text import clean

UNDECIDED = "inget beslut ännu"
STALE = "(meningen finns inte längre i texten)"


def _rows(inspection: Inspection, stored: StoredComment) -> list[tuple[str, str]]:
    comment = stored.comment
    quote = comment.quote or "hela avsnittet"
    if comment.quote and not quote_is_current(
        comment.quote, inspection.section(comment.section_id).findings
    ):
        quote = f"{quote} {STALE}"
    when = f"{stored.decided_at:%Y-%m-%d}" if stored.decided_at else ""
    decision = stored.decision.value if stored.decision else UNDECIDED
    return [
        ("Typ", comment.kind.value),
        ("Gäller", quote),
        ("Föreslagen lydelse", comment.proposed),
        ("Verksamhetens skäl", comment.reason),
        ("Beslut", decision),
        ("Motivering", stored.decision_reason),
        ("Beslutat av", f"{stored.decided_by} {when}".strip()),
        ("Inkom", f"{stored.source}, {stored.received_at:%Y-%m-%d}"),
    ]


def record_bytes(inspection: Inspection, comments: Sequence[StoredComment]) -> bytes:
    document = Document()
    document.add_heading(clean(f"Sakgranskning – {inspection.title}"), level=1)
    decided = sum(1 for c in comments if c.decided)
    document.add_paragraph(
        f"{len(comments)} kommentarer från verksamheten, {decided} med beslut."
        if comments
        else "Verksamheten lämnade inga kommentarer på utkastet."
    )
    labels = {section.id: section.label for section in inspection.criteria.sections}
    for number, stored in enumerate(comments, start=1):
        section = labels.get(stored.comment.section_id, stored.comment.section_id)
        document.add_heading(clean(f"{number}. {section}"), level=2)
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in _rows(inspection, stored):
            cells = table.add_row().cells
            cells[0].text = label
            cells[1].text = clean(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_record(
    inspection: Inspection, comments: Sequence[StoredComment], path: str | Path
) -> Path:
    """Write the record atomically: the file is the old one or the complete new one."""
    data = record_bytes(inspection, comments)
    target = Path(path)
    with atomic_target(target) as temporary:
        temporary.write_bytes(data)
    return target
