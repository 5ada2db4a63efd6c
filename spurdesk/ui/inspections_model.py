"""The start view's table: a thin Qt adapter over `library.list_inspections()`.

`InspectionsModel` holds the InspectionSummary rows as handed out and answers `data()` from them;
it never writes. It sorts by typed keys (dates as dates, grades by rank) and filters as the user
types: every row gets one lower-cased text of its visible values on the first keystroke, so a
keystroke costs one substring test per word per row and one layout change — fast with 10,000
inspections. `InspectionsFilterModel` is an identity proxy that forwards both to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

if TYPE_CHECKING:  # the model's modules load with the first rows, after the first paint
    from spurdesk.model.inspection import InspectionStatus, InspectionSummary

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


class _DateTexts(dict[Any, str]):
    """Date → its text, each distinct date formatted once (subscripting stays in C)."""

    def __missing__(self, value: date | None) -> str:
        text = self[value] = format_date(value)
        return text


class _Folded(dict[str, str]):
    """Text → its case-folded form, each distinct text folded once."""

    def __missing__(self, text: str) -> str:
        folded = self[text] = text.casefold()
        return folded


def _statuses() -> type[InspectionStatus]:
    from spurdesk.model.inspection import InspectionStatus

    return InspectionStatus


def _date_key(value: date | None) -> date:
    """Sorts missing dates last in ascending order (dates compare in C, no text per row)."""
    if value is None:
        return date.max
    return value.date() if isinstance(value, datetime) else value


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
    """Rows of InspectionSummary; columns: the identity fields, status, grades A–H, follow-up.

    The model filters itself: `set_filter_words` computes the list of visible rows in one Python
    pass over per-row lower-case texts (built on the first filter keystroke) and announces it as
    one layout change, so Qt never calls back into Python once per row while the user types.
    Rows are the visible rows; display texts are made on demand for the rows painted.
    """

    UNIT, SITE, SPECIALTY, VISIT, STATUS = range(5)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        trash: bool = False,
        section_ids: Sequence[str] = DEFAULT_SECTION_IDS,
    ) -> None:
        super().__init__(parent)
        self._all: list[InspectionSummary] = []  # every row, in sort order
        self._rows: list[InspectionSummary] = []  # the rows shown (all, or the filter's matches)
        self._haystacks: list[str] | None = None  # per row of `_all`, built when first filtered
        self._prepare_after_paint = False  # build them once the new rows have been painted
        self._visible: list[int] | None = None  # indexes into `_all` while filter words are set
        self._trash = trash
        self._section_ids = tuple(section_ids)
        self._follow_up_column = 0
        self._column_count = 0
        self._lay_out_columns()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._filter_words: tuple[str, ...] = ()
        self._cell_cache: dict[int, tuple[str, ...]] = {}  # shown row → display texts, lazily
        self._status_labels: dict[InspectionStatus, str] = {}  # one translation per status
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
        self._all = list(rows)
        self._section_ids = self._columns_for(self._all)
        self._lay_out_columns()
        if self._sort_column >= 0:
            keys = self._sort_keys(self._sort_column)
            order = sorted(range(len(keys)), key=keys.__getitem__, reverse=self._descending)
            self._all = [self._all[i] for i in order]
        self._haystacks = None
        self._visible = self._compute_visible(self._filter_words, None)
        self._prepare_after_paint = self._haystacks is None and bool(self._all)
        self._show_visible()
        self.endResetModel()

    def refresh_texts(self) -> None:
        """After a language switch: translated cells and the filter texts follow."""
        self._status_labels.clear()
        self._cell_cache.clear()
        if self._haystacks is not None:
            self._haystacks = None
            self._apply_filter(self._filter_words, narrowing=False)
            self._prepare_after_paint = self._haystacks is None and bool(self._all)
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def prepare_filter_texts(self) -> None:
        """Builds the rows' filter texts now, so the first keystroke only has to search them."""
        self._prepare_after_paint = False
        if self._haystacks is None and self._all:
            self._haystacks = self._haystacks_of(self._all)

    def _status_label(self, status: InspectionStatus) -> str:
        label = self._status_labels.get(status)
        if label is None:
            from spurdesk.ui.inspection.labels import inspection_status_label

            label = self._status_labels[status] = inspection_status_label(status)
        return label

    # sorting ----------------------------------------------------------------------------------
    @property
    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _sort_keys(self, column: int) -> list[Any]:
        """One typed key per row of `_all`: missing dates and grades sort last ascending."""
        rows = self._all
        if column == self.VISIT:
            return [_date_key(r.visit_start) for r in rows]
        if column == self.follow_up_column:
            return [_date_key(r.next_follow_up) for r in rows]
        if column == self.STATUS:
            rank = {status: n for n, status in enumerate(_statuses())}
            return [rank[r.status] for r in rows]
        if column == self.UNIT:
            return [r.unit.casefold() for r in rows]
        if column == self.SITE:
            return [r.site.casefold() for r in rows]
        if column == self.SPECIALTY:
            return [r.specialty.casefold() for r in rows]
        return [self._sort_key(r, column) for r in rows]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts the rows in Python (one key per row) rather than by pairwise Qt comparisons.

        The filter proxy forwards sorting here, so filtering as the user types never re-sorts.
        """
        if not 0 <= column < self.columnCount():
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_shown = self._shown_indexes()
        keys = self._sort_keys(column)
        order_of_rows = sorted(range(len(keys)), key=keys.__getitem__, reverse=self._descending)
        self._all = [self._all[i] for i in order_of_rows]
        if self._haystacks is not None:
            self._haystacks = [self._haystacks[i] for i in order_of_rows]
        new_place = {old: new for new, old in enumerate(order_of_rows)}
        old_shown = [new_place[i] for i in old_shown]  # the same rows, as indexes into new `_all`
        if self._visible is not None:
            self._visible = sorted(new_place[i] for i in self._visible)
        self._show_visible()
        self._move_persistent_indexes(old_shown)
        self.layoutChanged.emit()

    def _shown_indexes(self) -> list[int]:
        """Each shown row's index into `_all`."""
        return self._visible if self._visible is not None else list(range(len(self._all)))

    def _show_visible(self) -> None:
        self._cell_cache.clear()
        visible = self._visible
        self._rows = self._all if visible is None else [self._all[i] for i in visible]

    def _move_persistent_indexes(self, old_shown: list[int]) -> None:
        """Persistent indexes (the selection) follow their rows; hidden rows' become invalid."""
        old_indexes = self.persistentIndexList()
        if not old_indexes:
            return
        new_row = {index: row for row, index in enumerate(self._shown_indexes())}
        new_indexes = []
        for index in old_indexes:
            old_row = index.row()
            row = new_row.get(old_shown[old_row]) if 0 <= old_row < len(old_shown) else None
            new_indexes.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(old_indexes, new_indexes)

    def summary(self, row: int) -> InspectionSummary:
        return self._rows[row]

    def row_of(self, inspection_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == inspection_id:
                return row
        return None

    def haystack(self, row: int) -> str:
        return self._haystack(self._rows[row])

    # filtering ----------------------------------------------------------------------------------
    def set_filter_words(self, words: Sequence[str]) -> None:
        """Shows only the rows containing every word, announced as one layout change."""
        words = tuple(words)
        if words == self._filter_words:
            return
        old = self._filter_words
        narrowing = (
            bool(old)
            and len(words) >= len(old)
            and all(o in n for o, n in zip(old, words, strict=False))
        )
        self._apply_filter(words, narrowing=narrowing)

    def _apply_filter(self, words: tuple[str, ...], *, narrowing: bool) -> None:
        self.layoutAboutToBeChanged.emit()
        old_shown = self._shown_indexes()
        self._filter_words = words
        self._visible = self._compute_visible(words, self._visible if narrowing else None)
        self._show_visible()
        self._move_persistent_indexes(old_shown)
        self.layoutChanged.emit()

    def _compute_visible(
        self, words: tuple[str, ...], candidates: list[int] | None
    ) -> list[int] | None:
        """Indexes into `_all` of the rows containing every word; None without words."""
        if not words:
            return None
        if self._haystacks is None:
            self._haystacks = self._haystacks_of(self._all)
        texts = self._haystacks
        first, *others = words
        if candidates is None:
            visible = [i for i, text in enumerate(texts) if first in text]
        else:
            visible = [i for i in candidates if first in texts[i]]
        for word in others:
            visible = [i for i in visible if word in texts[i]]
        return visible

    def matches(self, row: int) -> bool:
        """Whether the shown row contains every filter word (every shown row does)."""
        return 0 <= row < len(self._rows)

    def overdue_action_items(self) -> int:
        return sum(row.overdue_action_items for row in self._all)

    def all_rows(self) -> list[InspectionSummary]:
        """Every row, filtered out or not."""
        return list(self._all)

    def section_ids(self) -> tuple[str, ...]:
        return self._section_ids

    def _columns_for(self, rows: Sequence[InspectionSummary]) -> tuple[str, ...]:
        """A–H, plus any other section a criteria set of these inspections has."""
        extra = sorted(set().union(*[row.grades for row in rows]) - set(DEFAULT_SECTION_IDS))
        return (*DEFAULT_SECTION_IDS, *extra)

    def _haystack(self, row: InspectionSummary) -> str:
        return self._haystacks_of([row])[0]

    def _haystacks_of(self, rows: Sequence[InspectionSummary]) -> list[str]:
        """Each row's visible values (and status code) as one lower-case text, in one tight pass
        after the rows are first painted (or on the first keystroke)."""
        statuses = {
            status: f"{self._status_label(status)}\x1f{status.value}".casefold()
            for status in _statuses()
        }
        days = _DateTexts()  # digits and dashes: nothing to fold
        low = _Folded()  # units, sites and providers repeat: each folded once
        return [
            f"{low[r.unit]}\x1f{low[r.site]}\x1f{low[r.care_provider]}\x1f{low[r.specialty]}"
            f"\x1f{days[r.visit_start]}\x1f{statuses[r.status]}\x1f{days[r.next_follow_up]}"
            for r in rows
        ]

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
            if self._prepare_after_paint:  # the rows are being painted: texts for the filter next
                self._prepare_after_paint = False
                QTimer.singleShot(0, self, self.prepare_filter_texts)
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
            failing = section_id is not None and row.grades.get(section_id) == "D"  # Grade.D
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
            return self._status_label(row.status)
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
            return list(_statuses()).index(row.status)
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


class InspectionsFilterModel(QIdentityProxyModel):
    """Filters by the words typed (any order, any case) and sorts, both in the source model.

    An identity proxy maps rows in C++: the source model keeps only its matching rows, so a
    keystroke is one Python pass and one layout change, never a Python call per row.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._source: InspectionsModel | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the source model; the proxy keeps its order."""
        self._sort = (column, order)
        if self._source is not None:
            self._source.sort(column, order)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self._source = model if isinstance(model, InspectionsModel) else None
        super().setSourceModel(model)
        if self._source is not None:
            self._source.set_filter_words(self._words)
            if self._sort[0] >= 0:
                self._source.sort(*self._sort)

    def set_filter_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        self._words = words
        if self._source is not None:
            self._source.set_filter_words(words)

    def inspection_id(self, proxy_row: int) -> int | None:
        if self._source is None or not 0 <= proxy_row < self._source.rowCount():
            return None
        return self._source.summary(proxy_row).id

    def proxy_row_of(self, inspection_id: int) -> int | None:
        return self._source.row_of(inspection_id) if self._source is not None else None
