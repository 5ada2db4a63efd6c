"""`spurdesk export`: files from a library on the command line; clear refusals, exit status 1."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from spurdesk.cli import main
from spurdesk.library import Library


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("library") / "bibliotek.sqlite"
    with Library.create_demo(path) as created:
        (summary,) = created.list_inspections()
    return path, summary.id


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["export", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_one_inspection_as_word(
    library: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, inspection_id = library
    out = tmp_path / "rapport.docx"
    code, stdout, stderr = run(
        ["--library", str(path), "--inspection", str(inspection_id), "--out", str(out)], capsys
    )
    assert (code, stderr) == (0, "")
    assert stdout.strip() == str(out)
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert "STRUKTUR" in headings


def test_one_inspection_as_pdf_and_as_action_plan(
    library: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, inspection_id = library
    base = ["--library", str(path), "--inspection", str(inspection_id)]
    pdf = tmp_path / "rapport.pdf"
    assert run([*base, "--format", "pdf", "--out", str(pdf)], capsys)[0] == 0
    assert "STRUKTUR" in PdfReader(str(pdf)).pages[1].extract_text()
    plan = tmp_path / "plan.docx"
    assert run([*base, "--format", "actionplan", "--out", str(plan)], capsys)[0] == 0
    assert docx.Document(str(plan)).paragraphs[0].text == "Handlingsplan"


def test_all_inspections_into_a_new_folder(
    library: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, inspection_id = library
    folder = tmp_path / "ut" / "rapporter"
    code, stdout, _ = run(
        ["--library", str(path), "--all", "--format", "actionplan", "--out-dir", str(folder)],
        capsys,
    )
    assert code == 0
    (written,) = folder.iterdir()
    assert written.name == (
        f"{inspection_id} Handlingsplan Röntgenkliniken, Strandviks lasarett 2025-01-20.docx"
    )
    assert stdout.strip() == str(written)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--inspection", "999", "--out", "{tmp}/r.docx"], "999"),
        (["--inspection", "{id}"], "Ange filen att skriva med --out FIL"),
        (["--inspection", "{id}", "--out", "{tmp}/r.pdf"], "ska sluta på .docx"),
        (["--inspection", "{id}", "--out", "{tmp}"], "ska sluta på .docx"),
        (["--inspection", "{id}", "--out", "{tmp}/r.docx", "--out-dir", "{tmp}"], "--out-dir"),
        (["--all"], "Ange mappen att skriva till med --out-dir MAPP"),
        (["--all", "--out-dir", "{tmp}", "--out", "{tmp}/r.docx"], "--out hör ihop med"),
        (["--inspection", "{id}", "--out", "{tmp}/saknas/r.docx"], "finns inte"),
    ],
)
def test_bad_arguments_and_unknown_ids_are_refused_with_a_message(
    library: tuple[Path, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    path, inspection_id = library
    args = [a.format(tmp=tmp_path, id=inspection_id) for a in extra]
    code, stdout, stderr = run(["--library", str(path), *args], capsys)
    assert code == 1
    assert stdout == ""
    assert stderr.startswith("spurdesk: ") and message in stderr
    assert "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


def test_a_missing_library_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "inget.sqlite"
    code, _, stderr = run(
        ["--library", str(missing), "--inspection", "1", "--out", str(tmp_path / "r.docx")],
        capsys,
    )
    assert code == 1
    assert f"Det finns inget bibliotek {missing}" in stderr
    assert not missing.exists()


@pytest.mark.parametrize(
    "args",
    [["--format", "odt", "--all", "--out-dir", "x"], ["--inspection", "1", "--all"], []],
)
def test_argument_errors_exit_with_usage(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", *args])
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err
