"""The Resultat page's comparison with the last SPUR: the grade chart (the report's own, drawn by
matplotlib the first time it is needed) and what became of each earlier deficiency."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spurdesk.model.comparison import Comparison, SectionGrades, compare, is_reinspection
from spurdesk.model.dates import long_date
from spurdesk.model.inspection import Inspection
from spurdesk.ui.inspection.labels import criterion_status_label, outcome_label
from spurdesk.ui.inspection.page import heading, wrapped


class ComparisonView(QWidget):
    """Hidden for a first inspection; `show_comparison` with the record and its last SPUR."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(level=2)
        self.intro = wrapped()
        self.chart = QLabel()
        self.chart.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.intro, self.chart, self.table):
            layout.addWidget(widget)
        self._inspection: Inspection | None = None
        self._previous: Inspection | None = None
        self._charted: tuple[tuple[SectionGrades, ...], str] | None = None
        self.comparison: Comparison | None = None

    def retranslate(self) -> None:
        self.title.setText(self.tr("Jämförelse med föregående SPUR-inspektion"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Brist (kriterium)"), self.tr("Då"), self.tr("Nu"), self.tr("Bedömning")]
        )
        self.table.setAccessibleName(self.tr("Brister då och nu"))
        self._charted = None  # the chart's words change with the language
        if self._inspection is not None:
            self.show_comparison(self._inspection, self._previous)

    def show_comparison(self, inspection: Inspection, previous: Inspection | None) -> None:
        self._inspection, self._previous = inspection, previous
        self.setVisible(is_reinspection(inspection))
        if not is_reinspection(inspection):
            self.comparison = None
            return
        self.comparison = comparison = compare(inspection, previous)
        if comparison.previous_visit is not None:
            self.intro.setText(
                self.tr("Graderingar vid föregående SPUR-inspektion (%1) och nu.").replace(
                    "%1", long_date(comparison.previous_visit)
                )
            )
        else:
            self.intro.setText(self.tr("Graderingar vid föregående SPUR-inspektion och nu."))
        self._show_chart(comparison.grades)
        self._show_deficiencies(inspection, comparison)

    def _show_chart(self, grades: tuple[SectionGrades, ...]) -> None:
        """Redrawn only when a grade changed (typing in the summary refreshes the page often)."""
        key = (grades, self.tr("Nu"))
        if key == self._charted:
            return
        from spurdesk.report.chart import ChartWords, grade_chart_png

        words = ChartWords(
            self.tr("Föregående SPUR"), self.tr("Nu"), self.tr("Gradering"), self.tr("Avsnitt")
        )
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap()
        pixmap.loadFromData(grade_chart_png(grades, words=words, dpi=round(100 * ratio)), "PNG")
        pixmap.setDevicePixelRatio(ratio)
        self.chart.setPixmap(pixmap)
        told = "; ".join(
            f"{g.section_id}: {g.previous or '–'} → {g.current or '–'}" for g in grades
        )
        self.chart.setAccessibleName(self.tr("Diagram över graderingar: %1").replace("%1", told))
        self._charted = key

    def _show_deficiencies(self, inspection: Inspection, comparison: Comparison) -> None:
        found = comparison.deficiencies
        self.table.setVisible(comparison.previous_known)
        if not comparison.previous_known:
            self.intro.setText(
                self.intro.text()
                + " "
                + self.tr(
                    "Föregående inspektion finns inte i biblioteket, så dess brister kan inte "
                    "följas upp här."
                )
            )
            return
        self.table.setRowCount(len(found))
        for row, deficiency in enumerate(found):
            try:
                text = inspection.criteria.criterion(deficiency.criterion_id).text
            except KeyError:
                text = ""
            cells = (
                f"{deficiency.criterion_id} {text}".strip(),
                criterion_status_label(deficiency.previous) if deficiency.previous else "–",
                criterion_status_label(deficiency.current),
                outcome_label(deficiency.outcome),
            )
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 4
        height += sum(self.table.rowHeight(row) for row in range(len(found)))
        self.table.setMinimumHeight(min(height, 420))
