"""Row-level writing shared by the service commands: get-or-create assessment rows, ordered
lists kept contiguous, whole lists replaced, and staged editor text applied.

Everything here runs inside the caller's transaction and checks nothing: the library has
validated its input before it gets here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from spurdesk.library.schema import (
    ActionRow,
    CriterionRow,
    InspectionRow,
    InspectorRow,
    ParticipantRow,
    SectionRow,
    SummaryRow,
)
from spurdesk.library.text_keys import (
    ActionTextKey,
    AssessmentTextKey,
    CriterionNoteKey,
    FindingsKey,
    JustificationKey,
    SummaryTextKey,
    TextKey,
)
from spurdesk.model.action_fields import FieldKind, action_field
from spurdesk.model.inspection import (
    ActionItemStatus,
    CriterionStatus,
    Inspector,
    ParticipantGroup,
    first_date_in,
)

_INSPECTIONS = InspectionRow.__table__
_SECTIONS = SectionRow.__table__
_CRITERIA = CriterionRow.__table__
_SUMMARIES = SummaryRow.__table__
_ACTIONS = ActionRow.__table__


def section_row(session: Session, inspection_id: int, section_id: str) -> SectionRow:
    """The section's assessment row, created empty on first use."""
    row = session.scalars(
        select(SectionRow).where(
            SectionRow.inspection_id == inspection_id, SectionRow.section_id == section_id
        )
    ).one_or_none()
    if row is None:
        row = SectionRow(
            inspection_id=inspection_id,
            section_id=section_id,
            findings="",
            justification="",
            revision_reason="",
        )
        session.add(row)
    return row


def criterion_row(session: Session, inspection_id: int, criterion_id: str) -> CriterionRow:
    """The criterion's assessment row, created "ej bedömt" on first use."""
    row = session.scalars(
        select(CriterionRow).where(
            CriterionRow.inspection_id == inspection_id,
            CriterionRow.criterion_id == criterion_id,
        )
    ).one_or_none()
    if row is None:
        row = CriterionRow(
            inspection_id=inspection_id,
            criterion_id=criterion_id,
            status=CriterionStatus.NOT_ASSESSED.value,
            note="",
        )
        session.add(row)
    return row


def replace_people(
    session: Session,
    inspection_id: int,
    inspectors: Sequence[Inspector] | None,
    groups: Sequence[ParticipantGroup] | None,
) -> None:
    """Replace the inspectors and/or participant groups (None leaves that list alone). A section
    assigned to an inspector no longer in the list is left unassigned."""
    if inspectors is not None:
        session.execute(
            update(SectionRow)
            .where(
                SectionRow.inspection_id == inspection_id,
                SectionRow.assignee_uid.not_in([p.uid for p in inspectors]),
            )
            .values(assignee_uid=None)
        )
        session.execute(delete(InspectorRow).where(InspectorRow.inspection_id == inspection_id))
        session.add_all(
            InspectorRow(
                inspection_id=inspection_id, uid=p.uid, position=i, name=p.name, role=p.role
            )
            for i, p in enumerate(inspectors)
        )
    if groups is not None:
        session.execute(delete(ParticipantRow).where(ParticipantRow.inspection_id == inspection_id))
        session.add_all(
            ParticipantRow(
                inspection_id=inspection_id,
                uid=g.uid,
                position=i,
                role=g.role,
                count=g.count,
                names=g.names,
            )
            for i, g in enumerate(groups)
        )


def summary_siblings(session: Session, row: SummaryRow) -> list[SummaryRow]:
    """The items of the same list (Styrkor, Svagheter or Förbättringspotential), in order."""
    return list(
        session.scalars(
            select(SummaryRow)
            .where(SummaryRow.inspection_id == row.inspection_id, SummaryRow.kind == row.kind)
            .order_by(SummaryRow.position, SummaryRow.id)
        )
    )


def action_siblings(session: Session, inspection_id: int) -> list[ActionRow]:
    """The rows of the inspection's action plan, in order."""
    return list(
        session.scalars(
            select(ActionRow)
            .where(ActionRow.inspection_id == inspection_id)
            .order_by(ActionRow.position, ActionRow.id)
        )
    )


def default_follow_ups(session: Session, inspection_id: int, day: date) -> int:
    """Give `day` as follow-up date to every row of the plan that has a planned action and no
    follow-up date (a row the unit left empty is no action to follow up); how many."""
    empty = [
        row
        for row in action_siblings(session, inspection_id)
        if row.planned_action.strip() and not row.follow_up.strip()
    ]
    for row in empty:
        row.follow_up = day.isoformat()
        row.follow_up_on = day
    return len(empty)


def renumber(rows: Sequence[SummaryRow] | Sequence[ActionRow]) -> None:
    """Positions 0, 1, 2 … in list order, so positions stay contiguous after every change."""
    for index, row in enumerate(rows):
        row.position = index


