"""`spurdesk criteria`: the sets the app sees, the files it could not load, and the exit status."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from spurdesk.cli import main
from spurdesk.cli.criteria import report
from spurdesk.model.criteria_loader import CRITERIA_DIR_ENV, CriteriaLibrary
from spurdesk.resources import resource_path

SHIPPED = resource_path("criteria", "st-spur.yaml")
SUMMARY = "SPUR-granskning av ST-utbildning  8 sections, 74 criteria"


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CRITERIA_DIR_ENV, str(tmp_path))
    return tmp_path


def test_lists_the_shipped_set_and_exits_0(
    user_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["criteria"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert f"Criteria folders: {SHIPPED.parent}, {user_dir}" in out
    assert f"  st-spur  version 2  {SUMMARY}  {SHIPPED}" in out.splitlines()


def test_a_newer_user_set_supersedes_and_a_broken_file_fails_the_command(
    user_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    (user_dir / "st-spur-3.yaml").write_text(
        text.replace("version: 2", "version: 3"), encoding="utf-8"
    )
    (user_dir / "broken.yaml").write_text(
        text.replace("kind: föreskrift", "kind: foreskrift", 1), encoding="utf-8"
    )
    assert main(["criteria"]) == 1
    out, err = capsys.readouterr()
    assert "  st-spur  version 2 (superseded)  " in out
    assert f"  st-spur  version 3  {SUMMARY}  {user_dir / 'st-spur-3.yaml'}" in out.splitlines()
    broken_line = next(
        n for n, line in enumerate(text.splitlines(), 1) if "kind: föreskrift" in line
    )
    assert err.splitlines() == [
        "Files that could not be loaded (1):",
        f'  broken.yaml, line {broken_line}: criterion A.1 has unknown kind "foreskrift" '
        f"(expected föreskrift, allmänt råd or kvalitetsindikator)  ({user_dir / 'broken.yaml'})",
    ]


def test_no_set_at_all_fails(user_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(CriteriaLibrary(sets=()), sys.stdout, sys.stderr) == 1
    assert capsys.readouterr().err == "No criteria set was found.\n"
