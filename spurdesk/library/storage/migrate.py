"""Running the Alembic migrations shipped inside the package (no alembic.ini needed).

Alembic is imported only when a migration has to run: opening a library that is already current
(nearly every start of the app) then skips a quarter second of imports.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from spurdesk.library.errors import LibraryError
from spurdesk.library.storage.probe import HEAD_REVISION, VERSION_TABLE

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


class SchemaState(Enum):
    EMPTY = "empty"  # a new database: create everything
    CURRENT = "current"
    OLDER = "older"  # a known revision before the head: back up, then upgrade
    NEWER = "newer"  # a revision this version does not know: made by a newer spurdesk


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The head according to the migration scripts themselves (HEAD_REVISION is its cache)."""
    head = script_directory().get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def classify(revision: str | None) -> SchemaState:
    """Where a database stamped with `revision` stands relative to this version's migrations."""
    if revision is None:
        return SchemaState.EMPTY
    if revision == HEAD_REVISION:
        return SchemaState.CURRENT
    known = {script.revision for script in script_directory().walk_revisions()}
    return SchemaState.OLDER if revision in known else SchemaState.NEWER


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in a database reached by URL (None when it has no schema yet)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


class MigrationError(LibraryError):
    """A migration left references that point nowhere; it was rolled back."""


def upgrade_to_head(engine: Engine) -> None:
    """Apply every missing revision, all in one transaction (SQLite DDL is transactional).

    On SQLite, altering a table means rebuilding it, and dropping the old copy with foreign keys
    enforced would cascade-delete every row that references it. So, as SQLite's documentation
    prescribes, enforcement is off while migrating (it can only be switched outside a
    transaction) and `PRAGMA foreign_key_check` must come back empty before the commit.
    """
    from alembic import command

    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), "head")
                if sqlite:
                    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if dangling:
                        raise MigrationError(
                            "Uppgraderingen av biblioteket avbröts och ångrades: den lämnade "
                            f"trasiga hänvisningar ({dangling[:3]}). Biblioteket är oförändrat; "
                            "kontakta supporten."
                        )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
