"""The report's content, assembled once for both formats, follows the seed report."""

from __future__ import annotations

import dataclasses
from typing import TypeVar

from spurdesk.model.criteria import KIND_ORDER, Grade
from spurdesk.model.inspection import ActionItem, Inspection, InspectionStatus
from spurdesk.report.content import build_action_plan, build_report
from spurdesk.report.document import (
    CriteriaBox,
    DraftNotice,
    FieldTable,
    GridTable,
    Heading,
    Paragraph,
    Report,
    TableOfContents,
)

REVISION = (
    "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens "
    "föreskrifter och allmänna råd. Verksamheten har efter granskningen inkommit med "
    "handlingsplan, se bilaga. Graderingen är ändrad till {}."
)


T = TypeVar("T")


def of_type(report: Report, kind: type[T]) -> list[T]:
    return [block for block in report.blocks if isinstance(block, kind)]


def section_blocks(report: Report, label: str) -> list[object]:
    """The blocks from a section's heading up to the next heading of level 1 or 2."""
    blocks = list(report.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == label)
    end = next(
        (i for i, b in enumerate(blocks[start + 1 :], start + 1) if isinstance(b, Heading)),
        len(blocks),
    )
    return blocks[start:end]


def test_headings_follow_the_seed_order_and_keys_are_unique(demo: Inspection) -> None:
    report = build_report(demo)
    top = [h.text for h in report.headings if h.level == 1]
    assert top == [
        "Graderingar",
        "Sammanfattning",
        "STRUKTUR",
        "PROCESS",
        "Bilaga: Handlingsplan",
    ]
    keys = [h.key for h in report.headings]
    assert len(keys) == len(set(keys))
    toc = of_type(report, TableOfContents)[0]
    assert [e.text for e in toc.entries] == [h.text for h in report.headings if h.level <= 2]


def test_overview_lists_visit_and_revised_grades(demo: Inspection) -> None:
    table = of_type(build_report(demo), GridTable)[0]
    assert table.header[1:] == (
        "Gradering vid granskningen",
        "Ändrad gradering efter handlingsplan",
    )
    rows = {row[0][0]: row[1:] for row in table.rows}
    for assessment in demo.sections:
        revised = assessment.revised_grade.value if assessment.revised_grade else "–"
        assert rows[assessment.section_id] == (assessment.grade.value, revised)


def test_each_box_groups_the_criteria_by_kind_in_set_order(demo: Inspection) -> None:
    boxes = of_type(build_report(demo), CriteriaBox)
    assert len(boxes) == len(demo.criteria.sections)
    for section, box in zip(demo.criteria.sections, boxes, strict=True):
        expected = [
            (kind, tuple(c.text for c in section.criteria_of_kind(kind)))
            for kind in KIND_ORDER
            if section.has_kind(kind)
        ]
        assert [g.criteria for g in box.groups] == [criteria for _, criteria in expected]


def test_group_headings_are_the_seeds_words_and_foreskrift_is_printed_once(
    demo: Inspection,
) -> None:
    """Issue 13, point 5: A, C, D and F open with the regulation's sentence under the box title
    "Föreskrift", so their föreskrifter follow the lead-in without a second "Föreskrift"; the
    indicator heading is the seed's word per section, not the count's."""
    boxes = of_type(build_report(demo), CriteriaBox)
    headings = {
        section.id: [g.heading for g in box.groups]
        for section, box in zip(demo.criteria.sections, boxes, strict=True)
    }
    assert headings == {
        "A": ["", "Kvalitetsindikator"],
        "B": ["Föreskrift", "Allmänna råd", "Kvalitetsindikator"],
        "C": ["", "Kvalitetsindikator"],
        "D": ["", "Allmänna råd", "Kvalitetsindikator"],
        "E": ["Föreskrift", "Allmänna råd", "Kvalitetsindikator"],
        "F": ["", "Allmänna råd", "Kvalitetsindikator"],
        "G": ["Föreskrift", "Allmänna råd", "Kvalitetsindikatorer"],
        "H": ["Föreskrift", "Allmänna råd", "Kvalitetsindikatorer"],
    }
    titled = {s.id for s, b in zip(demo.criteria.sections, boxes, strict=True) if b.preamble}
    assert titled == {"A", "C", "D", "F"}
    assert (
        boxes[4].groups[0].note == "(För ST enligt 2015:8 är verksamhetschef ansvarig enligt ovan)"
    )
    assert boxes[4].groups[0].criteria[-1].endswith("bedömningen dokumenteras.")


def test_the_preamble_and_its_lead_in_are_separate(demo: Inspection) -> None:
    box = of_type(build_report(demo), CriteriaBox)[0]
    assert box.preamble.endswith("hög och jämn kvalitet.")
    assert box.lead_in == "Vilket, enligt SPUR-modellen, innebär att:"
    without = of_type(build_report(demo), CriteriaBox)[1]  # B's set gives no preamble
    assert (without.preamble, without.lead_in) == ("", "")


