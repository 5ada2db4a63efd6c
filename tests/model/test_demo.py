"""The demo inspection is the seed report entered in full and faithfully, and it loads safely.

Tests that compare with the seed report itself (shared/seeds/, beside the repository) are skipped
where that file is not present; everything else runs anywhere.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import spurdesk.model.demo as demo_module
from spurdesk.model.criteria import CriteriaSet, CriterionKind, Grade
from spurdesk.model.criteria_loader import load_criteria_library
from spurdesk.model.demo import (
    DemoDataError,
    demo_file,
    demo_inspection,
    inspection_from_data,
    load_demo,
)
from spurdesk.model.inspection import (
    CriterionStatus,
    Inspection,
    InspectionStatus,
    Inspector,
    ParticipantGroup,
    SummaryKind,
)

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_7839c389ef01c89d.txt"
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"seed report not found at {SEED}")

UNMET = {CriterionStatus.NOT_MET, CriterionStatus.PARTLY_MET}
ROLE_TITLES = {
    "Verksamhetschef",
    "Studierektor",
    "Vetenskaplig handledare",
    "Sektionsansvarig läkare",
}


@pytest.fixture(scope="module")
def criteria() -> CriteriaSet:
    return load_criteria_library().default()


@pytest.fixture(scope="module")
def demo(criteria: CriteriaSet) -> Inspection:
    return demo_inspection(criteria)


@pytest.fixture
def demo_data() -> dict[str, Any]:
    """The parsed demo file, fresh for each test so it can be spoiled."""
    return yaml.safe_load(demo_file().read_text(encoding="utf-8"))


def normalise(text: str) -> str:
    """Collapse whitespace and mend hyphen line breaks ("ST- läkarna"), as in the PDF dump."""
    return re.sub(r"- ", "-", re.sub(r"\s+", " ", text)).strip()


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_action_rows(criteria: CriteriaSet) -> list[dict[str, str]]:
    """The seed's HANDLINGSPLAN, one dict per row, split at the section labels D–H."""
    plan = normalise(seed_text().split("HANDLINGSPLAN", 1)[1])
    labels = [normalise(s.label) for s in criteria.sections if s.id in "DEFGH"]
    parts = re.split("(" + "|".join(map(re.escape, labels)) + ")", plan)
    fields = (
        ("criterion_text", "Planerad åtgärd"),
        ("planned_action", "Datum när åtgärden ska vara genomförd"),
        ("due", "Ansvarig för genomförandet"),
        ("responsible", "Datum för uppföljning"),
        ("follow_up", "Ansvarig för uppföljningen"),
    )
    rows = []
    for label, body in zip(parts[1::2], parts[2::2], strict=True):
        row = {"section": label[0]}
        rest = body
        for name, heading in fields:
            value, rest = rest.split(heading, 1)
            row[name] = value.strip()
        # Page furniture repeats "Planerad åtgärd"; the action is the text after the last one.
        row["planned_action"] = row["planned_action"].rsplit("Planerad åtgärd", 1)[-1].strip()
        row["follow_up_responsible"] = rest.strip()
        rows.append(row)
    return rows


def seed_person_names(criteria: CriteriaSet) -> set[str]:
    """Names of people in the seed's HANDLINGSPLAN ("Förnamn Efternamn"), found, not listed here."""
    person = re.compile(r"[A-ZÅÄÖ][a-zåäöé]+ [A-ZÅÄÖ][a-zåäöé]+")
    return {
        entry.strip()
        for row in seed_action_rows(criteria)
        for field in ("responsible", "follow_up_responsible")
        for entry in row[field].split(",")
        if person.fullmatch(entry.strip())
    }


# --- the record -----------------------------------------------------------------------------


def test_metadata_is_the_fictitious_unit(demo: Inspection) -> None:
    assert (demo.unit, demo.site, demo.care_provider, demo.specialty) == (
        "Röntgenkliniken",
        "Strandviks lasarett",
        "Region Exempelland",
        "Radiologi",
    )
    assert demo.status is InspectionStatus.ACTION_PLAN_RECEIVED
    assert (str(demo.visit_start), str(demo.visit_end), str(demo.report_date)) == (
        "2024-11-13",
        "2024-11-14",
        "2025-01-20",
    )
    assert demo.inspectors == (
        Inspector("Anna Exempelsdotter", "huvudinspektör"),
        Inspector("Erik Provsson", "inspektör"),
    )
    assert demo.participants == (
        ParticipantGroup("ST-läkare", 6),
        ParticipantGroup("Handledare", 5),
        ParticipantGroup("Studierektor", 1),
        ParticipantGroup("Verksamhetschef", 1),
    )


