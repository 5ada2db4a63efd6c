"""`spurdesk self-check`: the real run on the shipped data, each verifier's verdicts, the report."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from spurdesk.cli import selfcheck
from spurdesk.cli.selfcheck import CheckFailed, CheckResult
from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria_loader import CriteriaLibrary, load_criteria_file
from spurdesk.resources import resource_path


@pytest.fixture(autouse=True)
def no_user_criteria(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The developer's own criteria folder must not change what these tests see."""
    user_dir = tmp_path / "user-criteria"
    user_dir.mkdir()
    monkeypatch.setenv("SPURDESK_CRITERIA_DIR", str(user_dir))


def test_self_check_passes_on_the_shipped_data_without_importing_qt(tmp_path: Path) -> None:
    """The whole command, as the build script runs it, in a fresh interpreter."""
    program = (
        "import sys\n"
        "from spurdesk.cli import main\n"
        "code = main(['self-check'])\n"
        "print('QT LOADED' if any(m.split('.')[0] == 'PySide6' for m in sys.modules) else '')\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, encoding="utf-8"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert sum(line.startswith("✓") for line in lines) == len(selfcheck.CHECKS)
    assert not any(line.startswith("✗") for line in lines)
    assert "Alla 5 kontroller godkända" in result.stdout
    assert "QT LOADED" not in result.stdout


# --- the PDF verifier --------------------------------------------------------------------------


def make_pdf(path: Path, pages: int, *, embed_font: bool = True) -> Path:
    pdf = canvas.Canvas(str(path))
    if embed_font:
        font = resource_path("fonts", "DejaVuSans.ttf")
        pdfmetrics.registerFont(TTFont("SelfCheckSans", str(font)))
        pdf.setFont("SelfCheckSans", 12)
    for page in range(pages):
        pdf.drawString(72, 720, f"Sida {page + 1} – åäö ≥")
        pdf.showPage()
    pdf.save()
    return path


def test_verify_pdf_counts_the_pages_of_a_sound_pdf(tmp_path: Path) -> None:
    assert selfcheck.verify_pdf(make_pdf(tmp_path / "ok.pdf", pages=3)) == 3


def test_verify_pdf_rejects_a_truncated_file(tmp_path: Path) -> None:
    sound = make_pdf(tmp_path / "ok.pdf", pages=2).read_bytes()
    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes(sound[: len(sound) // 2])
    with pytest.raises(CheckFailed, match="%%EOF"):
        selfcheck.verify_pdf(truncated)


def test_verify_pdf_rejects_a_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(b"PK\x03\x04 a zip, not a PDF %%EOF")
    with pytest.raises(CheckFailed, match="%PDF"):
        selfcheck.verify_pdf(path)


def test_verify_pdf_rejects_a_pdf_without_pages(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n")
    with pytest.raises(CheckFailed, match="inga sidor"):
        selfcheck.verify_pdf(path)


def test_verify_pdf_rejects_a_pdf_without_an_embedded_font(tmp_path: Path) -> None:
    with pytest.raises(CheckFailed, match="typsnitt"):
        selfcheck.verify_pdf(make_pdf(tmp_path / "helvetica.pdf", pages=1, embed_font=False))


# --- the DOCX verifier -------------------------------------------------------------------------


def make_docx(path: Path, headings: list[str]) -> Path:
    document = docx.Document()
    for text in headings:
        document.add_heading(text, level=2)
        document.add_paragraph("Brödtext som inte är en rubrik: F. Teoretisk utbildning")
    document.save(str(path))
    return path


def test_verify_docx_accepts_headings_with_extra_text_and_spacing(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "r.docx", ["Sammanfattning", "E.  Handledning och kompetens"])
    assert selfcheck.verify_docx(path, ["Sammanfattning", "E. Handledning och kompetens"]) == 2


def test_verify_docx_names_a_heading_that_is_only_body_text(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "r.docx", ["Sammanfattning"])
    with pytest.raises(CheckFailed, match=r"rubriker saknas i r\.docx: F\. Teoretisk utbildning"):
        selfcheck.verify_docx(path, ["Sammanfattning", "F. Teoretisk utbildning"])


def test_verify_docx_reports_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "trasig.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    with pytest.raises(CheckFailed, match="kan inte öppnas som Word-dokument"):
        selfcheck.verify_docx(path, ["Sammanfattning"])


# --- the criteria check ------------------------------------------------------------------------


def test_criteria_check_fails_on_a_broken_file_in_the_user_folder(tmp_path: Path) -> None:
    """The user folder is what SPURDESK_CRITERIA_DIR points at (see the autouse fixture)."""
    (tmp_path / "user-criteria" / "trasig.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CheckFailed, match=r"trasig\.yaml, line \d+"):
        selfcheck.check_criteria(selfcheck._Context(tmp_path))


def test_criteria_check_needs_the_default_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shipped = load_criteria_file(resource_path("criteria", "st-spur.yaml"))
    only_another = CriteriaLibrary(sets=(dataclasses.replace(shipped, id="annan-modell"),))
    monkeypatch.setattr(selfcheck, "load_criteria_library", lambda: only_another)
    with pytest.raises(SpurdeskError, match='"st-spur"'):
        selfcheck.check_criteria(selfcheck._Context(tmp_path))


def test_criteria_check_lists_each_set(tmp_path: Path) -> None:
    shipped = load_criteria_file(resource_path("criteria", "st-spur.yaml"))
    detail = selfcheck.check_criteria(selfcheck._Context(tmp_path))
    assert detail == f"st-spur version {shipped.version} (8 avsnitt, 74 kriterier)"


# --- the resources check -----------------------------------------------------------------------


def test_resources_check_names_every_missing_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = tmp_path / "resources"
    for name in ("criteria", "demo", "icons", "templates"):
        (root / name).mkdir(parents=True)
        (root / name / "file").write_text("x")
    (root / "i18n").mkdir()  # present but empty: a bundle would not even have it
    monkeypatch.setattr(selfcheck, "resources_dir", lambda: root)
    with pytest.raises(CheckFailed, match=r"saknas eller är tomma i .*: fonts, i18n"):
        selfcheck.check_resources(selfcheck._Context(tmp_path))


def test_resources_check_counts_the_files_of_each_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = tmp_path / "resources"
    for count, name in enumerate(selfcheck.RESOURCE_FOLDERS, start=1):
        (root / name).mkdir(parents=True)
        for index in range(count):
            (root / name / f"f{index}").write_text("x")
    monkeypatch.setattr(selfcheck, "resources_dir", lambda: root)
    detail = selfcheck.check_resources(selfcheck._Context(tmp_path))
    assert detail.endswith(
        "(criteria 1, demo 2, fonts 3, i18n 4, icons 5, material 6, templates 7 filer)"
    )


def test_resource_folders_match_the_repository() -> None:
    shipped = {p.name for p in resource_path().iterdir() if p.is_dir()}
    assert set(selfcheck.RESOURCE_FOLDERS) == shipped


# --- running and reporting ---------------------------------------------------------------------


def test_a_failing_check_is_reported_and_the_later_ones_still_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(context: selfcheck._Context) -> str:
        return {}["criteria"]  # an unexpected error, as a bug would raise

    monkeypatch.setattr(
        selfcheck,
        "CHECKS",
        (("Först", lambda c: "bra"), ("Trasig", broken), ("Sist", lambda c: "också bra")),
    )
    results = selfcheck.run_checks(tmp_path)
    assert [(r.name, r.passed) for r in results] == [
        ("Först", True),
        ("Trasig", False),
        ("Sist", True),
    ]
    assert "oväntat fel KeyError: 'criteria' (test_selfcheck.py:" in results[1].detail


def test_run_exits_1_and_prints_what_failed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(context: selfcheck._Context) -> str:
        raise CheckFailed("rubriker saknas i rapport.docx: Sammanfattning\nandra raden")

    monkeypatch.setattr(selfcheck, "CHECKS", (("Bra", lambda c: "ok"), ("Word", failing)))
    assert selfcheck.run(None) == 1  # type: ignore[arg-type]
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("✓ Bra: ok (")
    assert out[2].startswith("✗ Word: rubriker saknas i rapport.docx: Sammanfattning (")
    assert out[3] == "    andra raden"
    assert out[4].startswith("1 av 2 kontroller misslyckades")


def test_run_exits_0_when_every_check_passes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selfcheck, "CHECKS", (("Bra", lambda c: "ok"),))
    assert selfcheck.run(None) == 0  # type: ignore[arg-type]
    assert "Alla 1 kontroller godkända" in capsys.readouterr().out


def test_the_report_falls_back_to_words_on_a_console_without_check_marks() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    results = [CheckResult("Resurser", True, "ok", 0.0), CheckResult("PDF", False, "fel", 0.0)]
    selfcheck.print_report(results, stream)
    stream.flush()
    text = raw.getvalue().decode("cp1252")
    assert "OK Resurser: ok" in text
    assert "FEL PDF: fel" in text
