"""Issue 14, point 5: the user's spurdesk folders and every file spurdesk writes there are the
user's alone (0700 / 0600), whatever the umask; exports follow the same one rule."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from spurdesk.library import Library
from spurdesk.ui.app import configure_logging
from spurdesk.ui.crash import crash_log_dir, write_report
from spurdesk.ui.settings import AppSettings
from spurdesk.userfiles import private_user_folders

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def wide_umask() -> object:
    """The usual desktop umask, under which Python and Qt create 0644 files and 0755 folders."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_crash_reports_are_private_from_the_start() -> None:
    report = write_report("Traceback … /home/inspektor/Röntgenkliniken.sqlite\n")
    assert mode(report) == 0o600
    assert mode(crash_log_dir()) == 0o700


def test_the_log_and_every_rolled_over_log_are_private() -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    path = configure_logging()
    try:
        assert path is not None and mode(path) == 0o600 and mode(path.parent) == 0o700
        (handler,) = [h for h in root.handlers if h not in before]
        handler.doRollover()  # type: ignore[attr-defined]
        logging.getLogger("spurdesk.test").warning("efter rullningen")
        handler.flush()
        rolled = path.with_name(path.name + ".1")
        assert rolled.exists() and mode(rolled) == 0o600 and mode(path) == 0o600
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()


def test_the_settings_file_and_its_folder_are_private(isolated_user_folders: Path) -> None:
    settings = AppSettings(QSettings())
    settings.set_language("en")
    settings.sync()
    written = Path(settings.store.fileName())
    assert written.exists() and mode(written) == 0o600
    fresh = AppSettings()  # the app's own settings: the folder is made private before writing
    fresh.set_language("sv")
    fresh.sync()
    assert mode(Path(fresh.store.fileName()).parent) == 0o700
    assert mode(Path(fresh.store.fileName())) == 0o600


def test_folders_left_open_by_older_versions_are_tightened(isolated_user_folders: Path) -> None:
    from platformdirs import user_config_path, user_data_path, user_log_path

    folders = [
        user_data_path("spurdesk", appauthor=False),
        user_log_path("spurdesk", appauthor=False),
        user_config_path("spurdesk"),
    ]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
    private_user_folders()
    assert [mode(folder) for folder in folders] == [0o700, 0o700, 0o700]


def test_reports_are_written_as_privately_as_packages(
    tmp_path: Path, demo_library: Library
) -> None:
    from spurdesk.report.exporters import EXPORTERS

    inspection = demo_library.get_inspection(demo_library.list_inspections()[0].id)
    shared = tmp_path / "rapport.docx"
    shared.write_bytes(b"old")
    shared.chmod(0o644)
    for key, target in (("docx", shared), ("pdf", tmp_path / "rapport.pdf")):
        EXPORTERS[key](inspection, target, None)
        assert mode(target) == 0o600, key


def test_the_windowed_builds_output_log_is_private(tmp_path: Path) -> None:
    from tests.packaging.test_launcher import launcher

    stream = launcher.open_fallback_stream(tmp_path / "logs")
    try:
        assert mode(tmp_path / "logs") == 0o700
        assert mode(tmp_path / "logs" / "spurdesk-output.log") == 0o600
    finally:
        stream.close()
