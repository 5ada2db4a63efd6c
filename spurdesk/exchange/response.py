"""What came back from the unit, whichever way it came: a .spur package or a filled-in Word form."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spurdesk.exchange.action_plan import ActionPlan
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.package import InspectionIdentity, Side, read_package
from spurdesk.model.inspection import Inspection


@dataclass(frozen=True)
class Response:
    """What came back from the unit, from a .spur package or a filled-in Word form."""

    identity: InspectionIdentity
    plan: ActionPlan
    source: str  # the file name, for messages and the audit trail
    inspection: Inspection | None = None  # the report as the package carries it; None from Word


def read_response(path: str | Path) -> Response:
    """Read a response file: a .spur package from the unit or a filled-in Word form."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        from spurdesk.exchange.docx_form import read_form  # the form module needs python-docx

        return read_form(path)
    package = read_package(path)
    if package.sender is Side.UNIT_DRAFT:
        raise ExchangeError(
            f"{path.name}: detta är verksamhetens sparade utkast, inte ett färdigt svar. "
            "Be verksamheten exportera svaret när handlingsplanen är komplett."
        )
    if package.sender is not Side.UNIT:
        raise ExchangeError(
            f"{path.name}: detta är paketet som skickades till verksamheten, inte deras svar. "
            "Importera filen som verksamheten skickade tillbaka."
        )
    return Response(package.identity, package.plan, path.name, package.inspection)
