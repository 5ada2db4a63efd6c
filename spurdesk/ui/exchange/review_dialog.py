"""The review of a unit's response: per-row diff, accept or reject each row, then import.

The dialog only shows and collects choices; what may be imported is decided by
`spurdesk.exchange.review`, and the write goes through the session so every view refreshes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.incoming import read_response
from spurdesk.exchange.review import (
    ImportResult,
    Review,
    RowDiff,
    RowState,
    apply_review,
    review_response,
)
from spurdesk.ui import dialogs
from spurdesk.ui.session import LibrarySession

_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_STATE_COLOURS = {RowState.NEW: "#1f7a1f", RowState.CHANGED: "#a15c00", RowState.UNCHANGED: "#777"}


def _state_text(state: RowState) -> str:
    return {
        RowState.NEW: QCoreApplication.translate("ReviewDialog", "Ny"),
        RowState.CHANGED: QCoreApplication.translate("ReviewDialog", "Ändrad"),
        RowState.UNCHANGED: QCoreApplication.translate("ReviewDialog", "Oförändrad"),
    }[state]


def _check_state(checked: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked


def _short(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ReviewDialog(QDialog):
    """Shows a `Review`; `apply()` imports the checked rows and closes the dialog."""

    def __init__(
        self, session: LibrarySession, review: Review, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self._session = session
        self._review = review
        self.result_of_import: ImportResult | None = None
        self.setWindowTitle(
            self.tr("Granska handlingsplan – %1").replace("%1", review.inspection.title)
        )
        self.resize(900, 620)

        intro = QLabel(
            self.tr(
                "Svaret från verksamheten (%1) jämfört med inspektionen. Bocka i de rader som "
                "ska föras in; rader utan bock avvisas."
            ).replace("%1", review.response.source)
        )
        intro.setWordWrap(True)

        self._tree = QTreeWidget(objectName="reviewRows")
        self._tree.setColumnCount(4)
        self._tree.setHeaderLabels(
            [self.tr("Rad"), self.tr("Läge"), self.tr("Tidigare"), self.tr("Nu")]
        )
        self._tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((340, 250, 260)):
            self._tree.setColumnWidth(column, width)
        self._tree.setWordWrap(True)
        for diff in review.rows:
            self._tree.addTopLevelItem(self._row_item(diff))
        self._tree.expandAll()

        problems_label = QLabel(self.tr("Saknas i handlingsplanen"))
        self._problems = QListWidget(objectName="reviewProblems")
        for problem in review.problems:
            self._problems.addItem(problem.message)
        problems_label.setVisible(bool(review.problems))
        self._problems.setVisible(bool(review.problems))
        self._problems.setMaximumHeight(120)

        buttons = QDialogButtonBox()
        accept_all = QPushButton(self.tr("Godta alla"), objectName="acceptAll")
        reject_all = QPushButton(self.tr("Avvisa alla"), objectName="rejectAll")
        self._apply = QPushButton(self.tr("Importera valda rader"), objectName="applyReview")
        self._apply.setDefault(True)
        buttons.addButton(accept_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(reject_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self._apply, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QPushButton(self.tr("Avbryt")), QDialogButtonBox.ButtonRole.RejectRole)
        accept_all.clicked.connect(lambda: self._check_all(True))
        reject_all.clicked.connect(lambda: self._check_all(False))
        self._apply.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._tree, 1)
        layout.addWidget(problems_label)
        layout.addWidget(self._problems)
        layout.addWidget(buttons)

    @property
    def review(self) -> Review:
        return self._review

    def _row_item(self, diff: RowDiff) -> QTreeWidgetItem:
        title = diff.label
        if diff.deficiency is not None:
            title += f" – {_short(diff.deficiency.criterion_text, 80)}"
        item = QTreeWidgetItem([title, _state_text(diff.state), "", ""])
        item.setData(0, _KEY_ROLE, diff.row.key)
        item.setForeground(1, QBrush(QColor(_STATE_COLOURS[diff.state])))
        item.setToolTip(0, diff.deficiency.criterion_text if diff.deficiency else title)
        if diff.state is RowState.UNCHANGED:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            item.setForeground(0, QBrush(QColor(_STATE_COLOURS[RowState.UNCHANGED])))
        else:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
        for change in diff.changes:
            child = QTreeWidgetItem(["", change.label, _short(change.old), _short(change.new)])
            child.setToolTip(2, change.old)
            child.setToolTip(3, change.new)
            item.addChild(child)
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        return [self._tree.topLevelItem(i) for i in range(self._tree.topLevelItemCount())]

    def _check_all(self, checked: bool) -> None:
        for item in self._items():
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(0, _check_state(checked))

    def set_accepted(self, key: str, accepted: bool) -> None:
        """Check or uncheck the row with `key` (for keyboard shortcuts and tests)."""
        for item in self._items():
            if item.data(0, _KEY_ROLE) == key and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(
                    0, Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
                )
                return
        raise KeyError(key)

    def accepted_keys(self) -> set[str]:
        return {
            item.data(0, _KEY_ROLE)
            for item in self._items()
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and item.checkState(0) == Qt.CheckState.Checked
        }

    def apply(self) -> None:
        """Import the checked rows; a refusal is shown and the dialog stays open."""
        accepted = self.accepted_keys()
        inspection_id = self._review.inspection.id
        try:
            self.result_of_import = self._session.call(
                inspection_id, lambda library: apply_review(library, self._review, accepted)
            )
        except SpurdeskError as error:
            dialogs.show_error(self, error, self.tr("Handlingsplanen kunde inte importeras"))
            return
        result = self.result_of_import
        dialogs.show_info(
            self,
            self.tr("Handlingsplanen är importerad"),
            self.tr("%1 nya och %2 ändrade rader fördes in; %3 avvisades.")
            .replace("%1", str(len(result.added)))
            .replace("%2", str(len(result.updated)))
            .replace("%3", str(result.rejected)),
        )
        self.accept()


def open_review(
    session: LibrarySession, path: str | Path, parent: QWidget | None = None
) -> ReviewDialog | None:
    """Read and check a response file; a refused file is shown as an error and gives None."""
    try:
        review = review_response(session.library, read_response(path))
    except SpurdeskError as error:
        dialogs.show_error(
            parent, error, QCoreApplication.translate("ReviewDialog", "Svaret kan inte importeras")
        )
        return None
    return ReviewDialog(session, review, parent)
