"""Opening a library safely: look before touching, lock, back up, migrate — in that order.

A file we refuse (not SQLite, damaged, made by a newer spurdesk, another program's database) is
only ever read, through a read-only connection, so refusing it never changes it.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from spurdesk.atomic import fsync_file, fsync_folder
from spurdesk.library.errors import (
    CorruptLibraryError,
    LibraryError,
    LibraryNotFoundError,
    NewerLibraryVersionError,
    ReadOnlyPlaceError,
)
from spurdesk.library.storage.backups import (
    backup_with_inspections,
    copy_database,
    make_backup,
    newest_good_backup,
)
from spurdesk.library.storage.connection import (
    connect_parameters,
    display_location,
    hide_passwords,
    is_server_url,
    server_url,
)
from spurdesk.library.storage.engine import create_library_engine, sqlite_path_of, sqlite_url
from spurdesk.library.storage.failures import server_reason, sqlite_advice
from spurdesk.library.storage.files import (
    create_private_file,
    ensure_private_dir,
    has_sqlite_header,
    is_url,
    os_error_advice,
    sidecar_files,
    wal_has_frames,
)
from spurdesk.library.storage.lock import LibraryLock
from spurdesk.library.storage.migrate import (
    SchemaState,
    classify,
    current_revision,
    upgrade_to_head,
)
from spurdesk.library.storage.probe import DamagedDatabase, in_read_only_place, probe_sqlite


@dataclass
class Store:
    """An opened library database: its engine, and for SQLite files the path and our lock."""

    engine: Engine
    path: Path | None
    lock: LibraryLock | None
    read_only: bool
    had_content: bool  # False for a library created just now (nothing to back up yet)
    #: A private copy opened instead of `path` (a read-only place whose -wal holds frames),
    #: removed on close.
    snapshot_dir: Path | None = None

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
            if self.snapshot_dir is not None:
                shutil.rmtree(self.snapshot_dir, ignore_errors=True)


def corrupt_error(path: Path, problem: str) -> CorruptLibraryError:
    """The damage in words, with the newest good backup (`newest_good_backup`) to restore."""
    newest = newest_good_backup(path)
    offer = (
        f"Den senaste hela säkerhetskopian är {newest}."
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


def open_store(location: str | Path, *, read_only: bool, create: bool = True) -> Store:
    if is_url(location):
        url = parse_location(str(location))
        path = sqlite_path_of(url)
        if path is None:
            return _open_server(url, read_only=read_only, create=create)
    else:
        path = Path(location)
    return _open_sqlite_file(path.expanduser().absolute(), read_only=read_only, create=create)


def parse_location(text: str) -> URL:
    """A database URL as given (`--library`, a saved connection), `postgresql://` meaning
    psycopg 3."""
    try:
        return server_url(make_url(text))
    except (ArgumentError, ValueError):
        # `from None`: SQLAlchemy's error quotes the whole URL, password included.
        raise LibraryError(
            f"{hide_passwords(text)} är ingen giltig databasadress. Skriv den som "
            "postgresql://användare@server/databas eller ange en sökväg till en biblioteksfil."
        ) from None


@dataclass(frozen=True)
class ServerSchema:
    """What a server's database holds: spurdesk's schema at `revision` (`state`), or nothing
    of ours; `foreign` when it holds another program's tables."""

    state: SchemaState
    revision: str | None
    foreign: bool = False


def _open_server(url: URL, *, read_only: bool, create: bool) -> Store:
    """A database server (or in-memory SQLite): no lock file and no file backups — the server
    handles concurrency and its own backups — but the same schema checks. A shared server is
    never upgraded on the way: others may still run the older spurdesk, so the office upgrades
    it deliberately (`spurdesk db upgrade`). An empty database gets the schema only when the
    caller may create a library (`create`; the app opening a server does not)."""
    where = display_location(url)
    engine = _server_engine(url, read_only=read_only)
    try:
        schema = _read_schema(engine, where)
        if schema.state is SchemaState.EMPTY and create and not read_only and not schema.foreign:
            _upgrade(engine, where)
        else:
            _refuse_unless_current(schema, where)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, None, None, read_only, had_content=schema.state is not SchemaState.EMPTY)


