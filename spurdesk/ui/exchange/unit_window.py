"""Unit mode: a received .spur package, the report read-only and the action plan editable.

Everything the unit may change goes through `UnitPackage`, which enforces the rules; this window
only offers the editors. The table is an overview; the selected row is edited in the form below.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.action_plan import ActionRow
from spurdesk.exchange.unit_package import UnitPackage
from spurdesk.model.action_fields import UNIT_FIELDS, FieldKind, action_field
from spurdesk.ui import dialogs
from spurdesk.ui.exchange import unit_files
from spurdesk.ui.exchange.report_view import report_html
from spurdesk.ui.inspection.labels import requirement_label

_KEY_ROLE = Qt.ItemDataRole.UserRole + 1

# The Swedish labels of the model's UNIT_FIELDS, marked here so that lupdate extracts them for
# the form's `self.tr(field.label)`; a test keeps them in step with spurdesk.model.action_fields.
_FIELD_LABELS_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("UnitWindow", "Planerad åtgärd"),
    QT_TRANSLATE_NOOP("UnitWindow", "Datum när åtgärden ska vara genomförd"),
    QT_TRANSLATE_NOOP("UnitWindow", "Ansvarig för genomförandet"),
    QT_TRANSLATE_NOOP("UnitWindow", "Datum för uppföljning"),
    QT_TRANSLATE_NOOP("UnitWindow", "Ansvarig för uppföljningen"),
    QT_TRANSLATE_NOOP("UnitWindow", "Kommentar från verksamheten"),
)


def _column_titles() -> list[str]:
    """Short titles for the overview table; the form below shows the full labels."""
    return [
        QCoreApplication.translate("UnitWindow", "Planerad åtgärd"),
        QCoreApplication.translate("UnitWindow", "Klart senast"),
        QCoreApplication.translate("UnitWindow", "Ansvarig"),
        QCoreApplication.translate("UnitWindow", "Uppföljning"),
        QCoreApplication.translate("UnitWindow", "Ansvarig för uppföljning"),
        QCoreApplication.translate("UnitWindow", "Kommentar"),
    ]


def _flat(text: str) -> str:
    return " ".join(text.split())


class UnitWindow(QMainWindow):
    """The unit's window for one package; raises ExchangeError if the file cannot be used."""

    def __init__(self, package_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitWindow")
        self.unit = UnitPackage.open(package_path)
        self._path = Path(package_path)
        self._loading = False
        self.setWindowTitle(
            self.tr("Handlingsplan – %1 (verksamhetens läge)").replace(
                "%1", self.unit.inspection.title
            )
        )
        self.resize(1100, 760)

        report = QTextBrowser(objectName="unitReport")
        report.setHtml(report_html(self.unit.inspection))
        report.setReadOnly(True)

        tabs = QTabWidget(objectName="unitTabs")
        tabs.addTab(self._plan_page(), self.tr("Handlingsplan"))
        tabs.addTab(report, self.tr("Rapport (kan inte ändras)"))
        self.setCentralWidget(tabs)
        self._fill_table()
        self._table.selectRow(0)
        self._refresh_problems()

    # building --------------------------------------------------------------------------------

    def _plan_page(self) -> QWidget:
        due = self.unit.plan.reply_by
        reply_by = QLabel(
            self.tr("Skicka handlingsplanen till inspektörerna senast %1.").replace(
                "%1", due.isoformat()
            )
            if due
            else self.tr("Inspektörerna har inte angett när handlingsplanen ska vara inskickad."),
            objectName="unitReplyBy",
        )
        font = reply_by.font()
        font.setBold(True)
        reply_by.setFont(font)
        intro = QLabel(
            self.tr(
                "Fyll i handlingsplanen för bristerna som granskningen påvisade. Där det står "
                "”Åtgärder krävs” ska verksamheten ange en åtgärd; där det står ”Åtgärder "
                "rekommenderas” är en åtgärd frivillig men önskvärd. Lämnas datum för "
                "uppföljning tomt blir det sex månader efter att planen har kommit in. "
                "Rapporten kan inte ändras. När listan nedan är tom kan svaret exporteras och "
                "skickas till inspektörerna."
            )
        )
        intro.setWordWrap(True)
        self._table = QTableWidget(0, 1 + len(UNIT_FIELDS), objectName="unitPlanTable")
        self._table.setHorizontalHeaderLabels([self.tr("Brist"), *_column_titles()])
        for column, width in enumerate((280, 280, 120, 150, 130, 150, 160)):
            self._table.setColumnWidth(column, width)
        self._table.verticalHeader().setDefaultSectionSize(28)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._table.itemSelectionChanged.connect(self._load_selected)

        self._deficiency = QLabel(objectName="unitDeficiency")
        self._deficiency.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Brist"), self._deficiency)
        self._editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name in UNIT_FIELDS:
            editor: QLineEdit | QPlainTextEdit
            if action_field(name).kind is FieldKind.TEXT:
                editor = QPlainTextEdit(objectName=f"edit_{name}")
                editor.setTabChangesFocus(True)
                editor.textChanged.connect(lambda n=name: self._edited(n))
            else:
                editor = QLineEdit(objectName=f"edit_{name}")
                editor.textEdited.connect(lambda _text, n=name: self._edited(n))
            if action_field(name).kind is FieldKind.DATE_TEXT:
                editor.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD eller ”kontinuerligt”"))
            self._editors[name] = editor
            form.addRow(self.tr(action_field(name).label), editor)

        add = QPushButton(self.tr("Lägg till rad för samma brist"), objectName="addRow")
        remove = QPushButton(self.tr("Ta bort rad"), objectName="removeRow")
        draft = QPushButton(self.tr("Spara utkast…"), objectName="saveDraft")
        draft.setToolTip(
            self.tr("Spara arbetet för att fortsätta senare; utkastet kan inte importeras.")
        )
        draft.clicked.connect(self._choose_draft_path)
        export = QPushButton(self.tr("Exportera svar…"), objectName="exportResponse")
        add.clicked.connect(self.add_row_for_selected)
        remove.clicked.connect(self.remove_selected_row)
        export.clicked.connect(self._choose_export_path)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(draft)
        buttons.addWidget(export)

        self._problems = QListWidget(objectName="unitProblems")
        self._problems.itemActivated.connect(self._go_to_problem)
        self._problems_label = QLabel(objectName="unitProblemsLabel")

        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.addLayout(form)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self._problems_label)
        editor_layout.addWidget(self._problems)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._table)
        splitter.addWidget(editor_box)
        splitter.setSizes([320, 440])
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(reply_by)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        return page

    # table -----------------------------------------------------------------------------------

    def _deficiency_text(self, row: ActionRow) -> str:
        """ "Åtgärder krävs. E.4: … E.5: …" — what the row answers and whether it must."""
        texts = []
        for criterion_id in row.criteria_answered:
            deficiency = self.unit.plan.deficiency(row.section_id, criterion_id)
            texts.append(
                f"{criterion_id}: {deficiency.criterion_text}" if deficiency else criterion_id
            )
        if not texts:
            texts.append(row.section_id or "")
        need = requirement_label(self.unit.plan.requirement(row))
        return "\n".join(([need] if need else []) + texts)

    def _row_cells(self, row: ActionRow) -> list[str]:
        label = self._deficiency_text(row)
        return [_flat(label)] + [_flat(getattr(row, name)) for name in UNIT_FIELDS]

    def _fill_table(self) -> None:
        rows = self.unit.plan.rows
        self._table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate(self._row_cells(row)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(_KEY_ROLE, row.key)
                self._table.setItem(index, column, item)

    def _update_table_row(self, key: str) -> None:
        index = self.row_keys().index(key)
        for column, text in enumerate(self._row_cells(self.unit.plan.row(key))):
            item = self._table.item(index, column)
            item.setText(text)
            item.setToolTip(text)

    def row_keys(self) -> list[str]:
        return [row.key for row in self.unit.plan.rows]

    def selected_key(self) -> str | None:
        selected = self._table.selectionModel().selectedRows()
        return self.row_keys()[selected[0].row()] if selected else None

    def select_row(self, key: str) -> None:
        self._table.selectRow(self.row_keys().index(key))

    def editor(self, name: str) -> QLineEdit | QPlainTextEdit:
        return self._editors[name]

    # editing ---------------------------------------------------------------------------------

    def _load_selected(self) -> None:
        key = self.selected_key()
        self._loading = True
        try:
            for name, editor in self._editors.items():
                value = getattr(self.unit.plan.row(key), name) if key else ""
                if isinstance(editor, QPlainTextEdit):
                    editor.setPlainText(value)
                else:
                    editor.setText(value)
                editor.setEnabled(key is not None)
            if key is None:
                self._deficiency.clear()
            else:
                self._deficiency.setText(self._deficiency_text(self.unit.plan.row(key)))
        finally:
            self._loading = False

    def _edited(self, name: str) -> None:
        key = self.selected_key()
        if self._loading or key is None:
            return
        editor = self._editors[name]
        text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        try:
            self.unit.set_field(key, name, text)
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Fältet kan inte sparas"))
            self._load_selected()
            return
        self._update_table_row(key)
        self._refresh_problems()

    def add_row_for_selected(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        row = self.unit.plan.row(key)
        deficiency = self.unit.plan.deficiency(row.section_id, row.criterion_id)
        if deficiency is None:
            dialogs.show_info(
                self,
                self.tr("Ingen brist vald"),
                self.tr("Rader kan bara läggas till för de brister som rapporten listar."),
            )
            return
        added = self.unit.add_row(deficiency)
        self._fill_table()
        self.select_row(added.key)
        self._refresh_problems()

    def remove_selected_row(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        try:
            self.unit.remove_row(key)
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Raden kan inte tas bort"))
            return
        self._fill_table()
        if self.unit.plan.rows:
            self._table.selectRow(0)
        self._refresh_problems()

    # validation and export -------------------------------------------------------------------

    def _refresh_problems(self) -> None:
        self._problems.clear()
        problems = self.unit.validate()
        for problem in problems:
            item = QListWidgetItem(problem.message)
            item.setData(_KEY_ROLE, (problem.row_key, problem.field))
            self._problems.addItem(item)
        self._problems_label.setText(
            self.tr("Att åtgärda innan svaret kan skickas:")
            if problems
            else self.tr("Handlingsplanen är komplett och kan exporteras.")
        )

    def problem_messages(self) -> list[str]:
        return [self._problems.item(i).text() for i in range(self._problems.count())]

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        key, name = item.data(_KEY_ROLE)
        if key is not None:
            self.select_row(key)
        if name is not None:
            self._editors[name].setFocus()

    def _choose_export_path(self) -> None:
        suggestion = self._path.with_name(f"{self._path.stem}-svar.spur")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Exportera svar"), str(suggestion), self.tr("spurdesk-paket (*.spur)")
        )
        if chosen:
            self.export_response(Path(chosen))

    def _choose_draft_path(self) -> None:
        suggestion = self._path.with_name(f"{self._path.stem}-utkast.spur")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Spara utkast"), str(suggestion), self.tr("spurdesk-paket (*.spur)")
        )
        if chosen:
            self.save_draft(Path(chosen))

    def save_draft(self, path: Path) -> bool:
        """Save unfinished work; reopen the file later to continue."""
        return unit_files.save_draft(self, lambda: self.unit.save_draft(path))

    def export_response(self, path: Path) -> bool:
        """Write the response package; problems or write errors are shown, nothing is written."""
        return unit_files.export_answer(self, lambda: self.unit.export_response(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        unit_files.close_if_saved(
            self,
            event,
            self.unit.modified,
            self.tr("Stäng utan att exportera?"),
            self.tr("Ändringarna i handlingsplanen har inte exporterats och går förlorade."),
        )


def open_unit_window(path: str | Path, parent: QWidget | None = None) -> UnitWindow | None:
    """Open a package in unit mode; a refused file is shown as an error and gives None."""
    try:
        window = UnitWindow(path, parent)
    except SpurdeskError as error:
        dialogs.show_error(
            parent, error, QCoreApplication.translate("UnitWindow", "Paketet kan inte öppnas")
        )
        return None
    window.show()
    return window
