"""`spurdesk self-check`: proves an installation can do its job, headless, in a few seconds.

It runs the app's whole core path on shipped data — the resource folders, every criteria set, a
temporary library holding the demo inspection, the Word and the PDF report — and verifies what
comes out. One line per check (✓/✗) and exit 0 only when all pass, so packaging/build.sh can
smoke-test a frozen bundle and support can ask an inspector to run it on a laptop. No Qt.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from spurdesk import __version__
from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria_loader import load_criteria_library
from spurdesk.model.inspection import Inspection
from spurdesk.resources import resources_dir

#: The folders of resources/ the app reads; a bundle missing one is broken.
RESOURCE_FOLDERS = ("criteria", "demo", "fonts", "i18n", "icons", "material", "templates")

_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class CheckFailed(SpurdeskError):
    """A check ran but its result was wrong; the message says what was expected."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    detail: str
    seconds: float


@dataclass
class _Context:
    """What earlier checks produced for later ones."""

    work_dir: Path
    inspection: Inspection | None = None


# --- the checks: each returns its one-line detail or raises -------------------------------------


def check_resources(context: _Context) -> str:
    root = resources_dir()
    counts = {
        name: sum(1 for p in (root / name).iterdir() if p.is_file())
        for name in RESOURCE_FOLDERS
        if (root / name).is_dir()
    }
    # PyInstaller drops an empty folder, so "empty" and "missing" are the same fault here.
    missing = [name for name in RESOURCE_FOLDERS if not counts.get(name)]
    if missing:
        raise CheckFailed(f"mappar saknas eller är tomma i {root}: {', '.join(missing)}")
    return f"{root} ({', '.join(f'{name} {count}' for name, count in counts.items())} filer)"


def check_criteria(context: _Context) -> str:
    library = load_criteria_library()
    if library.errors:
        raise CheckFailed("; ".join(str(error) for error in library.errors))
    if not library.sets:
        raise CheckFailed("ingen kriteriesamling hittades")
    for criteria_set in library.sets:
        if not criteria_set.sections or not criteria_set.criteria:
            raise CheckFailed(f"{criteria_set.label} saknar avsnitt eller kriterier")
    library.default()  # the set new inspections start from must be there (raises if not)
    return ", ".join(
        f"{s.id} version {s.version} ({len(s.sections)} avsnitt, {len(s.criteria)} kriterier)"
        for s in sorted(library.sets, key=lambda s: (s.id, s.version))
    )


def check_demo_library(context: _Context) -> str:
    from spurdesk.library import Library

    library = Library.create_demo(context.work_dir / "selfcheck.sqlite")
    try:
        summaries = library.list_inspections()
        if len(summaries) != 1:
            raise CheckFailed(f"väntade en demogranskning i biblioteket, fann {len(summaries)}")
        inspection = library.get_inspection(summaries[0].id)
    finally:
        library.close()
    graded = sum(1 for section in inspection.sections if section.grade is not None)
    if graded == 0:
        raise CheckFailed("demogranskningen har inga graderade avsnitt")
    context.inspection = inspection
    return (
        f"{inspection.unit}: {graded} av {len(inspection.sections)} avsnitt graderade, "
        f"{len(inspection.action_items)} åtgärder i handlingsplanen"
    )


def check_docx(context: _Context) -> str:
    from spurdesk.report import export_docx

    inspection = _needs_inspection(context)
    path = export_docx(inspection, context.work_dir / "rapport.docx")
    headings = verify_docx(path, expected_docx_headings(inspection))
    return f"{_kilobytes(path)}, {headings} rubriker, alla avsnitt med"


def check_pdf(context: _Context) -> str:
    from spurdesk.report import export_pdf

    path = export_pdf(_needs_inspection(context), context.work_dir / "rapport.pdf")
    pages = verify_pdf(path)
    return f"{_kilobytes(path)}, {pages} sidor, typsnitt inbäddat"


CHECKS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("Resurser", check_resources),
    ("Kriteriesamlingar", check_criteria),
    ("Demobibliotek", check_demo_library),
    ("Word-rapport (DOCX)", check_docx),
    ("PDF-rapport", check_pdf),
)


# --- verification of the exported files ---------------------------------------------------------


def expected_docx_headings(inspection: Inspection) -> list[str]:
    """Headings every full report has: the summary, each section A–H, the action plan appendix."""
    expected = ["Sammanfattning", *(section.label for section in inspection.criteria.sections)]
    if inspection.action_items:
        expected.append("Handlingsplan")
    return expected


