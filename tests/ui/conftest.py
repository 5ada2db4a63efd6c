"""Fixtures shared by the UI tests: isolated settings and folders, real libraries, sessions.

Every UI test runs with its own QSettings file, user data/log/config folders and an empty user
criteria folder, so nothing leaks between tests or from the developer's machine. Message boxes
never block: `message_boxes` records each one and answers it as the test says.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from spurdesk.library import Library
from spurdesk.model.criteria_loader import CriteriaLibrary, load_criteria_library
from spurdesk.ui import dialogs
from spurdesk.ui.i18n import LanguageManager
from spurdesk.ui.inspection.window import InspectionWindow
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.settings import AppSettings


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs and QSettings point into the test's tmp folder; no user criteria."""
    home = tmp_path / "user"
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        (home / folder).mkdir(parents=True)
        monkeypatch.setenv(variable, str(home / folder))
    criteria_dir = home / "criteria"
    criteria_dir.mkdir()
    monkeypatch.setenv("SPURDESK_CRITERIA_DIR", str(criteria_dir))
    monkeypatch.delenv("SPURDESK_LIBRARY", raising=False)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / "config"))
    return home


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    """Settings in a private ini file, as `AppSettings` reads them."""
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session")
def criteria_library() -> CriteriaLibrary:
    """The shipped criteria sets (immutable, so one load serves every test)."""
    return load_criteria_library()


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    """An empty library in a temporary file, closed after the test."""
    opened = Library.open(library_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    Library.create_demo(path).close()
    return path


@pytest.fixture
def demo_library_path(tmp_path: Path, _demo_template: Path) -> Path:
    """A private copy of a library holding the demo inspection (built once per test run)."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_template, path)
    return path


@pytest.fixture
def demo_library(demo_library_path: Path) -> Iterator[Library]:
    opened = Library.open(demo_library_path)
    yield opened
    opened.close()


@pytest.fixture
def demo_inspection_id(demo_library: Library) -> int:
    return demo_library.list_inspections()[0].id


def _session(library: Library) -> Iterator[LibrarySession]:
    session = LibrarySession(library)
    yield session
    session.close()


@pytest.fixture
def session(library: Library) -> Iterator[LibrarySession]:
    """A UI session on the empty library."""
    yield from _session(library)


@pytest.fixture
def demo_session(demo_library: Library) -> Iterator[LibrarySession]:
    """A UI session on the demo library."""
    yield from _session(demo_library)


@pytest.fixture
def window(
    qtbot: QtBot, demo_session: LibrarySession, demo_inspection_id: int
) -> Iterator[InspectionWindow]:
    """The demo inspection's window, shown (closed afterwards unless the test closed it)."""
    opened = InspectionWindow(demo_session, demo_inspection_id)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    if isValid(opened):  # a test that closed it has already deleted it (WA_DeleteOnClose)
        opened.close()


@pytest.fixture
def swedish(qapp: QApplication) -> LanguageManager:
    """The Swedish translator installed, as the app does at start: it gives the plural forms
    ("1 konflikt", "3 konflikter"), whichever language an earlier test left."""
    manager = LanguageManager.for_app(qapp)
    assert manager.set_language("sv") == "sv"
    return manager


@pytest.fixture
def english(qapp: QApplication) -> Iterator[LanguageManager]:
    """The interface in English for one test; Swedish again afterwards, whatever happened."""
    manager = LanguageManager.for_app(qapp)
    assert manager.set_language("en") == "en"
    yield manager
    manager.set_language("sv")


@dataclass
class MessageBoxes:
    """Records every message box shown through `dialogs.run_box` and answers it.

    `answers` is consumed first-in first-out; each answer is "accept" (the dialog's accept-role
    button), "cancel" (close without choosing) or the text of a button. With no answers left,
    boxes are closed without a choice, which is what Esc does.
    """

    boxes: list[QMessageBox] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    #: Each box's text and informative text, read when it was shown (a box whose parent has
    #: gone since, such as a dialog closed on delete, can no longer be read).
    texts: list[str] = field(default_factory=list)

    def answer(self, box: QMessageBox) -> QAbstractButton | None:
        self.boxes.append(box)
        self.texts.append(f"{box.text()}\n{box.informativeText()}")
        choice = self.answers.pop(0) if self.answers else "cancel"
        if choice == "cancel":
            return None
        for button in box.buttons():
            role = box.buttonRole(button)
            if choice == "accept" and role == QMessageBox.ButtonRole.AcceptRole:
                return button
            if button.text().replace("&", "") == choice:
                return button
        raise AssertionError(f"no button {choice!r} in box {box.text()!r}")


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Autouse: a modal box would hang an offscreen test run, so none is ever really shown."""
    recorder = MessageBoxes()
    runner: Callable[[QMessageBox], QAbstractButton | None] = recorder.answer
    monkeypatch.setattr(dialogs, "run_box", runner)
    return recorder
