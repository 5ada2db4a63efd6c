"""Rows to records and back: the one place that knows both the tables and the frozen records.

Records are complete regardless of what is stored: an inspection has one SectionAssessment per
section of its criteria snapshot, each with one CriterionAssessment per criterion, in the set's
order; rows are only written once something is entered.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from spurdesk.library.errors import LibraryError
from spurdesk.library.schema import (
    ActionRow,
    AuditRow,
    CriterionRow,
    InspectionRow,
    InspectorRow,
    MaterialRow,
    ParticipantRow,
    SectionRow,
    SummaryRow,
)
from spurdesk.library.storage import checks
from spurdesk.model.criteria import CriteriaSet, Grade
from spurdesk.model.inspection import (
    ActionItem,
    ActionItemStatus,
    AuditEvent,
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
from spurdesk.model.material import Attachment, FileKind, MaterialItem

_KIND_ORDER = {kind: index for index, kind in enumerate(SummaryKind)}


def snapshot_digest(data: dict[str, Any]) -> str:
    """The identity of a criteria snapshot: SHA-256 of its canonical JSON."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def grade_or_none(value: str | None) -> Grade | None:
    return None if value is None else Grade(value)


def section_records(
    criteria: CriteriaSet, sections: Iterable[SectionRow], assessed: Iterable[CriterionRow]
) -> tuple[SectionAssessment, ...]:
    by_section = {row.section_id: row for row in sections}
    by_criterion = {row.criterion_id: row for row in assessed}
    result = []
    for section in criteria.sections:
        row = by_section.get(section.id)
        criteria_records = tuple(
            CriterionAssessment(c.id, CriterionStatus(found.status), found.note)
            if (found := by_criterion.get(c.id)) is not None
            else CriterionAssessment(c.id)
            for c in section.criteria
        )
        if row is None:
            result.append(SectionAssessment(section.id, criteria=criteria_records))
            continue
        result.append(
            SectionAssessment(
                section_id=section.id,
                findings=row.findings,
                grade=grade_or_none(row.grade),
                justification=row.justification,
                revised_grade=grade_or_none(row.revised_grade),
                revised_on=row.revised_on,
                revision_reason=row.revision_reason,
                criteria=criteria_records,
                assignee_uid=row.assignee_uid,
            )
        )
    return tuple(result)


def summary_record(row: SummaryRow) -> SummaryItem:
    return SummaryItem(row.id, SummaryKind(row.kind), row.text, row.position, uid=row.uid)


def action_record(row: ActionRow) -> ActionItem:
    return ActionItem(
        id=row.id,
        section_id=row.section_id,
        criterion_id=row.criterion_id,
        further_criteria=tuple(row.further_criteria or ()),
        planned_action=row.planned_action,
        due=row.due,
        responsible=row.responsible,
        follow_up=row.follow_up,
        follow_up_responsible=row.follow_up_responsible,
        status=ActionItemStatus(row.status),
        unit_comment=row.unit_comment,
        position=row.position,
        done_on=row.done_on,
        verified_on=row.verified_on,
        verification_note=row.verification_note,
        uid=row.uid,
    )


def material_record(row: MaterialRow) -> MaterialItem:
    attachment = (
        Attachment(
            row.file_name, FileKind(row.file_kind), row.file_size or 0, row.file_sha256 or ""
        )
        if row.file_name is not None and row.file_kind is not None
        else None
    )
    return MaterialItem(
        id=row.id,
        title=row.title,
        key=row.key,
        requested_on=row.requested_on,
        received_on=row.received_on,
        note=row.note,
        criteria=tuple(row.criteria or ()),
        position=row.position,
        attachment=attachment,
        uid=row.uid,
    )


def audit_record(row: AuditRow) -> AuditEvent:
    return AuditEvent(
        at=row.at, actor=row.actor, action=row.action, detail=row.detail, data=dict(row.data)
    )


def inspection_record(
    row: InspectionRow,
    criteria: CriteriaSet,
    *,
    inspectors: Sequence[InspectorRow],
    participants: Sequence[ParticipantRow],
    sections: Sequence[SectionRow],
    assessed: Sequence[CriterionRow],
    summary: Sequence[SummaryRow],
    actions: Sequence[ActionRow],
    material: Sequence[MaterialRow] = (),
) -> Inspection:
    return Inspection(
        id=row.id,
        unit=row.unit,
        site=row.site,
        care_provider=row.care_provider,
        specialty=row.specialty,
        criteria=criteria,
        status=InspectionStatus(row.status),
        visit_start=row.visit_start,
        visit_end=row.visit_end,
        report_date=row.report_date,
        reply_by=row.reply_by,
        inspectors=tuple(
            Inspector(r.name, r.role, uid=r.uid)
            for r in sorted(inspectors, key=lambda r: r.position)
        ),
        participants=tuple(
            ParticipantGroup(r.role, r.count, r.names, uid=r.uid)
            for r in sorted(participants, key=lambda r: r.position)
        ),
        sections=section_records(criteria, sections, assessed),
        summary=tuple(
            summary_record(r)
            for r in sorted(summary, key=lambda r: (_KIND_ORDER[SummaryKind(r.kind)], r.position))
        ),
        action_items=tuple(
            action_record(r) for r in sorted(actions, key=lambda r: (r.position, r.id))
        ),
        previous_inspection_id=row.previous_inspection_id,
        previous_grades={key: Grade(value) for key, value in row.previous_grades.items()},
        created_at=row.created_at,
        modified_at=row.modified_at,
        deleted_at=row.deleted_at,
        uid=row.uid,
        material=tuple(
            material_record(r) for r in sorted(material, key=lambda r: (r.position, r.id))
        ),
    )


def assessment_rows(record: Inspection) -> tuple[list[SectionRow], list[CriterionRow]]:
    """The section and criterion rows of a whole record (for an import), checked against the
    record's own criteria snapshot; unassessed criteria without a note need no row."""
    criteria = record.criteria
    section_rows: list[SectionRow] = []
    criterion_rows: list[CriterionRow] = []
    for assessment in record.sections:
        try:
            section = criteria.section(assessment.section_id)
        except KeyError:
            raise LibraryError(
                f"Avsnitt {assessment.section_id!r} finns inte i inspektionens "
                f"kriterieuppsättning ({criteria.label})."
            ) from None
        grade = checks.grade_on_scale(section, assessment.grade)
        revised = checks.grade_on_scale(section, assessment.revised_grade)
        section_rows.append(
            SectionRow(
                section_id=section.id,
                findings=checks.text(assessment.findings, f"Iakttagelser {section.id}"),
                grade=grade.value if grade else None,
                justification=checks.text(assessment.justification, "Motivering"),
                revised_grade=revised.value if revised else None,
                revised_on=checks.optional_date(
                    assessment.revised_on, "Datum för ändrad gradering"
                ),
                revision_reason=checks.text(assessment.revision_reason, "Skäl till ändringen"),
                assignee_uid=checks.optional_uid(assessment.assignee_uid, "Ansvarig inspektör"),
            )
        )
        own = {c.id for c in section.criteria}
        for item in assessment.criteria:
            if item.criterion_id not in own:
                raise LibraryError(
                    f"Kriterium {item.criterion_id!r} hör inte till avsnitt {section.id}."
                )
            status = checks.member(CriterionStatus, item.status, f"Status för {item.criterion_id}")
            if status is CriterionStatus.NOT_ASSESSED and not item.note:
                continue
            criterion_rows.append(
                CriterionRow(
                    criterion_id=item.criterion_id,
                    status=status.value,
                    note=checks.text(item.note, "Anteckning"),
                )
            )
    return section_rows, criterion_rows
