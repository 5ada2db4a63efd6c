"""Criteria snapshots move to their own table, one row per distinct content.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

Every inspection kept a JSON copy of its criteria set (about 25 kB) inside its row. With
thousands of inspections that made the library hundreds of megabytes, and listing slow, because
SQLite has to step through a row's overflow pages to reach the columns stored after the JSON.
Now an inspection references a row of `criteria_snapshots`, identified by a digest of its
canonical JSON: each inspection still keeps exactly the snapshot it was made with, and identical
snapshots are stored once. `criteria_set_id` and `criteria_version` move along with it.

The digest rule is copied here (not imported) so this revision never changes behaviour later.
Rebuilding `inspections` needs foreign keys off; `storage/migrate.py` runs migrations so and
checks every reference afterwards.
"""

import hashlib
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _digest(data: object) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def upgrade() -> None:
    snapshots = op.create_table(
        "criteria_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_criteria_snapshots"),
        sa.UniqueConstraint("digest", name="uq_criteria_snapshots_digest"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("inspections") as batch:
        batch.add_column(sa.Column("criteria_snapshot_id", sa.Integer(), nullable=True))

    inspections = sa.table(
        "inspections",
        sa.column("id", sa.Integer()),
        sa.column("criteria_snapshot", sa.JSON()),
        sa.column("criteria_snapshot_id", sa.Integer()),
    )
    connection = op.get_bind()
    known: dict[str, int] = {}
    rows = connection.execute(sa.select(inspections.c.id, inspections.c.criteria_snapshot)).all()
    for row in rows:
        data = row.criteria_snapshot
        digest = _digest(data)
        if digest not in known:
            result = connection.execute(
                snapshots.insert().values(
                    set_id=data["id"], version=data["version"], digest=digest, data=data
                )
            )
            known[digest] = result.inserted_primary_key[0]
        connection.execute(
            inspections.update()
            .where(inspections.c.id == row.id)
            .values(criteria_snapshot_id=known[digest])
        )

    # Rebuilding the table must keep AUTOINCREMENT and its counter, so that ids of purged
    # inspections are still never handed out again (SQLite keeps the counter per table name).
    sqlite = connection.dialect.name == "sqlite"
    counter = (
        connection.execute(
            sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'inspections'")
        ).scalar()
        if sqlite
        else None
    )
    # Rebuilt on SQLite only: PostgreSQL alters in place, and cannot drop a primary key that
    # other tables' foreign keys depend on.
    with op.batch_alter_table(
        "inspections",
        recreate=_rebuild_on_sqlite(connection),
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch:
        batch.alter_column("criteria_snapshot_id", existing_type=sa.Integer(), nullable=False)
        batch.create_foreign_key(
            "fk_inspections_criteria_snapshot_id_criteria_snapshots",
            "criteria_snapshots",
            ["criteria_snapshot_id"],
            ["id"],
        )
        batch.create_index("ix_inspections_criteria_snapshot_id", ["criteria_snapshot_id"])
        batch.drop_column("criteria_snapshot")
        batch.drop_column("criteria_set_id")
        batch.drop_column("criteria_version")
    if counter is not None:
        connection.execute(
            sa.text(
                "UPDATE sqlite_sequence SET seq = max(seq, :counter) WHERE name = 'inspections'"
            ),
            {"counter": counter},
        )


def _rebuild_on_sqlite(connection: sa.Connection) -> str:
    return "always" if connection.dialect.name == "sqlite" else "auto"


def downgrade() -> None:
    with op.batch_alter_table("inspections") as batch:
        batch.add_column(sa.Column("criteria_set_id", sa.String(100), nullable=True))
        batch.add_column(sa.Column("criteria_version", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("criteria_snapshot", sa.JSON(), nullable=True))
    connection = op.get_bind()
    connection.execute(
        sa.text(
            "UPDATE inspections SET "
            "criteria_set_id = (SELECT set_id FROM criteria_snapshots s "
            "WHERE s.id = inspections.criteria_snapshot_id), "
            "criteria_version = (SELECT version FROM criteria_snapshots s "
            "WHERE s.id = inspections.criteria_snapshot_id), "
            "criteria_snapshot = (SELECT data FROM criteria_snapshots s "
            "WHERE s.id = inspections.criteria_snapshot_id)"
        )
    )
    with op.batch_alter_table(
        "inspections",
        recreate=_rebuild_on_sqlite(connection),
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch:
        batch.drop_index("ix_inspections_criteria_snapshot_id")
        batch.drop_constraint(
            "fk_inspections_criteria_snapshot_id_criteria_snapshots", type_="foreignkey"
        )
        batch.drop_column("criteria_snapshot_id")
        batch.alter_column("criteria_set_id", existing_type=sa.String(100), nullable=False)
        batch.alter_column("criteria_version", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("criteria_snapshot", existing_type=sa.JSON(), nullable=False)
    op.drop_table("criteria_snapshots")
