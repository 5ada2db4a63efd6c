"""Opening a library safely: look before touching, lock, back up, migrate — in that order.

A file we refuse (not SQLite, damaged, made by a newer spurdesk, another program's database) is
only ever read, through a read-only connection, so refusing it never changes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from spurdesk.library.errors import (
    CorruptLibraryError,
    LibraryError,
    NewerLibraryVersionError,
)
from spurdesk.library.storage.backups import list_backups, make_backup
from spurdesk.library.storage.engine import create_library_engine, sqlite_path_of, sqlite_url
from spurdesk.library.storage.files import (
    create_private_file,
    ensure_private_dir,
    has_sqlite_header,
    is_url,
)
from spurdesk.library.storage.lock import LibraryLock
from spurdesk.library.storage.migrate import (
    SchemaState,
    classify,
    current_revision,
    upgrade_to_head,
)
from spurdesk.library.storage.probe import DamagedDatabase, probe_sqlite


@dataclass
class Store:
    """An opened library database: its engine, and for SQLite files the path and our lock."""

    engine: Engine
    path: Path | None
    lock: LibraryLock | None
    read_only: bool
    had_content: bool  # False for a library created just now (nothing to back up yet)

    def close(self, before_unlock: Callable[[], None] | None = None) -> None:
        """Close every connection, run `before_unlock` (the file is then quiet and still ours),
        and release the lock."""
        self.engine.dispose()
        try:
            if before_unlock is not None:
                before_unlock()
        finally:
            if self.lock is not None:
                self.lock.release()


def corrupt_error(path: Path, problem: str) -> CorruptLibraryError:
    backups = list_backups(path)
    newest = backups[0] if backups else None
    offer = (
        f"Den senaste säkerhetskopian är {newest}."
        if newest
        else "Det finns ingen säkerhetskopia av biblioteket."
    )
    return CorruptLibraryError(
        f"Filen {path} är inget läsbart spurdesk-bibliotek ({problem}). "
        f"Filen har inte ändrats. {offer}",
        path=path,
        newest_backup=newest,
    )


def newer_error(where: object, revision: str) -> NewerLibraryVersionError:
    return NewerLibraryVersionError(
        f"Biblioteket {where} är skapat av en nyare version av spurdesk (schema {revision}) "
        "och kan inte öppnas av den här versionen. Biblioteket har inte ändrats; installera den "
        "senaste versionen av spurdesk."
    )


def open_store(location: str | Path, *, read_only: bool) -> Store:
    if is_url(location):
        try:
            url = make_url(str(location))
        except (ArgumentError, ValueError) as error:
            raise LibraryError(f"{location} är ingen giltig databasadress ({error}).") from error
        path = sqlite_path_of(url)
        if path is None:
            return _open_server(url, read_only=read_only)
    else:
        path = Path(location)
    return _open_sqlite_file(path.expanduser().absolute(), read_only=read_only)


def _open_server(url: URL, *, read_only: bool) -> Store:
    """A database server (or in-memory SQLite): no lock file and no file backups — the server
    handles concurrency and its own backups — but the same schema checks."""
    where = url.render_as_string(hide_password=True)
    try:
        engine = create_library_engine(url, read_only=read_only)
        revision = current_revision(engine)
        state = classify(revision)
        if state is SchemaState.NEWER:
            engine.dispose()
            raise newer_error(where, str(revision))
        if state is not SchemaState.CURRENT:
            if read_only:
                engine.dispose()
                raise _needs_upgrade_error(where)
            upgrade_to_head(engine)
    except SQLAlchemyError as error:
        raise LibraryError(
            f"Databasen {where} kunde inte öppnas ({error}). Kontrollera adressen och nätverket."
        ) from error
    return Store(engine, None, None, read_only, had_content=state is not SchemaState.EMPTY)


def _needs_upgrade_error(where: object) -> LibraryError:
    return LibraryError(
        f"Biblioteket {where} behöver uppgraderas eller skapas, vilket inte går skrivskyddat. "
        "Öppna det utan skrivskydd när inget annat program använder det."
    )


def _open_sqlite_file(path: Path, *, read_only: bool) -> Store:
    exists = path.exists()
    if exists and not path.is_file():
        raise LibraryError(f"{path} är en mapp, inte en biblioteksfil. Välj en fil.")
    if not exists and read_only:
        raise LibraryError(f"Det finns inget bibliotek {path}. Kontrollera sökvägen.")
    if exists and not has_sqlite_header(path):
        raise corrupt_error(path, "filen är ingen SQLite-databas")
    if not exists:
        try:
            ensure_private_dir(path.parent)
        except OSError as error:
            raise LibraryError(f"Mappen {path.parent} kunde inte skapas ({error}).") from error

    lock = None if read_only else LibraryLock(path)
    if lock is not None:
        try:
            lock.acquire()
        except OSError as error:
            raise LibraryError(
                f"Låsfilen för {path} kunde inte skapas ({error}). Kontrollera att mappen är "
                "skrivbar."
            ) from error
    try:
        if not exists:
            create_private_file(path)
        return _prepare(path, lock, read_only=read_only)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _prepare(path: Path, lock: LibraryLock | None, *, read_only: bool) -> Store:
    """Check the file, then (only if it is ours and not newer) back up, open and migrate it."""
    empty_file = path.stat().st_size == 0
    if empty_file:
        state, revision = SchemaState.EMPTY, None
    else:
        try:
            probe = probe_sqlite(path)
        except DamagedDatabase as error:
            raise corrupt_error(path, f"SQLite rapporterar: {error}") from error
        if probe.foreign:
            raise LibraryError(
                f"{path} är en SQLite-databas från ett annat program, inget spurdesk-bibliotek. "
                "Filen har inte ändrats; välj en annan fil."
            )
        revision = probe.revision
        state = classify(revision)
    if state is SchemaState.NEWER:
        raise newer_error(path, str(revision))
    if read_only and state is not SchemaState.CURRENT:
        raise _needs_upgrade_error(path)
    if state is SchemaState.OLDER:
        make_backup(path, before_upgrade=True)
    engine = create_library_engine(sqlite_url(path, read_only=read_only), read_only=read_only)
    try:
        if state is not SchemaState.CURRENT:
            upgrade_to_head(engine)
        else:
            with engine.connect():
                pass  # connect now, so a file SQLite cannot open fails here, not at first use
    except LibraryError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:
        engine.dispose()
        raise LibraryError(
            f"Biblioteket {path} kunde inte öppnas ({getattr(error, 'orig', error)}). "
            "Kontrollera diskutrymmet och att filen är skrivbar."
        ) from error
    return Store(engine, path, lock, read_only, had_content=state is not SchemaState.EMPTY)
