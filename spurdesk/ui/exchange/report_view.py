"""A read-only HTML rendering of an inspection report, for the unit's window."""

from __future__ import annotations

from html import escape

from spurdesk.model.inspection import Inspection, SummaryKind


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    return "".join(f"<p>{escape(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def report_html(inspection: Inspection) -> str:
    """Summary, then every section with its grade (and revision) and findings."""
    parts = [f"<h1>{escape(inspection.title)}</h1>"]
    visit = inspection.visit_start.isoformat() if inspection.visit_start else ""
    parts.append(
        f"<p>{escape(inspection.specialty)} · {escape(inspection.care_provider)}"
        + (f" · besök {visit}" if visit else "")
        + "</p>"
    )
    for kind in SummaryKind:
        items = inspection.summary_of(kind)
        if items:
            parts.append(f"<h2>{escape(kind.heading)}</h2><ul>")
            parts.extend(f"<li>{escape(item.text)}</li>" for item in items)
            parts.append("</ul>")
    for section in inspection.criteria.sections:
        assessment = inspection.section(section.id)
        parts.append(f"<h2>{escape(section.label)}</h2>")
        if assessment.grade is not None:
            grade = f"Gradering: {assessment.grade.value}"
            if assessment.revised_grade is not None:
                grade += f" (ändrad till {assessment.revised_grade.value})"
            parts.append(f"<p><b>{escape(grade)}</b></p>")
        parts.append(_paragraphs(assessment.findings))
    return "".join(parts)
