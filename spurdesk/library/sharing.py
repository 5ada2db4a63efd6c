"""Verbs for an inspection shared between two inspectors' libraries: the versions exchanged (the
common ancestors of a three-way merge) and applying a merged copy as one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from spurdesk.library.core import LibraryCore, utc_now
from spurdesk.library.errors import LibraryError
from spurdesk.library.schema import (
    ActionRow,
    CriterionRow,
    SectionRow,
    SharedVersionRow,
    SummaryRow,
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
)

_DIRECTIONS = ("sent", "received")


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

    def record_shared_version(self, inspection_id: int, version: SharedVersion) -> None:
        """Remember a version sent or received; a version already known is left as it is."""
        with self._write() as session:
            self._inspection_row(session, inspection_id, editable=False)
            self._add_version(session, inspection_id, version)

    def import_shared(self, record: Inspection, version: SharedVersion) -> int:
        """The first copy of an inspection shared by the co-inspector: stored under its own
        identity (refused if the library holds it already: merge instead) with its version."""
        if not isinstance(record, Inspection) or not record.uid:
            raise LibraryError("Kopian saknar inspektionens identitet och kan inte tas emot.")
        if self.find_inspection(record.uid) is not None:
            raise LibraryError(
                f"Inspektionen {record.title} finns redan i biblioteket; slå ihop kopian i stället."
            )
        with self.batch():
            inspection_id = self.import_inspection(record)
            self.record_shared_version(inspection_id, version)
            self.record_event(inspection_id, "merge", f"Mottagen från medinspektör {version.peer}.")
        return inspection_id

    def apply_merged(
        self,
        inspection_id: int,
        record: Inspection,
        *,
        detail: str,
        received: SharedVersion | None = None,
        forget: str | None = None,
    ) -> None:
        """Make the inspection's content `record` (a merged copy, or the state before one when
        a merge is undone) in one transaction, rows matched by their uids; with `received`, the
        copy's version is remembered as a common ancestor, with `forget` a version is dropped.

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
            row = self._inspection_row(session, inspection_id)
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
            if forget is not None:
                session.execute(
                    delete(SharedVersionRow).where(
                        SharedVersionRow.inspection_id == row.id,
                        SharedVersionRow.digest == forget,
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
    def _add_version(session: Session, inspection_id: int, version: SharedVersion) -> None:
        if version.direction not in _DIRECTIONS:
            raise LibraryError(f"Okänd riktning {version.direction!r} för en delad version.")
        known = session.scalar(
            select(SharedVersionRow.id).where(
                SharedVersionRow.inspection_id == inspection_id,
                SharedVersionRow.digest == version.digest,
            )
        )
        if known is None:
            session.add(
                SharedVersionRow(
                    inspection_id=inspection_id,
                    digest=checks.text(version.digest, "Versionens kontrollsumma")[:64],
                    direction=version.direction,
                    peer=checks.text(version.peer, "Medinspektör"),
                    at=version.at or utc_now(),
                    state={"document": version.document, "history": list(version.history)},
                )
            )


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
