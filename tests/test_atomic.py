"""spurdesk.atomic: a file is replaced only by a complete, synced one, or left exactly as it was.

The reports' and the exchange's wording of failures is tested with them (tests/report/test_docx.py,
tests/exchange/test_package.py); here, the writing itself.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from spurdesk import atomic
from spurdesk.atomic import AtomicWriteError, replacing, write_atomically

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_new_content_replaces_the_old(tmp_path: Path) -> None:
    target = tmp_path / "paket.spur"
    target.write_bytes(b"old")
    assert write_atomically(target, lambda stream: stream.write(b"new")) == target
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["paket.spur"]


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "rapport.docx"
    target.write_bytes(b"old")

    def broken(stream: BinaryIO) -> None:
        stream.write(b"half")
        raise RuntimeError("disk full while building")

    with pytest.raises(RuntimeError, match="disk full"):  # not an OSError: passes unchanged
        write_atomically(target, broken)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.docx"]


def test_the_temporary_file_is_beside_the_target(tmp_path: Path) -> None:
    with replacing(tmp_path / "r.pdf") as temporary:
        assert temporary.parent == tmp_path
        assert temporary.exists()
        temporary.write_bytes(b"%PDF")
    assert (tmp_path / "r.pdf").read_bytes() == b"%PDF"


def test_a_missing_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(AtomicWriteError) as caught, replacing(tmp_path / "saknas" / "r.docx"):
        pytest.fail("the block must not run")
    assert caught.value.stage == "folder"
    assert isinstance(caught.value.error, FileNotFoundError)


def test_a_failed_replace_keeps_the_target_and_cleans_up(tmp_path: Path) -> None:
    folder_as_target = tmp_path / "mapp.docx"
    folder_as_target.mkdir()
    with pytest.raises(AtomicWriteError) as caught:
        write_atomically(folder_as_target, lambda stream: stream.write(b"new"))
    assert caught.value.stage == "file"
    assert caught.value.path == folder_as_target
    assert folder_as_target.is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["mapp.docx"]


def test_the_file_then_its_folder_are_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[bool] = []  # True for a folder
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    write_atomically(tmp_path / "r.spur", lambda stream: stream.write(b"data"))
    assert synced == ([False, True] if os.name == "posix" else [False])


def test_a_folder_that_cannot_be_synced_does_not_fail_a_saved_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_folder: Path) -> None:
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(atomic, "fsync_folder", refuse)
    target = write_atomically(tmp_path / "r.spur", lambda stream: stream.write(b"data"))
    assert target.read_bytes() == b"data"


@posix_only
def test_every_written_file_is_the_owners_alone_new_or_replacing(tmp_path: Path) -> None:
    """The one rule for exports (docs/storage.md): 0600, whatever the umask or the old mode."""
    old_umask = os.umask(0o022)
    try:
        target = tmp_path / "delad.docx"
        target.write_bytes(b"old")
        target.chmod(0o644)
        write_atomically(target, lambda stream: stream.write(b"new"))
        fresh = write_atomically(tmp_path / "ny.pdf", lambda stream: stream.write(b"x"))
    finally:
        os.umask(old_umask)
    assert (_mode(target), _mode(fresh)) == (0o600, 0o600)
