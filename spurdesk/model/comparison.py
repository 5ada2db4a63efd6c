"""A re-inspection compared with the last SPUR of the same unit: each section's grade then and
now, and what became of each deficiency found then.

Pure rules over two records. The earlier deficiencies are those its report gave
(`grading.inspection_deficiencies`: unmet criteria of sections graded C or D at that visit). Now
the visit may still be under way, so a criterion counts as deficient as soon as it is assessed
partly or not met, graded or not: the comparison is useful during the visit, not only after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from spurdesk.model.criteria import Grade
from spurdesk.model.grading import UNMET, Deficiency, inspection_deficiencies
from spurdesk.model.inspection import CriterionStatus, Inspection


class GradeChange(StrEnum):
    BETTER = "bättre"
    SAME = "oförändrad"
    WORSE = "sämre"
    UNKNOWN = "–"  # a grade is missing on either side


class Outcome(StrEnum):
    """What became of a deficiency of the last SPUR, or one found now for the first time."""

    RESOLVED = "åtgärdad"
    OPEN = "kvarstår"
    NEW = "ny"
    UNASSESSED = "ej bedömd"  # the criterion is not (yet) assessed now, or left the criteria set


@dataclass(frozen=True)
class SectionGrades:
    section_id: str
    label: str  # "E. Handledning och kompetensbedömning"
    previous: Grade | None
    current: Grade | None

    @property
    def change(self) -> GradeChange:
        if self.previous is None or self.current is None:
            return GradeChange.UNKNOWN
        if self.current.rank < self.previous.rank:
            return GradeChange.BETTER
        if self.current.rank > self.previous.rank:
            return GradeChange.WORSE
        return GradeChange.SAME


@dataclass(frozen=True)
class DeficiencyOutcome:
    section_id: str
    criterion_id: str
    outcome: Outcome
    previous: CriterionStatus | None  # its status at the last SPUR (None: no deficiency then)
    current: CriterionStatus  # its status now


@dataclass(frozen=True)
class Comparison:
    grades: tuple[SectionGrades, ...]  # one per section of the current set, in its order
    deficiencies: tuple[DeficiencyOutcome, ...]  # in the current set's criterion order
    #: Whether the last SPUR itself was at hand; without it only the grades copied when the
    #: re-inspection was made are known, and no deficiency can be followed.
    previous_known: bool
    previous_visit: date | None = None

    def of(self, outcome: Outcome) -> tuple[DeficiencyOutcome, ...]:
        return tuple(d for d in self.deficiencies if d.outcome == outcome)


def is_reinspection(inspection: Inspection) -> bool:
    """Made as the next visit after an earlier one ("Duplicera som ominspektion")."""
    return inspection.previous_inspection_id is not None or bool(inspection.previous_grades)


def _status_now(current: Inspection, criterion_id: str) -> CriterionStatus | None:
    """The criterion's status now; None when the current criteria set lacks it."""
    try:
        section = current.criteria.section_of(criterion_id)
    except KeyError:
        return None
    return current.section(section.id).criterion(criterion_id).status


def _outcome(status: CriterionStatus | None) -> Outcome:
    if status is None or status == CriterionStatus.NOT_ASSESSED:
        return Outcome.UNASSESSED
    return Outcome.OPEN if status in UNMET else Outcome.RESOLVED


def compare(current: Inspection, previous: Inspection | None) -> Comparison:
    """`current` against `previous` (the last SPUR, when at hand). Grades then are the previous
    inspection's effective grades (revised after its action plan, if revised), else the grades
    copied when the re-inspection was made."""
    then_grades = (
        {s.section_id: s.effective_grade for s in previous.sections}
        if previous is not None
        else dict(current.previous_grades)
    )
    grades = tuple(
        SectionGrades(
            section.id,
            section.label,
            then_grades.get(section.id),
            current.section(section.id).effective_grade,
        )
        for section in current.criteria.sections
    )
    if previous is None:
        return Comparison(grades, (), previous_known=False)
    earlier: dict[str, Deficiency] = {d.criterion_id: d for d in inspection_deficiencies(previous)}
    order = {c.id: index for index, c in enumerate(current.criteria.criteria)}
    outcomes = [
        DeficiencyOutcome(
            d.section_id,
            d.criterion_id,
            _outcome(_status_now(current, d.criterion_id)),
            d.status,
            _status_now(current, d.criterion_id) or CriterionStatus.NOT_ASSESSED,
        )
        for d in earlier.values()
    ]
    outcomes += [
        DeficiencyOutcome(
            section.section_id, assessed.criterion_id, Outcome.NEW, None, assessed.status
        )
        for section in current.sections
        for assessed in section.criteria
        if assessed.status in UNMET and assessed.criterion_id not in earlier
    ]
    outcomes.sort(key=lambda d: (order.get(d.criterion_id, len(order)), d.criterion_id))
    return Comparison(
        grades, tuple(outcomes), previous_known=True, previous_visit=previous.visit_start
    )