def server_schema(location: str, *, password: str | None = None) -> ServerSchema:
    """The schema state of the database at `location`, read without changing anything
    (`spurdesk db status`, Inställningar → Testa anslutning, with the password typed there and
    not yet saved); LibraryError when the server cannot be reached, in words (`server_error`)."""
    url = parse_location(location)
    if password:
        url = url.set(password=password)
    engine = _server_engine(url, read_only=True)
    try:
        return _read_schema(engine, display_location(url))
    finally:
        engine.dispose()


def upgrade_server(location: str) -> tuple[ServerSchema, ServerSchema]:
    """`spurdesk db upgrade`: creates spurdesk's schema in an empty database or upgrades an
    older one to this version's, in one transaction; (before, after). A newer schema, or
    another program's tables, are refused untouched."""
    url = parse_location(location)
    where = display_location(url)
    if sqlite_path_of(url) is not None or not is_server_url(url):
        raise LibraryError(
            f"{where} är ingen databasserver. En biblioteksfil uppgraderas av sig själv när "
            "spurdesk öppnar den (med en säkerhetskopia först)."
        )
    engine = _server_engine(url, read_only=False)
    try:
        before = _read_schema(engine, where)
        if before.state is SchemaState.NEWER or (
            before.state is SchemaState.EMPTY and before.foreign
        ):
            _refuse_unless_current(before, where)
        if before.state is not SchemaState.CURRENT:
            _upgrade(engine, where)
        return before, _read_schema(engine, where)
    finally:
        engine.dispose()


#: Characters of the server's own message quoted in ours (for whoever helps the user).
_DETAIL_LIMIT = 300


def server_error(where: str, error: BaseException) -> LibraryError:
    """A server that could not be used, told as what, why and what to do (failures.py); never
    the traceback. `where` is the masked address (connection.display_location)."""
    detail = " ".join(str(getattr(error, "orig", None) or error).split())
    if len(detail) > _DETAIL_LIMIT:
        detail = detail[: _DETAIL_LIMIT - 1] + "…"
    return LibraryError(
        f"Biblioteket på servern {where} kunde inte öppnas: {server_reason(error)}. "
        f"{sqlite_advice(error)} (Serverns svar: {hide_passwords(detail)})"
    )


def _server_engine(url: URL, *, read_only: bool) -> Engine:
    """An engine for `url` whose every connection also gets `connect_parameters` (libpq's
    timeouts, the keyring's password) — handed over at connecting, kept out of the URL."""
    try:
        engine = create_library_engine(url, read_only=read_only)
    except (ArgumentError, ImportError) as error:  # an unknown database kind or driver
        raise LibraryError(
            f"{display_location(url)} kunde inte öppnas: databastypen stöds inte ({error}). "
            "spurdesk använder SQLite-filer och PostgreSQL (postgresql://…)."
        ) from None
    extra = connect_parameters(url)
    if extra:

        def add_parameters(
            _dialect: Any, _record: Any, _args: Any, parameters: dict[str, Any]
        ) -> None:
            parameters.update(extra)

        event.listen(engine, "do_connect", add_parameters)
    return engine


def _read_schema(engine: Engine, where: str) -> ServerSchema:
    try:
        revision = current_revision(engine)
        foreign = revision is None and bool(_table_names(engine))
    except SQLAlchemyError as error:
        raise server_error(where, error) from error
    return ServerSchema(classify(revision), revision, foreign)


def _table_names(engine: Engine) -> list[str]:
    from sqlalchemy import inspect

    with engine.connect() as connection:
        return inspect(connection).get_table_names()


def _upgrade(engine: Engine, where: str) -> None:
    try:
        upgrade_to_head(engine)
    except SQLAlchemyError as error:
        raise server_error(where, error) from error


def _refuse_unless_current(schema: ServerSchema, where: str) -> None:
    """Raises the reason a server's database cannot be used as it is (untouched)."""
    if schema.state is SchemaState.CURRENT:
        return
    if schema.state is SchemaState.NEWER:
        raise newer_error(where, str(schema.revision))
    if schema.foreign:
        raise LibraryError(
            f"Databasen {where} innehåller ett annat programs tabeller och inget "
            "spurdesk-bibliotek. Den har inte ändrats; välj en egen, tom databas för spurdesk "
            "(docs/server.md)."
        )
    if schema.state is SchemaState.EMPTY:
        raise LibraryError(
            f"Databasen {where} är tom: inget spurdesk-bibliotek har skapats där ännu. "
            f"Kontorets administratör skapar det en gång med kommandot spurdesk db upgrade "
            f"{where} (docs/server.md). Databasen har inte ändrats."
        )
    raise LibraryError(
        f"Biblioteket på servern {where} har en äldre databasstruktur (schema {schema.revision}) "
        "än den här versionen av spurdesk. En delad server uppgraderas inte av sig själv, "
        "eftersom andra kan använda en äldre version: kontorets administratör kör spurdesk db "
        f"upgrade {where} (docs/server.md). Servern har inte ändrats."
    )