def test_record_has_no_ids_yet(demo: Inspection) -> None:
    """The library assigns ids on import; the demo must not pretend to have any."""
    assert demo.id == 0
    assert {item.id for item in demo.summary} == {0}
    assert {item.id for item in demo.action_items} == {0}


def test_default_criteria_are_the_shipped_st_spur_set(criteria: CriteriaSet) -> None:
    assert demo_inspection().criteria == criteria


def test_eight_sections_in_set_order_each_with_findings(
    demo: Inspection, criteria: CriteriaSet
) -> None:
    assert [s.section_id for s in demo.sections] == list("ABCDEFGH")
    assert [s.id for s in criteria.sections] == list("ABCDEFGH")
    for section in demo.sections:
        assert section.findings.strip(), f"section {section.section_id} has no findings"


def test_every_criterion_is_assessed_in_set_order(demo: Inspection, criteria: CriteriaSet) -> None:
    for section in criteria.sections:
        assessed = demo.section(section.id).criteria
        assert [a.criterion_id for a in assessed] == [c.id for c in section.criteria]
        assert all(a.status is not CriterionStatus.NOT_ASSESSED for a in assessed), section.id


def test_a_few_criteria_carry_inspector_notes(demo: Inspection) -> None:
    assessments = [a for s in demo.sections for a in s.criteria]
    with_notes = [a for a in assessments if a.note]
    assert 5 <= len(with_notes) <= len(assessments) // 3


def test_grades_at_the_visit_and_revisions(demo: Inspection) -> None:
    grades = {s.section_id: s.grade for s in demo.sections}
    assert grades == dict(zip("ABCDEFGH", "BBADDDDD", strict=True))
    assert demo.report_date is not None
    for section in demo.sections:
        if section.section_id in "ABC":
            assert section.revised_grade is None
            assert section.revised_on is None
            continue
        assert section.revised_grade is Grade.C
        assert section.revised_on is not None and section.revised_on > demo.report_date
        assert section.revision_reason == (
            "Verksamheten har efter granskningen inkommit med handlingsplan."
        )
        assert section.effective_grade is Grade.C


def test_statuses_agree_with_the_grades(demo: Inspection, criteria: CriteriaSet) -> None:
    """The grading rules read off the statuses, independent of spurdesk.model.grading."""
    for section in criteria.sections:
        assessment = demo.section(section.id)
        unmet = {c.kind for c in section.criteria if assessment.criterion(c.id).status in UNMET}
        unmet_indicators = [
            c
            for c in section.criteria_of_kind(CriterionKind.KVALITETSINDIKATOR)
            if assessment.criterion(c.id).status in UNMET
        ]
        if assessment.grade is Grade.D:
            # The seed: "brister vad gäller följsamheten till … föreskrifter och allmänna råd".
            assert {CriterionKind.FORESKRIFT, CriterionKind.ALLMANT_RAD} <= unmet, section.id
        elif assessment.grade is Grade.A:
            assert unmet <= {CriterionKind.KVALITETSINDIKATOR}, section.id
            assert len(unmet_indicators) <= section.allowed_exceptions, section.id
        else:
            assert assessment.grade is Grade.B
            assert unmet == {CriterionKind.KVALITETSINDIKATOR}, section.id
            if not assessment.justification:
                assert len(unmet_indicators) > section.allowed_exceptions, section.id


def test_grades_match_the_grading_suggestion(demo: Inspection, criteria: CriteriaSet) -> None:
    grading = pytest.importorskip("spurdesk.model.grading")
    for section in criteria.sections:
        assessment = demo.section(section.id)
        statuses = {a.criterion_id: a.status for a in assessment.criteria}
        suggestion = grading.suggest_grade(section, statuses)
        assert suggestion.complete, section.id
        grading.validate_grade_choice(
            section, assessment.grade, suggestion, assessment.justification
        )
        assert suggestion.grade == assessment.grade, section.id
        assert not assessment.justification, section.id


