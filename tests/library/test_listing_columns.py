"""The start view reads grades and the next follow-up kept on the inspection row (revision 4);
after every command that can change them they equal what the whole record says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spurdesk.library import Library
from spurdesk.library.text_keys import ActionTextKey
from spurdesk.model.criteria import CriteriaSet, Grade
from spurdesk.model.inspection import (
    ActionItemStatus,
    CriterionStatus,
    Inspection,
    InspectionSummary,
)
from tests.library.conftest import fixture_copy, new_inspection, receive_plan


def expected_from(record: Inspection) -> tuple[dict[str, Grade], date | None, int]:
    grades = {s.section_id: s.effective_grade for s in record.sections if s.effective_grade}
    follow_ups = [
        a.follow_up_date
        for a in record.action_items
        if a.status is not ActionItemStatus.VERIFIED and a.follow_up_date is not None
    ]
    overdue = sum(
        1
        for a in record.action_items
        if a.status is ActionItemStatus.OPEN
        and a.due_date is not None
        and a.due_date < date.today()
    )
    return grades, min(follow_ups, default=None), overdue


def listed(summary: InspectionSummary) -> tuple[dict[str, Grade], date | None, int]:
    return summary.grades, summary.next_follow_up, summary.overdue_action_items


def assert_listing_matches_records(library: Library) -> None:
    summaries = library.list_inspections(include_deleted=True)
    assert summaries
    for summary in summaries:
        assert listed(summary) == expected_from(library.get_inspection(summary.id))


def test_every_write_path_keeps_the_listing_columns(
    library: Library, criteria: CriteriaSet
) -> None:
    check = assert_listing_matches_records
    inspection_id = new_inspection(library, criteria)
    check(library)
    library.set_criterion(inspection_id, "E.4", CriterionStatus.NOT_MET, "")
    library.set_grade(inspection_id, "E", Grade.D)
    check(library)
    plan_row = receive_plan(library, inspection_id)
    check(library)
    library.revise_grade(inspection_id, "E", Grade.C, None, "Plan inkommen.")
    check(library)
    assert library.list_inspections()[0].grades == {"E": Grade.C}
    library.revise_grade(inspection_id, "E", None, None, "")
    check(library)
    assert library.list_inspections()[0].grades == {"E": Grade.D}
    library.remove_action_item(plan_row)
    first = library.add_action_item(inspection_id, due="2001-01-01", follow_up="2031-05-30")
    check(library)
    second = library.add_action_item(inspection_id, follow_up="2030-01-15", position=0)
    check(library)
    library.update_action_item(second, status=ActionItemStatus.VERIFIED)
    check(library)
    assert library.list_inspections()[0].next_follow_up == date(2031, 5, 30)
    library.update_action_item(first, follow_up="senast 2032-02-02")
    check(library)
    library.stage_text(ActionTextKey(first, "follow_up"), "vid nästa APT")  # no date any more
    library.flush()
    check(library)
    assert library.list_inspections()[0].next_follow_up is None
    library.stage_text(ActionTextKey(first, "follow_up"), "2033-03-03")
    library.stage_text(ActionTextKey(second, "due"), "2002-02-02")
    library.flush()
    check(library)
    library.update_action_item(second, status=ActionItemStatus.OPEN, follow_up="2029-09-09")
    check(library)
    library.remove_action_item(second)
    check(library)
    library.sync_action_items(inspection_id)
    check(library)
    library.set_grade(inspection_id, "E", None)
    check(library)
    library.set_grade(inspection_id, "E", Grade.D)
    copy = library.import_inspection(library.get_inspection(inspection_id))
    check(library)
    assert listed(library.list_inspections()[1]) == listed(library.list_inspections()[0])
    library.duplicate_as_reinspection(copy)
    library.delete_inspection(copy)
    check(library)


@pytest.mark.parametrize(
    "name", ["library-rev0001.sqlite", "library-rev0002.sqlite", "library-rev0003.sqlite"]
)
def test_migrating_fills_the_listing_columns(tmp_path: Path, name: str) -> None:
    path = fixture_copy(name, tmp_path)
    with Library.open(path) as library:
        assert_listing_matches_records(library)
        assert any(s.grades for s in library.list_inspections(include_deleted=True))
