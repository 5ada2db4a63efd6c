"""Issue 14, point 7: a higher version of a criteria set that drops sections or criteria does not
silently supersede the shipped set (which new inspections, the demo and self-check use); it is
refused with a message naming the file and what it lacks, in `spurdesk criteria` and at the
app's start. A set that is meant to differ gets an id of its own and is offered beside it."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import yaml

from spurdesk.cli import main
from spurdesk.model.criteria_loader import CRITERIA_DIR_ENV, load_criteria_library
from spurdesk.model.demo import demo_inspection
from spurdesk.resources import resource_path

SHIPPED = resource_path("criteria", "st-spur.yaml")


def shipped_set() -> dict[str, object]:
    return yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


def without(data: dict, *, section: str | None = None, criterion: str | None = None) -> dict:
    for area in data["areas"]:
        area["sections"] = [s for s in area["sections"] if s["id"] != section]
        for kept in area["sections"]:
            kept["criteria"] = [c for c in kept["criteria"] if c["id"] != criterion]
    data["areas"] = [area for area in data["areas"] if area["sections"]]
    return data


def write_user_set(folder: Path, data: dict, name: str) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "criteria"
    folder.mkdir()
    monkeypatch.setenv(CRITERIA_DIR_ENV, str(folder))
    return folder


def test_a_higher_version_without_a_section_is_refused_and_the_shipped_set_stays(
    user_dir: Path,
) -> None:
    data = without(shipped_set(), section="H")
    data["version"] = 99
    path = write_user_set(user_dir, data, "st-spur-utan-h.yaml")
    library = load_criteria_library()
    assert library.default().version == shipped_set()["version"]  # the shipped set, whole
    assert "H" in [s.id for s in library.default().sections]
    (error,) = library.errors
    assert error.file == path and error.line is not None
    assert "section H" in str(error) and "st-spur" in str(error) and "own" in str(error)
    # and the demo, which needs section H, still builds on what the app would use
    demo = demo_inspection()
    assert {s.id for s in library.default().sections} >= {s.section_id for s in demo.sections}


def test_a_higher_version_without_one_criterion_is_refused_naming_it(user_dir: Path) -> None:
    data = without(shipped_set(), criterion="E.4")
    data["version"] = 99
    write_user_set(user_dir, data, "st-spur-99.yaml")
    (error,) = load_criteria_library().errors
    assert "criterion E.4" in str(error)


def test_a_set_of_its_own_id_is_offered_beside_the_shipped_one(user_dir: Path) -> None:
    data = without(shipped_set(), section="H")
    data["id"], data["version"] = "st-spur-kort", 1
    write_user_set(user_dir, data, "kort.yaml")
    library = load_criteria_library()
    assert library.errors == ()
    assert [s.id for s in library.newest_sets()] == ["st-spur", "st-spur-kort"]


def test_a_higher_version_that_only_adds_still_supersedes(user_dir: Path) -> None:
    data = shipped_set()
    data["version"] = 99
    write_user_set(user_dir, data, "st-spur-99.yaml")
    library = load_criteria_library()
    assert library.errors == () and library.default().version == 99


def test_spurdesk_criteria_says_what_the_file_lacks(
    user_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = without(shipped_set(), section="H")
    data["version"] = 99
    write_user_set(user_dir, data, "st-spur-utan-h.yaml")
    assert main(["criteria"]) == 1
    out, err = capsys.readouterr()
    assert "(superseded)" not in out
    assert "st-spur-utan-h.yaml" in err and "section H" in err


def test_the_app_start_names_the_refused_file_and_still_opens(
    user_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("PySide6")
    from spurdesk.library import Library
    from spurdesk.ui import dialogs
    from spurdesk.ui.app import build_main_window

    data = without(shipped_set(), section="H")
    data["version"] = 99
    write_user_set(user_dir, data, "st-spur-utan-h.yaml")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "run_box", lambda box: shown.append(box.informativeText()))
    library = tmp_path / "bibliotek.sqlite"
    Library.open(library).close()
    args = argparse.Namespace(library=str(library), demo=False, lang="sv")
    shell = build_main_window(args, install_crash_handler=False)
    assert shell is not None
    try:
        assert shell.criteria is not None and shell.criteria.default().version != 99
    finally:
        shell.close()
    assert any("st-spur-utan-h.yaml" in text and "section H" in text for text in shown)
