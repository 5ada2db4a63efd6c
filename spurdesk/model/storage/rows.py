"""Row-level writing shared by the service commands: get-or-create assessment rows, ordered
lists kept contiguous, whole lists replaced, and staged editor text applied.

Everything here runs inside the caller's transaction and checks nothing: the library has
validated its input before it gets here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from spurdesk.model.inspection import (
    CriterionStatus,
    Inspector,
    ParticipantGroup,
    first_date_in,
)
from spurdesk.model.schema import (
    ActionRow,
    CriterionRow,
    InspectionRow,
    InspectorRow,
    ParticipantRow,
    SectionRow,
    SummaryRow,
)


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
    """Replace the inspectors and/or participant groups (None leaves that list alone)."""
    if inspectors is not None:
        session.execute(delete(InspectorRow).where(InspectorRow.inspection_id == inspection_id))
        session.add_all(
            InspectorRow(inspection_id=inspection_id, position=i, name=p.name, role=p.role)
            for i, p in enumerate(inspectors)
        )
    if groups is not None:
        session.execute(delete(ParticipantRow).where(ParticipantRow.inspection_id == inspection_id))
        session.add_all(
            ParticipantRow(
                inspection_id=inspection_id, position=i, role=g.role, count=g.count, names=g.names
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


def renumber(rows: Sequence[SummaryRow] | Sequence[ActionRow]) -> None:
    """Positions 0, 1, 2 … in list order, so positions stay contiguous after every change."""
    for index, row in enumerate(rows):
        row.position = index


def write_staged(session: Session, staged: Mapping[tuple[Any, ...], str]) -> set[int]:
    """Apply staged editor text; returns the ids of the inspections changed. A target deleted
    since its text was staged is skipped: the deletion was the later decision."""
    touched: set[int] = set()
    for key, text in staged.items():
        kind = key[0]
        if kind in ("findings", "justification", "criterion_note"):
            inspection = session.get(InspectionRow, key[1])
            if inspection is None:
                continue
            if kind == "criterion_note":
                criterion_row(session, inspection.id, key[2]).note = text
            else:
                setattr(section_row(session, inspection.id, key[2]), kind, text)
            touched.add(inspection.id)
        elif kind == "summary":
            item = session.get(SummaryRow, key[1])
            if item is not None:
                item.text = text
                touched.add(item.inspection_id)
        else:
            action = session.get(ActionRow, key[1])
            if action is not None:
                setattr(action, key[2], text)
                if key[2] in ("due", "follow_up"):
                    setattr(action, f"{key[2]}_on", first_date_in(text))
                touched.add(action.inspection_id)
    return touched
