"""The start view: every inspection of the library, found in a keystroke, opened with Enter.

The view reads `library.list_inspections()` into an `InspectionsModel` and changes nothing itself:
New, Duplicate, Delete, Restore and Purge are service calls through the session, after which the
session's signals make the view re-read. A Papperskorg mode lists deleted inspections to restore.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.ui.inspections_model import InspectionsFilterModel, InspectionsModel
from spurdesk.ui.session import LibrarySession

if TYPE_CHECKING:  # imported when used: the start view must appear before the library opens
    from spurdesk.library import Library
    from spurdesk.model.criteria_loader import CriteriaLibrary
    from spurdesk.model.due_dates import DueRules
    from spurdesk.model.inspection import InspectionSummary
    from spurdesk.ui.new_inspection_dialog import NewInspection, NewInspectionDialog

T = TypeVar("T")

#: After a list-level change (created, deleted, restored): re-read almost at once.
RELOAD_DELAY_MS = 300
#: After edits inside one inspection (autosave while typing in its window): re-read once the
#: typing has paused, so a large library's list is not re-read every second of typing.
EDIT_RELOAD_DELAY_MS = 3000


class StartView(QWidget):
    """The library's inspections with the actions on them; the main window's central widget."""

    openRequested = Signal(int)  # the inspection to open in an InspectionWindow
    inspectionDeleted = Signal(int)  # so an open window on it can close
    message = Signal(str)  # a short note for the status bar
    unitsRequested = Signal()  # the user asks for the register of units (Enheter)

    def __init__(
        self,
        session: LibrarySession | None,
        criteria: CriteriaLibrary | None,
        parent: QWidget | None = None,
        due_rules: Callable[[], DueRules] | None = None,
    ) -> None:
        """Without a session the view is a placeholder saying the library is being opened.
        `due_rules` gives the register's interval setting (default: five years)."""
        super().__init__(parent)
        self.setObjectName("startView")
        self._session = session
        self._criteria = criteria
        self._due_rules = due_rules
        self._dirty = True
        self.overdue_count = 0
        # Units past their next SPUR or never inspected, and overdue deficiency follow-ups.
        self.units_due = (0, 0)
        self.new_dialog: NewInspectionDialog | None = None

        self.model = InspectionsModel(self)
        self.trash_model = InspectionsModel(self, trash=True)
        self.proxy = InspectionsFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self._build_actions()
        self._build_widgets()

        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        if session is not None:
            self._connect_session()
        else:
            self._dirty = False
        self.retranslate()
        self.reload()

    # construction -------------------------------------------------------------------------------
    def _action(
        self, name: str, slot: Callable[[], object], shortcut: QKeySequence | str
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("newAction", self.new_inspection, "Ctrl+N")
        self.open_action = self._action("openAction", self.open_selected, "Ctrl+O")
        self.duplicate_action = self._action(
            "duplicateAction", self.duplicate_selected, "Ctrl+Shift+D"
        )
        self.delete_action = self._action("deleteAction", self.delete_selected, "Del")
        self.restore_action = self._action("restoreAction", self.restore_selected, "Ctrl+Shift+R")
        self.purge_action = self._action("purgeAction", self.purge_selected, "Shift+Del")
        self.trash_action = self._action("trashAction", self._toggle_trash, "Ctrl+Shift+T")
        self.trash_action.setCheckable(True)
        self.filter_action = self._action("filterAction", self.focus_filter, "Ctrl+F")
        # Del belongs to the table: in the filter field it must still delete characters.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.purge_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setObjectName(action.objectName().replace("Action", "Button"))
        return button

    def _build_widgets(self) -> None:
        self.heading = QLabel(objectName="startHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.overdue_label = QLabel(objectName="overdueLabel")
        self.overdue_label.setTextFormat(Qt.TextFormat.PlainText)
        self.units_button = QToolButton(objectName="unitsDueButton")
        self.units_button.setAutoRaise(True)
        self.units_button.clicked.connect(self.unitsRequested)
        self.units_button.hide()

        self.filter_edit = QLineEdit(objectName="filterEdit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.installEventFilter(self)

        self.table = QTableView(objectName="inspectionsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(InspectionsModel.VISIT, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.installEventFilter(self)
        for table_only in (self.delete_action, self.purge_action):
            self.removeAction(table_only)
            table_only.setParent(self.table)
        self.table.addAction(self.delete_action)
        self.table.addAction(self.purge_action)

        self.empty_label = QLabel(objectName="emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.buttons = {
            name: self._button(action)
            for name, action in (
                ("new", self.new_action),
                ("open", self.open_action),
                ("duplicate", self.duplicate_action),
                ("delete", self.delete_action),
                ("restore", self.restore_action),
                ("purge", self.purge_action),
                ("trash", self.trash_action),
            )
        }
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.units_button)
        top.addWidget(self.overdue_label)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        for button in self.buttons.values():
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.proxy.modelReset.connect(self._update_actions)
        self.proxy.layoutChanged.connect(self._update_actions)
        self.proxy.rowsRemoved.connect(self._update_actions)
        self.proxy.rowsInserted.connect(self._update_actions)

    def fit_columns(self) -> None:
        """Widths from the font (so high-DPI and large fonts fit): narrow grades, wide names."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        char = metrics.horizontalAdvance("M")
        model = self.proxy.sourceModel()
        assert isinstance(model, InspectionsModel)
        widths = {
            InspectionsModel.UNIT: 16 * char,
            InspectionsModel.SITE: 14 * char,
            InspectionsModel.SPECIALTY: 10 * char,
            InspectionsModel.VISIT: metrics.horizontalAdvance("2024-12-31") + 3 * char,
            InspectionsModel.STATUS: metrics.horizontalAdvance("Handlingsplan inkommen") + char,
            model.follow_up_column: metrics.horizontalAdvance(" 2024-12-31 ⚠ ") + 3 * char,
        }
        for section_id in model.section_ids():
            widths[model.grade_column(section_id)] = 3 * char
        if model.deleted_column is not None:
            widths[model.deleted_column] = metrics.horizontalAdvance("2024-12-31 23:59") + 2 * char
        for column, width in widths.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(width, metrics.horizontalAdvance(title) + 3 * char))

    def _connect_session(self) -> None:
        self._session.inspectionsChanged.connect(self.schedule_reload)
        self._session.inspectionChanged.connect(self._inspection_edited)

    # state ----------------------------------------------------------------------------------
    @property
    def session(self) -> LibrarySession:
        assert self._session is not None
        return self._session

    @property
    def library(self) -> Library:
        return self.session.library

    @property
    def opening(self) -> bool:
        """True while the view is the placeholder shown before the library has opened."""
        return self._session is None

    @property
    def in_trash(self) -> bool:
        return self.trash_action.isChecked()

    def _read_only(self) -> bool:
        return self._session is None or bool(getattr(self.library, "read_only", False))

    def schedule_reload(self, *_args: object) -> None:
        """Re-reads soon; while the view is hidden it re-reads only when shown again."""
        self._dirty = True
        if self.isVisible():
            self._reload_timer.start(RELOAD_DELAY_MS)

    def _inspection_edited(self, _inspection_id: int) -> None:
        """Re-reads after the edits pause, or at once when the user comes back to this window."""
        self._dirty = True
        if self.isVisible() and not (
            self._reload_timer.isActive() and self._reload_timer.interval() == RELOAD_DELAY_MS
        ):
            self._reload_timer.start(EDIT_RELOAD_DELAY_MS)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self._dirty:
            QTimer.singleShot(0, self.reload)
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def reload(self) -> None:
        """Reads the list (and the trash when shown), keeping the selected inspection selected."""
        self._reload_timer.stop()
        if self._session is None:
            self._update_empty_state()
            self._update_actions()
            return
        selected = self.selected_id()
        try:
            active = self.library.list_inspections()
            trash = self.library.list_inspections(deleted_only=True) if self.in_trash else []
        except SpurdeskError as error:
            from spurdesk.ui import dialogs

            dialogs.show_error(self, error)
            return
        self._dirty = False
        self._show_rows(active, trash if self.in_trash else None, selected)
        self._show_units_due()

    def _show_units_due(self) -> None:
        """How many units are past their next SPUR and how many deficiency follow-ups are
        overdue: two counts in SQL (`Library.due_counts`), not the register's rows."""
        from spurdesk.model.due_dates import DueRules

        try:
            rules = self._due_rules() if self._due_rules is not None else DueRules()
            self.units_due = self.library.due_counts(rules, today=date.today())
        except SpurdeskError as error:
            self.message.emit(str(error))
            return
        self._show_units_due_count()

    def _show_units_due_count(self) -> None:
        spur, follow_ups = self.units_due
        parts = []
        if spur:
            parts.append(self.tr("%n enhet(er) har passerat tiden för nästa SPUR", "", spur))
        if follow_ups:
            parts.append(self.tr("%n uppföljning(ar) av brister försenad(e)", "", follow_ups))
        self.units_button.setText("⚠ " + " · ".join(parts) if parts else "")
        self.units_button.setToolTip(self.tr("Visa enheterna (Ctrl+Shift+U)"))
        self.units_button.setAccessibleName(self.units_button.text())
        self.units_button.setVisible(bool(parts))

    def show_preview(self, rows: Sequence[InspectionSummary]) -> None:
        """The placeholder's rows, read from the file before the library opened.

        Shown as the opened library will show them (same sort, first row selected), so nothing
        moves when it takes over; every action waits for the library.
        """
        assert self.opening, "a preview is for the placeholder shown while the library opens"
        self._show_rows(rows)

    def _show_rows(
        self,
        active: Sequence[InspectionSummary],
        trash: Sequence[InspectionSummary] | None = None,
        selected: int | None = None,
    ) -> None:
        """Shows the rows read (and the trash's, when given), selecting `selected` or else the
        first row."""
        self.model.set_rows(active)
        if trash is not None:
            self.trash_model.set_rows(trash)
        self._show_overdue(active)
        self._update_empty_state()
        if selected is not None:
            self.select(selected)
        if self.selected_id() is None and self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        self._update_actions()

    def _show_overdue(self, rows: Sequence[InspectionSummary]) -> None:
        self.overdue_count = sum(row.overdue_action_items for row in rows)
        self._show_overdue_count(self.overdue_count)

    def _show_overdue_count(self, overdue: int) -> None:
        if overdue:
            self.overdue_label.setText(
                "⚠ " + self.tr("%n försenad(e) åtgärd(er) i handlingsplanerna", "", overdue)
            )
        else:
            self.overdue_label.setText(self.tr("Inga försenade åtgärder"))
        self.overdue_label.setAccessibleName(self.overdue_label.text())

    def _update_empty_state(self) -> None:
        source = self.trash_model if self.in_trash else self.model
        self.stack.setCurrentWidget(self.table if source.rowCount() else self.empty_label)

    def _update_actions(self, *_args: object) -> None:
        has_selection = self.selected_id() is not None
        writable = not self._read_only()
        trash = self.in_trash
        self.new_action.setEnabled(writable and not trash)
        self.open_action.setEnabled(has_selection and not trash and not self.opening)
        self.duplicate_action.setEnabled(writable and has_selection and not trash)
        self.delete_action.setEnabled(writable and has_selection and not trash)
        self.restore_action.setEnabled(writable and has_selection and trash)
        self.purge_action.setEnabled(writable and has_selection and trash)
        self.trash_action.setEnabled(not self.opening)
        self.filter_action.setEnabled(not self.opening)
        self.filter_edit.setEnabled(not self.opening)
        self.buttons["restore"].setVisible(trash)
        self.buttons["purge"].setVisible(trash)
        for name in ("new", "open", "duplicate", "delete"):
            self.buttons[name].setVisible(not trash)

    # selection --------------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.inspection_id(rows[0].row()) if rows else None

    def select(self, inspection_id: int) -> bool:
        row = self.proxy.proxy_row_of(inspection_id)
        if row is None:
            return False
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _filter_changed(self, text: str) -> None:
        """Filters, keeping a row selected so Enter in the filter opens the top match."""
        self.proxy.set_filter_text(text)
        if self.selected_id() is None and self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        self._update_actions()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter opens; Down in the filter field moves into the table; Esc clears the filter."""
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.in_trash:
                    self.restore_selected()
                else:
                    self.open_selected()
                return True
            if watched is self.filter_edit and key == Qt.Key.Key_Down:
                self.table.setFocus()
                if self.selected_id() is None and self.proxy.rowCount():
                    self.table.selectRow(0)
                return True
            if watched is self.filter_edit and key == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
        return super().eventFilter(watched, event)

    # actions ---------------------------------------------------------------------------------
    def _run(
        self, inspection_id: int | None, action: Callable[[Library], T]
    ) -> tuple[bool, T | None]:
        """A service call through the session; a refused call is explained and changes nothing."""
        try:
            return True, self.session.call(inspection_id, action)
        except SpurdeskError as error:
            from spurdesk.ui import dialogs

            dialogs.show_error(self, error)
            return False, None

    def new_inspection(self) -> NewInspectionDialog:
        """Opens Ny inspektion (window-modal, not blocking); a created inspection opens at once."""
        from spurdesk.ui.new_inspection_dialog import NewInspectionDialog

        assert self._criteria is not None
        try:
            units = self.library.list_units()
        except SpurdeskError as error:  # the register unreadable: the texts can still be typed
            self.message.emit(str(error))
            units = []
        dialog = NewInspectionDialog(self._criteria, self._create, self, units=units)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._created(dialog.created_id))
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def _create(self, values: NewInspection) -> int:
        return self.session.call(
            None, lambda library: library.create_inspection(**values.as_kwargs())
        )

    def _created(self, inspection_id: int | None) -> None:
        self.new_dialog = None
        if inspection_id is None:
            return
        self.filter_edit.clear()
        self.reload()
        self.select(inspection_id)
        self.openRequested.emit(inspection_id)

    def open_selected(self) -> None:
        inspection_id = self.selected_id()
        if inspection_id is not None and not self.in_trash:
            self.openRequested.emit(inspection_id)

    def _describe(self, inspection_id: int) -> str:
        source = self.trash_model if self.in_trash else self.model
        row = source.row_of(inspection_id)
        if row is None:
            return str(inspection_id)
        summary = source.summary(row)
        return f"{summary.unit}, {summary.site}" if summary.site else summary.unit

    def duplicate_selected(self) -> int | None:
        """A re-inspection: the metadata carried over, the old grades kept for comparison."""
        source_id = self.selected_id()
        if source_id is None or self.in_trash or self._read_only():
            return None
        ok, new_id = self._run(None, lambda library: library.duplicate_as_reinspection(source_id))
        if not ok or new_id is None:
            return None
        self.filter_edit.clear()
        self.reload()
        self.select(new_id)
        self.message.emit(
            self.tr("Ominspektion skapad av {name}.").format(name=self._describe(new_id))
        )
        return new_id

    def delete_selected(self) -> bool:
        """Moves the selected inspection to the trash, after asking."""
        inspection_id = self.selected_id()
        if inspection_id is None or self.in_trash or self._read_only():
            return False
        name = self._describe(inspection_id)
        from spurdesk.ui import dialogs

        if not dialogs.confirm(
            self,
            self.tr("Flytta till papperskorgen"),
            self.tr("Flytta “{name}” till papperskorgen?").format(name=name),
            self.tr("Flytta till papperskorgen"),
            self.tr("Du kan återställa inspektionen från Papperskorgen (Ctrl+Shift+T)."),
        ):
            return False
        ok, _ = self._run(inspection_id, lambda library: library.delete_inspection(inspection_id))
        if not ok:
            return False
        self.inspectionDeleted.emit(inspection_id)
        self.reload()
        self.message.emit(self.tr("“{name}” ligger i papperskorgen.").format(name=name))
        return True

    def restore_selected(self) -> bool:
        inspection_id = self.selected_id()
        if inspection_id is None or not self.in_trash or self._read_only():
            return False
        name = self._describe(inspection_id)
        ok, _ = self._run(inspection_id, lambda library: library.restore_inspection(inspection_id))
        if not ok:
            return False
        self.reload()
        self.message.emit(self.tr("“{name}” är återställd.").format(name=name))
        return True

    def purge_selected(self) -> bool:
        """Deletes an inspection in the trash for good, after asking; it cannot be undone."""
        inspection_id = self.selected_id()
        if inspection_id is None or not self.in_trash or self._read_only():
            return False
        name = self._describe(inspection_id)
        from spurdesk.ui import dialogs

        if not dialogs.confirm(
            self,
            self.tr("Radera permanent"),
            self.tr("Radera “{name}” permanent?").format(name=name),
            self.tr("Radera permanent"),
            self.tr("Det går inte att ångra. Säkerhetskopiorna av biblioteket finns kvar."),
        ):
            return False
        ok, _ = self._run(inspection_id, lambda library: library.purge_inspection(inspection_id))
        if ok:
            self.reload()
        return ok

    def show_trash(self, shown: bool) -> None:
        self.trash_action.setChecked(shown)
        self._apply_trash_mode()

    def _toggle_trash(self) -> None:
        self._apply_trash_mode()

    def _apply_trash_mode(self) -> None:
        self.proxy.setSourceModel(self.trash_model if self.in_trash else self.model)
        self.reload()
        self.fit_columns()
        self.retranslate()

    # translation ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = (
            (self.new_action, self.tr("&Ny inspektion…"), self.tr("Skapa en ny inspektion")),
            (self.open_action, self.tr("Ö&ppna"), self.tr("Öppna den markerade inspektionen")),
            (
                self.duplicate_action,
                self.tr("&Duplicera som ominspektion"),
                self.tr("Ny inspektion av samma verksamhet med de tidigare graderingarna"),
            ),
            (self.delete_action, self.tr("&Ta bort…"), self.tr("Flytta till papperskorgen")),
            (self.restore_action, self.tr("&Återställ"), self.tr("Återställ från papperskorgen")),
            (self.purge_action, self.tr("&Radera permanent…"), self.tr("Radera permanent")),
            (self.trash_action, self.tr("&Papperskorg"), self.tr("Visa borttagna inspektioner")),
            (self.filter_action, self.tr("&Filtrera"), self.tr("Flytta markören till filtret")),
        )
        for action, text, tip in texts:
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)
        for button in self.buttons.values():
            action = button.defaultAction()
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        self.heading.setText(self.tr("Papperskorgen") if self.in_trash else self.tr("Inspektioner"))
        self.filter_edit.setPlaceholderText(
            self.tr("Filtrera på verksamhet, sjukhus, specialitet, status … (Ctrl+F)")
        )
        self.filter_edit.setAccessibleName(self.tr("Filter"))
        self.table.setAccessibleName(
            self.tr("Borttagna inspektioner") if self.in_trash else self.tr("Inspektioner")
        )
        self.empty_label.setText(
            self.tr("Öppnar biblioteket …")
            if self._session is None
            else self.tr("Papperskorgen är tom.")
            if self.in_trash
            else self.tr(
                "Biblioteket har inga inspektioner ännu.\nSkapa en med Ny inspektion (Ctrl+N)."
            )
        )
        self._show_overdue_count(self.overdue_count)
        self._show_units_due_count()
        for model in (self.model, self.trash_model):
            model.refresh_texts()
