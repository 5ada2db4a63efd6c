"""The first library schema: inspections with their assessments, summary, action plan and audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Written out in full (not imported from schema.py) so this revision stays what it was when the
schema moves on. Dates are ISO text (String(10)), moments ISO text in UTC (String(32)).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), nullable=False)


def _inspection_id(table: str) -> list:
    return [
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=f"fk_{table}_inspection_id_inspections",
            ondelete="CASCADE",
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "inspections",
        _id(),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("site", sa.Text(), nullable=False),
        sa.Column("care_provider", sa.Text(), nullable=False),
        sa.Column("specialty", sa.Text(), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("visit_start", sa.String(10), nullable=True),
        sa.Column("visit_end", sa.String(10), nullable=True),
        sa.Column("report_date", sa.String(10), nullable=True),
        sa.Column("criteria_set_id", sa.String(100), nullable=False),
        sa.Column("criteria_version", sa.Integer(), nullable=False),
        sa.Column("criteria_snapshot", sa.JSON(), nullable=False),
        sa.Column("previous_inspection_id", sa.Integer(), nullable=True),
        sa.Column("previous_grades", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("modified_at", sa.String(32), nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
        sa.ForeignKeyConstraint(
            ["previous_inspection_id"],
            ["inspections.id"],
            name="fk_inspections_previous_inspection_id_inspections",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_inspections"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_inspections_deleted_at", "inspections", ["deleted_at"])

    op.create_table(
        "inspectors",
        _id(),
        *_inspection_id("inspectors"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_inspectors"),
    )
    op.create_index("ix_inspectors_inspection_id", "inspectors", ["inspection_id"])

    op.create_table(
        "participant_groups",
        _id(),
        *_inspection_id("participant_groups"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_participant_groups"),
    )
    op.create_index(
        "ix_participant_groups_inspection_id", "participant_groups", ["inspection_id"]
    )

    op.create_table(
        "section_assessments",
        _id(),
        *_inspection_id("section_assessments"),
        sa.Column("section_id", sa.String(20), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("grade", sa.String(1), nullable=True),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("revised_grade", sa.String(1), nullable=True),
        sa.Column("revised_on", sa.String(10), nullable=True),
        sa.Column("revision_reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_section_assessments"),
        sa.UniqueConstraint(
            "inspection_id", "section_id", name="uq_section_assessments_inspection_id"
        ),
    )

    op.create_table(
        "criterion_assessments",
        _id(),
        *_inspection_id("criterion_assessments"),
        sa.Column("criterion_id", sa.String(20), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_criterion_assessments"),
        sa.UniqueConstraint(
            "inspection_id", "criterion_id", name="uq_criterion_assessments_inspection_id"
        ),
    )

    op.create_table(
        "summary_items",
        _id(),
        *_inspection_id("summary_items"),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_summary_items"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_summary_items_inspection_id", "summary_items", ["inspection_id"])

    op.create_table(
        "action_items",
        _id(),
        *_inspection_id("action_items"),
        sa.Column("section_id", sa.String(20), nullable=True),
        sa.Column("criterion_id", sa.String(20), nullable=True),
        sa.Column("planned_action", sa.Text(), nullable=False),
        sa.Column("due", sa.Text(), nullable=False),
        sa.Column("responsible", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("follow_up_responsible", sa.Text(), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("unit_comment", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("done_on", sa.String(10), nullable=True),
        sa.Column("verified_on", sa.String(10), nullable=True),
        sa.Column("verification_note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_action_items"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_action_items_inspection_id", "action_items", ["inspection_id"])

    op.create_table(
        "audit_events",
        _id(),
        *_inspection_id("audit_events"),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_events"),
    )
    op.create_index("ix_audit_events_inspection_id", "audit_events", ["inspection_id"])


def downgrade() -> None:
    for table in (
        "audit_events",
        "action_items",
        "summary_items",
        "criterion_assessments",
        "section_assessments",
        "participant_groups",
        "inspectors",
        "inspections",
    ):
        op.drop_table(table)
