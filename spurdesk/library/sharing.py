"""Verbs for an inspection shared between two inspectors' libraries, or between a laptop and the
office server: the versions exchanged (the common ancestors of a three-way merge), applying a
merged copy as one transaction, and what a sync needs to skip unchanged inspections unread."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, or_, select
from sqlalchemy.orm import Session

from spurdesk.errors import InspectionChangedError
from spurdesk.library.core import LibraryCore, utc_now
from spurdesk.library.errors import LibraryError
from spurdesk.library.schema import (
    ActionRow,
    CriterionRow,
    InspectionRow,
    InspectorRow,
    SectionRow,
    SharedVersionRow,
    SummaryRow,
    iso_moment,
)
from spurdesk.library.storage import checks, rows
from spurdesk.library.storage.records import assessment_rows
from spurdesk.model import grading
from spurdesk.model.criteria import Section
from spurdesk.model.inspection import (
    CriterionStatus,
    Inspection,
    InspectionStatus,
    SectionAssessment,
    SharedVersion,
    SummaryItem,
    SummaryKind,
    SyncEntry,
)

_DIRECTIONS = ("sent", "received")
#: The key in a version's stored state holding the inspection's modified_at (IsoDateTime text)
#: when the version was recorded as its content.
_CONTENT_AT = "content_at"


class SharingVerbs(LibraryCore):
    def shared_versions(self, inspection_id: int) -> list[SharedVersion]:
        """The versions sent to or received from the co-inspector, in the order this library
        took them in (not by their times: two laptops' clocks need not agree)."""
        with self._read() as session:
            self._inspection_row(session, inspection_id, editable=False)
            found = session.scalars(
                select(SharedVersionRow)
                .where(SharedVersionRow.inspection_id == inspection_id)
                .order_by(SharedVersionRow.id)
            )
            return [_version_record(row) for row in found]

    def record_shared_version(
        self, inspection_id: int, version: SharedVersion, *, content_of: datetime | None = None
    ) -> None:
        """Remember a version sent or received; a version already known is left as it is.

        With `content_of` (the inspection's `modified_at` when the version's document was read
        from it) the version is also remembered as the inspection's content, which `sync_index`
        reports until the inspection is next written; not if it has been written since."""
        with self._write() as session:
            row = self._inspection_row(session, inspection_id, editable=False)
            current = content_of is not None and _same_moment(row.modified_at, content_of)
            self._add_version(
                session, inspection_id, version, content_at=row.modified_at if current else None
            )

    def sync_index(
        self, *, uids: Collection[str] | None = None, inspector: str | None = None
    ) -> list[SyncEntry]:
        """The inspections a sync with the office looks at, without loading them: all of them
        (`uids` None), or those with these uids and those listing `inspector` (the name as
        written there) among their inspectors. Trashed ones are included, marked."""
        conditions: list[ColumnElement[bool]] = []
        if uids is not None:
            conditions.append(InspectionRow.uid.in_(list(uids)))
            if inspector and inspector.strip():
                conditions.append(
                    InspectionRow.id.in_(
                        select(InspectorRow.inspection_id).where(
                            InspectorRow.name == inspector.strip()
                        )
                    )
                )
        chosen = or_(*conditions) if conditions else None
        with self._read() as session:
            listed = select(
                InspectionRow.id,
                InspectionRow.uid,
                InspectionRow.unit,
                InspectionRow.site,
                InspectionRow.deleted_at,
            ).order_by(InspectionRow.id)
            # A version whose stamp is still the row's modified_at is the content as it stands.
            stamped = (
                select(SharedVersionRow.inspection_id, SharedVersionRow.digest)
                .join(InspectionRow, InspectionRow.id == SharedVersionRow.inspection_id)
                .where(SharedVersionRow.state[_CONTENT_AT].as_string() == InspectionRow.modified_at)
            )
            if chosen is not None:
                listed = listed.where(chosen)
                stamped = stamped.where(chosen)
            digests = {row.inspection_id: row.digest for row in session.execute(stamped)}
            return [
                SyncEntry(
                    id=row.id,
                    uid=row.uid,
                    title=f"{row.unit}, {row.site}" if row.site else row.unit,
                    deleted=row.deleted_at is not None,
                    digest=digests.get(row.id),
                )
                for row in session.execute(listed)
            ]

    def import_shared(
        self, record: Inspection, version: SharedVersion, *, content: bool = False
    ) -> int:
        """The first copy of an inspection shared by the co-inspector or the office: stored
        under its own identity (refused if the library holds it already: merge instead) with
        its version; with `content`, the version is the record's own (see `sync_index`)."""
        if not isinstance(record, Inspection) or not record.uid:
            raise LibraryError("Kopian saknar inspektionens identitet och kan inte tas emot.")
        if self.find_inspection(record.uid) is not None:
            raise LibraryError(
                f"Inspektionen {record.title} finns redan i biblioteket; slå ihop kopian i stället."
            )
        with self.batch():
            inspection_id = self.import_inspection(record)
            with self._write() as session:
                row = self._inspection_row(session, inspection_id)
                self._add_version(
                    session, row.id, version, content_at=row.modified_at if content else None
                )
                self._audit(session, row.id, "merge", f"Mottagen från {version.peer}.")
        return inspection_id

    def apply_merged(
        self,
        inspection_id: int,
        record: Inspection,
        *,
        detail: str,
        received: SharedVersion | None = None,
        forget: str | tuple[str, ...] | None = None,
        unchanged_since: datetime | None = None,
        content: SharedVersion | None = None,
    ) -> None:
        """Make the inspection's content `record` (a merged copy, or the state before one when
        a merge is undone) in one transaction, rows matched by their uids; with `received`, the
        copy's version is remembered as a common ancestor, with `forget` versions are dropped.

        For a sync with the office: with `unchanged_since` (its `modified_at` when the merge
        read it) an inspection written meanwhile by someone else is refused with
        `InspectionChangedError`, nothing written (the row is locked while checking, so no
        save slips in between); `content` is the version `record` itself is, remembered as the
        inspection's content (see `sync_index`).

        The result is checked as an imported record is (every value known to the criteria set
        and on its scale), so a tampered copy is refused whole; and a section whose grade,
        justification or criterion statuses change must satisfy the grading rule `set_grade`
        enforces (a grade differing from the suggested one needs a justification), so a merge
        cannot make a state the editors would refuse.
        """
        if not isinstance(record, Inspection):
            raise LibraryError("Bara en hel inspektion kan slås ihop.")
        values = checks.inspection_fields(
            {name: getattr(record, name) for name in checks.INSPECTION_FIELD_NAMES}
        )
        status = checks.member(InspectionStatus, record.status, "Status")
        inspectors = checks.inspectors(record.inspectors)
        groups = checks.participant_groups(record.participants)
        section_rows, criterion_rows = assessment_rows(record)
        summary = [(item.uid, item.id, _summary_values(item)) for item in record.summary]
        actions = [
            (item.uid, item.id, {**checks.action_values(record.criteria, item), "position": n})
            for n, item in enumerate(record.action_items)
        ]
        with self._write() as session:
            row = self._inspection_row(session, inspection_id, lock=unchanged_since is not None)
            if unchanged_since is not None and not _same_moment(row.modified_at, unchanged_since):
                raise InspectionChangedError(
                    f"Inspektionen {row.unit} har ändrats i {self.location} sedan den lästes "
                    "för sammanslagningen; inget har skrivits. Synkronisera igen."
                )
            if row.uid != record.uid:
                raise LibraryError(
                    f"Kopian hör till en annan inspektion än {row.unit}; inget har ändrats."
                )
            if forget is None:  # undoing a merge puts back a state the library already held
                _check_mixed_grades(self._load(session, inspection_id), record, received)
            for name, value in values.items():
                setattr(row, name, value)
            row.status = status.value
            rows.replace_people(session, row.id, inspectors, groups)
            session.execute(delete(SectionRow).where(SectionRow.inspection_id == row.id))
            session.execute(delete(CriterionRow).where(CriterionRow.inspection_id == row.id))
            for assessed in (*section_rows, *criterion_rows):
                assessed.inspection_id = row.id
            session.add_all([*section_rows, *criterion_rows])
            self._sync_rows(session, SummaryRow, row.id, summary, "Sammanfattningspunkten")
            self._sync_rows(session, ActionRow, row.id, actions, "Handlingsplanens rad")
            self._touch(row)
            rows.refresh_listing(session, row)
            if received is not None:
                self._add_version(session, row.id, received)
            if content is not None:
                self._add_version(session, row.id, content, content_at=row.modified_at)
            if forget is not None:
                session.execute(
                    delete(SharedVersionRow).where(
                        SharedVersionRow.inspection_id == row.id,
                        SharedVersionRow.digest.in_(
                            (forget,) if isinstance(forget, str) else forget
                        ),
                    )
                )
            self._audit(session, row.id, "merge", detail)

    def _sync_rows(
        self,
        session: Session,
        table: type[SummaryRow | ActionRow],
        inspection_id: int,
        wanted: Sequence[tuple[str, int, dict[str, Any]]],
        what: str,
    ) -> None:
        """Make the inspection's rows of `table` exactly `wanted` — (uid, id, column values) —
        matched by uid: others removed, missing ones added (under their id when it is free)."""
        existing = {
            r.uid: r
            for r in session.scalars(select(table).where(table.inspection_id == inspection_id))
        }
        keep = {uid for uid, _id, _values in wanted}
        for uid, gone in existing.items():
            if uid not in keep:
                session.delete(gone)
        session.flush()
        for uid, item_id, values in wanted:
            target = existing.get(uid)
            if target is None:
                target = table(
                    id=_reusable_id(session, table, item_id),
                    inspection_id=inspection_id,
                    uid=self._new_uid(session, table, uid, what),
                )
                session.add(target)
            for name, value in values.items():
                setattr(target, name, value)

    @staticmethod
    def _add_version(
        session: Session,
        inspection_id: int,
        version: SharedVersion,
        *,
        content_at: datetime | None = None,
    ) -> None:
        """Remember `version` (once per digest); with `content_at`, stamped as the content the
        inspection has while its modified_at is that moment."""
        if version.direction not in _DIRECTIONS:
            raise LibraryError(f"Okänd riktning {version.direction!r} för en delad version.")
        stamp = {_CONTENT_AT: iso_moment(content_at)} if content_at is not None else {}
        known = session.scalars(
            select(SharedVersionRow).where(
                SharedVersionRow.inspection_id == inspection_id,
                SharedVersionRow.digest == version.digest,
            )
        ).one_or_none()
        if known is not None:
            if stamp:
                known.state = {**known.state, **stamp}
            return
        session.add(
            SharedVersionRow(
                inspection_id=inspection_id,
                digest=checks.text(version.digest, "Versionens kontrollsumma")[:64],
                direction=version.direction,
                peer=checks.text(version.peer, "Medinspektör"),
                at=version.at or utc_now(),
                state={"document": version.document, "history": list(version.history), **stamp},
            )
        )


def _same_moment(stored: datetime, given: datetime) -> bool:
    return iso_moment(stored) == iso_moment(given)


def _summary_values(item: SummaryItem) -> dict[str, Any]:
    kind = checks.member(SummaryKind, item.kind, "Sammanfattningens typ")
    return {
        "kind": kind.value,
        "text": checks.text(item.text, kind.heading),
        "position": item.position,
    }


def _reusable_id(session: Session, table: type[SummaryRow | ActionRow], item_id: int) -> int | None:
    """A row coming back (a merge undone) keeps its id, so older undo steps still find it; a
    row new to this library gets a fresh one."""
    if isinstance(item_id, int) and item_id > 0 and session.get(table, item_id) is None:
        return item_id
    return None


def _grading_state(assessment: SectionAssessment) -> tuple[object, ...]:
    statuses = tuple((c.criterion_id, c.status.value) for c in assessment.criteria)
    grade = assessment.grade.value if assessment.grade else None
    return grade, assessment.justification, statuses


def _copy_grading_state(document: dict[str, Any], section: Section) -> tuple[object, ...]:
    values = document["sections"].get(section.id, {})
    criteria = document["criteria"]
    statuses = tuple(
        (c.id, criteria.get(c.id, {}).get("status", CriterionStatus.NOT_ASSESSED.value))
        for c in section.criteria
    )
    return values.get("grade"), values.get("justification", ""), statuses


def _check_mixed_grades(
    current: Inspection, record: Inspection, received: SharedVersion | None
) -> None:
    """The grading rule `set_grade` enforces, for every section whose grade, justification and
    statuses together are as neither side had them (one side's grade with the other's statuses):
    a state only the merge would make. A section as one inspector left it passes, as it did in
    their editor."""
    for section in record.criteria.sections:
        new = record.section(section.id)
        state = _grading_state(new)
        if state == _grading_state(current.section(section.id)):
            continue
        if received is not None and state == _copy_grading_state(received.document, section):
            continue
        statuses = {c.criterion_id: c.status for c in new.criteria}
        try:
            grading.validate_grade_choice(
                section, new.grade, grading.suggest_grade(section, statuses), new.justification
            )
        except grading.GradingError as error:
            raise LibraryError(
                f"{error} Sammanslagningen blandar den ena inspektörens gradering med den andras "
                "bedömningar av kriterierna; välj samma sida för båda, eller skriv motiveringen "
                "och ta emot kopian igen. Inget har ändrats."
            ) from error


def _version_record(row: SharedVersionRow) -> SharedVersion:
    return SharedVersion(
        digest=row.digest,
        direction=row.direction,
        peer=row.peer,
        at=row.at,
        document=row.state["document"],
        history=tuple(row.state.get("history", ())),
    )
