"""The per-platform files agree with the build: names, icons and paths they refer to exist."""

from __future__ import annotations

import configparser
import plistlib
import re
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(PACKAGING / "spurdesk.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_bundled_executable_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "spurdesk"  # the EXE name in spurdesk.spec
    assert entry["Terminal"] == "false"
    assert (ICONS / f"{entry['Icon']}-256.png").exists()


def test_desktop_file_name_matches_what_the_app_tells_the_window_system() -> None:
    """QGuiApplication.setDesktopFileName("spurdesk") pairs windows with spurdesk.desktop."""
    app_source = (ROOT / "spurdesk" / "ui" / "app.py").read_text(encoding="utf-8")
    assert 'setDesktopFileName("spurdesk")' in app_source


def test_inno_setup_script_refers_to_existing_files_and_the_built_executables() -> None:
    script = (PACKAGING / "windows" / "spurdesk.iss").read_text(encoding="utf-8")
    assert '#define AppExe "spurdesk.exe"' in script
    assert r"{#Root}\dist\{#AppName}\*" in script
    icon = re.search(r"^SetupIconFile=\{#Root\}\\(.+)$", script, re.MULTILINE)
    assert icon is not None
    assert (ROOT / Path(icon.group(1).replace("\\", "/"))).exists()
    app_id = re.search(r"^AppId=\{\{([0-9A-F-]{36})\}$", script, re.MULTILINE)
    assert app_id is not None, "AppId must be a fixed GUID in {{…} form"


def test_ico_holds_every_size_windows_asks_for() -> None:
    data = (ICONS / "spurdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, _height, _, _, _, _, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_icns_is_a_well_formed_container_up_to_1024_pixels() -> None:
    data = (ICONS / "spurdesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds = []
    offset = 8
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        assert data[offset + 8 : offset + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        offset += length
    assert offset == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)


def test_macos_entitlements_file_is_a_valid_plist() -> None:
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as handle:
        entitlements = plistlib.load(handle)
    assert all(key.startswith("com.apple.security.") for key in entitlements)
