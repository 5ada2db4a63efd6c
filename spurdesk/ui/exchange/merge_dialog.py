"""The merge preview: what a co-inspector's copy changes, grouped by page with conflicts first;
each entry side by side (mine | theirs) with the differences marked; a choice per conflict.

The dialog writes nothing itself. `apply()` hands the choices to the `merge` callback it was
given (spurdesk.ui.exchange.coinspector_actions: one undoable step) and closes when that
succeeds; a refusal is shown and the dialog stays open. A conflict without a choice keeps the
local version, and the dialog asks before applying while any is left unchosen.

Keys: arrows move in the list, F8 / Shift+F8 go to the next / previous conflict, Alt+M keeps
mine, Alt+D takes theirs, Alt+R edits a combination, Enter merges, Escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.coinspector import MergePlan
from spurdesk.exchange.merge import Choice, ConflictKind, Edited, Resolution
from spurdesk.exchange.merge import Path as MergePath
from spurdesk.ui import dialogs
from spurdesk.ui.exchange.merge_changes import Entry, EntryKind, Group, describe
from spurdesk.ui.exchange.word_diff import legend, marked_pair

_PATH_ROLE = Qt.ItemDataRole.UserRole + 1
_MINE, _THEIRS, _EDITED = 0, 1, 2

Choices = dict[MergePath, Resolution]


def _when(moment: datetime | None) -> str:
    """Local time, minutes: the library and the copy keep UTC."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class MergeDialog(QDialog):
    def __init__(
        self,
        plan: MergePlan,
        actor: str,
        merge: Callable[[Choices], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.plan = plan
        self.groups: tuple[Group, ...] = describe(plan)
        self._merge = merge
        self._actor = actor
        self._entries: dict[MergePath, Entry] = {
            entry.path: entry for group in self.groups for entry in group.entries
        }
        self._choices: Choices = {}
        self._items: dict[MergePath, QTreeWidgetItem] = {}
        self._group_items: list[tuple[QTreeWidgetItem, Group]] = []
        self._shown: Entry | None = None
        self.resize(1100, 720)
        self._build()
        self.retranslate()
        self._select_first()

    # building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.intro = QLabel(objectName="mergeIntro", wordWrap=True)
        self.nothing_label = QLabel(objectName="mergeNothing", wordWrap=True)
        font = self.nothing_label.font()
        font.setBold(True)
        self.nothing_label.setFont(font)

        self.tree = QTreeWidget(objectName="mergeChanges")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for group in self.groups:
            group_item = QTreeWidgetItem(self.tree, [group.title, ""])
            group_item.setToolTip(0, group.title)
            group_font = QFont(group_item.font(0))
            group_font.setBold(True)
            group_item.setFont(0, group_font)
            self._group_items.append((group_item, group))
            for entry in group.entries:
                item = QTreeWidgetItem(group_item, [entry.what, ""])
                item.setToolTip(0, f"{group.title} – {entry.what}")
                item.setData(0, _PATH_ROLE, entry.path)
                if entry.conflict is not None:
                    for column in (0, 1):
                        item.setFont(column, group_font)
                self._items[entry.path] = item
        self.tree.expandAll()
        self.tree.currentItemChanged.connect(lambda current, _old: self._show_item(current))

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        self.place_label = QLabel(objectName="mergePlace", wordWrap=True)
        self.place_label.setFont(self.nothing_label.font())
        self.kind_label = QLabel(objectName="mergeKind", wordWrap=True)
        self.mine_header = QLabel(objectName="mineHeader", wordWrap=True)
        self.theirs_header = QLabel(objectName="theirsHeader", wordWrap=True)
        self.mine_view = QTextBrowser(objectName="mineView")
        self.theirs_view = QTextBrowser(objectName="theirsView")
        for header, view in (
            (self.mine_header, self.mine_view),
            (self.theirs_header, self.theirs_view),
        ):
            view.setTabChangesFocus(True)
            view.setOpenLinks(False)
            header.setBuddy(view)
        sides = QGridLayout()
        sides.addWidget(self.mine_header, 0, 0)
        sides.addWidget(self.theirs_header, 0, 1)
        sides.addWidget(self.mine_view, 1, 0)
        sides.addWidget(self.theirs_view, 1, 1)
        sides.setRowStretch(1, 1)
        self.legend_label = QLabel(objectName="mergeLegend", wordWrap=True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)

        self.choice_box = QGroupBox(objectName="mergeChoice")
        choice_row = QHBoxLayout(self.choice_box)
        self.mine_button = QRadioButton(objectName="keepMine")
        self.theirs_button = QRadioButton(objectName="takeTheirs")
        self.edit_button = QRadioButton(objectName="editCombination")
        self.choice_group = QButtonGroup(self)
        for number, button in enumerate((self.mine_button, self.theirs_button, self.edit_button)):
            self.choice_group.addButton(button, number)
            choice_row.addWidget(button)
        choice_row.addStretch(1)
        self.choice_group.idClicked.connect(self._choice_clicked)
        self.editor = QPlainTextEdit(objectName="combinationEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._edited)
        self.editor_label = QLabel(objectName="combinationLabel", wordWrap=True)
        self.editor_label.setBuddy(self.editor)

        detail_layout.addWidget(self.place_label)
        detail_layout.addWidget(self.kind_label)
        detail_layout.addLayout(sides, 3)
        detail_layout.addWidget(self.legend_label)
        detail_layout.addWidget(self.choice_box)
        detail_layout.addWidget(self.editor_label)
        detail_layout.addWidget(self.editor, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 660])

        self.status_label = QLabel(objectName="mergeStatus", wordWrap=True)
        self.previous_button = QPushButton(objectName="previousConflict")
        self.next_button = QPushButton(objectName="nextConflict")
        for button in (self.previous_button, self.next_button):
            button.setAutoDefault(False)  # Enter merges, wherever the focus has been
        self.previous_button.clicked.connect(lambda: self.go_to_conflict(-1))
        self.next_button.clicked.connect(lambda: self.go_to_conflict(1))
        QShortcut(QKeySequence("F8"), self, lambda: self.go_to_conflict(1))
        QShortcut(QKeySequence("Shift+F8"), self, lambda: self.go_to_conflict(-1))
        self.apply_button = QPushButton(objectName="applyMerge")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton(objectName="cancelMerge")
        buttons = QDialogButtonBox()
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.previous_button)
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.nothing_label)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        has_changes = bool(self._entries)
        self.nothing_label.setVisible(not has_changes)
        self.splitter.setVisible(has_changes)
        has_conflicts = bool(self.conflict_paths())
        self.previous_button.setVisible(has_conflicts)
        self.next_button.setVisible(has_conflicts)

        chain = [
            self.tree,
            self.mine_view,
            self.theirs_view,
            self.mine_button,
            self.theirs_button,
            self.edit_button,
            self.editor,
            self.previous_button,
            self.next_button,
            self.apply_button,
            self.cancel_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
        copy = self.plan.copy
        title = copy.record.title if self.plan.local is None else self.plan.local.title
        self.setWindowTitle(
            self.tr("Kopia från %1 – %2").replace("%1", copy.sender).replace("%2", title)
        )
        intro = (
            self.tr(
                "Kopian från %1 (%2, gjord %3) jämförd med inspektionen här. Inget ändras "
                "förrän du väljer Slå ihop."
            )
            .replace("%1", copy.sender)
            .replace("%2", copy.source)
            .replace("%3", _when(copy.created))
        )
        if self.plan.result is not None and self.plan.result.reordered:
            intro += " " + self.tr(
                "Båda har flyttat rader på samma ställe; de står nu i en fast ordning och ingen "
                "rad går förlorad."
            )
        self.intro.setText(intro)
        self.nothing_label.setText(
            self.tr("Kopian innehåller inget nytt: allt i den finns redan här.")
        )
        self.tree.setHeaderLabels([self.tr("Ändring"), self.tr("Läge")])
        self.tree.setAccessibleName(self.tr("Ändringar i kopian"))
        self.mine_view.setAccessibleName(self.tr("Min version"))
        self.theirs_view.setAccessibleName(self.tr("Deras version"))
        self.legend_label.setText(
            legend(self.tr("finns bara till vänster"), self.tr("finns bara till höger"))
        )
        self.choice_box.setTitle(self.tr("Välj för den här konflikten"))
        self.mine_button.setText(self.tr("Behåll &min"))
        self.theirs_button.setText(self.tr("Ta &deras"))
        self.edit_button.setText(self.tr("&Redigera en kombination"))
        self.editor_label.setText(self.tr("Din formulering av båda versionerna:"))
        self.editor.setAccessibleName(self.tr("Kombination av båda versionerna"))
        self.previous_button.setText(self.tr("&Föregående konflikt"))
        self.previous_button.setToolTip(self.tr("Föregående konflikt (Skift+F8)"))
        self.next_button.setText(self.tr("&Nästa konflikt"))
        self.next_button.setToolTip(self.tr("Nästa konflikt (F8)"))
        self.apply_button.setText(self.tr("Slå &ihop") if self._entries else self.tr("Ta &emot"))
        self.cancel_button.setText(self.tr("Avbryt"))
        for group_item, group in self._group_items:
            group_item.setText(1, self._group_state(group))
        for path in self._items:
            self._show_state(path)
        if self._shown is not None:
            self._show_entry(self._shown)
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # texts -------------------------------------------------------------------------------------

    def _group_state(self, group: Group) -> str:
        changes = len(group.entries) - group.conflicts
        parts = []
        if group.conflicts:
            parts.append(self.tr("%n konflikt(er)", "", group.conflicts))
        if changes:
            parts.append(self.tr("%n ändring(ar)", "", changes))
        return " · ".join(parts)

    def _entry_state(self, entry: Entry) -> str:
        if entry.conflict is None:
            return {
                EntryKind.ADDED: self.tr("Ny"),
                EntryKind.REMOVED: self.tr("Tas bort"),
                EntryKind.CHANGED: self.tr("Ändras"),
                EntryKind.MERGED: self.tr("Sammanfogas"),
            }.get(entry.kind, "")
        choice = self._choices.get(entry.path)
        if choice is None:
            return self.tr("Konflikt – inget val")
        if choice is Choice.MINE:
            return self.tr("Konflikt – min")
        if choice is Choice.THEIRS:
            return self.tr("Konflikt – deras")
        return self.tr("Konflikt – egen text")

    def _kind_text(self, entry: Entry) -> str:
        sender = self.plan.copy.sender
        if entry.conflict is not None:
            return {
                ConflictKind.TEXT: self.tr(
                    "Konflikt: båda har ändrat samma stycke. Välj en version eller skriv en "
                    "kombination av dem."
                ),
                ConflictKind.VALUE: self.tr("Konflikt: båda har ändrat värdet. Välj ett av dem."),
                ConflictKind.REMOVED: self.tr(
                    "Konflikt: raden är borttagen i den ena versionen och ändrad i den andra."
                ),
            }[entry.conflict.kind]
        return {
            EntryKind.ADDED: self.tr("Finns bara i kopian från %1 och läggs till."),
            EntryKind.REMOVED: self.tr("%1 har tagit bort den; den tas bort här."),
            EntryKind.CHANGED: self.tr("Ändrad av %1; ändras här."),
            EntryKind.MERGED: self.tr(
                "Båda har ändrat texten, i olika stycken: båda ändringarna behålls."
            ),
        }[entry.kind].replace("%1", sender)

    def _headers(self, entry: Entry) -> tuple[str, str]:
        local = self.plan.local
        mine_when = _when(local.modified_at if local is not None else None)
        copy = self.plan.copy
        if entry.conflict is not None:
            mine = self.tr("Min version – %1, %2")
            theirs = self.tr("Deras version – %1, %2")
            return (
                mine.replace("%1", self._actor).replace("%2", mine_when),
                theirs.replace("%1", copy.sender).replace("%2", _when(copy.created)),
            )
        return (
            self.tr("Nu – %1, %2").replace("%1", self._actor).replace("%2", mine_when),
            self.tr("Efter sammanslagningen"),
        )

    def _empty_text(self, entry: Entry, mine_side: bool) -> str:
        whole_row = len(entry.path) == 2 and entry.path[0] not in ("facts", "order")
        if not whole_row:
            return self.tr("(tomt)")
        if entry.conflict is not None:
            return self.tr("(borttagen)")
        return self.tr("(finns inte här)") if mine_side else self.tr("(tas bort)")

    # showing -----------------------------------------------------------------------------------

    def _select_first(self) -> None:
        conflicts = self.conflict_paths()
        if conflicts:
            self.select(conflicts[0])
        elif self._items:
            self.select(next(iter(self._items)))
        self.tree.setFocus()

    def _show_item(self, item: QTreeWidgetItem | None) -> None:
        path = item.data(0, _PATH_ROLE) if item is not None else None
        entry = self._entries.get(tuple(path)) if path is not None else None
        if entry is not None:
            self._show_entry(entry)
            return
        self._shown = None
        group = next((g for i, g in self._group_items if i is item), None)
        self.place_label.setText(group.title if group is not None else "")
        self.kind_label.setText(self._group_state(group) if group is not None else "")
        for widget in self._entry_widgets():
            widget.setVisible(False)

    def _entry_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.mine_header,
            self.theirs_header,
            self.mine_view,
            self.theirs_view,
            self.legend_label,
            self.choice_box,
            self.editor_label,
            self.editor,
        )

    def _show_entry(self, entry: Entry) -> None:
        self._shown = entry
        group = next(g for g in self.groups if entry in g.entries)
        self.place_label.setText(f"{group.title} – {entry.what}")
        self.kind_label.setText(self._kind_text(entry))
        mine_header, theirs_header = self._headers(entry)
        self.mine_header.setText(mine_header)
        self.theirs_header.setText(theirs_header)
        mine, theirs = marked_pair(entry.mine, entry.theirs)
        for text, html, view, side in (
            (entry.mine, mine, self.mine_view, True),
            (entry.theirs, theirs, self.theirs_view, False),
        ):
            view.setHtml(html if text else f"<i>{self._empty_text(entry, side)}</i>")
        for widget in self._entry_widgets()[:5]:
            widget.setVisible(True)
        conflict = entry.conflict is not None
        self.choice_box.setVisible(conflict)
        self.edit_button.setVisible(entry.editable)
        choice = self._choices.get(entry.path)
        self.choice_group.setExclusive(False)
        for number, button in enumerate((self.mine_button, self.theirs_button, self.edit_button)):
            button.setChecked(number == self._choice_id(choice))
        self.choice_group.setExclusive(True)
        editing = isinstance(choice, Edited)
        self.editor_label.setVisible(editing)
        self.editor.setVisible(editing)
        if editing and self.editor.toPlainText() != choice.text:  # type: ignore[union-attr]
            self.editor.blockSignals(True)
            self.editor.setPlainText(choice.text)  # type: ignore[union-attr]
            self.editor.blockSignals(False)

    @staticmethod
    def _choice_id(choice: Resolution | None) -> int:
        if choice is None:
            return -1
        if isinstance(choice, Edited):
            return _EDITED
        return _MINE if choice is Choice.MINE else _THEIRS

    def _show_state(self, path: MergePath) -> None:
        self._items[path].setText(1, self._entry_state(self._entries[path]))

    def _show_status(self) -> None:
        conflicts = len(self.conflict_paths())
        changes = len(self._entries) - conflicts
        if not self._entries:
            self.status_label.setText("")
            return
        text = self.tr("%n ändring(ar)", "", changes)
        if conflicts:
            text += " · " + self.tr("%n konflikt(er)", "", conflicts)
            left = self.unchosen_count()
            if left:
                text += " – " + self.tr("%n utan val; där behålls din version.", "", left)
            else:
                text += " – " + self.tr("alla har ett val.")
        self.status_label.setText(text)

    # choosing ----------------------------------------------------------------------------------

    def conflict_paths(self) -> list[MergePath]:
        """The conflicts in the list's order."""
        return [path for path, entry in self._items_in_order() if entry.conflict is not None]

    def _items_in_order(self) -> list[tuple[MergePath, Entry]]:
        return [(entry.path, entry) for group in self.groups for entry in group.entries]

    def entry(self, path: MergePath) -> Entry:
        return self._entries[path]

    def select(self, path: MergePath) -> None:
        self.tree.setCurrentItem(self._items[path])

    def current_path(self) -> MergePath | None:
        return self._shown.path if self._shown is not None else None

    def choices(self) -> Choices:
        """The choices made (a conflict without one keeps the local version)."""
        return dict(self._choices)

    def unchosen_count(self) -> int:
        return sum(1 for path in self.conflict_paths() if path not in self._choices)

    def choose(self, path: MergePath, choice: Resolution) -> None:
        """Resolve one conflict (the radio buttons, the editor, and tests)."""
        entry = self._entries[path]
        if entry.conflict is None:
            raise KeyError(path)
        if isinstance(choice, Edited) and not entry.editable:
            raise ValueError(f"{path}: only a text conflict takes an own wording")
        self._choices[path] = choice
        self._show_state(path)
        self._show_status()
        if self._shown is entry:
            self._show_entry(entry)

    def _choice_clicked(self, button_id: int) -> None:
        entry = self._shown
        if entry is None or entry.conflict is None:
            return
        if button_id == _MINE:
            self.choose(entry.path, Choice.MINE)
        elif button_id == _THEIRS:
            self.choose(entry.path, Choice.THEIRS)
        else:
            current = self._choices.get(entry.path)
            start = current.text if isinstance(current, Edited) else entry.mine
            self.choose(entry.path, Edited(start))
            self.editor.setFocus()

    def _edited(self) -> None:
        entry = self._shown
        if entry is not None and isinstance(self._choices.get(entry.path), Edited):
            self._choices[entry.path] = Edited(self.editor.toPlainText())

    def go_to_conflict(self, step: int) -> None:
        """The next (step 1) or previous (-1) conflict, round the list."""
        conflicts = self.conflict_paths()
        if not conflicts:
            return
        current = self.current_path()
        if current in conflicts:
            position = (conflicts.index(current) + step) % len(conflicts)
        else:
            position = 0 if step > 0 else len(conflicts) - 1
        self.select(conflicts[position])
        self.tree.setFocus()

    # applying ----------------------------------------------------------------------------------

    def apply(self) -> None:
        """Merge with the choices made; asks first while a conflict has no choice."""
        left = self.unchosen_count()
        if left and not dialogs.confirm(
            self,
            self.tr("Konflikter utan val"),
            self.tr("%n konflikt(er) har inget val.", "", left),
            self.tr("Slå ihop ändå"),
            self.tr("Där behålls din version. Välj Avbryt för att välja själv."),
        ):
            first = next(p for p in self.conflict_paths() if p not in self._choices)
            self.select(first)
            self.tree.setFocus()
            return
        try:
            self._merge(self.choices())
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Kopian kunde inte slås ihop"))
            return
        self.accept()
