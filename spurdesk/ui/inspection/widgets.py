"""Small editing widgets shared by the inspection pages.

Text widgets carry their own undo stack; here Ctrl+Z and Ctrl+Shift+Z are routed to the window's
actions instead, so there is one undo history per inspection and no second, invisible one.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_REDO_EXTRA = QKeySequence("Ctrl+Shift+Z")


class _UndoRouter(QObject):
    """Refuses a text widget's claim on Undo/Redo so the window's shortcuts fire."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            combo = QKeySequence(key_event.keyCombination())
            if any(key_event.matches(k) for k in _UNDO_KEYS) or combo == _REDO_EXTRA:
                event.ignore()
                return True
        return False


_router: _UndoRouter | None = None


def route_undo_to_window(widget: QWidget) -> None:
    """Make Ctrl+Z / Ctrl+Shift+Z in `widget` undo the inspection, not the widget's own text."""
    global _router
    if _router is None:
        _router = _UndoRouter()
    widget.installEventFilter(_router)


class StagedTextEdit(QPlainTextEdit):
    """Multi-paragraph text whose every user edit is reported; refreshing never moves the caret
    unless the text really changed (an undo), so typing is not disturbed by autosave."""

    textEdited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        route_undo_to_window(self)
        self.textChanged.connect(self._on_changed)

    def _on_changed(self) -> None:
        if not self._showing:
            self.textEdited.emit(self.toPlainText())

    def show_text(self, text: str) -> None:
        """Display `text` from the library; a no-op when it is already shown."""
        if self.toPlainText() == text:
            return
        position = self.textCursor().position()
        self._showing = True
        try:
            self.setPlainText(text)
        finally:
            self._showing = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)), QTextCursor.MoveMode.MoveAnchor)
        self.setTextCursor(cursor)


class StagedLineEdit(QLineEdit):
    """A single line whose user edits go to the window's undo stack (see StagedTextEdit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        route_undo_to_window(self)

    def show_text(self, text: str) -> None:
        if self.text() == text:
            return
        position = self.cursorPosition()
        self.setText(text)  # setText does not emit textEdited
        self.setCursorPosition(min(position, len(text)))


class DateTextEdit(QWidget):
    """A date as text: type "2025-05-30" or "kontinuerligt", or pick from a calendar (F4)."""

    textEdited = Signal(str)  # typed
    datePicked = Signal(str)  # chosen in the calendar, ISO form

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = StagedLineEdit(self)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.menu = menu
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self.textEdited)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.line.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setToolTip(self.tr("Välj datum i en kalender (F4)"))
        self.button.setAccessibleName(self.tr("Välj datum"))
        self.calendar.setAccessibleName(self.tr("Kalender"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() == Qt.Key.Key_F4:
                self.button.showMenu()
                return True
        return False

    def _prepare_calendar(self) -> None:
        parsed = QDate.fromString(self.line.text().strip()[:10], Qt.DateFormat.ISODate)
        self.calendar.setSelectedDate(parsed if parsed.isValid() else QDate.currentDate())
        self.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        text = picked.toString(Qt.DateFormat.ISODate)
        self.menu.hide()
        self.line.setText(text)
        self.datePicked.emit(text)

    def text(self) -> str:
        return self.line.text()

    def show_text(self, text: str) -> None:
        self.line.show_text(text)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)
