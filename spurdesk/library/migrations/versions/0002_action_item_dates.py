"""Action items get the dates found in their free-text due and follow-up fields.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The start view lists thousands of inspections with their next follow-up and overdue count; with
the first ISO date of `due` / `follow_up` kept in columns that is one grouped query instead of
parsing every row's text. Existing rows are filled in here with the same rule the library uses
(the first valid YYYY-MM-DD in the text), copied so this revision never changes behaviour later.
"""

import re
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _first_date(text: str) -> str | None:
    for match in _ISO_DATE.finditer(text or ""):
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            continue
    return None


def upgrade() -> None:
    with op.batch_alter_table("action_items") as batch:
        batch.add_column(sa.Column("due_on", sa.String(10), nullable=True))
        batch.add_column(sa.Column("follow_up_on", sa.String(10), nullable=True))
    items = sa.table(
        "action_items",
        sa.column("id", sa.Integer()),
        sa.column("due", sa.Text()),
        sa.column("follow_up", sa.Text()),
        sa.column("due_on", sa.String(10)),
        sa.column("follow_up_on", sa.String(10)),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(items.c.id, items.c.due, items.c.follow_up)).all()
    for row in rows:
        connection.execute(
            items.update()
            .where(items.c.id == row.id)
            .values(due_on=_first_date(row.due), follow_up_on=_first_date(row.follow_up))
        )


def downgrade() -> None:
    with op.batch_alter_table("action_items") as batch:
        batch.drop_column("follow_up_on")
        batch.drop_column("due_on")
