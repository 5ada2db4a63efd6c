"""The inspection window's navigation tree: Översikt; Struktur A–C; Process D–H; Resultat;
Handlingsplan — with each section's grade and how many of its criteria are assessed."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont

from spurdesk.model.inspection import CriterionStatus, Inspection, SectionAssessment
from spurdesk.ui.inspection.indexes import NO_PARENT, ModelIndex


class NodeKind(Enum):
    OVERVIEW = "overview"
    AREA = "area"
    SECTION = "section"
    RESULT = "result"
    ACTION_PLAN = "action_plan"


@dataclass(eq=False)
class NavNode:
    kind: NodeKind
    key: str  # section id, area kind, or the page name
    parent: NavNode | None = None
    children: list[NavNode] = field(default_factory=list)

    def row(self) -> int:
        siblings = self.parent.children if self.parent else []
        return siblings.index(self) if self.parent else 0


#: The `key` of the nodes that are pages rather than sections.
PAGE_KEYS = {
    NodeKind.OVERVIEW: "overview",
    NodeKind.RESULT: "result",
    NodeKind.ACTION_PLAN: "action_plan",
}


def grade_text(assessment: SectionAssessment) -> str:
    """ "D → C" after a revision, "D" without, "–" when not graded."""
    if assessment.grade is None:
        return "–" if assessment.revised_grade is None else f"– → {assessment.revised_grade}"
    if assessment.revised_grade is not None:
        return f"{assessment.grade} → {assessment.revised_grade}"
    return str(assessment.grade)


def assessed_count(inspection: Inspection, section_id: str) -> tuple[int, int]:
    """(assessed, total) criteria of one section."""
    section = inspection.criteria.section(section_id)
    assessment = inspection.section(section_id)
    assessed = sum(
        1
        for criterion in section.criteria
        if assessment.criterion(criterion.id).status != CriterionStatus.NOT_ASSESSED
    )
    return assessed, len(section.criteria)


class NavigationModel(QAbstractItemModel):
    """Two columns: the node's name and, for sections, "D → C · 12/14 bedömda"."""

    def __init__(self, inspection: Inspection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inspection = inspection
        self._root = NavNode(NodeKind.AREA, "")
        self._build()
        self._shown: dict[int, str] = {id(node): self._state(node) for node in self._nodes()}

    def _add(self, parent: NavNode, kind: NodeKind, key: str) -> NavNode:
        node = NavNode(kind, key, parent)
        parent.children.append(node)
        return node

    def _build(self) -> None:
        self._add(self._root, NodeKind.OVERVIEW, PAGE_KEYS[NodeKind.OVERVIEW])
        for area in self._inspection.criteria.areas:
            if not area.sections:
                continue
            area_node = self._add(self._root, NodeKind.AREA, area.kind.value)
            for section in area.sections:
                self._add(area_node, NodeKind.SECTION, section.id)
        self._add(self._root, NodeKind.RESULT, PAGE_KEYS[NodeKind.RESULT])
        self._add(self._root, NodeKind.ACTION_PLAN, PAGE_KEYS[NodeKind.ACTION_PLAN])

    def set_inspection(self, inspection: Inspection) -> None:
        """New record after a change: the tree's shape never changes, and only rows whose
        grade or count differ are signalled (autosave refreshes often; views re-measure)."""
        self._inspection = inspection
        for node in self._nodes():
            state = self._state(node)
            if self._shown.get(id(node)) != state:
                self._shown[id(node)] = state
                index = self.createIndex(node.row(), 1, node)
                self.dataChanged.emit(index, index)

    def _nodes(self) -> list[NavNode]:
        nodes: list[NavNode] = []
        pending = list(self._root.children)
        while pending:
            node = pending.pop(0)
            nodes.append(node)
            pending.extend(node.children)
        return nodes

    def retranslate(self) -> None:
        last = len(self._root.children) - 1
        self.dataChanged.emit(self.index(0, 0), self.index(last, 1))
        for area in self._root.children:
            if area.children:
                parent = self.createIndex(area.row(), 0, area)
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(area.children) - 1, 1, parent)
                )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)

    # lookup --------------------------------------------------------------------------------

    def node(self, index: ModelIndex) -> NavNode:
        return index.internalPointer() if index.isValid() else self._root  # type: ignore[return-value]

    def index_of(self, kind: NodeKind, key: str | None = None) -> QModelIndex:
        """The index of the first node of `kind` (with `key`, if given)."""
        for node in self._nodes():
            if node.kind == kind and (key is None or node.key == key):
                return self.createIndex(node.row(), 0, node)
        return QModelIndex()

    # QAbstractItemModel --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = NO_PARENT) -> QModelIndex:
        node = self.node(parent)
        if 0 <= row < len(node.children) and 0 <= column < 2:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: ModelIndex = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self.node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 2

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("NavigationModel", "Del")
                if section == 0
                else QCoreApplication.translate("NavigationModel", "Gradering")
            )
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(node) if index.column() == 0 else self._state(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.FontRole and node.kind == NodeKind.AREA:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = self._state(node)
            return f"{self._label(node)} {state}".strip()
        return None

    def _label(self, node: NavNode) -> str:
        criteria = self._inspection.criteria
        if node.kind == NodeKind.OVERVIEW:
            return QCoreApplication.translate("NavigationModel", "Översikt")
        if node.kind == NodeKind.RESULT:
            return QCoreApplication.translate("NavigationModel", "Resultat")
        if node.kind == NodeKind.ACTION_PLAN:
            return QCoreApplication.translate("NavigationModel", "Handlingsplan")
        if node.kind == NodeKind.AREA:
            return next(a.title for a in criteria.areas if a.kind.value == node.key)
        return criteria.section(node.key).label

    def _state(self, node: NavNode) -> str:
        if node.kind == NodeKind.SECTION:
            assessed, total = assessed_count(self._inspection, node.key)
            return f"{grade_text(self._inspection.section(node.key))} · {assessed}/{total}"
        if node.kind == NodeKind.ACTION_PLAN:
            rows = len(self._inspection.action_items)
            return self.tr("%n rad(er)", "", rows)
        return ""

    def _tooltip(self, node: NavNode) -> str | None:
        if node.kind != NodeKind.SECTION:
            return self._label(node)
        assessed, total = assessed_count(self._inspection, node.key)
        return (
            QCoreApplication.translate(
                "NavigationModel", "%4\nGradering: %1. %2 av %3 kriterier bedömda."
            )
            .replace("%4", self._label(node))
            .replace("%1", grade_text(self._inspection.section(node.key)))
            .replace("%2", str(assessed))
            .replace("%3", str(total))
        )
