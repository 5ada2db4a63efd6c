"""Sharing an inspection with the co-inspector: the copy package, and receiving one.

A copy is a `.spur` ZIP of its own kind (see docs/collaboration.md): manifest.json (format,
version, sender, the inspection's identity, the copy's digest and the members' SHA-256),
inspection.json (the whole record with its uids, as the action-plan package carries it) and
history.json (the digests of the versions the sender's copy has taken in). Sending records the
copy as a shared version; receiving finds the last version both sides had in common and merges
against it (`merge.merge`), or adds the inspection when the library does not hold it yet.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from spurdesk.exchange.atomic import write_atomically
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.jsonread import parse_json
from spurdesk.exchange.merge import Change, MergeResult, Resolution, merge, resolve
from spurdesk.exchange.merge_document import Document, document_digest, document_of, record_of
from spurdesk.exchange.merge_text import place
from spurdesk.exchange.package import (
    archive_bytes,
    declares_format,
    read_manifest,
    verify_checksums,
)
from spurdesk.exchange.records_json import inspection_from_node, to_json
from spurdesk.exchange.safezip import ZipLimits, read_zip_members
from spurdesk.exchange.store import CopyStore
from spurdesk.model.inspection import Inspection, SharedVersion

FORMAT_NAME = "spurdesk-kopia"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
INSPECTION = "inspection.json"
HISTORY = "history.json"
MEMBERS = (MANIFEST, INSPECTION, HISTORY)
LIMITS = ZipLimits(
    max_file_bytes=32 * 1024 * 1024,
    max_member_bytes=16 * 1024 * 1024,
    max_total_bytes=32 * 1024 * 1024,
    max_members=len(MEMBERS),
)
MAX_HISTORY = 10_000
_LISTED = 8  # changed places named in the audit trail's line


@dataclass(frozen=True)
class ReceivedCopy:
    source: str  # the file's name, as messages name it
    sender: str
    created: datetime
    record: Inspection
    document: Document
    digest: str
    history: tuple[str, ...]

    def version(self) -> SharedVersion:
        return SharedVersion(
            self.digest, "received", self.sender, self.created, self.document, self.history
        )


@dataclass(frozen=True)
class MergePlan:
    """What receiving a copy would do, before anything is written."""

    copy: ReceivedCopy
    inspection_id: int | None  # None: the library does not hold the inspection yet (it is added)
    result: MergeResult | None  # None when added, or when the copy brings nothing new
    local: Inspection | None = None
    #: The copy is one this library has already taken in (the same or an older one).
    already_known: bool = False

    @property
    def adds_inspection(self) -> bool:
        return self.inspection_id is None

    @property
    def changes_nothing(self) -> bool:
        return not self.adds_inspection and (self.result is None or self.result.is_noop)


# --- sending --------------------------------------------------------------------------------


def copy_bytes(record: Inspection, digest: str, history: tuple[str, ...], sender: str) -> bytes:
    """The package's bytes; `digest` is that of the record's merge document."""
    parts = {
        INSPECTION: to_json(record).encode("utf-8"),
        HISTORY: json.dumps(list(history), indent=0).encode("utf-8"),
    }
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "created": datetime.now(UTC).isoformat(),
        "sender": sender,
        "inspection": {"uid": record.uid, "unit": record.unit},
        "digest": digest,
    }
    return archive_bytes(manifest, parts)


def send_copy(store: CopyStore, inspection_id: int, path: str | Path, sender: str) -> Path:
    """ "Skicka till medinspektör": write the copy and remember it as a shared version."""
    record = store.get_inspection(inspection_id)
    known = store.shared_versions(inspection_id)
    document = document_of(record)
    digest = document_digest(document)
    history = tuple(dict.fromkeys([*(v.digest for v in known), digest]))
    data = copy_bytes(record, digest, history, sender)
    written = write_atomically(path, lambda stream: stream.write(data))
    store.record_shared_version(
        inspection_id,
        SharedVersion(digest, "sent", sender, datetime.now(UTC), document, history),
    )
    return written


# --- receiving ------------------------------------------------------------------------------


def is_copy(path: Path) -> bool:
    """Whether the file says it is a co-inspector's copy (its manifest's format), so that
    `spurdesk FILE.spur` can tell it from a package for the unit; anything unreadable is not."""
    return declares_format(path, FORMAT_NAME, LIMITS)


def read_copy(path: str | Path) -> ReceivedCopy:
    """Read and verify a copy; every problem is an ExchangeError naming the file."""
    path = Path(path)
    contents = read_zip_members(path, limits=LIMITS, allowed=MEMBERS, required=MEMBERS)
    manifest, _version = read_manifest(
        contents[MANIFEST],
        path,
        FORMAT_NAME,
        FORMAT_VERSION,
        "är ingen kopia från en medinspektör; ett paket med en handlingsplan från verksamheten "
        "tas emot med Verksamheten → Importera svar",
    )
    verify_checksums(manifest, contents, (INSPECTION, HISTORY), path)
    record = inspection_from_node(parse_json(contents[INSPECTION], f"{path.name}: {INSPECTION}"))
    history_node = parse_json(contents[HISTORY], f"{path.name}: {HISTORY}")
    history = tuple(node.text()[:64] for node in history_node.items()[:MAX_HISTORY])
    document = document_of(record)
    digest = document_digest(document)
    uid = manifest["inspection"]["uid"].text()
    if not record.uid or uid != record.uid or manifest["digest"].text() != digest:
        raise ExchangeError(
            f"{path.name}: manifestet och inspektionen i kopian hör inte ihop. "
            "Filen har ändrats utanför spurdesk och tas inte emot."
        )
    _require_row_identities(record, path)
    return ReceivedCopy(
        source=path.name,
        sender=manifest["sender"].text()[:200],
        created=manifest["created"].optional_datetime() or datetime.now(UTC),
        record=record,
        document=document,
        digest=digest,
        history=history,
    )


def _require_row_identities(record: Inspection, path: Path) -> None:
    rows: list[Any] = [
        *record.inspectors,
        *record.participants,
        *record.summary,
        *record.action_items,
    ]
    uids = [row.uid for row in rows]
    if not all(uids) or len(set(uids)) != len(uids):
        raise ExchangeError(
            f"{path.name}: kopian saknar radernas identiteter eller har dubbletter; "
            "be medinspektören skicka en ny kopia."
        )


def plan_merge(
    store: CopyStore, copy: ReceivedCopy, *, expected_inspection_id: int | None = None
) -> MergePlan:
    """What receiving `copy` would change; writes nothing. With `expected_inspection_id` (the
    inspection the user received it into), a copy of another inspection is refused."""
    inspection_id = store.find_inspection(copy.record.uid)
    if expected_inspection_id is not None and inspection_id != expected_inspection_id:
        raise ExchangeError(
            f"{copy.source}: kopian gäller {copy.record.title}, inte den öppna inspektionen. "
            "Ta emot den från huvudfönstret i stället."
        )
    if inspection_id is None:
        return MergePlan(copy, None, None)
    return plan_against(
        copy,
        inspection_id,
        store.get_inspection(inspection_id),
        store.shared_versions(inspection_id),
    )


def plan_against(
    copy: ReceivedCopy, inspection_id: int, local: Inspection, versions: Sequence[SharedVersion]
) -> MergePlan:
    """The merge of `copy` into `local` (the inspection as read, with the versions its library
    remembers, oldest first): the base is the newest of them the copy's history holds."""
    if local.deleted_at is not None:
        raise ExchangeError(
            f"{copy.source}: inspektionen {local.title} ligger i papperskorgen. "
            "Återställ den innan du tar emot kopian."
        )
    if (local.criteria.id, local.criteria.version) != (
        copy.record.criteria.id,
        copy.record.criteria.version,
    ):
        raise ExchangeError(
            f"{copy.source}: kopian är gjord med kriterierna {copy.record.criteria.label}, "
            f"inspektionen här med {local.criteria.label}; de kan inte slås ihop."
        )
    mine = document_of(local)
    if copy.digest in known_digests(versions) or copy.digest == document_digest(mine):
        return MergePlan(copy, inspection_id, None, local, already_known=True)
    common = [v for v in versions if v.digest in copy.history]
    base = common[-1].document if common else _empty_like(mine)
    return MergePlan(copy, inspection_id, merge(base, mine, copy.document), local)


