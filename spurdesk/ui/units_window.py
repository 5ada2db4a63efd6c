"""Enheter: the register of training units with their due dates, and the edits of the register.

Each unit's last SPUR, the next one due (the interval a setting), and its six-month deficiency
follow-ups; the units needing attention first, marked by a sign, a word and bold type besides
their colour. A unit and its contacts are edited in `UnitDialog`; near-duplicates are merged in
`MergeDialog`, which lists the pairs the register suggests. Every change is a service call
through the session, so the start view re-reads too; the lists are written by
`spurdesk.report.followup`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.model.due_dates import DueRules, DueState, UnitDue, due_list
from spurdesk.model.units import Contact, ContactRole, DuplicatePair, Unit, normalised
from spurdesk.outputs import LISTS
from spurdesk.report.followup import export_due_csv, export_due_docx
from spurdesk.ui import dialogs
from spurdesk.ui.session import LibrarySession

if TYPE_CHECKING:
    from spurdesk.library import Library

ModelIndex = QModelIndex | QPersistentModelIndex
# Pale, so that black text stays readable; the sign and bold type say the same without colour.
_OVERDUE_BACKGROUND = QColor(255, 224, 224)
_SOON_BACKGROUND = QColor(255, 244, 204)


def state_label(state: DueState) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        DueState.OVERDUE: QCoreApplication.translate("UnitsModel", "Försenad"),
        DueState.NEVER: QCoreApplication.translate("UnitsModel", "Ingen SPUR"),
        DueState.DUE_SOON: QCoreApplication.translate("UnitsModel", "Snart"),
        DueState.ON_TIME: QCoreApplication.translate("UnitsModel", "I tid"),
    }[state]


def role_label(role: ContactRole) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        ContactRole.HEAD_OF_UNIT: QCoreApplication.translate("UnitDialog", "Verksamhetschef"),
        ContactRole.DIRECTOR_OF_STUDIES: QCoreApplication.translate("UnitDialog", "Studierektor"),
        ContactRole.OVERALL_DIRECTOR_OF_STUDIES: QCoreApplication.translate(
            "UnitDialog", "Övergripande studierektor"
        ),
    }[role]


class UnitsModel(QAbstractTableModel):
    """The due-date list as a table: a thin adapter over `due_dates.due_list`'s rows, which
    filters and sorts them itself (in Python lists, as the start view's model does), since a
    QSortFilterProxyModel calling back into Python for every cell of thousands of units costs
    seconds per keystroke."""

    STATE, UNIT, SITE, CARE_PROVIDER, SPECIALTY, INSPECTIONS, LAST, NEXT, FOLLOW_UP = range(9)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[UnitDue] = []
        self._haystacks: list[str] = []
        self._cells: list[tuple[str, ...] | None] = []  # each row's texts, made when shown
        self._keys: dict[int, list[Any]] = {}  # column → sort key of each row, made on demand
        self._shown: list[int] = []  # indexes into _all, filtered and sorted
        self._words: list[str] = []
        self._order = (self.STATE, Qt.SortOrder.AscendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {
            "attention": QBrush(_OVERDUE_BACKGROUND),
            "soon": QBrush(_SOON_BACKGROUND),
            "text": QBrush(QColor(Qt.GlobalColor.black)),
        }

    def set_rows(self, rows: Sequence[UnitDue]) -> None:
        self._all = list(rows)
        self._haystacks = [
            normalised(f"{r.unit.title} {r.unit.care_provider} {r.unit.specialty}")
            for r in self._all
        ]
        self._cells = [None] * len(self._all)
        self._keys = {}
        self._reshow()

    def refresh_texts(self) -> None:
        """After a change of language: the cached texts (and text sort keys) made again."""
        self._cells = [None] * len(self._all)
        self._keys = {}
        self._reshow()

    def set_filter_text(self, text: str) -> None:
        """Rows holding every word of `text` (any case, any order) in their unit's texts. Typing
        on narrows the rows shown (already sorted), so most keystrokes filter a few rows."""
        words = normalised(text).split()
        old = " ".join(self._words)
        narrowing = bool(old) and " ".join(words).startswith(old)
        self._words = words
        self._reshow(narrowing=narrowing)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order)
        self._reshow()

    def _reshow(self, *, narrowing: bool = False) -> None:
        self.beginResetModel()
        shown = self._shown if narrowing else list(range(len(self._all)))
        haystacks = self._haystacks
        for word in self._words:
            shown = [i for i in shown if word in haystacks[i]]
        if not narrowing:
            column, order = self._order
            keys = self._keys.get(column)
            if keys is None:
                keys = self._keys[column] = [
                    self._sort_key(i, column) for i in range(len(self._all))
                ]
            shown.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._shown = shown
        self.endResetModel()

    def row_at(self, row: int) -> UnitDue:
        return self._all[self._shown[row]]

    def rows(self) -> list[UnitDue]:
        """The rows shown, in their order."""
        return [self._all[i] for i in self._shown]

    def row_of(self, unit_id: int) -> int | None:
        for row, index in enumerate(self._shown):
            if self._all[index].unit.id == unit_id:
                return row
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Läge"),
            self.tr("Verksamhet"),
            self.tr("Sjukhus / vårdcentral"),
            self.tr("Vårdgivare"),
            self.tr("Specialitet"),
            self.tr("Inspektioner"),
            self.tr("Senaste SPUR"),
            self.tr("Nästa SPUR senast"),
            self.tr("Uppföljning av brister"),
        )[section]

    def _follow_up_text(self, row: UnitDue) -> str:
        unit = row.unit
        if not unit.open_follow_ups:
            return ""
        text = self.tr("%n öppen/öppna", "", unit.open_follow_ups)
        if unit.overdue_follow_ups:
            text = "⚠ " + text + ", " + self.tr("%n försenad(e)", "", unit.overdue_follow_ups)
        return text

    def _texts(self, index: int) -> tuple[str, ...]:
        """The row's nine texts, made once (the view asks for them cell by cell, role by
        role, at every repaint)."""
        cells = self._cells[index]
        if cells is None:
            row = self._all[index]
            unit, spur = row.unit, row.spur
            cells = self._cells[index] = (
                ("⚠ " if spur.state.flagged else "") + state_label(spur.state),
                unit.name,
                unit.site,
                unit.care_provider,
                unit.specialty,
                str(unit.inspections),
                spur.last_spur.isoformat() if spur.last_spur else "–",
                spur.next_due.isoformat() if spur.next_due else "–",
                self._follow_up_text(row),
            )
        return cells

    def _sort_key(self, index: int, column: int) -> Any:
        row = self._all[index]
        if column == self.STATE:
            return (row.spur.state is not DueState.OVERDUE, row.spur.next_due or date.min)
        if column == self.INSPECTIONS:
            return row.unit.inspections
        if column == self.FOLLOW_UP:
            return (-row.unit.overdue_follow_ups, -row.unit.open_follow_ups)
        return self._texts(index)[column].casefold()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position = self._shown[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texts(position)[column]
        row = self._all[position]
        if role == Qt.ItemDataRole.FontRole and row.needs_attention:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.needs_attention:
                return self._brushes["attention"]
            if row.due_soon:
                return self._brushes["soon"]
        if role == Qt.ItemDataRole.ForegroundRole and (row.needs_attention or row.due_soon):
            return self._brushes["text"]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NEXT and row.spur.next_due:
            return self.tr(
                "Ett SPUR-intervall (Inställningar → Enheter) efter den senaste SPUR-inspektionen."
            )
        return None


class UnitsWindow(QWidget):
    """The register: its units with due dates, a filter, editing, merging and export."""

    def __init__(
        self,
        session: LibrarySession,
        rules: Callable[[], DueRules],
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unitsWindow")
        self._session = session
        self._rules = rules
        self._today = today

        self.filter_edit = QLineEdit(objectName="unitsFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.due_only = QCheckBox(objectName="unitsDueOnly")
        self.summary = QLabel(objectName="unitsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = UnitsModel(self)
        self.table = QTableView(objectName="unitsTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UnitsModel.STATE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.edit_button = QPushButton(objectName="editUnit")
        self.new_button = QPushButton(objectName="newUnit")
        self.merge_button = QPushButton(objectName="mergeUnits")
        self.csv_button = QPushButton(objectName="exportUnitsCsv")
        self.docx_button = QPushButton(objectName="exportUnitsDocx")
        self.edit_button.clicked.connect(self.edit_selected)
        self.new_button.clicked.connect(self.new_unit)
        self.merge_button.clicked.connect(self.show_merge)
        self.csv_button.clicked.connect(lambda: self._choose_export("due-csv"))
        self.docx_button.clicked.connect(lambda: self._choose_export("due-docx"))
        self.filter_edit.textChanged.connect(self.model.set_filter_text)
        self.due_only.toggled.connect(lambda _on: self.refresh())

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.due_only)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.new_button, self.merge_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.csv_button, self.docx_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        session.inspectionsChanged.connect(self.refresh)
        self.retranslate()
        self.refresh()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Widths from the (bold) font, so dates and headings fit at any size or DPI."""
        font = self.table.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        samples = {
            UnitsModel.STATE: "⚠ Ingen SPUR",
            UnitsModel.UNIT: "M" * 11,
            UnitsModel.SITE: "M" * 10,
            UnitsModel.CARE_PROVIDER: "M" * 10,
            UnitsModel.SPECIALTY: "M" * 8,
            UnitsModel.INSPECTIONS: "0000",
            UnitsModel.LAST: "2024-12-31",
            UnitsModel.NEXT: "2024-12-31",
        }
        header = self.table.horizontalHeader()
        for column, sample in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, width + metrics.horizontalAdvance("MM"))

    # data ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the register (two grouped queries) and redraw, keeping the selection."""
        selected = self.selected_unit_id()
        today = self._today()
        try:
            units = self._session.library.list_units(today=today)
            rows = due_list(units, today, self._rules(), due_only=self.due_only.isChecked())
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Enhetsregistret kan inte läsas"))
            rows = []
        self.model.set_rows(rows)
        attention = sum(1 for row in rows if row.needs_attention)
        self.summary.setText(
            self.tr("%n enhet(er)", "", len(rows))
            + " · "
            + (
                "⚠ " + self.tr("%n behöver åtgärdas", "", attention)
                if attention
                else self.tr("Inga försenade")
            )
        )
        self.summary.setAccessibleName(self.summary.text())
        if selected is not None:
            self.select_unit(selected)

    def selected_unit_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).unit.id if rows else None

    def select_unit(self, unit_id: int) -> bool:
        row = self.model.row_of(unit_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    # edits -----------------------------------------------------------------------------------
    def edit_selected(self) -> UnitDialog | None:
        unit_id = self.selected_unit_id()
        if unit_id is None:
            dialogs.show_info(
                self, self.tr("Ingen enhet vald"), self.tr("Välj en enhet i listan först.")
            )
            return None
        try:
            unit = self._session.library.get_unit(unit_id)
        except SpurdeskError as error:
            dialogs.show_error(self, error)
            return None
        return self._open_dialog(unit)

    def new_unit(self) -> UnitDialog:
        return self._open_dialog(None)

    def _open_dialog(self, unit: Unit | None) -> UnitDialog:
        dialog = UnitDialog(unit, self._save, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _save(self, unit_id: int | None, fields: dict[str, str], contacts: list[Contact]) -> int:
        """One transaction: the unit's texts and its contacts, or nothing."""

        def save(library: Library) -> int:
            if unit_id is None:
                return library.create_unit(**fields, contacts=contacts)
            with library.batch():
                library.update_unit(unit_id, **fields)
                library.set_unit_contacts(unit_id, contacts)
            return unit_id

        saved = self._session.call(None, save)
        self.select_unit(saved)
        return saved

    def show_merge(self) -> MergeDialog:
        dialog = MergeDialog(self._session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # export ----------------------------------------------------------------------------------
    def _choose_export(self, key: str) -> None:
        output = LISTS[key]
        name_filter = (
            self.tr("CSV-fil (*.csv)")
            if output.suffix == ".csv"
            else self.tr("Word-dokument (*.docx)")
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Exportera enheterna"), output.file_name(self._today()), name_filter
        )
        if chosen:
            self.export(Path(chosen))

    def export(self, path: Path) -> bool:
        """The rows shown (filtered, in their order), as CSV or Word by the file's suffix."""
        rows = self.model.rows()
        try:
            if path.suffix.lower() == ".docx":
                export_due_docx(rows, path, self._today())
            else:
                export_due_csv(rows, path)
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Listan kan inte exporteras"))
            return False
        return True

    # translation -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.model.refresh_texts()
        self.setWindowTitle(self.tr("Enheter – spurdesk"))
        self.filter_edit.setPlaceholderText(self.tr("Sök enhet, sjukhus, vårdgivare…"))
        self.filter_edit.setAccessibleName(self.tr("Sök enhet"))
        self.due_only.setText(self.tr("Bara de som står på tur"))
        self.edit_button.setText(self.tr("&Redigera…"))
        self.new_button.setText(self.tr("&Ny enhet…"))
        self.merge_button.setText(self.tr("&Slå ihop dubbletter…"))
        self.csv_button.setText(self.tr("Exportera CSV…"))
        self.docx_button.setText(self.tr("Exportera Word…"))
        self.table.setAccessibleName(self.tr("Enheter och när nästa SPUR ska göras"))


class UnitDialog(QDialog):
    """A unit's texts and contacts (the report's recipients); saved by `save` in one step, and
    left open with everything typed when the library refuses (e.g. a malformed e-mail)."""

    NAME, EMAIL = 1, 2

    def __init__(
        self,
        unit: Unit | None,
        save: Callable[[int | None, dict[str, str], list[Contact]], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unitDialog")
        self._unit = unit
        self._save = save
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Enhet") if unit else self.tr("Ny enhet"))
        self.edits = {
            name: QLineEdit(getattr(unit, name, ""), objectName=f"unit_{name}")
            for name in ("name", "site", "care_provider", "specialty")
        }
        form = QFormLayout()
        for name, label in (
            ("name", self.tr("&Verksamhet:")),
            ("site", self.tr("Sjukh&us / vårdcentral:")),
            ("care_provider", self.tr("Vård&givare:")),
            ("specialty", self.tr("S&pecialitet:")),
        ):
            form.addRow(label, self.edits[name])

        self.contacts = QTableWidget(0, 3, objectName="contactsTable")
        self.contacts.setHorizontalHeaderLabels(
            [self.tr("Roll"), self.tr("Namn"), self.tr("E-post")]
        )
        self.contacts.horizontalHeader().setStretchLastSection(True)
        self.contacts.setColumnWidth(0, 200)
        self.contacts.setColumnWidth(1, 180)
        self.contacts.setAccessibleName(self.tr("Kontaktpersoner, rapportens mottagare"))
        for contact in unit.contacts if unit else ():
            self.add_contact(contact)
        add = QPushButton(self.tr("&Lägg till kontakt"), objectName="addContact")
        remove = QPushButton(self.tr("&Ta bort kontakt"), objectName="removeContact")
        add.clicked.connect(lambda: self.add_contact(None))
        remove.clicked.connect(self.remove_contact)
        contact_buttons = QHBoxLayout()
        contact_buttons.addWidget(add)
        contact_buttons.addWidget(remove)
        contact_buttons.addStretch(1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            self.tr(
                "Kontakterna är rapportens mottagare. Inspektionernas egna uppgifter om "
                "verksamheten ändras inte här; rapporterna skrivs som de är."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Kontaktpersoner:")))
        layout.addWidget(self.contacts, 1)
        layout.addLayout(contact_buttons)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(640, 460)

    def add_contact(self, contact: Contact | None) -> int:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        role = QComboBox()
        for choice in ContactRole:
            role.addItem(role_label(choice), choice.value)
        role.setAccessibleName(self.tr("Roll"))
        if contact is not None:
            role.setCurrentIndex(max(role.findData(contact.role.value), 0))
        self.contacts.setCellWidget(row, 0, role)
        name = QTableWidgetItem(contact.name if contact else "")
        name.setData(Qt.ItemDataRole.UserRole, contact.uid if contact else "")
        self.contacts.setItem(row, self.NAME, name)
        self.contacts.setItem(row, self.EMAIL, QTableWidgetItem(contact.email if contact else ""))
        return row

    def remove_contact(self) -> None:
        row = self.contacts.currentRow()
        if row >= 0:
            self.contacts.removeRow(row)

    def values(self) -> tuple[dict[str, str], list[Contact]]:
        fields = {name: edit.text() for name, edit in self.edits.items()}
        people = []
        for row in range(self.contacts.rowCount()):
            role = self.contacts.cellWidget(row, 0)
            assert isinstance(role, QComboBox)
            name = self.contacts.item(row, self.NAME)
            email = self.contacts.item(row, self.EMAIL)
            people.append(
                Contact(
                    ContactRole(role.currentData()),
                    name.text() if name else "",
                    email.text() if email else "",
                    uid=str(name.data(Qt.ItemDataRole.UserRole) or "") if name else "",
                )
            )
        return fields, people

    def accept(self) -> None:
        fields, people = self.values()
        try:
            self.saved_id = self._save(self._unit.id if self._unit else None, fields, people)
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Enheten kan inte sparas"))
            return
        super().accept()


class MergeDialog(QDialog):
    """The register's suggested near-duplicates; the chosen pair is merged after a question."""

    def __init__(self, session: LibrarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Slå ihop dubbletter"))
        self._session = session
        self.pairs = QListWidget(objectName="duplicatePairs")
        self.pairs.setAccessibleName(self.tr("Föreslagna dubbletter"))
        self.pairs.setWordWrap(True)
        self.pairs.setAlternatingRowColors(True)
        self.empty = QLabel(objectName="noDuplicates")
        self.merge_button = QPushButton(self.tr("&Slå ihop vald"), objectName="mergePair")
        self.merge_button.clicked.connect(self.merge_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        explanation = QLabel(
            self.tr(
                "Enheter vars namn, sjukhus, vårdgivare och specialitet nästan stämmer överens. "
                "Den första i paret behålls; den andras inspektioner och kontakter flyttas dit "
                "och ändringen skrivs i varje flyttad inspektions historik."
            )
        )
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.pairs, 1)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        row.addWidget(self.merge_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(720, 360)
        self.refresh()

    def _describe(self, pair: DuplicatePair) -> str:
        def unit(side: Any) -> str:
            texts = [side.title, side.care_provider, side.specialty]
            return (
                " · ".join(t for t in texts if t)
                + " ("
                + self.tr("%n inspektion(er)", "", side.inspections)
                + ")"
            )

        return (
            self.tr("Behåll %1\n← slå in %2 (%3 % lika)")
            .replace("%1", unit(pair.keep))
            .replace("%2", unit(pair.merge))
            .replace("%3", str(round(pair.similarity * 100)))
        )

    def refresh(self) -> None:
        self.pairs.clear()
        try:
            pairs = self._session.library.unit_duplicates()
        except SpurdeskError as error:
            dialogs.show_error(self, error)
            pairs = []
        for pair in pairs:
            item = QListWidgetItem(self._describe(pair))
            item.setData(Qt.ItemDataRole.UserRole, (pair.keep.id, pair.merge.id))
            self.pairs.addItem(item)
        if pairs:
            self.pairs.setCurrentRow(0)
        self.empty.setText("" if pairs else self.tr("Inga troliga dubbletter i registret."))
        self.merge_button.setEnabled(bool(pairs))

    def merge_selected(self, *, confirmed: bool = False) -> bool:
        item = self.pairs.currentItem()
        if item is None:
            return False
        keep, merge = item.data(Qt.ItemDataRole.UserRole)
        if not confirmed and not dialogs.confirm(
            self,
            self.tr("Slå ihop enheterna?"),
            item.text(),
            self.tr("Slå ihop"),
            self.tr("Den andra enheten tas bort ur registret; det går inte att ångra."),
        ):
            return False
        try:
            self._session.call(None, lambda library: library.merge_units(keep, merge))
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Enheterna kan inte slås ihop"))
            return False
        self.refresh()
        return True