def verify_docx(path: Path, expected: list[str]) -> int:
    """Opens the file with python-docx; every expected text must be in a Word heading paragraph.

    Returns the number of headings. Raises CheckFailed naming what is missing.
    """
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises assorted zip/XML errors on a damaged file
        raise CheckFailed(f"{path.name} kan inte öppnas som Word-dokument: {error}") from error
    headings = [
        _one_line(paragraph.text)
        for paragraph in document.paragraphs
        if paragraph.style is not None and (paragraph.style.name or "").startswith("Heading")
    ]
    missing = [text for text in expected if not any(_one_line(text) in h for h in headings)]
    if missing:
        raise CheckFailed(f"rubriker saknas i {path.name}: {', '.join(missing)}")
    return len(headings)


def verify_pdf(path: Path) -> int:
    """Checks the PDF's frame (%PDF header, %%EOF trailer), its pages and an embedded TrueType
    font, reading the bytes directly: reportlab writes page dictionaries uncompressed. Returns
    the page count."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise CheckFailed(f"{path.name} börjar inte med %PDF-")
    if not data.rstrip().endswith(b"%%EOF"):
        raise CheckFailed(f"{path.name} slutar inte med %%EOF (filen är avkortad)")
    pages = len(_PDF_PAGE.findall(data))
    if pages == 0:
        raise CheckFailed(f"{path.name} har inga sidor")
    if b"/FontFile2" not in data:
        raise CheckFailed(f"{path.name} saknar inbäddat TrueType-typsnitt (resources/fonts)")
    return pages


# --- running and reporting ----------------------------------------------------------------------


def run_checks(work_dir: Path) -> list[CheckResult]:
    """Runs every check in order; a failing check never stops the later ones from reporting."""
    context = _Context(work_dir)
    results = []
    for name, check in CHECKS:
        started = time.perf_counter()
        try:
            detail, passed = check(context), True
        except Exception as error:  # one broken part must not hide the state of the others
            detail, passed = _describe_failure(error), False
        results.append(CheckResult(name, passed, detail, time.perf_counter() - started))
    return results


def print_report(results: list[CheckResult], out: TextIO) -> None:
    passed_mark, failed_mark = _marks(out)
    for result in results:
        mark = passed_mark if result.passed else failed_mark
        first, *rest = result.detail.splitlines() or [""]
        print(f"{mark} {result.name}: {first} ({result.seconds:.2f} s)", file=out)
        for line in rest:  # a multi-line message (e.g. a database error) stays readable
            print(f"    {line}", file=out)
    failed = sum(1 for result in results if not result.passed)
    total = sum(result.seconds for result in results)
    if failed:
        print(f"{failed} av {len(results)} kontroller misslyckades ({total:.1f} s).", file=out)
    else:
        print(f"Alla {len(results)} kontroller godkända ({total:.1f} s).", file=out)


def run(args: argparse.Namespace) -> int:
    del args  # no options: the check always uses the installation's own data
    out = sys.stdout
    if hasattr(out, "reconfigure"):  # å, ä, ö on a console that cannot show them: '?', no crash
        out.reconfigure(errors="replace")
    frozen = "fryst app" if getattr(sys, "frozen", False) else "från källkod"
    print(f"spurdesk {__version__} självtest ({frozen}, Python {sys.version.split()[0]})", file=out)
    with tempfile.TemporaryDirectory(prefix="spurdesk-selfcheck-", ignore_cleanup_errors=True) as t:
        results = run_checks(Path(t))
    print_report(results, out)
    return 0 if all(result.passed for result in results) else 1


def _needs_inspection(context: _Context) -> Inspection:
    if context.inspection is None:
        raise CheckFailed("hoppades över: demobiblioteket kunde inte skapas")
    return context.inspection


def _describe_failure(error: Exception) -> str:
    if isinstance(error, SpurdeskError):
        return str(error)
    # An unexpected error is a bug: name it and where it happened, for the developer's report.
    frames = traceback.extract_tb(error.__traceback__)
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"oväntat fel {type(error).__name__}: {error}{where}"


def _marks(out: TextIO) -> tuple[str, str]:
    """✓/✗ where the stream can encode them (a Windows pipe may be cp1252), else OK/FEL."""
    encoding = getattr(out, "encoding", None) or "ascii"
    try:
        "✓✗".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "OK", "FEL"
    return "✓", "✗"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _kilobytes(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.0f} kB"
