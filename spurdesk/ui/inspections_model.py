"""The start view's table: a thin Qt adapter over `library.list_inspections()`.

`InspectionsModel` holds the InspectionSummary rows as handed out and answers `data()` from them;
it never writes. `InspectionsFilterModel` sorts by typed keys (dates as dates, grades by rank) and
filters as the user types: every row keeps one lower-cased text of its visible values, so a
keystroke costs one substring test per word per row — fast with 10,000 inspections.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import InspectionStatus, InspectionSummary
from spurdesk.ui.inspection.labels import inspection_status_label as status_label

ModelIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

DEFAULT_SECTION_IDS = tuple("ABCDEFGH")


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FONT = Qt.ItemDataRole.FontRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROLES_ANSWERED = frozenset(
    int(role)
    for role in (
        _DISPLAY,
        _ALIGNMENT,
        _FONT,
        _TOOLTIP,
        Qt.ItemDataRole.AccessibleTextRole,
        SORT_ROLE,
        ID_ROLE,
    )
)


class InspectionsModel(QAbstractTableModel):
    """Rows of InspectionSummary; columns: the identity fields, status, grades A–H, follow-up."""

    UNIT, SITE, SPECIALTY, VISIT, STATUS = range(5)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        trash: bool = False,
        section_ids: Sequence[str] = DEFAULT_SECTION_IDS,
    ) -> None:
        super().__init__(parent)
        self._rows: list[InspectionSummary] = []
        self._haystacks: list[str] = []
        self._trash = trash
        self._section_ids = tuple(section_ids)
        self._follow_up_column = 0
        self._column_count = 0
        self._lay_out_columns()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._filter_words: tuple[str, ...] = ()
        self._matches: list[bool] | None = None  # per row, while filter words are set
        self._cell_cache: dict[int, tuple[str, ...]] = {}  # row → display texts, filled lazily
        self._bold = QFont()
        self._bold.setBold(True)

    # content ----------------------------------------------------------------------------------
    @property
    def trash(self) -> bool:
        return self._trash

    def set_rows(self, rows: Sequence[InspectionSummary]) -> None:
        """Replaces every row (the library hands out fresh snapshots; there is no diffing)."""
        self.beginResetModel()
        self._cell_cache.clear()
        self._rows = list(rows)
        self._section_ids = self._columns_for(self._rows)
        self._lay_out_columns()
        if self._sort_column >= 0:
            self._rows.sort(key=self._key_function(self._sort_column), reverse=self._descending)
        self._haystacks = [self._haystack(row) for row in self._rows]
        self._update_matches()
        self.endResetModel()

    def refresh_texts(self) -> None:
        """After a language switch: translated cells and the filter texts follow."""
        self._haystacks = [self._haystack(row) for row in self._rows]
        self._cell_cache.clear()
        self._update_matches()
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    # sorting ----------------------------------------------------------------------------------
    @property
    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _key_function(self, column: int) -> Callable[[InspectionSummary], Any]:
        return lambda row: self._sort_key(row, column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts the rows in Python (one key per row) rather than by pairwise Qt comparisons.

        The filter proxy forwards sorting here, so filtering as the user types never re-sorts.
        """
        if not 0 <= column < self.columnCount():
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        key = self._key_function(column)
        order_of_rows = sorted(
            range(len(self._rows)), key=lambda i: key(self._rows[i]), reverse=self._descending
        )
        new_position = {old: new for new, old in enumerate(order_of_rows)}
        self._rows = [self._rows[i] for i in order_of_rows]
        self._haystacks = [self._haystacks[i] for i in order_of_rows]
        self._cell_cache.clear()
        if self._matches is not None:
            self._matches = [self._matches[i] for i in order_of_rows]
        old_indexes = self.persistentIndexList()
        new_indexes = [
            self.index(new_position[index.row()], index.column()) for index in old_indexes
        ]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def summary(self, row: int) -> InspectionSummary:
        return self._rows[row]

    def row_of(self, inspection_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == inspection_id:
                return row
        return None

    def haystack(self, row: int) -> str:
        return self._haystacks[row]

    # filtering ----------------------------------------------------------------------------------
    def set_filter_words(self, words: Sequence[str]) -> None:
        """Tests every row against the words in one Python pass; see `matches`."""
        self._filter_words = tuple(words)
        self._update_matches()

    def _update_matches(self) -> None:
        words = self._filter_words
        if not words:
            self._matches = None
            return
        first, *others = words
        matches = [first in text for text in self._haystacks]  # one word: the common case
        for word in others:
            matches = [
                hit and word in text for hit, text in zip(matches, self._haystacks, strict=True)
            ]
        self._matches = matches

    def matches(self, row: int) -> bool:
        """Whether the row contains every filter word (the proxy asks this once per row)."""
        return self._matches is None or self._matches[row]

    def overdue_action_items(self) -> int:
        return sum(row.overdue_action_items for row in self._rows)

    def section_ids(self) -> tuple[str, ...]:
        return self._section_ids

    def _columns_for(self, rows: Sequence[InspectionSummary]) -> tuple[str, ...]:
        """A–H, plus any other section a criteria set of these inspections has."""
        extra = sorted({sid for row in rows for sid in row.grades} - set(DEFAULT_SECTION_IDS))
        return (*DEFAULT_SECTION_IDS, *extra)

    def _haystack(self, row: InspectionSummary) -> str:
        return "\x1f".join(
            (
                row.unit,
                row.site,
                row.care_provider,
                row.specialty,
                format_date(row.visit_start),
                status_label(row.status),
                row.status.value,
                format_date(row.next_follow_up),
            )
        ).casefold()

    # column layout ----------------------------------------------------------------------------
    @property
    def _grade_start(self) -> int:
        return self.STATUS + 1

    @property
    def follow_up_column(self) -> int:
        return self._follow_up_column

    @property
    def deleted_column(self) -> int | None:
        return self.follow_up_column + 1 if self._trash else None

    def _lay_out_columns(self) -> None:
        """Column numbers asked for on every paint, computed once per set of rows."""
        self._follow_up_column = self._grade_start + len(self._section_ids)
        self._column_count = self._follow_up_column + (2 if self._trash else 1)

    def grade_column(self, section_id: str) -> int:
        return self._grade_start + self._section_ids.index(section_id)

    def _section_at(self, column: int) -> str | None:
        offset = column - self._grade_start
        return self._section_ids[offset] if 0 <= offset < len(self._section_ids) else None

    # Qt model protocol ------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_count

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        section_id = self._section_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section_id is not None:
                return section_id
            return self._header_titles().get(section)
        if role == Qt.ItemDataRole.ToolTipRole and section_id is not None:
            return self.tr("Gradering avsnitt {section} (efter eventuell revidering)").format(
                section=section_id
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and section_id is not None:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _header_titles(self) -> dict[int, str]:
        titles = {
            self.UNIT: self.tr("Verksamhet"),
            self.SITE: self.tr("Sjukhus / vårdcentral"),
            self.SPECIALTY: self.tr("Specialitet"),
            self.VISIT: self.tr("Besöksdatum"),
            self.STATUS: self.tr("Status"),
            self.follow_up_column: self.tr("Nästa uppföljning"),
        }
        if self.deleted_column is not None:
            titles[self.deleted_column] = self.tr("Borttagen")
        return titles

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Answers from per-row caches: painting asks several roles of every visible cell."""
        if role not in _ROLES_ANSWERED:
            return None
        row_number = index.row()
        if not 0 <= row_number < len(self._rows):
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._cells(row_number)[column]
        row = self._rows[row_number]
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ID_ROLE:
            return row.id
        section_id = self._section_at(column)
        if role == _ALIGNMENT:
            return Qt.AlignmentFlag.AlignCenter if section_id is not None else None
        if role == _FONT:
            # "Åtgärder krävs" stands out; bold, because colours clash with dark palettes.
            failing = section_id is not None and row.grades.get(section_id) == Grade.D
            return self._bold if failing else None
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        return self._accessible(row, column)

    def _cells(self, row_number: int) -> tuple[str, ...]:
        cells = self._cell_cache.get(row_number)
        if cells is None:
            row = self._rows[row_number]
            cells = tuple(self._display(row, column) for column in range(self.columnCount()))
            self._cell_cache[row_number] = cells
        return cells

    def _display(self, row: InspectionSummary, column: int) -> str:
        if column == self.UNIT:
            return row.unit
        if column == self.SITE:
            return row.site
        if column == self.SPECIALTY:
            return row.specialty
        if column == self.VISIT:
            return format_date(row.visit_start)
        if column == self.STATUS:
            return status_label(row.status)
        if column == self.follow_up_column:
            text = format_date(row.next_follow_up)
            if row.overdue_action_items:
                text = f"{text} ⚠" if text else "⚠"
            return text
        if column == self.deleted_column:
            return format_date(row.deleted_at)
        section_id = self._section_at(column)
        grade = row.grades.get(section_id) if section_id else None
        return grade.value if grade is not None else ""

    def _sort_key(self, row: InspectionSummary, column: int) -> Any:
        """Typed keys: missing dates and grades sort last in ascending order."""
        if column == self.VISIT:
            return format_date(row.visit_start) or "9999"
        if column == self.STATUS:
            return list(InspectionStatus).index(row.status)
        if column == self.follow_up_column:
            return format_date(row.next_follow_up) or "9999"
        if column == self.deleted_column:
            return format_date(row.deleted_at)
        section_id = self._section_at(column)
        if section_id is not None:
            grade = row.grades.get(section_id)
            return grade.rank if grade is not None else 9
        return self._display(row, column).casefold()

    def _tooltip(self, row: InspectionSummary, column: int) -> str | None:
        if column == self.follow_up_column and row.overdue_action_items:
            return self.tr(
                "%n åtgärd(er) i handlingsplanen är försenade.", "", row.overdue_action_items
            )
        if column in (self.UNIT, self.SITE) and row.care_provider:
            return f"{row.unit}, {row.site} ({row.care_provider})"
        return None

    def _accessible(self, row: InspectionSummary, column: int) -> str:
        section_id = self._section_at(column)
        if section_id is not None:
            grade = row.grades.get(section_id)
            return self.tr("Avsnitt {section}: {grade}").format(
                section=section_id, grade=grade.value if grade else self.tr("ej graderat")
            )
        return self._display(row, column)


class InspectionsFilterModel(QSortFilterProxyModel):
    """Keeps rows whose text contains every word typed (any order, any case); sorts the source."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._source: InspectionsModel | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the source model; the proxy only filters and keeps source order."""
        self._sort = (column, order)
        source = self.sourceModel()
        if isinstance(source, InspectionsModel):
            source.sort(column, order)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self._source = model if isinstance(model, InspectionsModel) else None
        if self._source is not None:
            self._source.set_filter_words(self._words)
        super().setSourceModel(model)
        if self._source is not None and self._sort[0] >= 0:
            self._source.sort(*self._sort)

    def set_filter_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        self._words = words
        if self._source is not None:
            self._source.set_filter_words(words)
        # One layout change, not a rowsRemoved/rowsInserted pair per contiguous run of rows:
        # with thousands of scattered matches that is what keeps typing fluid.
        self.invalidate()

    def filter_text(self) -> str:
        return " ".join(self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        return self._source is None or self._source.matches(source_row)

    def inspection_id(self, proxy_row: int) -> int | None:
        index = self.index(proxy_row, 0)
        value = index.data(ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def proxy_row_of(self, inspection_id: int) -> int | None:
        source = self.sourceModel()
        if not isinstance(source, InspectionsModel):
            return None
        source_row = source.row_of(inspection_id)
        if source_row is None:
            return None
        proxy = self.mapFromSource(source.index(source_row, 0))
        return proxy.row() if proxy.isValid() else None
