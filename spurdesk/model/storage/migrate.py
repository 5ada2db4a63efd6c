"""Running the Alembic migrations shipped inside the package (no alembic.ini needed)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


class SchemaState(Enum):
    EMPTY = "empty"  # a new database: create everything
    CURRENT = "current"
    OLDER = "older"  # a known revision before the head: back up, then upgrade
    NEWER = "newer"  # a revision this version does not know: made by a newer spurdesk


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def classify(revision: str | None) -> SchemaState:
    """Where a database stamped with `revision` stands relative to this version's migrations."""
    if revision is None:
        return SchemaState.EMPTY
    if revision == head_revision():
        return SchemaState.CURRENT
    known = {script.revision for script in script_directory().walk_revisions()}
    return SchemaState.OLDER if revision in known else SchemaState.NEWER


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Apply every missing revision, all in one transaction (SQLite DDL is transactional)."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
