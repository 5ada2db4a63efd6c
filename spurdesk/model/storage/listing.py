"""The start view's rows for a whole library: three grouped queries, however many inspections.

Kept apart from the service API because it is the one query that must stay fast at 10,000
inspections: it never touches findings texts or criteria snapshots, and it aggregates grades and
action-plan dates in the database (portably: `aggregate_strings` is group_concat on SQLite and
string_agg on PostgreSQL).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, case, func, select, true
from sqlalchemy.orm import Session

from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import ActionItemStatus, InspectionStatus, InspectionSummary
from spurdesk.model.schema import ActionRow, InspectionRow, SectionRow

_FIELD_SEPARATOR = "\x1f"  # ASCII unit and record separators: never part of a section id
_ROW_SEPARATOR = "\x1e"

# Plain lookups: calling the enum classes costs more than the queries for 10,000 inspections.
_GRADES = {grade.value: grade for grade in Grade}
_STATUSES = {status.value: status for status in InspectionStatus}


def _grades_from(text: str) -> dict[str, Grade]:
    pairs = (entry.partition(_FIELD_SEPARATOR) for entry in text.split(_ROW_SEPARATOR))
    return {section_id: _GRADES[grade] for section_id, _sep, grade in pairs}


def _as_date(value: date | str | None) -> date | None:
    """An aggregate's date: typed by SQLAlchemy on some databases, raw ISO text on others."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _effective_grades(session: Session, shown: ColumnElement[bool]) -> dict[int, dict[str, Grade]]:
    """Section id → grade (revised if revised), one aggregated row per inspection."""
    effective = func.coalesce(SectionRow.revised_grade, SectionRow.grade)
    rows = session.execute(
        select(
            SectionRow.inspection_id,
            func.aggregate_strings(
                SectionRow.section_id + _FIELD_SEPARATOR + effective, _ROW_SEPARATOR
            ),
        )
        .join(InspectionRow, InspectionRow.id == SectionRow.inspection_id)
        .where(shown, effective.is_not(None))
        .group_by(SectionRow.inspection_id)
    )
    return {inspection_id: _grades_from(text) for inspection_id, text in rows}


def _action_plans(
    session: Session, shown: ColumnElement[bool], today: date
) -> dict[int, tuple[date | None, int]]:
    """The next follow-up among items not yet verified, and how many open items are overdue."""
    pending = ActionRow.status != ActionItemStatus.VERIFIED.value
    overdue = (ActionRow.status == ActionItemStatus.OPEN.value) & (ActionRow.due_on < today)
    rows = session.execute(
        select(
            ActionRow.inspection_id,
            func.min(case((pending, ActionRow.follow_up_on))),
            func.sum(case((overdue, 1), else_=0)),
        )
        .join(InspectionRow, InspectionRow.id == ActionRow.inspection_id)
        .where(shown)
        .group_by(ActionRow.inspection_id)
    )
    return {
        inspection_id: (_as_date(next_follow_up), int(overdue_count or 0))
        for inspection_id, next_follow_up, overdue_count in rows
    }


def inspection_summaries(
    session: Session, *, include_deleted: bool, deleted_only: bool, today: date
) -> list[InspectionSummary]:
    """Every (or every trashed) inspection as a start-view row, in id order."""
    shown: ColumnElement[bool]
    if deleted_only:
        shown = InspectionRow.deleted_at.is_not(None)
    elif include_deleted:
        shown = true()
    else:
        shown = InspectionRow.deleted_at.is_(None)
    heads = session.execute(
        select(
            InspectionRow.id,
            InspectionRow.unit,
            InspectionRow.site,
            InspectionRow.care_provider,
            InspectionRow.specialty,
            InspectionRow.visit_start,
            InspectionRow.status,
            InspectionRow.modified_at,
            InspectionRow.deleted_at,
        )
        .where(shown)
        .order_by(InspectionRow.id)
    ).all()
    grades = _effective_grades(session, shown)
    plans = _action_plans(session, shown, today)
    summaries = []
    for head in heads:
        next_follow_up, overdue_count = plans.get(head.id, (None, 0))
        summaries.append(
            InspectionSummary(
                id=head.id,
                unit=head.unit,
                site=head.site,
                care_provider=head.care_provider,
                specialty=head.specialty,
                visit_start=head.visit_start,
                status=_STATUSES[head.status],
                grades=grades.get(head.id, {}),
                next_follow_up=next_follow_up,
                overdue_action_items=overdue_count,
                modified_at=head.modified_at,
                deleted_at=head.deleted_at,
            )
        )
    return summaries
