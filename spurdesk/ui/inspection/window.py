"""The inspection window: a navigation tree beside one editor page per node.

It re-reads the record whenever the session says this inspection changed and hands it to the
visible page only; other pages catch up when shown, so a keystroke's autosave never rebuilds more
than the page being typed into (and that page only updates widgets whose values differ).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.library.errors import ConcurrentEditError
from spurdesk.model.inspection import Inspection
from spurdesk.ui.dialogs import show_error
from spurdesk.ui.inspection.action_plan_page import ActionPlanPage
from spurdesk.ui.inspection.material_page import MaterialPage
from spurdesk.ui.inspection.navigation import (
    NavigationDelegate,
    NavigationModel,
    NavNode,
    NodeKind,
    node_label,
)
from spurdesk.ui.inspection.overview_page import OverviewPage
from spurdesk.ui.inspection.page import InspectionPage, make_read_only
from spurdesk.ui.inspection.result_page import ResultPage
from spurdesk.ui.inspection.section_page import SectionPage
from spurdesk.ui.session import LibrarySession

if TYPE_CHECKING:  # loaded when first used
    from spurdesk.ui.exchange.merge_dialog import MergeDialog

_SETTINGS_GROUP = "inspectionWindow"


class InspectionWindow(QMainWindow):
    def __init__(
        self, session: LibrarySession, inspection_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.inspection_id = inspection_id
        self.inspection: Inspection = session.library.get_inspection(inspection_id)
        self.stack = session.undo_stack(inspection_id)
        self.pages: dict[tuple[NodeKind, str], InspectionPage] = {}
        self._stale: set[tuple[NodeKind, str]] = set()
        self._export_controller: object | None = None

        self.nav_model = NavigationModel(self.inspection, self)
        self.nav = QTreeView()
        self.nav.setModel(self.nav_model)
        self.nav.setItemDelegateForColumn(0, NavigationDelegate(self.nav))
        self.nav.setHeaderHidden(True)
        self.nav.expandAll()
        self.nav.setItemsExpandable(False)
        self.nav.setRootIsDecorated(False)
        self.nav.setUniformRowHeights(True)
        self.nav.header().setStretchLastSection(False)
        self.nav.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.nav.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.nav.setMinimumWidth(260)
        self.nav.selectionModel().currentChanged.connect(self._node_chosen)
        self.page_stack = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.page_stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 1000])
        self.setCentralWidget(self.splitter)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)

        self._build_menus()
        session.inspectionChanged.connect(self._inspection_changed)
        session.saved.connect(self._show_saved)
        session.errorOccurred.connect(self._error)
        session.conflictOccurred.connect(self._conflict)
        self.retranslate()
        self._restore_geometry()
        self.go_to(NodeKind.OVERVIEW)

    # menus ---------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.close_action = self._action(self.file_menu, QKeySequence.StandardKey.Close, self.close)
        self.edit_menu = bar.addMenu("")
        self.undo_action = self._action(self.edit_menu, QKeySequence.StandardKey.Undo, self._undo)
        self.redo_action = self._action(self.edit_menu, QKeySequence("Ctrl+Shift+Z"), self._redo)
        redo_keys = [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        unique = dict.fromkeys(key.toString() for key in redo_keys)  # Redo may be Ctrl+Shift+Z
        self.redo_action.setShortcuts([QKeySequence(key) for key in unique])
        self.stack.indexChanged.connect(self._show_undo_state)
        self.go_menu = bar.addMenu("")
        self.go_actions: list[tuple[QAction, NodeKind, str | None]] = []
        self._go(QKeySequence("Ctrl+0"), NodeKind.OVERVIEW)
        self._go(QKeySequence("Ctrl+Shift+U"), NodeKind.MATERIAL)
        for number, section in enumerate(self.inspection.criteria.sections[:8], start=1):
            self._go(QKeySequence(f"Ctrl+{number}"), NodeKind.SECTION, section.id)
        self._go(QKeySequence("Ctrl+9"), NodeKind.RESULT)
        self._go(QKeySequence("Ctrl+Shift+H"), NodeKind.ACTION_PLAN)
        self.go_menu.addSeparator()
        self.focus_nav_action = self._action(
            self.go_menu, QKeySequence("F6"), lambda: self.nav.setFocus()
        )
        self.export_menu = bar.addMenu("")
        self.export_actions = {
            fmt: self._action(self.export_menu, QKeySequence(keys), lambda f=fmt: self.export(f))
            for fmt, keys in (("docx", "Ctrl+E"), ("pdf", "Ctrl+Shift+E"), ("actionplan", ""))
        }
        # The action plan loop with the unit: files by e-mail or USB stick, no server.
        self.exchange_menu = bar.addMenu("")
        self.send_action = self._action(
            self.exchange_menu, QKeySequence("Ctrl+Shift+S"), lambda: self.exchange("send")
        )
        self.form_action = self._action(
            self.exchange_menu, QKeySequence(), lambda: self.exchange("form")
        )
        self.exchange_menu.addSeparator()
        self.import_action = self._action(
            self.exchange_menu, QKeySequence("Ctrl+Shift+I"), lambda: self.exchange("import")
        )
        # Sakgranskning: the draft to the unit, its comments back, a decision on each.
        self.fact_check_menu = bar.addMenu("")
        self.fact_check_actions = {
            verb: self._action(
                self.fact_check_menu, QKeySequence(), lambda v=verb: self.fact_check(v)
            )
            for verb in ("send", "form", "import", "review", "record")
        }
        for verb in ("send", "form", "import", "record"):  # each writes to the library
            self.fact_check_actions[verb].setEnabled(not self.session.library.read_only)
        # Two inspectors, one inspection: copies back and forth, merged (spurdesk/ui/exchange).
        self.coinspector_menu = bar.addMenu("")
        self.send_copy_action = self._action(self.coinspector_menu, QKeySequence(), self.send_copy)
        self.receive_copy_action = self._action(
            self.coinspector_menu, QKeySequence(), self.receive_copy
        )
        for action in (self.send_copy_action, self.receive_copy_action):
            action.setEnabled(not self.session.library.read_only)  # both write to the library

    def _action(
        self,
        menu: QMenu,
        shortcut: QKeySequence | QKeySequence.StandardKey,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(self)
        action.setShortcut(shortcut)
        action.triggered.connect(lambda: slot())
        menu.addAction(action)
        return action

    def _undo(self) -> None:
        self.commit_pending()  # a field still being typed is the newest step: undo that first
        self.stack.undo()
        self._show_step(self.stack.command(self.stack.index()))

    def _redo(self) -> None:
        self.commit_pending()
        self.stack.redo()
        self._show_step(self.stack.command(self.stack.index() - 1))

    def _show_step(self, command: QUndoCommand | None) -> None:
        """Go to the page an undone or redone step changed, so its effect is seen."""
        place = getattr(command, "location", None)
        if place is not None and self.nav_model.node(self.nav.currentIndex()).key != place[1]:
            self.go_to(*place)

    def _show_undo_state(self) -> None:
        """ "Ångra Status för D.1" — the step's own name, translated with the menu."""
        for action, can, text, plain in (
            (self.undo_action, self.stack.canUndo(), self.stack.undoText(), self.tr("&Ångra")),
            (self.redo_action, self.stack.canRedo(), self.stack.redoText(), self.tr("&Gör om")),
        ):
            action.setEnabled(can)
            action.setText(f"{plain} {text}" if can and text else plain)

    def _go(self, shortcut: QKeySequence, kind: NodeKind, key: str | None = None) -> None:
        action = self._action(self.go_menu, shortcut, lambda: self.go_to(kind, key))
        self.go_actions.append((action, kind, key))

    def retranslate(self) -> None:
        self._show_title()
        self.file_menu.setTitle(self.tr("&Arkiv"))
        self.close_action.setText(self.tr("&Stäng fönstret"))
        self.edit_menu.setTitle(self.tr("&Redigera"))
        self._show_undo_state()
        self.go_menu.setTitle(self.tr("&Gå till"))
        for action, kind, key in self.go_actions:
            action.setText(node_label(self.inspection.criteria, kind, key))
        self.focus_nav_action.setText(self.tr("&Navigeringen"))
        self.export_menu.setTitle(self.tr("&Exportera"))
        self.export_actions["docx"].setText(self.tr("Rapport som &Word…"))
        self.export_actions["pdf"].setText(self.tr("Rapport som &PDF…"))
        self.export_actions["actionplan"].setText(self.tr("&Handlingsplan som Word…"))
        self.exchange_menu.setTitle(self.tr("&Verksamheten"))
        self.send_action.setText(self.tr("&Skicka handlingsplanen till verksamheten…"))
        self.form_action.setText(self.tr("Handlingsplanen som ifyllbart &Word-formulär…"))
        self.import_action.setText(self.tr("&Importera svar från verksamheten…"))
        self.fact_check_menu.setTitle(self.tr("Sa&kgranskning"))
        for verb, text in (
            ("send", self.tr("&Skicka utkast för sakgranskning…")),
            ("form", self.tr("Sakgranskning som &Word-formulär…")),
            ("import", self.tr("&Importera sakgranskning…")),
            ("review", self.tr("&Granska kommentarer…")),
            ("record", self.tr("&Exportera sakgranskningsprotokoll…")),
        ):
            self.fact_check_actions[verb].setText(text)
        self.coinspector_menu.setTitle(self.tr("Medinspek&tör"))
        self.send_copy_action.setText(self.tr("&Skicka till medinspektör…"))
        self.receive_copy_action.setText(self.tr("&Ta emot kopia…"))
        self.nav.setAccessibleName(self.tr("Navigering"))
        self.nav_model.retranslate()

    def _show_title(self) -> None:
        title = self.tr("%1 – spurdesk").replace("%1", self.inspection.unit)
        if self.session.library.read_only:
            title += self.tr(" (skrivskyddad)")
        self.setWindowTitle(title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # navigation ----------------------------------------------------------------------------

    def go_to(self, kind: NodeKind, key: str | None = None) -> None:
        """Select the node in the tree; the page follows the selection."""
        index = self.nav_model.index_of(kind, key)
        if index.isValid():
            self.nav.setCurrentIndex(index)

    def _node_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node: NavNode = self.nav_model.node(current)
        if node.kind == NodeKind.AREA:
            if node.children:
                QTimer.singleShot(0, lambda: self.go_to(NodeKind.SECTION, node.children[0].key))
            return
        page = self.page_for(node.kind, node.key)
        if (node.kind, node.key) in self._stale:
            self._stale.discard((node.kind, node.key))
            self._refresh(page)
        self.page_stack.setCurrentWidget(page)

    def page_for(self, kind: NodeKind, key: str) -> InspectionPage:
        """The page of a node, built on first use (a window opens fast, pages cost on demand)."""
        page = self.pages.get((kind, key))
        if page is None:
            page = self._make_page(kind, key)
            page.location = (kind, key)
            if self.session.library.read_only:
                make_read_only(page)
            self.pages[(kind, key)] = page
            self.page_stack.addWidget(page)
        return page

    def _refresh(self, page: InspectionPage) -> None:
        page.refresh(self.inspection)
        if self.session.library.read_only:
            make_read_only(page)  # a refresh re-enables buttons that fit the record

    def _make_page(self, kind: NodeKind, key: str) -> InspectionPage:
        if kind == NodeKind.SECTION:
            return SectionPage(self.session, self.inspection, key)
        if kind == NodeKind.RESULT:
            return ResultPage(self.session, self.inspection)
        if kind == NodeKind.ACTION_PLAN:
            return ActionPlanPage(self.session, self.inspection)
        if kind == NodeKind.MATERIAL:
            return MaterialPage(self.session, self.inspection)
        return OverviewPage(self.session, self.inspection)

    @property
    def current_page(self) -> InspectionPage | None:
        return self.page_stack.currentWidget()  # type: ignore[return-value]

    # session signals -----------------------------------------------------------------------

    def _inspection_changed(self, inspection_id: int) -> None:
        if inspection_id != self.inspection_id:
            return
        try:
            self.inspection = self.session.library.get_inspection(inspection_id)
        except SpurdeskError:
            self.close()  # purged elsewhere: nothing left to show
            return
        if self.inspection.deleted_at is not None:
            self.close()  # moved to the trash from the start view: no longer editable
            return
        self.nav_model.set_inspection(self.inspection)
        self._show_title()
        current = self.current_page
        for key, page in self.pages.items():
            if page is current:
                self._refresh(page)
            else:
                self._stale.add(key)

    def _show_saved(self, when: object) -> None:
        self.saved_label.setText(self.tr("Sparat %1").replace("%1", when.strftime("%H:%M:%S")))  # type: ignore[attr-defined]

    def _error(self, error: object) -> None:
        active = QApplication.activeWindow()
        if active is self or active is None:
            show_error(self, error)  # type: ignore[arg-type]

    def _conflict(self, error: ConcurrentEditError) -> None:
        """Text typed here that someone else changed meanwhile on the server: ask which stands."""
        from spurdesk.ui.edit_conflict_dialog import Resolution, ask_resolution

        for conflict in error.conflicts:
            if conflict.inspection_id == self.inspection_id:
                choice = ask_resolution(self, conflict, can_keep_mine=conflict.key is not None)
                try:
                    self.session.resolve(conflict, keep_mine=choice is Resolution.KEEP_MINE)
                except SpurdeskError as failure:
                    show_error(self, failure)

    # export --------------------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        """Hand the export to the app shell's controller (save dialog, background task)."""
        self.commit_pending()
        if self._export_controller is None:
            from spurdesk.ui.export import ExportController

            self._export_controller = ExportController(self, self.session)
        self._export_controller.export(self.inspection_id, fmt)  # type: ignore[attr-defined]

    def exchange(self, verb: str) -> None:
        """Send the plan to the unit (package or Word form), or review the unit's response."""
        self.commit_pending()
        from spurdesk.ui.exchange import actions  # python-docx loads only when used

        if verb == "send":
            actions.send_to_unit(self, self.session, self.inspection_id)
        elif verb == "form":
            actions.export_fillable_form(self, self.session, self.inspection_id)
        else:
            actions.import_response(self, self.session)

    def fact_check(self, verb: str, path: Path | None = None) -> object:
        """Sakgranskning → send the draft, import the answer, review, export the record."""
        self.commit_pending()
        from spurdesk.ui.exchange import fact_check_actions as actions  # loads python-docx

        if verb in ("send", "form"):
            return actions.send_draft(
                self, self.session, self.inspection_id, path, form=verb == "form"
            )
        if verb == "import":
            return actions.import_fact_check(self, self.session, self.inspection_id, path)
        if verb == "review":
            return actions.review_fact_check(self, self.session, self.inspection_id)
        return actions.export_record(self, self.session, self.inspection_id, path)

    def send_copy(self, path: Path | None = None) -> Path | None:
        """Medinspektör → Skicka till medinspektör…: this inspection as a copy."""
        self.commit_pending()
        from spurdesk.ui.exchange.coinspector_actions import send_to_coinspector

        written = send_to_coinspector(self, self.session, self.inspection_id, path)
        if written is not None:
            self.statusBar().showMessage(
                self.tr("Kopian sparades: %1").replace("%1", written.name), 8000
            )
        return written

    def receive_copy(self, path: Path | None = None) -> MergeDialog | None:
        """Medinspektör → Ta emot kopia…: the preview of merging a copy of this inspection."""
        self.commit_pending()
        from spurdesk.ui.exchange.coinspector_actions import receive_into

        page = self.current_page
        location = page.location if page is not None else None
        dialog = receive_into(self, self.session, self.inspection_id, path, location)
        if dialog is not None:
            sender = dialog.plan.copy.sender
            dialog.accepted.connect(
                lambda: self.statusBar().showMessage(
                    self.tr("Kopian från %1 är sammanslagen.").replace("%1", sender), 8000
                )
            )
        return dialog

    # closing -------------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Everything typed so far reaches the library (pages' held fields, then staged text)."""
        for page in self.pages.values():
            page.commit_pending()
        self.session.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.commit_pending()
        except SpurdeskError as error:
            show_error(self, error)
        self._save_geometry()
        for signal, slot in (
            (self.session.inspectionChanged, self._inspection_changed),
            (self.session.saved, self._show_saved),
            (self.session.errorOccurred, self._error),
            (self.session.conflictOccurred, self._conflict),
        ):
            signal.disconnect(slot)
        super().closeEvent(event)

    def _save_geometry(self) -> None:
        settings = QSettings()
        settings.beginGroup(_SETTINGS_GROUP)
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("splitter", self.splitter.saveState())
        settings.endGroup()

    def _restore_geometry(self) -> None:
        settings = QSettings()
        settings.beginGroup(_SETTINGS_GROUP)
        geometry = settings.value("geometry")
        splitter = settings.value("splitter")
        settings.endGroup()
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
