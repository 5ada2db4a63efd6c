"""Handlingsplan: the action items, generated from the deficiencies plus manual rows.

Rows for deficiencies where action is required (a föreskrift unmet in a section graded D) are
added on request (one undoable step), never behind the user's back; rows for deficiencies where
action is only recommended are the inspectors' choice (Ny rad). The page says how many required
deficiencies still lack a row. One row may answer several criteria of its section ("Besvarar
även"). Text and date cells autosave while typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)

from spurdesk.library.text_keys import ActionTextKey
from spurdesk.model.action_fields import FieldKind
from spurdesk.model.grading import inspection_deficiencies
from spurdesk.model.inspection import ActionItemStatus, Inspection
from spurdesk.model.plan_rules import answered_criteria, row_required, unanswered_required
from spurdesk.ui.inspection.action_plan_model import COLUMNS, ActionPlanModel
from spurdesk.ui.inspection.delegates import (
    ChecksDelegate,
    ChoiceDelegate,
    DateDelegate,
    StagingDelegate,
)
from spurdesk.ui.inspection.labels import action_status_label
from spurdesk.ui.inspection.page import InspectionPage, heading, page_layout, wrapped
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.undo import (
    add_action_item_command,
    edit_action_item_command,
    remove_action_item_command,
    sync_action_items_command,
)

_PLANNED_ACTION_COLUMN = next(n for n, c in enumerate(COLUMNS) if c.name == "planned_action")
_COLUMN_WIDTHS = {
    "section_id": 64,
    "criterion_id": 70,
    "further_criteria": 90,
    "due": 110,
    "responsible": 130,
    "follow_up": 110,
    "follow_up_responsible": 130,
    "status": 96,
}


def missing_deficiencies(inspection: Inspection) -> tuple[int, int]:
    """(required, recommended): deficiencies no row answers, where action is required (what
    `Library.sync_action_items` adds rows for) and where it is only recommended."""
    answered = answered_criteria(inspection)
    recommended = [
        d
        for d in inspection_deficiencies(inspection)
        if not d.action_required and d.criterion_id not in answered
    ]
    return len(unanswered_required(inspection)), len(recommended)


class ActionPlanPage(InspectionPage):
    def __init__(
        self, session: LibrarySession, inspection: Inspection, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, inspection, parent)
        layout = page_layout(self)
        self.title = heading()
        self.missing_label = wrapped()
        self.sync_button = QPushButton()
        self.sync_action = self._action(QKeySequence("Ctrl+Shift+G"), self.sync, self)
        self.sync_button.clicked.connect(self.sync_action.trigger)
        top = QHBoxLayout()
        top.addWidget(self.missing_label, 1)
        top.addWidget(self.sync_button)

        self.model = ActionPlanModel(inspection.criteria, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        text = StagingDelegate(self._text_edited, self.session.flush, self.view)
        date = DateDelegate(self._text_edited, self.session.flush, self.view)
        choice = ChoiceDelegate(self._choices, self._chosen, self.view)
        checks = ChecksDelegate(self._choices, self._chosen, self.view)
        header = self.view.horizontalHeader()
        for number, column in enumerate(COLUMNS):
            delegate = {
                FieldKind.TEXT: text,
                FieldKind.PERSON: text,
                FieldKind.DATE_TEXT: date,
                FieldKind.LINK: choice,
                FieldKind.LINKS: checks,
                FieldKind.STATUS: choice,
            }[column.kind]
            self.view.setItemDelegateForColumn(number, delegate)
            if column.name == "planned_action":
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(number, _COLUMN_WIDTHS[column.name])
        header.setMinimumSectionSize(50)
        self._fit_rows = QTimer(self, singleShot=True, interval=50)
        self._fit_rows.timeout.connect(self.view.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())

        buttons = QHBoxLayout()
        self.add_action = self._action(
            QKeySequence(Qt.Key.Key_Insert), self.add, self.view, Qt.ShortcutContext.WidgetShortcut
        )
        self.remove_action = self._action(
            QKeySequence(Qt.Key.Key_Delete),
            self.remove,
            self.view,
            Qt.ShortcutContext.WidgetShortcut,
        )
        for action in (self.add_action, self.remove_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.sync_button, self.view)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.retranslate()
        self.refresh(inspection)

    def _action(
        self,
        shortcut: QKeySequence,
        handler: Callable[[], None],
        owner: QWidget,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
    ) -> QAction:
        """An action whose shortcut works while `owner` (or, by default, its children) has focus."""
        action = QAction(self)
        action.setShortcut(shortcut)
        action.setShortcutContext(context)
        action.triggered.connect(handler)
        owner.addAction(action)
        return action

    def retranslate(self) -> None:
        self.title.setText(self.tr("Handlingsplan"))
        self.view.setAccessibleName(self.tr("Handlingsplanens rader"))
        self.sync_action.setText(self.tr("Skapa rader från brister"))
        self.sync_button.setText(self.tr("Skapa rader från brister"))
        self.sync_button.setAccessibleName(self.tr("Skapa rader från brister"))
        self.add_action.setText(self.tr("Ny rad"))
        self.add_action.setToolTip(self.tr("Ny rad (Insert)"))
        self.remove_action.setText(self.tr("Ta bort rad"))
        self.remove_action.setToolTip(self.tr("Ta bort raden (Delete)"))
        self.model.retranslate()
        self._show_missing()

    def refresh(self, inspection: Inspection) -> None:
        super().refresh(inspection)
        self.model.set_items(inspection.action_items)
        self.model.set_requirements(
            {item.id: row_required(inspection, item) for item in inspection.action_items}
        )
        self._fit_rows.start()
        self._show_missing()
        self._update_actions()

    def _show_missing(self) -> None:
        missing, recommended = missing_deficiencies(self.inspection)
        if missing:
            text = self.tr("%n brist(er) där åtgärder krävs saknar rad.", "", missing)
        elif any(d.action_required for d in inspection_deficiencies(self.inspection)):
            text = self.tr("Varje brist där åtgärder krävs har en rad i handlingsplanen.")
        else:
            text = self.tr("Inga brister där åtgärder krävs (ingen föreskrift ouppfylld i ett D).")
        if recommended:
            text += " " + self.tr(
                "%n brist(er) där åtgärder rekommenderas har ingen rad; lägg till en om ni vill.",
                "",
                recommended,
            )
        self.missing_label.setText(text)
        self.sync_button.setEnabled(missing > 0)
        self.sync_button.setToolTip(
            self.tr(
                "Lägger till en rad för varje brist där åtgärder krävs och som saknar en "
                "(Ctrl+Shift+G)"
            )
        )
        self.sync_action.setEnabled(missing > 0)

    def _update_actions(self) -> None:
        self.remove_action.setEnabled(self.view.currentIndex().isValid())

    # editing -------------------------------------------------------------------------------

    def sync(self) -> None:
        if missing_deficiencies(self.inspection)[0]:
            self.push(sync_action_items_command(self.session, self.inspection_id))

    def add(self) -> None:
        row = self.view.currentIndex().row()
        fields: dict[str, object] = {}
        if row >= 0:
            current = self.model.item(row)
            fields = {"section_id": current.section_id, "position": current.position + 1}
        command = add_action_item_command(self.session, self.inspection_id, fields)
        if self.push(command) and command.item_id is not None:
            new_row = self.model.row_of(command.item_id)
            index = self.model.index(new_row, _PLANNED_ACTION_COLUMN)
            self.view.setCurrentIndex(index)
            self.view.setFocus()
            self.view.edit(index)

    def remove(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        item = self.model.item(index.row())
        self.push(remove_action_item_command(self.session, self.inspection_id, item))

    def _text_edited(self, index: QModelIndex, text: str) -> None:
        item = self.model.item(index.row())
        field = COLUMNS[index.column()].name
        key = ActionTextKey(item.id, field)
        self.stage(key, getattr(item, field), text, self.tr("Ändra rad i handlingsplanen"))

    def _choices(self, index: QModelIndex) -> list[tuple[str, object]]:
        field = COLUMNS[index.column()].name
        criteria = self.inspection.criteria
        if field == "status":
            return [(action_status_label(s), s) for s in ActionItemStatus]
        if field == "section_id":
            return [("–", None)] + [(s.label, s.id) for s in criteria.sections]
        item = self.model.item(index.row())
        section_id = item.section_id
        sections = [criteria.section(section_id)] if section_id else criteria.sections
        found = [(f"{c.id} {c.text[:60]}", c.id) for s in sections for c in s.criteria]
        if field == "further_criteria":  # the row's own section, without its own criterion
            return [entry for entry in found if entry[1] != item.criterion_id]
        return [("–", None), *found]

    def _chosen(self, index: QModelIndex, value: object) -> None:
        item = self.model.item(index.row())
        field = COLUMNS[index.column()].name
        if field == "further_criteria":
            value = tuple(value)  # type: ignore[call-overload]
        if getattr(item, field) == value:
            return
        old: dict[str, object] = {field: getattr(item, field)}
        new: dict[str, object] = {field: value}
        criteria = self.inspection.criteria
        # A criterion of another section (or of none: the library would derive the section
        # from the criterion again) no longer fits the row.
        if (
            field == "section_id"
            and item.criterion_id
            and (value is None or criteria.section_of(item.criterion_id).id != value)
        ):
            old["criterion_id"], new["criterion_id"] = item.criterion_id, None
        if field == "section_id" and item.further_criteria and value != item.section_id:
            old["further_criteria"], new["further_criteria"] = item.further_criteria, ()
        if field == "criterion_id" and value is not None and item.section_id is None:
            section_id = criteria.section_of(str(value)).id
            old["section_id"], new["section_id"] = None, section_id
        self.push(edit_action_item_command(self.session, self.inspection_id, item.id, old, new))
