"""A private user environment for benchmark runs, so no run reads or writes the user's own
settings, logs, criteria or library (and no earlier run's window state changes a figure)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

#: Where benchmarked children keep their bytecode (Python checks it against the sources).
PYCACHE = Path(tempfile.gettempdir()) / "spurdesk-bench-pycache"

_FOLDERS = (
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_CACHE_HOME", "cache"),
    ("SPURDESK_CRITERIA_DIR", "criteria"),
)


def user_environment(root: Path) -> dict[str, str]:
    """Environment variables pointing every per-user folder into `root` (created here)."""
    variables = {}
    for variable, name in _FOLDERS:
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        variables[variable] = str(folder)
    return variables


def child_environment(root: Path) -> dict[str, str]:
    """The environment of a benchmarked child process: offscreen Qt and private folders.

    Bytecode is cached (in PYCACHE, not the source tree) as an installed app has it; a checkout
    run with PYTHONDONTWRITEBYTECODE would otherwise compile every spurdesk module at each start.
    The folder outlives the run, so the next run's warm-up need not compile PySide6 again.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **user_environment(root))
    env.pop("SPURDESK_LIBRARY", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def isolate_this_process(root: Path) -> None:
    """The same for the running process (in-process UI benchmarks); call before any QSettings."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.update(user_environment(root))
    os.environ.pop("SPURDESK_LIBRARY", None)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(root / "config"))
