"""Follow-up across inspections: buckets by date, filters, marking done/verified."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from spurdesk.model.followup import (
    Bucket,
    FollowUpError,
    FollowUpFilter,
    all_entries,
    bucket_of,
    filtered,
    grouped,
    mark_done,
    mark_verified,
    overdue_count,
    units_of,
)
from spurdesk.model.inspection import ActionItem, ActionItemStatus
from tests.exchange.helpers import Store, events_since
from tests.model.followup_store import TODAY, follow_up_store


@pytest.fixture(params=["fake", "library"])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with follow_up_store(request.param, tmp_path) as store:
        yield store


def test_buckets_by_follow_up_date() -> None:
    def item(follow_up: str) -> ActionItem:
        return ActionItem(1, "E", "E.4", follow_up=follow_up)

    assert bucket_of(item("2025-05-19"), TODAY) is Bucket.OVERDUE
    assert bucket_of(item("2025-05-20"), TODAY) is Bucket.DUE_SOON
    assert bucket_of(item("första uppföljning 2025-06-19"), TODAY) is Bucket.DUE_SOON
    assert bucket_of(item("2025-06-20"), TODAY) is Bucket.LATER
    assert bucket_of(item("kontinuerligt"), TODAY) is Bucket.UNDATED


def test_entries_across_inspections_in_order(library: Store) -> None:
    entries = filtered(all_entries(library, TODAY), FollowUpFilter())
    groups = grouped(entries)
    assert [e.item.planned_action for e in groups[Bucket.OVERDUE]] == ["Gammal åtgärd"]
    assert len(groups[Bucket.DUE_SOON]) == 6  # the demo's rows, all 2025-05-30
    assert {e.unit for e in groups[Bucket.DUE_SOON]} == {"Röntgenkliniken"}
    assert [e.item.planned_action for e in groups[Bucket.LATER]] == ["Senare åtgärd"]
    assert [e.item.planned_action for e in groups[Bucket.UNDATED]] == ["Odaterad"]
    assert "Klar" not in [e.item.planned_action for e in entries]
    assert overdue_count(entries) == 1
    assert entries[0].section_label == "E. Handledning och kompetensbedömning"
    assert units_of(entries) == ["Barnkliniken", "Röntgenkliniken"]


def test_filters(library: Store) -> None:
    entries = all_entries(library, TODAY)
    barn = filtered(entries, FollowUpFilter(unit="Barnkliniken", include_verified=True))
    assert len(barn) == 4
    by_person = filtered(entries, FollowUpFilter(responsible="a. exempel"))
    assert [e.item.planned_action for e in by_person] == ["Senare åtgärd"]
    by_follow_up = filtered(
        entries, FollowUpFilter(unit="Barnkliniken", responsible="studierektor")
    )
    assert [e.item.planned_action for e in by_follow_up] == ["Gammal åtgärd", "Senare åtgärd"]


def test_mark_done_then_verified(library: Store) -> None:
    entry = grouped(filtered(all_entries(library, TODAY), FollowUpFilter()))[Bucket.OVERDUE][0]
    before = len(library.audit_events(entry.inspection_id))
    mark_done(library, entry, date(2025, 5, 2), "Rutinen är införd.")
    item = library.get_inspection(entry.inspection_id).action_items[0]
    assert (item.status, item.done_on) == (ActionItemStatus.DONE, date(2025, 5, 2))
    entry = dataclasses.replace(entry, item=item)
    with pytest.raises(FollowUpError, match="skriv en anteckning"):
        mark_verified(library, entry, date(2025, 5, 19), "  ")
    with pytest.raises(FollowUpError, match="ligger före datumet då den genomfördes"):
        mark_verified(library, entry, date(2025, 5, 1), "Kontrollerat.")
    mark_verified(library, entry, date(2025, 5, 19), "Kontrollerat i IUP-granskning.")
    item = library.get_inspection(entry.inspection_id).action_items[0]
    assert item.status is ActionItemStatus.VERIFIED
    assert (item.done_on, item.verified_on) == (date(2025, 5, 2), date(2025, 5, 19))
    assert item.verification_note == "Kontrollerat i IUP-granskning."
    events = events_since(library, entry.inspection_id, before)
    assert [e.action for e in events] == ["follow-up", "follow-up"]
    assert "E.4 markerad som genomförd 2025-05-02" in events[0].detail
    assert "E.4 verifierad 2025-05-19" in events[1].detail
    assert overdue_count(filtered(all_entries(library, TODAY), FollowUpFilter())) == 0


def test_awaited_plans_are_ordered_by_due_date_and_filtered_by_unit() -> None:
    from spurdesk.model.followup import AwaitedPlan, awaited_in_order

    later = AwaitedPlan(3, "Kirurgkliniken", "Norrby", date(2025, 9, 1))
    undated = AwaitedPlan(1, "Röntgenkliniken", "", None)
    first = AwaitedPlan(2, "Röntgenkliniken", "Strandvik", date(2025, 5, 1))
    assert awaited_in_order([later, undated, first]) == [first, later, undated]
    assert awaited_in_order([later, undated, first], "Röntgenkliniken") == [first, undated]
    assert first.overdue(date(2025, 5, 2)) and not first.overdue(date(2025, 5, 1))
    assert not undated.overdue(date(2099, 1, 1))
    assert (first.title, undated.title) == ("Röntgenkliniken, Strandvik", "Röntgenkliniken")
