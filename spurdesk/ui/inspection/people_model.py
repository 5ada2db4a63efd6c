"""A table over a tuple of frozen records (inspectors, participant groups).

Editing a cell does not change the model: it builds the whole new tuple and hands it to
`on_change`, which pushes the undoable command; the model shows the result after the refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt

from spurdesk.ui.inspection.indexes import NO_PARENT, ModelIndex


@dataclass(frozen=True)
class RecordColumn:
    field: str
    title: Callable[[], str]  # translated at call time, so a language switch shows at once


class RecordTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[RecordColumn],
        on_change: Callable[[tuple[Any, ...]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self.propose = on_change
        self._rows: tuple[Any, ...] = ()

    @property
    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = tuple(rows)
        if rows == self._rows:
            return
        if len(rows) == len(self._rows):
            self._rows = rows
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, len(self._columns) - 1)
            )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title()
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        return getattr(self._rows[index.row()], self._columns[index.column()].field)

    def setData(
        self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        field = self._columns[index.column()].field
        row = self._rows[index.row()]
        if isinstance(getattr(row, field), str):
            value = str(value)
        if getattr(row, field) == value:
            return False
        changed = replace(row, **{field: value})
        self.propose((*self._rows[: index.row()], changed, *self._rows[index.row() + 1 :]))
        return True

    def with_row(self, row: Any, at: int | None = None) -> tuple[Any, ...]:
        at = len(self._rows) if at is None else at
        return (*self._rows[:at], row, *self._rows[at:])

    def without_row(self, at: int) -> tuple[Any, ...]:
        return (*self._rows[:at], *self._rows[at + 1 :])
