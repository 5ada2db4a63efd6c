"""When a unit is due (pure): the next SPUR, and the six-month follow-up of a deficiency report.

- A unit is to be inspected at least every fifth year (seeds 003 and 004; regional ST funding
  depends on it). The last SPUR is the visit of its latest inspection whose report is fastställd
  or further along; the next is due `interval_years` later (a setting, default 5).
- A report with deficiencies against föreskrifter is followed up within six months (seed 003,
  §8): the unit sends an *internal review* and a *written report*. Each is recorded as received
  with a date, who sent it and a note; the follow-up is done when both have arrived.

Dates a person types are checked here, so every layer refuses the same things with the same
words: a receipt dated in the future, or before the report it answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from spurdesk.errors import SpurdeskError
from spurdesk.model.inspection import InspectionStatus
from spurdesk.model.lifecycle import allowed_transitions
from spurdesk.model.plan_rules import FOLLOW_UP_MONTHS, add_months
from spurdesk.model.units import UnitOverview

DEFAULT_INTERVAL_YEARS = 5
#: "Due soon" in the register: the next SPUR within this many months.
DEFAULT_WARN_MONTHS = 6
MAX_INTERVAL_YEARS = 10


def _from_final() -> frozenset[InspectionStatus]:
    """fastställd and every status the lifecycle can reach from it: the report has been sent."""
    reached = {InspectionStatus.FINAL}
    frontier = [InspectionStatus.FINAL]
    while frontier:
        for status in allowed_transitions(frontier.pop()):
            if status not in reached:
                reached.add(status)
                frontier.append(status)
    return frozenset(reached)


#: Statuses whose inspection counts as a SPUR done (its report is fastställd and sent).
SPUR_DONE = _from_final()


class DueDateError(SpurdeskError):
    """A date the due-date rules refuse; nothing written."""


class DueState(StrEnum):
    OVERDUE = "försenad"
    DUE_SOON = "snart"
    ON_TIME = "i tid"
    NEVER = "ingen SPUR"  # no fastställd inspection yet: nothing to count from

    @property
    def flagged(self) -> bool:
        return self in (DueState.OVERDUE, DueState.NEVER)


@dataclass(frozen=True)
class DueRules:
    """The settings the rules read (Inställningar → Enheter)."""

    interval_years: int = DEFAULT_INTERVAL_YEARS
    warn_months: int = DEFAULT_WARN_MONTHS

    def __post_init__(self) -> None:
        if not 1 <= self.interval_years <= MAX_INTERVAL_YEARS:
            raise DueDateError(
                f"Intervallet mellan SPUR-inspektioner måste vara 1–{MAX_INTERVAL_YEARS} år, "
                f"inte {self.interval_years}."
            )
        if not 0 <= self.warn_months <= 12 * self.interval_years:
            raise DueDateError(
                f"Varningstiden måste vara 0–{12 * self.interval_years} månader, "
                f"inte {self.warn_months}."
            )


def next_spur(last: date, rules: DueRules) -> date:
    """`interval_years` after the last visit; a visit on 29 February is due on the 28th."""
    return add_months(last, 12 * rules.interval_years)


def last_spur_cutoff(today: date, rules: DueRules) -> date:
    """The earliest last-SPUR date that is not overdue today: `next_spur(last) < today` exactly
    when `last < last_spur_cutoff(today)`, so a database can count overdue units with one
    comparison. Usually `interval_years` before today; a day later where that day does not
    exist in the earlier year (29 February)."""
    cutoff = add_months(today, -12 * rules.interval_years)
    while next_spur(cutoff, rules) < today:
        cutoff += timedelta(days=1)
    return cutoff


def due_state(due: date | None, today: date, soon_until: date) -> DueState:
    """Where a due date stands today; "snart" up to and including `soon_until`."""
    if due is None:
        return DueState.NEVER
    if due < today:
        return DueState.OVERDUE
    if due <= soon_until:
        return DueState.DUE_SOON
    return DueState.ON_TIME


@dataclass(frozen=True)
class SpurDue:
    last_spur: date | None
    next_due: date | None
    state: DueState


def spur_due(
    last_spur: date | None, today: date, rules: DueRules, *, soon_until: date | None = None
) -> SpurDue:
    """The unit's next SPUR and its state; `soon_until` (today + `warn_months`) may be given
    when thousands of units are judged on one day."""
    due = next_spur(last_spur, rules) if last_spur is not None else None
    horizon = soon_until or add_months(today, rules.warn_months)
    return SpurDue(last_spur, due, due_state(due, today, horizon))


# deficiency follow-up ------------------------------------------------------------------------


class ReceiptKind(StrEnum):
    """What the unit sends within six months of a report with deficiencies (seed 003, §8)."""

    INTERNAL_REVIEW = "intern granskning"
    WRITTEN_REPORT = "skriftlig rapport"

    @property
    def label(self) -> str:
        return {
            ReceiptKind.INTERNAL_REVIEW: "Intern granskning",
            ReceiptKind.WRITTEN_REPORT: "Skriftlig rapport",
        }[self]


@dataclass(frozen=True)
class Receipt:
    received_on: date
    by: str = ""  # who sent it, e.g. "Verksamhetschef"
    note: str = ""


@dataclass(frozen=True)
class DeficiencyFollowUp:
    """The six-month follow-up of one inspection's deficiencies against föreskrifter."""

    inspection_id: int
    unit_id: int | None
    title: str  # the inspection's unit and site
    start: date  # the report's date (else the day it was fastställd)
    internal_review: Receipt | None = None
    written_report: Receipt | None = None

    @property
    def due(self) -> date:
        return follow_up_due(self.start)

    def receipt(self, kind: ReceiptKind) -> Receipt | None:
        return self.internal_review if kind is ReceiptKind.INTERNAL_REVIEW else self.written_report

    @property
    def complete(self) -> bool:
        return self.internal_review is not None and self.written_report is not None

    def state(self, today: date, warn_days: int = 30) -> DueState:
        if self.complete:
            return DueState.ON_TIME
        if self.due < today:
            return DueState.OVERDUE
        if (self.due - today).days <= warn_days:
            return DueState.DUE_SOON
        return DueState.ON_TIME


