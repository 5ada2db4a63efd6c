"""The unit's sakgranskning comments and the inspectors' decisions.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

One row per comment of an imported fact-check answer (`fact_check_comments`): where it is
anchored (section, quoted sentence), what the unit proposes and why, and the decision
(godtagen / avvisad, the text applied or the reason, who and when). A new table only: nothing
existing changes, so the downgrade simply drops it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fact_check_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("section_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("proposed", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
        sa.Column("decision", sa.String(20), nullable=True),
        sa.Column("applied_text", sa.Text(), nullable=False),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.String(32), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name="fk_fact_check_comments_inspection_id_inspections",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_fact_check_comments"),
        sa.UniqueConstraint("inspection_id", "key", name="uq_fact_check_comments_inspection_id"),
    )


def downgrade() -> None:
    op.drop_table("fact_check_comments")
