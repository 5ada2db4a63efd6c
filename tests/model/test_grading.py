"""The grading rules: suggestions from criterion statuses, grade checks, revisions, deficiencies.

Examples use small hand-built sections so each rule is visible; hypothesis then checks the
properties the issue names on generated sections and statuses.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria import (
    Area,
    AreaKind,
    CriteriaSet,
    Criterion,
    CriterionKind,
    Grade,
    ScaleStep,
    Section,
)
from spurdesk.model.grading import (
    Deficiency,
    GradeSuggestion,
    GradingError,
    GroupsMet,
    clamp_to_scale,
    inspection_deficiencies,
    section_deficiencies,
    suggest_grade,
    validate_grade_choice,
)
from spurdesk.model.inspection import (
    CriterionAssessment,
    CriterionStatus,
    Inspection,
    SectionAssessment,
)
from spurdesk.report.reasons import reason_text

F, R, K = CriterionKind.FORESKRIFT, CriterionKind.ALLMANT_RAD, CriterionKind.KVALITETSINDIKATOR
MET, PARTLY, NOT_MET, UNASSESSED = (
    CriterionStatus.MET,
    CriterionStatus.PARTLY_MET,
    CriterionStatus.NOT_MET,
    CriterionStatus.NOT_ASSESSED,
)


def make_section(
    kinds: str,
    *,
    section_id: str = "S",
    grades: str | None = None,
    allowed_exceptions: int = 1,
) -> Section:
    """A section whose criteria S.1, S.2 … have the kinds given as letters F, R, K; the scale is
    A–D when there are allmänna råd, else A, B, D, unless `grades` says otherwise."""
    letter_kind = {"F": F, "R": R, "K": K}
    criteria = tuple(
        Criterion(f"{section_id}.{n}", letter_kind[letter], f"Kriterium {n}.", n)
        for n, letter in enumerate(kinds, start=1)
    )
    if grades is None:
        grades = "ABCD" if "R" in kinds else "ABD"
    return Section(
        id=section_id,
        title="Provavsnitt",
        area=AreaKind.PROCESS,
        preamble="",
        criteria=criteria,
        scale=tuple(ScaleStep(Grade(g), f"Text för {g}.") for g in grades),
        allowed_exceptions=allowed_exceptions,
    )


def statuses_of(section: Section, *values: CriterionStatus) -> dict[str, CriterionStatus]:
    return {c.id: status for c, status in zip(section.criteria, values, strict=True)}


def all_met(section: Section, **changes: CriterionStatus) -> dict[str, CriterionStatus]:
    """Every criterion met, except those given as S_2=NOT_MET (criterion id with _ for .)."""
    statuses = {c.id: MET for c in section.criteria}
    statuses.update({key.replace("_", "."): value for key, value in changes.items()})
    return statuses


def said(suggestion: GradeSuggestion) -> tuple[str, ...]:
    """The suggestion's reasons (data) as the report prints them in Swedish."""
    return tuple(reason_text(reason) for reason in suggestion.reasons)


SECTION = make_section("FFRRKKK")  # S.1–2 föreskrifter, S.3–4 allmänna råd, S.5–7 indicators


# -- the four rules --------------------------------------------------------------------------------


def test_everything_met_gives_a() -> None:
    suggestion = suggest_grade(SECTION, all_met(SECTION))
    assert suggestion == GradeSuggestion(
        grade=Grade.A,
        complete=True,
        unassessed=(),
        reasons=(GroupsMet((F, R), all_assessed=True), GroupsMet((K,), all_assessed=True)),
        provisional=False,
    )
    assert said(suggestion) == (
        "Föreskrifterna och de allmänna råden är uppfyllda.",
        "Kvalitetsindikatorerna är uppfyllda.",
    )


