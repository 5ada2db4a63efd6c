"""Verbs on the handlingsplan's rows."""

from __future__ import annotations

from typing import Any

from spurdesk.library.core import LibraryCore
from spurdesk.library.errors import (
    LibraryError,
)
from spurdesk.library.schema import (
    ActionRow,
)
from spurdesk.library.storage import checks, rows
from spurdesk.library.text_keys import ActionTextKey
from spurdesk.model import grading
from spurdesk.model.action_fields import ACTION_FIELDS
from spurdesk.model.inspection import (
    ActionItem,
    ActionItemStatus,
)


class ActionPlanVerbs(LibraryCore):
    def add_action_item(
        self,
        inspection_id: int,
        *,
        section_id: str | None = None,
        criterion_id: str | None = None,
        planned_action: str = "",
        due: str = "",
        responsible: str = "",
        follow_up: str = "",
        follow_up_responsible: str = "",
        status: ActionItemStatus = ActionItemStatus.OPEN,
        unit_comment: str = "",
        position: int | None = None,
    ) -> int:
        """A row of the handlingsplan, linked to a criterion (and its section) or free-standing."""
        draft = ActionItem(
            id=0,
            section_id=section_id,
            criterion_id=criterion_id,
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
            item = ActionRow(inspection_id=row.id, position=-1, **values)
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
        """Add a row for each deficiency (`grading.inspection_deficiencies`) that has none yet,
        matched by criterion; returns the new rows' ids (empty when the plan is complete)."""
        with self._write() as session:
            record = self._load(session, inspection_id)
            row = self._inspection_row(session, inspection_id)
            covered = {item.criterion_id for item in record.action_items}
            position = len(record.action_items)
            added: list[ActionRow] = []
            for deficiency in grading.inspection_deficiencies(record):
                if deficiency.criterion_id in covered:
                    continue
                covered.add(deficiency.criterion_id)
                item = ActionRow(
                    inspection_id=row.id,
                    position=position,
                    **checks.action_values(
                        record.criteria,
                        ActionItem(
                            id=0,
                            section_id=deficiency.section_id,
                            criterion_id=deficiency.criterion_id,
                        ),
                    ),
                )
                position += 1
                session.add(item)
                added.append(item)
            if added:
                self._touch(row)
                rows.refresh_listing(session, row)
            session.flush()
            return [item.id for item in added]
