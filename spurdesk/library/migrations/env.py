"""Alembic environment: migrates the connection the library hands over, or (for developers
autogenerating a revision) the URL in alembic.ini."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from spurdesk.library.schema import Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place; batch mode rebuilds tables portably.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as own_connection:
        _configure_and_run(own_connection)


if context.is_offline_mode():
    raise SystemExit("spurdesk migrations run online only (against a library database).")
run_migrations_online()
