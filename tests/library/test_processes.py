"""Two processes on one library: the second is told who holds it and may read; a lock left by a
killed process is taken over. Files are private to the user."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from spurdesk.library import (
    Library,
    LibraryLockedError,
    ReadOnlyLibraryError,
)
from spurdesk.library.storage.backups import backup_dir_for
from spurdesk.library.storage.lock import lock_path_for, read_lock_owner
from spurdesk.model.criteria import CriteriaSet
from tests.library.conftest import new_inspection

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX processes and file modes")

HOLDER = textwrap.dedent(
    """
    import sys
    from spurdesk.library import Library
    library = Library.open(sys.argv[1])
    library.set_findings(int(sys.argv[2]), "A", "Skrivet av den andra processen")
    print("ready", flush=True)
    sys.stdin.readline()
    library.close()
    """
)


def start_holder(path: Path, inspection_id: int) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(inspection_id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def test_a_second_process_is_told_who_holds_the_library_and_may_read(
    library_path: Path, criteria: CriteriaSet
) -> None:
    with Library.open(library_path) as library:
        inspection_id = new_inspection(library, criteria)
    holder = start_holder(library_path, inspection_id)
    try:
        with pytest.raises(LibraryLockedError) as raised:
            Library.open(library_path)
        assert raised.value.pid == holder.pid
        assert str(holder.pid) in str(raised.value) and str(library_path) in str(raised.value)

        with Library.open(library_path, read_only=True) as reader:
            findings = reader.get_inspection(inspection_id).section("A").findings
            assert findings == "Skrivet av den andra processen"
            with pytest.raises(ReadOnlyLibraryError):
                reader.set_findings(inspection_id, "A", "Skrivet av den läsande")
    finally:
        assert holder.stdin is not None
        holder.stdin.write("done\n")
        holder.stdin.close()
        assert holder.wait(timeout=30) == 0
    assert not lock_path_for(library_path).exists()
    with Library.open(library_path) as library:
        assert library.get_inspection(inspection_id).section("A").findings == (
            "Skrivet av den andra processen"
        )


def test_the_lock_of_a_killed_process_is_taken_over(
    library_path: Path, criteria: CriteriaSet
) -> None:
    with Library.open(library_path) as library:
        inspection_id = new_inspection(library, criteria)
    holder = start_holder(library_path, inspection_id)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    lock = lock_path_for(library_path)
    assert read_lock_owner(lock) == holder.pid  # left behind by the killed process
    with Library.open(library_path) as library:
        assert read_lock_owner(lock) == os.getpid()
        assert library.get_inspection(inspection_id).section("A").findings != ""


def test_a_lock_file_naming_a_dead_process_does_not_block(library_path: Path) -> None:
    lock_path_for(library_path).write_text("999999999 elsewhere\n")
    with Library.open(library_path):
        assert read_lock_owner(lock_path_for(library_path)) == os.getpid()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_library_wal_backups_and_lock_are_private_to_the_user(
    tmp_path: Path, criteria: CriteriaSet
) -> None:
    old_umask = os.umask(0o022)
    try:
        path = tmp_path / "ny" / "library.sqlite"
        with Library.open(path) as library:
            new_inspection(library, criteria)
            backup = library.backup_now()
            assert mode(path) == 0o600
            assert mode(Path(f"{path}-wal")) == 0o600
            assert mode(lock_path_for(path)) == 0o600
            assert mode(backup) == 0o600
            assert mode(backup_dir_for(path)) == 0o700
            assert mode(path.parent) == 0o700  # the folder we created for it
    finally:
        os.umask(old_umask)
