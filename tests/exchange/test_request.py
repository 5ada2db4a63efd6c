"""Issue 13, point 4: what goes to the unit says which deficiencies require action and which are
recommended, and by when the plan is due — in the .spur package and in the Word form, for the
general-practice inspection at "handlingsplan begärd" (built through the Library)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from spurdesk.exchange.action_plan import plan_from_inspection
from spurdesk.exchange.docx_form import form_document
from spurdesk.exchange.package import outgoing_package, read_package, write_package
from spurdesk.model.inspection import Inspection
from tests.report import general_practice as gp


@pytest.fixture(scope="module")
def requested(tmp_path_factory: pytest.TempPathFactory) -> Inspection:
    folder = tmp_path_factory.mktemp("begard")
    states = dict(gp.build_states(folder / "bibliotek.sqlite"))
    return states["requested"]


def test_the_plan_marks_each_row_and_carries_the_date(requested: Inspection) -> None:
    plan = plan_from_inspection(requested)
    assert plan.reply_by == gp.REPLY_BY
    # section order, whatever order the rows were made in (D's row was added last)
    assert [(r.section_id, r.criteria_answered) for r in plan.rows] == [
        ("C", ("C.3",)),
        ("D", ("D.8",)),
        ("E", ("E.1", "E.4")),
    ]
    assert [plan.requirement(r) for r in plan.rows] == [True, False, True]
    # G.5 (recommended, no row chosen) is listed but gets no row: the unit may add one
    assert any(d.criterion_id == "G.5" and not d.action_required for d in plan.deficiencies)


def test_the_package_says_it_in_action_plan_json(requested: Inspection, tmp_path: Path) -> None:
    path = write_package(tmp_path / "till-verksamheten.spur", outgoing_package(requested))
    with zipfile.ZipFile(path) as archive:
        data = json.loads(archive.read("action_plan.json"))
    assert data["reply_by"] == "2025-06-16"
    assert [row["action_required"] for row in data["rows"]] == [True, False, True]
    assert data["rows"][2]["further_criteria"] == ["E.4"]
    back = read_package(path)
    assert back.plan.reply_by == gp.REPLY_BY
    assert [back.plan.requirement(r) for r in back.plan.rows] == [True, False, True]


def test_the_word_form_says_it_above_and_in_each_table(requested: Inspection) -> None:
    document = form_document(requested)
    paragraphs = [p.text for p in document.paragraphs]
    assert "Handlingsplanen ska vara inspektörerna till handa senast 16 juni 2025." in paragraphs
    assert any("Där det står ”Åtgärder krävs” ska verksamheten" in p for p in paragraphs)
    grey = [table.rows[0].cells[1].text for table in document.tables]
    assert [text.splitlines()[-1] for text in grey] == [
        "Åtgärder krävs.",
        "Åtgärder rekommenderas.",
        "Åtgärder krävs.",
    ]
    assert grey[2].startswith("E.1: Varje ST-läkare") and "\nE.4: Den huvudansvariga" in grey[2]
