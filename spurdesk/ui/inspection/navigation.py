"""The inspection window's navigation tree: Översikt; Struktur A–C; Process D–H; Resultat;
Handlingsplan — with each section's grade, how many of its criteria are assessed, and who writes
it ("E. Handledning … — Erik")."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.inspection import CriterionStatus, Inspection, SectionAssessment
from spurdesk.ui.inspection.indexes import NO_PARENT, ModelIndex


class NodeKind(Enum):
    OVERVIEW = "overview"
    MATERIAL = "material"
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
    NodeKind.MATERIAL: "material",
    NodeKind.RESULT: "result",
    NodeKind.ACTION_PLAN: "action_plan",
}


# Column 0's " — Erik" of an assigned section, which the delegate keeps visible when eliding.
ASSIGNEE_ROLE = Qt.ItemDataRole.UserRole + 1
# Pixels of the style's text margins inside a cell, left for it when eliding by hand.
_TEXT_MARGINS = 12


def node_label(criteria: CriteriaSet, kind: NodeKind, key: str | None) -> str:
    """A page's name: "Översikt", "E. Handledning och kompetensbedömning", "Resultat" …"""
    if kind == NodeKind.OVERVIEW:
        return QCoreApplication.translate("NavigationModel", "Översikt")
    if kind == NodeKind.MATERIAL:
        return QCoreApplication.translate("NavigationModel", "Underlag")
    if kind == NodeKind.RESULT:
        return QCoreApplication.translate("NavigationModel", "Resultat")
    if kind == NodeKind.ACTION_PLAN:
        return QCoreApplication.translate("NavigationModel", "Handlingsplan")
    if kind == NodeKind.AREA:
        return next(a.title for a in criteria.areas if a.kind.value == key)
    return criteria.section(str(key)).label


def assignee_names(inspection: Inspection) -> dict[str, str]:
    """Each inspector's short name by uid: the first name, or the whole name where two
    inspectors share a first name."""
    first = [
        inspector.name.split()[0] if inspector.name.split() else ""
        for inspector in inspection.inspectors
    ]
    return {
        inspector.uid: short if first.count(short) == 1 and short else inspector.name
        for inspector, short in zip(inspection.inspectors, first, strict=True)
    }


def assignee_of(inspection: Inspection, section_id: str) -> str:
    """The short name of who writes the section, "" when no one (or someone since removed)."""
    uid = inspection.section(section_id).assignee_uid
    return assignee_names(inspection).get(uid, "") if uid else ""


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
        self._shown = {id(node): self._shown_texts(node) for node in self._nodes()}

    def _add(self, parent: NavNode, kind: NodeKind, key: str) -> NavNode:
        node = NavNode(kind, key, parent)
        parent.children.append(node)
        return node

    def _build(self) -> None:
        self._add(self._root, NodeKind.OVERVIEW, PAGE_KEYS[NodeKind.OVERVIEW])
        self._add(self._root, NodeKind.MATERIAL, PAGE_KEYS[NodeKind.MATERIAL])
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
        grade, count or assignee differ are signalled (autosave refreshes often; views
        re-measure)."""
        self._inspection = inspection
        for node in self._nodes():
            texts = self._shown_texts(node)
            if self._shown.get(id(node)) != texts:
                self._shown[id(node)] = texts
                self.dataChanged.emit(
                    self.createIndex(node.row(), 0, node), self.createIndex(node.row(), 1, node)
                )

    def _shown_texts(self, node: NavNode) -> tuple[str, str]:
        return self._label(node), self._state(node)

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
        if role == ASSIGNEE_ROLE and index.column() == 0:
            return self._assignee_suffix(node)
        return None

    def _assignee_suffix(self, node: NavNode) -> str:
        name = assignee_of(self._inspection, node.key) if node.kind == NodeKind.SECTION else ""
        return f" — {name}" if name else ""

    def _label(self, node: NavNode) -> str:
        label = node_label(self._inspection.criteria, node.kind, node.key)
        return label + self._assignee_suffix(node)

    def _state(self, node: NavNode) -> str:
        if node.kind == NodeKind.SECTION:
            assessed, total = assessed_count(self._inspection, node.key)
            return f"{grade_text(self._inspection.section(node.key))} · {assessed}/{total}"
        if node.kind == NodeKind.ACTION_PLAN:
            rows = len(self._inspection.action_items)
            return self.tr("%n rad(er)", "", rows)
        if node.kind == NodeKind.MATERIAL and self._inspection.material:
            received = sum(1 for item in self._inspection.material if item.received)
            return f"{received}/{len(self._inspection.material)}"
        return ""

    def _tooltip(self, node: NavNode) -> str | None:
        if node.kind != NodeKind.SECTION:
            return self._label(node)
        assessed, total = assessed_count(self._inspection, node.key)
        tooltip = (
            QCoreApplication.translate(
                "NavigationModel", "%4\nGradering: %1. %2 av %3 kriterier bedömda."
            )
            .replace("%4", node_label(self._inspection.criteria, node.kind, node.key))
            .replace("%1", grade_text(self._inspection.section(node.key)))
            .replace("%2", str(assessed))
            .replace("%3", str(total))
        )
        uid = self._inspection.section(node.key).assignee_uid
        writer = next((i.name for i in self._inspection.inspectors if i.uid and i.uid == uid), "")
        if writer:
            tooltip += "\n" + QCoreApplication.translate(
                "NavigationModel", "Skrivs av %1."
            ).replace("%1", writer)
        return tooltip


class NavigationDelegate(QStyledItemDelegate):
    """Elides a long section name before its " — Erik", so who writes it stays in view."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        suffix = str(index.data(ASSIGNEE_ROLE) or "")
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        text = str(option.text)  # type: ignore[attr-defined]
        width = option.rect.width() - _TEXT_MARGINS  # type: ignore[attr-defined]
        if not suffix or not text.endswith(suffix) or metrics.horizontalAdvance(text) <= width:
            return
        room = width - metrics.horizontalAdvance(suffix)
        name = metrics.elidedText(text[: -len(suffix)], Qt.TextElideMode.ElideRight, room)
        option.text = name + suffix  # type: ignore[attr-defined]
