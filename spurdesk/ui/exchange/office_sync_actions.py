"""Arkiv → Synkronisera med kontoret…: the library synced with the office's
(spurdesk.exchange.office_sync) in the background, then each inspection with conflicts previewed
in the merge dialog, one at a time, as a co-inspector's copy is; a summary at the end.

The office's address is the connection saved in Inställningar → Kontorsserver
(`settings.office_location`). The sync
runs on the thread pool with the session's own library, behind an application-modal progress
dialog shown at once: typed text is written first and no window can edit meanwhile, so the
library is used by one thread at a time. The office's inspections listing this inspector among
their inspectors come down: the name saved in Inställningar → Kontorsserver ("Mitt namn som
inspektör"), else the library's user (`library.actor`).

What a merge changed here is one step on that inspection's undo stack, as a received copy's
merge; undone, it comes back with the next sync (docs/collaboration.md, "Synkronisering").
Applying one inspection's chosen conflicts syncs that inspection alone, on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.office_sync import (
    InspectionSync,
    LaptopMerge,
    Outcome,
    SyncReport,
    sync_inspection,
    sync_with_office,
)
from spurdesk.exchange.store import SyncStore
from spurdesk.ui import dialogs
from spurdesk.ui.exchange.merge_dialog import Choices, MergeDialog
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.settings import AppSettings, office_location
from spurdesk.ui.tasks import BackgroundTask, Cancelled, ProgressCallback
from spurdesk.ui.undo import merge_copy_command

translate = QCoreApplication.translate


class OfficeLibrary(SyncStore, Protocol):
    def close(self) -> None: ...


# Opens the office's library at a location (tests hand in their own).
OpenOffice = Callable[[str], OfficeLibrary]


class OfficeUnreachableError(SpurdeskError):
    """The office's library could not be opened; nothing was synced."""


class PlanOutdatedError(SpurdeskError):
    """The inspection changed (here or at the office) while its conflicts were being chosen."""


def _open_library(location: str) -> OfficeLibrary:
    from spurdesk.library import Library

    return Library.open(location, create=False)


def sync_with_office_action(
    parent: QWidget,
    session: LibrarySession,
    settings: AppSettings,
    open_office: OpenOffice = _open_library,
) -> OfficeSync | None:
    """Start the sync; None (after saying why) when no office address is saved."""
    location = office_location(settings)
    if location is None:
        dialogs.show_info(
            parent,
            translate("officeSync", "Synkronisera med kontoret"),
            translate(
                "officeSync",
                "Ingen anslutning till kontorets bibliotek är sparad. Ange den under Arkiv → "
                "Inställningar → Kontorsserver och synkronisera sedan igen.",
            ),
        )
        return None
    sync = OfficeSync(
        parent, session, location, open_office, settings.inspector_name() or session.library.actor
    )
    sync.start()
    return sync