def test_an_unmet_foreskrift_gives_d_and_names_it() -> None:
    suggestion = suggest_grade(SECTION, all_met(SECTION, S_2=NOT_MET, S_3=NOT_MET, S_5=NOT_MET))
    assert suggestion.grade == Grade.D
    assert said(suggestion) == ("Föreskrift S.2 är inte uppfylld.",)


def test_a_partly_met_foreskrift_gives_d() -> None:
    suggestion = suggest_grade(SECTION, all_met(SECTION, S_1=PARTLY))
    assert suggestion.grade == Grade.D
    assert said(suggestion) == ("Föreskrift S.1 är delvis uppfylld.",)


def test_an_unmet_allmant_rad_gives_c() -> None:
    suggestion = suggest_grade(SECTION, all_met(SECTION, S_4=PARTLY, S_3=NOT_MET))
    assert suggestion.grade == Grade.C
    assert said(suggestion) == (
        "Föreskrifterna är uppfyllda.",
        "Allmänt råd S.3 är inte uppfyllt.",
        "Allmänt råd S.4 är delvis uppfyllt.",
    )


def test_indicators_within_the_allowed_exceptions_still_give_a() -> None:
    suggestion = suggest_grade(SECTION, all_met(SECTION, S_6=PARTLY))
    assert suggestion.grade == Grade.A
    assert said(suggestion)[-1] == (
        "Kvalitetsindikator S.6 är delvis uppfylld; för A medges högst 1 undantag."
    )


def test_indicators_beyond_the_allowed_exceptions_give_b_partly_counting_as_unmet() -> None:
    suggestion = suggest_grade(SECTION, all_met(SECTION, S_5=NOT_MET, S_7=PARTLY))
    assert suggestion.grade == Grade.B
    assert said(suggestion) == (
        "Föreskrifterna och de allmänna råden är uppfyllda.",
        "Kvalitetsindikatorerna S.5, S.7 är inte eller bara delvis uppfyllda; "
        "för A medges högst 1 undantag.",
    )


@pytest.mark.parametrize(("allowed", "expected"), [(0, Grade.B), (1, Grade.B), (2, Grade.A)])
def test_allowed_exceptions_is_a_parameter_of_the_section(allowed: int, expected: Grade) -> None:
    section = make_section("FRKKK", allowed_exceptions=allowed)
    statuses = all_met(section, S_3=NOT_MET, S_4=NOT_MET)
    assert suggest_grade(section, statuses).grade == expected


def test_no_exceptions_allowed_is_said_so() -> None:
    section = make_section("FRK", allowed_exceptions=0)
    suggestion = suggest_grade(section, all_met(section, S_3=NOT_MET))
    assert suggestion.grade == Grade.B
    assert said(suggestion)[-1].endswith("för A medges inga undantag.")


# -- three-step sections and custom scales ---------------------------------------------------------


def test_three_step_section_maps_onto_a_b_d() -> None:
    section = make_section("FFKK")
    assert section.grades == (Grade.A, Grade.B, Grade.D)
    assert suggest_grade(section, all_met(section)).grade == Grade.A
    assert suggest_grade(section, all_met(section, S_3=NOT_MET, S_4=PARTLY)).grade == Grade.B
    assert suggest_grade(section, all_met(section, S_2=PARTLY)).grade == Grade.D
    assert said(suggest_grade(section, all_met(section)))[0] == "Föreskrifterna är uppfyllda."


def test_custom_scale_without_the_reached_step_clamps_to_the_nearest_worse_step() -> None:
    no_c = make_section("FRK", grades="ABD")
    suggestion = suggest_grade(no_c, all_met(no_c, S_2=NOT_MET))
    assert suggestion.grade == Grade.D
    assert said(suggestion)[-1] == "Skalan för avsnitt S saknar C; närmaste sämre steg är D."
    no_b = make_section("FRKK", grades="ACD", allowed_exceptions=0)
    assert suggest_grade(no_b, all_met(no_b, S_3=NOT_MET)).grade == Grade.C


