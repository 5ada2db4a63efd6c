"""Audit events carry structured data beside their prose.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

A package sent to the unit records the SHA-256 of the report as sent, so that the unit's answer
can be recognised as carrying the untouched report. Until now the digest lived only inside the
event's Swedish text and was read back with a regular expression; it is now a JSON object in
`data` ({"report_sha256": …}). Events written before keep their text, and the digest of each
sent package is copied out of it here (the pattern written out, not imported, so this revision
never changes later). Adding a column with a constant default is a plain ALTER TABLE on SQLite.
"""

import json
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SENT = re.compile(r"^Skickat till verksamheten: .*\(rapport sha256 ([0-9a-f]{64})\)$")


def upgrade() -> None:
    op.add_column(
        "audit_events", sa.Column("data", sa.JSON(), nullable=False, server_default="{}")
    )
    events = sa.table(
        "audit_events",
        sa.column("id", sa.Integer()),
        sa.column("action", sa.String(40)),
        sa.column("detail", sa.Text()),
        sa.column("data", sa.Text()),
    )
    connection = op.get_bind()
    sent = connection.execute(
        sa.select(events.c.id, events.c.detail).where(events.c.action == "export")
    ).all()
    for event_id, detail in sent:
        found = _SENT.match(detail or "")
        if found:
            connection.execute(
                events.update()
                .where(events.c.id == event_id)
                .values(data=json.dumps({"report_sha256": found[1]}))
            )


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("data")
