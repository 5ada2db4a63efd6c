"""The frozen app's entry script: a windowed build (no stdout/stderr) must not crash on output."""

from __future__ import annotations

import importlib.util
import io
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

LAUNCHER = Path(__file__).resolve().parents[2] / "packaging" / "launcher.py"


def load_launcher() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spurdesk_launcher", LAUNCHER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


launcher = load_launcher()


def test_missing_streams_are_sent_to_the_log_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    stream = launcher.ensure_standard_streams(tmp_path / "logs")
    try:
        assert sys.stdout is stream and sys.stderr is stream
        print("utskrift från ett fönsterprogram ≥ åäö")
        print("ett fel", file=sys.stderr)
    finally:
        stream.close()
    text = (tmp_path / "logs" / launcher.LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "--- spurdesk started" in text
    assert "utskrift från ett fönsterprogram ≥ åäö\nett fel\n" in text


def test_only_the_missing_stream_is_replaced(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    console = io.StringIO()
    monkeypatch.setattr(sys, "stdout", console)
    monkeypatch.setattr(sys, "stderr", None)
    stream = launcher.ensure_standard_streams(tmp_path)
    stream.close()
    assert sys.stdout is console
    assert sys.stderr is stream


def test_a_console_app_keeps_its_streams(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert launcher.ensure_standard_streams(tmp_path) is None
    assert (sys.stdout, sys.stderr) == (out, err)
    assert not list(tmp_path.iterdir())


def test_an_unwritable_log_folder_falls_back_to_the_null_device(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    stream = launcher.open_fallback_stream(blocker / "logs")
    try:
        stream.write("nothing breaks\n")
    finally:
        stream.close()


def test_version_works_without_a_console(tmp_path: Path) -> None:
    """argparse prints --version to stdout: in a windowed build that stdout is None."""
    program = (
        "import sys, runpy\n"
        "sys.stdout = None\nsys.stderr = None\n"
        "sys.argv = ['spurdesk', '--version']\n"
        f"runpy.run_path({str(LAUNCHER)!r}, run_name='__main__')\n"
    )
    home = {"HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    env = {**os.environ, **home, "LOCALAPPDATA": str(tmp_path)}  # the log folder's root, per OS
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    logs = list(tmp_path.rglob(launcher.LOG_FILE_NAME))
    assert len(logs) == 1
    assert "spurdesk 0." in logs[0].read_text(encoding="utf-8")


def test_first_paint_probe_records_the_clocks_and_quits(tmp_path: Path) -> None:
    """The probe packaging/measure_startup.py relies on: a shown QMainWindow ends the app."""
    probe_file = tmp_path / "first-paint.txt"
    program = (
        "import sys, importlib.util\n"
        f"spec = importlib.util.spec_from_file_location('launcher', {str(LAUNCHER)!r})\n"
        "launcher = importlib.util.module_from_spec(spec); spec.loader.exec_module(launcher)\n"
        f"launcher.install_first_paint_probe(__import__('pathlib').Path({str(probe_file)!r}))\n"
        "from PySide6.QtWidgets import QApplication, QLabel, QMainWindow\n"
        "app = QApplication([])\n"
        "window = QMainWindow(); window.setCentralWidget(QLabel('granskning')); window.show()\n"
        "sys.exit(app.exec())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    painted_at, cpu = (float(value) for value in probe_file.read_text().split())
    assert painted_at > 0 and cpu > 0
