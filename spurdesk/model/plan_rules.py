"""The action plan's rules (pure): where the plan stands, which deficiencies need a row, which rows
are required, and the dates the inspectors start from.

- Action is *required* ("Åtgärder krävs", the D step of the scale) for a föreskrift not met in a
  section graded D at the visit; every other deficiency (an allmänt råd or indicator not met in a
  section graded C or D) is one where action is *recommended*, and whether the plan gets a row for
  it is the inspectors' choice. A row is required when it answers a required deficiency.
- One row may answer several criteria of its section (`ActionItem.further_criteria`).
- The unit's reply is due by the inspection's `reply_by` date, which the inspectors set when they
  request the plan (the default period is a setting: the SPUR documents fix none).
- A follow-up date defaults to six months after the plan is received (Region Skåne's guideline,
  seed 003 §8: "skriftlig rapportering inom sex månader"); it stays editable.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from spurdesk.model.criteria import CriterionKind
from spurdesk.model.grading import Deficiency, deficient_kinds, inspection_deficiencies
from spurdesk.model.inspection import ActionItem, Inspection, InspectionStatus

#: Months from the plan's arrival to the default follow-up date (seed 003, §8).
FOLLOW_UP_MONTHS = 6
#: Days from the request to the default reply-by date, unless the user's settings say otherwise.
DEFAULT_REPLY_DAYS = 30


class PlanState(StrEnum):
    """Where the action plan stands, as the report and the documents to the unit tell it."""

    NOT_REQUESTED = "not requested"  # before the request, or closed without a plan
    REQUESTED = "requested"  # handlingsplan begärd: the unit is to answer by `reply_by`
    RECEIVED = "received"  # handlingsplan inkommen, or closed after the plan arrived


def plan_state(inspection: Inspection) -> PlanState:
    """The plan's state from the status; a closed inspection had a plan if any row carries the
    unit's answer (closing straight from fastställd means nothing was to be remedied)."""
    status = inspection.status
    if status == InspectionStatus.ACTION_PLAN_REQUESTED:
        return PlanState.REQUESTED
    if status == InspectionStatus.ACTION_PLAN_RECEIVED:
        return PlanState.RECEIVED
    if status == InspectionStatus.CLOSED and any(i.has_answer for i in inspection.action_items):
        return PlanState.RECEIVED
    return PlanState.NOT_REQUESTED


def required_deficiencies(inspection: Inspection) -> tuple[Deficiency, ...]:
    """The deficiencies every plan must answer ("Åtgärder krävs"), in section order."""
    return tuple(d for d in inspection_deficiencies(inspection) if d.action_required)


def answered_criteria(inspection: Inspection) -> frozenset[str]:
    return frozenset(c for item in inspection.action_items for c in item.criteria_answered)


def unanswered_required(inspection: Inspection) -> tuple[Deficiency, ...]:
    """Required deficiencies no row answers: what "Skapa rader från brister" adds rows for."""
    answered = answered_criteria(inspection)
    return tuple(d for d in required_deficiencies(inspection) if d.criterion_id not in answered)


def row_required(inspection: Inspection, item: ActionItem) -> bool | None:
    """True when the row answers a deficiency where action is required, False when it answers
    only deficiencies where action is recommended, None when it answers no deficiency (a
    free-standing row, or criteria met since)."""
    deficiencies = {d.criterion_id: d for d in inspection_deficiencies(inspection)}
    answered = [deficiencies[c] for c in item.criteria_answered if c in deficiencies]
    if not answered:
        return None
    return any(d.action_required for d in answered)


def inspection_deficient_kinds(inspection: Inspection) -> tuple[CriterionKind, ...]:
    """`deficient_kinds` over every section."""
    found = {
        kind
        for section in inspection.criteria.sections
        for kind in deficient_kinds(section, inspection.section(section.id))
    }
    return tuple(k for k in (CriterionKind.FORESKRIFT, CriterionKind.ALLMANT_RAD) if k in found)


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day where it is shorter (31 Aug → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if day.day <= 28:  # every month has it (the register computes thousands of these)
        return date(year, month, day.day)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # every month has a 28th


def default_follow_up(received: date) -> date:
    """The follow-up date a row gets when the plan arrives and the unit left it empty."""
    return add_months(received, FOLLOW_UP_MONTHS)
