"""The Word report read back with python-docx: structure, text, styles, fields, properties."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from spurdesk.model.inspection import Inspection
from spurdesk.report import ReportError, export_action_plan_docx, export_docx
from spurdesk.report import docx_styles as names
from spurdesk.report.content import build_report
from spurdesk.report.docx_writer import write_docx
from tests.report.conftest import Exported
from tests.report.expectations import ACTION_LABELS, assert_whole_report
from tests.report.readback import read_docx


def test_the_demo_report_says_everything_the_seed_says(exported_demo: Exported) -> None:
    assert_whole_report(read_docx(exported_demo.docx).text, exported_demo.inspection)


def test_headings_use_word_heading_styles(exported_demo: Exported) -> None:
    report = read_docx(exported_demo.docx)
    assert report.styled("Heading 1") == [
        "Graderingar",
        "Sammanfattning",
        "STRUKTUR",
        "PROCESS",
        "Bilaga: Handlingsplan",
    ]
    sections = [s.label for s in exported_demo.inspection.criteria.sections]
    headings = report.styled("Heading 2")
    assert headings[:3] == ["Styrkor", "Svagheter", "Förbättringspotential"]
    assert headings[3:11] == sections
    assert len(headings[11:]) == len(exported_demo.inspection.action_items)


def test_criteria_stand_in_box_styles_under_their_kind(exported_demo: Exported) -> None:
    lines = read_docx(exported_demo.docx).lines
    kind_of: dict[str, str] = {}
    current = ""
    for line in lines:
        if line.style == names.BOX_HEADING:
            current = line.text
        elif line.style == names.BOX_ITEM:
            kind_of[line.text.removeprefix("•\t")] = current
    for criterion in exported_demo.inspection.criteria.criteria:
        assert kind_of[criterion.text].startswith(criterion.kind.heading[:10])


def test_the_given_grade_is_the_marked_scale_step(exported_demo: Exported) -> None:
    marked = read_docx(exported_demo.docx).styled(names.SCALE_STEP_MARKED)
    expected = []
    for assessment in exported_demo.inspection.sections:
        for step in exported_demo.inspection.criteria.section(assessment.section_id).scale:
            if step.grade in (assessment.grade, assessment.revised_grade):
                expected.append(step.grade.value)
    assert [text[0] for text in marked] == expected


def test_every_style_used_is_defined_in_the_template(exported_demo: Exported) -> None:
    report = read_docx(exported_demo.docx)
    template = docx.Document(str(names.template_path()))
    defined = {style.name for style in template.styles}
    used = {line.style for line in report.lines}
    assert used <= defined
    assert {names.BOX_ITEM, names.SCALE_STEP, names.CRITERION, names.LIST_BULLET} <= used
    tables = {t.style.name for t in report.document.tables}
    assert tables == {names.FIELD_TABLE, names.GRID_TABLE, names.BOX_TABLE}


def test_footer_has_page_fields_and_header_the_unit(exported_demo: Exported) -> None:
    report = read_docx(exported_demo.docx)
    footer = report.footer_xml()
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert "Sida" in footer and "{sida}" not in footer and "{antal}" not in footer
    assert report.header_text() == "Röntgenkliniken, Strandviks lasarett"


def test_toc_field_is_filled_by_word_on_open(exported_demo: Exported) -> None:
    document = read_docx(exported_demo.docx).document
    instructions = [i.text for i in document.element.body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC") for i in instructions)
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_properties_language_and_page_size(exported_demo: Exported) -> None:
    document = read_docx(exported_demo.docx).document
    properties = document.core_properties
    assert (
        properties.title
        == "SPUR-granskning av ST-utbildningen – Röntgenkliniken, Strandviks lasarett"
    )
    assert properties.author == "Anna Exempelsdotter, Erik Provsson"
    assert "Radiologi" in properties.subject
    assert properties.language == "sv-SE"
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "sv-SE"


def test_a_draft_is_marked_on_every_page_and_lists_what_is_missing(
    exported_ungraded: Exported,
) -> None:
    report = read_docx(exported_ungraded.docx)
    assert report.header_text().endswith("UTKAST")
    assert report.document.core_properties.comments == "UTKAST"
    drafts = report.styled(names.DRAFT_TEXT)
    assert (
        "• A. Verksamheten: ingen gradering, inga iakttagelser, 4 av 4 kriterier ej bedömda."
        in [d.replace("\u00a0", " ") for d in drafts]
    )
    assert "Bilaga: Handlingsplan" not in report.styled("Heading 1")
    assert report.text.count("Avsnittet är ännu inte graderat.") == 8


def test_hostile_characters_are_mapped_and_the_text_after_them_kept(
    exported_hostile: Exported,
) -> None:
    report = read_docx(exported_hostile.docx)
    text = report.text
    for tag in ("enhet", "sjukhus", "region", "specialitet", "inspektör", "fyndA", "punkt0"):
        assert f"{tag}-före" in text and f"{tag}-efter" in text, tag
    for field in ("planned_action", "due", "responsible", "follow_up", "follow_up_responsible"):
        assert f"{field}0-efter" in text
    assert "<&>\"'" in text
    # \x0b became a line break inside the findings paragraph, \x0c a new paragraph.
    findings = [line.text for line in report.lines if line.text.startswith("fyndA-före")]
    assert findings == ["fyndA-före\nmitt"]
    assert any(line.text.startswith("<&>") and "fyndA-efter" in line.text for line in report.lines)


def test_the_action_plan_alone(exported_demo: Exported, tmp_path: Path) -> None:
    path = export_action_plan_docx(exported_demo.inspection, tmp_path / "plan.docx")
    report = read_docx(path)
    assert report.styled("Title") == ["Handlingsplan"]
    assert report.styled("Heading 1") == ["Åtgärder"]
    assert "STRUKTUR" not in report.text
    for label in ACTION_LABELS:
        assert report.text.count(label) == len(exported_demo.inspection.action_items)


def test_progress_counts_up_to_its_total(demo: Inspection, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    export_docx(demo, tmp_path / "r.docx", lambda done, total: calls.append((done, total)))
    totals = {total for _, total in calls}
    assert len(totals) == 1
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert calls[-1] == (totals.pop(),) * 2


def test_a_hundred_page_inspection_exports_whole(large: Inspection, tmp_path: Path) -> None:
    report = read_docx(export_docx(large, tmp_path / "stor.docx"))
    assert len(report.styled("Heading 2")) == 3 + 8 + len(large.action_items)
    assert report.text.count("Punkt 11:") == 8


def test_an_unwritable_target_leaves_the_old_file_alone(demo: Inspection, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"Mappen .* finns inte"):
        export_docx(demo, tmp_path / "saknas" / "r.docx")
    target = tmp_path / "r.docx"
    target.write_bytes(b"old")
    folder_as_target = tmp_path / "mapp.docx"
    folder_as_target.mkdir()
    with pytest.raises(ReportError, match="kunde inte sparas"):
        export_docx(demo, folder_as_target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mapp.docx", "r.docx"]


def test_an_organisation_can_restyle_the_template(demo: Inspection, tmp_path: Path) -> None:
    """A template edited in Word: a style changed, placeholders split over runs, text added."""
    template = tmp_path / "mall.docx"
    shutil.copy(names.template_path(), template)
    document = docx.Document(str(template))
    document.styles["Heading 1"].font.size = docx.shared.Pt(30)
    header = document.sections[0].header.paragraphs[0]
    for run in list(header.runs):
        run._r.getparent().remove(run._r)
    for piece in ("Region Exempel – {en", "het}", " {utk", "ast}"):
        header.add_run(piece)
    document.save(str(template))
    draft = dataclasses.replace(demo, sections=())
    out = write_docx(build_report(draft), tmp_path / "r.docx", template=template)
    result = read_docx(out)
    assert result.header_text() == "Region Exempel – Röntgenkliniken, Strandviks lasarett UTKAST"
    assert result.document.styles["Heading 1"].font.size == docx.shared.Pt(30)


def test_a_template_missing_a_style_is_refused_with_its_name(
    demo: Inspection, tmp_path: Path
) -> None:
    template = tmp_path / "mall.docx"
    document = docx.Document(str(names.template_path()))
    style = document.styles[names.BOX_ITEM].element
    style.getparent().remove(style)
    document.save(str(template))
    with pytest.raises(ReportError, match="saknar formatmallarna Ruta punkt"):
        write_docx(build_report(demo), tmp_path / "r.docx", template=template)
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"inte en docx")
    with pytest.raises(ReportError, match="kunde inte läsas"):
        write_docx(build_report(demo), tmp_path / "r.docx", template=broken)


def test_an_organisation_template_folder_takes_precedence(
    demo: Inspection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mallar"
    folder.mkdir()
    document = docx.Document(str(names.template_path()))
    document.sections[0].footer.paragraphs[0].text = "Region Exempel, sida {sida} av {antal}"
    document.save(str(folder / names.TEMPLATE_NAME))
    monkeypatch.setenv(names.TEMPLATE_DIR_ENV, str(folder))
    footer = read_docx(export_docx(demo, tmp_path / "r.docx")).footer_xml()
    assert "Region Exempel, sida " in footer and "NUMPAGES" in footer


def test_built_in_style_names_saved_in_lower_case_by_word_still_match(
    demo: Inspection, tmp_path: Path
) -> None:
    """Word writes "toc 1" and "heading 1" where python-docx wrote "TOC 1"."""
    template = tmp_path / "mall.docx"
    document = docx.Document(str(names.template_path()))
    for style in document.styles:
        if style.name in ("TOC 1", "TOC 2", "List Bullet"):
            style.element.name_val = style.name.lower()
    document.save(str(template))
    out = write_docx(build_report(demo), tmp_path / "r.docx", template=template)
    assert "Sammanfattning" in read_docx(out).styled("toc 1")


def test_overlong_names_and_unbroken_text_still_export(demo: Inspection, tmp_path: Path) -> None:
    word = "x" * 5000
    sections = (dataclasses.replace(demo.sections[0], findings=word), *demo.sections[1:])
    inspection = dataclasses.replace(demo, unit="U" * 400, sections=sections)
    report = read_docx(export_docx(inspection, tmp_path / "r.docx"))
    assert word in report.text
    assert len(report.document.core_properties.title) == 255
