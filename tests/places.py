"""Real read-only places and real full disks for tests, whoever runs them.

As an ordinary user, taking the write bits away is enough. As root (CI containers, this
project's test machines) chmod does not bite: root writes anyway. There a read-only bind mount
does (the kernel refuses every write with EROFS, root's too), and a small tmpfs is a real full
disk. Where the process may not mount, the test is skipped, saying why.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


def _unmount(path: Path) -> None:
    """Unmount, lazily if something still holds a file there (a test that failed half-way)."""
    if not _run("umount", str(path)):
        _run("umount", "-l", str(path))


def _bind_read_only(path: Path) -> None:
    if not (_run("mount", "--bind", str(path), str(path))):
        pytest.skip("running as root without permission to mount: no way to make a read-only place")
    if not _run("mount", "-o", "remount,ro,bind", str(path)):
        _unmount(path)
        pytest.skip("running as root without permission to remount read-only")


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """`path` (a file or a folder) cannot be written inside the block, by anyone."""
    if os.name != "posix":
        pytest.skip("read-only places are made with POSIX modes or mounts")
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        os.chmod(path, stat.S_IMODE(mode) & ~0o222)
        try:
            yield path
        finally:
            os.chmod(path, stat.S_IMODE(mode))
        return
    _bind_read_only(path)
    try:
        assert not os.access(path, os.W_OK), "the read-only mount did not take"
        yield path
    finally:
        _unmount(path)


@contextlib.contextmanager
def full_disk(folder: Path, size_kb: int = 64) -> Iterator[Path]:
    """A real small file system at `folder` (an empty folder) that fills up: ENOSPC."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("a real full disk needs a tmpfs mount, which needs root")
    if not _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(folder)):
        pytest.skip("no permission to mount a tmpfs for a real full disk")
    try:
        yield folder
    finally:
        _unmount(folder)


def fill(folder: Path) -> None:
    """Write into `folder` until the disk is full (unbuffered: nothing is left to flush)."""
    descriptor = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(descriptor, b"\0" * 4096)
        with contextlib.suppress(OSError):  # the last partial block
            while True:
                os.write(descriptor, b"\0")
    finally:
        os.close(descriptor)
