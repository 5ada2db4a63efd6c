"""Starting the desktop app: `spurdesk`, `spurdesk --library PATH`, `--demo`, `--lang sv|en`.

`run_app` creates the QApplication, sets the language and shows the main window at once, saying
the library is being opened. After that first paint the start view appears with the library's
inspections as read straight from the file (`spurdesk.library.preview`, the sqlite3 module alone);
after that paint, logging and the crash handler are set up, the criteria sets load and the
library opens (asking the user through any failure) and takes over the view. SQLAlchemy, the
schema, PyYAML and the dialogs are imported only then, so neither paint waits for them.
`build_main_window` is the same start without the event loop, for tests and the screenshots
script.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from spurdesk import __version__
from spurdesk.errors import SpurdeskError
from spurdesk.resources import resource_path
from spurdesk.ui.i18n import LanguageManager
from spurdesk.ui.main_window import MainWindow
from spurdesk.ui.settings import AppSettings

if TYPE_CHECKING:  # imported when the library opens, after the window has painted
    from spurdesk.library import Library
    from spurdesk.model.criteria_loader import CriteriaLibrary
    from spurdesk.ui.crash import CrashHandler

log = logging.getLogger(__name__)

ORGANIZATION = "spurdesk"
APPLICATION = "spurdesk"


def configure_logging() -> Path | None:
    """Logs to a rotating file in the user log folder (a windowed build has no console); the
    folder is the user's alone (0700) and every log file 0600 (spurdesk.userfiles)."""
    from logging.handlers import RotatingFileHandler

    from spurdesk.userfiles import log_folder, private_rotating_log

    root = logging.getLogger()
    try:
        path = log_folder() / "spurdesk.log"
    except OSError:
        return None
    for existing in root.handlers:
        if isinstance(existing, RotatingFileHandler) and Path(existing.baseFilename) == path:
            return path  # already set up (a second start in the same process)
    try:
        handler = private_rotating_log(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(_MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


class _MaskingFormatter(logging.Formatter):
    """Log lines, tracebacks included, with any password in a database address masked."""

    def format(self, record: logging.LogRecord) -> str:
        from spurdesk.library import hide_passwords

        return hide_passwords(super().format(record))


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created with the app's names (QSettings keys depend on them)."""
    app = QApplication.instance()
    if app is None:
        # High-DPI scale factors pass through unrounded: Qt 6's default (and
        # QT_SCALE_FACTOR_ROUNDING_POLICY overrides any setting), so nothing is set here.
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName("spurdesk")
    QGuiApplication.setDesktopFileName("spurdesk")
    icon = resource_path("icons", "spurdesk-256.png")
    if icon.exists():
        QGuiApplication.setWindowIcon(QIcon(str(icon)))
    assert isinstance(app, QApplication)
    return app


class AppShell:
    """Everything a running app holds, so tests and scripts can drive and close it.

    (A plain class, not a dataclass: the dataclasses module need not load before the first paint.)
    """

    def __init__(
        self,
        app: QApplication,
        settings: AppSettings,
        languages: LanguageManager,
        criteria: CriteriaLibrary | None,  # None until the library has been opened
        window: MainWindow,
        crash_handler: CrashHandler | None,
        demo_dir: Path | None = None,
    ) -> None:
        self.app = app
        self.settings = settings
        self.languages = languages
        self.criteria = criteria
        self.window = window
        self.crash_handler = crash_handler
        self.demo_dir = demo_dir

    def open_library(self, args: argparse.Namespace) -> bool:
        """Loads the criteria sets and opens the library into the window; False if none opened.

        Every failure is explained to the user first (a damaged library offers its backup, a
        locked one read-only access, a newer one says so).
        """
        from spurdesk.model.criteria_loader import load_criteria_library
        from spurdesk.ui import dialogs
        from spurdesk.ui.library_opener import open_library
        from spurdesk.ui.session import LibrarySession

        self.window.show_opening_view()  # the start view's frame, while the library opens
        criteria = load_criteria_library()
        if criteria.errors:
            dialogs.show_criteria_errors(None, criteria.errors)

        if getattr(args, "demo", False):
            try:
                library, self.demo_dir = _demo_library()
            except SpurdeskError as error:
                dialogs.show_error(None, error)
                return False
            path: Path | None = library.path
        else:
            location = _library_location(args)
            # The user's own library is made on the first start without a question; any other
            # path that does not exist (a mistyped --library) is asked about first.
            opened = open_library(
                None, location, self.settings, ask_before_creating=not _is_default(location)
            )
            if opened is None:
                return False
            library = opened
            # a copy, when the library was copied elsewhere; None on the office server
            path = library.path

        self.criteria = criteria
        session = LibrarySession(library)
        self.window.attach_library(session, criteria, path, remember_library=self.demo_dir is None)
        session.setParent(self.window)
        return True

    def show_preview(self, args: argparse.Namespace) -> bool:
        """The start view with the library file's inspections, before the library opens.

        False (and nothing shown) when there is nothing to preview: the demo, which is created
        when it opens, or a file the preview cannot read (missing, older, damaged), which the
        opening then explains.
        """
        if getattr(args, "demo", False):
            return False
        from spurdesk.library.preview import preview_inspections

        location = _library_location(args)
        if not isinstance(location, Path):  # a server: nothing to read before connecting
            return False
        rows = preview_inspections(location)
        if rows is None:
            return False
        self.window.show_opening_view(rows)
        return True

    def install_crash_handler(self) -> None:
        from spurdesk.ui.crash import CrashHandler

        window = self.window
        self.crash_handler = CrashHandler(lambda: _flush_all(window)).install()

    def close(self) -> None:
        self.window.close()
        if self.crash_handler is not None:
            self.crash_handler.uninstall()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def _library_location(args: argparse.Namespace) -> Path | str:
    """--library (a file, or the office server's URL), else the default library."""
    from spurdesk.library.storage.files import default_library_path, is_url

    if getattr(args, "library", None):
        return args.library if is_url(args.library) else Path(args.library).expanduser()

    return default_library_path()


def _is_default(location: Path | str) -> bool:
    """True for the user's own library in spurdesk's data folder."""
    from platformdirs import user_data_path

    from spurdesk.library.storage.files import LIBRARY_ENV

    default = user_data_path("spurdesk", appauthor=False) / "library.sqlite"
    return not os.environ.get(LIBRARY_ENV, "").strip() and location == default


def _demo_library() -> tuple[Library, Path]:
    """A fresh temporary copy of the demo library; the folder goes when the app closes."""
    import tempfile

    from spurdesk.library import Library

    folder = Path(tempfile.mkdtemp(prefix="spurdesk-demo-"))
    try:
        return Library.create_demo(folder / "demo.sqlite"), folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def build_shell(
    args: argparse.Namespace,
    *,
    settings: AppSettings | None = None,
    install_crash_handler: bool = True,
) -> AppShell:
    """The application and the main window, with no library yet (see `AppShell.open_library`)."""
    new_app = QApplication.instance() is None
    app = ensure_application()
    settings = settings if settings is not None else AppSettings()
    # A new application has no manager yet; looking for one would wrap all its children
    # (the style among them) as Python objects, a noticeable part of the start.
    languages = LanguageManager(app) if new_app else LanguageManager.for_app(app)
    languages.set_language(getattr(args, "lang", None) or settings.language())
    window = MainWindow(None, None, settings, library_path=None, languages=languages)
    shell = AppShell(app, settings, languages, None, window, None)
    if install_crash_handler:
        shell.install_crash_handler()
    return shell


def build_main_window(
    args: argparse.Namespace,
    *,
    settings: AppSettings | None = None,
    install_crash_handler: bool = True,
) -> AppShell | None:
    """Everything `run_app` does before the event loop; None when no library could be opened."""
    shell = build_shell(args, settings=settings, install_crash_handler=install_crash_handler)
    if not shell.open_library(args):
        shell.close()
        shell.window.deleteLater()
        return None
    return shell


def _flush_all(window: MainWindow) -> None:
    """The crash handler's first step: every typed word to disk before anything else."""
    if not window.opening:
        window.session.flush()


#: If the window system never paints the main window (e.g. it starts minimised), the start goes
#: on after this long anyway.
OPEN_WITHOUT_PAINT_MS = 1000


class AfterNextPaint(QObject):
    """Runs `callback` once, from a zero-delay timer after `window` has next painted.

    A timer started right after `show()` could fire before the paint event is delivered; this
    waits for the paint, so the user sees the window before the library (and SQLAlchemy) loads.
    The filter sits on the window alone, not on the application: an application-wide Python
    filter makes PySide6 wrap every object that receives an event as a Python object, which
    cost some 70 ms before the first paint. A top-level window paints its own background, so it
    gets a Paint event of its own in each paint pass that repaints its whole area.
    """

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(OPEN_WITHOUT_PAINT_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            # Two turns of the loop: the paint pass, and what else it queued, finish first.
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._run))
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        self._callback()


def run_app(args: argparse.Namespace) -> int:
    """The `spurdesk` GUI: returns the process exit code.

    The window paints first, then the preview of the inspections; logging, the crash handler and
    the library follow from a timer after that paint. If no library can be opened (the user
    declined every way out), the app ends with status 1.
    """
    shell = build_shell(args, install_crash_handler=False)
    app = shell.app
    shell.window.show()
    failed = False

    def open_library_and_fill() -> None:
        nonlocal failed
        # After the first paint: the user's folders made private, the log file, the crash
        # handler, then the library.
        from spurdesk.userfiles import private_user_folders

        private_user_folders()
        configure_logging()
        log.info(
            "spurdesk %s starting (platform %s)", __version__, os.environ.get("QT_QPA_PLATFORM")
        )
        shell.install_crash_handler()
        if not shell.open_library(args):
            failed = True
            app.exit(1)
            return
        if getattr(args, "receive", None) is not None:  # `spurdesk COPY.spur`
            shell.window.receive_copy(args.receive)
        elif shell.demo_dir is None:
            shell.window.restore_last_inspection()
        # The full check of the library and its opening backup, in the background once the
        # opened library has painted (it must not delay the start).
        shell.window.check_library_later()
        from spurdesk.ui.heap import settle_heap

        AfterNextPaint(shell.window, settle_heap)

    def preview_then_open() -> None:
        # After the first paint: the inspections as the file holds them, painted before the
        # library (and SQLAlchemy) loads; the opening follows that paint.
        if shell.show_preview(args):
            AfterNextPaint(shell.window, open_library_and_fill)
        else:
            open_library_and_fill()

    AfterNextPaint(shell.window, preview_then_open)
    try:
        status = int(app.exec())
        return 1 if failed else status
    finally:
        shell.close()


def run_unit_mode(package: Path, args: argparse.Namespace) -> int:
    """`spurdesk FILE.spur`: the unit's side — the report read-only, the action plan editable
    (or, for a sakgranskning package, the draft with the unit's comments).

    Needs no library: the package file itself is what the unit edits and answers with.
    """
    from spurdesk.exchange.fact_check_package import is_fact_check
    from spurdesk.ui.exchange.fact_check_window import open_fact_check_window
    from spurdesk.ui.exchange.unit_window import open_unit_window

    app = ensure_application()
    settings = AppSettings()
    languages = LanguageManager(app)
    languages.set_language(getattr(args, "lang", None) or settings.language())
    configure_logging()
    # The draft for the sakgranskning, or the action plan: the package's manifest says which.
    opener = open_fact_check_window if is_fact_check(package) else open_unit_window
    window = opener(package)
    if window is None:  # refused; the reason has been shown
        return 1
    return int(app.exec())
