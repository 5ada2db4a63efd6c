"""Verbs on the handlingsplan's rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from spurdesk.library.core import LibraryCore
from spurdesk.library.errors import (
    LibraryError,
)
from spurdesk.library.schema import (
    ActionRow,
    InspectionRow,
)
from spurdesk.library.storage import checks, rows
from spurdesk.library.text_keys import ActionTextKey
from spurdesk.model.action_fields import ACTION_FIELDS
from spurdesk.model.followup import AwaitedPlan, awaited_in_order
from spurdesk.model.inspection import (
    ActionItem,
    ActionItemStatus,
    InspectionStatus,
)
from spurdesk.model.plan_rules import unanswered_required


class ActionPlanVerbs(LibraryCore):
    def awaited_action_plans(self) -> list[AwaitedPlan]:
        """Inspections (not in the trash) whose handlingsplan was requested and has not yet
        arrived, with the date it was due: one query, for the follow-up list across the whole
        library (on the office server, across every inspector)."""
        with self._read() as session:
            found = session.execute(
                select(
                    InspectionRow.id, InspectionRow.unit, InspectionRow.site, InspectionRow.reply_by
                ).where(
                    InspectionRow.status == InspectionStatus.ACTION_PLAN_REQUESTED.value,
                    InspectionRow.deleted_at.is_(None),
                )
            )
            return awaited_in_order(AwaitedPlan(*row) for row in found)

    def add_action_item(
        self,
        inspection_id: int,
        *,
        section_id: str | None = None,
        criterion_id: str | None = None,
        further_criteria: Sequence[str] = (),
        planned_action: str = "",
        due: str = "",
        responsible: str = "",
        follow_up: str = "",
        follow_up_responsible: str = "",
        status: ActionItemStatus = ActionItemStatus.OPEN,
        unit_comment: str = "",
        position: int | None = None,
        uid: str | None = None,
    ) -> int:
        """A row of the handlingsplan, linked to a criterion (and its section) or free-standing."""
        draft = ActionItem(
            id=0,
            section_id=section_id,
            criterion_id=criterion_id,
            further_criteria=tuple(further_criteria),
            planned_action=planned_action,
            due=due,
            responsible=responsible,
            follow_up=follow_up,
            follow_up_responsible=follow_up_responsible,
            status=status,
            unit_comment=unit_comment,
        )
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            values = checks.action_values(self._criteria_of(row), draft)
            siblings = rows.action_siblings(session, row.id)
            index = checks.insertion_index(position, len(siblings), "Handlingsplanen")
            item = ActionRow(
                inspection_id=row.id,
                uid=self._new_uid(session, ActionRow, uid, "Handlingsplanens rad"),
                position=-1,
                **values,
            )
            session.add(item)
            siblings.insert(index, item)
            rows.renumber(siblings)
            self._touch(row)
            rows.refresh_listing(session, row)
            return item.id

    def update_action_item(self, item_id: int, **fields: Any) -> None:
        """Change any ActionItem field except `id`; `position` moves the row."""
        allowed = {field.name for field in ACTION_FIELDS}
        unknown = sorted(set(fields) - allowed)
        if unknown:
            raise LibraryError(
                f"Okända fält för handlingsplanen: {', '.join(unknown)}. "
                f"Möjliga är {', '.join(sorted(allowed))}."
            )
        with self._write() as session:
            item = self._action_row(session, item_id)
            row = self._inspection_row(session, item.inspection_id)
            current = {name: getattr(item, name) for name in allowed if name != "position"}
            current.update({k: v for k, v in fields.items() if k != "position"})
            values = checks.action_values(self._criteria_of(row), ActionItem(id=item.id, **current))
            for name, value in values.items():
                setattr(item, name, value)
            if "position" in fields:
                siblings = rows.action_siblings(session, row.id)
                siblings.remove(item)
                index = checks.insertion_index(fields["position"], len(siblings), "Handlingsplanen")
                siblings.insert(index, item)
                rows.renumber(siblings)
            self._touch(row)
            rows.refresh_listing(session, row)

    def remove_action_item(self, item_id: int) -> None:
        with self._write() as session:
            item = self._action_row(session, item_id)
            siblings = rows.action_siblings(session, item.inspection_id)
            siblings.remove(item)
            session.delete(item)
            rows.renumber(siblings)
            inspection = self._inspection_row(session, item.inspection_id)
            self._touch(inspection)
            rows.refresh_listing(session, inspection)
        self._unstage(lambda key: isinstance(key, ActionTextKey) and key.item_id == item_id)

    def restore_action_item(self, inspection_id: int, item: ActionItem) -> None:
        """Put a removed row back as it was: its own id, every field and its place (the undo of a
        removal, so every later step that names the row still finds it)."""
        if not isinstance(item, ActionItem):
            raise LibraryError("Bara en borttagen rad i handlingsplanen kan återställas.")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            values = checks.action_values(self._criteria_of(row), item)
            restored = ActionRow(
                id=self._free_id(session, ActionRow, item.id),
                uid=self._new_uid(session, ActionRow, item.uid, "Handlingsplanens rad"),
                inspection_id=row.id,
                position=-1,
                **values,
            )
            siblings = rows.action_siblings(session, row.id)
            session.add(restored)
            siblings.insert(min(max(item.position, 0), len(siblings)), restored)
            rows.renumber(siblings)
            self._touch(row)
            rows.refresh_listing(session, row)

    def sync_action_items(self, inspection_id: int) -> list[int]:
        """Add a row for each deficiency where action is required (a föreskrift unmet in a
        section graded D) that no row answers yet (`plan_rules.unanswered_required`); rows for
        deficiencies where action is only recommended are the inspectors' choice. Each new row
        goes after the rows of its own and earlier sections. Returns the new rows' ids."""
        with self._write() as session:
            record = self._load(session, inspection_id)
            row = self._inspection_row(session, inspection_id)
            order = {s.id: n for n, s in enumerate(record.criteria.sections)}
            siblings = rows.action_siblings(session, row.id)
            added: list[ActionRow] = []
            for deficiency in unanswered_required(record):
                item = ActionRow(
                    inspection_id=row.id,
                    position=-1,
                    **checks.action_values(
                        record.criteria,
                        ActionItem(
                            id=0,
                            section_id=deficiency.section_id,
                            criterion_id=deficiency.criterion_id,
                        ),
                    ),
                )
                rank = order[deficiency.section_id]
                index = sum(
                    1
                    for sibling in siblings
                    if order.get(sibling.section_id or "", len(order)) <= rank
                )
                session.add(item)
                siblings.insert(index, item)
                added.append(item)
            if added:
                rows.renumber(siblings)
                self._touch(row)
                rows.refresh_listing(session, row)
            session.flush()
            return [item.id for item in added]
