"""What came back from the unit, whichever way it came: a .spur package or a filled-in Word form.

Only the record: the readers (package.py via incoming.py, docx_form.py) build it and review.py
compares it, so this module imports neither reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from spurdesk.exchange.action_plan import ActionPlan
from spurdesk.exchange.package import InspectionIdentity
from spurdesk.model.inspection import Inspection


@dataclass(frozen=True)
class Response:
    """What came back from the unit, from a .spur package or a filled-in Word form."""

    identity: InspectionIdentity
    plan: ActionPlan
    source: str  # the file name, for messages and the audit trail
    inspection: Inspection | None = None  # the report as the package carries it; None from Word
