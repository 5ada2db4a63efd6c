"""The follow-up list across the library: filters, mark done / verified, export.

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
from spurdesk.model.followup import (
    Bucket,
    FollowUpEntry,
    FollowUpFilter,
    all_entries,
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
    """Asks for the date and a note when an item is marked done or verified."""

    def __init__(self, title: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), objectName="markDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.note_edit = QPlainTextEdit(objectName="markNote")
        form = QFormLayout(self)
        form.addRow(self.tr("Datum"), self.date_edit)
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

        session.inspectionChanged.connect(lambda _id: self.refresh())
        session.inspectionsChanged.connect(self.refresh)
        self.refresh()

    # data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read every inspection's action items and redraw with the current filters."""
        try:
            self._entries = all_entries(self._session.library, self._today())
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Uppföljningslistan kan inte läsas"))
            self._entries = []
        current = self._unit.currentData()
        self._unit.blockSignals(True)
        self._unit.clear()
        self._unit.addItem(self.tr("Alla verksamheter"), "")
        for unit in units_of(self._entries):
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

    def _show(self) -> None:
        self._tree.clear()
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
        self._summary.setText(
            self.tr("%1 försenade uppföljningar").replace("%1", str(overdue_count(shown)))
        )

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
