"""The SPUR grading rules as pure functions: suggested grade, grade checks, deficiencies.

How a suggestion is reached (the scale texts, read as rules). "Unmet" means ej uppfyllt or delvis
uppfyllt: a partly met criterion is not met.

- D: a föreskrift is unmet ("Brister … följsamheten till Socialstyrelsens föreskrifter").
- C: every föreskrift met, an allmänt råd unmet ("Allmänna råd följs i väsentliga delar men brister
  förekommer").
- B: föreskrifter and allmänna råd met, but more quality indicators unmet than the section's
  `allowed_exceptions`.
- A: föreskrifter and allmänna råd met, at most `allowed_exceptions` indicators unmet ("enstaka
  undantag kan förekomma").

Three-step sections (A, B, D) have no allmänna råd, so the C rule can never fire and the same logic
yields A, B or D unchanged. Should a section's scale lack the step the rules reach (a custom scale),
the suggestion is clamped to the nearest *worse* step the scale has — never flattering the unit —
and, if the scale has no worse step, to its worst step. The suggestion is therefore always a grade
of the section's own scale.

Not assessed criteria: the grade is computed twice, with every unassessed criterion assumed met
(the best still possible) and assumed unmet (the worst). If both agree, the assessed criteria
already decide the grade (e.g. an unmet föreskrift makes D certain). If not, the best case is
returned, marked `provisional`, and the reasons say so. The grade is None only while nothing is
assessed. Always returning the best case keeps the suggestion monotone: marking a criterion met
never lowers it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria import (
    KIND_ORDER,
    Criterion,
    CriterionKind,
    Grade,
    Section,
)
from spurdesk.model.inspection import CriterionStatus, Inspection, SectionAssessment

UNMET = frozenset({CriterionStatus.NOT_MET, CriterionStatus.PARTLY_MET})

#: Grades after a visit that make a section's unmet criteria deficiencies.
DEFICIENT_GRADES = frozenset({Grade.C, Grade.D})


class GradingError(SpurdeskError):
    """A grade, or a revision of one, that the section's scale or the rules refuse."""


@dataclass(frozen=True)
class GradeSuggestion:
    """What the criteria statuses say the section's grade should be, and why."""

    grade: Grade | None  # None only while nothing decides it yet
    complete: bool  # every criterion of the section assessed
    unassessed: tuple[str, ...]  # ids of criteria not yet assessed
    reasons: tuple[str, ...]  # Swedish, e.g. "Föreskrift D.1 är inte uppfylld."
    # True when unassessed criteria could still make the grade worse: `grade` is the best case.
    provisional: bool = False


def _status(statuses: Mapping[str, CriterionStatus], criterion: Criterion) -> CriterionStatus:
    return statuses.get(criterion.id, CriterionStatus.NOT_ASSESSED)


def _allowed_grades_text(section: Section) -> str:
    grades = [grade.value for grade in section.grades]
    return grades[0] if len(grades) == 1 else f"{', '.join(grades[:-1])} eller {grades[-1]}"


def _ideal_grade(section: Section, unmet: frozenset[str]) -> Grade:
    """The rules' grade on the full A–D scale when exactly the criteria `unmet` are unmet."""
    unmet_of = {
        kind: [c for c in section.criteria_of_kind(kind) if c.id in unmet] for kind in KIND_ORDER
    }
    if unmet_of[CriterionKind.FORESKRIFT]:
        return Grade.D
    if unmet_of[CriterionKind.ALLMANT_RAD]:
        return Grade.C
    if len(unmet_of[CriterionKind.KVALITETSINDIKATOR]) > section.allowed_exceptions:
        return Grade.B
    return Grade.A


def clamp_to_scale(section: Section, grade: Grade) -> Grade:
    """`grade` if the scale has it, else the nearest worse step, else the scale's worst step."""
    if grade in section.grades or not section.grades:
        return grade
    worse = [g for g in section.grades if g.rank > grade.rank]
    return min(worse, key=lambda g: g.rank) if worse else max(section.grades, key=lambda g: g.rank)


def _ids(criteria: Sequence[Criterion]) -> str:
    return ", ".join(c.id for c in criteria)


def _not_assessed(ids: Sequence[str]) -> tuple[str, str]:
    """ "Kriterium E.2 är inte bedömt" and the clause "det är uppfyllt", agreeing in number."""
    if len(ids) == 1:
        return f"Kriterium {ids[0]} är inte bedömt", "det är uppfyllt"
    return f"Kriterierna {', '.join(ids)} är inte bedömda", "de är uppfyllda"