def known_digests(versions: Sequence[SharedVersion]) -> tuple[str, ...]:
    """Every version a library has taken in for an inspection, and every version those had
    taken in: what it can name as a common ancestor, oldest first."""
    known: dict[str, None] = {}
    for version in versions:
        known.update(dict.fromkeys(version.history))
        known[version.digest] = None
    return tuple(known)


def _empty_like(document: Document) -> Document:
    """The base of two copies with no version in common: every difference is then a conflict."""
    return {
        "uid": document["uid"],
        "criteria_set": document["criteria_set"],
        "facts": {},
        "sections": {},
        "criteria": {},
        "inspectors": {},
        "participants": {},
        "summary": {},
        "actions": {},
        "order": {kind: [] for kind in document["order"]},
    }


def apply_plan(
    store: CopyStore, plan: MergePlan, choices: dict[Any, Resolution] | None = None
) -> int:
    """Receive the copy as planned, conflicts resolved by `choices` (MINE where none is given);
    one transaction. Returns the inspection's id."""
    copy = plan.copy
    if plan.inspection_id is None:
        return store.import_shared(copy.record, copy.version())
    if plan.result is None:
        store.record_shared_version(plan.inspection_id, copy.version())
        return plan.inspection_id
    assert plan.local is not None
    merged = record_of(resolve(plan.result, choices or {}), plan.local)
    store.apply_merged(
        plan.inspection_id, merged, detail=merge_summary(plan), received=copy.version()
    )
    return plan.inspection_id


def merge_summary(plan: MergePlan) -> str:
    """The audit trail's line: from whom, and what changed."""
    result = plan.result
    return (
        f"Sammanslagen med kopia från {plan.copy.sender} ({plan.copy.source}, "
        f"{plan.copy.created:%Y-%m-%d %H:%M}): "
        + changes_summary(result.changes if result else (), len(result.conflicts) if result else 0)
    )


def changes_summary(changes: Sequence[Change], conflicts: int) -> str:
    """ "4 ändringar, 1 konflikter (Avsnitt B, iakttagelser; …)." for the audit trail."""
    places = "; ".join(dict.fromkeys(place(change.path) for change in changes[:_LISTED]))
    more = " med flera" if len(changes) > _LISTED else ""
    return f"{len(changes)} ändringar, {conflicts} konflikter" + (
        f" ({places}{more})." if places else "."
    )
