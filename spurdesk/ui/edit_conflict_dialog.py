"""Someone else on the office server saved the same field while this user was editing it: both
versions side by side, marked word by word, and the choice which one stands.

For typed text the user's own version was kept out of the library and waits here: "Behåll min
text" writes it (the other text has now been seen), "Använd den andra" drops it. For a command
(a grade, a status) there is nothing waiting: the dialog shows what the other person saved, and
the view has already been refreshed with it, so the user can decide again.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from spurdesk.library import EditConflict
from spurdesk.ui.exchange.word_diff import legend, marked_pair


class Resolution(Enum):
    KEEP_MINE = "mine"
    TAKE_THEIRS = "theirs"


def _shown(value: object) -> str:
    return "" if value is None else str(value)


class EditConflictDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, conflict: EditConflict, *, can_keep_mine: bool
    ) -> None:
        super().__init__(parent)
        self.setObjectName("editConflictDialog")
        self.setWindowTitle(self.tr("Någon annan har ändrat samma sak"))
        self.resolution = Resolution.TAKE_THEIRS
        intro = QLabel(
            self.tr(
                "Någon annan sparade {what} medan du arbetade. Ingen av ändringarna har skrivits "
                "över. Jämför och välj vilken som ska gälla."
            ).format(what=conflict.what)
        )
        intro.setWordWrap(True)
        theirs, mine = marked_pair(_shown(conflict.theirs), _shown(conflict.mine))
        grid = QGridLayout()
        for column, (title, body, name) in enumerate(
            (
                (self.tr("Sparat av någon annan"), theirs, "theirsText"),
                (self.tr("Din version"), mine, "mineText"),
            )
        ):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
            browser = QTextBrowser()
            browser.setObjectName(name)
            browser.setHtml(body)
            grid.addWidget(browser, 1, column)
        key = QLabel(legend(self.tr("bara i den andra"), self.tr("bara i din")))
        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        if can_keep_mine:
            keep = buttons.addButton(self.tr("Behåll min text"), role.AcceptRole)
            keep.setObjectName("keepMine")
            keep.clicked.connect(lambda: self._choose(Resolution.KEEP_MINE))
            take = buttons.addButton(self.tr("Använd den andra"), role.RejectRole)
        else:
            take = buttons.addButton(self.tr("Stäng"), role.RejectRole)
        take.setObjectName("takeTheirs")
        take.clicked.connect(lambda: self._choose(Resolution.TAKE_THEIRS))
        take.setDefault(not can_keep_mine)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(key)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _choose(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.accept()


def ask_resolution(
    parent: QWidget | None, conflict: EditConflict, *, can_keep_mine: bool
) -> Resolution:
    """Show the dialog modally; closing it without a choice lets the other text stand."""
    dialog = EditConflictDialog(parent, conflict, can_keep_mine=can_keep_mine)
    dialog.exec()
    return dialog.resolution
