"""`spurdesk sync`: a laptop's library synced with an office library on the command line;
conflicts wait without --prefer, --dry-run writes nothing, an unreachable office leaves the
laptop's library untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from spurdesk.cli import main
from spurdesk.library import Library


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def laptop_and_office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    laptop, office = tmp_path / "anna.sqlite", tmp_path / "kontoret.sqlite"
    assert main(["demo", "--out", str(laptop)]) == 0
    Library.open(office).close()
    capsys.readouterr()
    return laptop, office


def test_the_first_sync_sends_and_the_second_finds_nothing_to_do(
    laptop_and_office: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, office = laptop_and_office
    assert main(["sync", "--library", str(laptop), str(office)]) == 0
    out = capsys.readouterr().out
    assert "skickad till kontoret: " in out and "1 skickad" in out
    assert main(["sync", "--library", str(laptop), str(office)]) == 0
    assert f"Synkroniserat med {office}: 1 oförändrad." in capsys.readouterr().out


def test_a_conflict_waits_for_prefer_and_a_dry_run_writes_nothing(
    laptop_and_office: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, office = laptop_and_office
    assert main(["sync", "--library", str(laptop), str(office)]) == 0
    with Library.open(laptop) as mine, Library.open(office) as theirs:
        mine.set_findings(1, "C", "Annas text.")
        theirs.set_findings(1, "C", "Kansliets text.")
    capsys.readouterr()

    assert main(["sync", "--library", str(laptop), str(office), "--dry-run"]) == 0
    assert "konflikt: Avsnitt C, iakttagelser" in capsys.readouterr().out
    assert main(["sync", "--library", str(laptop), str(office)]) == 1
    captured = capsys.readouterr()
    assert "konflikt, synkroniseras inte" in captured.out
    assert "--prefer" in captured.err and "inget har ändrats för dem" in captured.err
    with Library.open(laptop) as mine, Library.open(office) as theirs:
        assert mine.get_inspection(1).section("C").findings == "Annas text."
        assert theirs.get_inspection(1).section("C").findings == "Kansliets text."

    assert main(["sync", "--library", str(laptop), str(office), "--prefer", "theirs"]) == 0
    assert "ändras här: Avsnitt C, iakttagelser" in capsys.readouterr().out
    with Library.open(laptop) as mine:
        assert mine.get_inspection(1).section("C").findings == "Kansliets text."


def test_a_dry_run_sends_nothing(
    laptop_and_office: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, office = laptop_and_office
    before = _digest(laptop)
    assert main(["sync", "--library", str(laptop), str(office), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "skickas till kontoret" in out and "Inget har skrivits." in out
    assert _digest(laptop) == before
    with Library.open(office) as theirs:
        assert theirs.list_inspections() == []


@pytest.mark.parametrize(
    "office",
    [
        "postgresql+psycopg://spurdesk:hemligt@/kontoret?host=/nonexistent-socket-folder",
        "saknas.sqlite",
    ],
)
def test_an_unreachable_office_is_told_and_the_laptop_is_left_untouched(
    laptop_and_office: tuple[Path, Path],
    tmp_path: Path,
    office: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    laptop, _office = laptop_and_office
    if office.endswith(".sqlite"):
        office = str(tmp_path / office)
    before = _digest(laptop)
    backups = sorted(tmp_path.glob("*-backups/*"))
    assert main(["sync", "--library", str(laptop), office]) == 1
    err = capsys.readouterr().err
    assert "Kontorets bibliotek kunde inte nås" in err and "har inte ändrats" in err
    assert "hemligt" not in err
    assert _digest(laptop) == before
    assert sorted(tmp_path.glob("*-backups/*")) == backups  # not even opened
    assert not (tmp_path / "saknas.sqlite").exists()
