"""The inspectors' review of the sakgranskning: each comment beside the text it concerns.

The list holds every stored comment (a comment whose quoted sentence is gone is marked, never
hidden). For the selected one: the section's text as it stands now, the quote highlighted; the
unit's proposal; an editor pre-filled with the text the proposal would give, to accept as it is
or edited; or a reason to reject. Each decision is one library call (`decide_comment`), so it is
stored at once; the record of all decisions can be exported from here.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.model.fact_check import (
    Decision,
    StoredComment,
    apply_wording,
    quote_is_current,
)
from spurdesk.model.inspection import Inspection
from spurdesk.ui import dialogs
from spurdesk.ui.exchange.fact_check_labels import decision_label, kind_label
from spurdesk.ui.session import LibrarySession

_ID = Qt.ItemDataRole.UserRole + 1
_STALE_COLOUR = "#a33"


def _highlighted(findings: str, quote: str) -> str:
    """The text as HTML with the quoted sentence marked, when it is still there."""
    text = html.escape(findings)
    if quote and quote in findings:
        text = text.replace(
            html.escape(quote), f"<span style='background:#fff2a8'>{html.escape(quote)}</span>", 1
        )
    return text.replace("\n", "<br>")


class FactCheckReviewDialog(QDialog):
    """Decide on each comment of the unit; decisions are stored as they are made."""

    def __init__(
        self, session: LibrarySession, inspection_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("factCheckReview")
        self._session = session
        self._inspection_id = inspection_id
        self.resize(1150, 700)
        intro = QLabel(
            self.tr(
                "Verksamhetens kommentarer på utkastet. Godta en kommentar (texten till höger "
                "förs in som avsnittets nya text; ändra den först om det behövs) eller avvisa "
                "den med ett kort skäl. Besluten sparas direkt och kan exporteras som protokoll."
            )
        )
        intro.setWordWrap(True)
        self._tree = QTreeWidget(objectName="factCheckCommentList")
        self._tree.setHeaderLabels([self.tr("Avsnitt"), self.tr("Typ"), self.tr("Beslut")])
        self._tree.setColumnWidth(0, 190)
        self._tree.setColumnWidth(1, 115)
        self._tree.setRootIsDecorated(False)
        self._tree.currentItemChanged.connect(lambda *_: self._show_selected())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._tree)
        splitter.addWidget(self._detail_pane())
        splitter.setSizes([470, 680])

        export = QPushButton(self.tr("Exportera protokoll…"), objectName="exportRecord")
        export.clicked.connect(lambda: self.export_record())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.refresh()

    def _detail_pane(self) -> QWidget:
        self._stale = QLabel(
            self.tr(
                "Inaktuell: den citerade meningen finns inte längre i avsnittets text. "
                "Kommentaren visas ändå; pröva den mot texten som den ser ut nu."
            ),
            objectName="factCheckStale",
        )
        self._stale.setWordWrap(True)
        self._stale.setStyleSheet(f"color: {_STALE_COLOUR}; font-weight: bold")
        self._current = QTextBrowser(objectName="factCheckCurrent")
        self._comment = QLabel(objectName="factCheckComment")
        self._comment.setWordWrap(True)
        self._comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._new_text = QPlainTextEdit(objectName="factCheckNewText")
        accept = QPushButton(self.tr("Godta och för in texten"), objectName="acceptComment")
        accept.clicked.connect(lambda: self.accept_selected())
        self._reason = QLineEdit(objectName="decisionReason")
        self._reason.setPlaceholderText(self.tr("Skäl (krävs för att avvisa)"))
        reject = QPushButton(self.tr("Avvisa"), objectName="rejectComment")
        reject.clicked.connect(lambda: self.reject_selected())
        decide = QHBoxLayout()
        decide.addWidget(self._reason, 1)
        decide.addWidget(reject)
        decide.addWidget(accept)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stale)
        layout.addWidget(QLabel(self.tr("Avsnittets text nu")))
        layout.addWidget(self._current, 2)
        layout.addWidget(self._comment)
        layout.addWidget(QLabel(self.tr("Ny text om kommentaren godtas")))
        layout.addWidget(self._new_text, 2)
        layout.addLayout(decide)
        return pane

    # data ------------------------------------------------------------------------------------

    @property
    def inspection(self) -> Inspection:
        return self._session.library.get_inspection(self._inspection_id)

    def comments(self) -> list[StoredComment]:
        return self._session.library.fact_check_comments(self._inspection_id)

    def _is_stale(self, stored: StoredComment, inspection: Inspection) -> bool:
        findings = inspection.section(stored.comment.section_id).findings
        return not quote_is_current(stored.comment.quote, findings)

    def refresh(self) -> None:
        """Re-read the comments (after a decision) and keep the selection."""
        selected = self.selected_id()
        inspection = self.inspection
        self.setWindowTitle(self.tr("Sakgranskning – %1").replace("%1", inspection.title))
        labels = {s.id: s.label for s in inspection.criteria.sections}
        self._tree.clear()
        for stored in self.comments():
            stale = self._is_stale(stored, inspection)
            section = labels.get(stored.comment.section_id, stored.comment.section_id)
            state = decision_label(stored.decision)
            if stale:
                state += " · " + self.tr("inaktuell")
            item = QTreeWidgetItem([section, kind_label(stored.comment.kind), state])
            item.setData(0, _ID, stored.id)
            if stale:
                item.setForeground(2, QBrush(QColor(_STALE_COLOUR)))
            self._tree.addTopLevelItem(item)
        if self._tree.topLevelItemCount():
            self.select_comment(selected if selected in self.comment_ids() else None)
        else:
            self._show_selected()

    def comment_ids(self) -> list[int]:
        return [
            self._tree.topLevelItem(i).data(0, _ID) for i in range(self._tree.topLevelItemCount())
        ]

    def selected_id(self) -> int | None:
        item = self._tree.currentItem()
        return None if item is None else int(item.data(0, _ID))

    def select_comment(self, comment_id: int | None) -> None:
        ids = self.comment_ids()
        index = ids.index(comment_id) if comment_id in ids else 0
        self._tree.setCurrentItem(self._tree.topLevelItem(index))

    def is_marked_stale(self) -> bool:
        return not self._stale.isHidden()

    def _show_selected(self) -> None:
        comment_id = self.selected_id()
        stored = next((c for c in self.comments() if c.id == comment_id), None)
        for widget in (self._new_text, self._reason):
            widget.setEnabled(stored is not None)
        if stored is None:
            self._stale.hide()
            self._current.clear()
            self._comment.clear()
            self._new_text.clear()
            return
        inspection = self.inspection
        comment = stored.comment
        findings = inspection.section(comment.section_id).findings
        self._stale.setVisible(self._is_stale(stored, inspection))
        self._current.setHtml(_highlighted(findings, comment.quote))
        lines = [
            f"<b>{html.escape(kind_label(comment.kind))}</b> — "
            + html.escape(comment.quote or self.tr("hela avsnittet")),
            self.tr("Föreslagen lydelse: %1").replace("%1", html.escape(comment.proposed or "–")),
            self.tr("Verksamhetens skäl: %1").replace("%1", html.escape(comment.reason or "–")),
        ]
        if stored.decision is not None:
            lines.append(
                self.tr("Beslut: %1 (%2)")
                .replace("%1", decision_label(stored.decision))
                .replace("%2", html.escape(stored.decided_by))
                + (f" — {html.escape(stored.decision_reason)}" if stored.decision_reason else "")
            )
        self._comment.setText("<br>".join(lines))
        self._new_text.setPlainText(apply_wording(findings, comment.quote, comment.proposed))
        self._reason.setText(stored.decision_reason)

    # deciding --------------------------------------------------------------------------------

    def _decide(self, decision: Decision, *, findings: str | None, reason: str) -> bool:
        comment_id = self.selected_id()
        if comment_id is None:
            return False
        try:
            self._session.call(
                self._inspection_id,
                lambda library: library.decide_comment(
                    comment_id, decision, findings=findings, reason=reason
                ),
            )
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Beslutet kunde inte sparas"))
            return False
        self.refresh()
        return True

    def accept_selected(self, text: str | None = None) -> bool:
        """Accept: the editor's text (or `text`) becomes the section's findings."""
        if text is not None:
            self._new_text.setPlainText(text)
        return self._decide(
            Decision.ACCEPTED, findings=self._new_text.toPlainText(), reason=self._reason.text()
        )

    def reject_selected(self, reason: str | None = None) -> bool:
        if reason is not None:
            self._reason.setText(reason)
        return self._decide(Decision.REJECTED, findings=None, reason=self._reason.text())

    def export_record(self, path: Path | None = None) -> Path | None:
        from spurdesk.ui.exchange.fact_check_actions import export_record

        return export_record(self, self._session, self._inspection_id, path)