def _needs_upgrade_error(where: object) -> LibraryError:
    return LibraryError(
        f"Biblioteket {where} behöver uppgraderas eller skapas, vilket inte går skrivskyddat. "
        "Öppna det utan skrivskydd när inget annat program använder det."
    )


def _open_sqlite_file(path: Path, *, read_only: bool, create: bool) -> Store:
    exists = path.exists()
    if exists and not path.is_file():
        raise LibraryError(f"{path} är en mapp, inte en biblioteksfil. Välj en fil.")
    if not exists:
        _refuse_if_backups_held_work(path)
        if read_only:
            raise LibraryError(f"Det finns inget bibliotek {path}. Kontrollera sökvägen.")
        if not create:
            raise LibraryNotFoundError(
                f"Det finns inget bibliotek {path}. Kontrollera sökvägen, eller skapa ett nytt "
                "bibliotek där.",
                path=path,
            )
    elif path.stat().st_size == 0:
        # spurdesk never leaves an empty library file (a new one is made elsewhere and renamed
        # into place), so an empty file is one that was emptied: damage, not a new library.
        raise corrupt_error(path, "filen är tom, 0 byte; den har tömts eller skrivits över")
    elif not has_sqlite_header(path):
        raise corrupt_error(path, "filen är ingen SQLite-databas")
    elif not read_only:
        _refuse_read_only_place(path)
    if not exists:
        try:
            ensure_private_dir(path.parent)
        except OSError as error:
            raise LibraryError(
                f"Mappen {path.parent} kunde inte skapas ({error.strerror or error}). "
                f"{os_error_advice(error)}"
            ) from error

    lock = None if read_only else LibraryLock(path)
    if lock is not None:
        try:
            lock.acquire()
        except OSError as error:
            raise LibraryError(
                f"Låsfilen för {path} kunde inte skapas ({error.strerror or error}). "
                f"{os_error_advice(error)}"
            ) from error
    try:
        if not exists:
            _create_library(path)
        return _prepare(path, lock, read_only=read_only, created=not exists)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _refuse_if_backups_held_work(path: Path) -> None:
    """A library file that is missing while its backups hold inspections was lost, not new:
    creating an empty one would, in time, prune the backups that still hold the work."""
    held = backup_with_inspections(path)
    if held is not None:
        raise corrupt_error(
            path,
            f"filen saknas, men säkerhetskopian {held.name} visar att biblioteket har haft "
            "inspektioner. Vill du börja om med ett tomt bibliotek, flytta först undan mappen "
            f"{held.parent}",
        )


def _refuse_read_only_place(path: Path) -> None:
    """Before writing: a file or folder that cannot be written is said so, not found out by
    every autosave failing."""
    if in_read_only_place(path):
        raise ReadOnlyPlaceError(
            f"Mappen {path.parent} är skrivskyddad, så biblioteket {path.name} kan inte ändras "
            "där (spurdesk behöver skapa sina arbetsfiler bredvid biblioteket). Öppna "
            "biblioteket skrivskyddat för att läsa och exportera, eller kopiera det till en mapp "
            "där du får skriva. Filen har inte ändrats.",
            path=path,
            folder=True,
        )
    if not os.access(path, os.W_OK):
        raise ReadOnlyPlaceError(
            f"Biblioteksfilen {path} är skrivskyddad, så inga ändringar kan sparas i den. "
            "Öppna biblioteket skrivskyddat för att läsa och exportera, eller kopiera det till "
            "en mapp där du får skriva. Filen har inte ändrats.",
            path=path,
            folder=False,
        )


