"""The action-plan request: a reply-by date per inspection, and rows answering several criteria.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

When the inspectors request the action plan they set the date by which the unit is to send it
(`inspections.reply_by`); the report's appendix and the documents sent to the unit print it. One
row of the plan may answer several criteria of its section (the seed report's E row answers more
than E.4): `action_items.further_criteria` holds the ids beyond `criterion_id`, as a JSON list.
Existing inspections get no reply-by date (the report then says the plan is due without a date,
and lists the missing date among what the draft lacks) and their rows answer one criterion each,
as before. Both are plain ADD COLUMN on SQLite.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("inspections", sa.Column("reply_by", sa.String(10), nullable=True))
    op.add_column(
        "action_items",
        sa.Column("further_criteria", sa.JSON(), nullable=False, server_default="[]"),
    )


def downgrade() -> None:
    with op.batch_alter_table("action_items", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("further_criteria")
    with op.batch_alter_table("inspections", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("reply_by")
