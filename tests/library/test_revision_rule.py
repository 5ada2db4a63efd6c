"""The revision rule (the criteria set's `revision`, issue 13 point 2): a grade is revised only
after the action plan has arrived, only where the visit found deficiencies, only to a better grade
the rule reaches — enforced by the library with a Swedish message; revisions stored before the
rule still open, export and are listed in the report's audit."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from spurdesk.library import Library
from spurdesk.model.criteria import CriteriaSet, Grade
from spurdesk.model.grading import GradingError
from spurdesk.model.inspection import CriterionStatus, InspectionStatus
from spurdesk.report import export_docx
from tests.library.conftest import fixture_copy, new_inspection, receive_plan
from tests.report.readback import read_docx


def graded(library: Library, criteria: CriteriaSet) -> int:
    """E graded D (E.4 unmet), D graded C (D.8 unmet), B graded B (B.8, B.9 unmet)."""
    inspection_id = new_inspection(library, criteria)
    for criterion_id in ("E.4", "D.8", "B.8", "B.9"):
        library.set_criterion(inspection_id, criterion_id, CriterionStatus.NOT_MET, "")
    library.set_grade(inspection_id, "E", Grade.D)
    library.set_grade(inspection_id, "D", Grade.C)
    library.set_grade(inspection_id, "B", Grade.B)
    return inspection_id


def test_no_revision_before_the_plan_has_arrived(library: Library, criteria: CriteriaSet) -> None:
    inspection_id = graded(library, criteria)
    library.add_action_item(inspection_id, criterion_id="E.4", planned_action="Åtgärd.")
    library.set_status(inspection_id, InspectionStatus.FACT_CHECK)
    library.set_status(inspection_id, InspectionStatus.FINAL)
    library.set_status(
        inspection_id, InspectionStatus.ACTION_PLAN_REQUESTED, reply_by=date(2025, 3, 1)
    )
    with pytest.raises(GradingError) as refused:
        library.revise_grade(inspection_id, "E", Grade.C, date(2025, 3, 1), "Plan.")
    assert str(refused.value) == (
        "Avsnitt E. Handledning och kompetensbedömning: En gradering kan ändras först när "
        "handlingsplanen har inkommit (status ”handlingsplan inkommen” eller ”avslutad”); "
        "inspektionens status är ”handlingsplan begärd”."
    )
    assert library.get_inspection(inspection_id).section("E").revised_grade is None


@pytest.mark.parametrize(
    ("section_id", "grade", "message"),
    [
        ("B", Grade.A, "Bara graderingen C eller D kan ändras efter handlingsplan, inte B"),
        ("E", Grade.A, "Efter handlingsplan kan graderingen ändras till B eller C, inte A"),
        ("D", Grade.D, "En ändrad gradering ska vara bättre än graderingen vid granskningen (C)"),
        ("E", Grade.D, "Avsnittet har redan graderingen D"),
        ("D", Grade.B, "Ingen ifylld rad i handlingsplanen besvarar en brist i avsnittet"),
    ],
)
def test_refusals_name_the_rule(
    library: Library, criteria: CriteriaSet, section_id: str, grade: Grade, message: str
) -> None:
    inspection_id = graded(library, criteria)
    receive_plan(library, inspection_id, "E.4")
    with pytest.raises(GradingError) as refused:
        library.revise_grade(inspection_id, section_id, grade, date(2025, 3, 1), "Skäl.")
    assert message.lower() in str(refused.value).lower()
    events = [e.action for e in library.audit_events(inspection_id)]
    assert "revision" not in events


def test_allowed_revisions_are_better_grades_the_rule_reaches(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = graded(library, criteria)
    receive_plan(library, inspection_id, "E.4")
    library.add_action_item(inspection_id, criterion_id="D.8", planned_action="Samordning.")
    library.revise_grade(inspection_id, "E", Grade.B, date(2025, 3, 1), "Planen räcker.")
    library.revise_grade(inspection_id, "E", Grade.C, date(2025, 3, 2), "Omprövat.")
    library.revise_grade(inspection_id, "D", Grade.B, date(2025, 3, 2), "Samordning ordnad.")
    record = library.get_inspection(inspection_id)
    assert (record.section("E").revised_grade, record.section("D").revised_grade) == (
        Grade.C,
        Grade.B,
    )
    library.set_status(inspection_id, InspectionStatus.CLOSED)  # still allowed when closed
    library.revise_grade(inspection_id, "E", None, None, "")  # clearing is always allowed
    assert library.get_inspection(inspection_id).section("E").revised_grade is None


def test_a_three_step_section_may_go_from_d_to_b(library: Library, criteria: CriteriaSet) -> None:
    inspection_id = new_inspection(library, criteria)
    library.set_criterion(inspection_id, "C.3", CriterionStatus.NOT_MET, "")
    library.set_grade(inspection_id, "C", Grade.D)
    receive_plan(library, inspection_id, "C.3")
    with pytest.raises(GradingError, match="ingen gradering C"):
        library.revise_grade(inspection_id, "C", Grade.C, None, "Skäl.")
    library.revise_grade(inspection_id, "C", Grade.B, None, "Arbetsplats ordnad.")


def test_a_revision_stored_before_the_rule_opens_exports_and_is_audited(tmp_path: Path) -> None:
    """A library whose revision breaks the rule (here B → A in section A of the demo, as an
    older spurdesk allowed) keeps it; the report says it plainly and lists it as a problem."""
    path = fixture_copy("library-rev0006.sqlite", tmp_path)
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE section_assessments SET revised_grade = 'A', revised_on = '2025-03-14', "
            "revision_reason = 'Äldre ändring.' WHERE section_id = 'A'"
        )
    with Library.open(path) as library:
        demo_id = library.list_inspections()[0].id
        record = library.get_inspection(demo_id)
    assert (record.section("A").grade, record.section("A").revised_grade) == (Grade.B, Grade.A)
    text = read_docx(export_docx(record, tmp_path / "rapport.docx")).text
    assert "UTKAST" in text
    assert (
        "A. Verksamheten: den ändrade graderingen A följer inte regeln för ändrad gradering "
        "(bara graderingen C eller D kan ändras efter handlingsplan, inte B; ingen ifylld rad i "
        "handlingsplanen besvarar en brist i avsnittet; efter handlingsplan kan graderingen "
        "ändras till B eller C, inte A). Rätta eller ta bort ändringen."
    ) in text
    start = text.index("A. Verksamheten Det finns")
    section_a = text[start : text.index("B. Medarbetarstab", start)]
    assert "Graderingen är ändrad till A efter granskningen." in section_a
    assert "påvisades brister" not in section_a
    assert "Graderingen är ändrad till C." in text  # D–H: their revisions follow the rule
