"""Item delegates that edit through the session instead of `setData`.

Text cells report every keystroke (staged autosave, one undo step per burst); choice cells report
the chosen value at once. The model is never written by the view: it re-reads the library when the
session signals a change, like every other view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from spurdesk.ui.inspection.indexes import ModelIndex
from spurdesk.ui.inspection.widgets import DateTextEdit, StagedLineEdit

#: Called with the edited cell and the editor's current text / chosen value.
TextSink = Callable[[QModelIndex, str], None]
Choices = Callable[[QModelIndex], Sequence[tuple[str, object]]]
ChoiceSink = Callable[[QModelIndex, object], None]

#: The role under which models give an editable cell's raw text (display text may be decorated).
EditRole = Qt.ItemDataRole.EditRole


def _header(index: ModelIndex) -> str:
    """The column's title, the accessible name of an editor opened in it."""
    return str(index.model().headerData(index.column(), Qt.Orientation.Horizontal) or "")


def _editor_text(index: ModelIndex) -> str:
    value = index.data(EditRole)
    return "" if value is None else str(value)


class StagingDelegate(QStyledItemDelegate):
    """A line editor whose each edit goes to `sink`; closing it writes at once (`on_close`)."""

    def __init__(self, sink: TextSink, on_close: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._sink = sink
        self.closeEditor.connect(lambda *_: on_close())

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = StagedLineEdit(parent)
        editor.setAccessibleName(_header(index))
        persistent = QPersistentModelIndex(index)
        editor.textEdited.connect(lambda text: self._sink(QModelIndex(persistent), text))
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        # Called again whenever the cell's data changes: show_text keeps the caret if unchanged.
        editor.show_text(_editor_text(index))  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        """Nothing to do: every edit has already gone to the session."""


class DateDelegate(StagingDelegate):
    """A date cell: typed text ("kontinuerligt", "2025-05-30") or a date from the calendar."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = DateTextEdit(parent)
        editor.setAutoFillBackground(True)
        editor.setAccessibleName(_header(index))
        persistent = QPersistentModelIndex(index)
        editor.textEdited.connect(lambda text: self._sink(QModelIndex(persistent), text))
        editor.datePicked.connect(lambda text: self._sink(QModelIndex(persistent), text))
        return editor


class WrappingDelegate(QStyledItemDelegate):
    """Row heights that fit word-wrapped text in a tree column (QTreeView does not measure
    wrapped text against the column width by itself)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indent = self._view.indentation() * (depth + int(self._view.rootIsDecorated()))
        width = max(self._view.header().sectionSize(index.column()) - indent - 12, 40)
        bounds = options.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), options.text
        )
        return QSize(width, bounds.height() + 6)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of (label, value) choices; picking one reports it to `sink` right away."""

    def __init__(self, choices: Choices, sink: ChoiceSink, parent: QObject) -> None:
        super().__init__(parent)
        self._choices = choices
        self._sink = sink

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(_header(index))
        for label, value in self._choices(index):
            combo.addItem(label, value)
        persistent = QPersistentModelIndex(index)

        def chosen(row: int) -> None:
            if row >= 0:  # `activated` comes from the user only, never from setEditorData
                self._sink(QModelIndex(persistent), combo.itemData(row))
                self.commitData.emit(combo)
                self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

        combo.activated.connect(chosen)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        combo: QComboBox = editor  # type: ignore[assignment]
        row = combo.findData(index.data(EditRole))
        combo.setCurrentIndex(max(row, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        """Nothing to do: the choice has already gone to the session."""


class ChecksDelegate(ChoiceDelegate):
    """A list of (label, value) choices to tick several of (Space ticks, Enter or leaving the
    cell ends); the ticked values go to `sink` as a list when editing ends."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = QListWidget(parent)
        editor.setAccessibleName(_header(index))
        editor.setAutoFillBackground(True)
        for label, value in self._choices(index):
            item = QListWidgetItem(label, editor)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> None:
        rows = max(min(editor.count(), 8), 1)  # type: ignore[attr-defined]
        height = editor.sizeHintForRow(0) * rows + 6  # type: ignore[attr-defined]
        editor.setGeometry(option.rect.x(), option.rect.y(), max(option.rect.width(), 320), height)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        chosen = set(index.data(EditRole) or ())
        for row in range(editor.count()):  # type: ignore[attr-defined]
            item = editor.item(row)  # type: ignore[attr-defined]
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        """Report the ticked values (the model itself is never written by the view)."""
        chosen = [
            editor.item(row).data(Qt.ItemDataRole.UserRole)  # type: ignore[attr-defined]
            for row in range(editor.count())  # type: ignore[attr-defined]
            if editor.item(row).checkState() == Qt.CheckState.Checked  # type: ignore[attr-defined]
        ]
        self._sink(index, chosen)
