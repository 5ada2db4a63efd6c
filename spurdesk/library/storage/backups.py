"""Rolling backups with SQLite's online backup API, and restoring one without losing anything.

Backups are consistent snapshots taken while the library is open (the backup API copies a single
transaction-consistent state, unlike a file copy of a WAL database). They live in a folder beside
the library, so they travel with it; each is written to a temporary name, flushed and then renamed,
so a half-written backup never looks like a good one.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from spurdesk.atomic import fsync_file, fsync_folder
from spurdesk.library.errors import LibraryError
from spurdesk.library.storage.files import (
    create_private_file,
    ensure_private_dir,
    sidecar_files,
)
from spurdesk.library.storage.lock import LibraryLock
from spurdesk.library.storage.probe import DamagedDatabase, probe_sqlite, read_only_connection
from spurdesk.library.storage.verify import full_check

log = logging.getLogger(__name__)

_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_PRE_UPGRADE = "-pre-upgrade"
_MARKER_SUFFIX = "-unchanged.json"
_VERIFIED_SUFFIX = "-verified.json"


@dataclass(frozen=True)
class BackupSettings:
    """Back up on open and after every `interval_minutes` of editing, and keep generations: the
    newest `keep`, the first backup of each of the last `days` days and of each of the last
    `weeks` weeks (so damage found late still has an undamaged copy behind it), and always the
    newest backup that passed the full check (`verify_backup`)."""

    interval_minutes: float = 10.0
    keep: int = 10
    days: int = 7
    weeks: int = 5

    def __post_init__(self) -> None:
        if self.interval_minutes <= 0 or self.keep < 1 or self.days < 0 or self.weeks < 0:
            raise LibraryError(
                "Säkerhetskopieringen behöver ett intervall över 0 minuter och minst en kopia "
                f"(angivet: {self.interval_minutes} minuter, {self.keep} kopior, "
                f"{self.days} dagar, {self.weeks} veckor)."
            )


def backup_dir_for(library: Path) -> Path:
    return library.parent / f"{library.stem}-backups"


def _stamp() -> str:
    return datetime.now(UTC).strftime(_STAMP_FORMAT)


def _rolling_pattern(library: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(library.stem)}-\d{{8}}T\d{{12}}Z\.sqlite")


def list_backups(library: Path) -> list[Path]:
    """Every backup of `library` (rolling and pre-upgrade), newest first."""
    folder = backup_dir_for(library)
    if not folder.is_dir():
        return []
    pattern = re.compile(
        rf"{re.escape(library.stem)}-(\d{{8}}T\d{{12}}Z)(?:{_PRE_UPGRADE})?\.sqlite"
    )
    found = [(m[1], p) for p in folder.iterdir() if (m := pattern.fullmatch(p.name))]
    return [path for _stamp_text, path in sorted(found, reverse=True)]


def copy_database(source: Path, destination: Path) -> None:
    """A consistent copy of `source` at `destination` (0600), via a temporary name and fsync."""
    temporary = destination.with_name(destination.name + ".partial")
    temporary.unlink(missing_ok=True)
    create_private_file(temporary)
    try:
        with (
            closing(read_only_connection(source)) as src,
            closing(sqlite3.connect(temporary)) as dst,
        ):
            src.backup(dst)
            # A backup is one self-contained file: no -wal beside it to lose when copied around.
            dst.execute("PRAGMA journal_mode=DELETE")
        fsync_file(temporary)
        os.replace(temporary, destination)
        fsync_folder(destination.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def make_backup(library: Path, *, before_upgrade: bool = False) -> Path:
    """Write a backup of `library` into its backup folder and return its path."""
    folder = backup_dir_for(library)
    ensure_private_dir(folder)
    name = f"{library.stem}-{_stamp()}{_PRE_UPGRADE if before_upgrade else ''}.sqlite"
    destination = folder / name
    try:
        copy_database(library, destination)
    except (OSError, sqlite3.Error) as error:
        raise LibraryError(
            f"Säkerhetskopian {destination} kunde inte skrivas ({error}). "
            "Kontrollera att det finns diskutrymme och att mappen är skrivbar."
        ) from error
    return destination


def _made_at(backup: Path) -> datetime | None:
    """When a backup was made, from its name (UTC); None for a name that does not say."""
    match = re.search(r"-(\d{8}T\d{12}Z)(?:-pre-upgrade)?\.sqlite$", backup.name)
    if match is None:
        return None
    return datetime.strptime(match[1], _STAMP_FORMAT).replace(tzinfo=UTC)


def retained(
    rolling: list[Path], settings: BackupSettings, now: datetime, protected: Path | None
) -> set[Path]:
    """Which of the rolling backups (newest first) the generations keep: the newest
    `settings.keep`, the first backup of each of the last `settings.days` days and of each of the
    last `settings.weeks` weeks, and `protected` (the newest verified backup)."""
    kept = set(rolling[: settings.keep])
    first_of_day: dict[object, Path] = {}
    first_of_week: dict[object, Path] = {}
    for backup in rolling:  # newest first: the last one seen in a period is its first
        made = _made_at(backup)
        if made is None:
            continue
        if (now.date() - made.date()).days < settings.days:
            first_of_day[made.date()] = backup
        if now - made < timedelta(weeks=settings.weeks):
            first_of_week[made.isocalendar()[:2]] = backup
    kept.update(first_of_day.values(), first_of_week.values())
    if protected is not None:
        kept.add(protected)
    return kept


def prune_backups(
    library: Path, settings: BackupSettings, *, now: datetime | None = None
) -> list[Path]:
    """Delete the rolling backups the generations no longer keep (pre-upgrade backups and the
    newest verified backup are never pruned) and temporary files of interrupted backups.
    Called with the library's lock held. Returns the backups deleted."""
    pattern = _rolling_pattern(library)
    rolling = [p for p in list_backups(library) if pattern.fullmatch(p.name)]
    verified = verified_backups(library)
    keep = retained(rolling, settings, now or datetime.now(UTC), verified[0] if verified else None)
    deleted = [old for old in rolling if old not in keep]
    for old in deleted:
        old.unlink(missing_ok=True)
    # A backup interrupted by a crash leaves its temporary file; it was never a backup.
    for partial in backup_dir_for(library).glob(f"{glob.escape(library.stem)}-*.partial*"):
        partial.unlink(missing_ok=True)
    return deleted


