"""What every rendering of the report must say, checked the same way on DOCX and PDF text."""

from __future__ import annotations

from spurdesk.model.criteria import KIND_ORDER, CriterionKind
from spurdesk.model.inspection import Inspection
from tests.report.readback import assert_in_order, normalise

ACTION_LABELS = (
    "Planerad åtgärd",
    "Datum när åtgärden ska vara genomförd",
    "Ansvarig för genomförandet",
    "Datum för uppföljning",
    "Ansvarig för uppföljningen",
)


def body(text: str) -> str:
    """The text after the table of contents (which repeats every heading)."""
    return text[text.index("A är bäst.") :]


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
    """Each section: its heading, then each kind's heading (the set's word for it; none for the
    föreskrifter under a box titled "Föreskrift" with the regulation's sentence) followed by
    exactly its criteria, then the group's note."""
    texts = section_texts(text, inspection)
    for section in inspection.criteria.sections:
        expected = [section.label]
        if section.preamble:
            expected += ["Föreskrift", section.preamble]
        for kind in KIND_ORDER:
            criteria = section.criteria_of_kind(kind)
            if criteria:
                if not (section.preamble and kind == CriterionKind.FORESKRIFT):
                    expected.append(section.group_heading(kind))
                expected += [c.text for c in criteria]
                expected += [section.group_note(kind)] if section.group_note(kind) else []
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
    """The appendix of a received plan: per row, in section order, the section, the criteria it
    answers, then the five fields with values."""
    expected = ["Bilaga: Handlingsplan", "inkommit med följande handlingsplan."]
    criteria = inspection.criteria
    order = [s.id for s in criteria.sections]
    rows = sorted(inspection.action_items, key=lambda i: (order.index(i.section_id), i.position))
    for item in rows:
        expected.append(criteria.section(item.section_id).label)
        expected += [criteria.criterion(c).text for c in item.criteria_answered]
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
