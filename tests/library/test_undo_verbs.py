"""The verbs undo is built on: a removed row comes back under its own identity, a criterion's
status changes without touching its note, and each kind of typed text has its own staging slot."""

from __future__ import annotations

from datetime import date

import pytest

from spurdesk.library import Library, LibraryError
from spurdesk.library.text_keys import (
    ActionTextKey,
    CriterionNoteKey,
    FindingsKey,
    JustificationKey,
)
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.inspection import ActionItemStatus, CriterionStatus, SummaryKind
from tests.library.conftest import new_inspection


def test_a_removed_summary_item_is_restored_under_its_id_and_in_its_place(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    ids = [library.add_summary_item(inspection_id, SummaryKind.STRENGTH, t) for t in "abc"]
    middle = next(i for i in library.get_inspection(inspection_id).summary if i.id == ids[1])
    library.remove_summary_item(ids[1])
    library.add_summary_item(inspection_id, SummaryKind.WEAKNESS, "en svaghet")  # takes no id back
    library.restore_summary_item(inspection_id, middle)
    strengths = library.get_inspection(inspection_id).summary_of(SummaryKind.STRENGTH)
    assert [(i.id, i.text, i.position) for i in strengths] == [
        (ids[0], "a", 0),
        (ids[1], "b", 1),
        (ids[2], "c", 2),
    ]


def test_a_removed_action_item_comes_back_with_every_field(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    first = library.add_action_item(inspection_id, criterion_id="E.4", planned_action="Plan")
    library.add_action_item(inspection_id, section_id="F")
    library.update_action_item(
        first,
        status=ActionItemStatus.DONE,
        done_on=date(2025, 4, 1),
        verification_note="Kontrollerat",
        follow_up="2025-05-30",
    )
    library.update_action_item(first + 1, follow_up="2025-09-01")
    before = library.get_inspection(inspection_id)
    [listed_before] = library.list_inspections()
    [item] = [i for i in before.action_items if i.id == first]
    library.remove_action_item(first)
    assert library.list_inspections()[0].next_follow_up == date(2025, 9, 1)
    library.restore_action_item(inspection_id, item)
    assert library.get_inspection(inspection_id).action_items == before.action_items
    [listed_after] = library.list_inspections()
    assert listed_after.next_follow_up == listed_before.next_follow_up == date(2025, 5, 30)


def test_restoring_a_row_that_is_still_there_is_refused(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    item_id = library.add_summary_item(inspection_id, SummaryKind.STRENGTH, "kvar")
    [item] = library.get_inspection(inspection_id).summary
    with pytest.raises(LibraryError, match="finns redan"):
        library.restore_summary_item(inspection_id, item)
    assert [i.id for i in library.get_inspection(inspection_id).summary] == [item_id]


def test_the_status_verb_leaves_the_note_and_its_staged_text_alone(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    library.set_criterion(inspection_id, "A.2", CriterionStatus.MET, "skriven not")
    library.stage_text(CriterionNoteKey(inspection_id, "A.2"), "skriven not, och mer")
    library.set_criterion_status(inspection_id, "A.2", CriterionStatus.NOT_MET)
    assessment = library.get_inspection(inspection_id).section("A").criterion("A.2")
    assert assessment.status == CriterionStatus.NOT_MET
    assert assessment.note == "skriven not, och mer"


def test_findings_and_justification_of_one_section_are_two_texts(
    library: Library, criteria: CriteriaSet
) -> None:
    """Keys of the same shape must not share a staging slot."""
    inspection_id = new_inspection(library, criteria)
    library.stage_text(FindingsKey(inspection_id, "C"), "iakttagelse")
    library.stage_text(JustificationKey(inspection_id, "C"), "motivering")
    library.flush()
    section = library.get_inspection(inspection_id).section("C")
    assert (section.findings, section.justification) == ("iakttagelse", "motivering")


@pytest.mark.parametrize(
    "key",
    [("findings", 1, "A"), ActionTextKey(1, "status"), "findings"],
    ids=["bare tuple", "field that is not typed", "text"],
)
def test_a_key_that_is_not_a_typed_text_key_is_refused(
    library: Library, criteria: CriteriaSet, key: object
) -> None:
    new_inspection(library, criteria)
    with pytest.raises(LibraryError, match="textnyckel"):
        library.stage_text(key, "x")  # type: ignore[arg-type]
    assert not library.has_staged_changes
