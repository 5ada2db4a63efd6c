"""The core packages must stay usable without Qt: no module under them may import PySide6; and the
domain model stays pure: no database code under spurdesk/model.

import-linter (`pyproject.toml`) checks the same and the layers besides; this scan is the part that
runs inside pytest, so a Qt import fails the suite even where lint-imports is not run."""

import ast
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parent.parent / "spurdesk"
CORE_PACKAGES = ["model", "library", "report", "exchange", "cli"]
#: The one place the command line hands over to the desktop app.
GUI_DOOR = PACKAGE_ROOT / "cli" / "__init__.py"
DATABASE_MODULES = ("sqlalchemy", "alembic", "sqlite3", "psycopg", "spurdesk.library")


def imported_modules(source: str) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def core_files() -> list[Path]:
    files = [p for package in CORE_PACKAGES for p in (PACKAGE_ROOT / package).rglob("*.py")]
    return [p for p in files if p != GUI_DOOR] + list(PACKAGE_ROOT.glob("*.py"))


def test_the_scanner_sees_qt_imports() -> None:
    found = imported_modules("import PySide6.QtCore\nfrom PySide6 import QtWidgets\n")
    assert found == {"PySide6.QtCore", "PySide6"}


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(PACKAGE_ROOT)))
def test_core_module_does_not_import_qt(path: Path) -> None:
    offending = {
        name
        for name in imported_modules(path.read_text(encoding="utf-8"))
        if name.split(".")[0] == "PySide6" or name.startswith("spurdesk.ui")
    }
    assert not offending, f"{path} imports {sorted(offending)}"


def test_the_gui_door_imports_only_the_app_module() -> None:
    ui_imports = {
        name
        for name in imported_modules(GUI_DOOR.read_text(encoding="utf-8"))
        if name.split(".")[0] == "PySide6" or name.startswith("spurdesk.ui")
    }
    assert ui_imports == {"spurdesk.ui.app"}


@pytest.mark.parametrize(
    "path",
    sorted((PACKAGE_ROOT / "model").rglob("*.py")),
    ids=lambda p: str(p.relative_to(PACKAGE_ROOT)),
)
def test_model_module_has_no_database_code(path: Path) -> None:
    offending = {
        name
        for name in imported_modules(path.read_text(encoding="utf-8"))
        if name.startswith(DATABASE_MODULES)
    }
    assert not offending, f"{path} imports {sorted(offending)}"
