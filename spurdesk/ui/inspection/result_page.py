"""Resultat: Styrkor / Svagheter / Förbättringspotential, the grade overview of all sections and,
for a re-inspection, the comparison with the last SPUR (chart and earlier deficiencies).

Each summary list is keyboard-driven: Insert adds a point after the current one and opens it for
typing, Delete removes it, Alt+Up / Alt+Down move it, F2 or Enter edits it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.library.text_keys import SummaryTextKey
from spurdesk.model.comparison import is_reinspection
from spurdesk.model.inspection import Inspection, SummaryKind
from spurdesk.ui.inspection.comparison_view import ComparisonView
from spurdesk.ui.inspection.delegates import StagingDelegate
from spurdesk.ui.inspection.labels import summary_kind_heading
from spurdesk.ui.inspection.page import InspectionPage, heading, page_layout, scrolling, wrapped
from spurdesk.ui.inspection.summary_model import (
    PREVIOUS_COLUMN,
    GradeOverviewModel,
    SummaryListModel,
    overview_warnings,
)
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.undo import (
    add_summary_item_command,
    move_summary_item_command,
    remove_summary_item_command,
)


class SummaryList(QWidget):
    """One kind's heading, list and buttons; edits go back to the page."""

    def __init__(self, page: ResultPage, kind: SummaryKind) -> None:
        super().__init__()
        self.page = page
        self.kind = kind
        self.model = SummaryListModel(kind, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(2)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setItemDelegate(StagingDelegate(self._edited, page.session.flush, self.view))
        self.title = heading(level=2)
        self.title.setBuddy(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.actions: dict[str, QAction] = {}
        for name, shortcut, handler in (
            ("add", QKeySequence(Qt.Key.Key_Insert), self.add),
            ("remove", QKeySequence(Qt.Key.Key_Delete), self.remove),
            ("up", QKeySequence("Alt+Up"), lambda: self.move(-1)),
            ("down", QKeySequence("Alt+Down"), lambda: self.move(1)),
        ):
            action = self._action(shortcut, handler)
            self.actions[name] = action
            button = QToolButton()
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys reach them from the list
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.view.selectionModel().currentChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)

    def _action(self, shortcut: QKeySequence, handler: Callable[[], None]) -> QAction:
        action = QAction(self)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(handler)
        self.view.addAction(action)
        return action

    def retranslate(self) -> None:
        heading_text = summary_kind_heading(self.kind)
        self.title.setText(heading_text)
        self.view.setAccessibleName(heading_text)
        texts = {
            "add": (self.tr("Lägg till"), self.tr("Lägg till en punkt (Insert)")),
            "remove": (self.tr("Ta bort"), self.tr("Ta bort punkten (Delete)")),
            "up": (self.tr("Upp"), self.tr("Flytta upp (Alt+Upp)")),
            "down": (self.tr("Ned"), self.tr("Flytta ned (Alt+Ned)")),
        }
        for name, (text, tip) in texts.items():
            self.actions[name].setText(text)
            self.actions[name].setToolTip(tip)

    def _update_actions(self) -> None:
        row = self.view.currentIndex().row()
        count = self.model.rowCount()
        self.actions["remove"].setEnabled(row >= 0)
        self.actions["up"].setEnabled(row > 0)
        self.actions["down"].setEnabled(0 <= row < count - 1)

    def show_items(self, inspection: Inspection) -> None:
        current = self.view.currentIndex()
        current_id = self.model.item(current.row()).id if current.isValid() else None
        self.model.set_items(inspection.summary_of(self.kind))
        if current_id is not None and not self.view.currentIndex().isValid():
            row = self.model.row_of(current_id)
            if row >= 0:
                self.view.setCurrentIndex(self.model.index(row))
        self._update_actions()

    def select_item(self, item_id: int, edit: bool = False) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            return
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        if edit:
            self.view.edit(index)

    # editing -------------------------------------------------------------------------------

    def _edited(self, index: QModelIndex, text: str) -> None:
        item = self.model.item(index.row())
        self.page.stage(SummaryTextKey(item.id), item.text, text, self.tr("Ändra punkt"))

    def add(self) -> None:
        row = self.view.currentIndex().row()
        position = row + 1 if row >= 0 else self.model.rowCount()
        command = add_summary_item_command(
            self.page.session, self.page.inspection_id, self.kind, "", position
        )
        if self.page.push(command) and command.item_id is not None:
            self.select_item(command.item_id, edit=True)

    def remove(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        item = self.model.item(index.row())
        if self.page.push(
            remove_summary_item_command(self.page.session, self.page.inspection_id, item)
        ):
            count = self.model.rowCount()
            if count:
                self.view.setCurrentIndex(self.model.index(min(index.row(), count - 1)))

    def move(self, step: int) -> None:
        row = self.view.currentIndex().row()
        target = row + step
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        item = self.model.item(row)
        command = move_summary_item_command(
            self.page.session, self.page.inspection_id, item.id, row, target
        )
        if self.page.push(command):
            self.select_item(item.id)


class ResultPage(InspectionPage):
    def __init__(
        self, session: LibrarySession, inspection: Inspection, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, inspection, parent)
        content = QWidget()
        layout = page_layout(content)
        self.title = heading()
        layout.addWidget(self.title)
        lists = QHBoxLayout()
        self.lists = {kind: SummaryList(self, kind) for kind in SummaryKind}
        for summary_list in self.lists.values():
            summary_list.setMinimumHeight(260)
            lists.addWidget(summary_list, 1)
        layout.addLayout(lists, 2)
        self.overview_title = heading(level=2)
        self.warnings = wrapped()
        self.warnings.setStyleSheet("color: #d1242f;")
        self.grades_model = GradeOverviewModel(inspection, self)
        self.grades_view = QTableView()
        self.grades_view.setModel(self.grades_model)
        self.grades_view.verticalHeader().hide()
        self.grades_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grades_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.grades_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.grades_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        rows = self.grades_model.rowCount()
        self.grades_view.setMinimumHeight(
            header.sizeHint().height()
            + rows * self.grades_view.verticalHeader().defaultSectionSize()
            + 4
        )
        layout.addWidget(self.overview_title)
        layout.addWidget(self.warnings)
        layout.addWidget(self.grades_view, 1)
        self.comparison = ComparisonView()
        layout.addWidget(self.comparison)
        #: The last SPUR, looked up once (None: none, or not in the library any more).
        self._previous: Inspection | None = None
        self._previous_looked_up = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))
        views = [summary_list.view for summary_list in self.lists.values()]
        for first, second in zip(views, [*views[1:], self.grades_view], strict=True):
            QWidget.setTabOrder(first, second)
        self.retranslate()
        self.refresh(inspection)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Resultat"))
        self.overview_title.setText(self.tr("Graderingar per avsnitt"))
        self.grades_view.setAccessibleName(self.tr("Graderingar per avsnitt"))
        for summary_list in self.lists.values():
            summary_list.retranslate()
        self.grades_model.retranslate()
        self.comparison.retranslate()
        self._show_warnings()

    def refresh(self, inspection: Inspection) -> None:
        super().refresh(inspection)
        for summary_list in self.lists.values():
            summary_list.show_items(inspection)
        self.grades_model.set_inspection(inspection)
        self.grades_view.setColumnHidden(PREVIOUS_COLUMN, not inspection.previous_grades)
        self.comparison.show_comparison(inspection, self._last_spur(inspection))
        self._show_warnings()

    def _last_spur(self, inspection: Inspection) -> Inspection | None:
        if is_reinspection(inspection) and not self._previous_looked_up:
            self._previous_looked_up = True
            try:
                self._previous = self.session.library.previous_inspection(inspection.id)
            except SpurdeskError:
                self._previous = None  # the comparison says the inspection is not at hand
        return self._previous

    def _show_warnings(self) -> None:
        warnings = overview_warnings(self.inspection)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))
