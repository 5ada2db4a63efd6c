"""The report's status lifecycle: exactly the documented transitions, with Swedish refusals."""

from __future__ import annotations

import itertools

import pytest

from spurdesk.errors import SpurdeskError
from spurdesk.model.inspection import InspectionStatus as S
from spurdesk.model.lifecycle import (
    LifecycleError,
    allowed_transitions,
    can_transition,
    check_transition,
    is_final,
)

FORWARD = [
    S.DRAFT,
    S.FACT_CHECK,
    S.FINAL,
    S.ACTION_PLAN_REQUESTED,
    S.ACTION_PLAN_RECEIVED,
    S.CLOSED,
]
DOCUMENTED = set(itertools.pairwise(FORWARD)) | {
    (S.FACT_CHECK, S.DRAFT),  # corrections after the fact check
    (S.FINAL, S.CLOSED),  # nothing to remedy
    (S.ACTION_PLAN_RECEIVED, S.ACTION_PLAN_REQUESTED),  # plan sent back for completion
}


def test_the_allowed_transitions_are_exactly_the_documented_ones() -> None:
    allowed = {(current, new) for current in S for new in allowed_transitions(current)}
    assert allowed == DOCUMENTED


@pytest.mark.parametrize(("current", "new"), sorted(DOCUMENTED))
def test_documented_transitions_pass(current: S, new: S) -> None:
    check_transition(current, new)
    assert can_transition(current, new)


def test_the_usual_next_step_comes_first() -> None:
    for current, following in itertools.pairwise(FORWARD):
        assert allowed_transitions(current)[0] == following


def test_skipping_the_fact_check_is_refused_with_the_way_forward() -> None:
    with pytest.raises(LifecycleError) as caught:
        check_transition(S.DRAFT, S.FINAL)
    assert str(caught.value) == (
        "Statusen kan inte ändras från ”utkast” till ”fastställd”. "
        "Från ”utkast” kan statusen bara ändras till ”sakgranskning”."
    )


def test_a_status_with_two_ways_on_lists_both() -> None:
    with pytest.raises(LifecycleError, match="bara ändras till ”fastställd” eller ”utkast”"):
        check_transition(S.FACT_CHECK, S.CLOSED)


def test_closed_is_final() -> None:
    assert is_final(S.CLOSED)
    assert not any(is_final(status) for status in FORWARD[:-1])
    with pytest.raises(LifecycleError) as caught:
        check_transition(S.CLOSED, S.DRAFT)
    assert str(caught.value).endswith("”avslutad” är slutstatus och kan inte ändras.")


@pytest.mark.parametrize("status", list(S))
def test_staying_in_the_same_status_is_not_a_transition(status: S) -> None:
    with pytest.raises(LifecycleError) as caught:
        check_transition(status, status)
    assert str(caught.value) == f"Inspektionen har redan status ”{status.value}”."


def test_every_undocumented_pair_is_refused() -> None:
    for current, new in itertools.product(S, S):
        if (current, new) in DOCUMENTED:
            continue
        with pytest.raises(LifecycleError):
            check_transition(current, new)
        assert not can_transition(current, new)


def test_status_values_as_stored_text_are_accepted() -> None:
    check_transition(S("utkast"), S("sakgranskning"))
    assert allowed_transitions("fastställd") == (S.ACTION_PLAN_REQUESTED, S.CLOSED)  # type: ignore[arg-type]


def test_lifecycle_error_is_a_spurdesk_error() -> None:
    assert issubclass(LifecycleError, SpurdeskError)