def test_summary_has_the_seed_counts(demo: Inspection) -> None:
    counts = {kind: len(demo.summary_of(kind)) for kind in SummaryKind}
    assert counts == {SummaryKind.STRENGTH: 5, SummaryKind.WEAKNESS: 6, SummaryKind.IMPROVEMENT: 5}
    for kind in SummaryKind:
        assert [item.position for item in demo.summary_of(kind)] == list(range(counts[kind]))
    assert demo.summary_of(SummaryKind.WEAKNESS)[0].text == (
        "God initial introduktion men struktur vid introduktion till olika placeringar, "
        "t. ex. elektiv CT och MR, saknas."
    )


def test_action_plan_rows(demo: Inspection, criteria: CriteriaSet) -> None:
    rows = [
        (a.section_id, a.criterion_id, a.due, a.responsible, a.follow_up, a.follow_up_responsible)
        for a in demo.action_items
    ]
    first_follow_up = "första uppföljning 2025-05-30"
    team = "ST-läkare och handledare."
    head = "Verksamhetschef"
    assert rows == [
        ("D", "D.1", "2025-05-01", "Verksamhetschef, Studierektor", "2025-05-30", head),
        ("E", "E.4", "kontinuerligt", team, first_follow_up, head),
        (
            "F",
            "F.1",
            "2025-05-01 (IUP-utveckling)",
            "Studierektor, Verksamhetschef",
            "2025-05-30",
            head,
        ),
        ("G", "G.1", "2025-05-01", "Vetenskaplig handledare, Verksamhetschef", "2025-05-30", head),
        ("H", "H.7", "2025-05-01 (IUP-utveckling)", "Sektionsansvarig läkare", "2025-05-30", head),
        ("H", "H.9", "kontinuerligt", team, first_follow_up, head),
    ]
    assert [a.position for a in demo.action_items] == list(range(6))
    assert demo.action_items[0].planned_action.startswith(
        "Arbete har påbörjats att utarbeta skriftlig lokal ST-utbildningsbok"
    )
    assert demo.action_items[5].planned_action.endswith(
        "Detta kommer att åligga respektive ST och ST-handledare."
    )
    for item in demo.action_items:
        assert item.criterion_id is not None
        criterion = criteria.criterion(item.criterion_id)
        assert criterion.kind is CriterionKind.FORESKRIFT
        assert demo.section(item.section_id or "").criterion(criterion.id).status in UNMET


def test_texts_have_no_pdf_line_break_artefacts(demo: Inspection) -> None:
    texts = [s.findings for s in demo.sections] + [i.text for i in demo.summary]
    texts += [a.planned_action for a in demo.action_items]
    for text in texts:
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)  # PDF control characters
        for paragraph in text.split("\n\n"):
            assert paragraph == paragraph.strip() and "\n" not in paragraph
            assert "  " not in paragraph
            # "kvalitets- och" is Swedish; "ST- läkarna" is a mended-away line break.
            assert not re.search(r"\w- (?!och\b|eller\b)\w", paragraph), paragraph


def test_revision_paragraph_is_left_to_the_report(demo: Inspection) -> None:
    for section in demo.sections:
        assert "Graderingen är ändrad" not in section.findings
        assert "Under granskningen påvisades brister" not in section.findings


# --- faithful to the seed -------------------------------------------------------------------


@needs_seed
def test_every_text_is_the_seeds_word_for_word(demo: Inspection) -> None:
    seed = normalise(seed_text())
    paragraphs = [p for s in demo.sections for p in s.findings.split("\n\n")]
    paragraphs += [item.text for item in demo.summary]
    paragraphs += [a.planned_action for a in demo.action_items]
    assert len(paragraphs) == 8 + 2 + 16 + 6  # G has three paragraphs
    for paragraph in paragraphs:
        assert normalise(paragraph) in seed, paragraph


