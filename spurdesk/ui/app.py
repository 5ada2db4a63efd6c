"""Starting the desktop app: `spurdesk`, `spurdesk --library PATH`, `--demo`, `--lang sv|en`.

`run_app` sets up logging, the QApplication, the language, the crash handler and the criteria
sets, opens the library (asking the user through any failure), shows the main window and runs
the event loop. `build_main_window` is the same start without the event loop, for tests and the
screenshots script.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from spurdesk import __version__
from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria_loader import CriteriaLibrary, load_criteria_library
from spurdesk.model.library import Library, default_library_path
from spurdesk.resources import resource_path
from spurdesk.ui import dialogs
from spurdesk.ui.crash import CrashHandler
from spurdesk.ui.i18n import LanguageManager
from spurdesk.ui.library_opener import open_library
from spurdesk.ui.main_window import MainWindow
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.settings import AppSettings

log = logging.getLogger(__name__)

ORGANIZATION = "spurdesk"
APPLICATION = "spurdesk"


def configure_logging() -> Path | None:
    """Logs to a rotating file in the user log folder (a windowed build has no console)."""
    folder = platformdirs.user_log_path(APPLICATION, appauthor=False)
    path = folder / "spurdesk.log"
    root = logging.getLogger()
    for existing in root.handlers:
        if isinstance(existing, RotatingFileHandler) and Path(existing.baseFilename) == path:
            return path  # already set up (a second start in the same process)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created with the app's names (QSettings keys depend on them)."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
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


@dataclass
class AppShell:
    """Everything a running app holds, so tests and scripts can drive and close it."""

    app: QApplication
    settings: AppSettings
    languages: LanguageManager
    criteria: CriteriaLibrary
    window: MainWindow
    crash_handler: CrashHandler | None
    demo_dir: Path | None = None

    def close(self) -> None:
        self.window.close()
        if self.crash_handler is not None:
            self.crash_handler.uninstall()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def _library_location(args: argparse.Namespace) -> Path:
    if getattr(args, "library", None):
        return Path(args.library).expanduser()
    return default_library_path()


def _demo_library() -> tuple[Library, Path]:
    """A fresh temporary copy of the demo library; the folder goes when the app closes."""
    folder = Path(tempfile.mkdtemp(prefix="spurdesk-demo-"))
    try:
        return Library.create_demo(folder / "demo.sqlite"), folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def build_main_window(
    args: argparse.Namespace,
    *,
    settings: AppSettings | None = None,
    install_crash_handler: bool = True,
) -> AppShell | None:
    """Everything `run_app` does before the event loop; None when no library could be opened."""
    app = ensure_application()
    settings = settings if settings is not None else AppSettings()
    languages = LanguageManager.for_app(app)
    languages.set_language(getattr(args, "lang", None) or settings.language())

    criteria = load_criteria_library()
    if criteria.errors:
        dialogs.show_criteria_errors(None, criteria.errors)

    demo_dir: Path | None = None
    if getattr(args, "demo", False):
        try:
            library, demo_dir = _demo_library()
        except SpurdeskError as error:
            dialogs.show_error(None, error)
            return None
        path: Path | None = library.path
    else:
        path = _library_location(args)
        opened = open_library(None, path, settings)
        if opened is None:
            return None
        library = opened

    session = LibrarySession(library)
    window = MainWindow(
        session,
        criteria,
        settings,
        library_path=path,
        languages=languages,
        remember_library=demo_dir is None,
    )
    session.setParent(window)
    handler: CrashHandler | None = None
    if install_crash_handler:
        handler = CrashHandler(lambda: _flush_all(window)).install()
    return AppShell(app, settings, languages, criteria, window, handler, demo_dir)


def _flush_all(window: MainWindow) -> None:
    """The crash handler's first step: every typed word to disk before anything else."""
    window.session.flush()


def run_app(args: argparse.Namespace) -> int:
    """The `spurdesk` GUI: returns the process exit code."""
    configure_logging()
    log.info("spurdesk %s starting (platform %s)", __version__, os.environ.get("QT_QPA_PLATFORM"))
    app = ensure_application()
    shell = build_main_window(args)
    if shell is None:
        return 1
    shell.window.show()
    if shell.demo_dir is None:
        shell.window.restore_last_inspection()
    try:
        return int(app.exec())
    finally:
        shell.close()
