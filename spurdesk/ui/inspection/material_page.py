"""Underlag: the checklist of material requested from the unit before the visit.

Each row is requested / received with a date, linked to the criteria it is evidence for, and may
hold the file itself. "Begär enligt listan" adds the shipped checklist's items the inspection
lacks; Insert adds one of the inspector's own, Delete removes one (its file comes back on undo).
A stored file is opened from a private temporary copy or saved elsewhere under a name made from
its shown name and its kind — never under a path taken from the library.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QToolButton,
    QWidget,
)

from spurdesk.atomic import write_atomically
from spurdesk.errors import SpurdeskError
from spurdesk.model.inspection import Inspection
from spurdesk.model.material import MaterialItem
from spurdesk.ui.dialogs import show_error
from spurdesk.ui.inspection.material_model import COLUMNS, MaterialModel
from spurdesk.ui.inspection.page import InspectionPage, heading, page_layout, wrapped
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.undo import (
    MaterialFileCommand,
    add_material_item_command,
    edit_material_item_command,
    remove_material_item_command,
    request_material_command,
)

_UNSAFE = re.compile(r"[^\w .()-]+")
_WIDTHS = {"requested_on": 90, "received_on": 90, "criteria": 130, "file": 170, "note": 150}


def safe_file_name(item: MaterialItem) -> str:
    """A plain file name for the item's file: its shown name's stem reduced to letters, digits
    and a few marks, and the suffix of the kind its content was found to be."""
    assert item.attachment is not None
    stem = _UNSAFE.sub("_", Path(item.attachment.name).stem).strip(" ._") or "underlag"
    return stem[:80] + item.attachment.kind.suffix


class MaterialPage(InspectionPage):
    def __init__(
        self, session: LibrarySession, inspection: Inspection, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, inspection, parent)
        layout = page_layout(self)
        self.title = heading()
        self.explanation = wrapped()
        self.model = MaterialModel(self)
        self.model.edited.connect(self._edited)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for number, name in enumerate(COLUMNS[1:], start=1):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(number, _WIDTHS[name])
        self.actions_by_name: dict[str, QAction] = {}
        buttons = QHBoxLayout()
        for name, shortcut, handler in (
            ("request", QKeySequence("Ctrl+Shift+L"), self.request_checklist),
            ("add", QKeySequence(Qt.Key.Key_Insert), self.add),
            ("remove", QKeySequence(Qt.Key.Key_Delete), self.remove),
            ("received", QKeySequence("Ctrl+R"), self.mark_received),
            ("attach", QKeySequence("Ctrl+Shift+A"), self.attach),
            ("open", QKeySequence("Ctrl+O"), self.open_file),
            ("save", QKeySequence("Ctrl+Shift+O"), self.save_file),
            ("detach", QKeySequence(), self.detach),
        ):
            action = self._action(shortcut, handler)
            self.actions_by_name[name] = action
            button = QToolButton()
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        self.retranslate()
        self.refresh(inspection)

    def _action(self, shortcut: QKeySequence, handler: Callable[[], None]) -> QAction:
        action = QAction(self)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(handler)
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        self.title.setText(self.tr("Underlag"))
        self.explanation.setText(
            self.tr(
                "Material som begärts från verksamheten inför besöket. Ange när det begärdes och "
                "kom in, vilka kriterier det belyser, och bifoga filen om den ska sparas i "
                "biblioteket (PDF, Word, Excel, ODT, PNG, JPEG eller text, högst 20 MB). Det "
                "som kommit in listas i rapportens bilaga Underlag."
            )
        )
        self.view.setAccessibleName(self.tr("Underlag"))
        texts = {
            "request": (
                self.tr("Begär enligt listan"),
                self.tr("Lägg till listans underlag som saknas (Ctrl+Skift+L)"),
            ),
            "add": (self.tr("Nytt underlag"), self.tr("Lägg till eget underlag (Insert)")),
            "remove": (self.tr("Ta bort"), self.tr("Ta bort underlaget (Delete)")),
            "received": (
                self.tr("Inkom i dag"),
                self.tr("Markera underlaget inkommet i dag (Ctrl+R)"),
            ),
            "attach": (
                self.tr("Bifoga fil…"),
                self.tr("Spara en fil i biblioteket (Ctrl+Skift+A)"),
            ),
            "open": (self.tr("Öppna fil"), self.tr("Öppna den sparade filen (Ctrl+O)")),
            "save": (
                self.tr("Spara fil som…"),
                self.tr("Spara en kopia av filen (Ctrl+Skift+O)"),
            ),
            "detach": (
                self.tr("Ta bort fil"),
                self.tr("Ta bort den sparade filen ur biblioteket"),
            ),
        }
        for name, (text, tip) in texts.items():
            self.actions_by_name[name].setText(text)
            self.actions_by_name[name].setToolTip(tip)
        self.model.retranslate()

    def refresh(self, inspection: Inspection) -> None:
        super().refresh(inspection)
        self.model.set_items(inspection.material)
        self.view.resizeRowsToContents()
        self._update_actions()

    def _current(self) -> MaterialItem | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def _update_actions(self) -> None:
        item = self._current()
        has_file = item is not None and item.attachment is not None
        for name in ("remove", "received", "attach"):
            self.actions_by_name[name].setEnabled(item is not None)
        for name in ("open", "save", "detach"):
            self.actions_by_name[name].setEnabled(has_file)

    def select_item(self, item_id: int, column: int = 0) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, column))
            self.view.setFocus()

    # editing -------------------------------------------------------------------------------

    def request_checklist(self) -> None:
        self.push(request_material_command(self.session, self.inspection_id, date.today()))

    def add(self) -> None:
        item = self._current()
        position = item.position + 1 if item is not None else None
        title = self.tr("Nytt underlag")
        command = add_material_item_command(self.session, self.inspection_id, title, position)
        if self.push(command) and command.item_id is not None:
            self.select_item(command.item_id)
            self.view.edit(self.view.currentIndex())

    def remove(self) -> None:
        item = self._current()
        if item is not None:
            self.push(remove_material_item_command(self.session, self.inspection_id, item))

    def mark_received(self) -> None:
        item = self._current()
        if item is not None:
            self._edited(item.id, "received_on", date.today())

    def _edited(self, item_id: int, name: str, value: Any) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            return
        old = {name: getattr(self.model.item(row), name)}
        command = edit_material_item_command(
            self.session, self.inspection_id, item_id, old, {name: value}
        )
        self.push(command)

    # files ---------------------------------------------------------------------------------

    def ask_open_path(self) -> Path | None:
        """The file to attach (tests replace this dialog)."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Bifoga fil"),
            "",
            self.tr("Dokument och bilder (*.pdf *.docx *.xlsx *.odt *.png *.jpg *.jpeg *.txt)"),
        )
        return Path(path) if path else None

    def ask_save_path(self, suggested: str) -> Path | None:
        """Where to save a copy (tests replace this dialog)."""
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Spara fil som"), suggested)
        return Path(path) if path else None

    def attach(self) -> None:
        item = self._current()
        if item is None:
            return
        source = self.ask_open_path()
        if source is None:
            return
        try:
            old = (
                (item.attachment.name, self.session.library.material_file(item.id))
                if item.attachment is not None
                else None
            )
        except SpurdeskError as error:
            show_error(self, error)
            return
        self.push(MaterialFileCommand(self.session, self.inspection_id, item.id, old, source))

    def detach(self) -> None:
        item = self._current()
        if item is None or item.attachment is None:
            return
        try:
            old = (item.attachment.name, self.session.library.material_file(item.id))
        except SpurdeskError as error:
            show_error(self, error)
            return
        self.push(MaterialFileCommand(self.session, self.inspection_id, item.id, old, None))

    def _write_copy(self, item: MaterialItem, target: Path) -> Path | None:
        try:
            data = self.session.library.material_file(item.id)
            return write_atomically(target, lambda stream: stream.write(data))
        except (SpurdeskError, OSError) as error:
            show_error(self, error)
            return None

    def open_file(self) -> Path | None:
        """A private temporary copy, opened with the system's program for its kind."""
        item = self._current()
        if item is None or item.attachment is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="spurdesk-underlag-"))
        written = self._write_copy(item, folder / safe_file_name(item))
        if written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written

    def save_file(self) -> Path | None:
        item = self._current()
        if item is None or item.attachment is None:
            return None
        target = self.ask_save_path(safe_file_name(item))
        return self._write_copy(item, target) if target is not None else None
