"""An unexpected exception is saved first, logged to a file, and shown with continue or quit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from spurdesk.ui.crash import CrashDialog, CrashHandler, crash_log_dir


def _raise_and_handle(handler: CrashHandler, error: BaseException) -> None:
    try:
        raise error
    except BaseException:
        handler(*sys.exc_info())  # type: ignore[arg-type]


def test_hook_flushes_first_then_writes_the_report_and_offers_a_choice(
    qtbot: QtBot, tmp_path: Path
) -> None:
    events: list[str] = []
    shown: list[tuple[str, Path | None]] = []

    def show(report: str, path: Path | None) -> bool:
        events.append("dialog")
        shown.append((report, path))
        return False  # Fortsätt

    handler = CrashHandler(
        lambda: events.append("flush"),
        log_dir=tmp_path / "logs",
        show_dialog=show,
        quit_app=lambda: events.append("quit"),
    )
    _raise_and_handle(handler, ZeroDivisionError("oväntat i avsnitt E"))
    assert events == ["flush", "dialog"]  # saved before anything else; no quit on Fortsätt
    report, path = shown[0]
    assert path is not None and path.parent == tmp_path / "logs"
    written = path.read_text(encoding="utf-8")
    assert written == report
    assert "ZeroDivisionError: oväntat i avsnitt E" in written
    assert "_raise_and_handle" in written  # the traceback, for support


def test_choosing_quit_quits_and_a_failing_flush_is_reported_not_raised(tmp_path: Path) -> None:
    quits: list[bool] = []

    def broken_flush() -> None:
        raise OSError("disken är full")

    handler = CrashHandler(
        broken_flush,
        log_dir=tmp_path,
        show_dialog=lambda report, path: True,
        quit_app=lambda: quits.append(True),
    )
    _raise_and_handle(handler, RuntimeError("boom"))
    assert quits == [True]
    assert handler.last_log is not None
    assert "disken är full" in handler.last_log.read_text(encoding="utf-8")


def test_install_replaces_and_uninstall_restores_the_excepthook(tmp_path: Path) -> None:
    previous = sys.excepthook
    handler = CrashHandler(lambda: None, log_dir=tmp_path).install()
    try:
        assert sys.excepthook is handler
    finally:
        handler.uninstall()
    assert sys.excepthook is previous


def test_keyboard_interrupt_goes_to_the_previous_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(t))
    logs = tmp_path / "logs"
    handler = CrashHandler(lambda: None, log_dir=logs, show_dialog=lambda r, p: False)
    handler.install()
    try:
        _raise_and_handle(handler, KeyboardInterrupt())
    finally:
        handler.uninstall()
    assert seen == [KeyboardInterrupt]
    assert not logs.exists()


def test_default_log_folder_is_the_user_log_folder(isolated_user_folders: Path) -> None:
    assert crash_log_dir().is_relative_to(isolated_user_folders)


def test_dialog_shows_a_copyable_report_and_continue_or_quit(qtbot: QtBot, tmp_path: Path) -> None:
    report = "spurdesk 0.1.0 – felrapport\nTraceback …\nValueError: x\n"
    dialog = CrashDialog(report, tmp_path / "crash.log")
    qtbot.addWidget(dialog)
    assert dialog._text.toPlainText() == report
    assert dialog._text.isReadOnly()
    dialog._copy.click()
    assert QGuiApplication.clipboard().text() == report
    assert str(tmp_path / "crash.log") in dialog._explanation.text()
    assert "Ditt arbete är sparat" in dialog._headline.text()
    dialog._quit.click()
    assert dialog.quit_chosen
