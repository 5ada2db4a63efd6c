"""Stable identities for sharing an inspection between two inspectors' libraries.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Two inspectors keep the same inspection in two libraries and merge their copies, so the
inspection and every row that can be added or removed on either side (summary items, action
rows, inspectors, interviewed groups) get a `uid` that is the same in every library: a UUID, text
of 36 characters. An existing inspection's uid is the key its action-plan packages already carry
(a UUID-5 of its id and creation time, as exchange/package.py derived it), so the unit's answer to
a package sent before the upgrade still finds its inspection. Rows get random UUIDs.

Sections may be assigned to one of the inspectors (`assignee_uid`), and `shared_versions` keeps
each state of an inspection sent to or received from the co-inspector: the common ancestors the
three-way merge starts from. Adding NOT NULL columns rebuilds the tables on SQLite (batch mode;
the migration runs with foreign keys off and checks them before committing).
"""

import uuid
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out, not imported: exchange/package.py's namespace for inspection keys.
_KEY_NAMESPACE = uuid.UUID("6f1d3c3e-5b7a-4d0e-9a55-2f0c8f1e7a41")
_ROW_TABLES = ("summary_items", "action_items", "inspectors", "participant_groups")
# Rebuilt tables must keep AUTOINCREMENT (ids handed to undo stacks are never reused).
_AUTOINCREMENT = {"inspections", "summary_items", "action_items"}


def _legacy_key(inspection_id: int, created_at: str | None) -> str:
    created = datetime.fromisoformat(created_at).isoformat() if created_at else ""
    return str(uuid.uuid5(_KEY_NAMESPACE, f"{inspection_id}|{created}"))


def _fill(table_name: str, uid_of) -> None:  # type: ignore[no-untyped-def]
    table = sa.table(
        table_name,
        sa.column("id", sa.Integer()),
        sa.column("uid", sa.String(36)),
        *([sa.column("created_at", sa.String(32))] if table_name == "inspections" else []),
    )
    connection = op.get_bind()
    columns = [table.c.id] + ([table.c.created_at] if table_name == "inspections" else [])
    for row in connection.execute(sa.select(*columns)).all():
        connection.execute(table.update().where(table.c.id == row[0]).values(uid=uid_of(row)))


def _rebuild_keeping_counter(table_name: str, *, drop_uid: bool = False) -> None:
    """Make `uid` NOT NULL (or drop it). SQLite rebuilds the table, which would restart its
    AUTOINCREMENT counter at the highest id left, reusing the ids of rows purged earlier; the
    counter is carried over (as revision 3 does)."""
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    counter = (
        connection.execute(
            sa.text("SELECT seq FROM sqlite_sequence WHERE name = :name"), {"name": table_name}
        ).scalar()
        if sqlite and table_name in _AUTOINCREMENT
        else None
    )
    kwargs = {"sqlite_autoincrement": True} if table_name in _AUTOINCREMENT else {}
    with op.batch_alter_table(table_name, table_kwargs=kwargs) as batch:
        if drop_uid:
            batch.drop_column("uid")
        else:
            batch.alter_column("uid", existing_type=sa.String(36), nullable=False)
    if counter is not None:
        connection.execute(
            sa.text("UPDATE sqlite_sequence SET seq = max(seq, :counter) WHERE name = :name"),
            {"counter": counter, "name": table_name},
        )


def upgrade() -> None:
    for table_name in ("inspections", *_ROW_TABLES):
        op.add_column(table_name, sa.Column("uid", sa.String(36), nullable=True))
    _fill("inspections", lambda row: _legacy_key(row[0], row[1]))
    for table_name in _ROW_TABLES:
        _fill(table_name, lambda _row: str(uuid.uuid4()))
    for table_name in ("inspections", *_ROW_TABLES):
        _rebuild_keeping_counter(table_name)
        op.create_index(f"ix_{table_name}_uid", table_name, ["uid"], unique=True)
    op.add_column(
        "section_assessments", sa.Column("assignee_uid", sa.String(36), nullable=True)
    )
    op.create_table(
        "shared_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("peer", sa.Text(), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name="fk_shared_versions_inspection_id_inspections",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_shared_versions"),
        sa.UniqueConstraint("inspection_id", "digest", name="uq_shared_versions_inspection_id"),
    )


def downgrade() -> None:
    op.drop_table("shared_versions")
    with op.batch_alter_table("section_assessments") as batch:
        batch.drop_column("assignee_uid")
    for table_name in ("inspections", *_ROW_TABLES):
        op.drop_index(f"ix_{table_name}_uid", table_name=table_name)
        _rebuild_keeping_counter(table_name, drop_uid=True)
