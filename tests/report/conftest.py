"""Inspections the report tests export: the demo (the seed report), a draft with nothing
graded, one with XML-hostile characters in every text field, and one of about a hundred pages."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from spurdesk.model.demo import demo_inspection
from spurdesk.model.inspection import (
    ActionItemStatus,
    Inspection,
    InspectionStatus,
    Inspector,
    ParticipantGroup,
    SummaryItem,
    SummaryKind,
)

#: Characters Word cannot store or that mean structure (GUIDE.md §7), and markup characters.
HOSTILE = "\x0bmitt\x0c\x00\x07\x1f\ufffe\uffff\ud800<&>\"'"


@pytest.fixture(scope="session")
def demo() -> Inspection:
    return demo_inspection()


@pytest.fixture(scope="session")
def ungraded(demo: Inspection) -> Inspection:
    """A fresh inspection: metadata only, nothing assessed, graded or written."""
    return dataclasses.replace(
        demo,
        status=InspectionStatus.DRAFT,
        visit_start=None,
        visit_end=None,
        report_date=None,
        inspectors=(),
        sections=(),
        summary=(),
        action_items=(),
    )


def hostile(tag: str) -> str:
    """`tag`, every hostile character, then `tag` again: both ends must reach the report."""
    return f"{tag}-före{HOSTILE} {tag}-efter"


@pytest.fixture(scope="session")
def hostile_inspection(demo: Inspection) -> Inspection:
    sections = tuple(
        dataclasses.replace(
            assessment,
            findings=hostile(f"fynd{assessment.section_id}"),
            justification=hostile("motivering"),
            revision_reason=hostile("skäl"),
            criteria=tuple(
                dataclasses.replace(c, note=hostile("anteckning")) for c in assessment.criteria
            ),
        )
        for assessment in demo.sections
    )
    summary = tuple(
        dataclasses.replace(item, text=hostile(f"punkt{n}")) for n, item in enumerate(demo.summary)
    )
    fields = ("planned_action", "due", "responsible", "follow_up", "follow_up_responsible")
    action_items = tuple(
        dataclasses.replace(
            item,
            **{name: hostile(f"{name}{n}") for name in fields},
            unit_comment=hostile("kommentar"),
            verification_note=hostile("verifiering"),
            status=ActionItemStatus.VERIFIED,
            verified_on=date(2025, 6, 1),
        )
        for n, item in enumerate(demo.action_items)
    )
    return dataclasses.replace(
        demo,
        unit=hostile("enhet"),
        site=hostile("sjukhus"),
        care_provider=hostile("region"),
        specialty=hostile("specialitet"),
        inspectors=(Inspector(hostile("inspektör"), hostile("roll")),),
        participants=(ParticipantGroup(hostile("grupp"), 3, hostile("namn")),),
        sections=sections,
        summary=summary,
        action_items=action_items,
    )


@pytest.fixture(scope="session")
def large(demo: Inspection) -> Inspection:
    """About a hundred PDF pages: long findings in every section and a hundred action items."""
    sections = tuple(
        dataclasses.replace(
            assessment,
            findings="\n\n".join(
                [assessment.findings] * 12
                + [f"- Punkt {n}: {assessment.findings[:160]}" for n in range(12)]
            ),
        )
        for assessment in demo.sections
    )
    summary = tuple(
        SummaryItem(1000 + n, kind, f"{kind.heading} {n}: {demo.summary[0].text}", n)
        for kind in SummaryKind
        for n in range(15)
    )
    template = demo.action_items[0]
    action_items = tuple(
        dataclasses.replace(
            template,
            id=2000 + n,
            position=n,
            planned_action="\n\n".join([template.planned_action] * 2),
        )
        for n in range(100)
    )
    return dataclasses.replace(demo, sections=sections, summary=summary, action_items=action_items)


@dataclasses.dataclass(frozen=True)
class Exported:
    inspection: Inspection
    docx: Path
    pdf: Path


def _export(inspection: Inspection, folder: Path) -> Exported:
    from spurdesk.report import export_docx, export_pdf

    return Exported(
        inspection,
        export_docx(inspection, folder / "rapport.docx"),
        export_pdf(inspection, folder / "rapport.pdf"),
    )


@pytest.fixture(scope="session")
def exported_demo(demo: Inspection, tmp_path_factory: pytest.TempPathFactory) -> Exported:
    return _export(demo, tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="session")
def exported_ungraded(ungraded: Inspection, tmp_path_factory: pytest.TempPathFactory) -> Exported:
    return _export(ungraded, tmp_path_factory.mktemp("ungraded"))


@pytest.fixture(scope="session")
def exported_hostile(
    hostile_inspection: Inspection, tmp_path_factory: pytest.TempPathFactory
) -> Exported:
    return _export(hostile_inspection, tmp_path_factory.mktemp("hostile"))
