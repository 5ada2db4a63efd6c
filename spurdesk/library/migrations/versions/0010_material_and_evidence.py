"""The material requested from the unit before the visit (underlag) and its stored files.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

`material_items`: per inspection, each piece of material asked for (the checklist's key or one the
inspector added), when it was requested and received, a note, the criteria it is evidence for (a
JSON list of ids) and what is known of its file (name as shown, kind, size, SHA-256).
`material_files`: the file's bytes, in a table of their own so that reading an inspection never
reads them. New tables only, created with portable operations (the same on SQLite and
PostgreSQL); the downgrade drops them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "material_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("requested_on", sa.String(10), nullable=True),
        sa.Column("received_on", sa.String(10), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=True),
        sa.Column("file_kind", sa.String(10), nullable=True),
        sa.Column("file_size", sa.Integer(), nullable=True),
        sa.Column("file_sha256", sa.String(64), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name="fk_material_items_inspection_id_inspections",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_material_items"),
        # Ids handed to undo stacks are never reused (see schema._NO_ID_REUSE).
        sqlite_autoincrement=True,
    )
    op.create_index("ix_material_items_uid", "material_items", ["uid"], unique=True)
    op.create_index("ix_material_items_inspection_id", "material_items", ["inspection_id"])
    op.create_table(
        "material_files",
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["material_items.id"],
            name="fk_material_files_material_id_material_items",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("material_id", name="pk_material_files"),
    )


def downgrade() -> None:
    op.drop_table("material_files")
    op.drop_index("ix_material_items_inspection_id", table_name="material_items")
    op.drop_index("ix_material_items_uid", table_name="material_items")
    op.drop_table("material_items")
