"""Unit mode for the sakgranskning: the draft section by section, and the unit's comments.

Everything the unit may change goes through `FactCheckUnit`, which enforces the rules (a quote
must be a sentence of the section, the draft never changes); this window only offers the editors,
in the unit window's manner: save a draft to continue later, export the answer when done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.fact_check_unit import FactCheckUnit
from spurdesk.model.fact_check import CommentKind, FactComment, sentences
from spurdesk.ui import dialogs
from spurdesk.ui.exchange import unit_files
from spurdesk.ui.exchange.fact_check_labels import kind_label

_DATA = Qt.ItemDataRole.UserRole + 1


def _select(view: QListWidget, value: str) -> None:
    """Make the item carrying `value` current (KeyError when none does)."""
    for row in range(view.count()):
        if view.item(row).data(_DATA) == value:
            view.setCurrentRow(row)
            return
    raise KeyError(value)


class FactCheckWindow(QMainWindow):
    """The unit's window for one sakgranskning package; raises ExchangeError if unusable."""

    def __init__(self, package_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factCheckWindow")
        self.unit = FactCheckUnit.open(package_path)
        self._path = Path(package_path)
        self.setWindowTitle(
            self.tr("Sakgranskning – %1 (verksamhetens läge)").replace(
                "%1", self.unit.inspection.title
            )
        )
        self.resize(1200, 760)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self._reply_by_label())
        intro = QLabel(
            self.tr(
                "Rapporten är ett UTKAST. Läs texten avsnitt för avsnitt och kommentera det som "
                "är fel eller saknas: välj gärna meningen det gäller, skriv den lydelse ni "
                "föreslår och varför. Texten, graderingarna och kriterierna kan inte ändras här."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._sections_list())
        splitter.addWidget(self._draft_pane())
        splitter.addWidget(self._comment_pane())
        splitter.setSizes([300, 480, 420])
        layout.addWidget(splitter, 1)
        layout.addLayout(self._file_buttons())
        self.setCentralWidget(central)
        self._sections.setCurrentRow(0)

    # building --------------------------------------------------------------------------------

    def _reply_by_label(self) -> QLabel:
        due = self.unit.package.reply_by
        label = QLabel(
            self.tr("Skicka synpunkterna till inspektörerna senast %1.").replace(
                "%1", due.isoformat()
            )
            if due
            else self.tr("Inspektörerna har inte angett när synpunkterna ska vara inskickade."),
            objectName="factCheckReplyBy",
        )
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _sections_list(self) -> QListWidget:
        self._sections = QListWidget(objectName="factCheckSections")
        for section in self.unit.inspection.criteria.sections:
            item = QListWidgetItem(section.label)
            item.setData(_DATA, section.id)
            self._sections.addItem(item)
        self._sections.currentRowChanged.connect(lambda _row: self._show_section())
        return self._sections

    def _draft_pane(self) -> QWidget:
        self._draft = QTextBrowser(objectName="factCheckDraft")
        self._sentences = QListWidget(objectName="factCheckSentences")
        self._sentences.setWordWrap(True)
        self._sentences.setSpacing(2)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Utkastets text")))
        layout.addWidget(self._draft, 3)
        layout.addWidget(QLabel(self.tr("Kommentaren gäller")))
        layout.addWidget(self._sentences, 2)
        return pane

    def _comment_pane(self) -> QWidget:
        self._kind = QComboBox(objectName="commentKind")
        for kind in CommentKind:
            self._kind.addItem(kind_label(kind), kind)
        self._proposed = QPlainTextEdit(objectName="commentProposed")
        self._proposed.setTabChangesFocus(True)
        self._reason = QPlainTextEdit(objectName="commentReason")
        self._reason.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("Typ"), self._kind)
        form.addRow(self.tr("Föreslagen lydelse"), self._proposed)
        form.addRow(self.tr("Skäl"), self._reason)
        add = QPushButton(self.tr("Lägg till kommentar"), objectName="addComment")
        add.clicked.connect(self.add_comment)
        remove = QPushButton(self.tr("Ta bort kommentar"), objectName="removeComment")
        remove.clicked.connect(self.remove_selected_comment)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        self._comments = QListWidget(objectName="factCheckComments")
        self._comments.setWordWrap(True)
        self._comments.setSpacing(4)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Kommentarer till avsnittet")))
        layout.addWidget(self._comments, 1)
        return pane

    def _file_buttons(self) -> QHBoxLayout:
        draft = QPushButton(self.tr("Spara utkast…"), objectName="saveDraft")
        draft.setToolTip(
            self.tr("Spara arbetet för att fortsätta senare; utkastet kan inte importeras.")
        )
        draft.clicked.connect(lambda: self._choose("draft"))
        export = QPushButton(self.tr("Exportera svar…"), objectName="exportResponse")
        export.clicked.connect(lambda: self._choose("answer"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(draft)
        buttons.addWidget(export)
        return buttons

    # showing ---------------------------------------------------------------------------------

    def section_id(self) -> str:
        return str(self._sections.currentItem().data(_DATA))

    def select_section(self, section_id: str) -> None:
        _select(self._sections, section_id)

    def _show_section(self) -> None:
        if self._sections.currentItem() is None:
            return
        findings = self.unit.inspection.section(self.section_id()).findings
        self._draft.setPlainText(findings or self.tr("(Avsnittet har ingen text.)"))
        self._sentences.clear()
        whole = QListWidgetItem(self.tr("Hela avsnittet"))
        whole.setData(_DATA, "")
        self._sentences.addItem(whole)
        for sentence in sentences(findings):
            item = QListWidgetItem(sentence)
            item.setData(_DATA, sentence)
            self._sentences.addItem(item)
        self._sentences.setCurrentRow(0)
        self._fill_comments()

    def _comment_text(self, comment: FactComment) -> str:
        about = comment.quote or self.tr("Hela avsnittet")
        lines = [f"{kind_label(comment.kind)}: ”{about}”"]
        if comment.proposed:
            lines.append(self.tr("Föreslås: %1").replace("%1", comment.proposed))
        if comment.reason:
            lines.append(self.tr("Skäl: %1").replace("%1", comment.reason))
        return "\n".join(lines)

    def _fill_comments(self) -> None:
        self._comments.clear()
        for comment in self.unit.comments_for(self.section_id()):
            item = QListWidgetItem(self._comment_text(comment))
            item.setData(_DATA, comment.key)
            self._comments.addItem(item)
        for row in range(self._sections.count()):
            item = self._sections.item(row)
            section = self.unit.inspection.criteria.section(item.data(_DATA))
            count = len(self.unit.comments_for(section.id))
            item.setText(f"{section.label} ({count})" if count else section.label)

    def comment_keys(self) -> list[str]:
        return [self._comments.item(i).data(_DATA) for i in range(self._comments.count())]

    # editing ---------------------------------------------------------------------------------

    def choose_sentence(self, sentence: str) -> None:
        """Anchor the next comment to `sentence` ("" for the whole section)."""
        _select(self._sentences, sentence)

    def set_form(self, kind: CommentKind, proposed: str, reason: str) -> None:
        self._kind.setCurrentIndex(self._kind.findData(kind))
        self._proposed.setPlainText(proposed)
        self._reason.setPlainText(reason)

    def add_comment(self) -> str | None:
        """The form as a new comment on the chosen sentence; a refusal is shown."""
        current = self._sentences.currentItem()
        try:
            comment = self.unit.add_comment(
                self.section_id(),
                CommentKind(self._kind.currentData()),
                quote=current.data(_DATA) if current is not None else "",
                proposed=self._proposed.toPlainText(),
                reason=self._reason.toPlainText(),
            )
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Kommentaren kan inte sparas"))
            return None
        self._proposed.clear()
        self._reason.clear()
        self._fill_comments()
        return comment.key

    def remove_selected_comment(self) -> None:
        item = self._comments.currentItem()
        if item is None:
            return
        self.unit.remove_comment(item.data(_DATA))
        self._fill_comments()

    # files -----------------------------------------------------------------------------------

    def _choose(self, what: str) -> None:
        suffix, title = (
            ("-utkast", self.tr("Spara utkast"))
            if what == "draft"
            else ("-svar", self.tr("Exportera svar"))
        )
        suggestion = self._path.with_name(f"{self._path.stem}{suffix}.spur")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, title, str(suggestion), self.tr("spurdesk-paket (*.spur)")
        )
        if chosen and what == "draft":
            self.save_draft(Path(chosen))
        elif chosen:
            self.export_answer(Path(chosen))

    def save_draft(self, path: Path) -> bool:
        return unit_files.save_draft(self, lambda: self.unit.save_draft(path))

    def export_answer(self, path: Path) -> bool:
        return unit_files.export_answer(self, lambda: self.unit.export_answer(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        unit_files.close_if_saved(
            self,
            event,
            self.unit.modified,
            self.tr("Stäng utan att spara?"),
            self.tr("Kommentarerna har inte sparats eller exporterats och går förlorade."),
        )


def open_fact_check_window(
    path: str | Path, parent: QWidget | None = None
) -> FactCheckWindow | None:
    """Open a sakgranskning package in unit mode; a refused file is shown and gives None."""
    try:
        window = FactCheckWindow(path, parent)
    except SpurdeskError as error:
        dialogs.show_error(
            parent,
            error,
            QCoreApplication.translate("FactCheckWindow", "Paketet kan inte öppnas"),
        )
        return None
    window.show()
    return window