def test_clamp_without_a_worse_step_takes_the_worst_step() -> None:
    assert clamp_to_scale(make_section("FR", grades="ABC"), Grade.D) == Grade.C
    assert clamp_to_scale(make_section("FR", grades="BD"), Grade.A) == Grade.B


# -- criteria not yet assessed ---------------------------------------------------------------------


def test_nothing_assessed_gives_no_grade() -> None:
    suggestion = suggest_grade(SECTION, {})
    assert suggestion.grade is None
    assert not suggestion.complete
    assert suggestion.unassessed == tuple(c.id for c in SECTION.criteria)
    assert said(suggestion) == ("Inget kriterium är bedömt ännu.",)


def test_an_unmet_foreskrift_makes_d_certain_despite_unassessed_criteria() -> None:
    suggestion = suggest_grade(SECTION, {"S.1": NOT_MET, "S.5": MET})
    assert suggestion.grade == Grade.D
    assert not suggestion.complete and not suggestion.provisional
    assert suggestion.unassessed == ("S.2", "S.3", "S.4", "S.6", "S.7")
    assert said(suggestion)[-1] == (
        "Kriterierna S.2, S.3, S.4, S.6, S.7 är inte bedömda men kan inte ändra förslaget."
    )


def test_open_outcome_is_provisional_best_case_and_says_so() -> None:
    statuses = all_met(SECTION, S_6=UNASSESSED)
    statuses["S.5"] = NOT_MET
    suggestion = suggest_grade(SECTION, statuses)
    assert suggestion.grade == Grade.A
    assert suggestion.provisional and not suggestion.complete
    assert suggestion.unassessed == ("S.6",)
    assert said(suggestion)[-1] == (
        "Preliminärt: Kriterium S.6 är inte bedömt; förslaget förutsätter att det är uppfyllt "
        "och kan bli sämre."
    )


def test_partial_assessment_speaks_of_the_assessed_criteria() -> None:
    suggestion = suggest_grade(SECTION, {"S.1": MET, "S.3": NOT_MET})
    assert suggestion.grade == Grade.C
    assert said(suggestion)[:2] == (
        "De bedömda föreskrifterna är uppfyllda.",
        "Allmänt råd S.3 är inte uppfyllt.",
    )


def test_groups_with_nothing_assessed_are_not_called_met() -> None:
    suggestion = suggest_grade(SECTION, {"S.6": MET})
    assert said(suggestion)[0] == "De bedömda kvalitetsindikatorerna är uppfyllda."
    assert len(said(suggestion)) == 2 and said(suggestion)[1].startswith("Preliminärt:")


def test_explicit_not_assessed_equals_absent() -> None:
    explicit = dict.fromkeys((c.id for c in SECTION.criteria), UNASSESSED) | {"S.1": MET}
    assert suggest_grade(SECTION, explicit) == suggest_grade(SECTION, {"S.1": MET})


# -- hypothesis properties -------------------------------------------------------------------------

KIND_LETTERS = st.sampled_from("FRK")
STATUS = st.sampled_from(list(CriterionStatus))


@st.composite
def sections(draw: st.DrawFn, *, custom_scale: bool = False) -> Section:
    kinds = "".join(draw(st.lists(KIND_LETTERS, min_size=1, max_size=9)))
    grades = None
    if custom_scale:
        subset = draw(st.sets(st.sampled_from("ABCD"), min_size=1))
        grades = "".join(sorted(subset))
    return make_section(
        kinds, grades=grades, allowed_exceptions=draw(st.integers(min_value=0, max_value=3))
    )


@st.composite
def graded(
    draw: st.DrawFn, *, custom_scale: bool = False
) -> tuple[Section, dict[str, CriterionStatus]]:
    section = draw(sections(custom_scale=custom_scale))
    statuses = {c.id: draw(STATUS) for c in section.criteria}
    return section, statuses