def write_staged(connection: Connection, staged: Mapping[TextKey, str], now: datetime) -> None:
    """Apply staged editor text with plain UPDATE statements (SQLAlchemy Core, no ORM unit of
    work), then set `modified_at` of every inspection changed, once, to `now`.

    An autosave of one text is two short statements in the caller's transaction. A section or
    criterion row that does not exist yet is created (the rare first edit). A target deleted
    since its text was staged is skipped: the deletion was the later decision.
    """
    touched: set[int] = set()
    summary_ids: list[int] = []
    action_ids: list[int] = []
    for key, text in staged.items():
        match key:
            case SummaryTextKey(item_id):
                connection.execute(
                    update(_SUMMARIES).where(_SUMMARIES.c.id == item_id).values(text=text)
                )
                summary_ids.append(item_id)
            case ActionTextKey(item_id, field):
                values: dict[str, Any] = {field: text}
                if action_field(field).kind is FieldKind.DATE_TEXT:
                    values[f"{field}_on"] = first_date_in(text)  # due_on, follow_up_on
                connection.execute(update(_ACTIONS).where(_ACTIONS.c.id == item_id).values(values))
                action_ids.append(item_id)
            case _:
                if _write_assessment_text(connection, key, text):
                    touched.add(key.inspection_id)
    if not summary_ids and not action_ids:
        if touched:  # the usual autosave: a prepared statement, nothing built per flush
            connection.execute(_TOUCH, {"b_ids": sorted(touched), "b_now": now})
        return
    changed = []
    if touched:
        changed.append(_INSPECTIONS.c.id.in_(sorted(touched)))
    if summary_ids:
        changed.append(
            _INSPECTIONS.c.id.in_(
                select(_SUMMARIES.c.inspection_id).where(_SUMMARIES.c.id.in_(summary_ids))
            )
        )
    if action_ids:
        changed.append(
            _INSPECTIONS.c.id.in_(
                select(_ACTIONS.c.inspection_id).where(_ACTIONS.c.id.in_(action_ids))
            )
        )
    if changed:
        values: dict[str, Any] = {"modified_at": now}
        if any(isinstance(key, ActionTextKey) and key.field == "follow_up" for key in staged):
            values["next_follow_up"] = _next_follow_up(_INSPECTIONS.c.id)
        connection.execute(update(_INSPECTIONS).where(or_(*changed)).values(values))


def _next_follow_up(inspection_id: Any) -> Any:
    """The earliest follow-up among the inspection's action items not yet verified."""
    return (
        select(func.min(_ACTIONS.c.follow_up_on))
        .where(
            _ACTIONS.c.inspection_id == inspection_id,
            _ACTIONS.c.status != ActionItemStatus.VERIFIED.value,
        )
        .scalar_subquery()
    )


def refresh_listing(session: Session, inspection: InspectionRow) -> None:
    """Recompute what the start view reads from the inspection row (`effective_grades`,
    `next_follow_up`) from its sections and action plan, after the command's own changes."""
    session.flush()
    effective = func.coalesce(SectionRow.revised_grade, SectionRow.grade)
    grades = session.execute(
        select(SectionRow.section_id, effective)
        .where(SectionRow.inspection_id == inspection.id, effective.is_not(None))
        .order_by(SectionRow.section_id)
    )
    inspection.effective_grades = {section_id: grade for section_id, grade in grades}
    inspection.next_follow_up = session.scalar(
        select(func.min(ActionRow.follow_up_on)).where(
            ActionRow.inspection_id == inspection.id,
            ActionRow.status != ActionItemStatus.VERIFIED.value,
        )
    )


def _text_update(table: Any, target: Any, column: str) -> Any:
    return (
        update(table)
        .where(table.c.inspection_id == bindparam("b_inspection"), target == bindparam("b_target"))
        .values({column: bindparam("b_text", type_=table.c[column].type)})
    )


# Built once: an autosave then only binds values to cached, compiled statements.
_ASSESSMENT_TEXT_UPDATES: dict[type[AssessmentTextKey], Any] = {
    FindingsKey: _text_update(_SECTIONS, _SECTIONS.c.section_id, "findings"),
    JustificationKey: _text_update(_SECTIONS, _SECTIONS.c.section_id, "justification"),
    CriterionNoteKey: _text_update(_CRITERIA, _CRITERIA.c.criterion_id, "note"),
}
_TOUCH = (
    update(_INSPECTIONS)
    .where(_INSPECTIONS.c.id.in_(bindparam("b_ids", expanding=True)))
    .values(modified_at=bindparam("b_now", type_=_INSPECTIONS.c.modified_at.type))
)


def _write_assessment_text(connection: Connection, key: AssessmentTextKey, text: str) -> bool:
    """Findings / justification of a section or the note of a criterion; False when the
    inspection no longer exists."""
    target_id = key.criterion_id if isinstance(key, CriterionNoteKey) else key.section_id
    bound = {"b_inspection": key.inspection_id, "b_target": target_id, "b_text": text}
    if connection.execute(_ASSESSMENT_TEXT_UPDATES[type(key)], bound).rowcount:
        return True
    exists = connection.execute(
        select(_INSPECTIONS.c.id).where(_INSPECTIONS.c.id == key.inspection_id)
    ).first()
    if exists is None:
        return False
    table: Any
    if isinstance(key, CriterionNoteKey):
        table = _CRITERIA
        row = {
            "criterion_id": target_id,
            "status": CriterionStatus.NOT_ASSESSED.value,
            "note": text,
        }
    else:
        table = _SECTIONS
        row = {"section_id": target_id, "findings": "", "justification": "", "revision_reason": ""}
        row["findings" if isinstance(key, FindingsKey) else "justification"] = text
    connection.execute(insert(table).values(inspection_id=key.inspection_id, **row))
    return True
