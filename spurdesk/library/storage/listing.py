"""The start view's rows for an open library: the two queries of `summary_rows`, however many
inspections, through the library's own session (and so inside its transaction)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from spurdesk.library.storage.summary_rows import read_summaries
from spurdesk.model.inspection import InspectionSummary


def inspection_summaries(
    session: Session, *, include_deleted: bool, deleted_only: bool, today: date
) -> list[InspectionSummary]:
    """Every (or every trashed) inspection as a start-view row, in id order."""
    connection = session.connection()

    def run(sql: str, parameters: Mapping[str, str]) -> Sequence[Sequence[Any]]:
        return connection.execute(text(sql), parameters).all()

    return read_summaries(
        run, include_deleted=include_deleted, deleted_only=deleted_only, today=today
    )