@given(graded(), st.data())
def test_an_unmet_foreskrift_never_yields_better_than_d(
    case: tuple[Section, dict[str, CriterionStatus]], data: st.DataObject
) -> None:
    section, statuses = case
    foreskrifter = section.criteria_of_kind(F)
    if not foreskrifter:
        return
    chosen = data.draw(st.sampled_from(foreskrifter))
    statuses[chosen.id] = data.draw(st.sampled_from([NOT_MET, PARTLY]))
    assert suggest_grade(section, statuses).grade == Grade.D


@given(graded(custom_scale=True), st.data())
def test_meeting_an_unmet_criterion_never_lowers_the_suggestion(
    case: tuple[Section, dict[str, CriterionStatus]], data: st.DataObject
) -> None:
    section, statuses = case
    unmet = [cid for cid, status in statuses.items() if status in (NOT_MET, PARTLY)]
    if not unmet:
        return
    before = suggest_grade(section, statuses).grade
    assert before is not None
    statuses[data.draw(st.sampled_from(unmet))] = MET
    after = suggest_grade(section, statuses).grade
    assert after is not None and after.rank <= before.rank


@given(graded(custom_scale=True))
def test_the_suggestion_is_always_a_grade_of_the_sections_scale(
    case: tuple[Section, dict[str, CriterionStatus]],
) -> None:
    section, statuses = case
    suggestion = suggest_grade(section, statuses)
    assessed = any(s != UNASSESSED for s in statuses.values())
    assert (suggestion.grade is None) == (not assessed)
    assert suggestion.grade is None or suggestion.grade in section.grades


@given(graded(), st.data())
def test_a_certain_incomplete_suggestion_holds_whatever_the_rest_turn_out(
    case: tuple[Section, dict[str, CriterionStatus]], data: st.DataObject
) -> None:
    section, statuses = case
    suggestion = suggest_grade(section, statuses)
    assert suggestion.complete == (not suggestion.unassessed)
    if suggestion.grade is None:
        return
    filled = dict(statuses)
    for cid in suggestion.unassessed:
        filled[cid] = data.draw(st.sampled_from([MET, PARTLY, NOT_MET]))
    final = suggest_grade(section, filled).grade
    best_case = suggest_grade(section, {**statuses, **dict.fromkeys(suggestion.unassessed, MET)})
    assert best_case.grade == suggestion.grade
    if not suggestion.provisional:
        assert final == suggestion.grade
    else:
        assert final is not None and final.rank >= suggestion.grade.rank


# -- the grade the inspectors choose ---------------------------------------------------------------


def suggestion_of(grade: Grade | None) -> GradeSuggestion:
    return GradeSuggestion(grade=grade, complete=True, unassessed=(), reasons=())


def test_a_grade_off_the_scale_is_refused_naming_section_and_grades() -> None:
    three_step = make_section("FK", section_id="C")
    with pytest.raises(GradingError) as caught:
        validate_grade_choice(three_step, Grade.C, suggestion_of(Grade.B), "Motiverat.")
    assert str(caught.value) == "Avsnitt C. Provavsnitt har ingen gradering C; välj A, B eller D."


def test_a_letter_that_is_no_grade_at_all_is_refused_too() -> None:
    with pytest.raises(GradingError, match="har ingen gradering E; välj A, B, C eller D"):
        validate_grade_choice(SECTION, "E", suggestion_of(Grade.B), "")  # type: ignore[arg-type]


def test_a_grade_differing_from_the_suggestion_needs_a_justification() -> None:
    with pytest.raises(GradingError) as caught:
        validate_grade_choice(SECTION, Grade.C, suggestion_of(Grade.D), "  \n ")
    assert str(caught.value) == (
        "Avsnitt S. Provavsnitt: graderingen C avviker från den föreslagna D. "
        "Skriv en motivering till varför."
    )
    validate_grade_choice(SECTION, Grade.C, suggestion_of(Grade.D), "Brister åtgärdade på plats.")


