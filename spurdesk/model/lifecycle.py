"""The inspection report's status lifecycle: which status may follow which (pure).

utkast → sakgranskning → fastställd → handlingsplan begärd → handlingsplan inkommen → avslutad,
and the ways back or around that real inspections take: sakgranskning → utkast (corrections after
the unit's fact check), fastställd → avslutad (nothing to remedy) and handlingsplan inkommen →
handlingsplan begärd (the plan is sent back for completion). avslutad is final.

sakgranskning → fastställd also needs a decision on every comment of the unit's fact check (or
"fastställ ändå" with a reason): the library checks that, since it holds the comments
(`library/fact_check.py`).

"Changing" to the current status is refused too: it is not a transition, and the library records
an audit event for every status change.
"""

from __future__ import annotations

from spurdesk.errors import SpurdeskError
from spurdesk.model.inspection import InspectionStatus

_S = InspectionStatus

_TRANSITIONS: dict[InspectionStatus, tuple[InspectionStatus, ...]] = {
    _S.DRAFT: (_S.FACT_CHECK,),
    _S.FACT_CHECK: (_S.FINAL, _S.DRAFT),
    _S.FINAL: (_S.ACTION_PLAN_REQUESTED, _S.CLOSED),
    _S.ACTION_PLAN_REQUESTED: (_S.ACTION_PLAN_RECEIVED,),
    _S.ACTION_PLAN_RECEIVED: (_S.CLOSED, _S.ACTION_PLAN_REQUESTED),
    _S.CLOSED: (),
}


class LifecycleError(SpurdeskError):
    """A status change the lifecycle does not allow."""


def allowed_transitions(status: InspectionStatus) -> tuple[InspectionStatus, ...]:
    """The statuses that may follow `status`, the usual next step first."""
    return _TRANSITIONS[InspectionStatus(status)]


def can_transition(current: InspectionStatus, new: InspectionStatus) -> bool:
    return InspectionStatus(new) in allowed_transitions(current)


def is_final(status: InspectionStatus) -> bool:
    """True for avslutad: nothing may follow."""
    return not allowed_transitions(status)


def check_transition(current: InspectionStatus, new: InspectionStatus) -> None:
    """Raise `LifecycleError` (Swedish message) unless `current` may change to `new`."""
    current, new = InspectionStatus(current), InspectionStatus(new)
    if new == current:
        raise LifecycleError(f"Inspektionen har redan status ”{current.value}”.")
    if can_transition(current, new):
        return
    options = allowed_transitions(current)
    if not options:
        hint = f"”{current.value}” är slutstatus och kan inte ändras."
    else:
        listed = " eller ".join(f"”{option.value}”" for option in options)
        hint = f"Från ”{current.value}” kan statusen bara ändras till {listed}."
    raise LifecycleError(
        f"Statusen kan inte ändras från ”{current.value}” till ”{new.value}”. {hint}"
    )
