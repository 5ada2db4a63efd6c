"""The library's machinery under every verb: opening and closing, one durable transaction per
command (`_write`), queries that see staged text (`_read`), `batch()`, the autosave's `flush()`,
rolling backups, and the row lookups the verb modules share.

Each command method is one transaction that is on disk when it returns (see storage/engine.py for
why), checks its input first and raises a `SpurdeskError` with nothing written when it is wrong.
Queries hand out the frozen records of `spurdesk.model.inspection`, never ORM rows. Opening (lock,
integrity check, backup, migration) lives in `storage/opening.py`, backups in `storage/backups.py`;
the design and its reasons are in docs/storage.md.
"""

from __future__ import annotations

import getpass
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Self, TypeVar

from sqlalchemy import Connection, event, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, object_session, sessionmaker

from spurdesk.errors import SpurdeskError
from spurdesk.library.errors import (
    ConcurrentEditError,
    CorruptLibraryError,
    EditConflict,
    LibraryError,
    ReadOnlyLibraryError,
)
from spurdesk.library.schema import (
    ActionRow,
    AuditRow,
    CriteriaSnapshotRow,
    CriterionRow,
    InspectionRow,
    InspectorRow,
    MaterialRow,
    ParticipantRow,
    SectionRow,
    SummaryRow,
    UnitRow,
)
from spurdesk.library.storage import backups, checks, concurrency, failures, rows
from spurdesk.library.storage.backups import BackupSettings
from spurdesk.library.storage.connection import display_location
from spurdesk.library.storage.failures import Failure
from spurdesk.library.storage.opening import Store, copy_library, corrupt_error, open_store
from spurdesk.library.storage.records import (
    inspection_record,
    snapshot_digest,
)
from spurdesk.library.storage.verify import FullCheck
from spurdesk.library.text_keys import TextKey
from spurdesk.model.criteria import CriteriaSet, Section
from spurdesk.model.inspection import (
    Inspection,
)

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


UidRow = InspectionRow | SummaryRow | ActionRow | MaterialRow

_Row = TypeVar(
    "_Row",
    InspectorRow,
    ParticipantRow,
    SectionRow,
    CriterionRow,
    SummaryRow,
    ActionRow,
    MaterialRow,
)


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "okänd användare"


