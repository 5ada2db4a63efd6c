"""The last line of defence: an unexpected exception becomes a report, never a silent crash.

`CrashHandler` replaces sys.excepthook. On an exception it first flushes the open sessions (so
the inspector's typing is on disk), writes a report to the user log folder, then shows a dialog
with the copyable report and the choice to continue or quit. Errors the core expects
(SpurdeskError) never reach here: they are shown with `dialogs.show_error` where they happen.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from spurdesk import __version__
from spurdesk.userfiles import open_private, private_folder

log = logging.getLogger(__name__)


def crash_log_dir() -> Path:
    return platformdirs.user_log_path("spurdesk", appauthor=False)


def format_report(exc_type: type[BaseException], error: BaseException, tb: object) -> str:
    """The text a user copies into a support mail: versions, platform and the traceback."""
    lines = [
        f"spurdesk {__version__} – felrapport {datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        "",
        *traceback.format_exception(exc_type, error, tb),  # type: ignore[arg-type]
    ]
    from spurdesk.library import hide_passwords

    # A database address in an error's text must not carry its password into the report.
    return hide_passwords("\n".join(line.rstrip("\n") for line in lines) + "\n")


def write_report(report: str, folder: Path | None = None) -> Path:
    """Writes the report to a new file in the user log folder and returns its path.

    A traceback names units, people and paths: the folder is the user's alone (0700) and the
    report 0600 from the moment it exists (spurdesk.userfiles).
    """
    folder = private_folder(folder if folder is not None else crash_log_dir())
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.log"
    with open_private(path, "w", encoding="utf-8") as handle:  # type: ignore[attr-defined]
        handle.write(report)
    return path


class CrashDialog(QDialog):
    """Shows the report read-only (selectable, with a copy button); Fortsätt or Avsluta."""

    def __init__(self, report: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self._report = report
        self._log_path = log_path
        self.quit_chosen = False

        self._icon = QLabel()
        style = self.style()
        self._icon.setPixmap(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(32, 32)
        )
        self._headline = QLabel()
        self._headline.setWordWrap(True)
        self._explanation = QLabel()
        self._explanation.setWordWrap(True)
        self._explanation.setTextInteractionFlags(
            self._explanation.textInteractionFlags()
            | self._explanation.textInteractionFlags().TextSelectableByMouse
        )
        self._text = QPlainTextEdit(report)
        self._text.setObjectName("crashReport")
        self._text.setReadOnly(True)
        self._text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._text.setMinimumSize(560, 220)

        self._buttons = QDialogButtonBox()
        self._copy = QPushButton()
        self._copy.setObjectName("copyReportButton")
        self._continue = QPushButton()
        self._continue.setObjectName("continueButton")
        self._quit = QPushButton()
        self._quit.setObjectName("quitButton")
        self._buttons.addButton(self._copy, QDialogButtonBox.ButtonRole.ActionRole)
        self._buttons.addButton(self._continue, QDialogButtonBox.ButtonRole.AcceptRole)
        self._buttons.addButton(self._quit, QDialogButtonBox.ButtonRole.DestructiveRole)
        self._continue.setDefault(True)
        self._copy.clicked.connect(self.copy_report)
        self._continue.clicked.connect(self.accept)
        self._quit.clicked.connect(self._choose_quit)

        layout = QVBoxLayout(self)
        layout.addWidget(self._icon)
        layout.addWidget(self._headline)
        layout.addWidget(self._explanation)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._buttons)
        self.retranslate()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self._report)

    def _choose_quit(self) -> None:
        self.quit_chosen = True
        self.reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("spurdesk – ett oväntat fel"))
        self._headline.setText(
            "<b>" + self.tr("Ett oväntat fel inträffade. Ditt arbete är sparat.") + "</b>"
        )
        where = (
            self.tr("Rapporten har sparats i {path}.").format(path=self._log_path)
            if self._log_path is not None
            else self.tr("Rapporten kunde inte sparas till fil; kopiera den härifrån.")
        )
        self._explanation.setText(
            self.tr(
                "Du kan fortsätta arbeta, men om något beter sig konstigt är det säkrast att "
                "avsluta och starta om. Skicka gärna rapporten nedan till supporten."
            )
            + " "
            + where
        )
        self._copy.setText(self.tr("&Kopiera rapporten"))
        self._continue.setText(self.tr("&Fortsätt"))
        self._quit.setText(self.tr("&Avsluta spurdesk"))
        self._text.setAccessibleName(self.tr("Felrapport"))
        self._copy.setAccessibleName(self.tr("Kopiera rapporten"))
        self._continue.setAccessibleName(self.tr("Fortsätt"))
        self._quit.setAccessibleName(self.tr("Avsluta spurdesk"))


class CrashHandler:
    """Installable sys.excepthook: flush, log, tell the user, continue or quit."""

    def __init__(
        self,
        flush: Callable[[], object],
        *,
        log_dir: Path | None = None,
        show_dialog: Callable[[str, Path | None], bool] | None = None,
        quit_app: Callable[[], None] | None = None,
    ) -> None:
        """`flush` saves every open session; `show_dialog(report, path)` returns True to quit."""
        self._flush = flush
        self._log_dir = log_dir
        self._show_dialog = show_dialog or _show_crash_dialog
        self._quit_app = quit_app or _quit_application
        self._previous_hook = sys.excepthook
        self._handling = False
        self.last_log: Path | None = None

    def install(self) -> CrashHandler:
        self._previous_hook = sys.excepthook
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous_hook

    def __call__(
        self, exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) or self._handling:
            self._previous_hook(exc_type, error, tb)
            return
        self._handling = True  # an exception inside the handler must not recurse
        try:
            self._handle(exc_type, error, tb)
        finally:
            self._handling = False

    def _handle(
        self, exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        report = format_report(exc_type, error, tb)
        log.error("unexpected exception\n%s", report)
        try:
            self._flush()
        except Exception:  # the report matters more; the failure goes into it
            report += "\nSparandet före rapporten misslyckades:\n" + traceback.format_exc()
        try:
            self.last_log = write_report(report, self._log_dir)
        except OSError:
            self.last_log = None
            log.exception("could not write the crash report")
        if QApplication.instance() is None:
            if sys.stderr is not None:  # None in a windowed frozen build
                sys.stderr.write(report)
            return
        if self._show_dialog(report, self.last_log):
            self._quit_app()


def _show_crash_dialog(report: str, log_path: Path | None) -> bool:
    dialog = CrashDialog(report, log_path, QApplication.activeWindow())
    dialog.exec()
    return dialog.quit_chosen


def _quit_application() -> None:
    """Quits through the normal close path, so windows flush and the library is closed."""
    app = QCoreApplication.instance()
    if isinstance(app, QApplication):
        app.closeAllWindows()
        app.quit()
