"""The start view's rows for an open library: the two queries of `summary_rows`, however many
inspections, through the library's own session (and so inside its transaction)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from spurdesk.model.inspection import InspectionSummary
from spurdesk.model.storage.summary_rows import (
    OVERDUE_SQL,
    heads_sql,
    overdue_parameters,
    summaries_from,
)


def inspection_summaries(
    session: Session, *, include_deleted: bool, deleted_only: bool, today: date
) -> list[InspectionSummary]:
    """Every (or every trashed) inspection as a start-view row, in id order."""
    connection = session.connection()
    heads = connection.execute(
        text(heads_sql(include_deleted=include_deleted, deleted_only=deleted_only))
    )
    overdue = connection.execute(text(OVERDUE_SQL), overdue_parameters(today))
    return summaries_from(heads.all(), overdue.all())
