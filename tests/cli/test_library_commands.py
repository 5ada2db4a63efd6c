"""`spurdesk demo --out` and `spurdesk list --library`: output, refusals and exit codes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from spurdesk.cli import main
from spurdesk.library import Library
from spurdesk.model.criteria import CriteriaSet
from tests.library.conftest import new_inspection


def test_demo_writes_a_library_that_list_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.sqlite"
    assert main(["demo", "--out", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    assert main(["list", "--library", str(target)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    fields = lines[0].split("\t")
    assert len(fields) == 5
    with Library.open(target, read_only=True) as library:
        [summary] = library.list_inspections()
    assert fields == [
        str(summary.id),
        summary.unit,
        summary.specialty,
        summary.visit_start.isoformat() if summary.visit_start else "-",
        summary.status.value,
    ]


def test_demo_refuses_to_overwrite_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "viktig.sqlite"
    target.write_text("mitt arbete")
    assert main(["demo", "--out", str(target)]) == 1
    error = capsys.readouterr().err
    assert str(target) in error and "skrivs inte över" in error
    assert target.read_text() == "mitt arbete"


def test_list_prints_one_tab_separated_line_per_inspection_in_id_order(
    library_path: Path, criteria: CriteriaSet, capsys: pytest.CaptureFixture[str]
) -> None:
    with Library.open(library_path) as library:
        first = new_inspection(library, criteria, "Kirurgkliniken")
        second = new_inspection(library, criteria, "Barn\tkliniken")
        gone = new_inspection(library, criteria, "Borttagen")
        library.update_inspection(first, visit_start="2025-02-03")
        library.delete_inspection(gone)
    assert main(["list", "--library", str(library_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{first}\tKirurgkliniken\tRadiologi\t2025-02-03\tutkast",
        f"{second}\tBarn kliniken\tRadiologi\t-\tutkast",
    ]


def test_list_uses_the_environment_variable_when_no_library_is_given(
    library_path: Path,
    criteria: CriteriaSet,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Library.open(library_path) as library:
        new_inspection(library, criteria, "Från miljövariabeln")
    monkeypatch.setenv("SPURDESK_LIBRARY", str(library_path))
    assert main(["list"]) == 0
    assert "Från miljövariabeln" in capsys.readouterr().out


@pytest.mark.parametrize("content", [None, b"inte en databas"])
def test_list_of_a_missing_or_corrupt_library_explains_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None
) -> None:
    target = tmp_path / "library.sqlite"
    if content is not None:
        target.write_bytes(content)
    assert main(["list", "--library", str(target)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(target) in captured.err and "Traceback" not in captured.err
    if content is not None:
        assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(content).digest()
    else:
        assert not target.exists()


def test_default_library_path_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from spurdesk.library import default_library_path

    monkeypatch.setenv("SPURDESK_LIBRARY", str(tmp_path / "egen.sqlite"))
    assert default_library_path() == tmp_path / "egen.sqlite"
    monkeypatch.delenv("SPURDESK_LIBRARY")
    assert default_library_path().name == "library.sqlite"
    assert "spurdesk" in str(default_library_path().parent)
