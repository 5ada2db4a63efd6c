"""The follow-up list across the library: filters, mark done / verified, export; and below it
the six-month follow-up of each report with deficiencies against föreskrifter, where the unit's
internal review and written report are recorded as received (`model.due_dates`).

The list is re-read from the library whenever the session says something changed; marking goes
through `spurdesk.model.followup` via the session, so other views refresh too; the files are
written by `spurdesk.report.followup`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.text import checked_field
from spurdesk.model.due_dates import DeficiencyFollowUp, DueState, ReceiptKind
from spurdesk.model.followup import (
    AwaitedPlan,
    Bucket,
    FollowUpEntry,
    FollowUpFilter,
    all_entries,
    awaited_in_order,
    filtered,
    grouped,
    mark_done,
    mark_verified,
    overdue_count,
    units_of,
)
from spurdesk.report.followup import export_csv, export_docx
from spurdesk.ui import dialogs
from spurdesk.ui.session import LibrarySession

_ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def _bucket_heading(bucket: Bucket) -> str:
    return {
        Bucket.OVERDUE: QCoreApplication.translate("FollowUpView", "Försenade uppföljningar"),
        Bucket.DUE_SOON: QCoreApplication.translate("FollowUpView", "Uppföljning inom 30 dagar"),
        Bucket.LATER: QCoreApplication.translate("FollowUpView", "Senare uppföljningar"),
        Bucket.UNDATED: QCoreApplication.translate("FollowUpView", "Uppföljning utan datum"),
    }[bucket]


class MarkDialog(QDialog):
    """Asks for the date and a note when an item is marked done or verified, and also who sent
    it when a deficiency follow-up's document is received (`ask_who`)."""

    def __init__(
        self, title: str, today: date, parent: QWidget | None = None, *, ask_who: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), objectName="markDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.who_edit = QLineEdit(objectName="markWho")
        self.note_edit = QPlainTextEdit(objectName="markNote")
        form = QFormLayout(self)
        form.addRow(self.tr("Datum"), self.date_edit)
        if ask_who:
            self.who_edit.setPlaceholderText(self.tr("t.ex. Verksamhetschef"))
            form.addRow(self.tr("Inskickad av"), self.who_edit)
        form.addRow(self.tr("Anteckning"), self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[date, str]:
        return self.date_edit.date().toPython(), self.note_edit.toPlainText()


class FollowUpView(QWidget):
    """Action items of all inspections by follow-up date, with filters and marking."""

    def __init__(
        self,
        session: LibrarySession,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followUpView")
        self._session = session
        self._today = today
        self._entries: list[FollowUpEntry] = []
        self._awaited: list[AwaitedPlan] = []

        self._unit = QComboBox(objectName="followUpUnit")
        self._responsible = QLineEdit(objectName="followUpResponsible")
        self._responsible.setPlaceholderText(self.tr("Ansvarig (del av namn)"))
        self._verified = QCheckBox(self.tr("Visa verifierade"), objectName="followUpVerified")
        self._unit.currentIndexChanged.connect(self._show)
        self._responsible.textChanged.connect(self._show)
        self._verified.toggled.connect(self._show)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Verksamhet")))
        filters.addWidget(self._unit, 1)
        filters.addWidget(self._responsible, 1)
        filters.addWidget(self._verified)

        self._tree = QTreeWidget(objectName="followUpTree")
        self._tree.setHeaderLabels(
            [
                self.tr("Uppföljning"),
                self.tr("Verksamhet"),
                self.tr("Kriterium"),
                self.tr("Planerad åtgärd"),
                self.tr("Ansvarig"),
                self.tr("Status"),
            ]
        )
        for column, width in enumerate((200, 170, 70, 340, 150)):
            self._tree.setColumnWidth(column, width)
        self._summary = QLabel(objectName="followUpSummary")

        done = QPushButton(self.tr("Markera genomförd…"), objectName="markDone")
        verified = QPushButton(self.tr("Markera verifierad…"), objectName="markVerified")
        to_csv = QPushButton(self.tr("Exportera CSV…"), objectName="exportCsv")
        to_docx = QPushButton(self.tr("Exportera Word…"), objectName="exportDocx")
        done.clicked.connect(lambda: self._ask_and_mark(verify=False))
        verified.clicked.connect(lambda: self._ask_and_mark(verify=True))
        to_csv.clicked.connect(lambda: self._choose_export("csv"))
        to_docx.clicked.connect(lambda: self._choose_export("docx"))
        buttons = QHBoxLayout()
        for button in (done, verified):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (to_csv, to_docx):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self._summary)
        layout.addWidget(self._tree, 1)
        layout.addLayout(buttons)
        layout.addLayout(self._build_deficiencies(), 1)

        session.inspectionChanged.connect(lambda _id: self.refresh())
        session.inspectionsChanged.connect(self.refresh)
        self.refresh()

    def _build_deficiencies(self) -> QVBoxLayout:
        """The six-month follow-ups of reports with deficiencies, and their receipt buttons."""
        self._deficiency_heading = QLabel(
            self.tr("Uppföljning av brister mot föreskrifterna (inom sex månader)"),
            objectName="deficiencyHeading",
        )
        font = self._deficiency_heading.font()
        font.setBold(True)
        self._deficiency_heading.setFont(font)
        self._deficiencies = QTreeWidget(objectName="deficiencyTree")
        self._deficiencies.setRootIsDecorated(False)
        self._deficiencies.setHeaderLabels(
            [
                self.tr("Läge"),
                self.tr("Senast"),
                self.tr("Verksamhet"),
                self.tr("Intern granskning"),
                self.tr("Skriftlig rapport"),
            ]
        )
        for column, width in enumerate((130, 100, 260, 220)):
            self._deficiencies.setColumnWidth(column, width)
        self._deficiencies.setAccessibleName(self._deficiency_heading.text())
        review = QPushButton(self.tr("Intern granskning inkommen…"), objectName="receiveReview")
        report = QPushButton(self.tr("Skriftlig rapport inkommen…"), objectName="receiveReport")
        review.clicked.connect(lambda: self._ask_receipt(ReceiptKind.INTERNAL_REVIEW))
        report.clicked.connect(lambda: self._ask_receipt(ReceiptKind.WRITTEN_REPORT))
        buttons = QHBoxLayout()
        buttons.addWidget(review)
        buttons.addWidget(report)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self._deficiency_heading)
        column.addWidget(self._deficiencies, 1)
        column.addLayout(buttons)
        return column

    # data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read every inspection's action items and redraw with the current filters."""
        try:
            self._entries = all_entries(self._session.library, self._today())
            self._awaited = self._session.library.awaited_action_plans()
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Uppföljningslistan kan inte läsas"))
            self._entries, self._awaited = [], []
        self._show_deficiencies()
        current = self._unit.currentData()
        self._unit.blockSignals(True)
        self._unit.clear()
        self._unit.addItem(self.tr("Alla verksamheter"), "")
        for unit in sorted(set(units_of(self._entries)) | {p.unit for p in self._awaited}):
            self._unit.addItem(unit, unit)
        index = self._unit.findData(current) if current else 0
        self._unit.setCurrentIndex(max(index, 0))
        self._unit.blockSignals(False)
        self._show()

    def current_filter(self) -> FollowUpFilter:
        return FollowUpFilter(
            unit=self._unit.currentData() or "",
            responsible=self._responsible.text().strip(),
            include_verified=self._verified.isChecked(),
        )

    def set_filter(self, rule: FollowUpFilter) -> None:
        self._unit.setCurrentIndex(max(self._unit.findData(rule.unit), 0))
        self._responsible.setText(rule.responsible)
        self._verified.setChecked(rule.include_verified)
        self._show()

    def shown_entries(self) -> list[FollowUpEntry]:
        return filtered(self._entries, self.current_filter())

    def awaited_plans(self) -> list[AwaitedPlan]:
        """The handlingsplaner not yet received, of the unit chosen (all for "Alla")."""
        return awaited_in_order(self._awaited, self.current_filter().unit)

    def _show_awaited(self, today: date) -> int:
        """The requested plans not yet received, as the first group; returns those overdue."""
        plans = self.awaited_plans()
        if not plans:
            return 0
        group = QTreeWidgetItem(
            [self.tr("Handlingsplaner som inte har inkommit (%1)").replace("%1", str(len(plans)))]
        )
        group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        self._tree.addTopLevelItem(group)
        group.setFirstColumnSpanned(True)
        for plan in plans:
            late = plan.overdue(today)
            row = QTreeWidgetItem(
                [
                    plan.reply_by.isoformat() if plan.reply_by else "–",
                    plan.title,
                    "",
                    self.tr("Handlingsplanen är begärd men har inte inkommit."),
                    "",
                    self.tr("⚠ försenad") if late else self.tr("väntas"),
                ]
            )
            if late:
                font = row.font(5)
                font.setBold(True)
                row.setFont(5, font)
            group.addChild(row)
        group.setExpanded(True)
        return sum(plan.overdue(today) for plan in plans)

    def _show(self) -> None:
        self._tree.clear()
        late_plans = self._show_awaited(self._today())
        shown = self.shown_entries()
        for bucket, members in grouped(shown).items():
            group = QTreeWidgetItem([f"{_bucket_heading(bucket)} ({len(members)})"])
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self._tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for entry in members:
                item = entry.item
                row = QTreeWidgetItem(
                    [
                        item.follow_up,
                        entry.inspection_title,
                        entry.criterion_label,
                        " ".join(item.planned_action.split())[:200],
                        item.follow_up_responsible or item.responsible,
                        item.status.value,
                    ]
                )
                row.setToolTip(3, item.planned_action)
                row.setData(0, _ENTRY_ROLE, entry)
                group.addChild(row)
            group.setExpanded(True)
        summary = self.tr("%1 försenade uppföljningar").replace("%1", str(overdue_count(shown)))
        if late_plans:
            summary += " · " + self.tr("%1 handlingsplaner har inte inkommit i tid").replace(
                "%1", str(late_plans)
            )
        self._summary.setText(summary)

    def select_entry(self, entry: FollowUpEntry) -> None:
        for i in range(self._tree.topLevelItemCount()):
            group = self._tree.topLevelItem(i)
            for j in range(group.childCount()):
                shown: FollowUpEntry = group.child(j).data(0, _ENTRY_ROLE)
                if shown.item.id == entry.item.id:
                    self._tree.setCurrentItem(group.child(j))
                    return
        raise KeyError(entry.item.id)

    def selected_entry(self) -> FollowUpEntry | None:
        item = self._tree.currentItem()
        return item.data(0, _ENTRY_ROLE) if item is not None else None

    # marking ---------------------------------------------------------------------------------

    def _ask_and_mark(self, *, verify: bool) -> None:
        if self.selected_entry() is None:
            dialogs.show_info(
                self, self.tr("Ingen åtgärd vald"), self.tr("Välj en åtgärd i listan först.")
            )
            return
        title = self.tr("Markera verifierad") if verify else self.tr("Markera genomförd")
        dialog = MarkDialog(title, self._today(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            on, note = dialog.chosen()
            self.mark_selected(verify=verify, on=on, note=note)

    def mark_selected(self, *, verify: bool, on: date, note: str) -> bool:
        """Mark the selected item; a refusal (e.g. no note for verification) is shown."""
        entry = self.selected_entry()
        if entry is None:
            return False
        action = mark_verified if verify else mark_done
        try:
            self._session.call(
                entry.inspection_id,
                lambda library: action(library, entry, on, checked_field(note, "Anteckning")),
            )
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Åtgärden kan inte markeras"))
            return False
        return True

    # deficiency follow-ups ------------------------------------------------------------------

    def _receipt_text(self, follow_up: DeficiencyFollowUp, kind: ReceiptKind) -> str:
        receipt = follow_up.receipt(kind)
        if receipt is None:
            return self.tr("saknas")
        by = f" ({receipt.by})" if receipt.by else ""
        return self.tr("inkom %1").replace("%1", receipt.received_on.isoformat()) + by

    def _state_text(self, state: DueState, complete: bool) -> str:
        if complete:
            return self.tr("✓ Klar")
        return {
            DueState.OVERDUE: "⚠ " + self.tr("Försenad"),
            DueState.DUE_SOON: self.tr("Inom 30 dagar"),
        }.get(state, self.tr("Pågår"))

    def _show_deficiencies(self) -> None:
        selected = self.selected_deficiency()
        self._deficiencies.clear()
        try:
            follow_ups = self._session.library.deficiency_follow_ups()
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Uppföljningslistan kan inte läsas"))
            follow_ups = []
        today = self._today()
        for follow_up in follow_ups:
            state = follow_up.state(today)
            row = QTreeWidgetItem(
                [
                    self._state_text(state, follow_up.complete),
                    follow_up.due.isoformat(),
                    follow_up.title,
                    self._receipt_text(follow_up, ReceiptKind.INTERNAL_REVIEW),
                    self._receipt_text(follow_up, ReceiptKind.WRITTEN_REPORT),
                ]
            )
            for kind, column in ((ReceiptKind.INTERNAL_REVIEW, 3), (ReceiptKind.WRITTEN_REPORT, 4)):
                receipt = follow_up.receipt(kind)
                if receipt is not None and receipt.note:
                    row.setToolTip(column, receipt.note)
            if state is DueState.OVERDUE and not follow_up.complete:
                font = row.font(0)
                font.setBold(True)
                for column in range(5):
                    row.setFont(column, font)
            row.setData(0, _ENTRY_ROLE, follow_up)
            self._deficiencies.addTopLevelItem(row)
            if selected is not None and follow_up.inspection_id == selected.inspection_id:
                self._deficiencies.setCurrentItem(row)

    def deficiency_rows(self) -> list[DeficiencyFollowUp]:
        return [
            self._deficiencies.topLevelItem(i).data(0, _ENTRY_ROLE)
            for i in range(self._deficiencies.topLevelItemCount())
        ]

    def select_deficiency(self, inspection_id: int) -> None:
        for i in range(self._deficiencies.topLevelItemCount()):
            item = self._deficiencies.topLevelItem(i)
            if item.data(0, _ENTRY_ROLE).inspection_id == inspection_id:
                self._deficiencies.setCurrentItem(item)
                return
        raise KeyError(inspection_id)

    def selected_deficiency(self) -> DeficiencyFollowUp | None:
        item = self._deficiencies.currentItem()
        return item.data(0, _ENTRY_ROLE) if item is not None else None

    def _ask_receipt(self, kind: ReceiptKind) -> None:
        if self.selected_deficiency() is None:
            dialogs.show_info(
                self,
                self.tr("Ingen uppföljning vald"),
                self.tr("Välj en uppföljning av brister i listan först."),
            )
            return
        title = (
            self.tr("Intern granskning inkommen")
            if kind is ReceiptKind.INTERNAL_REVIEW
            else self.tr("Skriftlig rapport inkommen")
        )
        dialog = MarkDialog(title, self._today(), self, ask_who=True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            on, note = dialog.chosen()
            self.record_receipt(kind, on=on, by=dialog.who_edit.text(), note=note)

    def record_receipt(self, kind: ReceiptKind, *, on: date, by: str, note: str) -> bool:
        """Record the selected follow-up's document as received; a refusal (a date in the
        future or before the report) is shown and nothing is written."""
        follow_up = self.selected_deficiency()
        if follow_up is None:
            return False
        try:
            self._session.call(
                follow_up.inspection_id,
                lambda library: library.record_receipt(
                    follow_up.inspection_id,
                    kind,
                    on,
                    checked_field(by, "Inskickad av"),
                    checked_field(note, "Anteckning"),
                    today=self._today(),
                ),
            )
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Mottagningen kan inte registreras"))
            return False
        return True

    # export ----------------------------------------------------------------------------------

    def _choose_export(self, kind: str) -> None:
        name_filter = (
            self.tr("CSV-fil (*.csv)") if kind == "csv" else self.tr("Word-dokument (*.docx)")
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Exportera uppföljningslistan"), f"uppföljning.{kind}", name_filter
        )
        if chosen:
            self.export(Path(chosen))

    def export(self, path: Path) -> bool:
        """Export the shown entries; the format follows the file suffix (.csv or .docx)."""
        shown = self.shown_entries()
        try:
            if path.suffix.lower() == ".docx":
                export_docx(shown, path, self._today())
            else:
                export_csv(shown, path)
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Listan kan inte exporteras"))
            return False
        return True