def _create_library(path: Path) -> None:
    """A new, empty library at `path`, made under a temporary name and renamed into place when
    complete: a crash while creating leaves no file, never an empty or half-made one."""
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.new*"):
        stale.unlink(missing_ok=True)  # an earlier creation killed half-way (we hold the lock)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.new")
    try:
        create_private_file(temporary)
        engine = create_library_engine(sqlite_url(temporary))
        try:
            upgrade_to_head(engine)
        finally:
            engine.dispose()  # the last connection checkpoints and removes the -wal
        if any(side.exists() for side in sidecar_files(temporary)[:1]):
            raise LibraryError(f"Det nya biblioteket {path} kunde inte göras klart. Försök igen.")
        fsync_file(temporary)
        os.replace(temporary, path)
        fsync_folder(path.parent)
    except OSError as error:
        raise LibraryError(
            f"Biblioteket {path} kunde inte skapas ({error.strerror or error}). "
            f"{os_error_advice(error)}"
        ) from error
    except SQLAlchemyError as error:
        raise LibraryError(
            f"Biblioteket {path} kunde inte skapas ({getattr(error, 'orig', error)}). "
            f"{sqlite_advice(error)}"
        ) from error
    finally:
        for leftover in (temporary, *sidecar_files(temporary)):
            leftover.unlink(missing_ok=True)


def _snapshot_elsewhere(path: Path) -> tuple[Path, Path]:
    """A private copy of a library in a read-only place whose -wal still holds frames (they
    would be missed by `immutable`): the file and its -wal, copied to a temporary folder where
    SQLite can read them together. Returns (folder, copied file)."""
    folder = Path(tempfile.mkdtemp(prefix="spurdesk-readonly-"))
    try:
        copy = folder / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(sidecar_files(path)[0], sidecar_files(copy)[0])
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise LibraryError(
            f"Biblioteket {path} kunde inte läsas ({error.strerror or error}). "
            f"{os_error_advice(error)}"
        ) from error
    return folder, copy


def copy_library(source: Path, target: Path) -> Path:
    """A consistent copy of the library at `source` as a new file `target` (0600): the way out
    of a read-only place. Works where `source` cannot be written; an existing `target` is
    refused, never overwritten."""
    source, target = Path(source).absolute(), Path(target).absolute()
    if target.exists():
        raise LibraryError(f"{target} finns redan och skrivs inte över. Välj ett nytt filnamn.")
    snapshot_dir, readable = None, source
    try:
        if in_read_only_place(source) and wal_has_frames(source):
            snapshot_dir, readable = _snapshot_elsewhere(source)
        ensure_private_dir(target.parent)
        copy_database(readable, target)
    except (OSError, sqlite3.Error) as error:
        raise LibraryError(
            f"Biblioteket {source} kunde inte kopieras till {target} ({error}). "
            f"{os_error_advice(error) if isinstance(error, OSError) else sqlite_advice(error)}"
        ) from error
    finally:
        if snapshot_dir is not None:
            shutil.rmtree(snapshot_dir, ignore_errors=True)
    return target


def _prepare(path: Path, lock: LibraryLock | None, *, read_only: bool, created: bool) -> Store:
    """Check the file, then (only if it is ours and not newer) back up, open and migrate it."""
    source, snapshot_dir = path, None
    if read_only and in_read_only_place(path) and wal_has_frames(path):
        snapshot_dir, source = _snapshot_elsewhere(path)
    try:
        store = _prepare_source(path, source, lock, read_only=read_only, created=created)
    except BaseException:
        if snapshot_dir is not None:
            shutil.rmtree(snapshot_dir, ignore_errors=True)
        raise
    store.snapshot_dir = snapshot_dir
    return store


def _prepare_source(
    path: Path, source: Path, lock: LibraryLock | None, *, read_only: bool, created: bool
) -> Store:
    try:
        probe = probe_sqlite(source)
    except DamagedDatabase as error:
        raise corrupt_error(path, f"SQLite rapporterar: {error}") from error
    if probe.foreign:
        raise LibraryError(
            f"{path} är en SQLite-databas från ett annat program, inget spurdesk-bibliotek. "
            "Filen har inte ändrats; välj en annan fil."
        )
    revision = probe.revision
    state = classify(revision)
    if state is SchemaState.EMPTY and not created:
        _refuse_if_backups_held_work(path)
    if state is SchemaState.NEWER:
        raise newer_error(path, str(revision))
    if read_only and state is not SchemaState.CURRENT:
        raise _needs_upgrade_error(path)
    if state is SchemaState.OLDER:
        make_backup(path, before_upgrade=True)
    url = sqlite_url(
        source,
        read_only=read_only,
        immutable=read_only and source == path and in_read_only_place(path),
    )
    engine = create_library_engine(url, read_only=read_only)
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
            f"{sqlite_advice(error)}"
        ) from error
    had_content = state is not SchemaState.EMPTY and not created
    return Store(engine, path, lock, read_only, had_content=had_content)
