"""`spurdesk share` and `spurdesk merge`: two libraries exchanging one inspection on the
command line, conflicts refused without --prefer, --dry-run writing nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from spurdesk.cli import main
from spurdesk.library import Library


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def two_libraries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, Path, Path]:
    """Anna's demo library, a copy shared from it, and Erik's library holding that copy."""
    anna, erik, shared = tmp_path / "anna.sqlite", tmp_path / "erik.sqlite", tmp_path / "dela.spur"
    assert main(["demo", "--out", str(anna)]) == 0
    Library.open(erik).close()
    assert main(["share", "--library", str(anna), "--inspection", "1", "--out", str(shared)]) == 0
    assert main(["merge", "--library", str(erik), str(shared)]) == 0
    assert "tillagd i biblioteket" in capsys.readouterr().out
    return anna, erik, shared


def test_a_share_adds_the_inspection_and_a_second_receipt_changes_nothing(
    two_libraries: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    anna, erik, shared = two_libraries
    with Library.open(anna) as a, Library.open(erik) as b:
        assert b.get_inspection(1).uid == a.get_inspection(1).uid
    assert main(["merge", "--library", str(erik), str(shared)]) == 0
    assert "inget nytt" in capsys.readouterr().out


def test_changes_are_printed_and_a_dry_run_writes_nothing(
    two_libraries: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    anna, erik, _shared = two_libraries
    with Library.open(erik) as library:
        library.set_findings(1, "C", "Eriks iakttagelse.")
    back = tmp_path / "tillbaka.spur"
    assert main(["share", "--library", str(erik), "--inspection", "1", "--out", str(back)]) == 0
    capsys.readouterr()
    before = _digest(anna)
    assert main(["merge", "--library", str(anna), str(back), "--dry-run"]) == 0
    assert "ändras: Avsnitt C, iakttagelser" in capsys.readouterr().out
    assert _digest(anna) == before
    assert main(["merge", "--library", str(anna), str(back)]) == 0
    with Library.open(anna, read_only=True) as library:
        assert library.get_inspection(1).section("C").findings == "Eriks iakttagelse."


def test_conflicts_are_refused_unless_a_side_is_preferred(
    two_libraries: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    anna, erik, _shared = two_libraries
    for path, text in ((anna, "Annas."), (erik, "Eriks.")):
        with Library.open(path) as library:
            library.set_findings(1, "B", text)
    back = tmp_path / "tillbaka.spur"
    assert main(["share", "--library", str(erik), "--inspection", "1", "--out", str(back)]) == 0
    capsys.readouterr()
    before = _digest(anna)
    assert main(["merge", "--library", str(anna), str(back)]) == 1
    captured = capsys.readouterr()
    assert "konflikt: Avsnitt B, iakttagelser" in captured.out
    assert "--prefer" in captured.err and "inget har ändrats" in captured.err
    assert _digest(anna) == before
    assert main(["merge", "--library", str(anna), str(back), "--prefer", "theirs"]) == 0
    with Library.open(anna, read_only=True) as library:
        assert library.get_inspection(1).section("B").findings == "Eriks."


def test_bad_arguments_are_refused_with_a_message(
    two_libraries: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    anna, _erik, _shared = two_libraries
    missing = tmp_path / "saknas.sqlite"
    assert main(["merge", "--library", str(missing), str(tmp_path / "x.spur")]) == 1
    assert main(["share", "--library", str(missing), "--inspection", "1", "--out", "x.spur"]) == 1
    assert not missing.exists()
    wrong = tmp_path / "kopia.docx"
    assert main(["share", "--library", str(anna), "--inspection", "1", "--out", str(wrong)]) == 1
    assert main(["share", "--library", str(anna), "--inspection", "99", "--out", "y.spur"]) == 1
    err = capsys.readouterr().err
    assert "finns inget bibliotek" in err and ".spur" in err and "99" in err
