"""Synkronisera med kontoret: the laptop's library and the office's, inspection by inspection,
through the co-inspector's three-way merge (`coinspector.plan_against`, `merge.resolve`): one
merge, two transports. See docs/collaboration.md, "Synkronisering".

Which inspections: every inspection of the laptop (matched at the office by its uid), and the
office's inspections that list the laptop's inspector by name; trashed ones on either side are
left alone. An inspection new on one side is added to the other under the same identity; one on
both merges the office's state (theirs) into the laptop's (mine) against the newest version both
remember, and both sides then take the merged state. Conflicts are not applied unless `resolve`
settles them; the inspection is reported and the others go on.

Resumable: each side's write is one transaction, and they come in an order in which a stop
anywhere leaves both consistent and lets the next sync finish the job:
1. the laptop remembers its own state L as a version (a base the office will know);
2. the office takes the merged state M, remembering L and M (refused, nothing written, if the
   office's inspection changed since it was read: the inspection is read and merged again);
3. the laptop takes M, remembering it.
Stopped after 2, the next sync merges with base L: M comes back cleanly, with whatever the laptop
changed since. Each side also stamps the version that is its content, so an inspection nobody
has written since the last sync is recognised from one query per side (`SyncStore.sync_index`),
without reading or merging it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum

from spurdesk.errors import InspectionChangedError, SpurdeskError
from spurdesk.exchange.coinspector import (
    MergePlan,
    ReceivedCopy,
    changes_summary,
    known_digests,
    merge_summary,
    plan_against,
)
from spurdesk.exchange.merge import Change, Path, Resolution, differences, resolve
from spurdesk.exchange.merge_document import Document, document_digest, document_of, record_of
from spurdesk.exchange.store import SyncStore
from spurdesk.model.inspection import Inspection, SharedVersion, SyncEntry

#: The peer named in the laptop's versions and audit trail, and the merge preview's "theirs".
OFFICE = "kontoret"
#: Reads and merges of one inspection before giving up while others keep saving it.
ATTEMPTS = 3

#: Settles a plan's conflicts (choices per conflict), or None to leave the inspection unsynced.
Resolver = Callable[[MergePlan], Mapping[Path, Resolution] | None]
Progress = Callable[[int, int], None]


class Outcome(StrEnum):
    UNCHANGED = "oförändrad"
    SENT = "skickad"  # new at the office
    FETCHED = "hämtad"  # new on the laptop
    MERGED = "synkroniserad"
    CONFLICT = "konflikt"  # nothing written for it
    SKIPPED = "överhoppad"  # in the trash on one side
    FAILED = "misslyckades"  # refused; nothing written for it


@dataclass(frozen=True)
class LaptopMerge:
    """What the laptop's side of a merge wrote, for the app's undo step: the content before and
    after, the merged version and the office's state it remembered (both forgotten on undo)."""

    inspection_id: int
    before: Inspection
    after: Inspection
    version: SharedVersion
    received: SharedVersion
    detail: str


@dataclass(frozen=True)
class InspectionSync:
    uid: str
    title: str
    outcome: Outcome
    #: The merge of the office's state into the laptop's (MERGED, CONFLICT; None otherwise).
    plan: MergePlan | None = None
    message: str = ""  # why it was skipped or failed
    laptop_merge: LaptopMerge | None = None
    #: What the merge changes (or, dry, would change) on the laptop and at the office.
    here: tuple[Change, ...] = ()
    there: tuple[Change, ...] = ()


@dataclass
class SyncReport:
    office: str
    items: list[InspectionSync] = field(default_factory=list)
    dry_run: bool = False

    def of(self, *outcomes: Outcome) -> list[InspectionSync]:
        return [item for item in self.items if item.outcome in outcomes]

    @property
    def conflicts(self) -> list[InspectionSync]:
        return self.of(Outcome.CONFLICT)

    @property
    def changed(self) -> list[InspectionSync]:
        return self.of(Outcome.SENT, Outcome.FETCHED, Outcome.MERGED)


