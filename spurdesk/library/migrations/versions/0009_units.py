"""The register of training units, and the six-month follow-up of deficiency reports.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

`units` (verksamhet, site, care provider, specialty; a stable uid like every shared row) with
their `unit_contacts` (verksamhetschef, studierektor, övergripande studierektor: the report's
recipients), and `inspections.unit_id`. Existing inspections (those in the trash too) are linked
by grouping identical unit/site/care-provider/specialty texts — whitespace collapsed, case
ignored — into one unit each, spelt as most of the group's inspections spell it; near-duplicates
are left for the user to merge (`Library.merge_units`).

The index on inspections (unit, trash, status, visit and report dates) lets the register read
each unit's last SPUR from the index alone.

`deficiency_follow_ups` holds, per inspection whose report found deficiencies against
föreskrifter (a section graded D at the visit), the six-month follow-up: its start (the report's
date), its due date, and the unit's internal review and written report as received. Inspections
already fastställd or further along get theirs here.

Portable: new tables, an added nullable column and plain SELECT/INSERT/UPDATE, so the same steps
run on PostgreSQL; on SQLite alone the inspections table is rebuilt to add the column's named
foreign key (batch mode, with the migration's foreign keys off and checked before committing).
"""

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op
from alembic.operations import BatchOperations

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out, not imported (a revision must keep meaning what it meant when released):
# model.due_dates.SPUR_DONE and model.units.normalised as of this revision.
_SPUR_DONE = ("fastställd", "handlingsplan begärd", "handlingsplan inkommen", "avslutad")
_FOLLOW_UP_MONTHS = 6


