"""Qt helpers for in-process UI benchmarks: the app, and waiting for a window's first paint."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

PAINT_TIMEOUT_SECONDS = 30.0


def application() -> QApplication:
    """The app's own QApplication (names, icon), created once; offscreen when run headless."""
    from spurdesk.ui.app import ensure_application

    return ensure_application()


class _PaintWatcher(QObject):
    """Notes the first Paint event of any widget inside `window`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self._window = window
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self.painted = True
        return False


def show_until_painted(window: QWidget) -> None:
    """Shows `window` and runs the event loop until it has painted (and that pass finished)."""
    app = QCoreApplication.instance()
    assert app is not None
    watcher = _PaintWatcher(window)
    app.installEventFilter(watcher)
    try:
        window.show()
        deadline = time.monotonic() + PAINT_TIMEOUT_SECONDS
        while not watcher.painted:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{type(window).__name__} did not paint")
            QCoreApplication.processEvents()
        QCoreApplication.processEvents()  # finish the paint pass and flush the backing store
    finally:
        app.removeEventFilter(watcher)


def dispose(widget: QWidget) -> None:
    """Closes and deletes a widget now, so the next sample starts from the same state."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def type_key(widget: QWidget, char: str) -> None:
    """One key press and release carrying `char` ("\\n" is Return, "\\b" Backspace), delivered
    as the window system would; unlike QTest.keyClicks it takes any Unicode character."""
    special = {"\n": (Qt.Key.Key_Return, "\r"), "\b": (Qt.Key.Key_Backspace, "\b")}
    key, text = special.get(char, (Qt.Key.Key_unknown, char))
    if key == Qt.Key.Key_unknown and char.isascii() and char.isalnum():
        key = Qt.Key(ord(char.upper()))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(
            widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        )