def _unmet_sentence(criterion: Criterion, status: CriterionStatus) -> str:
    """ "Föreskrift D.1 är inte uppfylld." — Swedish agreement: ett allmänt råd … uppfyllt."""
    neuter = criterion.kind == CriterionKind.ALLMANT_RAD
    met = "uppfyllt" if neuter else "uppfylld"
    label = {
        CriterionKind.FORESKRIFT: "Föreskrift",
        CriterionKind.ALLMANT_RAD: "Allmänt råd",
        CriterionKind.KVALITETSINDIKATOR: "Kvalitetsindikator",
    }[criterion.kind]
    degree = "delvis" if status == CriterionStatus.PARTLY_MET else "inte"
    return f"{label} {criterion.id} är {degree} {met}."


_GROUP_NAMES = {
    CriterionKind.FORESKRIFT: "föreskrifterna",
    CriterionKind.ALLMANT_RAD: "allmänna råden",
    CriterionKind.KVALITETSINDIKATOR: "kvalitetsindikatorerna",
}


def _met_sentence(
    section: Section, kinds: Sequence[CriterionKind], unassessed: frozenset[str]
) -> str:
    """ "Föreskrifterna och de allmänna råden är uppfyllda." — only for kinds with an assessed
    criterion, and "De bedömda …" while some of them are still open."""
    groups = [
        kind
        for kind in kinds
        if any(c.id not in unassessed for c in section.criteria_of_kind(kind))
    ]
    if not groups:
        return ""
    names = [_GROUP_NAMES[kind] for kind in groups]
    if any(c.id in unassessed for kind in groups for c in section.criteria_of_kind(kind)):
        return f"De bedömda {' och '.join(names)} är uppfyllda."
    return f"{' och de '.join(names).capitalize()} är uppfyllda."


def _indicator_sentence(
    section: Section, unmet: Sequence[Criterion], statuses: Mapping[str, CriterionStatus]
) -> str:
    allowed = section.allowed_exceptions
    rule = f"för A medges högst {allowed} undantag." if allowed else "för A medges inga undantag."
    if len(unmet) == 1:
        return f"{_unmet_sentence(unmet[0], statuses[unmet[0].id])[:-1]}; {rule}"
    partly = {statuses[c.id] == CriterionStatus.PARTLY_MET for c in unmet}
    degree = {frozenset({True}): "delvis", frozenset({False}): "inte"}.get(
        frozenset(partly), "inte eller bara delvis"
    )
    return f"Kvalitetsindikatorerna {_ids(unmet)} är {degree} uppfyllda; {rule}"


def _deciding_reasons(
    section: Section, statuses: Mapping[str, CriterionStatus], unassessed: frozenset[str]
) -> list[str]:
    """Short Swedish sentences naming the assessed criteria that decide the suggestion."""
    unmet = {
        kind: [c for c in section.criteria_of_kind(kind) if _status(statuses, c) in UNMET]
        for kind in KIND_ORDER
    }
    if unmet[CriterionKind.FORESKRIFT]:
        return [_unmet_sentence(c, _status(statuses, c)) for c in unmet[CriterionKind.FORESKRIFT]]
    if unmet[CriterionKind.ALLMANT_RAD]:
        met = _met_sentence(section, (CriterionKind.FORESKRIFT,), unassessed)
        deciding = [
            _unmet_sentence(c, _status(statuses, c)) for c in unmet[CriterionKind.ALLMANT_RAD]
        ]
    else:
        met = _met_sentence(
            section, (CriterionKind.FORESKRIFT, CriterionKind.ALLMANT_RAD), unassessed
        )
        indicators = unmet[CriterionKind.KVALITETSINDIKATOR]
        if indicators:
            deciding = [_indicator_sentence(section, indicators, statuses)]
        else:
            indicators_met = _met_sentence(section, (CriterionKind.KVALITETSINDIKATOR,), unassessed)
            deciding = [indicators_met] if indicators_met else []
    return ([met] if met else []) + deciding