def _normalised(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _tidy(text: str | None) -> str:
    return " ".join((text or "").split())


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


_inspections = sa.table(
    "inspections",
    sa.column("id", sa.Integer()),
    sa.column("unit", sa.Text()),
    sa.column("site", sa.Text()),
    sa.column("care_provider", sa.Text()),
    sa.column("specialty", sa.Text()),
    sa.column("status", sa.String(40)),
    sa.column("visit_start", sa.String(10)),
    sa.column("visit_end", sa.String(10)),
    sa.column("report_date", sa.String(10)),
    sa.column("modified_at", sa.String(32)),
    sa.column("unit_id", sa.Integer()),
)
_sections = sa.table(
    "section_assessments",
    sa.column("inspection_id", sa.Integer()),
    sa.column("grade", sa.String(1)),
)


@contextmanager
def _rebuilt_inspections() -> Iterator[BatchOperations]:
    """SQLite only: the inspections table rebuilt with a change. A named foreign key cannot be
    added in place (SQLite's ALTER TABLE keeps no constraint name a reader can find), and the
    rebuild would restart AUTOINCREMENT at the highest id left, reusing the ids of inspections
    purged earlier; the counter is carried over (as revisions 3 and 7 do)."""
    connection = op.get_bind()
    sequence = sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'inspections'")
    counter = connection.execute(sequence).scalar()
    with op.batch_alter_table("inspections", table_kwargs={"sqlite_autoincrement": True}) as batch:
        yield batch
    if counter is not None:
        connection.execute(
            sa.text(
                "UPDATE sqlite_sequence SET seq = max(seq, :counter) WHERE name = 'inspections'"
            ),
            {"counter": counter},
        )


def _create_tables() -> None:
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("site", sa.Text(), nullable=False),
        sa.Column("care_provider", sa.Text(), nullable=False),
        sa.Column("specialty", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("modified_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_units"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_units_uid", "units", ["uid"], unique=True)
    op.create_table(
        "unit_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name="fk_unit_contacts_unit_id_units", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_unit_contacts"),
    )
    op.create_index("ix_unit_contacts_uid", "unit_contacts", ["uid"], unique=True)
    op.create_index("ix_unit_contacts_unit_id", "unit_contacts", ["unit_id"])
    op.create_table(
        "deficiency_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("start_on", sa.String(10), nullable=False),
        sa.Column("due_on", sa.String(10), nullable=False),
        sa.Column("review_on", sa.String(10), nullable=True),
        sa.Column("review_by", sa.Text(), nullable=False),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("report_on", sa.String(10), nullable=True),
        sa.Column("report_by", sa.Text(), nullable=False),
        sa.Column("report_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name="fk_deficiency_follow_ups_inspection_id_inspections",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_deficiency_follow_ups"),
        sa.UniqueConstraint("inspection_id", name="uq_deficiency_follow_ups_inspection_id"),
    )
    op.create_index(
        "ix_deficiency_follow_ups_due", "deficiency_follow_ups", ["due_on", "inspection_id"]
    )
    if op.get_bind().dialect.name == "sqlite":
        with _rebuilt_inspections() as batch:
            batch.add_column(sa.Column("unit_id", sa.Integer(), nullable=True))
            batch.create_foreign_key(
                "fk_inspections_unit_id_units", "units", ["unit_id"], ["id"], ondelete="SET NULL"
            )
    else:
        op.add_column("inspections", sa.Column("unit_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_inspections_unit_id_units",
            "inspections",
            "units",
            ["unit_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_index(
        "ix_inspections_unit_due",
        "inspections",
        ["unit_id", "deleted_at", "status", "visit_start", "visit_end", "report_date"],
    )


def _link_units(connection: sa.Connection, now: str) -> None:
    """One unit per group of identical (normalised) texts, spelt as most of its inspections
    spell it (the newest of equally common spellings)."""
    # A Table (not the lightweight sa.table) knows its primary key, so each insert returns it.
    units = sa.Table(
        "units",
        sa.MetaData(),
        sa.Column("id", sa.Integer(), primary_key=True),
        *(sa.Column(name, sa.Text()) for name in ("uid", "name", "site", "care_provider")),
        *(sa.Column(name, sa.Text()) for name in ("specialty", "created_at", "modified_at")),
    )
    columns = (_inspections.c.unit, _inspections.c.site, _inspections.c.care_provider)
    groups: dict[tuple[str, ...], list[int]] = {}
    spellings: dict[tuple[str, ...], dict[tuple[str, ...], list[int]]] = {}
    query = sa.select(_inspections.c.id, *columns, _inspections.c.specialty).order_by(
        _inspections.c.id
    )
    for inspection_id, *texts in connection.execute(query):
        key = tuple(_normalised(t) for t in texts)
        groups.setdefault(key, []).append(inspection_id)
        spellings.setdefault(key, {}).setdefault(tuple(_tidy(t) for t in texts), []).append(
            inspection_id
        )
    for key, members in groups.items():
        used = spellings[key]
        spelling = max(used, key=lambda texts: (len(used[texts]), max(used[texts])))
        name, site, care_provider, specialty = spelling
        result = connection.execute(
            units.insert().values(
                uid=str(uuid.uuid4()),
                name=name,
                site=site,
                care_provider=care_provider,
                specialty=specialty,
                created_at=now,
                modified_at=now,
            )
        )
        (unit_id,) = result.inserted_primary_key or ()
        connection.execute(
            _inspections.update().where(_inspections.c.id.in_(members)).values(unit_id=unit_id)
        )


def _start_follow_ups(connection: sa.Connection, today: date) -> None:
    """A follow-up for every inspection past fastställd with a section graded D at the visit,
    counted from the report's date (else the visit's, else the day of the last change)."""
    follow_ups = sa.table(
        "deficiency_follow_ups",
        sa.column("inspection_id", sa.Integer()),
        sa.column("start_on", sa.String(10)),
        sa.column("due_on", sa.String(10)),
        sa.column("review_by", sa.Text()),
        sa.column("review_note", sa.Text()),
        sa.column("report_by", sa.Text()),
        sa.column("report_note", sa.Text()),
    )
    deficient = sa.select(_sections.c.inspection_id).where(_sections.c.grade == "D")
    query = sa.select(
        _inspections.c.id,
        _inspections.c.report_date,
        _inspections.c.visit_end,
        _inspections.c.visit_start,
        _inspections.c.modified_at,
    ).where(_inspections.c.status.in_(_SPUR_DONE), _inspections.c.id.in_(deficient))
    for inspection_id, *dates in connection.execute(query).all():
        known = next((d for d in dates if d), None)
        start = date.fromisoformat(known[:10]) if known else today
        connection.execute(
            follow_ups.insert().values(
                inspection_id=inspection_id,
                start_on=start.isoformat(),
                due_on=_add_months(start, _FOLLOW_UP_MONTHS).isoformat(),
                review_by="",
                review_note="",
                report_by="",
                report_note="",
            )
        )


def upgrade() -> None:
    _create_tables()
    connection = op.get_bind()
    now = datetime.now(UTC)
    _link_units(connection, now.isoformat(timespec="microseconds"))
    _start_follow_ups(connection, now.date())


def downgrade() -> None:
    op.drop_index("ix_inspections_unit_due", table_name="inspections")
    if op.get_bind().dialect.name == "sqlite":
        with _rebuilt_inspections() as batch:
            batch.drop_column("unit_id")
    else:
        op.drop_constraint("fk_inspections_unit_id_units", "inspections", type_="foreignkey")
        op.drop_column("inspections", "unit_id")
    op.drop_table("deficiency_follow_ups")
    op.drop_table("unit_contacts")
    op.drop_table("units")
