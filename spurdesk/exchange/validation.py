"""Checks of the unit's action plan, run before the unit exports and again at import.

Problems are listed, never silently accepted: each names the row (number and criterion) and field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spurdesk.exchange.action_plan import ActionPlan, ActionRow
from spurdesk.model.action_fields import LABELS
from spurdesk.model.inspection import first_date_in

_CONTINUOUS = re.compile(r"\bkontinuerlig(t|a)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class PlanProblem:
    row_key: str | None  # None when a deficiency has no row at all
    field: str | None  # one of UNIT_FIELDS, or None
    message: str  # Swedish, for the user


def row_label(plan: ActionPlan, row: ActionRow) -> str:
    """ "Rad 3 (E.4)": how messages and views name a row."""
    number = plan.rows.index(row) + 1
    return f"Rad {number} ({row.criterion_id or row.section_id or 'fristående'})"


def has_completion_date(due: str) -> bool:
    """A completion date is an ISO date somewhere in the text, or "kontinuerligt"."""
    return first_date_in(due) is not None or bool(_CONTINUOUS.search(due))


def _missing(plan: ActionPlan, row: ActionRow, name: str, hint: str = "") -> PlanProblem:
    return PlanProblem(row.key, name, f"{row_label(plan, row)}: {LABELS[name]} saknas{hint}.")


def validate_plan(plan: ActionPlan) -> list[PlanProblem]:
    """Every problem of the plan, in row order; an empty list means it may be sent."""
    problems: list[PlanProblem] = []
    for deficiency in plan.deficiencies:
        if deficiency.action_required and not plan.rows_for(deficiency):
            problems.append(
                PlanProblem(
                    None,
                    None,
                    f"{deficiency.section_label}, {deficiency.criterion_id}: åtgärder krävs men "
                    "ingen rad i handlingsplanen besvarar bristen. Lägg till en rad.",
                )
            )
    for row in plan.rows:
        if plan.requirement(row):
            if not row.planned_action.strip():
                problems.append(_missing(plan, row, "planned_action"))
            if not row.responsible.strip():
                problems.append(_missing(plan, row, "responsible"))
            if not row.due.strip():
                problems.append(
                    _missing(plan, row, "due", " (ange ett datum ÅÅÅÅ-MM-DD eller ”kontinuerligt”)")
                )
            elif not has_completion_date(row.due):
                problems.append(
                    PlanProblem(
                        row.key,
                        "due",
                        f"{row_label(plan, row)}: {LABELS['due']}: "
                        f"”{row.due[:40]}” är varken ett datum ÅÅÅÅ-MM-DD eller ”kontinuerligt”.",
                    )
                )
        due, follow_up = first_date_in(row.due), first_date_in(row.follow_up)
        if due and follow_up and follow_up < due:
            problems.append(
                PlanProblem(
                    row.key,
                    "follow_up",
                    f"{row_label(plan, row)}: {LABELS['follow_up']} "
                    f"({follow_up.isoformat()}) ligger före datumet då åtgärden ska vara "
                    f"genomförd ({due.isoformat()}).",
                )
            )
    return problems
