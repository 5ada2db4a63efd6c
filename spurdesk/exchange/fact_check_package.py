"""The sakgranskning package: the draft report to the unit, and the unit's comments back.

A .spur ZIP of its own kind ("spurdesk-sakgranskning", see docs/exchange.md), built and read with
the action-plan package's machinery: manifest.json (format, version, sender, the inspection's
identity, the members' SHA-256), inspection.json (the draft as records_json writes it; read-only
for the unit) and fact_check.json (the reply-by date and the comments). A comment carries exactly
its six fields: one naming anything else (a grade, findings, another inspection) is refused.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from spurdesk.exchange.atomic import write_atomically
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.jsonread import Node, parse_json
from spurdesk.exchange.package import (
    INSPECTION,
    LIMITS,
    MANIFEST,
    InspectionIdentity,
    Side,
    archive_bytes,
    declares_format,
    inspection_key,
    manifest_fields,
    read_manifest,
    verify_checksums,
)
from spurdesk.exchange.records_json import inspection_from_node, to_json
from spurdesk.exchange.safezip import read_zip_members
from spurdesk.exchange.text import checked_field
from spurdesk.model.fact_check import CommentKind, FactComment
from spurdesk.model.inspection import Inspection

FORMAT_NAME = "spurdesk-sakgranskning"
FORMAT_VERSION = 1
FACT_CHECK = "fact_check.json"
MEMBERS = (MANIFEST, INSPECTION, FACT_CHECK)
_COMMENT_FIELDS = ("key", "section_id", "kind", "quote", "proposed", "reason")
_FIELD_NAMES = {
    "grade": "graderingen",
    "revised_grade": "den ändrade graderingen",
    "findings": "iakttagelserna",
    "criteria": "kriterierna",
    "justification": "graderingens motivering",
    "inspection": "en annan inspektion",
}


def new_comment_key() -> str:
    return f"c-{uuid.uuid4().hex[:16]}"


@dataclass(frozen=True)
class FactCheckPackage:
    sender: Side
    identity: InspectionIdentity
    inspection: Inspection  # the draft as sent
    reply_by: date | None
    comments: tuple[FactComment, ...]
    created: datetime
    format_version: int = FORMAT_VERSION


def outgoing_fact_check(inspection: Inspection, reply_by: date | None) -> FactCheckPackage:
    """What "Skicka för sakgranskning" writes: the draft, no comments yet."""
    return FactCheckPackage(
        Side.INSPECTOR, InspectionIdentity.of(inspection), inspection, reply_by, (), _now()
    )


def answer_package(
    received: FactCheckPackage, comments: tuple[FactComment, ...], *, draft: bool = False
) -> FactCheckPackage:
    """The unit's answer on the received package (with `draft`, its work in progress)."""
    sender = Side.UNIT_DRAFT if draft else Side.UNIT
    return replace(received, sender=sender, comments=comments, created=_now())


def _now() -> datetime:
    return datetime.now(UTC)


def comment_dict(comment: FactComment) -> dict[str, Any]:
    return {
        "key": comment.key,
        "section_id": comment.section_id,
        "kind": comment.kind.value,
        "quote": comment.quote,
        "proposed": comment.proposed,
        "reason": comment.reason,
    }


def comment_from_node(node: Node, number: int) -> FactComment:
    """One comment; any field beyond its six is refused, naming what it tried to change."""
    extra = sorted(set(node.obj()) - set(_COMMENT_FIELDS))
    if extra:
        what = ", ".join(_FIELD_NAMES.get(name, name[:40]) for name in extra)
        raise ExchangeError(
            f"{node.source}: kommentar {number} försöker ändra {what}. Verksamheten får bara "
            "kommentera rapporten; ingenting har ändrats. Be verksamheten skicka ett nytt svar."
        )
    where = f"{node.source}: kommentar {number}"
    return FactComment(
        key=node["key"].text()[:64],
        section_id=node["section_id"].text()[:32],
        kind=node["kind"].enum(CommentKind),
        quote=checked_field(node["quote"].text(), f"{where}, citat"),
        proposed=checked_field(node["proposed"].text(), f"{where}, föreslagen lydelse"),
        reason=checked_field(node["reason"].text(), f"{where}, skäl"),
    )


