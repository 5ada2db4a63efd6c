"""The action plan as the exchange carries it: the listed deficiencies, the rows to complete and
the date by which the unit is to reply.

Rows are keyed so that both sides can match them: "item-<id>" for a row of the inspection in the
inspector's library, "new-<hex>" for a row the unit added.
Only the fields the model marks `unit_editable` (`UNIT_FIELDS`) belong to the unit. A row answers
its criterion and any `further_criteria` of the section; it is required when one of them is a
deficiency where action is required (`ActionPlan.requirement`), which the plan works out from its
listed deficiencies rather than trusting what a file says.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spurdesk.exchange.jsonread import Node
from spurdesk.model.action_fields import UNIT_FIELDS
from spurdesk.model.grading import inspection_deficiencies
from spurdesk.model.inspection import ActionItem, Inspection
from spurdesk.model.plan_rules import answered_criteria
from spurdesk.model.text import clean_text

_ITEM_PREFIX = "item-"
_NEW_PREFIX = "new-"


@dataclass(frozen=True)
class PlanDeficiency:
    """A deficiency the unit must (or is recommended to) answer with at least one action row."""

    section_id: str
    criterion_id: str
    section_label: str  # "E. Handledning och kompetensbedömning"
    criterion_text: str
    action_required: bool  # the section was graded D at the visit: "Åtgärder krävs"

    def to_dict(self) -> dict[str, Any]:
        return {
            "section_id": self.section_id,
            "criterion_id": self.criterion_id,
            "section_label": self.section_label,
            "criterion_text": self.criterion_text,
            "action_required": self.action_required,
        }

    @classmethod
    def from_node(cls, node: Node) -> PlanDeficiency:
        required = node["action_required"].value
        if not isinstance(required, bool):
            raise node["action_required"]._fail("förväntade sant eller falskt")
        return cls(
            section_id=node["section_id"].text(),
            criterion_id=node["criterion_id"].text(),
            section_label=node["section_label"].text(),
            criterion_text=node["criterion_text"].text(),
            action_required=required,
        )


def is_row_key(key: str) -> bool:
    """ "item-<digits>" or "new-<1 to 60 characters>"."""
    if key.startswith(_ITEM_PREFIX):
        return key[len(_ITEM_PREFIX) :].isdigit() and len(key) <= 24
    return key.startswith(_NEW_PREFIX) and len(_NEW_PREFIX) < len(key) <= 64


@dataclass(frozen=True)
class ActionRow:
    key: str
    section_id: str | None
    criterion_id: str | None
    planned_action: str = ""
    due: str = ""
    responsible: str = ""
    follow_up: str = ""
    follow_up_responsible: str = ""
    unit_comment: str = ""
    further_criteria: tuple[str, ...] = ()  # the inspectors' link; the unit cannot change it

    def __post_init__(self) -> None:
        # The one place every incoming row passes, from a .spur package, a Word form or the
        # unit's editing: its texts are cleaned as the Word form's always were, so a control
        # character from outside is never stored.
        for name in UNIT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, clean_text(value))

    @property
    def criteria_answered(self) -> tuple[str, ...]:
        own = (self.criterion_id,) if self.criterion_id else ()
        return own + tuple(c for c in self.further_criteria if c != self.criterion_id)

    @property
    def item_id(self) -> int | None:
        """The library id of the row, or None for a row the unit added."""
        if self.key.startswith(_ITEM_PREFIX) and self.key[len(_ITEM_PREFIX) :].isdigit():
            return int(self.key[len(_ITEM_PREFIX) :])
        return None

    @property
    def is_new(self) -> bool:
        return self.item_id is None

    def values(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in UNIT_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "section_id": self.section_id,
            "criterion_id": self.criterion_id,
            "further_criteria": list(self.further_criteria),
            **self.values(),
        }

    @classmethod
    def from_node(cls, node: Node) -> ActionRow:
        key = node["key"].text()
        if not is_row_key(key):
            raise node["key"]._fail(f'ogiltig radnyckel "{key[:40]}"')
        return cls(
            key=key,
            section_id=node["section_id"].optional_text(),
            criterion_id=node["criterion_id"].optional_text(),
            further_criteria=tuple(c.text() for c in node.get("further_criteria", []).items()),
            **{name: node[name].text() for name in UNIT_FIELDS},
        )

    @classmethod
    def from_item(cls, item: ActionItem) -> ActionRow:
        return cls(
            key=f"{_ITEM_PREFIX}{item.id}",
            section_id=item.section_id,
            criterion_id=item.criterion_id,
            further_criteria=item.further_criteria,
            **{name: getattr(item, name) for name in UNIT_FIELDS},
        )

    @classmethod
    def new_for(cls, deficiency: PlanDeficiency) -> ActionRow:
        """An empty row the unit adds for a listed deficiency."""
        return cls(
            key=f"{_NEW_PREFIX}{uuid.uuid4().hex}",
            section_id=deficiency.section_id,
            criterion_id=deficiency.criterion_id,
        )


@dataclass(frozen=True)
class ActionPlan:
    deficiencies: tuple[PlanDeficiency, ...] = ()
    rows: tuple[ActionRow, ...] = field(default_factory=tuple)
    reply_by: date | None = None  # by when the unit is to send its plan (format version 2)

    def to_dict(self) -> dict[str, Any]:
        return {
            "reply_by": self.reply_by.isoformat() if self.reply_by else None,
            "deficiencies": [d.to_dict() for d in self.deficiencies],
            # "action_required" per row is for people reading the file; readers recompute it.
            "rows": [r.to_dict() | {"action_required": self.requirement(r)} for r in self.rows],
        }

    @classmethod
    def from_node(cls, node: Node) -> ActionPlan:
        deficiencies = tuple(PlanDeficiency.from_node(d) for d in node["deficiencies"].items())
        rows = tuple(ActionRow.from_node(r) for r in node["rows"].items())
        keys = [row.key for row in rows]
        if len(set(keys)) != len(keys):
            raise node["rows"]._fail("samma radnyckel förekommer flera gånger")
        return cls(deficiencies, rows, node.get("reply_by", None).optional_date())

    def requirement(self, row: ActionRow) -> bool | None:
        """True: the row answers a deficiency where action is required ("Åtgärder krävs");
        False: only ones where it is recommended; None: no listed deficiency."""
        found = [
            d
            for d in self.deficiencies
            if d.section_id == row.section_id and d.criterion_id in row.criteria_answered
        ]
        return any(d.action_required for d in found) if found else None

    def row(self, key: str) -> ActionRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def deficiency(self, section_id: str | None, criterion_id: str | None) -> PlanDeficiency | None:
        for deficiency in self.deficiencies:
            if (deficiency.section_id, deficiency.criterion_id) == (section_id, criterion_id):
                return deficiency
        return None

    def rows_for(self, deficiency: PlanDeficiency) -> tuple[ActionRow, ...]:
        """The rows answering the deficiency (as their own or a further criterion)."""
        return tuple(
            r
            for r in self.rows
            if r.section_id == deficiency.section_id
            and deficiency.criterion_id in r.criteria_answered
        )


def listed_deficiencies(inspection: Inspection) -> tuple[PlanDeficiency, ...]:
    """The inspection's deficiencies (grading.inspection_deficiencies) with their texts."""
    listed = []
    for deficiency in inspection_deficiencies(inspection):
        section = inspection.criteria.section(deficiency.section_id)
        criterion = inspection.criteria.criterion(deficiency.criterion_id)
        listed.append(
            PlanDeficiency(
                section_id=section.id,
                criterion_id=criterion.id,
                section_label=section.label,
                criterion_text=criterion.text,
                action_required=deficiency.action_required,
            )
        )
    return tuple(listed)


def plan_from_inspection(inspection: Inspection) -> ActionPlan:
    """The plan to send: every existing row, plus an empty row for each deficiency where action
    is required that no row answers (rows for recommended ones are the inspectors' choice, and
    the unit may add them), with the inspection's reply-by date. Rows in section order, as the
    report's appendix lists them; within a section the inspectors' rows first, in their order."""
    deficiencies = listed_deficiencies(inspection)
    rows = [ActionRow.from_item(item) for item in inspection.action_items]
    answered = answered_criteria(inspection)
    rows += [
        ActionRow.new_for(d)
        for d in deficiencies
        if d.action_required and d.criterion_id not in answered
    ]
    order = {s.id: n for n, s in enumerate(inspection.criteria.sections)}
    rows.sort(key=lambda row: order.get(row.section_id or "", len(order)))  # stable
    return ActionPlan(deficiencies, tuple(rows), inspection.reply_by)
