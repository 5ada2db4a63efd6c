"""What an inspection still lacks before its report can be issued (the UTKAST list), and what in
it contradicts the rules (the report's audit): a revised grade the revision rule does not allow,
a plan requested without a reply-by date."""

from __future__ import annotations

from spurdesk.model.criteria import Section
from spurdesk.model.grading import revision_audit, revision_problem_text, suggest_grade
from spurdesk.model.inspection import (
    CriterionStatus,
    Inspection,
    InspectionStatus,
    SectionAssessment,
    SummaryKind,
)
from spurdesk.report.reasons import reasons_text

#: Statuses in which the report is still a draft even when nothing is missing.
DRAFT_STATUSES = (InspectionStatus.DRAFT, InspectionStatus.FACT_CHECK)


def missing_items(inspection: Inspection) -> tuple[str, ...]:
    """One Swedish sentence per gap: report facts first, then the summary, then each section."""
    missing: list[str] = []
    if inspection.visit_start is None and inspection.visit_end is None:
        missing.append("Datum för granskningsbesöket saknas.")
    if inspection.report_date is None:
        missing.append("Rapportdatum saknas.")
    if not inspection.inspectors:
        missing.append("Inspektörer saknas.")
    empty_kinds = [kind.heading for kind in SummaryKind if not _has_text(inspection, kind)]
    if empty_kinds:
        missing.append(f"Sammanfattningen saknar {_join(empty_kinds)}.")
    for section in inspection.criteria.sections:
        assessment = inspection.section(section.id)
        gaps = section_gaps(section, assessment)
        if gaps:
            entry = f"{section.label}: {', '.join(gaps)}."
            suggestion = suggest_grade(
                section, {c.criterion_id: c.status for c in assessment.criteria}
            )
            if assessment.grade is None and suggestion.grade is not None:
                why = reasons_text(suggestion.reasons)
                entry += f" Föreslagen gradering {suggestion.grade.value}: {why}"
            missing.append(entry)
    if inspection.status == InspectionStatus.ACTION_PLAN_REQUESTED and inspection.reply_by is None:
        missing.append("Datum då handlingsplanen senast ska inkomma saknas.")
    for section_id, problems in revision_audit(inspection):
        section = inspection.criteria.section(section_id)
        revised = inspection.section(section_id).revised_grade
        assert revised is not None
        texts = [revision_problem_text(p, inspection, section_id, revised) for p in problems]
        missing.append(
            f"{section.label}: den ändrade graderingen {revised.value} följer inte regeln för "
            f"ändrad gradering ({'; '.join(texts)}). Rätta eller ta bort ändringen."
        )
    return tuple(missing)


def section_gaps(section: Section, assessment: SectionAssessment) -> list[str]:
    """ "ingen gradering", "inga iakttagelser", "3 av 10 kriterier ej bedömda" — as they apply."""
    gaps: list[str] = []
    if assessment.grade is None:
        gaps.append("ingen gradering")
    if not assessment.findings.strip():
        gaps.append("inga iakttagelser")
    unassessed = sum(
        1
        for criterion in section.criteria
        if assessment.criterion(criterion.id).status == CriterionStatus.NOT_ASSESSED
    )
    if unassessed:
        noun = "kriterium" if len(section.criteria) == 1 else "kriterier"
        adjective = "bedömt" if unassessed == 1 else "bedömda"
        gaps.append(f"{unassessed} av {len(section.criteria)} {noun} ej {adjective}")
    return gaps


def is_draft(inspection: Inspection) -> bool:
    """A report is marked UTKAST while anything is missing or before it is fastställd."""
    return inspection.status in DRAFT_STATUSES or bool(missing_items(inspection))


def _has_text(inspection: Inspection, kind: SummaryKind) -> bool:
    return any(item.text.strip() for item in inspection.summary_of(kind))


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} och {words[-1]}"
