"""What every rendering of the report must say, checked the same way on DOCX and PDF text."""

from __future__ import annotations

from spurdesk.model.criteria import KIND_ORDER
from spurdesk.model.inspection import Inspection
from tests.report.readback import assert_in_order, normalise

#: The first words of each kind's group heading ("Kvalitetsindikator" or "…indikatorer").
KIND_HEADINGS = ("Föreskrift", "Allmänna råd", "Kvalitetsindikator")
ACTION_LABELS = (
    "Planerad åtgärd",
    "Datum när åtgärden ska vara genomförd",
    "Ansvarig för genomförandet",
    "Datum för uppföljning",
    "Ansvarig för uppföljningen",
)


def body(text: str) -> str:
    """The text after the table of contents (which repeats every heading)."""
    return text[text.index("Varje avsnitt graderas") :]


def section_texts(text: str, inspection: Inspection) -> dict[str, str]:
    """Each section's own text: from its heading to the next section or the appendix."""
    rest = body(text)
    rest = rest[rest.index("STRUKTUR") :]
    appendix = rest.find("Bilaga: Handlingsplan")
    rest = rest if appendix < 0 else rest[:appendix]
    sections = inspection.criteria.sections
    starts = []
    position = 0
    for section in sections:
        position = rest.index(normalise(section.label), position)
        starts.append(position)
    ends = [*starts[1:], len(rest)]
    return {s.id: rest[a:b] for s, a, b in zip(sections, starts, ends, strict=True)}


def assert_sections_with_criteria_under_their_kind(text: str, inspection: Inspection) -> None:
    """Each section: its heading, then each kind's heading followed by exactly its criteria."""
    texts = section_texts(text, inspection)
    for section in inspection.criteria.sections:
        expected = [section.label]
        for kind, heading in zip(KIND_ORDER, KIND_HEADINGS, strict=True):
            criteria = section.criteria_of_kind(kind)
            if criteria:
                expected.append(heading)
                expected += [c.text for c in criteria]
        expected.append("Gradering")
        assert_in_order(texts[section.id], expected)


def assert_grades(text: str, inspection: Inspection) -> None:
    """Each section's scale with the given (and revised) grade marked, and the revision."""
    texts = section_texts(text, inspection)
    for section in inspection.criteria.sections:
        assessment = inspection.section(section.id)
        expected: list[str] = []
        for step in section.scale:
            expected.append(f"{step.grade.value}. {step.text}")
            if step.grade == assessment.revised_grade:
                expected.append("◄ Ändrad gradering efter handlingsplan")
            elif step.grade == assessment.grade:
                revised = assessment.revised_grade is not None
                expected.append("◄ Gradering vid granskningen" if revised else "◄ Given gradering")
        assert_in_order(texts[section.id], expected)
        revision = "Graderingen är ändrad till"
        if assessment.revised_grade:
            assert f"se bilaga. {revision} {assessment.revised_grade.value}." in texts[section.id]
        else:
            assert revision not in texts[section.id]


def assert_overview(text: str, inspection: Inspection) -> None:
    expected = ["Avsnitt", "Gradering vid granskningen"]
    for section in inspection.criteria.sections:
        assessment = inspection.section(section.id)
        revised = assessment.revised_grade.value if assessment.revised_grade else "–"
        expected += [section.label, assessment.grade.value, revised]
    assert_in_order(body(text), expected)


def assert_summary(text: str, inspection: Inspection) -> None:
    expected = ["Sammanfattning"]  # searched after the TOC, which lists the same headings
    for kind in ("Styrkor", "Svagheter", "Förbättringspotential"):
        expected.append(kind)
        expected += [item.text for item in inspection.summary if item.kind.heading == kind]
    assert_in_order(body(text), expected)


def assert_action_plan(text: str, inspection: Inspection) -> None:
    """The appendix: per item the section, the criterion, then the five fields with values."""
    expected = ["Bilaga: Handlingsplan", "inkommit med följande handlingsplan."]
    criteria = inspection.criteria
    for item in inspection.action_items:
        expected.append(criteria.section(item.section_id).label)
        expected.append(criteria.criterion(item.criterion_id).text)
        values = (
            item.planned_action,
            item.due,
            item.responsible,
            item.follow_up,
            item.follow_up_responsible,
        )
        for label, value in zip(ACTION_LABELS, values, strict=True):
            expected += [label, value]
    assert_in_order(body(text), expected)


def assert_whole_report(text: str, inspection: Inspection) -> None:
    assert_overview(text, inspection)
    assert_summary(text, inspection)
    assert_sections_with_criteria_under_their_kind(text, inspection)
    assert_grades(text, inspection)
    assert_action_plan(text, inspection)
