"""What an inspection still lacks before its report can be issued (the UTKAST list)."""

from __future__ import annotations

from spurdesk.model.criteria import Section
from spurdesk.model.inspection import (
    CriterionStatus,
    Inspection,
    InspectionStatus,
    SectionAssessment,
    SummaryKind,
)

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
        gaps = section_gaps(section, inspection.section(section.id))
        if gaps:
            missing.append(f"{section.label}: {', '.join(gaps)}.")
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