class LibraryCore:
    """What every verb module builds on; `spurdesk.library.facade.Library` is the whole API."""

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
        #: The backup of the state the library opened in (made then, or found identical).
        self.opening_backup: Path | None = None
        #: Full checks running in other threads (`verify`), cancelled on close.
        self._checks: list[FullCheck] = []
        #: On a shared server: what this library last read of each field, so that a write never
        #: overwrites someone else's change unseen (storage/concurrency.py). None on a laptop
        #: file, which has one writer.
        self._seen: concurrency.SeenValues | None = None
        #: Conflicting texts taken out of staging, until the UI asks for them (`take_conflicts`):
        #: a flush inside a read swallows its error, and the text must not vanish with it.
        self._conflicts: list[EditConflict] = []
        if store.engine.dialect.name != "sqlite":
            self._seen = concurrency.SeenValues()
            self._guard_writes(self._seen)

    def _guard_writes(self, seen: concurrency.SeenValues) -> None:
        """Every command's flush on the server: lock its inspections, refuse fields changed by
        someone else since read, and remember what it wrote once committed."""

        def before_flush(session: Session, _context: object, _instances: object) -> None:
            owners = [
                row.id if isinstance(row, InspectionRow) else row.inspection_id
                for row in session.dirty
                if isinstance(row, InspectionRow) or hasattr(row, "inspection_id")
            ]
            concurrency.lock_inspections(session.connection(), owners)
            if conflicts := concurrency.dirty_conflicts(session, seen):
                raise ConcurrentEditError(conflicts)

        def after_flush(session: Session, _context: object) -> None:
            session.info.setdefault("written", []).extend(concurrency.written_rows(session))

        def after_commit(session: Session) -> None:
            for ref, values in session.info.pop("written", []):
                seen.remember(ref, values)

        def after_rollback(session: Session) -> None:
            session.info.pop("written", None)

        event.listen(self._sessions, "before_flush", before_flush)
        event.listen(self._sessions, "after_flush", after_flush)
        event.listen(self._sessions, "after_commit", after_commit)
        event.listen(self._sessions, "after_soft_rollback", lambda s, _t: after_rollback(s))

    @classmethod
    def open(
        cls,
        location: str | Path,
        *,
        read_only: bool = False,
        backup_settings: BackupSettings | None = None,
        create: bool = True,
    ) -> Self:
        """Open the library at a path or SQLAlchemy URL; a missing file is created unless
        `create` is False (then `LibraryNotFoundError`, so the UI can ask first).

        Raises CorruptLibraryError (with `.newest_backup`; also for an emptied or lost file whose
        backups show it held work), NewerLibraryVersionError, LibraryLockedError (another process
        holds it: try `read_only=True`), ReadOnlyPlaceError (the file or its folder cannot be
        written: open it read-only or copy it elsewhere) or LibraryError.
        """
        store = open_store(location, read_only=read_only, create=create)
        library = cls(store, backup_settings or BackupSettings())
        if store.path is not None and store.had_content and not read_only:
            # A backup on open, unless an existing one is already identical to the file
            # (recorded when the last session closed unchanged; see backups.identical_backup).
            identical = backups.identical_backup(store.path)
            if identical is not None:
                library._identical_backup = identical
                library.opening_backup = identical
            else:
                library.opening_backup = library._rolling_backup()
        return library

    def verify(self) -> CorruptLibraryError | None:
        """The full check (storage/verify.py) of the library and of the backup made when it
        opened; for a background thread after opening, as it reads the whole file (about four
        seconds at 10,000 inspections) through connections of its own.

        Returns the damage found, as the error to show (naming the newest good backup), or None
        when the library is sound. A backup that passes is recorded as verified, so pruning keeps
        it. `close()` cancels a check still running (then None).
        """
        path = self.path
        if path is None or self._closed:
            return None
        problems = self._full_check(path)
        if problems:
            log.error("full check of %s failed: %s", path, problems)
            return corrupt_error(path, f"den fullständiga kontrollen: {problems[0]}")
        backup = self.opening_backup
        if (
            backup is not None
            and backup not in backups.verified_backups(path)
            and self._full_check(backup) == []
            and not self._closed
            and backup.exists()
        ):
            backups.record_verified(path, backup)
        return None

    def _full_check(self, path: Path) -> list[str] | None:
        """The problems of the file at `path`, None when `close()` cancelled the check."""
        check = FullCheck(path)
        self._checks.append(check)
        try:
            problems = check.run()
        finally:
            self._checks.remove(check)
        return None if check.cancelled else problems

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
        for check in list(self._checks):
            check.cancel()
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
        return display_location(self._store.engine.url)

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
                    # Text someone else changed meanwhile stays staged; the autosave's flush
                    # reports it. The command itself goes ahead.
                    self._write_staged(session.connection(), written)
                    # Remembered with the command's own changes when the commit succeeds.
                    session.info.setdefault("written", []).extend(concurrency.staged_rows(written))
                yield session
            self._forget_written(written)
        self._after_commit()

    def _write_staged(
        self, connection: Connection, written: dict[TextKey, str]
    ) -> list[EditConflict]:
        """Write staged text; on the server, leave out (and return) the texts someone else has
        changed since this library read them — `written` is left holding what was written."""
        conflicts = []
        if self._seen is not None:
            conflicts = concurrency.staged_conflicts(connection, written, self._seen)
            for conflict in conflicts:
                del written[conflict.key]
        if written:
            rows.write_staged(connection, written, utc_now())
        return conflicts

    def _remember_written(self, written: dict[TextKey, str]) -> None:
        if self._seen is not None:
            for ref, values in concurrency.staged_rows(written):
                self._seen.remember(ref, values)

    def _unstage(self, dropped: Callable[[TextKey], bool]) -> None:
        """Forget staged text whose target a command has just removed."""
        self._staged = {key: text for key, text in self._staged.items() if not dropped(key)}

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
            session.info["reading"] = True
            yield session

    @contextmanager
    def _database_errors(self) -> Iterator[None]:
        """Database failures as messages, each told as what it is (storage/failures.py): a
        damaged record as damage with the backup to restore, a full disk as a full disk, a
        read-only file as read-only, a lost server as such."""
        try:
            yield
        except SpurdeskError:
            raise
        except (SQLAlchemyError, UnicodeDecodeError, ValueError, LookupError) as error:
            failure = failures.classify(error)
            if failure is Failure.DAMAGED and self.path is not None:
                raise corrupt_error(
                    self.path, f"en post kan inte läsas: {getattr(error, 'orig', error)}"
                ) from error
            if not isinstance(error, SQLAlchemyError):
                raise  # a value error that is not damage: a bug, for the crash report
            if failure is Failure.OTHER and not isinstance(error, OperationalError):
                raise LibraryError(f"Databasfel i {self.location}: {error}") from error
            raise LibraryError(
                f"Biblioteket {self.location} kunde inte läsas eller skrivas "
                f"({getattr(error, 'orig', error)}). Ändringen sparades inte. "
                f"{failures.sqlite_advice(error)}"
            ) from error

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

    def _rolling_backup(self) -> Path | None:
        """A backup that must not fail the edit that triggered it; a failure is kept for the UI."""
        assert self.path is not None
        self._last_backup = time.monotonic()
        try:
            backup = backups.make_backup(self.path)
            backups.prune_backups(self.path, self._backup_settings)
            self._identical_backup = backup
        except (LibraryError, OSError) as error:
            self.backup_problem = str(error)
            log.warning("automatic backup of %s failed: %s", self.path, error)
            return None
        self.backup_problem = None
        return backup

    def _inspection_row(
        self, session: Session, inspection_id: int, *, editable: bool = True, lock: bool = False
    ) -> InspectionRow:
        """The row, refused when unknown (or in the trash, for an edit); `lock` holds it against
        other writers until the transaction ends (SELECT … FOR UPDATE on a server; SQLite's
        write transaction already excludes them)."""
        if not isinstance(inspection_id, int):
            row = None
        elif lock:
            row = session.get(InspectionRow, inspection_id, with_for_update=True)
        else:
            row = session.get(InspectionRow, inspection_id)
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

    def _unit_row(self, session: Session, unit_id: int) -> UnitRow:
        row = session.get(UnitRow, unit_id) if isinstance(unit_id, int) else None
        if row is None:
            raise LibraryError(f"Enhet {unit_id} finns inte i biblioteket {self.location}.")
        return row

    @staticmethod
    def _free_id(
        session: Session, table: type[SummaryRow | ActionRow | MaterialRow], item_id: int
    ) -> int:
        """`item_id` for a row being restored; refused while a row still holds it. Ids are never
        reused (AUTOINCREMENT, see schema.py), so a removed row's id stays free for its undo."""
        if not isinstance(item_id, int) or isinstance(item_id, bool) or item_id < 1:
            raise LibraryError(f"Radnummer {item_id!r} kan inte återställas.")
        if session.get(table, item_id) is not None:
            raise LibraryError(
                f"Rad {item_id} finns redan i biblioteket och kan inte återställas en gång till."
            )
        return item_id

    @staticmethod
    def _new_uid(session: Session, table: type[UidRow], uid: object, what: str) -> str:
        """`uid` for a row being added (a new one when empty); refused when the library already
        holds a row with it, which would make two rows one identity."""
        checked = checks.row_uid(uid, what)
        if session.scalar(select(table.id).where(table.uid == checked)) is not None:
            raise LibraryError(f"{what}: identiteten {checked} finns redan i biblioteket.")
        return checked

    def _audit(
        self,
        session: Session,
        inspection_id: int,
        action: str,
        detail: str,
        data: dict[str, str] | None = None,
    ) -> None:
        session.add(
            AuditRow(
                inspection_id=inspection_id,
                at=utc_now(),
                actor=self.actor,
                action=action,
                detail=detail,
                data=data or {},
            )
        )

    @staticmethod
    def _touch(row: InspectionRow) -> None:
        row.modified_at = utc_now()

    def _load(self, session: Session, inspection_id: int) -> Inspection:
        row = self._inspection_row(session, inspection_id, editable=False)

        def children(table: type[_Row]) -> list[_Row]:
            return list(session.scalars(select(table).where(table.inspection_id == row.id)))

        inspectors, participants = children(InspectorRow), children(ParticipantRow)
        sections, assessed = children(SectionRow), children(CriterionRow)
        summary, actions = children(SummaryRow), children(ActionRow)
        material = children(MaterialRow)
        if self._seen is not None and session.info.get("reading"):
            # What the user is shown: later writes are compared with it (only from a read, so a
            # command's uncommitted state is never taken for what others saved).
            shown = [*inspectors, *participants, *sections, *assessed, *summary, *actions]
            self._seen.remember_inspection(row.id, [row, *shown, *material])
        return inspection_record(
            row,
            self._criteria_of(row),
            inspectors=inspectors,
            participants=participants,
            sections=sections,
            assessed=assessed,
            summary=summary,
            actions=actions,
            material=material,
        )

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
                conflicts = self._write_staged(connection, written)
            self._forget_written(written)
            self._remember_written(written)
        self._after_commit()
        if conflicts:
            self._unstage(lambda key: any(key == conflict.key for conflict in conflicts))
            self._conflicts.extend(conflicts)
            raise ConcurrentEditError(conflicts)

    def take_conflicts(self) -> list[EditConflict]:
        """Typed texts refused since last asked because someone else had changed the field (also
        those met by the flush a read does first); each waits for keep_mine or take_theirs."""
        conflicts, self._conflicts = self._conflicts, []
        return conflicts

    def keep_mine(self, conflict: EditConflict) -> None:
        """After a conflict: the user has seen the other text and keeps their own, which is
        written now (staged text) — or may now be entered again (a command)."""
        if self._seen is not None:
            self._seen.accept(conflict)
        if conflict.key is not None:
            self.stage_text(conflict.key, conflict.mine)  # type: ignore[attr-defined]
            self.flush()

    def take_theirs(self, conflict: EditConflict) -> None:
        """After a conflict: the other text stands; the next edit of the field builds on it."""
        if self._seen is not None:
            self._seen.accept(conflict)

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
        backups.prune_backups(path, self._backup_settings)
        self._last_backup = time.monotonic()
        self._identical_backup = backup
        return backup

    def list_backups(self) -> list[Path]:
        """This library's backups, newest first."""
        return backups.list_backups(self.path) if self.path is not None else []

    @staticmethod
    def copy_library(source: Path, target: Path) -> Path:
        """Copy the library at `source` (which may lie in a read-only place) to the new file
        `target`; returns `target`. Refused while `target` exists."""
        return copy_library(Path(source), Path(target))

    @staticmethod
    def restore_backup(backup: Path, target: Path) -> Path | None:
        """Replace `target` by `backup`; the previous file is renamed aside (its new path is
        returned), never overwritten. Refused while another spurdesk has `target` open."""
        return backups.restore_backup(Path(backup), Path(target))