def test_the_scale_marks_the_given_and_the_revised_grade(demo: Inspection) -> None:
    report = build_report(demo)
    for assessment, box in zip(demo.sections, of_type(report, CriteriaBox), strict=True):
        marks = {step.grade: step.mark for step in box.scale if step.mark}
        if assessment.revised_grade:
            assert marks == {
                assessment.grade.value: "Gradering vid granskningen",
                assessment.revised_grade.value: "Ändrad gradering efter handlingsplan",
            }
        else:
            assert marks == {assessment.grade.value: "Given gradering"}


def test_a_revised_section_states_the_action_plan_and_the_new_letter(demo: Inspection) -> None:
    report = build_report(demo)
    for section in demo.criteria.sections:
        assessment = demo.section(section.id)
        texts = [
            b.text.text for b in section_blocks(report, section.label) if isinstance(b, Paragraph)
        ]
        if assessment.revised_grade:
            assert texts[-1] == REVISION.format(assessment.revised_grade.value)
        else:
            assert not any("Graderingen är ändrad" in t for t in texts)


def test_the_revised_letter_comes_from_the_data(demo: Inspection) -> None:
    sections = tuple(
        dataclasses.replace(a, revised_grade=Grade.B) if a.section_id == "D" else a
        for a in demo.sections
    )
    report = build_report(dataclasses.replace(demo, sections=sections))
    label = demo.criteria.section("D").label
    texts = [b.text.text for b in section_blocks(report, label) if isinstance(b, Paragraph)]
    assert texts[-1] == REVISION.format("B")


def test_each_action_item_prints_the_seed_fields_in_order(demo: Inspection) -> None:
    report = build_report(demo)
    tables = of_type(report, FieldTable)
    assert len(tables) == len(demo.action_items)
    for item, table in zip(demo.action_items, tables, strict=True):
        assert [f.label for f in table.rows] == [
            "Planerad åtgärd",
            "Datum när åtgärden ska vara genomförd",
            "Ansvarig för genomförandet",
            "Datum för uppföljning",
            "Ansvarig för uppföljningen",
        ]
        assert table.rows[1].value[0].text == item.due


def test_a_finished_report_is_not_a_draft(demo: Inspection) -> None:
    report = build_report(demo)
    assert report.draft_mark == ""
    assert not of_type(report, DraftNotice)


def test_an_ungraded_inspection_is_a_draft_listing_what_is_missing(ungraded: Inspection) -> None:
    report = build_report(ungraded)
    assert report.draft_mark == "UTKAST"
    notice = of_type(report, DraftNotice)[0]
    assert "Rapportdatum saknas." in notice.missing
    assert "Sammanfattningen saknar Styrkor, Svagheter och Förbättringspotential." in notice.missing
    assert (
        "A. Verksamheten: ingen gradering, inga iakttagelser, 4 av 4 kriterier ej bedömda."
        in notice.missing
    )
    assert {row[1] for row in of_type(report, GridTable)[0].rows} == {"Ej graderad"}
    assert all(
        b.scale_note == "Avsnittet är ännu inte graderat." for b in of_type(report, CriteriaBox)
    )
    assert "Bilaga: Handlingsplan" not in [h.text for h in report.headings]


def test_a_complete_report_in_draft_status_is_still_marked(demo: Inspection) -> None:
    """(Without the revisions: at sakgranskning no plan has arrived to revise after.)"""
    sections = tuple(
        dataclasses.replace(a, revised_grade=None, revised_on=None, revision_reason="")
        for a in demo.sections
    )
    fact_check = dataclasses.replace(demo, status=InspectionStatus.FACT_CHECK, sections=sections)
    report = build_report(fact_check)
    notice = of_type(report, DraftNotice)[0]
    assert report.draft_mark == "UTKAST"
    assert notice.missing == ()
    assert "sakgranskning" in notice.text


def test_free_standing_and_dangling_action_items_still_print(demo: Inspection) -> None:
    items = (
        ActionItem(1, None, None, planned_action="Allmän åtgärd"),
        ActionItem(2, None, "Z.9", planned_action="Okänt kriterium"),
    )
    report = build_action_plan(dataclasses.replace(demo, action_items=items))
    headings = [h.text for h in report.headings]
    assert headings == ["Åtgärder", "Övrig åtgärd", "Övrig åtgärd"]
    assert any(isinstance(b, Paragraph) and b.text.text == "Kriterium Z.9" for b in report.blocks)


def test_the_action_plan_alone_has_no_sections(demo: Inspection) -> None:
    report = build_action_plan(demo)
    assert [h.text for h in report.headings if h.level == 1] == ["Åtgärder"]
    assert not of_type(report, CriteriaBox)
    assert report.title.startswith("Handlingsplan – ")
