"""The main window: the start view of one library, its menus, and the inspection windows it opens.

It owns the open `LibrarySession`; switching library closes the inspection windows (each flushes
its typing), closes the session, and opens the next library through `library_opener`. Made
without a session, it says "Öppnar biblioteket …" until `attach_library` hands it the opened
library, so the window can paint before the library (and SQLAlchemy) has loaded. That first frame
needs only a label: the start view, the session and the dialogs (and PySide6's `Qt` namespace,
some 40 ms to build) are imported after it, when `show_opening_view` or `attach_library` runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.ui.i18n import LanguageManager
from spurdesk.ui.settings import AppSettings

if TYPE_CHECKING:  # imported when used, so the window paints before these load
    from spurdesk.model.criteria_loader import CriteriaLibrary
    from spurdesk.model.due_dates import DueRules
    from spurdesk.model.inspection import InspectionSummary
    from spurdesk.ui.about import AboutDialog
    from spurdesk.ui.session import LibrarySession
    from spurdesk.ui.settings_dialog import SettingsDialog
    from spurdesk.ui.start_view import StartView

log = logging.getLogger(__name__)

WindowFactory = Callable[["LibrarySession", int], QWidget]

#: How the main window is known in QSettings.
SETTINGS_NAME = "main"
#: How often the start view reads an office server's list again by itself.
SERVER_REFRESH_MS = 60_000

# Full checks of libraries still running in the background (see `MainWindow.check_library`).
_RUNNING_CHECKS: set[object] = set()


def _opening_text() -> str:
    """ "Öppnar biblioteket …": the start view's words, translated there."""
    return QCoreApplication.translate("StartView", "Öppnar biblioteket …")