def follow_up_due(start: date) -> date:
    """Six months after the report (31 August → 28 February, as every month-based date here)."""
    return add_months(start, FOLLOW_UP_MONTHS)


def check_receipt_date(received_on: date, start: date, today: date, what: ReceiptKind) -> date:
    """A receipt's date, refused in the future or before the report it answers."""
    if not isinstance(received_on, date):
        raise DueDateError(
            f"{what.label}: {received_on!r} är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD."
        )
    if received_on > today:
        raise DueDateError(
            f"{what.label}: mottagningsdatumet {received_on.isoformat()} ligger i framtiden. "
            "Ange dagen den faktiskt kom in."
        )
    if received_on < start:
        raise DueDateError(
            f"{what.label}: mottagningsdatumet {received_on.isoformat()} ligger före rapporten "
            f"({start.isoformat()}) som den svarar på. Kontrollera datumet."
        )
    return received_on


# the register's due-date list -----------------------------------------------------------------

_STATE_ORDER = (DueState.OVERDUE, DueState.NEVER, DueState.DUE_SOON, DueState.ON_TIME)


@dataclass(frozen=True)
class UnitDue:
    """One unit of the due-date list: the register's row and when its next SPUR is due."""

    unit: UnitOverview
    spur: SpurDue

    @property
    def needs_attention(self) -> bool:
        """Overdue or never inspected, or a deficiency follow-up past its six months: what the
        start view counts and the units window marks."""
        return self.spur.state.flagged or self.unit.overdue_follow_ups > 0

    @property
    def due_soon(self) -> bool:
        return self.spur.state is DueState.DUE_SOON


def due_list(
    units: Iterable[UnitOverview], today: date, rules: DueRules, *, due_only: bool = False
) -> list[UnitDue]:
    """Units with their next SPUR, the most urgent first: overdue, never inspected, due soon,
    on time, each by date; `due_only` leaves out the units on time with nothing overdue."""
    horizon = add_months(today, rules.warn_months)
    rows = [
        UnitDue(unit, spur_due(unit.last_spur, today, rules, soon_until=horizon)) for unit in units
    ]
    if due_only:
        rows = [row for row in rows if row.needs_attention or row.due_soon]
    return sorted(
        rows,
        key=lambda row: (
            _STATE_ORDER.index(row.spur.state),
            row.spur.next_due or date.min,
            row.unit.name.casefold(),
        ),
    )
