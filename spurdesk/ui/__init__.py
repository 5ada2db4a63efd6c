"""PySide6 user interface. Importing it first repairs known PySide6 defects (see pyside_fixes)."""

from spurdesk.ui import pyside_fixes

pyside_fixes.install()
