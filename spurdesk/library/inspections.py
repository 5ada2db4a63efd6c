"""Verbs on whole inspections: list, read, create, import, re-inspect, edit the visit's facts and
people, move along the life cycle, trash and purge; and the audit trail."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from spurdesk.library.core import LibraryCore, utc_now
from spurdesk.library.errors import (
    LibraryError,
)
from spurdesk.library.fact_check import check_fact_check_done
from spurdesk.library.schema import (
    ActionRow,
    AuditRow,
    CriteriaSnapshotRow,
    InspectionRow,
    MaterialRow,
    SummaryRow,
)
from spurdesk.library.storage import checks, material_checks, rows
from spurdesk.library.storage.listing import inspection_summaries
from spurdesk.library.storage.records import (
    assessment_rows,
    audit_record,
)
from spurdesk.library.units import start_follow_up, unit_for_texts
from spurdesk.model import lifecycle
from spurdesk.model.criteria import CriteriaSet, Grade
from spurdesk.model.due_dates import SPUR_DONE
from spurdesk.model.inspection import (
    AuditEvent,
    Inspection,
    InspectionStatus,
    InspectionSummary,
    Inspector,
    ParticipantGroup,
    SummaryKind,
)
from spurdesk.model.plan_rules import default_follow_up


class InspectionVerbs(LibraryCore):
    def list_inspections(
        self, *, include_deleted: bool = False, deleted_only: bool = False
    ) -> list[InspectionSummary]:
        """Start-view rows, in id order: three queries however many inspections there are."""
        with self._read() as session:
            return inspection_summaries(
                session,
                include_deleted=include_deleted,
                deleted_only=deleted_only,
                today=date.today(),
            )

    def find_inspection(self, uid: str) -> int | None:
        """The id of the inspection with this stable identity (also in the trash), or None."""
        with self._read() as session:
            return session.scalar(select(InspectionRow.id).where(InspectionRow.uid == uid))

    def get_inspection(self, inspection_id: int) -> Inspection:
        """The whole inspection as a record (also from the trash)."""
        with self._read() as session:
            return self._load(session, inspection_id)

    def previous_inspection(self, inspection_id: int) -> Inspection | None:
        """The last SPUR before this one, for comparing: the inspection it was duplicated from
        ("Duplicera som ominspektion"); else the unit's latest inspection at or past fastställd
        that was visited before this one (the register, revision 9). None when there is none
        (the trash does not count; `previous_grades`, copied at duplication, still tell the
        grades then)."""
        with self._read() as session:
            row = self._inspection_row(session, inspection_id, editable=False)
            previous = row.previous_inspection_id
            found = session.get(InspectionRow, previous) if previous is not None else None
            if found is None or found.deleted_at is not None:
                previous = self._last_spur_of_unit(session, row)
            return None if previous is None else self._load(session, previous)

    @staticmethod
    def _last_spur_of_unit(session: Session, row: InspectionRow) -> int | None:
        visited = row.visit_start or row.visit_end or row.report_date
        if row.unit_id is None or visited is None:
            return None
        earlier_visit = func.coalesce(
            InspectionRow.visit_start, InspectionRow.visit_end, InspectionRow.report_date
        )
        return session.scalar(
            select(InspectionRow.id)
            .where(
                InspectionRow.unit_id == row.unit_id,
                InspectionRow.id != row.id,
                InspectionRow.deleted_at.is_(None),
                InspectionRow.status.in_([status.value for status in SPUR_DONE]),
                earlier_visit < visited,
            )
            .order_by(earlier_visit.desc(), InspectionRow.id.desc())
            .limit(1)
        )

    def audit_events(self, inspection_id: int) -> list[AuditEvent]:
        """What happened to the inspection, oldest first."""
        with self._read() as session:
            self._inspection_row(session, inspection_id, editable=False)
            events = session.scalars(
                select(AuditRow)
                .where(AuditRow.inspection_id == inspection_id)
                .order_by(AuditRow.at, AuditRow.id)
            )
            return [audit_record(row) for row in events]

    def record_event(
        self,
        inspection_id: int,
        action: str,
        detail: str,
        data: Mapping[str, str] | None = None,
    ) -> None:
        """Add an audit event (e.g. "export") on behalf of another layer: `detail` for people,
        `data` (text keys and values) for the program to read back."""
        action = checks.text(action, "Händelsens typ").strip()
        if not action:
            raise LibraryError('En händelse i historiken behöver en typ, t.ex. "export".')
        detail = checks.text(detail, "Händelsens beskrivning")
        values = checks.text_mapping(data or {}, "Händelsens uppgifter")
        with self._write() as session:
            self._inspection_row(session, inspection_id, editable=False)
            self._audit(session, inspection_id, action, detail, values)

    def create_inspection(
        self,
        *,
        unit: str,
        site: str,
        care_provider: str,
        specialty: str,
        criteria: CriteriaSet,
        visit_start: date | None = None,
        visit_end: date | None = None,
        report_date: date | None = None,
        inspectors: Sequence[Inspector] = (),
        participants: Sequence[ParticipantGroup] = (),
        unit_id: int | None = None,
    ) -> int:
        """A new draft inspection made with (a snapshot of) `criteria`; returns its id.

        It belongs to the register's unit `unit_id`, or else to the unit whose texts match its
        own (whitespace and case aside), founded when there is none."""
        values = checks.inspection_fields(
            {
                "unit": unit,
                "site": site,
                "care_provider": care_provider,
                "specialty": specialty,
                "visit_start": visit_start,
                "visit_end": visit_end,
                "report_date": report_date,
            }
        )
        if not isinstance(criteria, CriteriaSet):
            raise LibraryError("En ny inspektion behöver en kriterieuppsättning.")
        checked_inspectors = checks.inspectors(inspectors)
        checked_groups = checks.participant_groups(participants)
        with self._write() as session:
            if unit_id is not None:
                unit_id = self._unit_row(session, unit_id).id
            row = self._new_inspection_row(
                session, values, criteria, InspectionStatus.DRAFT, unit_id=unit_id
            )
            rows.replace_people(session, row.id, checked_inspectors, checked_groups)
            self._audit(session, row.id, "create", f"Inspektionen skapad ({criteria.label}).")
            return row.id

    def _new_inspection_row(
        self,
        session: Session,
        values: dict[str, Any],
        criteria: CriteriaSet,
        status: InspectionStatus,
        *,
        previous_inspection_id: int | None = None,
        previous_grades: dict[str, str] | None = None,
        created_at: datetime | None = None,
        uid: str | None = None,
        unit_id: int | None = None,
    ) -> InspectionRow:
        now = utc_now()
        row = InspectionRow(
            **values,
            unit_id=unit_id if unit_id is not None else unit_for_texts(session, values),
            uid=self._new_uid(session, InspectionRow, uid, "Inspektionen"),
            status=status.value,
            criteria_snapshot_id=self._snapshot_id(session, criteria),
            previous_inspection_id=previous_inspection_id,
            previous_grades=previous_grades or {},
            effective_grades={},
            created_at=created_at or now,
            modified_at=now,
        )
        session.add(row)
        session.flush()
        return row

    def update_inspection(self, inspection_id: int, **fields: Any) -> None:
        """Change metadata: unit, site, care_provider, specialty, visit_start/end, report_date,
        reply_by (the date the action plan is due)."""
        values = checks.inspection_fields(fields, partial=True)
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            checks.visit_dates(
                values.get("visit_start", row.visit_start), values.get("visit_end", row.visit_end)
            )
            for name, value in values.items():
                setattr(row, name, value)
            self._touch(row)

    def set_inspectors(self, inspection_id: int, inspectors: Sequence[Inspector]) -> None:
        checked = checks.inspectors(inspectors)
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            rows.replace_people(session, row.id, checked, None)
            self._touch(row)

    def set_participants(self, inspection_id: int, groups: Sequence[ParticipantGroup]) -> None:
        checked = checks.participant_groups(groups)
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            rows.replace_people(session, row.id, None, checked)
            self._touch(row)

    def set_status(
        self,
        inspection_id: int,
        status: InspectionStatus,
        *,
        reply_by: date | None = None,
        on: date | None = None,
        override_reason: str = "",
    ) -> None:
        """Move the report along its life cycle (checked by `lifecycle`), recorded in the audit.

        sakgranskning → fastställd needs a decision on every comment of the unit, or
        `override_reason` ("fastställ ändå"), which the audit line keeps.

        Requesting the action plan needs the date the unit is to reply by: `reply_by`, or the one
        already set. When the plan arrives (`on`, default today) every row whose follow-up date
        is empty while it plans an action gets `plan_rules.default_follow_up` of that day (six
        months later).
        """
        new = checks.member(InspectionStatus, status, "Status")
        reply = checks.optional_date(reply_by, "Handlingsplanen ska inkomma senast")
        arrived = checks.optional_date(on, "Datum då handlingsplanen inkom") or date.today()
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            current = InspectionStatus(row.status)
            lifecycle.check_transition(current, new)
            detail = f"{current.value} → {new.value}"
            if (current, new) == (InspectionStatus.FACT_CHECK, InspectionStatus.FINAL):
                detail += check_fact_check_done(
                    session, row, checks.text(override_reason, "Skäl att fastställa ändå")
                )
            if new == InspectionStatus.ACTION_PLAN_REQUESTED:
                row.reply_by = reply or row.reply_by
                if row.reply_by is None:
                    raise LibraryError(
                        "Ange senast vilket datum verksamheten ska skicka handlingsplanen innan "
                        "den begärs."
                    )
                detail += f", svar senast {row.reply_by.isoformat()}"
            if new == InspectionStatus.ACTION_PLAN_RECEIVED:
                filled = rows.default_follow_ups(session, row.id, default_follow_up(arrived))
                if filled:
                    detail += (
                        f"; uppföljning {default_follow_up(arrived).isoformat()} för {filled} "
                        "rad(er) utan datum"
                    )
                rows.refresh_listing(session, row)
            row.status = new.value
            if start_follow_up(session, row, date.today()):
                detail += "; uppföljning av bristerna inom sex månader"
            self._touch(row)
            self._audit(session, row.id, "status", detail)

    def import_inspection(self, record: Inspection) -> int:
        """Store a whole record (the demo, an exchange package) as a new inspection.

        Ids in the record are ignored and new ones assigned; `previous_inspection_id` is dropped
        (it names an inspection of another library) while `previous_grades` is kept. Material
        items come along without their files (a record carries none). Section,
        criterion and grade values are checked against the record's own criteria snapshot.
        """
        if not isinstance(record, Inspection):
            raise LibraryError("Bara en hel inspektion kan importeras.")
        if not record.uid or self.find_inspection(record.uid) is not None:
            record = record.with_new_identities()  # a copy: the original keeps its identity
        criteria = record.criteria
        values = checks.inspection_fields(
            {name: getattr(record, name) for name in checks.INSPECTION_FIELD_NAMES}
        )
        status = checks.member(InspectionStatus, record.status, "Status")
        inspectors = checks.inspectors(record.inspectors)
        groups = checks.participant_groups(record.participants)
        section_rows, criterion_rows = assessment_rows(record)
        previous = {
            checks.text(sid, "Avsnitt"): checks.member(
                Grade, grade, f"Tidigare gradering {sid}"
            ).value
            for sid, grade in record.previous_grades.items()
        }
        summary = [
            (
                checks.member(SummaryKind, item.kind, "Sammanfattningens typ"),
                checks.text(item.text, "Text"),
                item.uid,
            )
            for item in record.summary
        ]
        actions = [(checks.action_values(criteria, item), item.uid) for item in record.action_items]
        material = [
            (material_checks.item_values(criteria, item), item.uid) for item in record.material
        ]
        with self._write() as session:
            row = self._new_inspection_row(
                session,
                values,
                criteria,
                status,
                previous_grades=previous,
                created_at=record.created_at,
                uid=record.uid,
            )
            rows.replace_people(session, row.id, inspectors, groups)
            for section_row in section_rows:
                section_row.inspection_id = row.id
            for criterion_row in criterion_rows:
                criterion_row.inspection_id = row.id
            session.add_all([*section_rows, *criterion_rows])
            positions: dict[SummaryKind, int] = {}
            for kind, text, uid in summary:
                position = positions.get(kind, 0)
                positions[kind] = position + 1
                session.add(
                    SummaryRow(
                        inspection_id=row.id,
                        uid=self._new_uid(session, SummaryRow, uid, "Sammanfattningspunkten"),
                        kind=kind.value,
                        text=text,
                        position=position,
                    )
                )
            for position, (action_values, uid) in enumerate(actions):
                session.add(
                    ActionRow(
                        inspection_id=row.id,
                        uid=self._new_uid(session, ActionRow, uid, "Handlingsplanens rad"),
                        position=position,
                        **action_values,
                    )
                )
            for position, (material_values, uid) in enumerate(material):
                session.add(
                    MaterialRow(
                        inspection_id=row.id,
                        uid=self._new_uid(session, MaterialRow, uid, "Underlaget"),
                        position=position,
                        **material_values,
                    )
                )
            rows.refresh_listing(session, row)
            session.flush()
            start_follow_up(session, row, date.today())
            self._audit(
                session, row.id, "import", f"Importerad: {record.title} ({criteria.label})."
            )
            return row.id

    def duplicate_as_reinspection(self, inspection_id: int) -> int:
        """A new draft for the next visit: the unit's metadata and criteria snapshot, and the
        effective grades of this inspection as `previous_grades`; nothing else is copied."""
        with self._write() as session:
            old = self._load(session, inspection_id)
            unit_id = self._inspection_row(session, inspection_id, editable=False).unit_id
            values = {
                "unit": old.unit,
                "site": old.site,
                "care_provider": old.care_provider,
                "specialty": old.specialty,
            }
            grades = {
                s.section_id: s.effective_grade.value
                for s in old.sections
                if s.effective_grade is not None
            }
            row = self._new_inspection_row(
                session,
                values,
                old.criteria,
                InspectionStatus.DRAFT,
                previous_inspection_id=old.id,
                previous_grades=grades,
                unit_id=unit_id,
            )
            self._audit(
                session,
                row.id,
                "reinspection",
                f"Ny granskning efter inspektion {old.id} ({old.title}).",
            )
            return row.id

    def delete_inspection(self, inspection_id: int) -> None:
        """Move the inspection to the trash (restorable until purged)."""
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            row.deleted_at = utc_now()
            self._audit(session, row.id, "delete", "Flyttad till papperskorgen.")

    def restore_inspection(self, inspection_id: int) -> None:
        with self._write() as session:
            row = self._inspection_row(session, inspection_id, editable=False)
            if row.deleted_at is None:
                raise LibraryError(f"Inspektionen {row.unit} ligger inte i papperskorgen.")
            row.deleted_at = None
            self._touch(row)
            self._audit(session, row.id, "restore", "Återställd från papperskorgen.")

    def purge_inspection(self, inspection_id: int) -> None:
        """Delete for good; only what is already in the trash."""
        with self._write() as session:
            row = self._inspection_row(session, inspection_id, editable=False)
            if row.deleted_at is None:
                raise LibraryError(
                    f"Inspektionen {row.unit} måste ligga i papperskorgen innan den raderas."
                )
            snapshot_id = row.criteria_snapshot_id
            session.execute(delete(InspectionRow).where(InspectionRow.id == row.id))
            still_used = select(InspectionRow.id).where(
                InspectionRow.criteria_snapshot_id == snapshot_id
            )
            session.execute(
                delete(CriteriaSnapshotRow).where(
                    CriteriaSnapshotRow.id == snapshot_id, ~still_used.exists()
                )
            )
        self._unstage(lambda key: getattr(key, "inspection_id", None) == inspection_id)
