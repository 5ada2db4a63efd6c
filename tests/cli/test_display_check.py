"""Issue 14, point 10: on a Linux desktop without the xcb libraries Qt needs (libxcb-cursor0 on a
fresh Debian), `spurdesk` and `./run.sh` say which package to install instead of Qt's cryptic
platform-plugin error; offscreen, Wayland and the no-display message are unchanged.

A library is made "missing" for real: an unloadable file of its name comes first on
LD_LIBRARY_PATH, so the dynamic loader (and Qt, without the check) fails on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spurdesk.display_check import advice, report_missing, uses_x11

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")


def broken_library_path(folder: Path) -> dict[str, str]:
    """An environment in which libxcb-cursor.so.0 cannot be loaded, on an X11 display."""
    folder.mkdir(exist_ok=True)
    (folder / "libxcb-cursor.so.0").write_bytes(b"not a shared library")
    environ = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)}
    environ.update(
        LD_LIBRARY_PATH=str(folder), QT_QPA_PLATFORM="xcb", DISPLAY=":99", XDG_SESSION_TYPE="x11"
    )
    return environ


def test_the_app_names_the_missing_library_and_its_package(tmp_path: Path) -> None:
    environ = broken_library_path(tmp_path / "lib")
    environ["SPURDESK_LIBRARY"] = str(tmp_path / "library.sqlite")
    run = subprocess.run(
        [sys.executable, "-m", "spurdesk", "--demo"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert "libxcb-cursor.so.0" in run.stderr and "sudo apt install" in run.stderr
    assert "libxcb-cursor0" in run.stderr
    assert "Could not load the Qt platform plugin" not in run.stderr


def test_the_advice_names_every_missing_library_once() -> None:
    message = advice(["libxcb-cursor.so.0"])
    assert "library libxcb-cursor.so.0" in message
    assert "sudo apt install libxcb-cursor0 " in message
    assert "sudo dnf install xcb-util-cursor " in message
    several = advice(["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-shape.so.0"])
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-shape0 " in several


@pytest.mark.parametrize(
    ("environ", "x11"),
    [
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, False),
        ({"QT_QPA_PLATFORM": "wayland"}, False),
    ],
)
def test_only_an_x11_start_is_checked(environ: dict[str, str], x11: bool) -> None:
    assert uses_x11(environ, "linux") is x11
    assert uses_x11({"QT_QPA_PLATFORM": "xcb"}, "win32") is False
    nothing_loads = report_missing(err=None, environ=environ, loads=lambda _soname: False)
    assert nothing_loads is x11


# --- run.sh ---------------------------------------------------------------------------------------


@pytest.fixture
def run_sh(tmp_path: Path) -> Path:
    """run.sh as shipped, beside a stand-in for the installation step and the app, so the test
    runs the script's own logic without installing anything."""
    folder = tmp_path / "checkout"
    (folder / "scripts").mkdir(parents=True)
    (folder / ".venv" / "bin").mkdir(parents=True)
    shutil.copy2(ROOT / "run.sh", folder / "run.sh")
    (folder / "scripts" / "ensure-venv.sh").write_text("# installed already\n", encoding="utf-8")
    python = folder / ".venv" / "bin" / "python"  # the real environment's interpreter
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    app = folder / ".venv" / "bin" / "spurdesk"
    app.write_text('#!/bin/sh\necho "spurdesk started $*"\n', encoding="utf-8")
    for script in (python, app):
        script.chmod(0o755)
    return folder / "run.sh"


def _run(script: Path, environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(script), "--demo"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_run_sh_names_the_missing_package_instead_of_starting(run_sh: Path, tmp_path: Path) -> None:
    run = _run(run_sh, broken_library_path(tmp_path / "lib"))
    assert run.returncode == 1
    assert "sudo apt install libxcb-cursor0" in run.stderr
    assert "spurdesk started" not in run.stdout


def test_run_sh_still_starts_offscreen_and_explains_a_machine_without_display(
    run_sh: Path,
) -> None:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    offscreen = _run(run_sh, {**base, "QT_QPA_PLATFORM": "offscreen"})
    assert offscreen.returncode == 0 and "spurdesk started --demo" in offscreen.stdout
    headless = _run(run_sh, base)
    assert headless.returncode == 0
    assert "QT_QPA_PLATFORM=offscreen ./run.sh" in headless.stdout
    assert "spurdesk started" not in headless.stdout