def suggest_grade(section: Section, statuses: Mapping[str, CriterionStatus]) -> GradeSuggestion:
    """The grade the criteria statuses call for (see the module docstring for the rules)."""
    unassessed = tuple(
        c.id for c in section.criteria if _status(statuses, c) == CriterionStatus.NOT_ASSESSED
    )
    if len(unassessed) == len(section.criteria):
        return GradeSuggestion(
            grade=None,
            complete=False,
            unassessed=unassessed,
            reasons=("Inget kriterium är bedömt ännu.",),
        )
    assessed_unmet = frozenset(c.id for c in section.criteria if _status(statuses, c) in UNMET)
    unclamped = _ideal_grade(section, assessed_unmet)
    best = clamp_to_scale(section, unclamped)
    worst = clamp_to_scale(section, _ideal_grade(section, assessed_unmet | frozenset(unassessed)))
    reasons = _deciding_reasons(section, statuses, frozenset(unassessed))
    if unclamped != best:
        reasons.append(
            f"Skalan för avsnitt {section.id} saknar {unclamped.value}; "
            f"närmaste sämre steg är {best.value}."
        )
    provisional = best != worst
    if unassessed:
        sentence, clause = _not_assessed(unassessed)
        if provisional:
            reasons.append(
                f"Preliminärt: {sentence}; förslaget förutsätter att {clause} och kan bli sämre."
            )
        else:
            reasons.append(f"{sentence} men kan inte ändra förslaget.")
    return GradeSuggestion(
        grade=best,
        complete=not unassessed,
        unassessed=unassessed,
        reasons=tuple(reasons),
        provisional=provisional,
    )


def validate_grade_choice(
    section: Section, grade: Grade | None, suggestion: GradeSuggestion, justification: str
) -> None:
    """Refuse a grade the scale lacks, or one differing from the suggestion without a reason.

    No grade (None) is always allowed. With no suggestion yet (nothing assessed) there is nothing to
    differ from, so any grade of the scale is accepted.
    """
    if grade is None:
        return
    _require_on_scale(section, grade)
    if suggestion.grade is not None and grade != suggestion.grade and not justification.strip():
        raise GradingError(
            f"Avsnitt {section.label}: graderingen {grade.value} avviker från den föreslagna "
            f"{suggestion.grade.value}. Skriv en motivering till varför."
        )


def _require_on_scale(section: Section, grade: Grade) -> None:
    if grade not in section.grades:
        letter = grade.value if isinstance(grade, Grade) else str(grade)  # e.g. typed-in text
        raise GradingError(
            f"Avsnitt {section.label} har ingen gradering {letter}; "
            f"välj {_allowed_grades_text(section)}."
        )


def validate_revision(
    section: Section, original: Grade | None, revised: Grade, reason: str
) -> None:
    """A revision (after the action plan) needs a grade of the scale, a change, and a reason."""
    _require_on_scale(section, revised)
    if original is None:
        raise GradingError(
            f"Avsnitt {section.label} har ingen gradering från granskningen att ändra; "
            "sätt graderingen först."
        )
    if revised == original:
        raise GradingError(
            f"Avsnitt {section.label} har redan graderingen {original.value}; "
            "välj en annan gradering eller ta bort ändringen."
        )
    if not reason.strip():
        raise GradingError(
            f"Avsnitt {section.label}: skriv skälet till att graderingen ändras "
            f"från {original.value} till {revised.value}."
        )


@dataclass(frozen=True)
class Deficiency:
    """A criterion not (or partly) met in a section graded C or D: a row of the action plan."""

    section_id: str
    criterion_id: str
    kind: CriterionKind
    status: CriterionStatus
    # "Åtgärder krävs" for a föreskrift not met in a section graded D — the D scale text speaks of
    # the föreskrifter, and the seed's handlingsplan lists exactly those; everything else is
    # "Åtgärder rekommenderas".
    action_required: bool

    @property
    def consequence(self) -> str:
        return "Åtgärder krävs" if self.action_required else "Åtgärder rekommenderas"


def section_deficiencies(section: Section, assessment: SectionAssessment) -> tuple[Deficiency, ...]:
    """The section's deficiencies, föreskrifter first, then allmänna råd, then indicators.

    They follow the grade given at the visit (`assessment.grade`), not a later revision: the
    action plan answers what the visit found.
    """
    if assessment.section_id != section.id:
        raise GradingError(
            f"Bedömningen gäller avsnitt {assessment.section_id}, inte avsnitt {section.id}."
        )
    if assessment.grade not in DEFICIENT_GRADES:
        return ()
    statuses = {a.criterion_id: a.status for a in assessment.criteria}
    return tuple(
        Deficiency(
            section_id=section.id,
            criterion_id=criterion.id,
            kind=criterion.kind,
            status=statuses[criterion.id],
            action_required=assessment.grade == Grade.D
            and criterion.kind == CriterionKind.FORESKRIFT,
        )
        for kind in KIND_ORDER
        for criterion in section.criteria_of_kind(kind)
        if statuses.get(criterion.id) in UNMET
    )


def inspection_deficiencies(inspection: Inspection) -> tuple[Deficiency, ...]:
    """Every section's deficiencies, in the criteria set's section order."""
    return tuple(
        deficiency
        for section in inspection.criteria.sections
        for deficiency in section_deficiencies(section, inspection.section(section.id))
    )
