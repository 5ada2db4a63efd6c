"""Item models of the result page: one summary list per kind, and the grade overview."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QObject,
    Qt,
)

from spurdesk.model.inspection import CriterionStatus, Inspection, SummaryItem, SummaryKind
from spurdesk.ui.inspection.indexes import NO_PARENT, ModelIndex
from spurdesk.ui.inspection.labels import summary_kind_heading
from spurdesk.ui.inspection.navigation import assessed_count


class SummaryListModel(QAbstractListModel):
    """The items of one kind (Styrkor, Svagheter or Förbättringspotential), in their order."""

    def __init__(self, kind: SummaryKind, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._items: tuple[SummaryItem, ...] = ()

    def set_items(self, items: tuple[SummaryItem, ...]) -> None:
        """Take a new record's items: texts change in place; added, removed or moved rows reset
        the list (rare, and it keeps the model trivially consistent)."""
        if tuple(i.id for i in items) == tuple(i.id for i in self._items):
            old, self._items = self._items, items
            for row, (before, after) in enumerate(zip(old, items, strict=True)):
                if before.text != after.text:
                    index = self.index(row)
                    self.dataChanged.emit(index, index)
            return
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item(self, row: int) -> SummaryItem:
        return self._items[row]

    def row_of(self, item_id: int) -> int:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return -1

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return summary_kind_heading(self.kind)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return item.text
        return None


GRADE_COLUMNS = 5
PREVIOUS_COLUMN = 3  # hidden when the inspection is not a re-inspection


class GradeOverviewModel(QAbstractTableModel):
    """Every section: visit grade, revised grade, the previous inspection's grade, assessed."""

    def __init__(self, inspection: Inspection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inspection = inspection

    def set_inspection(self, inspection: Inspection) -> None:
        self._inspection = inspection
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, GRADE_COLUMNS - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, GRADE_COLUMNS - 1)

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._inspection.criteria.sections)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else GRADE_COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("SummaryModels", "Avsnitt"),
                QCoreApplication.translate("SummaryModels", "Gradering"),
                QCoreApplication.translate("SummaryModels", "Ändrad"),
                QCoreApplication.translate("SummaryModels", "Föregående granskning"),
                QCoreApplication.translate("SummaryModels", "Bedömda kriterier"),
            )[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        section = self._inspection.criteria.sections[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        assessment = self._inspection.section(section.id)
        column = index.column()
        if column == 0:
            return section.label
        if column == 1:
            return assessment.grade.value if assessment.grade else "–"
        if column == 2:
            return assessment.revised_grade.value if assessment.revised_grade else ""
        if column == 3:
            previous = self._inspection.previous_grades.get(section.id)
            return previous.value if previous else ""
        assessed, total = assessed_count(self._inspection, section.id)
        return f"{assessed}/{total}"


def overview_warnings(inspection: Inspection) -> list[str]:
    """What still keeps the report from being complete, one sentence per kind of gap."""
    sections = inspection.criteria.sections
    ungraded = [s.id for s in sections if inspection.section(s.id).grade is None]
    unassessed = [
        c.id
        for s in sections
        for c in s.criteria
        if inspection.section(s.id).criterion(c.id).status == CriterionStatus.NOT_ASSESSED
    ]
    warnings = []
    if ungraded:
        warnings.append(
            QCoreApplication.translate("SummaryModels", "Avsnitt utan gradering: %1.").replace(
                "%1", ", ".join(ungraded)
            )
        )
    if unassessed:
        shown = ", ".join(unassessed[:12]) + (" …" if len(unassessed) > 12 else "")
        warnings.append(
            QCoreApplication.translate("SummaryModels", "%1 kriterier är inte bedömda: %2.")
            .replace("%1", str(len(unassessed)))
            .replace("%2", shown)
        )
    return warnings