class OfficeSync(QObject):
    """One run of "Synkronisera med kontoret", from the background sync to the summary."""

    # The report once everything is done (conflicts chosen or left), for tests and callers.
    finished = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        session: LibrarySession,
        location: str,
        open_office: OpenOffice,
        inspector: str,
    ) -> None:
        super().__init__(parent)
        self._inspector = inspector
        self._parent = parent
        self._session = session
        self._location = location
        self._open_office = open_office
        self._pending: list[InspectionSync] = []
        self.report: SyncReport | None = None
        self.task: BackgroundTask | None = None
        self.dialog: MergeDialog | None = None

    def start(self) -> None:
        self._session.flush()  # the sync compares with everything typed so far
        task = BackgroundTask(
            self._work,
            parent=self._parent,
            label=self.tr("Synkroniserar med kontoret …"),
            cancellable=True,
        )
        if task.dialog is not None:  # no window edits the library while the sync uses it
            task.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            task.dialog.setMinimumDuration(0)
        task.signals.succeeded.connect(self._synced)
        task.signals.failed.connect(self._failed)
        self.task = task
        task.start()

    def _office(self) -> OfficeLibrary:
        try:
            return self._open_office(self._location)
        except SpurdeskError as error:
            raise OfficeUnreachableError(str(error)) from error

    def _work(self, progress: ProgressCallback) -> SyncReport:
        library = self._session.library
        with closing(self._office()) as office:
            return sync_with_office(
                library, office, actor=library.actor, inspector=self._inspector, progress=progress
            )

    def _failed(self, error: object) -> None:
        if not isinstance(error, SpurdeskError | Cancelled):
            raise error if isinstance(error, BaseException) else RuntimeError(error)  # a bug
        title = self.tr("Synkronisera med kontoret")
        if isinstance(error, Cancelled):  # Avbryt: stopped between two inspections
            self._session.inspectionsChanged.emit()
            text = self.tr(
                "Synkroniseringen avbröts. Det som hann synkroniseras är sparat på båda sidor; "
                "resten synkroniseras nästa gång."
            )
        elif isinstance(error, OfficeUnreachableError):
            text = self.tr(
                "Kontorets bibliotek kunde inte nås: %1 Biblioteket på den här datorn har inte "
                "ändrats; du kan arbeta vidare som vanligt och synkronisera senare.",
            )
        else:
            self._session.inspectionsChanged.emit()  # what was synced before it stopped
            text = self.tr(
                "Synkroniseringen avbröts: %1 Det som hann synkroniseras är sparat på båda "
                "sidor; synkronisera igen när kontoret kan nås.",
            )
        dialogs.show_info(self._parent, title, text.replace("%1", str(error)))
        self.finished.emit(None)

    def _synced(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        self.report = report
        for item in report.items:
            self._record(item.laptop_merge)
        self._session.inspectionsChanged.emit()
        self._pending = list(report.conflicts)
        self._next()

    def _record(self, merge: LaptopMerge | None) -> None:
        """The merge into this library as one undo step (already applied by the sync)."""
        if merge is None:
            return
        command = merge_copy_command(
            self._session,
            merge.inspection_id,
            merge.before,
            merge.after,
            merge.version,
            merge.detail,
            also_forget=(merge.received.digest,),
        )
        command.push_applied()
        self._session.inspectionChanged.emit(merge.inspection_id)

    def _next(self) -> None:
        """The next inspection's conflicts in the merge preview, or the summary when done."""
        if not self._pending:
            self.dialog = None
            self._summary()
            return
        item = self._pending.pop(0)
        plan = item.plan
        assert plan is not None
        dialog = MergeDialog(
            plan,
            self._session.library.actor,
            lambda choices: self._apply(item, choices),
            self._parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _result: self._next())
        self.dialog = dialog
        dialog.open()

    def _apply(self, item: InspectionSync, choices: Choices) -> None:
        """Sync the inspection again with the choices made, if its merge is still the one
        previewed; otherwise refused (the dialog stays open and says so)."""
        assert item.plan is not None
        previewed = item.plan.result
        with closing(self._office()) as office:
            done = sync_inspection(
                self._session.library,
                office,
                item.uid,
                actor=self._session.library.actor,
                resolve_conflicts=lambda plan: choices if plan.result == previewed else None,
            )
        if done.outcome is Outcome.CONFLICT:
            raise PlanOutdatedError(
                self.tr(
                    "Inspektionen har ändrats här eller på kontoret sedan förhandsvisningen "
                    "öppnades. Avbryt och synkronisera igen.",
                )
            )
        if done.outcome is Outcome.FAILED:
            raise SpurdeskError(done.message)
        self._record(done.laptop_merge)
        assert self.report is not None
        self.report.items = [done if i.uid == done.uid else i for i in self.report.items]

    def _summary(self) -> None:
        report = self.report
        assert report is not None
        counts = self.tr(
            "Skickade till kontoret: %1. Hämtade: %2. Synkroniserade: %3. Oförändrade: %4.",
        )
        for number, outcome in enumerate(
            (Outcome.SENT, Outcome.FETCHED, Outcome.MERGED, Outcome.UNCHANGED), start=1
        ):
            counts = counts.replace(f"%{number}", str(len(report.of(outcome))))
        lines = [counts]
        waiting = report.conflicts
        if waiting:
            lines.append(
                self.tr(
                    "%n inspektion(er) med konflikter synkroniserades inte; de tas upp igen vid "
                    "nästa synkronisering:",
                    "",
                    len(waiting),
                )
            )
            lines.extend(f"• {item.title}" for item in waiting)
        for item in report.of(Outcome.SKIPPED, Outcome.FAILED):
            lines.append(f"• {item.message}")
        dialogs.show_info(self._parent, self.tr("Synkronisera med kontoret"), "\n".join(lines))
        self.finished.emit(report)