def _inspection_window(session: LibrarySession, inspection_id: int) -> QWidget:
    """The inspection window, imported when first needed so the start view appears sooner."""
    from spurdesk.ui.inspection.window import InspectionWindow

    return InspectionWindow(session, inspection_id)


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: LibrarySession | None,
        criteria: CriteriaLibrary | None,
        settings: AppSettings,
        *,
        library_path: Path | None,
        languages: LanguageManager | None = None,
        remember_library: bool = True,
        window_factory: WindowFactory = _inspection_window,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._criteria = criteria
        self._settings = settings
        self._languages = languages
        self._window_factory = window_factory
        self._remember = remember_library
        self._library_path = library_path
        self.inspection_windows: dict[int, QWidget] = {}
        self._closing_all = False
        self._restoring = False
        self._session: LibrarySession | None = None
        self.start_view: StartView | None = None  # None until after the first paint
        self._opening_label: QLabel | None = None

        self._saved_label = QLabel(objectName="savedLabel")
        self._mode_label = QLabel(objectName="modeLabel")
        self.statusBar().addPermanentWidget(self._mode_label)
        self.statusBar().addPermanentWidget(self._saved_label)

        self._build_actions()
        if session is not None:
            self._attach(session, library_path)
        else:
            self._show_opening()
        self._restore_geometry()
        self.retranslate()

    # session ----------------------------------------------------------------------------------
    @property
    def session(self) -> LibrarySession:
        assert self._session is not None
        return self._session

    @property
    def library_path(self) -> Path | None:
        return self._library_path

    @property
    def _server_location(self) -> str | None:
        """The open library's address when it lies on a database server (no password)."""
        if self._session is None or self._session.library.path is not None:
            return None
        return str(self._session.library.location)

    @property
    def opening(self) -> bool:
        """True until a library is attached (the start view says it is being opened)."""
        return self._session is None

    def _show_opening(self) -> None:
        """The first frame: only "Öppnar biblioteket …", centred (see `show_opening_view`)."""
        self._opening_label = QLabel(objectName="openingLabel")
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self._opening_label)
        row.addStretch()
        central = QWidget()
        column = QVBoxLayout(central)
        column.addStretch()
        column.addLayout(row)
        column.addStretch()
        self.setCentralWidget(central)
        self.open_library_action.setEnabled(False)
        self.receive_copy_action.setEnabled(False)
        self.sync_office_action.setEnabled(False)
        self.recent_menu.setEnabled(False)

    def show_opening_view(self, preview: Sequence[InspectionSummary] | None = None) -> None:
        """The placeholder start view, saying the library is being opened.

        Called after the first paint (the start view's module and Qt's enums load then), before
        the library opens, so its menus are there while the user answers any question about it.
        `preview` holds the inspections as read from the file before opening it: shown in the
        table, but not acted on until the library has opened.
        """
        if not self.opening or self.start_view is not None:
            return
        from spurdesk.ui.start_view import StartView

        self._opening_label = None  # deleted with the central widget it sits in
        self.start_view = StartView(None, None, self)
        self.setCentralWidget(self.start_view)
        self._lay_out_columns()
        if preview is not None:
            self.start_view.show_preview(preview)
            self.statusBar().showMessage(_opening_text())
        self._rebuild_inspection_menu()
        self.open_library_action.setEnabled(False)
        self.recent_menu.setEnabled(False)

    def _lay_out_columns(self) -> None:
        """The table's columns as the user left them, or fitted to the font the first time."""
        assert self.start_view is not None
        header = self._settings.header_state("inspections")
        if header is None or not self.start_view.table.horizontalHeader().restoreState(header):
            self.start_view.fit_columns()

    def attach_library(
        self,
        session: LibrarySession,
        criteria: CriteriaLibrary,
        library_path: Path | None,
        *,
        remember_library: bool = True,
    ) -> None:
        """Replaces the placeholder (or the current library) with `session`'s library."""
        self._criteria = criteria
        self._remember = remember_library
        self.open_library_action.setEnabled(True)
        self._attach(session, library_path)
        self.retranslate()

    def _attach(self, session: LibrarySession, library_path: Path | None) -> None:
        """Shows `session`'s library: a fresh start view, menus wired to it, title and status."""
        for window in (self._follow_up_window, self._units_window):
            if window is not None:  # it belongs to the previous library
                window.close()
        self._session = session
        self._library_path = library_path
        from spurdesk.ui import dialogs

        dialogs.set_damaged_library_handler(self.offer_restore)
        session.saved.connect(self._show_saved)
        session.errorOccurred.connect(self._show_session_error)
        writable = not getattr(session.library, "read_only", False)
        self.receive_copy_action.setEnabled(writable)
        # A library on a server is the office's own: it has nothing to sync with.
        on_file = getattr(session.library, "path", None) is not None
        self.sync_office_action.setEnabled(writable and on_file)
        if on_file:
            self._refresh_timer.stop()
        else:
            self._refresh_timer.start()
        from spurdesk.ui.start_view import StartView

        self._opening_label = None  # deleted with the central widget it sits in
        old_view = self.start_view
        self.start_view = StartView(session, self._criteria, self, due_rules=self.due_rules)
        self.start_view.openRequested.connect(self.open_inspection)
        self.start_view.unitsRequested.connect(self.show_units)
        self.start_view.inspectionDeleted.connect(self._close_inspection_window)
        self.start_view.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.setCentralWidget(self.start_view)
        self.start_view.table.setFocus()  # keyboard first: arrows choose, Enter opens
        if old_view is not None:
            old_view.deleteLater()
        self._lay_out_columns()
        self._rebuild_inspection_menu()
        self.statusBar().clearMessage()  # "Öppnar biblioteket …" while a preview was shown
        self._saved_label.clear()
        if self._remember and library_path is not None:
            self._settings.add_recent_library(library_path)
        self._update_title()
        self._update_recent_menu()

    def _show_saved(self, when: object) -> None:
        stamp = when.strftime("%H:%M:%S") if hasattr(when, "strftime") else str(when)
        self._saved_label.setText(self.tr("Sparat {time}").format(time=stamp))
        problem = getattr(self.session.library, "backup_problem", None)
        if problem:  # the edit is saved; only the rolling backup failed (e.g. a full disk)
            self.statusBar().showMessage(
                self.tr("Säkerhetskopian kunde inte göras: {problem}").format(problem=problem)
            )

    def _show_session_error(self, error: object) -> None:
        """An autosave or undo refused by the core; an open inspection window shows its own."""
        if isinstance(error, BaseException) and not self.inspection_windows:
            from spurdesk.ui import dialogs

            dialogs.show_error(self, error)

    # actions and menus ------------------------------------------------------------------------
    def _action(
        self, name: str, slot: Callable[[], object], shortcut: str | QKeySequence
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        # setShortcuts, not setShortcut: choosing among setShortcut's overloads builds PySide6's
        # whole Qt namespace (some 40 ms) before the first paint. Qt does the same with either.
        action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_library_action = self._action(
            "openLibraryAction", self.choose_library, "Ctrl+Shift+O"
        )
        self.settings_action = self._action("settingsAction", self.show_settings, "Ctrl+,")
        self.quit_action = self._action("quitAction", self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self._action("aboutAction", self.show_about, "F1")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        # The action plan loop (spurdesk/ui/exchange): follow-ups across the library, the unit's
        # response, and unit mode for a package received from the inspectors.
        self.followup_action = self._action("followUpAction", self.show_follow_up, "Ctrl+U")
        self.import_response_action = self._action(
            "importResponseAction", self.import_response, "Ctrl+Shift+I"
        )
        self.open_package_action = self._action(
            "openPackageAction", self.open_package, "Ctrl+Shift+P"
        )
        # The co-inspector's copy: adds the inspection shared with us, or merges into it.
        self.receive_copy_action = self._action(
            "receiveCopyAction", lambda: self.receive_copy(), ""
        )
        # The office's library (issue 16): the same merge as a copy, over the network.
        self.sync_office_action = self._action("syncOfficeAction", self.sync_with_office, "")
        self._follow_up_window: QWidget | None = None
        # The register of units and their due dates (spurdesk/ui/units_window.py).
        self.units_action = self._action("unitsAction", self.show_units, "Ctrl+Shift+U")
        self._units_window: QWidget | None = None
        # Several people on the office server: what the others saved shows on F5, and the start
        # view reads the list again by itself every minute (open windows only on F5, so nobody's
        # typing is interrupted).
        self.refresh_action = self._action("refreshAction", self.refresh_from_library, "F5")
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(SERVER_REFRESH_MS)
        self._refresh_timer.timeout.connect(lambda: self.session.inspectionsChanged.emit())

        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu("")
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.inspection_menu = menu_bar.addMenu("")
        self.help_menu = menu_bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _rebuild_inspection_menu(self) -> None:
        """Arkiv and Inspektion hold the start view's actions, so both change with the view."""
        view = self.start_view
        assert view is not None
        self.file_menu.clear()
        self.file_menu.addAction(view.new_action)
        self.file_menu.addAction(view.open_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_library_action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_response_action)
        self.file_menu.addAction(self.open_package_action)
        self.file_menu.addAction(self.receive_copy_action)
        self.file_menu.addAction(self.sync_office_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.units_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.inspection_menu.clear()
        for action in (view.duplicate_action, view.delete_action):
            self.inspection_menu.addAction(action)
        self.inspection_menu.addSeparator()
        for action in (view.trash_action, view.restore_action, view.purge_action):
            self.inspection_menu.addAction(action)
        self.inspection_menu.addSeparator()
        self.inspection_menu.addAction(self.followup_action)
        self.inspection_menu.addAction(view.filter_action)
        self.inspection_menu.addAction(self.refresh_action)

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._settings.recent_libraries()
        for number, path in enumerate(recent, start=1):
            label = f"&{number} {path.name} — {path.parent}" if number < 10 else str(path)
            action = self.recent_menu.addAction(label)
            action.setData(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.switch_library(p))
        self.recent_menu.setEnabled(bool(recent))

    def _update_title(self) -> None:
        """The library's name and mode: a file by its name, the office server as "Kontorets
        bibliotek (server)" with its masked address in the status bar."""
        server = self._server_location
        if server is not None:
            name = self.tr("Kontorets bibliotek (server)")
        else:
            name = self._library_path.name if self._library_path is not None else ""
        read_only = self._session is not None and bool(
            getattr(self._session.library, "read_only", False)
        )
        title = f"{name} – spurdesk" if name else "spurdesk"
        if read_only:
            title += " " + self.tr("(skrivskyddat)")
        self.setWindowTitle(title)
        if server is not None:
            from spurdesk.library import display_location

            self._mode_label.setText(
                self.tr("Server: {address}").format(address=display_location(server))
            )
            self._mode_label.setToolTip(
                self.tr(
                    "Kontorets gemensamma bibliotek på databasservern: flera kan arbeta i det "
                    "samtidigt, och varje ändring sparas direkt på servern. Det säkerhetskopieras "
                    "på servern (pg_dump), inte av spurdesk, och låses inte för andra."
                )
            )
            return
        self._mode_label.setText(self.tr("Skrivskyddat") if read_only else "")
        self._mode_label.setToolTip(
            self.tr("Ett annat program använder biblioteket; ändringar kan inte sparas.")
            if read_only
            else ""
        )

    # the action plan loop ---------------------------------------------------------------------
    def show_follow_up(self) -> QWidget:
        """The library's follow-up list in its own window (one; brought forward when open)."""
        if self._follow_up_window is None:
            from PySide6.QtCore import Qt

            from spurdesk.ui.exchange.followup_view import FollowUpView

            view = FollowUpView(self.session, self)
            view.setWindowFlag(Qt.WindowType.Window)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.destroyed.connect(self._forget_follow_up)
            view.resize(1000, 600)
            self._follow_up_window = view
        self._follow_up_window.setWindowTitle(self.tr("Uppföljning – spurdesk"))
        self._follow_up_window.show()
        self._follow_up_window.raise_()
        self._follow_up_window.activateWindow()
        return self._follow_up_window

    def _forget_follow_up(self) -> None:
        self._follow_up_window = None

    def due_rules(self) -> DueRules:
        """The due-date rules from Inställningar, read when a list is drawn."""
        from spurdesk.model.due_dates import DueRules

        years, warn_months = self._settings.spur_interval()
        return DueRules(interval_years=years, warn_months=warn_months)

    def show_units(self) -> QWidget:
        """Enheter: the register with its due dates in its own window (one; brought forward)."""
        if self._units_window is None:
            from PySide6.QtCore import Qt

            from spurdesk.ui.units_window import UnitsWindow

            window = UnitsWindow(self.session, self.due_rules, self)
            window.setWindowFlag(Qt.WindowType.Window)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(self._forget_units)
            window.resize(1280, 600)
            self._units_window = window
        self._units_window.show()
        self._units_window.raise_()
        self._units_window.activateWindow()
        return self._units_window

    def _forget_units(self) -> None:
        self._units_window = None

    def import_response(self) -> None:
        from spurdesk.ui.exchange.actions import import_response

        import_response(self, self.session)

    def open_package(self) -> None:
        from spurdesk.ui.exchange.actions import open_package

        open_package(self)

    def receive_copy(self, path: Path | None = None) -> object:
        """A copy from the co-inspector: adds the inspection (asked first) or previews the merge
        into the one held; the inspection opens afterwards. Returns the dialog or the new id."""
        if self.opening:
            return None
        from spurdesk.ui.exchange.coinspector_actions import receive_copy

        return receive_copy(self, self.session, self.open_inspection, path)

    def refresh_from_library(self) -> None:
        """Uppdatera (F5): the start view and every open inspection read the library again, so
        what others saved on the office server shows (and is what an edit builds on)."""
        if self._session is None:
            return
        self._session.flush()
        self._session.inspectionsChanged.emit()
        for inspection_id in list(self.inspection_windows):
            self._session.inspectionChanged.emit(inspection_id)

    def sync_with_office(self) -> object:
        """Arkiv → Synkronisera med kontoret…: in the background, conflicts previewed after;
        returns the running sync (None when no office address is saved)."""
        if self.opening:
            return None
        from spurdesk.ui.exchange.office_sync_actions import sync_with_office_action

        return sync_with_office_action(self, self.session, self._settings)

    # inspection windows -----------------------------------------------------------------------
    def open_inspection(self, inspection_id: int) -> QWidget | None:
        """Opens (or brings forward) the inspection's window and remembers it for next start."""
        from PySide6.QtCore import Qt

        window = self.inspection_windows.get(inspection_id)
        if window is None:
            try:
                window = self._window_factory(self.session, inspection_id)
            except SpurdeskError as error:  # e.g. an inspection deleted meanwhile
                from spurdesk.ui import dialogs

                dialogs.show_error(self, error)
                return None
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(
                lambda _obj=None, i=inspection_id: self.inspection_windows.pop(i, None)
            )
            window.installEventFilter(self)
            self.inspection_windows[inspection_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        if self._library_path is not None:
            self._settings.set_last_inspection(self._library_path, inspection_id)
        return window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """An inspection window closed by the user: the start view no longer reopens it."""
        if event.type() == QEvent.Type.Close and not self._closing_all:
            for inspection_id, window in list(self.inspection_windows.items()):
                if (
                    window is watched
                    and self._library_path is not None
                    and self._settings.last_inspection(self._library_path) == inspection_id
                ):
                    self._settings.set_last_inspection(self._library_path, None)
        return super().eventFilter(watched, event)

    def _close_inspection_window(self, inspection_id: int) -> None:
        window = self.inspection_windows.pop(inspection_id, None)
        if window is not None:
            window.close()

    def close_inspection_windows(self) -> bool:
        """Closes every inspection window (each flushes); False if one refused to close."""
        self._closing_all = True
        try:
            for inspection_id, window in list(self.inspection_windows.items()):
                if not window.close():
                    return False
                self.inspection_windows.pop(inspection_id, None)
        finally:
            self._closing_all = False
        return True

    def restore_last_inspection(self) -> None:
        """Reopens the inspection that was open when the app last closed, if it still exists."""
        if self._library_path is None or self.start_view is None or self.opening:
            return
        inspection_id = self._settings.last_inspection(self._library_path)
        if inspection_id is None:
            return
        # The start view has just read the list: no second read of every inspection.
        known = {row.id for row in self.start_view.model.all_rows()}
        if inspection_id in known:
            QTimer.singleShot(0, lambda: self.open_inspection(inspection_id))
        else:
            self._settings.set_last_inspection(self._library_path, None)

    # library switching ------------------------------------------------------------------------
    def choose_library(self) -> None:
        """Arkiv → Öppna bibliotek…: an existing library, or a new file name for a new one."""
        if self.opening:
            return
        from PySide6.QtWidgets import QFileDialog

        folder = str(self._library_path.parent) if self._library_path else ""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Öppna eller skapa bibliotek"),
            folder,
            self.tr("spurdesk-bibliotek (*.sqlite *.spurdesk *.db);;Alla filer (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.switch_library(Path(path))

    def switch_library(self, location: Path | str) -> bool:
        """Closes the current library (after its windows) and opens `location` in its place: a
        file, or the office server's URL (Inställningar → Öppna kontorets bibliotek)."""
        from spurdesk.library.storage.files import is_url
        from spurdesk.ui.library_opener import open_library
        from spurdesk.ui.session import LibrarySession

        if self.opening:
            return False
        server = is_url(location)
        if server and location == self._server_location:
            return True
        if (
            not server
            and self._library_path is not None
            and Path(location).resolve() == self._library_path.resolve()
        ):
            return True
        if not self.close_inspection_windows():
            return False
        self.session.flush()
        self._save_view_state()
        # The old library must let go of its lock before the next one (maybe the same) opens.
        old_session = self.session
        old_location = self._server_location or self._library_path
        old_session.close()
        old_session.deleteLater()
        library = open_library(self, location if server else Path(location), self._settings)
        if library is None:
            if not server and not Path(location).exists():
                self._settings.remove_recent_library(Path(location))
                self._update_recent_menu()
            reopened = open_library(self, old_location, self._settings) if old_location else None
            if reopened is None:
                self.close()
                return False
            self._attach(LibrarySession(reopened, self), reopened.path)
            return False
        # library.path: a copy, when the library was copied out of a read-only place; None on
        # a server
        self._attach(LibrarySession(library, self), library.path)
        self.retranslate()
        self.check_library_later()
        return True

    # damage found while in use ----------------------------------------------------------------
    #: How long after a library has opened its full check starts (the start must not wait).
    FULL_CHECK_DELAY_MS = 3000

    def check_library_later(self) -> None:
        """Runs the library's full check (`Library.verify`) in the background, a moment after
        it has opened; damage it finds is answered with the offer to restore a backup."""
        # With the window as context: a window closed and deleted meanwhile is not called.
        QTimer.singleShot(self.FULL_CHECK_DELAY_MS, self, self.check_library)

    def check_library(self) -> object:
        """Starts the full check now; returns its BackgroundTask (None without a library).

        The task has no parent and is kept in `_RUNNING_CHECKS` until it has finished: closing
        the window closes the library, which cancels the check, and the task must still be
        there when the worker thread reports back.
        """
        if self.opening:
            return None
        import shiboken6

        from spurdesk.ui.tasks import BackgroundTask

        library = self.session.library
        task = BackgroundTask(lambda _progress: library.verify())
        _RUNNING_CHECKS.add(task)

        def found(result: object) -> None:
            from spurdesk.library import CorruptLibraryError

            if (
                isinstance(result, CorruptLibraryError)
                and shiboken6.isValid(self)
                and not self.opening
                and self.session.library is library
            ):
                self.offer_restore(self, result)

        task.signals.succeeded.connect(found)
        task.signals.finished.connect(lambda: _RUNNING_CHECKS.discard(task))
        return task.start()

    def offer_restore(self, parent: QWidget | None, error: object) -> bool:
        """A damaged library found in use: say so, offer its newest good backup and, if the user
        agrees, close the library, restore the backup (the damaged file is kept aside) and open
        it again. Installed as `dialogs.damaged_library_handler` while a library is open."""
        from spurdesk.library import CorruptLibraryError
        from spurdesk.ui import dialogs
        from spurdesk.ui.library_opener import backup_settings_from, restore_and_open
        from spurdesk.ui.session import LibrarySession

        if self._restoring or self.opening or not isinstance(error, CorruptLibraryError):
            return False
        self._restoring = True
        try:
            if not dialogs.ask_restore_backup(parent or self, error):
                return False
            path = self._library_path
            if path is None or not self.close_inspection_windows():
                return False
            self._save_view_state()
            old_session = self.session
            try:
                old_session.close()
            except SpurdeskError as close_error:  # typing that cannot be written: keep it open
                dialogs.run_box(dialogs.error_box(self, close_error))
                return False
            old_session.deleteLater()
            library = restore_and_open(self, error, path, backup_settings_from(self._settings))
            if library is None:
                self.close()
                return False
            self._attach(LibrarySession(library, self), path)
            return True
        finally:
            self._restoring = False

    # dialogs ----------------------------------------------------------------------------------
    def show_settings(self) -> SettingsDialog:
        from PySide6.QtCore import Qt

        from spurdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.officeLibraryRequested.connect(self.switch_library)
        if self._languages is not None:
            dialog.languageChosen.connect(self._languages.set_language)
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        from PySide6.QtCore import Qt

        from spurdesk.model.criteria_loader import CriteriaLibrary
        from spurdesk.ui.about import AboutDialog

        server = self._server_location
        if server is not None:
            from spurdesk.library import display_location

            server = display_location(server)
        dialog = AboutDialog(
            self._criteria if self._criteria is not None else CriteriaLibrary(()),
            server or self._library_path,
            self,
            read_only=self._session is not None
            and bool(getattr(self._session.library, "read_only", False)),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # window state -----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self._settings.window_geometry(SETTINGS_NAME)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 680)
        state = self._settings.window_state(SETTINGS_NAME)
        if state is not None:
            self.restoreState(state)

    def _save_view_state(self) -> None:
        if self.start_view is not None and not self.opening:  # not the placeholder's columns
            self._settings.set_header_state(
                "inspections", self.start_view.table.horizontalHeader().saveState()
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing never loses work: inspection windows flush, then the library is closed."""
        if not self.close_inspection_windows():
            event.ignore()
            return
        self._settings.set_window_geometry(SETTINGS_NAME, self.saveGeometry())
        self._settings.set_window_state(SETTINGS_NAME, self.saveState())
        self._save_view_state()
        self._settings.sync()
        if self._session is not None:
            self._session.close()
        from spurdesk.ui import dialogs

        if dialogs.damaged_library_handler() == self.offer_restore:
            dialogs.set_damaged_library_handler(None)
        super().closeEvent(event)

    # translation ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&Arkiv"))
        self.inspection_menu.setTitle(self.tr("&Inspektion"))
        self.help_menu.setTitle(self.tr("&Hjälp"))
        self.recent_menu.setTitle(self.tr("&Senaste bibliotek"))
        self.open_library_action.setText(self.tr("Öppna &bibliotek…"))
        self.open_library_action.setStatusTip(self.tr("Öppna ett annat bibliotek eller skapa ett"))
        self.settings_action.setText(self.tr("&Inställningar…"))
        self.quit_action.setText(self.tr("A&vsluta"))
        self.about_action.setText(self.tr("&Om spurdesk"))
        self.followup_action.setText(self.tr("&Uppföljning av handlingsplaner…"))
        self.units_action.setText(self.tr("&Enheter…"))
        self.refresh_action.setText(self.tr("U&ppdatera"))
        self.refresh_action.setStatusTip(
            self.tr("Läser om biblioteket, med det andra har sparat på kontorets server.")
        )
        self.units_action.setStatusTip(
            self.tr("Registret över enheter: senaste och nästa SPUR, uppföljning av brister")
        )
        self.import_response_action.setText(self.tr("&Importera svar från verksamheten…"))
        self.open_package_action.setText(self.tr("Öppna &paket från inspektörerna…"))
        self.receive_copy_action.setText(self.tr("Ta emot &kopia från medinspektör…"))
        self.sync_office_action.setText(self.tr("S&ynkronisera med kontoret…"))
        self.sync_office_action.setStatusTip(
            self.tr("Skicka dina inspektioner till kontorets bibliotek och hämta ändringarna där")
        )
        if self._opening_label is not None:
            self._opening_label.setText(_opening_text())
        self._update_title()
        self.setAccessibleName(self.tr("spurdesk – inspektioner"))
