"""The action-plan request through the Library (issue 13): a reply-by date set when the plan is
requested, follow-up dates defaulting to six months after the plan arrives, rows answering
several criteria of their section."""

from __future__ import annotations

from datetime import date

import pytest

from spurdesk.errors import SpurdeskError
from spurdesk.library import Library
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.inspection import InspectionStatus as S
from spurdesk.model.plan_rules import add_months, default_follow_up
from tests.library.conftest import new_inspection


def final(library: Library, criteria: CriteriaSet) -> int:
    inspection_id = new_inspection(library, criteria)
    library.set_status(inspection_id, S.FACT_CHECK)
    library.set_status(inspection_id, S.FINAL)
    return inspection_id


def test_requesting_the_plan_needs_a_reply_by_date(library: Library, criteria: CriteriaSet) -> None:
    inspection_id = final(library, criteria)
    with pytest.raises(SpurdeskError, match="Ange senast vilket datum verksamheten ska skicka"):
        library.set_status(inspection_id, S.ACTION_PLAN_REQUESTED)
    record = library.get_inspection(inspection_id)
    assert (record.status, record.reply_by) == (S.FINAL, None)
    library.set_status(inspection_id, S.ACTION_PLAN_REQUESTED, reply_by=date(2025, 6, 16))
    assert library.get_inspection(inspection_id).reply_by == date(2025, 6, 16)
    assert library.audit_events(inspection_id)[-1].detail == (
        "fastställd → handlingsplan begärd, svar senast 2025-06-16"
    )
    library.update_inspection(inspection_id, reply_by="2025-06-30")  # editable afterwards
    assert library.get_inspection(inspection_id).reply_by == date(2025, 6, 30)


def test_a_date_set_beforehand_is_enough(library: Library, criteria: CriteriaSet) -> None:
    inspection_id = final(library, criteria)
    library.update_inspection(inspection_id, reply_by=date(2025, 7, 1))
    library.set_status(inspection_id, S.ACTION_PLAN_REQUESTED)
    assert library.get_inspection(inspection_id).reply_by == date(2025, 7, 1)


def test_follow_ups_default_to_six_months_after_the_plan_arrived(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = final(library, criteria)
    answered = library.add_action_item(inspection_id, criterion_id="E.4", planned_action="Plan.")
    dated = library.add_action_item(
        inspection_id, criterion_id="E.5", planned_action="Plan.", follow_up="vid nästa APT"
    )
    empty = library.add_action_item(inspection_id, criterion_id="D.8")
    library.set_status(inspection_id, S.ACTION_PLAN_REQUESTED, reply_by=date(2025, 8, 15))
    library.set_status(inspection_id, S.ACTION_PLAN_RECEIVED, on=date(2025, 8, 31))
    items = {i.id: i for i in library.get_inspection(inspection_id).action_items}
    assert items[answered].follow_up == "2026-02-28"  # 31 August + 6 months: end of February
    assert items[dated].follow_up == "vid nästa APT"  # the unit's own text is kept
    assert items[empty].follow_up == ""  # nothing planned, nothing to follow up
    assert library.list_inspections()[0].next_follow_up == date(2026, 2, 28)
    assert "uppföljning 2026-02-28 för 1 rad(er) utan datum" in (
        library.audit_events(inspection_id)[-1].detail
    )


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(date(2025, 6, 10), 6) == date(2025, 12, 10)
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert default_follow_up(date(2025, 11, 30)) == date(2026, 5, 30)


def test_a_row_answers_further_criteria_of_its_own_section_only(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    row = library.add_action_item(
        inspection_id, criterion_id="H.9", further_criteria=["H.5", "H.2", "H.9"]
    )
    item = library.get_inspection(inspection_id).action_items[0]
    assert item.further_criteria == ("H.2", "H.5")  # section order, its own criterion dropped
    assert item.criteria_answered == ("H.9", "H.2", "H.5")
    with pytest.raises(SpurdeskError, match="hör inte till avsnitt H"):
        library.update_action_item(row, further_criteria=["E.5"])
    with pytest.raises(SpurdeskError, match="behöver ett avsnitt"):
        library.add_action_item(inspection_id, further_criteria=["E.5"])
    copy = library.import_inspection(library.get_inspection(inspection_id))
    assert library.get_inspection(copy).action_items[0].further_criteria == ("H.2", "H.5")


def test_plans_requested_and_not_received_are_listed_with_their_dates(
    library: Library, criteria: CriteriaSet
) -> None:
    waiting = new_inspection(library, criteria, "Röntgenkliniken")
    received = new_inspection(library, criteria, "Kirurgkliniken")
    trashed = new_inspection(library, criteria, "Ortopedkliniken")
    new_inspection(library, criteria, "Ögonkliniken")  # never requested
    for inspection_id in (waiting, received, trashed):
        for status in (S.FACT_CHECK, S.FINAL):
            library.set_status(inspection_id, status)
        library.set_status(inspection_id, S.ACTION_PLAN_REQUESTED, reply_by=date(2025, 3, 1))
    library.set_status(received, S.ACTION_PLAN_RECEIVED, on=date(2025, 2, 20))
    library.delete_inspection(trashed)
    [plan] = library.awaited_action_plans()
    assert (plan.inspection_id, plan.unit) == (waiting, "Röntgenkliniken")
    assert plan.reply_by == date(2025, 3, 1)
    assert plan.overdue(date(2025, 3, 2))
