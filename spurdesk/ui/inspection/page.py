"""What every editor page of the inspection window shares: the session, the record, errors."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.library.text_keys import TextKey
from spurdesk.model.inspection import Inspection
from spurdesk.ui.dialogs import show_error
from spurdesk.ui.inspection.navigation import NodeKind
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.undo import ServiceCommand, TextCommand


class InspectionPage(QWidget):
    """A page re-reads the record on `refresh` and changes it only through the session."""

    def __init__(
        self, session: LibrarySession, inspection: Inspection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.inspection = inspection
        #: The window's key of this page; every edit pushed here carries it, so undoing the edit
        #: later brings the user back here to see it.
        self.location: tuple[NodeKind, str] | None = None

    @property
    def inspection_id(self) -> int:
        return self.inspection.id

    def refresh(self, inspection: Inspection) -> None:
        """Show `inspection`; must not disturb an editor whose text already matches."""
        self.inspection = inspection

    def commit_pending(self) -> None:
        """Write anything held back (e.g. a metadata field being typed) before a close."""

    def retranslate(self) -> None:
        """Re-set every user-facing text (called on QEvent.LanguageChange)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def push(self, command: ServiceCommand | TextCommand) -> bool:
        """Perform an undoable edit; a refused one is shown and changes nothing."""
        command.location = self.location
        try:
            self.session.push(self.inspection_id, command)
        except SpurdeskError as error:
            show_error(self, error)
            return False
        return True

    def stage(self, key: TextKey, old: str, new: str, label: str) -> None:
        """Typed text: one merged undo step per burst, written by the autosave timer."""
        self.push(TextCommand(self.session, self.inspection_id, key, old, new, label))


def make_read_only(page: QWidget) -> None:
    """A page of a library opened read-only: everything readable, selectable and scrollable,
    nothing editable — rather than an error dialog at the first keystroke."""
    for child in page.findChildren(QWidget):
        if isinstance(child, (QLineEdit, QPlainTextEdit)):
            child.setReadOnly(True)
        elif isinstance(child, QAbstractItemView):
            child.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for action in child.actions():
                action.setEnabled(False)
        elif isinstance(child, (QAbstractButton, QComboBox, QAbstractSpinBox)):
            child.setEnabled(False)
    for action in page.actions():
        action.setEnabled(False)


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area that resizes it to the page width."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def heading(text: str = "", level: int = 1) -> QLabel:
    """A bold, larger label for page and group titles (scaled from the palette's font)."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * (1.4 if level == 1 else 1.15))
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def page_layout(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(10)
    return layout
