"""The one table of output files: default names exactly as the menu, the command line and the
exchange have always suggested them, and every user of the table agreeing on its keys."""

from __future__ import annotations

import dataclasses

import pytest

from spurdesk.cli import build_parser
from spurdesk.exchange.package import SUFFIX
from spurdesk.model.demo import demo_inspection
from spurdesk.model.inspection import Inspection
from spurdesk.outputs import MAX_STEM, OUTPUTS, REPORTS
from spurdesk.report.exporters import EXPORTERS


@pytest.fixture(scope="module")
def demo() -> Inspection:
    return demo_inspection()


def test_default_names_of_the_demo(demo: Inspection) -> None:
    numbered = dataclasses.replace(demo, id=12)
    names = {key: output.file_name(numbered) for key, output in OUTPUTS.items()}
    assert names == {
        "docx": "SPUR-rapport Röntgenkliniken, Strandviks lasarett 2025-01-20.docx",
        "pdf": "SPUR-rapport Röntgenkliniken, Strandviks lasarett 2025-01-20.pdf",
        "actionplan": "Handlingsplan Röntgenkliniken, Strandviks lasarett 2025-01-20.docx",
        "package": "handlingsplan-Röntgenkliniken-2024-11-13.spur",
        "form": "handlingsplan-Röntgenkliniken-2024-11-13.docx",
        "copy": "Röntgenkliniken 2024-11-13 kopia.spur",
        "factcheck": "Röntgenkliniken 2024-11-13 sakgranskning.spur",
        "factcheck-form": "Röntgenkliniken 2024-11-13 sakgranskning.docx",
        "factcheck-record": "Röntgenkliniken 2024-11-13 sakgranskningsprotokoll.docx",
    }
    assert REPORTS["pdf"].file_name(numbered, numbered=True) == (
        "12 SPUR-rapport Röntgenkliniken, Strandviks lasarett 2025-01-20.pdf"
    )


def test_a_report_without_dates_is_named_by_the_visit_then_by_nothing(demo: Inspection) -> None:
    visit_only = dataclasses.replace(demo, report_date=None)
    assert REPORTS["docx"].file_name(visit_only).endswith("lasarett 2024-11-13.docx")
    undated = dataclasses.replace(demo, report_date=None, visit_start=None, site="")
    assert REPORTS["docx"].file_name(undated) == "SPUR-rapport Röntgenkliniken.docx"
    assert OUTPUTS["package"].file_name(undated) == "handlingsplan-Röntgenkliniken.spur"
    assert OUTPUTS["copy"].file_name(undated) == "Röntgenkliniken kopia.spur"


def test_a_copy_is_named_safely(demo: Inspection) -> None:
    hostile = dataclasses.replace(demo, unit='Röntgen/kliniken: "A"')
    assert OUTPUTS["copy"].file_name(hostile) == "Röntgen kliniken A 2024-11-13 kopia.spur"


def test_report_names_are_safe_and_short(demo: Inspection) -> None:
    hostile = dataclasses.replace(demo, unit='Röntgen/kliniken: "A" <B>?', site="x" * 300)
    name = REPORTS["pdf"].file_name(hostile, numbered=True)
    assert name.startswith(f"{demo.id} SPUR-rapport Röntgen kliniken A B , xxx")
    assert not set('\\/:*?"<>|') & set(name)
    assert len(name) == MAX_STEM + len(".pdf")
    dotted = dataclasses.replace(demo, site="Avd. ..", report_date=None, visit_start=None)
    assert REPORTS["docx"].file_name(dotted) == "SPUR-rapport Röntgenkliniken, Avd.docx"


def test_every_user_of_the_table_knows_the_same_keys() -> None:
    assert list(REPORTS) == ["docx", "pdf", "actionplan"]  # the menu's and --format's order
    assert set(EXPORTERS) == set(REPORTS)
    assert OUTPUTS["package"].suffix == SUFFIX
    for key in REPORTS:  # `spurdesk export --format` offers them all
        assert build_parser().parse_args(["export", "--all", "--format", key]).format == key
