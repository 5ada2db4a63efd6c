"""One section's criteria grouped under Föreskrift / Allmänna råd / Kvalitetsindikatorer.

A thin item model over the section's criteria and the inspection's assessments: group rows at the
top level, criteria beneath, columns Kriterium | Status | Anteckning. A refresh changes only the
cells whose values differ, so selection and an open note editor survive autosave.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from spurdesk.model.criteria import KIND_ORDER, Criterion, CriterionKind, Section
from spurdesk.model.inspection import CriterionAssessment, CriterionStatus, SectionAssessment
from spurdesk.ui.inspection.indexes import NO_PARENT, ModelIndex
from spurdesk.ui.inspection.labels import criterion_kind_heading, criterion_status_label

COLUMN_CRITERION, COLUMN_STATUS, COLUMN_NOTE = range(3)
_GROUP = 0  # internalId of group rows; criteria rows carry their group's row + 1

#: The criterion id of a criterion row (None on group rows).
CriterionIdRole = Qt.ItemDataRole.UserRole + 1


class CriteriaModel(QAbstractItemModel):
    def __init__(self, section: Section, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._section = section
        self._groups: list[tuple[CriterionKind, tuple[Criterion, ...]]] = [
            (kind, section.criteria_of_kind(kind)) for kind in KIND_ORDER if section.has_kind(kind)
        ]
        self._assessments: dict[str, CriterionAssessment] = {}

    # data ----------------------------------------------------------------------------------

    def set_assessment(self, assessment: SectionAssessment) -> None:
        """Take the statuses and notes of a new record; signal only rows that changed."""
        for group_row, (_, criteria) in enumerate(self._groups):
            parent = self.index(group_row, 0)
            for row, criterion in enumerate(criteria):
                new = assessment.criterion(criterion.id)
                if self._assessments.get(criterion.id) != new:
                    self._assessments[criterion.id] = new
                    self.dataChanged.emit(
                        self.index(row, COLUMN_STATUS, parent), self.index(row, COLUMN_NOTE, parent)
                    )

    def assessment(self, criterion_id: str) -> CriterionAssessment:
        return self._assessments.get(criterion_id, CriterionAssessment(criterion_id))

    def criterion_at(self, index: ModelIndex) -> Criterion | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of(self, criterion_id: str, column: int = COLUMN_CRITERION) -> QModelIndex:
        for group_row, (_, criteria) in enumerate(self._groups):
            for row, criterion in enumerate(criteria):
                if criterion.id == criterion_id:
                    return self.index(row, column, self.index(group_row, 0))
        return QModelIndex()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        for row in range(len(self._groups)):
            group = self.index(row, 0)
            self.dataChanged.emit(group, group)
            count = self.rowCount(group)
            if count:
                self.dataChanged.emit(
                    self.index(0, COLUMN_STATUS, group), self.index(count - 1, COLUMN_STATUS, group)
                )

    # QAbstractItemModel --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = NO_PARENT) -> QModelIndex:
        if not 0 <= column < 3:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, _GROUP)
                if 0 <= row < len(self._groups)
                else QModelIndex()
            )
        if parent.internalId() != _GROUP:
            return QModelIndex()
        criteria = self._groups[parent.row()][1]
        return (
            self.createIndex(row, column, parent.row() + 1)
            if 0 <= row < len(criteria)
            else QModelIndex()
        )

    def parent(self, index: ModelIndex = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("CriteriaModel", "Kriterium"),
                QCoreApplication.translate("CriteriaModel", "Status"),
                QCoreApplication.translate("CriteriaModel", "Anteckning"),
            )[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _GROUP and index.column() in (COLUMN_STATUS, COLUMN_NOTE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        criterion = self.criterion_at(index)
        assert criterion is not None
        assessment = self.assessment(criterion.id)
        column = index.column()
        if role == CriterionIdRole:
            return criterion.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == COLUMN_CRITERION:
                return f"{criterion.id}  {criterion.text}"
            if column == COLUMN_STATUS:
                return criterion_status_label(assessment.status)
            return assessment.note
        if role == Qt.ItemDataRole.EditRole:
            if column == COLUMN_STATUS:
                return assessment.status
            if column == COLUMN_NOTE:
                return assessment.note
            return criterion.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COLUMN_CRITERION:
                return f"{criterion.id}: {criterion.text}" + (
                    f"\n\n{criterion.note}" if criterion.note else ""
                )
            if column == COLUMN_STATUS:
                return QCoreApplication.translate(
                    "CriteriaModel",
                    "Tangenterna 1–4 väljer Uppfyllt, Delvis, Ej uppfyllt, Ej bedömt",
                )
        if role == Qt.ItemDataRole.ForegroundRole and column == COLUMN_STATUS:
            return _status_brush(assessment.status)
        return None

    def _group_data(self, index: ModelIndex, role: int) -> object:
        kind = self._groups[index.row()][0]
        if index.column() != COLUMN_CRITERION:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return criterion_kind_heading(kind)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


def _status_brush(status: CriterionStatus) -> QBrush | None:
    """Unmet criteria stand out; colours are taken so they read on light and dark palettes."""
    palette = QApplication.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    colors = {
        CriterionStatus.NOT_MET: "#ff7b72" if dark else "#b42318",
        CriterionStatus.PARTLY_MET: "#e3b341" if dark else "#9a6700",
        CriterionStatus.MET: "#56d364" if dark else "#1a7f37",
    }
    color = colors.get(status)
    if color is None:
        return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
    return QBrush(color)
