"""Översikt: the inspection's metadata, inspectors, interviewed groups and its status.

Metadata fields are not staging keys of the library, so the page holds a field being typed for a
moment (DEBOUNCE_MS, at most MAX_LATENCY_MS) and then writes it as one undoable, merged step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.model.inspection import Inspection, InspectionStatus, Inspector, ParticipantGroup
from spurdesk.model.lifecycle import allowed_transitions, can_transition
from spurdesk.ui.dialogs import confirm, show_error
from spurdesk.ui.inspection.labels import inspection_status_label
from spurdesk.ui.inspection.page import InspectionPage, heading, page_layout, scrolling, wrapped
from spurdesk.ui.inspection.people_model import RecordColumn, RecordTableModel
from spurdesk.ui.inspection.widgets import DateTextEdit, StagedLineEdit
from spurdesk.ui.session import DEBOUNCE_MS, MAX_LATENCY_MS, LibrarySession
from spurdesk.ui.settings import AppSettings
from spurdesk.ui.undo import (
    set_inspectors_command,
    set_participants_command,
    set_status_command,
    update_inspection_command,
)

TEXT_FIELDS = ("unit", "site", "care_provider", "specialty")
DATE_FIELDS = ("visit_start", "visit_end", "report_date", "reply_by")


def parse_date(text: str) -> date | None:
    """ "" → None, "2025-03-14" → a date; ValueError otherwise."""
    text = text.strip()
    return date.fromisoformat(text) if text else None


class PeopleTable(QWidget):
    """A record table with add/remove buttons (Insert/Delete on the table)."""

    def __init__(self, model: RecordTableModel, new_row: Callable[[], Any]) -> None:
        super().__init__()
        self.model = model
        self._new_row = new_row
        self.view = QTableView()
        self.view.setModel(model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setMinimumHeight(110)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.add_action = self._action(Qt.Key.Key_Insert, self.add)
        self.remove_action = self._action(Qt.Key.Key_Delete, self.remove)
        for action in (self.add_action, self.remove_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _action(self, key: Qt.Key, handler: Callable[[], None]) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(handler)
        self.view.addAction(action)
        return action

    def add(self) -> None:
        self.model.propose(self.model.with_row(self._new_row()))
        last = self.model.index(self.model.rowCount() - 1, 0)
        if last.isValid():
            self.view.setCurrentIndex(last)
            self.view.setFocus()
            self.view.edit(last)

    def remove(self) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.model.propose(self.model.without_row(row))


class OverviewPage(InspectionPage):
    def __init__(
        self, session: LibrarySession, inspection: Inspection, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, inspection, parent)
        self._pending: dict[str, Any] = {}
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.commit_pending)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_LATENCY_MS)
        self._deadline.timeout.connect(self.commit_pending)
        self._build()
        self.retranslate()
        self.refresh(inspection)

    def _build(self) -> None:
        content = QWidget()
        layout = page_layout(content)
        self.title = heading()
        layout.addWidget(self.title)

        self.details_box = QGroupBox()
        form = QFormLayout(self.details_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.editors: dict[str, StagedLineEdit | DateTextEdit] = {}
        for field in TEXT_FIELDS + DATE_FIELDS:
            editor: StagedLineEdit | DateTextEdit
            if field in TEXT_FIELDS:
                editor = StagedLineEdit()
                editor.textEdited.connect(lambda text, f=field: self._typed(f, text))
                editor.editingFinished.connect(self.commit_pending)
            else:
                editor = DateTextEdit()
                editor.textEdited.connect(lambda text, f=field: self._typed(f, text))
                editor.datePicked.connect(lambda text, f=field: self._typed(f, text, now=True))
                editor.line.editingFinished.connect(self.commit_pending)
            label = QLabel()
            label.setBuddy(editor.line if isinstance(editor, DateTextEdit) else editor)
            self.labels[field] = label
            self.editors[field] = editor
            form.addRow(label, editor)
        self.validation = wrapped()
        self.validation.setStyleSheet("color: #d1242f;")
        self.validation.hide()
        form.addRow(self.validation)
        self.criteria_label = QLabel()
        self.criteria_value = wrapped()
        form.addRow(self.criteria_label, self.criteria_value)
        layout.addWidget(self.details_box)

        self.status_box = QGroupBox()
        status_layout = QHBoxLayout(self.status_box)
        self.status_value = QLabel()
        font = self.status_value.font()
        font.setBold(True)
        self.status_value.setFont(font)
        self.status_choice = QComboBox()
        self.status_button = QPushButton()
        self.status_button.clicked.connect(self._change_status)
        self.status_choice_label = QLabel()
        self.status_choice_label.setBuddy(self.status_choice)
        status_layout.addWidget(self.status_value)
        status_layout.addSpacing(24)
        status_layout.addWidget(self.status_choice_label)
        status_layout.addWidget(self.status_choice, 1)
        status_layout.addWidget(self.status_button)
        layout.addWidget(self.status_box)

        people = QHBoxLayout()
        self.inspectors_model = RecordTableModel(
            (
                RecordColumn("name", lambda: self.tr("Namn")),
                RecordColumn("role", lambda: self.tr("Roll")),
            ),
            self._set_inspectors,
            self,
        )
        self.inspectors = PeopleTable(
            self.inspectors_model, lambda: Inspector(self.tr("Ny inspektör"))
        )
        self.participants_model = RecordTableModel(
            (
                RecordColumn("role", lambda: self.tr("Grupp")),
                RecordColumn("count", lambda: self.tr("Antal")),
                RecordColumn("names", lambda: self.tr("Namn (frivilligt)")),
            ),
            self._set_participants,
            self,
        )
        self.participants = PeopleTable(
            self.participants_model, lambda: ParticipantGroup(self.tr("ST-läkare"), 1)
        )
        self.inspectors_box = QGroupBox()
        QVBoxLayout(self.inspectors_box).addWidget(self.inspectors)
        self.participants_box = QGroupBox()
        QVBoxLayout(self.participants_box).addWidget(self.participants)
        people.addWidget(self.inspectors_box, 2)
        people.addWidget(self.participants_box, 3)
        layout.addLayout(people)
        layout.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))
        chain: list[QWidget] = [self.editors[f] for f in TEXT_FIELDS + DATE_FIELDS]
        chain += [
            self.status_choice,
            self.status_button,
            self.inspectors.view,
            self.participants.view,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
        texts = {
            "unit": self.tr("&Verksamhet"),
            "site": self.tr("&Sjukhus eller vårdcentral"),
            "care_provider": self.tr("Vård&givare"),
            "specialty": self.tr("S&pecialitet"),
            "visit_start": self.tr("Besöket &började"),
            "visit_end": self.tr("Besöket &slutade"),
            "report_date": self.tr("&Rapportdatum"),
            "reply_by": self.tr("&Handlingsplan senast"),
        }
        for field, text in texts.items():
            self.labels[field].setText(text)
            self.editors[field].setAccessibleName(text.replace("&", ""))
        for field in DATE_FIELDS:
            self.editors[field].line.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))  # type: ignore[union-attr]
        self.editors["reply_by"].setToolTip(
            self.tr(
                "Datum då verksamheten senast ska skicka handlingsplanen. Föreslås när "
                "handlingsplanen begärs (Inställningar → Svarstid)."
            )
        )
        self.details_box.setTitle(self.tr("Uppgifter om granskningen"))
        self.criteria_label.setText(self.tr("Kriterieuppsättning"))
        self.status_box.setTitle(self.tr("Status"))
        self.status_choice_label.setText(self.tr("&Nästa steg:"))
        self.status_choice.setAccessibleName(self.tr("Ny status"))
        self.status_button.setText(self.tr("Ändra status"))
        self.inspectors_box.setTitle(self.tr("Inspektörer"))
        self.inspectors.view.setAccessibleName(self.tr("Inspektörer"))
        self.participants_box.setTitle(self.tr("Intervjuade grupper"))
        self.participants.view.setAccessibleName(self.tr("Intervjuade grupper"))
        for table, what in (
            (self.inspectors, self.tr("inspektör")),
            (self.participants, self.tr("grupp")),
        ):
            table.add_action.setText(self.tr("Lägg till"))
            table.add_action.setToolTip(self.tr("Lägg till %1 (Insert)").replace("%1", what))
            table.remove_action.setText(self.tr("Ta bort"))
            table.remove_action.setToolTip(self.tr("Ta bort %1 (Delete)").replace("%1", what))
        self.inspectors_model.retranslate()
        self.participants_model.retranslate()
        self._show_status()

    # refresh -------------------------------------------------------------------------------

    def refresh(self, inspection: Inspection) -> None:
        super().refresh(inspection)
        self.title.setText(inspection.title)
        for field in TEXT_FIELDS + DATE_FIELDS:
            if field in self._pending:
                continue  # being typed: the editor is ahead of the record
            value = getattr(inspection, field)
            text = value.isoformat() if isinstance(value, date) else (value or "")
            self.editors[field].show_text(text)
        self.criteria_value.setText(inspection.criteria.label)
        self.inspectors_model.set_rows(inspection.inspectors)
        self.participants_model.set_rows(inspection.participants)
        self._show_status()

    def _show_status(self) -> None:
        status = self.inspection.status
        self.status_value.setText(inspection_status_label(status))
        self.status_value.setAccessibleName(
            self.tr("Status: %1").replace("%1", inspection_status_label(status))
        )
        self.status_choice.clear()
        for target in allowed_transitions(status):
            self.status_choice.addItem(inspection_status_label(target), target)
        has_next = self.status_choice.count() > 0
        self.status_choice.setEnabled(has_next)
        self.status_button.setEnabled(has_next)

    # metadata ------------------------------------------------------------------------------

    def _typed(self, field: str, text: str, now: bool = False) -> None:
        self._pending[field] = text
        self._debounce.start()
        if not self._deadline.isActive():
            self._deadline.start()
        if now:
            self.commit_pending()

    def commit_pending(self) -> None:
        """Write the fields being typed as one step; an unusable value stays shown, explained."""
        self._debounce.stop()
        self._deadline.stop()
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        problems: list[str] = []
        for field, text in pending.items():
            if field in DATE_FIELDS:
                try:
                    value: Any = parse_date(text)
                except ValueError:
                    problems.append(
                        self.tr("%1: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-14.").replace(
                            "%1", self.labels[field].text().replace("&", "")
                        )
                    )
                    continue
            else:
                value = text.strip()
                if field == "unit" and not value:
                    problems.append(self.tr("Verksamhet: ange verksamhetens namn."))
                    continue
            if value != getattr(self.inspection, field):
                old[field] = getattr(self.inspection, field)
                new[field] = value
        self.validation.setText("\n".join(problems))
        self.validation.setVisible(bool(problems))
        if new:
            command = update_inspection_command(self.session, self.inspection_id, old, new)
            try:
                self.session.push(self.inspection_id, command)
            except SpurdeskError as error:  # e.g. the visit ending before it starts
                self.validation.setText(str(error))
                self.validation.show()
                return
        if not problems:
            self.validation.hide()

    def _set_inspectors(self, rows: tuple[Any, ...]) -> None:
        self.push(
            set_inspectors_command(
                self.session, self.inspection_id, self.inspection.inspectors, rows
            )
        )

    def _set_participants(self, rows: tuple[Any, ...]) -> None:
        self.push(
            set_participants_command(
                self.session, self.inspection_id, self.inspection.participants, rows
            )
        )

    # status --------------------------------------------------------------------------------

    def _change_status(self) -> None:
        new: InspectionStatus | None = self.status_choice.currentData()
        old = self.inspection.status
        if new is None or new == old:
            return
        if can_transition(new, old):
            self.push(set_status_command(self.session, self.inspection_id, old, new))
            return
        override = ""
        if (old, new) == (InspectionStatus.FACT_CHECK, InspectionStatus.FINAL):
            open_count = self.session.library.undecided_comment_count(self.inspection_id)
            if open_count:
                from spurdesk.ui.exchange.fact_check_actions import ask_override_reason

                reason = ask_override_reason(self, open_count)
                if reason is None:
                    return
                override = reason
        reply_by = None
        detail = self.tr("Det går inte att ändra tillbaka, och steget kan inte ångras.")
        if new == InspectionStatus.ACTION_PLAN_REQUESTED:
            reply_by = self.inspection.reply_by or date.today() + timedelta(
                days=AppSettings().reply_days()
            )
            due = self.tr(
                "Verksamheten ska skicka handlingsplanen senast %1; datumet kan ändras under "
                "Uppgifter om granskningen."
            )
            detail = due.replace("%1", reply_by.isoformat()) + " " + detail
        if not confirm(
            self,
            self.tr("Ändra status"),
            self.tr("Ändra status från %1 till %2?")
            .replace("%1", inspection_status_label(old))
            .replace("%2", inspection_status_label(new)),
            self.tr("Ändra status"),
            detail,
        ):
            return
        try:
            self.session.call(
                self.inspection_id,
                lambda lib: lib.set_status(
                    self.inspection_id, new, reply_by=reply_by, override_reason=override
                ),
            )
        except SpurdeskError as error:
            show_error(self, error)
