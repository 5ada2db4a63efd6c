"""The .spur package: one ZIP file carrying an inspection to the unit and the action plan back.

Members (nothing else is allowed): manifest.json (format, version, sender, inspection identity and
the SHA-256 of the other members), inspection.json (the report content; read-only for the unit) and
action_plan.json (the deficiencies and the rows to complete). See docs/exchange.md.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from spurdesk.exchange.action_plan import ActionPlan, plan_from_inspection
from spurdesk.exchange.atomic import write_atomically
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.jsonread import Node, parse_json
from spurdesk.exchange.records_json import inspection_from_node, to_json
from spurdesk.exchange.safezip import ZipLimits, read_zip_members
from spurdesk.model.inspection import Inspection

FORMAT_NAME = "spurdesk-handlingsplan"
#: 2: action_plan.json carries the reply-by date, and rows their further criteria and whether
#: action is required; inspection.json the criteria set's revision rule and group headings.
#: Version 1 packages are still read (no date, one criterion per row).
FORMAT_VERSION = 2
SUFFIX = ".spur"
MANIFEST = "manifest.json"
INSPECTION = "inspection.json"
ACTION_PLAN = "action_plan.json"
MEMBERS = (MANIFEST, INSPECTION, ACTION_PLAN)
LIMITS = ZipLimits(
    max_file_bytes=32 * 1024 * 1024,
    max_member_bytes=16 * 1024 * 1024,
    max_total_bytes=32 * 1024 * 1024,
    max_members=len(MEMBERS),
)
_KEY_NAMESPACE = uuid.UUID("6f1d3c3e-5b7a-4d0e-9a55-2f0c8f1e7a41")


class Side(StrEnum):
    """Who wrote the package: the inspectors, the unit (its answer) or the unit (a draft)."""

    INSPECTOR = "inspector"
    UNIT = "unit"
    UNIT_DRAFT = "unit-draft"


def inspection_key(inspection: Inspection) -> str:
    """The inspection's stable identity: the same inspection always yields the same key, others
    never do.

    Its `uid`; a record without one (read from a package written before revision 7) gets the key
    such packages carried, derived from the library id and the creation time — the value the
    migration gave the uids of existing inspections.
    """
    if inspection.uid:
        return inspection.uid
    created = inspection.created_at.isoformat() if inspection.created_at else ""
    return str(uuid.uuid5(_KEY_NAMESPACE, f"{inspection.id}|{created}"))


@dataclass(frozen=True)
class InspectionIdentity:
    key: str
    library_id: int
    unit: str
    visit_date: date | None

    @classmethod
    def of(cls, inspection: Inspection) -> InspectionIdentity:
        return cls(
            inspection_key(inspection), inspection.id, inspection.unit, inspection.visit_start
        )

    @property
    def label(self) -> str:
        """ "Röntgenkliniken, besök 2024-11-12" — how messages name the inspection."""
        visit = f", besök {self.visit_date.isoformat()}" if self.visit_date else ""
        return f"{self.unit}{visit}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "library_id": self.library_id,
            "unit": self.unit,
            "visit_date": self.visit_date.isoformat() if self.visit_date else None,
        }

    @classmethod
    def from_node(cls, node: Node) -> InspectionIdentity:
        return cls(
            key=node["key"].text()[:64],
            library_id=node["library_id"].integer(),
            unit=node["unit"].text(),
            visit_date=node["visit_date"].optional_date(),
        )


@dataclass(frozen=True)
class Package:
    sender: Side
    identity: InspectionIdentity
    inspection: Inspection
    plan: ActionPlan
    created: datetime
    format_version: int = FORMAT_VERSION


def outgoing_package(inspection: Inspection) -> Package:
    """What "Skicka till verksamheten" writes: the report and the plan for the unit to complete."""
    return Package(
        sender=Side.INSPECTOR,
        identity=InspectionIdentity.of(inspection),
        inspection=inspection,
        plan=plan_from_inspection(inspection),
        created=datetime.now(UTC),
    )


def response_package(received: Package, plan: ActionPlan, *, draft: bool = False) -> Package:
    """The unit's answer (or, with `draft`, its work in progress) on the received package."""
    sender = Side.UNIT_DRAFT if draft else Side.UNIT
    return replace(received, sender=sender, plan=plan, created=datetime.now(UTC))


def inspection_digest(inspection: Inspection) -> str:
    """SHA-256 of the record as inspection.json holds it: what the send event remembers."""
    return hashlib.sha256(to_json(inspection).encode("utf-8")).hexdigest()


def _dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def package_bytes(package: Package) -> bytes:
    """The ZIP file's bytes; members in a fixed order, manifest first."""
    parts = {
        INSPECTION: to_json(package.inspection).encode("utf-8"),
        ACTION_PLAN: _dump(package.plan.to_dict()),
    }
    return archive_bytes(
        manifest_fields(
            FORMAT_NAME, package.format_version, package.created, package.sender, package.identity
        ),
        parts,
    )


