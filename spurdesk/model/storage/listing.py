"""The start view's rows for a whole library: two queries, however many inspections.

Kept apart from the service API because it is the one query that must stay fast at 10,000
inspections. The inspection row itself keeps what the view shows of its sections and action plan
(`effective_grades`, `next_follow_up`, revision 4, kept by `rows.refresh_listing` and the
autosave), so listing reads one narrow row per inspection and never touches section or action
texts, criteria snapshots or the ORM. Only the overdue count depends on today's date; it is one
grouped query over the index on action items (status, due_on, inspection_id), which reads the
open, overdue items alone.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import ActionItemStatus, InspectionStatus, InspectionSummary
from spurdesk.model.schema import ActionRow, InspectionRow

# Plain lookups: calling the enum classes costs more than the queries for 10,000 inspections.
_GRADES = {grade.value: grade for grade in Grade}
_STATUSES = {status.value: status for status in InspectionStatus}

_INSPECTIONS = InspectionRow.__table__
_ACTIONS = ActionRow.__table__


def _overdue_counts(session: Session, today: date) -> dict[int, int]:
    """Open action items whose due date has passed, per inspection (only those with any)."""
    rows = session.connection().execute(
        select(_ACTIONS.c.inspection_id, func.count())
        .where(
            _ACTIONS.c.status == ActionItemStatus.OPEN.value,
            _ACTIONS.c.due_on < today,
        )
        .group_by(_ACTIONS.c.inspection_id)
    )
    return dict(rows.all())


def inspection_summaries(
    session: Session, *, include_deleted: bool, deleted_only: bool, today: date
) -> list[InspectionSummary]:
    """Every (or every trashed) inspection as a start-view row, in id order."""
    shown: ColumnElement[bool]
    columns = _INSPECTIONS.c
    if deleted_only:
        shown = columns.deleted_at.is_not(None)
    elif include_deleted:
        shown = true()
    else:
        shown = columns.deleted_at.is_(None)
    heads = session.connection().execute(
        select(
            columns.id,
            columns.unit,
            columns.site,
            columns.care_provider,
            columns.specialty,
            columns.visit_start,
            columns.status,
            columns.effective_grades,
            columns.next_follow_up,
            columns.modified_at,
            columns.deleted_at,
        )
        .where(shown)
        .order_by(columns.id)
    )
    overdue = _overdue_counts(session, today)
    grades, statuses = _GRADES, _STATUSES
    return [
        InspectionSummary(
            id,
            unit,
            site,
            care_provider,
            specialty,
            visit_start,
            statuses[status],
            {section_id: grades[grade] for section_id, grade in effective_grades.items()},
            next_follow_up,
            overdue.get(id, 0),
            modified_at,
            deleted_at,
        )
        for (
            id,
            unit,
            site,
            care_provider,
            specialty,
            visit_start,
            status,
            effective_grades,
            next_follow_up,
            modified_at,
            deleted_at,
        ) in heads.all()
    ]