def test_the_suggested_grade_and_no_grade_need_no_justification() -> None:
    validate_grade_choice(SECTION, Grade.D, suggestion_of(Grade.D), "")
    validate_grade_choice(SECTION, None, suggestion_of(Grade.D), "")
    validate_grade_choice(SECTION, Grade.B, suggestion_of(None), "")


def test_grading_error_is_a_spurdesk_error() -> None:
    assert issubclass(GradingError, SpurdeskError)


# -- deficiencies ----------------------------------------------------------------------------------

MIXED = make_section("KRFKF", section_id="M")  # kinds interleaved to show the ordering


def assessment(
    section: Section, grade: Grade | None, statuses: Mapping[str, CriterionStatus], **extra: object
) -> SectionAssessment:
    return SectionAssessment(
        section_id=section.id,
        grade=grade,
        criteria=tuple(CriterionAssessment(cid, status) for cid, status in statuses.items()),
        **extra,  # type: ignore[arg-type]
    )


def test_d_section_lists_unmet_criteria_foreskrifter_first_and_requires_their_action() -> None:
    statuses = statuses_of(MIXED, NOT_MET, PARTLY, NOT_MET, MET, PARTLY)
    found = section_deficiencies(MIXED, assessment(MIXED, Grade.D, statuses))
    assert found == (
        Deficiency("M", "M.3", F, NOT_MET, True),
        Deficiency("M", "M.5", F, PARTLY, True),
        Deficiency("M", "M.2", R, PARTLY, False),
        Deficiency("M", "M.1", K, NOT_MET, False),
    )
    assert [d.consequence for d in found] == ["Åtgärder krävs"] * 2 + ["Åtgärder rekommenderas"] * 2


def test_c_section_deficiencies_are_recommendations() -> None:
    statuses = statuses_of(MIXED, MET, NOT_MET, MET, UNASSESSED, MET)
    (only,) = section_deficiencies(MIXED, assessment(MIXED, Grade.C, statuses))
    assert only == Deficiency("M", "M.2", R, NOT_MET, False)
    assert only.consequence == "Åtgärder rekommenderas"


@pytest.mark.parametrize("grade", [Grade.A, Grade.B, None])
def test_sections_graded_a_b_or_ungraded_have_no_deficiencies(grade: Grade | None) -> None:
    statuses = statuses_of(MIXED, NOT_MET, NOT_MET, NOT_MET, NOT_MET, NOT_MET)
    assert section_deficiencies(MIXED, assessment(MIXED, grade, statuses)) == ()


def test_deficiencies_follow_the_visit_grade_not_the_revision() -> None:
    statuses = statuses_of(MIXED, MET, MET, NOT_MET, MET, MET)
    revised = assessment(MIXED, Grade.D, statuses, revised_grade=Grade.C, revision_reason="Plan.")
    (only,) = section_deficiencies(MIXED, revised)
    assert only.action_required


def test_assessment_of_another_section_is_refused() -> None:
    with pytest.raises(GradingError):
        section_deficiencies(MIXED, SectionAssessment(section_id="Z", grade=Grade.D))


def test_inspection_deficiencies_run_in_section_order() -> None:
    first, second = make_section("FR", section_id="P"), make_section("FK", section_id="Q")
    criteria = CriteriaSet(
        id="t",
        title="T",
        version=1,
        regulation=(),
        language="sv",
        areas=(Area(AreaKind.PROCESS, "Process", (first, second)),),
    )
    inspection = Inspection(
        id=1,
        unit="Enhet",
        site="",
        care_provider="Region",
        specialty="Radiologi",
        criteria=criteria,
        sections=(
            assessment(second, Grade.D, {"Q.1": NOT_MET}),
            assessment(first, Grade.C, {"P.2": PARTLY}),
        ),
    )
    found = inspection_deficiencies(inspection)
    assert [(d.criterion_id, d.consequence) for d in found] == [
        ("P.2", "Åtgärder rekommenderas"),
        ("Q.1", "Åtgärder krävs"),
    ]
