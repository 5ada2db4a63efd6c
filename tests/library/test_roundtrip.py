"""A whole inspection survives storing and reading back exactly: every field, Swedish text,
emoji, a 100,000-character findings text, and the criteria snapshot it was made with."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from pathlib import Path

from spurdesk.library import Library
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.inspection import (
    ActionItem,
    ActionItemStatus,
    CriterionAssessment,
    CriterionStatus,
    Inspection,
    InspectionStatus,
    Inspector,
    ParticipantGroup,
    SectionAssessment,
    SummaryItem,
    SummaryKind,
)
from tests.library.conftest import new_inspection

LONG_FINDINGS = ("Iakttagelse om handledning, åäö ÅÄÖ é ü – ≥ 🩻🙂\n" * 2500)[:100_000]
STATUS_CYCLE = (
    CriterionStatus.MET,
    CriterionStatus.PARTLY_MET,
    CriterionStatus.NOT_MET,
    CriterionStatus.NOT_ASSESSED,
)


def full_record(criteria: CriteriaSet) -> Inspection:
    """An inspection with every field set to something other than its default."""
    sections = []
    for number, section in enumerate(criteria.sections):
        assessments = tuple(
            CriterionAssessment(c.id, STATUS_CYCLE[(number + i) % 4], f"Anteckning {c.id} ✓")
            for i, c in enumerate(section.criteria)
        )
        sections.append(
            SectionAssessment(
                section_id=section.id,
                findings=LONG_FINDINGS if number == 0 else f"Iakttagelser för {section.label}.",
                grade=section.grades[-1],
                justification=f"Motivering {section.id}: bör förbättras",
                revised_grade=section.grades[-2],
                revised_on=date(2025, 3, number + 1),
                revision_reason="Handlingsplan inkommen, se bilaga.",
                criteria=assessments,
            )
        )
    return Inspection(
        id=0,
        unit="Röntgenkliniken Ö 🙂",
        site="Strandviks lasarett",
        care_provider="Region Exempelland",
        specialty="Radiologi",
        criteria=criteria,
        status=InspectionStatus.ACTION_PLAN_RECEIVED,
        visit_start=date(2024, 11, 13),
        visit_end=date(2024, 11, 14),
        report_date=date(2025, 1, 10),
        inspectors=(Inspector("Inspektör Ett", "huvudinspektör"), Inspector("Inspektör Två")),
        participants=(
            ParticipantGroup("ST-läkare", 6, "ST-läkare Ett, ST-läkare Två"),
            ParticipantGroup("Studierektor", 1),
        ),
        sections=tuple(sections),
        summary=(
            SummaryItem(0, SummaryKind.STRENGTH, "Engagerade handledare.", 0),
            SummaryItem(0, SummaryKind.STRENGTH, "Bra lokaler 🏥.", 1),
            SummaryItem(0, SummaryKind.WEAKNESS, "Oregelbunden handledning.", 0),
            SummaryItem(0, SummaryKind.IMPROVEMENT, "Skriftliga rutiner för IUP.", 0),
        ),
        action_items=(
            ActionItem(
                id=0,
                section_id="E",
                criterion_id="E.4",
                planned_action="Schemalagd handledning varannan vecka.",
                due="2025-05-01 (IUP-utveckling)",
                responsible="Studierektor",
                follow_up="första uppföljning 2025-05-30",
                follow_up_responsible="Verksamhetschef",
                status=ActionItemStatus.VERIFIED,
                unit_comment="Införs från januari.",
                position=0,
                done_on=date(2025, 4, 1),
                verified_on=date(2025, 6, 2),
                verification_note="Kontrollerat i schemat.",
            ),
            ActionItem(
                id=0,
                section_id=None,
                criterion_id=None,
                planned_action="Fri åtgärd",
                due="kontinuerligt",
                position=1,
            ),
        ),
        previous_grades={"E": criteria.section("E").grades[-1]},
        created_at=datetime(2024, 10, 1, 9, 30, tzinfo=UTC),
    )


def without_ids(record: Inspection) -> Inspection:
    return dataclasses.replace(
        record,
        id=0,
        summary=tuple(dataclasses.replace(item, id=0) for item in record.summary),
        action_items=tuple(dataclasses.replace(item, id=0) for item in record.action_items),
        modified_at=None,
    )


def test_an_imported_inspection_reads_back_field_for_field_after_reopening(
    library_path: Path, criteria: CriteriaSet
) -> None:
    record = full_record(criteria)
    with Library.open(library_path) as library:
        inspection_id = library.import_inspection(record)
    with Library.open(library_path) as library:
        stored = library.get_inspection(inspection_id)
    assert stored.id == inspection_id
    assert stored.section("A").findings == LONG_FINDINGS
    assert len(stored.section("A").findings) == 100_000
    assert stored.criteria == criteria
    assert stored.modified_at is not None
    expected = dataclasses.replace(record, previous_inspection_id=None, modified_at=None)
    assert without_ids(stored) == expected


def test_a_new_inspection_has_every_section_and_criterion_unassessed(
    library: Library, criteria: CriteriaSet
) -> None:
    stored = library.get_inspection(new_inspection(library, criteria))
    assert [s.section_id for s in stored.sections] == [s.id for s in criteria.sections]
    for section, assessment in zip(criteria.sections, stored.sections, strict=True):
        assert [c.criterion_id for c in assessment.criteria] == [c.id for c in section.criteria]
        assert {c.status for c in assessment.criteria} == {CriterionStatus.NOT_ASSESSED}
    assert stored.status is InspectionStatus.DRAFT
    assert stored.created_at is not None and stored.created_at.tzinfo is not None


def test_edits_through_the_service_api_read_back_after_reopening(
    library_path: Path, criteria: CriteriaSet
) -> None:
    with Library.open(library_path) as library:
        inspection_id = new_inspection(library, criteria)
        library.update_inspection(
            inspection_id, visit_start=date(2025, 2, 3), visit_end="2025-02-04", site="Ny plats"
        )
        library.set_inspectors(inspection_id, [Inspector("Inspektör Två", "huvudinspektör")])
        library.set_participants(inspection_id, [ParticipantGroup("Handledare", 4, "")])
        library.set_findings(inspection_id, "B", "Åtta specialister 🙂")
        library.set_criterion(inspection_id, "B.1", CriterionStatus.PARTLY_MET, "Delvis.")
    with Library.open(library_path) as library:
        stored = library.get_inspection(inspection_id)
    assert (stored.visit_start, stored.visit_end) == (date(2025, 2, 3), date(2025, 2, 4))
    assert stored.site == "Ny plats"
    assert stored.inspectors == (Inspector("Inspektör Två", "huvudinspektör"),)
    assert stored.participants == (ParticipantGroup("Handledare", 4, ""),)
    assert stored.section("B").findings == "Åtta specialister 🙂"
    assert stored.section("B").criterion("B.1") == CriterionAssessment(
        "B.1", CriterionStatus.PARTLY_MET, "Delvis."
    )
