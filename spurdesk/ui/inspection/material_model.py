"""The material requested from the unit as a table: one row per item, its dates, the criteria it
is evidence for, its file and a note. Edits are not written here: `edited` asks the page to push
an undoable command, and the table shows the record the library hands back."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QObject, Qt, Signal

from spurdesk.model.material import MaterialItem
from spurdesk.ui.inspection.indexes import NO_PARENT, ModelIndex

#: The columns: a MaterialItem field name each ("file" is the attachment, not editable here).
COLUMNS = ("title", "requested_on", "received_on", "criteria", "file", "note")
EDITABLE = frozenset(COLUMNS) - {"file"}


def column_titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("MaterialModel", "Underlag"),
        QCoreApplication.translate("MaterialModel", "Begärt"),
        QCoreApplication.translate("MaterialModel", "Inkom"),
        QCoreApplication.translate("MaterialModel", "Belyser kriterier"),
        QCoreApplication.translate("MaterialModel", "Fil"),
        QCoreApplication.translate("MaterialModel", "Anteckning"),
    )


def size_text(size: int) -> str:
    """ "340 kB", "2,4 MB": file sizes as Swedish readers write them."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def _shown(item: MaterialItem, name: str) -> str:
    value = getattr(item, name, None)
    if name == "file":
        attachment = item.attachment
        return f"{attachment.name} ({size_text(attachment.size)})" if attachment else ""
    if isinstance(value, date):
        return value.isoformat()
    if name == "criteria":
        return ", ".join(item.criteria)
    return "" if value is None else str(value)


def parsed(name: str, text: str) -> Any:
    """A cell's typed text as the verb's value: dates stay text (the library checks them and
    says what is wrong), criteria become a list, empty dates None."""
    text = text.strip()
    if name in ("requested_on", "received_on"):
        return text or None
    if name == "criteria":
        return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    return text


class MaterialModel(QAbstractTableModel):
    #: (item id, field name, the value typed) — a request to change, not a change.
    edited = Signal(int, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[MaterialItem, ...] = ()
        self._titles = column_titles()

    def retranslate(self) -> None:
        self._titles = column_titles()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def set_items(self, items: tuple[MaterialItem, ...]) -> None:
        if items == self._items:
            return
        if [i.id for i in items] == [i.id for i in self._items]:
            self._items = items
            self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item(self, row: int) -> MaterialItem:
        return self._items[row]

    def row_of(self, item_id: int) -> int:
        return next((row for row, item in enumerate(self._items) if item.id == item_id), -1)

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, name = self._items[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _shown(item, name)
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "file" and item.attachment is not None:
                return (
                    QCoreApplication.translate("MaterialModel", "%1, %2 (SHA-256 %3)")
                    .replace("%1", item.attachment.name)
                    .replace("%2", item.attachment.kind.label)
                    .replace("%3", item.attachment.sha256[:16] + "…")
                )
            if name in ("requested_on", "received_on"):
                return QCoreApplication.translate("MaterialModel", "Datum som ÅÅÅÅ-MM-DD")
            if name == "criteria":
                return QCoreApplication.translate(
                    "MaterialModel", "Kriterier som underlaget belyser, t.ex. D.5, F.1"
                )
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        item, name = self._items[index.row()], COLUMNS[index.column()]
        if name not in EDITABLE or str(value) == _shown(item, name):
            return False
        self.edited.emit(item.id, name, parsed(name, str(value)))
        return False  # the refreshed record shows the outcome