# ------------------------------------------------------------------ verified backups
#
# A backup that passed the full check (storage/verify.py: integrity_check and every row read) is
# recorded by name in <stem>-verified.json in the backup folder. Pruning never deletes the newest
# of them, and a damaged library offers the newest good backup: a verified one, or one that
# passes the full check when asked.


def _verified_path(library: Path) -> Path:
    return backup_dir_for(library) / f"{library.stem}{_VERIFIED_SUFFIX}"


def verified_backups(library: Path) -> list[Path]:
    """The backups recorded as having passed the full check that still exist, newest first."""
    try:
        names = json.loads(_verified_path(library).read_text(encoding="utf-8"))["verified"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    if not isinstance(names, list):
        return []
    recorded = {name for name in names if isinstance(name, str)}
    return [backup for backup in list_backups(library) if backup.name in recorded]


def record_verified(library: Path, backup: Path) -> None:
    """Note that `backup` passed the full check (the list keeps only backups that exist)."""
    names = sorted({p.name for p in verified_backups(library)} | {backup.name})
    existing = {p.name for p in list_backups(library)}
    target = _verified_path(library)
    temporary = target.with_name(target.name + ".tmp")
    try:
        create_private_file(temporary)
        temporary.write_text(
            json.dumps({"verified": [n for n in names if n in existing]}), encoding="utf-8"
        )
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        log.warning("could not record that %s passed the full check: %s", backup, error)


def verify_backup(library: Path, backup: Path) -> bool:
    """Run the full check on `backup`; record it as verified when it passes."""
    if backup in verified_backups(library):
        return True
    if full_check(backup):
        return False
    if backup.exists():
        record_verified(library, backup)
    return True


def newest_good_backup(library: Path, *, attempts: int = 2) -> Path | None:
    """The newest backup to restore: newest first, one recorded as verified, or one of the
    newest `attempts` that passes the full check now (a few seconds each at 10,000
    inspections, so only a few are tried); else the newest verified one, else the newest not
    found damaged."""
    found = list_backups(library)
    verified = verified_backups(library)
    damaged: set[Path] = set()
    for backup in found:
        if backup in verified:
            return backup
        if len(damaged) >= attempts:
            break
        if verify_backup(library, backup):
            return backup
        damaged.add(backup)
    if verified:
        return verified[0]
    return next((backup for backup in found if backup not in damaged), None)


def backup_with_inspections(library: Path) -> Path | None:
    """The newest backup holding at least one inspection: proof that the library held work."""
    for backup in list_backups(library):
        try:
            with closing(read_only_connection(backup)) as connection:
                (count,) = connection.execute("SELECT count(*) FROM inspections").fetchone()
        except (sqlite3.Error, UnicodeDecodeError):  # the latter: a damaged schema's message
            continue
        if count:
            return backup
    return None


def restore_backup(backup: Path, target: Path) -> Path | None:
    """Put `backup` in place of `target`; return where the previous (damaged) file was kept.

    The previous file and its -wal/-shm are renamed aside, never overwritten: a stale log left
    beside the restored copy would be replayed into it, and the damaged file may still hold work
    someone can rescue. Refused while another spurdesk has `target` open.
    """
    backup = Path(backup)
    target = Path(target)
    if not backup.is_file():
        raise LibraryError(f"Säkerhetskopian {backup} finns inte.")
    try:
        probe = probe_sqlite(backup)
    except DamagedDatabase as error:
        raise LibraryError(
            f"Säkerhetskopian {backup} är skadad och kan inte återställas ({error}). "
            "Välj en annan säkerhetskopia."
        ) from error
    if probe.foreign or probe.empty:
        raise LibraryError(f"{backup} är ingen säkerhetskopia av ett spurdesk-bibliotek.")
    lock = LibraryLock(target)
    lock.acquire()
    try:
        aside = target.with_name(f"{target.stem}-skadad-{_stamp()}{target.suffix}")
        kept_aside = aside if target.exists() else None
        for current, moved in zip(
            (target, *sidecar_files(target)), (aside, *sidecar_files(aside)), strict=True
        ):
            if current.exists():
                os.replace(current, moved)
        copy_database(backup, target)
        return kept_aside
    finally:
        lock.release()


# ------------------------------------------------------------------ skipping an identical backup
#
# Opening makes a backup so that whatever happens in the session, the state it started from is
# kept. When the library has not changed since a backup that still exists, that backup already is
# this state, and copying 150 MB again (over a second at 10,000 inspections) adds nothing. The
# library records, when it closes without a change since its last backup, the file's identity
# (device, inode, size, modification time in nanoseconds) beside the backup's name and size;
# it does so after SQLite has closed (checkpointed and removed the -wal) and before the lock is
# released, so no other writer can slip in between. Any later write — by spurdesk, another
# program, a restore, a crashed session's log — changes the inode, size or mtime (or leaves a
# non-empty -wal), and the next open backs up as before. The marker errs only towards an extra
# backup: a missing, unreadable or mismatching marker means "back up".


def _marker_path(library: Path) -> Path:
    return backup_dir_for(library) / f"{library.stem}{_MARKER_SUFFIX}"


def _library_identity(library: Path) -> dict[str, int] | None:
    """The file's identity, or None while its -wal holds frames not yet in the file."""
    wal = sidecar_files(library)[0]
    try:
        if wal.stat().st_size > 0:
            return None
    except FileNotFoundError:
        pass
    stat = library.stat()
    return {
        "device": stat.st_dev,
        "inode": stat.st_ino,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }


def record_unchanged(library: Path, backup: Path) -> None:
    """Note that `library`, as it is now on disk, is identical to `backup`. Call with the lock
    held and no connection open. Failing only costs a backup on the next open."""
    marker = _marker_path(library)
    try:
        identity = _library_identity(library)
        if identity is None or not backup.is_file():
            marker.unlink(missing_ok=True)
            return
        data = {"backup": backup.name, "backup_size": backup.stat().st_size, "library": identity}
        temporary = marker.with_name(marker.name + ".tmp")
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, marker)
    except OSError as error:
        log.warning("could not record that %s is unchanged since %s: %s", library, backup, error)


def forget_unchanged(library: Path) -> None:
    """The library is about to change (or has): the marker no longer holds."""
    try:
        _marker_path(library).unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not remove the backup marker of %s: %s", library, error)


def identical_backup(library: Path) -> Path | None:
    """An existing backup identical to the library as it is now on disk, if one is known."""
    marker = _marker_path(library)
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        backup = backup_dir_for(library) / data["backup"]
        if backup.parent != backup_dir_for(library) or not list_backups(library):
            return None
        if backup.stat().st_size != data["backup_size"]:
            return None
        if _library_identity(library) != data["library"]:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return backup if backup in list_backups(library) else None
