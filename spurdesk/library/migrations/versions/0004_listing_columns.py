"""Inspections keep what the start view shows of their sections and action plan.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

Listing 10,000 inspections grouped 80,000 section rows into per-inspection grade strings and
60,000 action rows into next follow-ups on every read of the start view, and SQLite had to step
over each section's findings text to reach its grade. The inspection row now keeps
`effective_grades` (section id → revised grade if revised, else the grade given; JSON) and
`next_follow_up` (the earliest follow-up date among items not yet verified), written by every
command that changes them; the overdue count depends on today's date and stays a query, made
cheap by an index on (status, due_on, inspection_id). Both columns are filled in here with the
same rules the library uses, written out (not imported) so this revision never changes later.
Adding columns with constant defaults is a plain ALTER TABLE on SQLite: no table is rebuilt.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_VERIFIED = "verifierad"
_INDEX = "ix_action_items_overdue"


def upgrade() -> None:
    op.add_column(
        "inspections",
        sa.Column("effective_grades", sa.JSON(), nullable=False, server_default="{}"),
    )
    op.add_column("inspections", sa.Column("next_follow_up", sa.String(10), nullable=True))
    op.create_index(_INDEX, "action_items", ["status", "due_on", "inspection_id"])

    inspections = sa.table(
        "inspections",
        sa.column("id", sa.Integer()),
        sa.column("effective_grades", sa.JSON()),
        sa.column("next_follow_up", sa.String(10)),
    )
    sections = sa.table(
        "section_assessments",
        sa.column("inspection_id", sa.Integer()),
        sa.column("section_id", sa.String(20)),
        sa.column("grade", sa.String(1)),
        sa.column("revised_grade", sa.String(1)),
    )
    actions = sa.table(
        "action_items",
        sa.column("inspection_id", sa.Integer()),
        sa.column("status", sa.String(30)),
        sa.column("follow_up_on", sa.String(10)),
    )
    connection = op.get_bind()
    effective = sa.func.coalesce(sections.c.revised_grade, sections.c.grade)
    grades: dict[int, dict[str, str]] = {}
    for inspection_id, section_id, grade in connection.execute(
        sa.select(sections.c.inspection_id, sections.c.section_id, effective)
        .where(effective.is_not(None))
        .order_by(sections.c.inspection_id, sections.c.section_id)
    ):
        grades.setdefault(inspection_id, {})[section_id] = grade
    follow_ups = dict(
        connection.execute(
            sa.select(actions.c.inspection_id, sa.func.min(actions.c.follow_up_on))
            .where(actions.c.status != _VERIFIED)
            .group_by(actions.c.inspection_id)
        ).all()
    )
    for inspection_id in sorted(set(grades) | set(follow_ups)):
        connection.execute(
            inspections.update()
            .where(inspections.c.id == inspection_id)
            .values(
                # The mapping itself, not its JSON text: PostgreSQL's json column takes no text.
                effective_grades=grades.get(inspection_id, {}),
                next_follow_up=follow_ups.get(inspection_id),
            )
        )


def downgrade() -> None:
    op.drop_index(_INDEX, table_name="action_items")
    with op.batch_alter_table("inspections") as batch:
        batch.drop_column("next_follow_up")
        batch.drop_column("effective_grades")
