"""The handlingsplan as a table: one row per action item, in the report's column order."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont

from spurdesk.model.action_fields import ActionField, action_field
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.inspection import ActionItem
from spurdesk.ui.inspection.indexes import NO_PARENT, ModelIndex
from spurdesk.ui.inspection.labels import action_status_label, requirement_label

#: The editor's columns, in the report's order; each is the model's ActionField (name, kind …).
COLUMNS: tuple[ActionField, ...] = tuple(
    action_field(name)
    for name in (
        "section_id",
        "criterion_id",
        "further_criteria",
        "planned_action",
        "due",
        "responsible",
        "follow_up",
        "follow_up_responsible",
        "status",
    )
)


def column_titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("ActionPlanModel", "Avsnitt"),
        QCoreApplication.translate("ActionPlanModel", "Kriterium"),
        QCoreApplication.translate("ActionPlanModel", "Besvarar även"),
        QCoreApplication.translate("ActionPlanModel", "Planerad åtgärd"),
        QCoreApplication.translate("ActionPlanModel", "Klart senast"),
        QCoreApplication.translate("ActionPlanModel", "Ansvarig"),
        QCoreApplication.translate("ActionPlanModel", "Uppföljning"),
        QCoreApplication.translate("ActionPlanModel", "Följs upp av"),
        QCoreApplication.translate("ActionPlanModel", "Status"),
    )


def column_tooltips() -> dict[str, str]:
    return {
        "further_criteria": QCoreApplication.translate(
            "ActionPlanModel", "Fler kriterier i avsnittet som raden besvarar"
        ),
        "responsible": QCoreApplication.translate("ActionPlanModel", "Ansvarig för genomförandet"),
        "follow_up_responsible": QCoreApplication.translate(
            "ActionPlanModel", "Ansvarig för uppföljningen"
        ),
        "due": QCoreApplication.translate(
            "ActionPlanModel",
            'Datum när åtgärden ska vara genomförd — ett datum eller t.ex. "kontinuerligt"',
        ),
        "follow_up": QCoreApplication.translate(
            "ActionPlanModel", "Datum för uppföljning — ett datum eller text"
        ),
    }


class ActionPlanModel(QAbstractTableModel):
    def __init__(self, criteria: CriteriaSet, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria = criteria
        self._items: tuple[ActionItem, ...] = ()
        self._required: dict[int, bool | None] = {}

    def set_requirements(self, required: dict[int, bool | None]) -> None:
        """Per row id: True where the row answers a deficiency requiring action, False where
        only recommended ones, None where none (shown on the criterion cell)."""
        if required != self._required:
            self._required = required
            if self._items:
                column = COLUMNS.index(action_field("criterion_id"))
                self.dataChanged.emit(
                    self.index(0, column), self.index(len(self._items) - 1, column)
                )

    def set_items(self, items: tuple[ActionItem, ...]) -> None:
        """Changed cells in place when the rows are the same; otherwise a reset."""
        if tuple(i.id for i in items) != tuple(i.id for i in self._items):
            self.beginResetModel()
            self._items = items
            self.endResetModel()
            return
        old, self._items = self._items, items
        for row, (before, after) in enumerate(zip(old, items, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def item(self, row: int) -> ActionItem:
        return self._items[row]

    def row_of(self, item_id: int) -> int:
        return next((row for row, item in enumerate(self._items) if item.id == item_id), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, len(COLUMNS) - 1)
            )

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return column_tooltips().get(COLUMNS[section].name)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = COLUMNS[index.column()]
        value = getattr(item, column.name)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(column.name, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(column.name, item)
        required = self._required.get(item.id)
        if role == Qt.ItemDataRole.FontRole and column.name == "criterion_id" and required:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, field: str, value: object) -> str:
        if field == "section_id":
            return str(value) if value else "–"
        if field == "criterion_id":
            return str(value) if value else "–"
        if field == "further_criteria":
            return ", ".join(value) if value else ""  # type: ignore[arg-type]
        if field == "status":
            return action_status_label(value)  # type: ignore[arg-type]
        return "" if value is None else str(value)

    def _tooltip(self, field: str, item: ActionItem) -> str | None:
        if field == "section_id" and item.section_id:
            return self._section_label(item.section_id)
        if field == "criterion_id" and item.criterion_id:
            try:
                criterion = self._criteria.criterion(item.criterion_id)
            except KeyError:
                return item.criterion_id
            need = requirement_label(self._required.get(item.id))
            text = f"{criterion.id}: {criterion.text}"
            return f"{text}\n{need}" if need else text
        if field == "further_criteria" and item.further_criteria:
            texts = []
            for criterion_id in item.further_criteria:
                try:
                    texts.append(f"{criterion_id}: {self._criteria.criterion(criterion_id).text}")
                except KeyError:
                    texts.append(criterion_id)
            return "\n".join(texts)
        text = getattr(item, field)
        return text if isinstance(text, str) and text else None

    def _section_label(self, section_id: str) -> str:
        try:
            return self._criteria.section(section_id).label
        except KeyError:
            return section_id