def fact_check_bytes(package: FactCheckPackage) -> bytes:
    data = {
        "reply_by": package.reply_by.isoformat() if package.reply_by else None,
        "comments": [comment_dict(comment) for comment in package.comments],
    }
    parts = {
        INSPECTION: to_json(package.inspection).encode("utf-8"),
        FACT_CHECK: json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
    }
    manifest = manifest_fields(
        FORMAT_NAME, package.format_version, package.created, package.sender, package.identity
    )
    return archive_bytes(manifest, parts)


def write_fact_check(path: str | Path, package: FactCheckPackage) -> Path:
    data = fact_check_bytes(package)
    return write_atomically(path, lambda stream: stream.write(data))


def is_fact_check(path: str | Path) -> bool:
    """Whether the file says it is a sakgranskning package (anything unreadable is not)."""
    return declares_format(Path(path), FORMAT_NAME, LIMITS)


def read_fact_check(path: str | Path) -> FactCheckPackage:
    """Read and verify a sakgranskning package; every problem is an ExchangeError naming it."""
    path = Path(path)
    contents = read_zip_members(path, limits=LIMITS, allowed=MEMBERS, required=MEMBERS)
    manifest, version = read_manifest(
        contents[MANIFEST],
        path,
        FORMAT_NAME,
        FORMAT_VERSION,
        "är inte ett spurdesk-paket för sakgranskning",
    )
    verify_checksums(manifest, contents, (INSPECTION, FACT_CHECK), path)
    identity = InspectionIdentity.from_node(manifest["inspection"])
    inspection = inspection_from_node(
        parse_json(contents[INSPECTION], f"{path.name}: {INSPECTION}")
    )
    if identity.library_id != inspection.id or identity.key != inspection_key(inspection):
        raise ExchangeError(
            f"{path.name}: manifestet och inspektionen i paketet hör inte ihop. "
            "Filen har ändrats utanför spurdesk och öppnas inte."
        )
    body = parse_json(contents[FACT_CHECK], f"{path.name}: {FACT_CHECK}")
    comments = tuple(
        comment_from_node(node, number)
        for number, node in enumerate(body["comments"].items(), start=1)
    )
    check_comments(comments, inspection, path.name)
    return FactCheckPackage(
        sender=manifest["sender"].enum(Side),
        identity=identity,
        inspection=inspection,
        reply_by=body.get("reply_by", None).optional_date(),
        comments=comments,
        created=manifest["created"].optional_datetime() or _now(),
        format_version=version,
    )


def check_comments(comments: tuple[FactComment, ...], inspection: Inspection, source: str) -> None:
    """Each comment names a section of the inspection's criteria and has a key of its own."""
    known = {section.id for section in inspection.criteria.sections}
    keys: set[str] = set()
    for number, comment in enumerate(comments, start=1):
        if comment.section_id not in known:
            raise ExchangeError(
                f"{source}: kommentar {number} gäller avsnitt {comment.section_id!r}, som inte "
                "finns i rapporten. Filen har ändrats utanför spurdesk; ingenting har ändrats."
            )
        if not comment.key or comment.key in keys:
            raise ExchangeError(
                f"{source}: kommentar {number} saknar en egen nyckel (eller delar den med en "
                "annan). Filen har ändrats utanför spurdesk; ingenting har ändrats."
            )
        keys.add(comment.key)


@dataclass(frozen=True)
class FactCheckAnswer:
    """The unit's comments, from a .spur package or a filled-in Word form."""

    identity: InspectionIdentity
    comments: tuple[FactComment, ...]
    source: str  # the file name, for messages and the audit trail
    inspection: Inspection | None = None  # the draft as the package carries it; None from Word
