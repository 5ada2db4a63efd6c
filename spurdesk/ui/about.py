"""Hjälp → Om spurdesk: the version, the criteria sets in use and where the library lives.

This is what support asks for first, so every line is selectable text.
"""

from __future__ import annotations

import html
import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from spurdesk import __version__
from spurdesk.model.criteria_loader import CriteriaLibrary


class AboutDialog(QDialog):
    def __init__(
        self,
        criteria: CriteriaLibrary,
        library_path: Path | str | None,  # a file, or the office server's masked address
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self._criteria = criteria
        self._library_path = library_path
        self._read_only = read_only
        self._body = QLabel()
        self._body.setObjectName("aboutText")
        self._body.setTextFormat(Qt.TextFormat.RichText)
        self._body.setWordWrap(True)
        self._body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self._body.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._body)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    def text(self) -> str:
        """The dialog's content as plain text (for tests and copying)."""
        return self._body.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Om spurdesk"))
        sets = "".join(
            "<li>{label} — {regulation}{superseded}</li>".format(
                label=html.escape(criteria_set.label),
                regulation=html.escape(", ".join(criteria_set.regulation)),
                superseded=(
                    " " + html.escape(self.tr("(ersatt av en nyare version)"))
                    if self._criteria.is_superseded(criteria_set)
                    else ""
                ),
            )
            for criteria_set in self._criteria.sets
        ) or "<li>{}</li>".format(html.escape(self.tr("inga")))
        problems = (
            "<p>"
            + html.escape(
                self.tr("%n kriteriefil(er) kunde inte läsas.", "", len(self._criteria.errors))
            )
            + "</p>"
            if self._criteria.errors
            else ""
        )
        library = (
            html.escape(str(self._library_path)) if self._library_path else self.tr("inget öppet")
        )
        if self._read_only:
            library += " " + html.escape(self.tr("(skrivskyddat)"))
        tagline = self.tr("SPUR-granskning av ST-utbildning: inspektörernas verktyg.")
        sets_heading = self.tr("Kriterieuppsättningar:")
        library_heading = self.tr("Bibliotek:")
        self._body.setText(
            f"<h2>spurdesk {html.escape(__version__)}</h2>"
            f"<p>{html.escape(tagline)}</p>"
            f"<p><b>{html.escape(sets_heading)}</b></p><ul>{sets}</ul>"
            f"{problems}"
            f"<p><b>{html.escape(library_heading)}</b> {library}</p>"
            f"<p>Python {platform.python_version()}, Qt for Python {pyside_version}</p>"
        )
        self._body.setAccessibleName(self.tr("Om spurdesk"))