def manifest_fields(
    format_name: str, version: int, created: datetime, sender: Side, identity: InspectionIdentity
) -> dict[str, Any]:
    """What the manifest of a package to or from the unit says (before the members' checksums)."""
    return {
        "format": format_name,
        "format_version": version,
        "created": created.isoformat(),
        "sender": sender.value,
        "inspection": identity.to_dict(),
    }


def archive_bytes(manifest: dict[str, Any], parts: dict[str, bytes]) -> bytes:
    """A .spur ZIP: manifest.json first (with the parts' checksums added), then the parts."""
    manifest = {**manifest, "members": member_checksums(parts)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, _dump(manifest))
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write_package(path: str | Path, package: Package) -> Path:
    """Write atomically: the file at `path` is either the old one or the complete new one."""
    data = package_bytes(package)
    return write_atomically(path, lambda stream: stream.write(data))


def _read_manifest(raw: bytes, path: Path) -> tuple[Node, int]:
    return read_manifest(
        raw, path, FORMAT_NAME, FORMAT_VERSION, "är inte ett spurdesk-paket för handlingsplaner"
    )


def declares_format(path: Path, format_name: str, limits: ZipLimits) -> bool:
    """Whether the file's manifest names `format_name` (a copy, a sakgranskning package …), so
    that one suffix can serve several kinds; anything unreadable does not."""
    try:
        manifest = read_zip_members(path, limits=limits, wanted=(MANIFEST,), required=(MANIFEST,))
        return manifest_format(manifest[MANIFEST], path) == format_name
    except (OSError, ExchangeError):
        return False


def manifest_format(raw: bytes, path: Path) -> str | None:
    """The format a manifest names (None when it names none): which kind of .spur file it is."""
    value = parse_json(raw, f"{path.name}: {MANIFEST}").get("format", None).value
    return value if isinstance(value, str) else None


def read_manifest(
    raw: bytes, path: Path, format_name: str, current_version: int, wrong_kind: str
) -> tuple[Node, int]:
    """The manifest of a .spur file of kind `format_name`, and its format version; another kind,
    or a version newer than `current_version`, is refused (`wrong_kind` says what it is not)."""
    manifest = parse_json(raw, f"{path.name}: {MANIFEST}")
    if manifest.get("format", None).value != format_name:
        raise ExchangeError(f"{path.name}: {wrong_kind} (okänt format).")
    version = manifest["format_version"].integer()
    if version > current_version:
        raise ExchangeError(
            f"{path.name}: paketet har formatversion {version}, skapad med en nyare spurdesk "
            f"(denna version läser till och med {current_version}). Uppdatera spurdesk."
        )
    if version < 1:
        raise ExchangeError(f"{path.name}: ogiltig formatversion {version}.")
    return manifest, version


def _verify_checksums(manifest: Node, contents: dict[str, bytes], path: Path) -> None:
    verify_checksums(manifest, contents, (INSPECTION, ACTION_PLAN), path)


def member_checksums(parts: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    """The manifest's list of members: each one's SHA-256 and size."""
    return {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in parts.items()
    }


def verify_checksums(
    manifest: Node, contents: dict[str, bytes], names: tuple[str, ...], path: Path
) -> None:
    """The manifest lists exactly `names`, and each member's bytes have its listed SHA-256."""
    listed = manifest["members"]
    found = set(listed.obj())
    if found != set(names):
        raise ExchangeError(
            f"{path.name}: manifestet förtecknar fel delar ({', '.join(sorted(found))[:120]})."
        )
    for name in names:
        expected = listed[name]["sha256"].text().lower()
        actual = hashlib.sha256(contents[name]).hexdigest()
        if actual != expected:
            raise ExchangeError(
                f"{path.name}: kontrollsumman för {name} stämmer inte. Filen har skadats eller "
                "ändrats på vägen; be avsändaren skicka den igen."
            )


def read_package(path: str | Path) -> Package:
    """Read and verify a .spur file; every problem is an ExchangeError naming it."""
    path = Path(path)
    contents = read_zip_members(path, limits=LIMITS, allowed=MEMBERS, required=MEMBERS)
    manifest, version = _read_manifest(contents[MANIFEST], path)
    _verify_checksums(manifest, contents, path)
    identity = InspectionIdentity.from_node(manifest["inspection"])
    inspection = inspection_from_node(
        parse_json(contents[INSPECTION], f"{path.name}: {INSPECTION}")
    )
    plan = ActionPlan.from_node(parse_json(contents[ACTION_PLAN], f"{path.name}: {ACTION_PLAN}"))
    if identity.library_id != inspection.id or identity.key != inspection_key(inspection):
        raise ExchangeError(
            f"{path.name}: manifestet och inspektionen i paketet hör inte ihop. "
            "Filen har ändrats utanför spurdesk och öppnas inte."
        )
    created = manifest["created"].optional_datetime()
    return Package(
        sender=manifest["sender"].enum(Side),
        identity=identity,
        inspection=inspection,
        plan=plan,
        created=created or datetime.now(UTC),
        format_version=version,
    )
