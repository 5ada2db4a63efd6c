"""Receiving from the unit: whichever file came back, a .spur package or a filled-in Word form.

The counterpart of outgoing.py. It sits above both readers (package.py and docx_form.py), which
each produce a `Response` (response.py), so neither reader depends on the other.
"""

from __future__ import annotations

from pathlib import Path

from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.fact_check_package import is_fact_check
from spurdesk.exchange.package import Side, read_package
from spurdesk.exchange.response import Response


def read_response(path: str | Path) -> Response:
    """Read a response file: a .spur package from the unit or a filled-in Word form."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        from spurdesk.exchange.docx_form import read_form  # the form module needs python-docx

        return read_form(path)
    if is_fact_check(path):
        raise ExchangeError(
            f"{path.name}: detta är verksamhetens svar på sakgranskningen, inte en "
            "handlingsplan. Importera det med Sakgranskning → Importera sakgranskning."
        )
    package = read_package(path)
    require_answer(package.sender, path, " när handlingsplanen är komplett")
    return Response(package.identity, package.plan, path.name, package.inspection)


def require_answer(sender: Side, path: Path, when: str = "") -> None:
    """Only the unit's finished answer is imported: not its saved draft, not what was sent."""
    if sender is Side.UNIT_DRAFT:
        raise ExchangeError(
            f"{path.name}: detta är verksamhetens sparade utkast, inte ett färdigt svar. "
            f"Be verksamheten exportera svaret{when}."
        )
    if sender is not Side.UNIT:
        raise ExchangeError(
            f"{path.name}: detta är paketet som skickades till verksamheten, inte deras svar. "
            "Importera filen som verksamheten skickade tillbaka."
        )
