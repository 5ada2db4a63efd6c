"""The exchange's file choosers: one save and one open dialog, replaced by tests (monkeypatch
`save_path` / `open_path` here) to choose a file without a native dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def save_path(parent: QWidget | None, title: str, suggestion: str, name_filter: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, suggestion, name_filter)
    return Path(chosen) if chosen else None


def open_path(parent: QWidget | None, title: str, name_filter: str) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, "", name_filter)
    return Path(chosen) if chosen else None
