"""The PyInstaller spec stays in step with the code: every resource folder shipped, every Qt module
either used or excluded. The spec is read as source (running PyInstaller is far too slow here)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import PySide6
import pytest

from spurdesk.cli.selfcheck import RESOURCE_FOLDERS as SELF_CHECKED_FOLDERS

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "spurdesk.spec"


def spec_constant(name: str) -> object:
    """The literal value the spec assigns to the top-level `name`."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} does not assign {name}")


@functools.cache
def qt_modules_imported_by_spurdesk() -> frozenset[str]:
    """Qt modules (QtCore, …) named in an import anywhere in the app's code or the launcher."""
    found: set[str] = set()
    sources = [*(ROOT / "spurdesk").rglob("*.py"), ROOT / "packaging" / "launcher.py"]
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            found.update(
                name.split(".")[1]
                for name in names
                if name.startswith("PySide6.Qt") and len(name.split(".")) > 1
            )
    return frozenset(found)


def installed_qt_modules() -> set[str]:
    package = Path(PySide6.__file__).parent
    return {p.name.split(".")[0] for p in package.glob("Qt*") if p.suffix in (".so", ".pyd")}


def test_the_scanner_sees_qt_imports_of_every_form() -> None:
    assert {"QtCore", "QtGui", "QtWidgets"} <= qt_modules_imported_by_spurdesk()


def test_spec_ships_every_resource_folder_and_self_check_checks_them() -> None:
    on_disk = {path.name for path in (ROOT / "resources").iterdir() if path.is_dir()}
    assert set(spec_constant("RESOURCE_FOLDERS")) == on_disk
    assert set(SELF_CHECKED_FOLDERS) == on_disk


def test_no_excluded_qt_module_is_imported_by_the_app() -> None:
    excluded = set(spec_constant("UNUSED_QT_MODULES"))  # type: ignore[arg-type]
    assert not excluded & qt_modules_imported_by_spurdesk()


def test_every_installed_qt_module_is_either_used_or_excluded() -> None:
    """A new PySide6 release adding a module must be a conscious decision, not 100 MB more."""
    excluded = set(spec_constant("UNUSED_QT_MODULES"))  # type: ignore[arg-type]
    undecided = installed_qt_modules() - excluded - qt_modules_imported_by_spurdesk()
    assert not undecided, f"add to UNUSED_QT_MODULES in {SPEC.name} or use: {sorted(undecided)}"


@pytest.mark.parametrize(
    "heavy", ["QtQml", "QtQuick", "QtNetwork", "QtWebEngineCore", "Qt3DCore", "QtMultimedia"]
)
def test_the_heavy_qt_modules_are_excluded(heavy: str) -> None:
    assert heavy in spec_constant("UNUSED_QT_MODULES")  # type: ignore[operator]


def test_test_tools_never_ride_along() -> None:
    assert {"pytest", "hypothesis", "pypdf", "PyInstaller"} <= set(
        spec_constant("DEV_ONLY_MODULES")  # type: ignore[arg-type]
    )


def test_qt_plugin_exclusions_keep_the_desktop_platforms() -> None:
    """xcb/wayland (Linux), windows, cocoa and offscreen must survive the plugin filter."""
    unused = spec_constant("UNUSED_QT_PLUGINS")
    assert isinstance(unused, dict)
    words = unused["platforms"]
    kept = ("libqxcb.so", "libqwayland.so", "qwindows.dll", "libqcocoa.dylib", "libqoffscreen.so")
    for platform in kept:
        assert not any(word in platform for word in words), platform
