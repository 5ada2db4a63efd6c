"""The inspection library: the service API every change goes through.

Each command method is one transaction that is on disk when it returns (see storage/engine.py for
why), checks its input first and raises a `SpurdeskError` with nothing written when it is wrong.
Queries hand out the frozen records of `spurdesk.model.inspection`, never ORM rows. Typing in the
editors is staged in memory (`stage_text`) and written by `flush()`, which the UI calls at most a
second after the last keystroke; every command and query flushes staged text first, so nobody
ever reads older text than was typed.

Opening (lock, integrity check, backup, migration) lives in `storage/opening.py`, backups in
`storage/backups.py`; the design and its reasons are in docs/storage.md.
"""

from __future__ import annotations

import getpass
import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields as dataclass_fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Self, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, object_session, sessionmaker

from spurdesk.errors import SpurdeskError
from spurdesk.library.errors import (
    CorruptLibraryError,
    LibraryError,
    LibraryLockedError,
    NewerLibraryVersionError,
    ReadOnlyLibraryError,
)
from spurdesk.library.schema import (
    ActionRow,
    AuditRow,
    CriteriaSnapshotRow,
    CriterionRow,
    InspectionRow,
    InspectorRow,
    ParticipantRow,
    SectionRow,
    SummaryRow,
)
from spurdesk.library.storage import backups, checks, rows
from spurdesk.library.storage.backups import BackupSettings
from spurdesk.library.storage.files import default_library_path, sidecar_files
from spurdesk.library.storage.listing import inspection_summaries
from spurdesk.library.storage.opening import Store, corrupt_error, open_store
from spurdesk.library.storage.records import (
    assessment_rows,
    audit_record,
    grade_or_none,
    inspection_record,
    snapshot_digest,
)
from spurdesk.model import grading, lifecycle
from spurdesk.model.action_fields import AUTOSAVED_FIELDS
from spurdesk.model.criteria import CriteriaSet, Grade, Section
from spurdesk.model.inspection import (
    ActionItem,
    ActionItemStatus,
    AuditEvent,
    CriterionStatus,
    Inspection,
    InspectionStatus,
    InspectionSummary,
    Inspector,
    ParticipantGroup,
    SummaryKind,
)

__all__ = [
    "BackupSettings",
    "CorruptLibraryError",
    "Library",
    "LibraryError",
    "LibraryLockedError",
    "NewerLibraryVersionError",
    "ReadOnlyLibraryError",
    "TextKey",
    "default_library_path",
]

log = logging.getLogger(__name__)

#: ("findings", inspection_id, section_id) | ("criterion_note", inspection_id, criterion_id) |
#: ("justification", inspection_id, section_id) | ("summary", item_id) |
#: ("action", item_id, field_name)
TextKey = tuple[Any, ...]


def _now() -> datetime:
    return datetime.now(UTC)


_Row = TypeVar(
    "_Row", InspectorRow, ParticipantRow, SectionRow, CriterionRow, SummaryRow, ActionRow
)


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "okänd användare"