@needs_seed
def test_findings_of_g_include_the_interleaved_paragraphs(demo: Inspection) -> None:
    paragraphs = demo.section("G").findings.split("\n\n")
    assert paragraphs[1].startswith("Detta skulle kunna åtgärdas med artikelseminarium")
    assert paragraphs[2].startswith("På förvaltningsnivå finns en FoU-enhet")


@needs_seed
def test_action_plan_matches_the_seeds_handlingsplan(
    demo: Inspection, criteria: CriteriaSet
) -> None:
    rows = seed_action_rows(criteria)
    assert len(rows) == len(demo.action_items) == 6
    names = seed_person_names(criteria)
    role_of: dict[str, str] = {}
    for row, item in zip(rows, demo.action_items, strict=True):
        assert item.section_id == row["section"]
        assert normalise(criteria.criterion(item.criterion_id or "").text) == row["criterion_text"]
        assert normalise(item.planned_action) == row["planned_action"]
        assert (item.due, item.follow_up) == (row["due"], row["follow_up"])
        for field in ("responsible", "follow_up_responsible"):
            seed_entries = [e.strip() for e in row[field].split(",")]
            demo_entries = [e.strip() for e in getattr(item, field).split(",")]
            assert len(seed_entries) == len(demo_entries)
            for seed_entry, demo_entry in zip(seed_entries, demo_entries, strict=True):
                if seed_entry in names:
                    # Each person is one role title throughout the plan.
                    assert demo_entry in ROLE_TITLES
                    assert role_of.setdefault(seed_entry, demo_entry) == demo_entry
                else:
                    assert demo_entry == seed_entry
    assert len(set(role_of.values())) == len(role_of) == 4


@needs_seed
@pytest.mark.parametrize(
    "path",
    [demo_file(), Path(demo_module.__file__), Path(__file__)],
    ids=lambda p: p.name,
)
def test_no_seed_person_name_in_the_demo(criteria: CriteriaSet, path: Path) -> None:
    names = seed_person_names(criteria)
    assert len(names) == 4  # the scan found the people it must keep out
    content = path.read_text(encoding="utf-8").casefold()
    for name in names:
        for part in (name, name.split()[-1]):
            assert part.casefold() not in content


# --- loading and validation -----------------------------------------------------------------


def without_criterion(criteria: CriteriaSet, criterion_id: str) -> CriteriaSet:
    """The set with one criterion removed, as an older or foreign set might be."""
    areas = tuple(
        dataclasses.replace(
            area,
            sections=tuple(
                dataclasses.replace(
                    s, criteria=tuple(c for c in s.criteria if c.id != criterion_id)
                )
                for s in area.sections
            ),
        )
        for area in criteria.areas
    )
    return dataclasses.replace(criteria, areas=areas)


def without_section(criteria: CriteriaSet, section_id: str) -> CriteriaSet:
    areas = tuple(
        dataclasses.replace(area, sections=tuple(s for s in area.sections if s.id != section_id))
        for area in criteria.areas
    )
    return dataclasses.replace(criteria, areas=areas)


def test_a_set_lacking_a_demo_criterion_is_refused(criteria: CriteriaSet) -> None:
    with pytest.raises(DemoDataError, match=r"kriterium E\.11 finns inte i avsnitt E"):
        demo_inspection(without_criterion(criteria, "E.11"))


def test_a_set_lacking_an_action_plan_criterion_is_refused(
    criteria: CriteriaSet, demo_data: dict[str, Any]
) -> None:
    del demo_data["sections"][7]["criteria"]["H.9"]
    with pytest.raises(DemoDataError, match=r"action_plan, post 6: kriterium H\.9"):
        inspection_from_data(demo_data, without_criterion(criteria, "H.9"), "demo.yaml")


def test_a_set_lacking_a_demo_section_is_refused(criteria: CriteriaSet) -> None:
    with pytest.raises(DemoDataError, match="avsnitt G finns inte i SPUR-granskning"):
        demo_inspection(without_section(criteria, "G"))


def test_a_criterion_filed_under_the_wrong_section_is_refused(
    criteria: CriteriaSet, demo_data: dict[str, Any]
) -> None:
    demo_data["sections"][0]["criteria"]["B.1"] = "uppfyllt"
    with pytest.raises(DemoDataError, match=r"avsnitt A, kriterium B\.1: kriterium B\.1 finns"):
        inspection_from_data(demo_data, criteria, "demo.yaml")


