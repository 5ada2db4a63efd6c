"""The shipped ST-SPUR set against the real report it was transcribed from.

The seed report (../shared/seeds, a PDF-to-text dump) is the reference: scale texts and criteria
texts must appear in it word for word once its line breaks are mended, and every criterion its
HANDLINGSPLAN names must be a föreskrift (each belongs to a section graded D at the visit). The seed
is not copied into the repository (it names real people); where it is absent those checks skip.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from spurdesk.model.criteria import AreaKind, CriteriaSet, CriterionKind, Grade
from spurdesk.model.criteria_loader import load_criteria_file
from spurdesk.resources import resource_path

SEED_NAME = "000_7839c389ef01c89d.txt"


def _seed_path() -> Path:
    folder = os.environ.get("SPURDESK_SEED_DIR")
    base = Path(folder) if folder else Path(__file__).resolve().parents[3] / "shared" / "seeds"
    return base / SEED_NAME


def normalise(text: str) -> str:
    """Mend the dump's line breaks: a hyphen ending a line joins ("ST-\\nläkarna"), others are
    spaces; runs of white space become one space."""
    text = re.sub(r"-[ \t]*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def st_spur() -> CriteriaSet:
    return load_criteria_file(resource_path("criteria", "st-spur.yaml"))


@pytest.fixture(scope="module")
def seed() -> str:
    path = _seed_path()
    if not path.is_file():
        pytest.skip(f"the seed report is not here ({path}); set SPURDESK_SEED_DIR")
    return normalise(path.read_text(encoding="utf-8"))


def test_set_metadata(st_spur: CriteriaSet) -> None:
    assert (st_spur.id, st_spur.version, st_spur.language) == ("st-spur", 2, "sv")
    assert st_spur.regulation == ("HSLF-FS 2021:8", "SOSFS 2015:8")


def test_areas_and_sections_a_to_h(st_spur: CriteriaSet) -> None:
    layout = {area.kind: [s.id for s in area.sections] for area in st_spur.areas}
    assert layout == {
        AreaKind.STRUCTURE: ["A", "B", "C"],
        AreaKind.PROCESS: ["D", "E", "F", "G", "H"],
        AreaKind.OUTCOME: [],
    }
    titles = [s.label for s in st_spur.sections]
    assert titles == [
        "A. Verksamheten",
        "B. Medarbetarstab och interna kompetenser",
        "C. Lokaler och utrustning",
        "D. Tjänstgöringens upplägg",
        "E. Handledning och kompetensbedömning",
        "F. Teoretisk utbildning",
        "G. Medicinsk vetenskap och systematiskt kvalitets- och patientsäkerhetsarbete",
        "H. Ledarskapskompetens och kommunikativ kompetens",
    ]


def test_74_criteria_each_classed_and_numbered_in_order(st_spur: CriteriaSet) -> None:
    counts = {s.id: len(s.criteria) for s in st_spur.sections}
    assert counts == {"A": 4, "B": 10, "C": 4, "D": 13, "E": 14, "F": 6, "G": 10, "H": 13}
    assert len(st_spur.criteria) == 74
    for section in st_spur.sections:
        assert [c.id for c in section.criteria] == [
            f"{section.id}.{n}" for n in range(1, len(section.criteria) + 1)
        ]
        assert [c.order for c in section.criteria] == list(range(1, len(section.criteria) + 1))
        assert all(isinstance(c.kind, CriterionKind) for c in section.criteria)
        assert section.has_kind(CriterionKind.FORESKRIFT), section.id


def test_criteria_stand_in_group_order_as_in_the_report_boxes(st_spur: CriteriaSet) -> None:
    """The boxes list Föreskrift, then Allmänna råd, then Kvalitetsindikator(er)."""
    rank = {CriterionKind.FORESKRIFT: 0, CriterionKind.ALLMANT_RAD: 1}
    for section in st_spur.sections:
        ranks = [rank.get(c.kind, 2) for c in section.criteria]
        assert ranks == sorted(ranks), section.id


def test_three_step_sections_are_those_without_allmanna_rad(st_spur: CriteriaSet) -> None:
    three_step = {s.id for s in st_spur.sections if s.grades == (Grade.A, Grade.B, Grade.D)}
    assert three_step == {"A", "C"}
    assert {s.id for s in st_spur.sections if not s.has_kind(CriterionKind.ALLMANT_RAD)} == {
        "A",
        "C",
    }


def source_text(text: str, note: str) -> str:
    """What the report prints: the text itself, or for a correction the text its note quotes
    ("Correction: the report prints "…" …")."""
    if not note.startswith("Correction:"):
        return text
    quoted = re.search(r'prints "(.+?)"', normalise(note))
    assert quoted, note
    return quoted[1]


def test_scales_are_the_report_texts(st_spur: CriteriaSet, seed: str) -> None:
    """Each section's whole scale, "A. … B. … D. …", stands in the report as one run of text,
    a corrected step as its note quotes the report."""
    for section in st_spur.sections:
        steps = []
        for step in section.scale:
            printed = source_text(step.text, step.note)
            steps.append(printed if printed != step.text else f"{step.grade.value}. {step.text}")
        assert " ".join(steps) in seed, section.id


def test_criteria_texts_are_word_for_word(st_spur: CriteriaSet, seed: str) -> None:
    missing = [c.id for c in st_spur.criteria if source_text(c.text, c.note) not in seed]
    assert missing == []


def test_the_two_corrections_are_marked_and_nothing_else_differs(st_spur: CriteriaSet) -> None:
    """The report's slips: C's step B lacks "följs"; E.6 carries a remark on its group."""
    corrected = [c.id for c in st_spur.criteria if c.note.startswith("Correction:")]
    corrected += [
        f"{s.id}/{step.grade.value}"
        for s in st_spur.sections
        for step in s.scale
        if step.note.startswith("Correction:")
    ]
    assert corrected == ["E.6", "C/B"]
    assert st_spur.section("C").scale_text(Grade.B) == "Socialstyrelsens föreskrifter följs."
    assert st_spur.section("A").scale_text(Grade.B) == "Socialstyrelsens föreskrifter följs."
    assert st_spur.criterion("E.6").text.endswith("bedömningen dokumenteras.")
    assert st_spur.section("E").group_note(CriterionKind.FORESKRIFT) == (
        "(För ST enligt 2015:8 är verksamhetschef ansvarig enligt ovan)"
    )


def test_group_headings_are_the_report_words(st_spur: CriteriaSet) -> None:
    """Not the count: B, D and E print "Kvalitetsindikator" over several, H "…indikatorer" over
    one."""
    words = {s.id: s.group_heading(CriterionKind.KVALITETSINDIKATOR) for s in st_spur.sections}
    assert words == dict.fromkeys("ABCDEF", "Kvalitetsindikator") | dict.fromkeys(
        "GH", "Kvalitetsindikatorer"
    )
    assert len(st_spur.section("H").criteria_of_kind(CriterionKind.KVALITETSINDIKATOR)) == 1


def test_the_shipped_revision_rule_is_the_default_rule(st_spur: CriteriaSet) -> None:
    """Snapshots made before sets carried a rule get the default: the same rule."""
    from spurdesk.model.criteria import DEFAULT_REVISION_RULE

    assert st_spur.revision_rule == DEFAULT_REVISION_RULE


def test_preambles_are_the_report_texts(st_spur: CriteriaSet, seed: str) -> None:
    for section in st_spur.sections:
        assert section.preamble in seed, section.id
        assert not section.preamble or section.preamble.endswith("innebär att:")


def _action_plan_rows(st_spur: CriteriaSet, seed: str) -> list[tuple[str, str]]:
    """(section id, criterion text) for each row of the seed's HANDLINGSPLAN."""
    plan = seed[seed.index("HANDLINGSPLAN") :]
    labels = "|".join(re.escape(s.label) for s in st_spur.sections)
    pattern = re.compile(rf"({labels}) (.+?) Planerad åtgärd")
    by_label = {s.label: s.id for s in st_spur.sections}
    return [(by_label[m[1]], m[2]) for m in pattern.finditer(plan)]


def test_every_action_plan_criterion_is_a_foreskrift(st_spur: CriteriaSet, seed: str) -> None:
    rows = _action_plan_rows(st_spur, seed)
    found = []
    for section_id, text in rows:
        matches = [c for c in st_spur.section(section_id).criteria if c.text == text]
        assert len(matches) == 1, f"no criterion of section {section_id} reads {text!r}"
        found.append((matches[0].id, matches[0].kind))
    assert found == [
        ("D.1", CriterionKind.FORESKRIFT),
        ("E.4", CriterionKind.FORESKRIFT),
        ("F.1", CriterionKind.FORESKRIFT),
        ("G.1", CriterionKind.FORESKRIFT),
        ("H.7", CriterionKind.FORESKRIFT),
        ("H.9", CriterionKind.FORESKRIFT),
    ]
