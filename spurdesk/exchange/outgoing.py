"""Sending to the unit as one operation: write the file and remember it in the audit trail.

The send event records the SHA-256 of the report as sent, as data (`REPORT_DIGEST`) beside its
prose. At import, a response whose report is exactly what was sent is the unit's untouched copy,
even if the inspectors have edited the inspection since; any other difference is the unit's doing
and is refused (see review.py).
"""

from __future__ import annotations

from pathlib import Path

from spurdesk.exchange.docx_form import write_form
from spurdesk.exchange.package import inspection_digest, outgoing_package, write_package
from spurdesk.exchange.store import ActionPlanStore, SentLookup

SEND_ACTION = "export"
#: The key in a send event's data holding the digest of the report as sent.
REPORT_DIGEST = "report_sha256"


def send_package(store: ActionPlanStore, inspection_id: int, path: str | Path) -> Path:
    """ "Skicka till verksamheten": the .spur package, and an "export" AuditEvent."""
    package = outgoing_package(store.get_inspection(inspection_id))
    written = write_package(path, package)
    digest = inspection_digest(package.inspection)
    store.record_event(
        inspection_id,
        SEND_ACTION,
        f"Skickat till verksamheten: {written.name} (rapport sha256 {digest})",
        {REPORT_DIGEST: digest},
    )
    return written


def send_form(store: ActionPlanStore, inspection_id: int, path: str | Path) -> Path:
    """The fillable Word form, and an "export" AuditEvent."""
    written = write_form(store.get_inspection(inspection_id), path)
    store.record_event(
        inspection_id, SEND_ACTION, f"Handlingsplan som Word-formulär: {written.name}"
    )
    return written


def sent_digests(store: SentLookup, inspection_id: int) -> set[str]:
    """The report digests of every package sent for the inspection."""
    return {
        event.data[REPORT_DIGEST]
        for event in store.audit_events(inspection_id)
        if event.action == SEND_ACTION and REPORT_DIGEST in event.data
    }