class Library:
    """One open inspection library (an SQLite file, or any SQLAlchemy URL)."""

    def __init__(self, store: Store, backup_settings: BackupSettings) -> None:
        """Use `Library.open`; this only wires an opened store to the service API."""
        self._store = store
        self._sessions = sessionmaker(store.engine, expire_on_commit=False)
        self._backup_settings = backup_settings
        self._staged: dict[TextKey, str] = {}
        # Snapshot rows never change and their ids are never reused: a safe cache key.
        self._criteria_cache: dict[int, CriteriaSet] = {}
        self._last_backup = time.monotonic()
        #: The backup identical to the library's content, while nothing has been written since.
        self._identical_backup: Path | None = None
        self._closed = False
        #: The session of the `batch()` in progress: every command joins its transaction.
        self._batch_session: Session | None = None
        self.actor: str = _default_actor()
        #: The last automatic backup's failure (None when it worked), for the UI to show.
        self.backup_problem: str | None = None

    # ------------------------------------------------------------------ opening and closing

    @classmethod
    def open(
        cls,
        location: str | Path,
        *,
        read_only: bool = False,
        backup_settings: BackupSettings | None = None,
    ) -> Library:
        """Open (creating if missing) the library at a path or SQLAlchemy URL.

        Raises CorruptLibraryError (with `.newest_backup`), NewerLibraryVersionError,
        LibraryLockedError (another process holds it: try `read_only=True`) or LibraryError.
        """
        store = open_store(location, read_only=read_only)
        library = cls(store, backup_settings or BackupSettings())
        if store.path is not None and store.had_content and not read_only:
            # A backup on open, unless an existing one is already identical to the file
            # (recorded when the last session closed unchanged; see backups.identical_backup).
            identical = backups.identical_backup(store.path)
            if identical is not None:
                library._identical_backup = identical
            else:
                library._rolling_backup()
        return library

    @classmethod
    def create_demo(cls, path: str | Path) -> Library:
        """A new library at `path` holding the demo inspection; refuses an existing file."""
        from spurdesk.model.demo import demo_inspection

        target = Path(path).expanduser()
        if target.exists():
            raise LibraryError(f"{target} finns redan och skrivs inte över. Välj ett nytt filnamn.")
        record = demo_inspection()
        library = cls.open(target)
        try:
            library.import_inspection(record)
        except BaseException:
            library.close()
            for created in (target, *sidecar_files(target)):
                created.unlink(missing_ok=True)
            raise
        return library

    def close(self) -> None:
        """Write staged text, then release the database and the lock. Safe to call twice.

        When the staged text cannot be written (a full disk) this raises and stays open, so the
        text is not lost and closing can be tried again.
        """
        if self._closed:
            return
        if self._staged and not self.read_only:
            self.flush()
        self._closed = True
        self._store.close(before_unlock=self._record_if_unchanged)

    def _record_if_unchanged(self) -> None:
        """Closed with nothing written since the last backup: note that it is identical to the
        file, so the next open need not copy it again."""
        if self.path is not None and self._identical_backup is not None and not self.read_only:
            backups.record_unchanged(self.path, self._identical_backup)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a library on a database server."""
        return self._store.path

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    @property
    def location(self) -> str:
        """The path or (password hidden) URL, as messages name the library."""
        if self.path is not None:
            return str(self.path)
        return self._store.engine.url.render_as_string(hide_password=True)

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several commands as one transaction: durable together when the block ends, and none of
        them written if it raises (e.g. a unit's reviewed action plan, applied row by row).

        Queries inside the block see the block's changes. Text staged meanwhile stays staged and
        is written after the block. A command that fails inside the block must end it: let its
        error propagate, and everything the block wrote is undone.
        """
        if self._batch_session is not None:
            raise LibraryError("En sammanhållen ändring pågår redan; den kan inte påbörjas igen.")
        with self._write() as session:
            self._batch_session = session
            try:
                yield
            finally:
                self._batch_session = None

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One command: staged text and the command's changes in one durable commit (or, inside
        a `batch()`, part of the batch's commit)."""
        self._require_open()
        if self.read_only:
            raise ReadOnlyLibraryError(
                f"Biblioteket {self.location} är öppnat skrivskyddat; ändringen sparades inte."
            )
        if self._batch_session is not None:
            yield self._batch_session
            return
        self._changing()
        written = dict(self._staged)
        with self._database_errors():
            with self._sessions.begin() as session:
                if written:
                    rows.write_staged(session.connection(), written, _now())
                yield session
            self._forget_written(written)
        self._after_commit()

    def _forget_written(self, written: dict[TextKey, str]) -> None:
        """Unstage what a commit wrote, keeping any text typed since."""
        for key, text in written.items():
            if self._staged.get(key) == text:
                del self._staged[key]

    @contextmanager
    def _read(self) -> Iterator[Session]:
        """A query; staged text is written first so the answer includes it. If it cannot be
        written now (a full disk) the text stays staged and the query still answers. Inside a
        `batch()` the query reads through the batch's session, and so sees its changes."""
        self._require_open()
        if self._batch_session is not None:
            with self._database_errors():
                yield self._batch_session
            return
        if self._staged and not self.read_only:
            try:
                self.flush()
            except LibraryError as error:
                log.warning("staged text not yet written: %s", error)
        with self._database_errors(), self._sessions() as session:
            yield session

    @contextmanager
    def _database_errors(self) -> Iterator[None]:
        """Database failures as messages: a full disk, a lost server, a damaged file."""
        try:
            yield
        except SpurdeskError:
            raise
        except OperationalError as error:
            raise LibraryError(
                f"Biblioteket {self.location} kunde inte läsas eller skrivas ({error.orig}). "
                "Ändringen sparades inte. Kontrollera diskutrymmet och försök igen."
            ) from error
        except DatabaseError as error:
            if self.path is not None:
                raise corrupt_error(self.path, f"SQLite rapporterar: {error.orig}") from error
            raise LibraryError(f"Databasfel i {self.location}: {error.orig}") from error
        except SQLAlchemyError as error:
            raise LibraryError(f"Databasfel i {self.location}: {error}") from error

    def _changing(self) -> None:
        """Before a write: the library will differ from its last backup."""
        if self._identical_backup is not None and self.path is not None:
            self._identical_backup = None
            backups.forget_unchanged(self.path)

    def _require_open(self) -> None:
        if self._closed:
            raise LibraryError(f"Biblioteket {self.location} är stängt.")

    def _after_commit(self) -> None:
        """Rolling backup once `interval_minutes` of editing have passed since the last one."""
        interval = self._backup_settings.interval_minutes * 60
        if self.path is not None and time.monotonic() - self._last_backup >= interval:
            self._rolling_backup()

    def _rolling_backup(self) -> None:
        """A backup that must not fail the edit that triggered it; a failure is kept for the UI."""
        assert self.path is not None
        self._last_backup = time.monotonic()
        try:
            backup = backups.make_backup(self.path)
            backups.prune_backups(self.path, self._backup_settings.keep)
            self._identical_backup = backup
        except (LibraryError, OSError) as error:
            self.backup_problem = str(error)
            log.warning("automatic backup of %s failed: %s", self.path, error)
        else:
            self.backup_problem = None

    # ------------------------------------------------------------------ lookups

    def _inspection_row(
        self, session: Session, inspection_id: int, *, editable: bool = True
    ) -> InspectionRow:
        row = session.get(InspectionRow, inspection_id) if isinstance(inspection_id, int) else None
        if row is None:
            raise LibraryError(
                f"Inspektion {inspection_id} finns inte i biblioteket {self.location}."
            )
        if editable and row.deleted_at is not None:
            raise LibraryError(
                f"Inspektionen {row.unit} ligger i papperskorgen. "
                "Återställ den för att ändra i den."
            )
        return row

    def _criteria_of(self, row: InspectionRow) -> CriteriaSet:
        """The criteria snapshot an inspection was made with (parsed once per library)."""
        key = row.criteria_snapshot_id
        cached = self._criteria_cache.get(key)
        if cached is None:
            session = object_session(row)
            assert session is not None, "rows are only used inside their session"
            snapshot = session.get_one(CriteriaSnapshotRow, key)
            cached = CriteriaSet.from_dict(snapshot.data)
            self._criteria_cache[key] = cached
        return cached

    @staticmethod
    def _snapshot_id(session: Session, criteria: CriteriaSet) -> int:
        """The row holding exactly this criteria set, added when no inspection used it yet."""
        data = criteria.to_dict()
        digest = snapshot_digest(data)
        found = session.scalars(
            select(CriteriaSnapshotRow.id).where(CriteriaSnapshotRow.digest == digest)
        ).one_or_none()
        if found is not None:
            return found
        snapshot = CriteriaSnapshotRow(
            set_id=criteria.id, version=criteria.version, digest=digest, data=data
        )
        session.add(snapshot)
        session.flush()
        return snapshot.id

    def _section(self, row: InspectionRow, section_id: str) -> Section:
        try:
            return self._criteria_of(row).section(section_id)
        except KeyError:
            raise LibraryError(
                f"Avsnitt {section_id!r} finns inte i kriterieuppsättningen för {row.unit}."
            ) from None

    def _section_of_criterion(self, row: InspectionRow, criterion_id: str) -> Section:
        try:
            return self._criteria_of(row).section_of(criterion_id)
        except KeyError:
            raise LibraryError(
                f"Kriterium {criterion_id!r} finns inte i kriterieuppsättningen för {row.unit}."
            ) from None

    def _summary_row(self, session: Session, item_id: int) -> SummaryRow:
        row = session.get(SummaryRow, item_id) if isinstance(item_id, int) else None
        if row is None:
            raise LibraryError(f"Sammanfattningspunkt {item_id} finns inte i biblioteket.")
        self._inspection_row(session, row.inspection_id)
        return row

    def _action_row(self, session: Session, item_id: int) -> ActionRow:
        row = session.get(ActionRow, item_id) if isinstance(item_id, int) else None
        if row is None:
            raise LibraryError(f"Handlingsplanens rad {item_id} finns inte i biblioteket.")
        self._inspection_row(session, row.inspection_id)
        return row

    def _audit(self, session: Session, inspection_id: int, action: str, detail: str) -> None:
        session.add(
            AuditRow(
                inspection_id=inspection_id,
                at=_now(),
                actor=self.actor,
                action=action,
                detail=detail,
            )
        )

    @staticmethod
    def _touch(row: InspectionRow) -> None:
        row.modified_at = _now()

    # ------------------------------------------------------------------ queries

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

    def get_inspection(self, inspection_id: int) -> Inspection:
        """The whole inspection as a record (also from the trash)."""
        with self._read() as session:
            return self._load(session, inspection_id)

    def _load(self, session: Session, inspection_id: int) -> Inspection:
        row = self._inspection_row(session, inspection_id, editable=False)

        def children(table: type[_Row]) -> list[_Row]:
            return list(session.scalars(select(table).where(table.inspection_id == row.id)))

        return inspection_record(
            row,
            self._criteria_of(row),
            inspectors=children(InspectorRow),
            participants=children(ParticipantRow),
            sections=children(SectionRow),
            assessed=children(CriterionRow),
            summary=children(SummaryRow),
            actions=children(ActionRow),
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

    def record_event(self, inspection_id: int, action: str, detail: str) -> None:
        """Add an audit event (e.g. "export") on behalf of another layer."""
        action = checks.text(action, "Händelsens typ").strip()
        if not action:
            raise LibraryError('En händelse i historiken behöver en typ, t.ex. "export".')
        detail = checks.text(detail, "Händelsens beskrivning")
        with self._write() as session:
            self._inspection_row(session, inspection_id, editable=False)
            self._audit(session, inspection_id, action, detail)

    # ------------------------------------------------------------------ inspections

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
    ) -> int:
        """A new draft inspection made with (a snapshot of) `criteria`; returns its id."""
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
            row = self._new_inspection_row(session, values, criteria, InspectionStatus.DRAFT)
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
    ) -> InspectionRow:
        now = _now()
        row = InspectionRow(
            **values,
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
        """Change metadata: unit, site, care_provider, specialty, visit_start/end, report_date."""
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

    def set_status(self, inspection_id: int, status: InspectionStatus) -> None:
        """Move the report along its life cycle (checked by `lifecycle`), recorded in the audit."""
        new = checks.member(InspectionStatus, status, "Status")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            current = InspectionStatus(row.status)
            lifecycle.check_transition(current, new)
            row.status = new.value
            self._touch(row)
            self._audit(session, row.id, "status", f"{current.value} → {new.value}")

    def import_inspection(self, record: Inspection) -> int:
        """Store a whole record (the demo, an exchange package) as a new inspection.

        Ids in the record are ignored and new ones assigned; `previous_inspection_id` is dropped
        (it names an inspection of another library) while `previous_grades` is kept. Section,
        criterion and grade values are checked against the record's own criteria snapshot.
        """
        if not isinstance(record, Inspection):
            raise LibraryError("Bara en hel inspektion kan importeras.")
        criteria = record.criteria
        values = checks.inspection_fields(
            {
                "unit": record.unit,
                "site": record.site,
                "care_provider": record.care_provider,
                "specialty": record.specialty,
                "visit_start": record.visit_start,
                "visit_end": record.visit_end,
                "report_date": record.report_date,
            }
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
            )
            for item in record.summary
        ]
        actions = [checks.action_values(criteria, item) for item in record.action_items]
        with self._write() as session:
            row = self._new_inspection_row(
                session,
                values,
                criteria,
                status,
                previous_grades=previous,
                created_at=record.created_at,
            )
            rows.replace_people(session, row.id, inspectors, groups)
            for section_row in section_rows:
                section_row.inspection_id = row.id
            for criterion_row in criterion_rows:
                criterion_row.inspection_id = row.id
            session.add_all([*section_rows, *criterion_rows])
            positions: dict[SummaryKind, int] = {}
            for kind, text in summary:
                position = positions.get(kind, 0)
                positions[kind] = position + 1
                session.add(
                    SummaryRow(inspection_id=row.id, kind=kind.value, text=text, position=position)
                )
            for position, action_values in enumerate(actions):
                session.add(ActionRow(inspection_id=row.id, position=position, **action_values))
            rows.refresh_listing(session, row)
            self._audit(
                session, row.id, "import", f"Importerad: {record.title} ({criteria.label})."
            )
            return row.id

    def duplicate_as_reinspection(self, inspection_id: int) -> int:
        """A new draft for the next visit: the unit's metadata and criteria snapshot, and the
        effective grades of this inspection as `previous_grades`; nothing else is copied."""
        with self._write() as session:
            old = self._load(session, inspection_id)
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
            row.deleted_at = _now()
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
        self._staged = {k: v for k, v in self._staged.items() if k[1:2] != (inspection_id,)}

    # ------------------------------------------------------------------ sections and criteria

    def set_findings(self, inspection_id: int, section_id: str, text: str) -> None:
        text = checks.text(text, f"Iakttagelser för avsnitt {section_id}")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            self._section(row, section_id)
            rows.section_row(session, row.id, section_id).findings = text
            self._touch(row)

    def set_criterion(
        self, inspection_id: int, criterion_id: str, status: CriterionStatus, note: str
    ) -> None:
        checked = checks.member(CriterionStatus, status, f"Status för kriterium {criterion_id}")
        note = checks.text(note, f"Anteckning till kriterium {criterion_id}")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            self._section_of_criterion(row, criterion_id)
            criterion_row = rows.criterion_row(session, row.id, criterion_id)
            criterion_row.status = checked.value
            criterion_row.note = note
            self._touch(row)

    def set_grade(
        self,
        inspection_id: int,
        section_id: str,
        grade: Grade | None,
        justification: str = "",
    ) -> None:
        """The grade given at the visit; refused off the scale, or differing from the suggested
        grade without a justification (`grading.validate_grade_choice`)."""
        new = (
            None
            if grade is None
            else checks.member(Grade, grade, f"Gradering för avsnitt {section_id}")
        )
        justification = checks.text(justification, "Motivering")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            section = self._section(row, section_id)
            statuses = {
                r.criterion_id: CriterionStatus(r.status)
                for r in session.scalars(
                    select(CriterionRow).where(CriterionRow.inspection_id == row.id)
                )
            }
            suggestion = grading.suggest_grade(section, statuses)
            grading.validate_grade_choice(section, new, suggestion, justification)
            section_row = rows.section_row(session, row.id, section_id)
            old = grade_or_none(section_row.grade)
            section_row.grade = new.value if new else None
            section_row.justification = justification
            self._touch(row)
            rows.refresh_listing(session, row)
            if old != new:
                detail = f"Avsnitt {section_id}: {_grade_text(old)} → {_grade_text(new)}"
                if justification.strip():
                    detail += f". Motivering: {justification.strip()}"
                self._audit(session, row.id, "grade", detail)

    def revise_grade(
        self,
        inspection_id: int,
        section_id: str,
        grade: Grade | None,
        on: date | None,
        reason: str,
    ) -> None:
        """The grade after an accepted action plan (`None` clears the revision)."""
        new = (
            None if grade is None else checks.member(Grade, grade, f"Ändrad gradering {section_id}")
        )
        revised_on = checks.optional_date(on, "Datum för ändrad gradering")
        reason = checks.text(reason, "Skäl till ändringen")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            section = self._section(row, section_id)
            section_row = rows.section_row(session, row.id, section_id)
            original = grade_or_none(section_row.grade)
            previous = grade_or_none(section_row.revised_grade)
            if new is None:
                section_row.revised_grade = None
                section_row.revised_on = None
                section_row.revision_reason = ""
                detail = f"Avsnitt {section_id}: ändrad gradering {_grade_text(previous)} borttagen"
            else:
                grading.validate_revision(section, original, new, reason)
                section_row.revised_grade = new.value
                section_row.revised_on = revised_on
                section_row.revision_reason = reason
                when = f" ({revised_on.isoformat()})" if revised_on else ""
                detail = (
                    f"Avsnitt {section_id}: {_grade_text(original)} ändrad till "
                    f"{new.value}{when}. Skäl: {reason.strip()}"
                )
            self._touch(row)
            rows.refresh_listing(session, row)
            if new is not None or previous is not None:
                self._audit(session, row.id, "revision", detail)

    # ------------------------------------------------------------------ summary

    def add_summary_item(
        self, inspection_id: int, kind: SummaryKind, text: str, position: int | None = None
    ) -> int:
        """A new Styrka / Svaghet / Förbättringspotential at `position` (default: last)."""
        checked = checks.member(SummaryKind, kind, "Sammanfattningens typ")
        text = checks.text(text, checked.heading)
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            item = SummaryRow(inspection_id=row.id, kind=checked.value, text=text, position=-1)
            siblings = rows.summary_siblings(session, item)
            index = checks.insertion_index(position, len(siblings), checked.heading)
            session.add(item)
            siblings.insert(index, item)
            rows.renumber(siblings)
            self._touch(row)
            session.flush()
            return item.id

    def update_summary_item(self, item_id: int, text: str) -> None:
        text = checks.text(text, "Sammanfattningens text")
        with self._write() as session:
            item = self._summary_row(session, item_id)
            item.text = text
            self._touch(self._inspection_row(session, item.inspection_id))

    def move_summary_item(self, item_id: int, position: int) -> None:
        """Move within its own list (Styrkor, Svagheter or Förbättringspotential)."""
        with self._write() as session:
            item = self._summary_row(session, item_id)
            siblings = rows.summary_siblings(session, item)
            siblings.remove(item)
            siblings.insert(
                checks.insertion_index(position, len(siblings), "Sammanfattningen"), item
            )
            rows.renumber(siblings)
            self._touch(self._inspection_row(session, item.inspection_id))

    def remove_summary_item(self, item_id: int) -> None:
        with self._write() as session:
            item = self._summary_row(session, item_id)
            siblings = rows.summary_siblings(session, item)
            siblings.remove(item)
            session.delete(item)
            rows.renumber(siblings)
            self._touch(self._inspection_row(session, item.inspection_id))
        self._staged.pop(("summary", item_id), None)

    # ------------------------------------------------------------------ action plan

    def add_action_item(
        self,
        inspection_id: int,
        *,
        section_id: str | None = None,
        criterion_id: str | None = None,
        planned_action: str = "",
        due: str = "",
        responsible: str = "",
        follow_up: str = "",
        follow_up_responsible: str = "",
        status: ActionItemStatus = ActionItemStatus.OPEN,
        unit_comment: str = "",
        position: int | None = None,
    ) -> int:
        """A row of the handlingsplan, linked to a criterion (and its section) or free-standing."""
        draft = ActionItem(
            id=0,
            section_id=section_id,
            criterion_id=criterion_id,
            planned_action=planned_action,
            due=due,
            responsible=responsible,
            follow_up=follow_up,
            follow_up_responsible=follow_up_responsible,
            status=status,
            unit_comment=unit_comment,
        )
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            values = checks.action_values(self._criteria_of(row), draft)
            siblings = rows.action_siblings(session, row.id)
            index = checks.insertion_index(position, len(siblings), "Handlingsplanen")
            item = ActionRow(inspection_id=row.id, position=-1, **values)
            session.add(item)
            siblings.insert(index, item)
            rows.renumber(siblings)
            self._touch(row)
            rows.refresh_listing(session, row)
            return item.id

    def update_action_item(self, item_id: int, **fields: Any) -> None:
        """Change any ActionItem field except `id`; `position` moves the row."""
        allowed = {f.name for f in dataclass_fields(ActionItem)} - {"id"}
        unknown = sorted(set(fields) - allowed)
        if unknown:
            raise LibraryError(
                f"Okända fält för handlingsplanen: {', '.join(unknown)}. "
                f"Möjliga är {', '.join(sorted(allowed))}."
            )
        with self._write() as session:
            item = self._action_row(session, item_id)
            row = self._inspection_row(session, item.inspection_id)
            current = {name: getattr(item, name) for name in allowed if name != "position"}
            current.update({k: v for k, v in fields.items() if k != "position"})
            values = checks.action_values(self._criteria_of(row), ActionItem(id=item.id, **current))
            for name, value in values.items():
                setattr(item, name, value)
            if "position" in fields:
                siblings = rows.action_siblings(session, row.id)
                siblings.remove(item)
                index = checks.insertion_index(fields["position"], len(siblings), "Handlingsplanen")
                siblings.insert(index, item)
                rows.renumber(siblings)
            self._touch(row)
            rows.refresh_listing(session, row)

    def remove_action_item(self, item_id: int) -> None:
        with self._write() as session:
            item = self._action_row(session, item_id)
            siblings = rows.action_siblings(session, item.inspection_id)
            siblings.remove(item)
            session.delete(item)
            rows.renumber(siblings)
            inspection = self._inspection_row(session, item.inspection_id)
            self._touch(inspection)
            rows.refresh_listing(session, inspection)
        self._staged = {
            k: v for k, v in self._staged.items() if not (k[0] == "action" and k[1] == item_id)
        }

    def sync_action_items(self, inspection_id: int) -> list[int]:
        """Add a row for each deficiency (`grading.inspection_deficiencies`) that has none yet,
        matched by criterion; returns the new rows' ids (empty when the plan is complete)."""
        with self._write() as session:
            record = self._load(session, inspection_id)
            row = self._inspection_row(session, inspection_id)
            covered = {item.criterion_id for item in record.action_items}
            position = len(record.action_items)
            added: list[ActionRow] = []
            for deficiency in grading.inspection_deficiencies(record):
                if deficiency.criterion_id in covered:
                    continue
                covered.add(deficiency.criterion_id)
                item = ActionRow(
                    inspection_id=row.id,
                    position=position,
                    **checks.action_values(
                        record.criteria,
                        ActionItem(
                            id=0,
                            section_id=deficiency.section_id,
                            criterion_id=deficiency.criterion_id,
                        ),
                    ),
                )
                position += 1
                session.add(item)
                added.append(item)
            if added:
                self._touch(row)
                rows.refresh_listing(session, row)
            session.flush()
            return [item.id for item in added]

    # ------------------------------------------------------------------ autosave

    def stage_text(self, key: TextKey, text: str) -> None:
        """Keep typed text in memory until `flush()`; the key is checked now, so a bad key fails
        at once rather than in the autosave."""
        self._require_open()
        if self.read_only:
            raise ReadOnlyLibraryError(
                f"Biblioteket {self.location} är öppnat skrivskyddat; texten sparas inte."
            )
        key = tuple(key)
        text = checks.text(text, "Texten")
        if key not in self._staged:  # checked when first staged, not on every keystroke
            with self._database_errors(), self._sessions() as session:
                self._check_text_key(session, key)
        self._staged[key] = text

    @property
    def has_staged_changes(self) -> bool:
        return bool(self._staged)

    def flush(self) -> None:
        """Write every staged text in one commit; durable when this returns."""
        if not self._staged:
            return
        self._require_open()
        if self.read_only:
            raise ReadOnlyLibraryError(
                f"Biblioteket {self.location} är öppnat skrivskyddat; ändringen sparades inte."
            )
        if self._batch_session is not None:
            return  # written after the batch, so a batch that fails cannot take the text along
        # The autosave path: no ORM session, just the UPDATEs and modified_at in one short
        # transaction (BEGIN IMMEDIATE … COMMIT with synchronous=FULL, as every command).
        self._changing()
        written = dict(self._staged)
        with self._database_errors():
            with self._store.engine.begin() as connection:
                rows.write_staged(connection, written, _now())
            self._forget_written(written)
        self._after_commit()

    def _check_text_key(self, session: Session, key: TextKey) -> None:
        kind = key[0] if key else None
        if kind in ("findings", "justification") and len(key) == 3:
            self._section(self._inspection_row(session, key[1]), key[2])
        elif kind == "criterion_note" and len(key) == 3:
            self._section_of_criterion(self._inspection_row(session, key[1]), key[2])
        elif kind == "summary" and len(key) == 2:
            self._summary_row(session, key[1])
        elif kind == "action" and len(key) == 3 and key[2] in AUTOSAVED_FIELDS:
            self._action_row(session, key[1])
        else:
            raise LibraryError(f"Okänd textnyckel {key!r}; texten kan inte sparas.")

    # ------------------------------------------------------------------ backups

    def _require_file(self) -> Path:
        if self.path is None:
            raise LibraryError(
                f"Biblioteket {self.location} ligger på en databasserver; säkerhetskopiera den "
                "med serverns egna verktyg."
            )
        return self.path

    def backup_now(self) -> Path:
        """A rolling backup now (staged text included); returns the backup file."""
        path = self._require_file()
        self._require_open()
        if self._staged and not self.read_only:
            self.flush()
        backup = backups.make_backup(path)
        backups.prune_backups(path, self._backup_settings.keep)
        self._last_backup = time.monotonic()
        self._identical_backup = backup
        return backup

    def list_backups(self) -> list[Path]:
        """This library's backups, newest first."""
        return backups.list_backups(self.path) if self.path is not None else []

    @staticmethod
    def restore_backup(backup: Path, target: Path) -> Path | None:
        """Replace `target` by `backup`; the previous file is renamed aside (its new path is
        returned), never overwritten. Refused while another spurdesk has `target` open."""
        return backups.restore_backup(Path(backup), Path(target))


def _grade_text(grade: Grade | None) -> str:
    return grade.value if grade is not None else "ingen"
