"""The start view's rows in plain SQL: one text for SQLAlchemy and for the sqlite3 module alone.

An open library runs these queries through SQLAlchemy (`listing`); before a library file is opened,
`spurdesk.library.preview` runs the very same text through the sqlite3 module, so the start view can
show the inspections while SQLAlchemy is still loading. The inspection row keeps what the view
shows of its sections and action plan (`effective_grades`, `next_follow_up`, revision 4, kept by
`rows.refresh_listing` and the autosave), so listing reads one narrow row per inspection and never
touches section or action texts. Only the overdue count depends on today's date; it is one grouped
query over the index on action items (status, due_on, inspection_id), which reads the open,
overdue items alone. Dates are compared and read as the ISO text the schema stores them as.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import ActionItemStatus, InspectionStatus, InspectionSummary

INSPECTIONS_TABLE = "inspections"
ACTION_ITEMS_TABLE = "action_items"

_HEAD_COLUMNS = (
    "id, unit, site, care_provider, specialty, visit_start, status, effective_grades,"
    " next_follow_up, modified_at, deleted_at"
)

#: Runs one query with its named parameters and returns all its rows (SQLAlchemy or sqlite3).
QueryRunner = Callable[[str, Mapping[str, str]], Sequence[Sequence[Any]]]

OVERDUE_SQL = (
    f"SELECT inspection_id, count(*) FROM {ACTION_ITEMS_TABLE}"
    " WHERE status = :open_status AND due_on < :today GROUP BY inspection_id"
)

# Plain lookups: calling the enum classes costs more than the queries for 10,000 inspections.
_GRADES = {grade.value: grade for grade in Grade}
_STATUSES = {status.value: status for status in InspectionStatus}


def heads_sql(*, include_deleted: bool, deleted_only: bool) -> str:
    """Every (or every trashed) inspection's start-view columns, in id order."""
    if deleted_only:
        shown = "deleted_at IS NOT NULL"
    elif include_deleted:
        shown = "1 = 1"
    else:
        shown = "deleted_at IS NULL"
    return f"SELECT {_HEAD_COLUMNS} FROM {INSPECTIONS_TABLE} WHERE {shown} ORDER BY id"


def overdue_parameters(today: date) -> dict[str, str]:
    return {"open_status": ActionItemStatus.OPEN.value, "today": today.isoformat()}


class _Dates(dict[Any, Any]):
    """ISO text → date (or moment), each distinct text parsed once; None stays None."""

    def __init__(self, parse: Any) -> None:
        super().__init__({None: None})
        self._parse = parse

    def __missing__(self, text: str) -> date | datetime:
        value = self[text] = self._parse(text)
        return value


def _grades(stored: str | dict[str, str]) -> dict[str, Grade]:
    # Text from SQLite; a JSON-typed column on other databases arrives already decoded.
    values = json.loads(stored) if isinstance(stored, str) else stored
    return {section_id: _GRADES[grade] for section_id, grade in values.items()}


def summaries_from(
    heads: Iterable[Sequence[Any]], overdue: Iterable[Sequence[Any]]
) -> list[InspectionSummary]:
    """InspectionSummary rows from the results of `heads_sql` and `OVERDUE_SQL`.

    Raises ValueError (or KeyError) for a value the schema cannot hold, e.g. an unknown grade.
    """
    overdue_counts = {inspection_id: count for inspection_id, count in overdue}
    days, moments, statuses = _Dates(date.fromisoformat), _Dates(datetime.fromisoformat), _STATUSES
    return [
        InspectionSummary(
            id,
            unit,
            site,
            care_provider,
            specialty,
            days[visit_start],
            statuses[status],
            _grades(effective_grades),
            days[next_follow_up],
            overdue_counts.get(id, 0),
            moments[modified_at],
            moments[deleted_at],
        )
        for (
            id,
            unit,
            site,
            care_provider,
            specialty,
            visit_start,
            status,
            effective_grades,
            next_follow_up,
            modified_at,
            deleted_at,
        ) in heads
    ]


def read_summaries(
    run: QueryRunner, *, include_deleted: bool, deleted_only: bool, today: date
) -> list[InspectionSummary]:
    """Every (or every trashed) inspection as a start-view row, in id order: the two queries,
    run by `run`, and their rows turned into summaries (see `summaries_from` for its errors)."""
    heads = run(heads_sql(include_deleted=include_deleted, deleted_only=deleted_only), {})
    overdue = run(OVERDUE_SQL, overdue_parameters(today))
    return summaries_from(heads, overdue)
