"""The inspectors' side of the sakgranskning: send the draft, take the unit's answer in.

Sending records an "export" event with the digest of the draft as sent (as the action-plan
package does, outgoing.py), so an answer carrying exactly that draft is recognised as the unit's
untouched copy even after the inspectors edited meanwhile; any other difference in the report is
the unit's doing and refuses the whole answer, as does a comment on a section the report does not
have or an answer for another inspection. Nothing is written before every check has passed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.fact_check_package import (
    FactCheckAnswer,
    check_comments,
    outgoing_fact_check,
    read_fact_check,
    write_fact_check,
)
from spurdesk.exchange.incoming import require_answer
from spurdesk.exchange.outgoing import REPORT_DIGEST, SEND_ACTION, sent_digests
from spurdesk.exchange.package import inspection_digest
from spurdesk.exchange.review import attempted_report_changes, library_inspection
from spurdesk.exchange.store import FactCheckStore
from spurdesk.model.inspection import Inspection


def _by(reply_by: date | None) -> str:
    return f", svar senast {reply_by.isoformat()}" if reply_by else ""


def send_fact_check(
    store: FactCheckStore, inspection_id: int, path: str | Path, reply_by: date | None = None
) -> Path:
    """ "Skicka för sakgranskning": the package with the draft and the date the unit is to
    answer by (kept in the package and the "export" AuditEvent, not as the plan's date)."""
    inspection = store.get_inspection(inspection_id)
    package = outgoing_fact_check(inspection, reply_by)
    written = write_fact_check(path, package)
    digest = inspection_digest(inspection)
    store.record_event(
        inspection_id,
        SEND_ACTION,
        f"Utkast skickat för sakgranskning: {written.name}{_by(reply_by)} "
        f"(rapport sha256 {digest})",
        {REPORT_DIGEST: digest},
    )
    return written


def send_fact_check_form(
    store: FactCheckStore, inspection_id: int, path: str | Path, reply_by: date | None = None
) -> Path:
    """The Word form for units without spurdesk, and an "export" AuditEvent."""
    from spurdesk.exchange.fact_check_form import write_fact_check_form  # needs python-docx

    written = write_fact_check_form(store.get_inspection(inspection_id), path, reply_by)
    store.record_event(
        inspection_id,
        SEND_ACTION,
        f"Sakgranskning som Word-formulär: {written.name}{_by(reply_by)}",
    )
    return written


def read_answer(path: str | Path) -> FactCheckAnswer:
    """The unit's answer: a sakgranskning .spur package or a filled-in Word form."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        from spurdesk.exchange.fact_check_form import read_fact_check_form

        return read_fact_check_form(path)
    package = read_fact_check(path)
    require_answer(package.sender, path)
    return FactCheckAnswer(package.identity, package.comments, path.name, package.inspection)


def check_answer(store: FactCheckStore, answer: FactCheckAnswer) -> Inspection:
    """The library's inspection the answer belongs to, once everything in it is allowed."""
    inspection = library_inspection(store, answer.identity, answer.source)
    if answer.inspection is not None:
        changes = attempted_report_changes(inspection, answer.inspection)
        sent = sent_digests(store, inspection.id)
        if changes and inspection_digest(answer.inspection) not in sent:
            raise ExchangeError(
                f"{answer.source}: svaret försöker ändra {', '.join(changes)}. Verksamheten får "
                "bara kommentera utkastet; ingenting har importerats. Be verksamheten skicka ett "
                "nytt svar."
            )
    check_comments(answer.comments, inspection, answer.source)
    return inspection


def import_answer(store: FactCheckStore, answer: FactCheckAnswer) -> tuple[int, list[int]]:
    """Check the answer and store its comments (one transaction); the inspection's id and the
    ids of the comments added (none for an answer imported before)."""
    inspection = check_answer(store, answer)
    return inspection.id, store.add_fact_check_comments(
        inspection.id, answer.comments, answer.source
    )
