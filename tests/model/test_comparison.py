"""The re-inspection compared with the last SPUR: grades then and now per section, and what
became of each earlier deficiency — pure rules over two records, no database, no Qt."""

from __future__ import annotations

from dataclasses import replace

from spurdesk.model.comparison import GradeChange, Outcome, compare, is_reinspection
from spurdesk.model.criteria import Grade
from spurdesk.model.demo import demo_inspection
from spurdesk.model.inspection import (
    CriterionAssessment,
    CriterionStatus,
    Inspection,
    SectionAssessment,
)


def with_section(
    inspection: Inspection, section_id: str, grade: Grade | None, **statuses: CriterionStatus
) -> Inspection:
    """`inspection` with section `section_id` graded `grade`, criteria given as E_4=status."""
    given = {key.replace("_", "."): status for key, status in statuses.items()}
    sections = tuple(
        replace(
            s,
            grade=grade,
            revised_grade=None,
            criteria=tuple(
                CriterionAssessment(c.criterion_id, given.get(c.criterion_id, c.status), c.note)
                for c in s.criteria
            ),
        )
        if s.section_id == section_id
        else s
        for s in inspection.sections
    )
    return replace(inspection, sections=sections)


def blank_reinspection(previous: Inspection) -> Inspection:
    sections = tuple(
        SectionAssessment(
            s.section_id, criteria=tuple(CriterionAssessment(c.criterion_id) for c in s.criteria)
        )
        for s in previous.sections
    )
    return replace(
        previous,
        id=previous.id + 1,
        sections=sections,
        action_items=(),
        previous_inspection_id=previous.id,
        previous_grades={
            s.section_id: s.effective_grade for s in previous.sections if s.effective_grade
        },
    )


def test_an_earlier_deficiency_is_resolved_open_or_unassessed_and_a_new_one_is_new() -> None:
    previous = with_section(
        demo_inspection(),
        "E",
        Grade.D,
        E_4=CriterionStatus.NOT_MET,
        E_5=CriterionStatus.PARTLY_MET,
        E_6=CriterionStatus.NOT_MET,
    )
    current = with_section(
        blank_reinspection(previous),
        "E",
        None,
        E_4=CriterionStatus.MET,
        E_5=CriterionStatus.NOT_MET,
        E_1=CriterionStatus.PARTLY_MET,
    )
    outcomes = {
        d.criterion_id: d.outcome
        for d in compare(current, previous).deficiencies
        if d.section_id == "E"
    }
    assert outcomes["E.4"] == Outcome.RESOLVED
    assert outcomes["E.5"] == Outcome.OPEN
    assert outcomes["E.6"] == Outcome.UNASSESSED
    assert outcomes["E.1"] == Outcome.NEW
    assert list(outcomes) == sorted(outcomes, key=lambda c: int(c.split(".")[1]))


def test_a_criterion_unmet_in_a_section_graded_a_or_b_then_was_no_deficiency_and_is_new_now() -> (
    None
):
    previous = with_section(demo_inspection(), "A", Grade.A, A_4=CriterionStatus.PARTLY_MET)
    current = with_section(blank_reinspection(previous), "A", None, A_4=CriterionStatus.PARTLY_MET)
    [a4] = [d for d in compare(current, previous).deficiencies if d.criterion_id == "A.4"]
    assert (a4.outcome, a4.previous) == (Outcome.NEW, None)


def test_grades_then_and_now_and_the_direction_of_change_per_section() -> None:
    previous = with_section(with_section(demo_inspection(), "E", Grade.D), "A", Grade.B)
    current = with_section(blank_reinspection(previous), "E", Grade.B)
    current = with_section(current, "A", Grade.D)
    grades = {g.section_id: g for g in compare(current, previous).grades}
    assert (grades["E"].previous, grades["E"].current, grades["E"].change) == (
        Grade.D,
        Grade.B,
        GradeChange.BETTER,
    )
    assert grades["A"].change == GradeChange.WORSE
    assert grades["B"].change == GradeChange.UNKNOWN  # not graded yet now
    assert [g.section_id for g in compare(current, previous).grades] == list("ABCDEFGH")


def test_a_revised_grade_of_the_last_spur_is_the_grade_then() -> None:
    previous = replace(
        demo_inspection(),
        sections=tuple(
            replace(s, grade=Grade.D, revised_grade=Grade.C) if s.section_id == "E" else s
            for s in demo_inspection().sections
        ),
    )
    current = blank_reinspection(previous)
    assert {g.section_id: g.previous for g in compare(current, previous).grades}["E"] == Grade.C


def test_without_the_last_spur_at_hand_the_copied_grades_are_compared_and_no_deficiency() -> None:
    current = replace(
        blank_reinspection(demo_inspection()),
        previous_inspection_id=None,
        previous_grades={"E": Grade.C},
    )
    comparison = compare(current, None)
    assert is_reinspection(current)
    assert not comparison.previous_known
    assert comparison.deficiencies == ()
    assert {g.section_id: g.previous for g in comparison.grades}["E"] == Grade.C


def test_a_first_inspection_is_no_reinspection() -> None:
    first = replace(demo_inspection(), previous_inspection_id=None, previous_grades={})
    assert not is_reinspection(first)
