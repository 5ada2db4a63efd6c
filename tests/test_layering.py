"""The core packages must stay usable without Qt: no module under them may import PySide6."""

import ast
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parent.parent / "spurdesk"
CORE_PACKAGES = ["model", "report", "exchange", "commands"]


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
    return files + [p for p in PACKAGE_ROOT.glob("*.py") if p.name not in {"cli.py"}]


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