def test_a_criteria_set_with_another_id_is_refused(criteria: CriteriaSet) -> None:
    other = dataclasses.replace(criteria, id="bt-spur")
    with pytest.raises(DemoDataError, match="skriven för kriteriesamlingen 'st-spur'"):
        demo_inspection(other)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d["sections"][0].update(grade="C"), r"avsnitt A: graderingen 'C' .*\(A, B, D\)"),
        (
            lambda d: d["sections"][3]["criteria"].update({"D.2": "nästan"}),
            r"kriterium D\.2, status: okänt värde 'nästan'",
        ),
        (lambda d: d.update(status="klar"), r"status: okänt värde 'klar'"),
        (lambda d: d.pop("status"), r"status: värdet saknas\. Tillåtna: utkast"),
        (lambda d: d["summary"].update(svaghet="x"), r"svaghet: väntade en lista med punkter"),
        (lambda d: d.update(visit_start="13/11 2024"), r"visit_start: '13/11 2024' är inget datum"),
        (lambda d: d.pop("unit"), r"fältet 'unit' saknas"),
        (lambda d: d["participants"][0].update(count=-1), r"participants, post 1, count"),
        (lambda d: d["summary"].update(styrkor=["x"]), r"okänd rubrik styrkor"),
        (lambda d: d["action_plan"][0].update(section="X"), r"avsnitt X finns inte"),
        (
            lambda d: d["sections"].append({"id": "A"}),
            r"avsnitt A: avsnittet förekommer två gånger",
        ),
    ],
)
def test_malformed_demo_data_gives_a_clear_message(
    criteria: CriteriaSet, demo_data: dict[str, Any], spoil: Any, message: str
) -> None:
    spoil(demo_data)
    with pytest.raises(DemoDataError, match=message):
        inspection_from_data(demo_data, criteria, "demo.yaml")


def test_a_yaml_syntax_error_names_the_line(criteria: CriteriaSet, tmp_path: Path) -> None:
    broken = tmp_path / "demo.yaml"
    broken.write_text("criteria_set: st-spur\nunit: [Röntgen\nsite: x\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"demo\.yaml, rad \d+: filen är inte giltig YAML"):
        load_demo(broken, criteria)


def test_a_missing_file_gives_a_clear_message(criteria: CriteriaSet, tmp_path: Path) -> None:
    with pytest.raises(DemoDataError, match="Demoinspektionen kunde inte läsas"):
        load_demo(tmp_path / "missing.yaml", criteria)


def test_the_action_plan_covers_every_deficiency_requiring_action(demo: Inspection) -> None:
    """The handlingsplan answers each föreskrift not met in a section graded D: the six the seed's
    plan names, and the five its findings criticise (D.6, E.5, G.2, H.2, H.5), each answered by
    the row whose planned action addresses it. Its six rows are the seed's."""
    from spurdesk.model.grading import inspection_deficiencies

    required = {d.criterion_id for d in inspection_deficiencies(demo) if d.action_required}
    answered = {c for item in demo.action_items for c in item.criteria_answered}
    assert required == answered
    assert required == {"D.1", "D.6", "E.4", "E.5", "F.1", "G.1", "G.2", "H.2", "H.5", "H.7", "H.9"}
    assert [(i.criterion_id, i.further_criteria) for i in demo.action_items] == [
        ("D.1", ("D.6",)),
        ("E.4", ("E.5",)),
        ("F.1", ()),
        ("G.1", ("G.2",)),
        ("H.7", ()),
        ("H.9", ("H.2", "H.5")),
    ]


def test_no_criterion_the_findings_criticise_is_marked_met(demo: Inspection) -> None:
    """Issue 13, point 7: the five criteria whose shortcomings the findings describe."""
    from spurdesk.model.inspection import CriterionStatus

    for criterion_id in ("D.6", "E.5", "G.2", "H.2", "H.5"):
        assessment = demo.section(criterion_id[0]).criterion(criterion_id)
        assert assessment.status is not CriterionStatus.MET, criterion_id
        assert assessment.note, criterion_id