def sync_with_office(
    laptop: SyncStore,
    office: SyncStore,
    *,
    actor: str,
    inspector: str | None = None,
    resolve_conflicts: Resolver | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> SyncReport:
    """Sync every inspection of the laptop, and the office's listing `inspector`; `actor` names
    the laptop's user in the office's versions and audit trail. A problem with one inspection
    is reported and the others go on; one reaching a library at all (the network gone) ends the
    sync with its error, everything synced until then staying synced."""
    engine = _Sync(laptop, office, actor, resolve_conflicts, dry_run)
    local = {entry.uid: entry for entry in laptop.sync_index()}
    remote = {entry.uid: entry for entry in office.sync_index(uids=local, inspector=inspector)}
    fetched = (uid for uid, entry in remote.items() if uid not in local and not entry.deleted)
    uids = [*local, *fetched]
    report = SyncReport(office.location, dry_run=dry_run)
    for done, uid in enumerate(uids):
        if progress is not None:
            progress(done, len(uids))
        report.items.append(engine.inspection(uid, local.get(uid), remote.get(uid)))
    if progress is not None:
        progress(len(uids), len(uids))
    return report


def sync_inspection(
    laptop: SyncStore,
    office: SyncStore,
    uid: str,
    *,
    actor: str,
    resolve_conflicts: Resolver | None = None,
) -> InspectionSync:
    """Sync one inspection again, e.g. once its conflicts have been chosen in the app."""
    mine, theirs = _entries(laptop, office, uid)
    return _Sync(laptop, office, actor, resolve_conflicts, False).inspection(uid, mine, theirs)


def _entries(
    laptop: SyncStore, office: SyncStore, uid: str
) -> tuple[SyncEntry | None, SyncEntry | None]:
    mine = laptop.sync_index(uids=[uid])
    theirs = office.sync_index(uids=[uid])
    return (mine[0] if mine else None), (theirs[0] if theirs else None)


def _version(
    document: Document, digest: str, direction: str, peer: str, history: tuple[str, ...]
) -> SharedVersion:
    return SharedVersion(digest, direction, peer, datetime.now(UTC), document, (*history, digest))


class _Sync:
    def __init__(
        self,
        laptop: SyncStore,
        office: SyncStore,
        actor: str,
        resolve_conflicts: Resolver | None,
        dry_run: bool,
    ) -> None:
        self.laptop = laptop
        self.office = office
        self.actor = actor
        self.resolve_conflicts = resolve_conflicts
        self.dry_run = dry_run

    def inspection(
        self, uid: str, mine: SyncEntry | None, theirs: SyncEntry | None
    ) -> InspectionSync:
        known = mine or theirs
        assert known is not None, "an inspection is listed on one side at least"
        title = known.title
        for _attempt in range(ATTEMPTS):
            try:
                return self._attempt(uid, mine, theirs)
            except InspectionChangedError:
                mine, theirs = _entries(self.laptop, self.office, uid)
            except SpurdeskError as error:
                self._require_reachable()
                return InspectionSync(uid, title, Outcome.FAILED, message=str(error))
        return InspectionSync(
            uid,
            title,
            Outcome.FAILED,
            message=f"{title} sparades av någon annan under synkroniseringen, {ATTEMPTS} gånger "
            "i rad; inget har skrivits för den. Synkronisera igen om en stund.",
        )

    def _require_reachable(self) -> None:
        """After one inspection failed: if a library cannot be reached at all, the sync stops
        with that error rather than failing every remaining inspection in turn."""
        self.laptop.sync_index(uids=())
        self.office.sync_index(uids=())

    def _attempt(
        self, uid: str, mine: SyncEntry | None, theirs: SyncEntry | None
    ) -> InspectionSync:
        if mine is None:
            assert theirs is not None
            return self._fetch(theirs)
        if mine.deleted:
            return self._skipped(mine, "ligger i papperskorgen här och synkroniseras inte")
        if theirs is None:
            return self._send(mine)
        if theirs.deleted:
            return self._skipped(mine, "ligger i papperskorgen på kontoret och synkroniseras inte")
        if mine.digest is not None and mine.digest == theirs.digest:
            return InspectionSync(uid, mine.title, Outcome.UNCHANGED)
        return self._merge(mine, theirs)

    @staticmethod
    def _skipped(entry: SyncEntry, why: str) -> InspectionSync:
        return InspectionSync(
            entry.uid, entry.title, Outcome.SKIPPED, message=f"{entry.title} {why}."
        )

    def _send(self, mine: SyncEntry) -> InspectionSync:
        """An inspection the office lacks: added there under the same identity."""
        local = _read(self.laptop, mine)
        if not self.dry_run:
            self.laptop.record_shared_version(
                mine.id, local.version("sent", OFFICE), content_of=local.record.modified_at
            )
            try:
                self.office.import_shared(
                    local.record, local.version("received", self.actor), content=True
                )
            except SpurdeskError:
                if self.office.find_inspection(mine.uid) is not None:
                    raise InspectionChangedError(
                        f"{mine.title} lades till på kontoret under tiden."
                    ) from None
                raise
        return InspectionSync(mine.uid, mine.title, Outcome.SENT)

    def _fetch(self, theirs: SyncEntry) -> InspectionSync:
        """An office inspection of this inspector that the laptop lacks: added here."""
        remote = _read(self.office, theirs)
        if not self.dry_run:
            self.laptop.import_shared(
                remote.record, remote.version("received", OFFICE), content=True
            )
            self.office.record_shared_version(
                theirs.id, remote.version("sent", self.actor), content_of=remote.record.modified_at
            )
        return InspectionSync(theirs.uid, theirs.title, Outcome.FETCHED)

    def _merge(self, mine: SyncEntry, theirs: SyncEntry) -> InspectionSync:
        """The office's state merged into the laptop's; both sides then take the result."""
        local, remote = _read(self.laptop, mine), _read(self.office, theirs)
        copy = ReceivedCopy(
            source=self.office.location,
            sender=OFFICE,
            created=remote.record.modified_at or datetime.now(UTC),
            record=remote.record,
            document=remote.document,
            digest=remote.digest,
            history=(*remote.known, remote.digest),
        )
        plan = plan_against(copy, mine.id, local.record, local.versions)
        if plan.result is None:  # the office's state is one the laptop has taken in: push
            merged = local.document
        elif not plan.result.conflicts:
            merged = resolve(plan.result, {})
        else:
            choices = self.resolve_conflicts(plan) if self.resolve_conflicts else None
            if choices is None:
                return InspectionSync(mine.uid, mine.title, Outcome.CONFLICT, plan)
            merged = resolve(plan.result, dict(choices))
        digest = document_digest(merged)
        synced = InspectionSync(
            mine.uid,
            mine.title,
            Outcome.UNCHANGED if digest == local.digest == remote.digest else Outcome.MERGED,
            plan,
            here=tuple(differences(local.document, merged)),
            there=tuple(differences(remote.document, merged)),
        )
        if self.dry_run:
            return synced
        self._write_office(local, remote, merged, digest, synced)
        return replace(synced, laptop_merge=self._write_laptop(local, remote, merged, digest, plan))

    def _write_office(
        self, local: _Side, remote: _Side, merged: Document, digest: str, synced: InspectionSync
    ) -> None:
        """Steps 1 and 2: the laptop's state remembered here, then the merge at the office
        (refused if the office's inspection changed since it was read)."""
        if digest == remote.digest:  # nothing new for the office: its state is the content
            self.office.record_shared_version(
                remote.entry.id,
                remote.version("sent", self.actor),
                content_of=remote.record.modified_at,
            )
            return
        self.laptop.record_shared_version(
            local.entry.id, local.version("sent", OFFICE), content_of=local.record.modified_at
        )
        result = synced.plan.result if synced.plan is not None else None
        conflicts = len(result.conflicts) if result is not None else 0
        self.office.apply_merged(
            remote.entry.id,
            record_of(merged, remote.record),
            detail=f"Synkroniserad från {self.actor}: " + changes_summary(synced.there, conflicts),
            received=local.version("received", self.actor),
            content=_version(
                merged,
                digest,
                "received",
                self.actor,
                (*local.known, local.digest, remote.digest),
            ),
            unchanged_since=remote.record.modified_at,
        )

    def _write_laptop(
        self, local: _Side, remote: _Side, merged: Document, digest: str, plan: MergePlan
    ) -> LaptopMerge | None:
        """Step 3: the merge here, remembering the office's state as received (a section as
        the office left it passes the grading check here as it did there) and the result."""
        if digest == local.digest:
            if digest == remote.digest:  # else stamped in step 1
                self.laptop.record_shared_version(
                    local.entry.id,
                    local.version("sent", OFFICE),
                    content_of=local.record.modified_at,
                )
            return None
        after = record_of(merged, local.record)
        received = remote.version("received", OFFICE)
        version = _version(merged, digest, "received", OFFICE, (*remote.known, remote.digest))
        detail = merge_summary(plan)
        self.laptop.apply_merged(
            local.entry.id,
            after,
            detail=detail,
            received=received,
            content=version,
            unchanged_since=local.record.modified_at,
        )
        return LaptopMerge(local.entry.id, local.record, after, version, received, detail)


@dataclass(frozen=True)
class _Side:
    """One side's inspection as read for a sync: the record, the versions its library
    remembers, its merge document and digest."""

    entry: SyncEntry
    record: Inspection
    versions: list[SharedVersion]
    document: Document
    digest: str

    @property
    def known(self) -> tuple[str, ...]:
        return known_digests(self.versions)

    def version(self, direction: str, peer: str) -> SharedVersion:
        """This state as a version to remember (sent from here, or received by the other)."""
        return _version(self.document, self.digest, direction, peer, self.known)


def _read(store: SyncStore, entry: SyncEntry) -> _Side:
    record = store.get_inspection(entry.id)
    document = document_of(record)
    return _Side(
        entry, record, store.shared_versions(entry.id), document, document_digest(document)
    )
