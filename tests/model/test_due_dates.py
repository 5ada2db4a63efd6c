"""The due-date rules without a database: the next SPUR from the last, the interval setting,
leap days, and the six-month deficiency follow-up with its receipts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spurdesk.model.due_dates import (
    SPUR_DONE,
    DeficiencyFollowUp,
    DueDateError,
    DueRules,
    DueState,
    Receipt,
    ReceiptKind,
    check_receipt_date,
    follow_up_due,
    last_spur_cutoff,
    next_spur,
    spur_due,
)
from spurdesk.model.inspection import InspectionStatus as S

TODAY = date(2026, 12, 2)


def test_a_spur_counts_once_its_report_is_fastställd() -> None:
    assert {S.FINAL, S.ACTION_PLAN_REQUESTED, S.ACTION_PLAN_RECEIVED, S.CLOSED} == SPUR_DONE


def test_the_next_spur_is_due_five_years_after_the_last_by_default() -> None:
    assert next_spur(date(2021, 11, 13), DueRules()) == date(2026, 11, 13)
    due = spur_due(date(2021, 11, 13), TODAY, DueRules())
    assert (due.next_due, due.state) == (date(2026, 11, 13), DueState.OVERDUE)


def test_a_visit_on_a_leap_day_is_due_on_the_last_day_of_february() -> None:
    assert next_spur(date(2024, 2, 29), DueRules()) == date(2029, 2, 28)
    assert next_spur(date(2024, 2, 29), DueRules(interval_years=4)) == date(2028, 2, 29)


def test_the_interval_is_a_setting_and_nonsense_is_refused() -> None:
    assert next_spur(date(2022, 5, 1), DueRules(interval_years=3)) == date(2025, 5, 1)
    with pytest.raises(DueDateError, match="1–10 år"):
        DueRules(interval_years=0)
    with pytest.raises(DueDateError, match="Varningstiden"):
        DueRules(interval_years=1, warn_months=13)


@pytest.mark.parametrize(
    ("last", "state"),
    [
        (None, DueState.NEVER),
        (date(2021, 12, 1), DueState.OVERDUE),  # due yesterday
        (date(2021, 12, 2), DueState.DUE_SOON),  # due today
        (date(2022, 6, 2), DueState.DUE_SOON),  # due in exactly six months
        (date(2022, 6, 3), DueState.ON_TIME),
    ],
)
def test_due_states_at_their_edges(last: date | None, state: DueState) -> None:
    assert spur_due(last, TODAY, DueRules(warn_months=6)).state is state


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 10))
def test_the_next_spur_is_always_within_three_days_of_the_calendar_interval(
    last: date, years: int
) -> None:
    due = next_spur(last, DueRules(interval_years=years))
    assert due.year == last.year + years
    assert abs((due - last.replace(year=last.year + years, day=min(last.day, 28))).days) <= 3


def test_the_deficiency_follow_up_is_due_six_months_after_the_report() -> None:
    assert follow_up_due(date(2025, 1, 20)) == date(2025, 7, 20)
    assert follow_up_due(date(2025, 8, 31)) == date(2026, 2, 28)


def test_a_follow_up_is_done_when_both_the_review_and_the_report_are_in() -> None:
    start = date(2026, 1, 10)
    follow_up = DeficiencyFollowUp(1, 1, "Röntgenkliniken", start)
    assert follow_up.state(TODAY) is DueState.OVERDUE  # due 2026-07-10
    assert follow_up.state(date(2026, 6, 20)) is DueState.DUE_SOON
    assert follow_up.state(date(2026, 2, 1)) is DueState.ON_TIME
    received = Receipt(date(2026, 3, 1), "Verksamhetschef")
    half = DeficiencyFollowUp(1, 1, "x", start, internal_review=received)
    assert not half.complete and half.state(TODAY) is DueState.OVERDUE
    both = DeficiencyFollowUp(1, 1, "x", start, received, received)
    assert both.complete and both.state(TODAY) is DueState.ON_TIME
    assert both.receipt(ReceiptKind.WRITTEN_REPORT) is received


def test_receipts_dated_in_the_future_or_before_the_report_are_refused() -> None:
    start = date(2026, 1, 10)
    kind = ReceiptKind.INTERNAL_REVIEW
    assert check_receipt_date(TODAY, start, TODAY, kind) == TODAY
    with pytest.raises(DueDateError, match="ligger i framtiden"):
        check_receipt_date(TODAY + timedelta(days=1), start, TODAY, kind)
    with pytest.raises(DueDateError, match="före rapporten"):
        check_receipt_date(date(2026, 1, 9), start, TODAY, ReceiptKind.WRITTEN_REPORT)
    with pytest.raises(DueDateError, match="inget datum"):
        check_receipt_date("2026-02-30", start, TODAY, kind)  # type: ignore[arg-type]


@given(
    st.dates(min_value=date(2001, 1, 1), max_value=date(2080, 12, 31)),
    st.dates(min_value=date(2001, 1, 1), max_value=date(2080, 12, 31)),
    st.integers(1, 10),
)
def test_the_cutoff_counts_exactly_the_overdue_last_visits(
    last: date, today: date, years: int
) -> None:
    """What the database compares (`last < cutoff`) says what the rule says, leap days too."""
    rules = DueRules(interval_years=years)
    assert (next_spur(last, rules) < today) == (last < last_spur_cutoff(today, rules))


def test_the_cutoff_on_a_leap_day() -> None:
    assert last_spur_cutoff(date(2028, 2, 29), DueRules()) == date(2023, 3, 1)
    assert last_spur_cutoff(date(2029, 2, 28), DueRules()) == date(2024, 2, 28)
