"""Issue 14, point 9: a full disk at open is said to be a full disk, not a permission problem.

A real full disk: a small tmpfs filled to the last block (tests/places.py; skipped, saying why,
where the test may not mount one).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spurdesk.library import Library, LibraryError
from tests.places import fill, full_disk


def _says_full_disk(message: str) -> None:
    assert "Disken är full" in message, message
    assert "skrivbar" not in message and "skrivrätt" not in message, message


def test_creating_a_library_on_a_full_disk_says_the_disk_is_full(tmp_path: Path) -> None:
    mount = tmp_path / "usb"
    mount.mkdir()
    with full_disk(mount, size_kb=256):
        fill(mount)
        with pytest.raises(LibraryError) as raised:
            Library.open(mount / "library.sqlite")
        _says_full_disk(str(raised.value))
        assert not (mount / "library.sqlite").exists()
        assert sorted(p.name for p in mount.iterdir()) == ["filler"]


def test_opening_a_library_on_a_full_disk_says_the_disk_is_full(
    tmp_path: Path, empty_library_template: Path
) -> None:
    mount = tmp_path / "usb"
    mount.mkdir()
    with full_disk(mount, size_kb=1024):
        library = mount / "library.sqlite"
        shutil.copyfile(empty_library_template, library)
        before = library.read_bytes()
        fill(mount)
        with pytest.raises(LibraryError) as raised:
            Library.open(library)
        _says_full_disk(str(raised.value))
        assert library.read_bytes() == before
