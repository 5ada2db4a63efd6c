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
from enum import StrEnum

from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria import (
    KIND_ORDER,
    Criterion,
    CriterionKind,
    Grade,
    RevisionDirection,
    Section,
)
from spurdesk.model.inspection import CriterionStatus, Inspection, SectionAssessment

UNMET = frozenset({CriterionStatus.NOT_MET, CriterionStatus.PARTLY_MET})

#: Grades after a visit that make a section's unmet criteria deficiencies.
DEFICIENT_GRADES = frozenset({Grade.C, Grade.D})


class GradingError(SpurdeskError):
    """A grade, or a revision of one, that the section's scale or the rules refuse."""


# --- why: the reasons for a suggestion, as data ----------------------------------------------
# Each reason is a small record; the UI renders it through tr() (English or Swedish) and the
# report in Swedish (spurdesk.report.reasons), so no sentence is built here.


class Degree(StrEnum):
    """How far unmet criteria fall short."""

    NOT = "not"  # ej uppfyllt
    PARTLY = "partly"  # delvis uppfyllt
    MIXED = "mixed"  # some not, some partly


@dataclass(frozen=True)
class NothingAssessed:
    """No criterion of the section is assessed yet."""


@dataclass(frozen=True)
class CriterionUnmet:
    """A föreskrift or allmänt råd that decides the suggestion is not (or only partly) met."""

    criterion_id: str
    kind: CriterionKind
    degree: Degree  # NOT or PARTLY


@dataclass(frozen=True)
class GroupsMet:
    """The assessed criteria of these kinds are all met."""

    kinds: tuple[CriterionKind, ...]
    all_assessed: bool  # False: some criteria of these kinds are still open ("De bedömda …")


@dataclass(frozen=True)
class IndicatorsUnmet:
    """Quality indicators not (or partly) met, beyond what grade A allows."""

    criterion_ids: tuple[str, ...]
    degree: Degree
    allowed_exceptions: int  # how many grade A allows


@dataclass(frozen=True)
class ScaleLacksGrade:
    """The rules reach a grade the section's scale does not have; the nearest worse is used."""

    section_id: str
    reached: Grade
    nearest: Grade


@dataclass(frozen=True)
class NotAssessed:
    """Criteria not assessed yet: they may still change the suggestion (provisional) or not."""

    criterion_ids: tuple[str, ...]
    provisional: bool  # True: the suggestion assumes them met and may get worse


GradeReason = (
    NothingAssessed | CriterionUnmet | GroupsMet | IndicatorsUnmet | ScaleLacksGrade | NotAssessed
)


@dataclass(frozen=True)
class GradeSuggestion:
    """What the criteria statuses say the section's grade should be, and why."""

    grade: Grade | None  # None only while nothing decides it yet
    complete: bool  # every criterion of the section assessed
    unassessed: tuple[str, ...]  # ids of criteria not yet assessed
    reasons: tuple[GradeReason, ...]
    # True when unassessed criteria could still make the grade worse: `grade` is the best case.
    provisional: bool = False


def _status(statuses: Mapping[str, CriterionStatus], criterion: Criterion) -> CriterionStatus:
    return statuses.get(criterion.id, CriterionStatus.NOT_ASSESSED)


def _either(values: Sequence[str]) -> str:
    """ "A, B eller C"."""
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} eller {values[-1]}"


def _allowed_grades_text(section: Section) -> str:
    return _either([grade.value for grade in section.grades])


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


def _degree(statuses: Sequence[CriterionStatus]) -> Degree:
    partly = {status == CriterionStatus.PARTLY_MET for status in statuses}
    if partly == {True}:
        return Degree.PARTLY
    return Degree.NOT if partly == {False} else Degree.MIXED


def _unmet(criterion: Criterion, status: CriterionStatus) -> CriterionUnmet:
    return CriterionUnmet(criterion.id, criterion.kind, _degree([status]))


def _groups_met(
    section: Section, kinds: Sequence[CriterionKind], unassessed: frozenset[str]
) -> GroupsMet | None:
    """The kinds with an assessed criterion, all of whose assessed criteria are met."""
    groups = tuple(
        kind
        for kind in kinds
        if any(c.id not in unassessed for c in section.criteria_of_kind(kind))
    )
    if not groups:
        return None
    open_ = any(c.id in unassessed for kind in groups for c in section.criteria_of_kind(kind))
    return GroupsMet(groups, all_assessed=not open_)


def _deciding_reasons(
    section: Section, statuses: Mapping[str, CriterionStatus], unassessed: frozenset[str]
) -> list[GradeReason]:
    """The assessed criteria that decide the suggestion."""
    unmet = {
        kind: [c for c in section.criteria_of_kind(kind) if _status(statuses, c) in UNMET]
        for kind in KIND_ORDER
    }
    if unmet[CriterionKind.FORESKRIFT]:
        return [_unmet(c, _status(statuses, c)) for c in unmet[CriterionKind.FORESKRIFT]]
    deciding: list[GradeReason]
    if unmet[CriterionKind.ALLMANT_RAD]:
        met = _groups_met(section, (CriterionKind.FORESKRIFT,), unassessed)
        deciding = [_unmet(c, _status(statuses, c)) for c in unmet[CriterionKind.ALLMANT_RAD]]
    else:
        met = _groups_met(
            section, (CriterionKind.FORESKRIFT, CriterionKind.ALLMANT_RAD), unassessed
        )
        indicators = unmet[CriterionKind.KVALITETSINDIKATOR]
        if indicators:
            deciding = [
                IndicatorsUnmet(
                    tuple(c.id for c in indicators),
                    _degree([_status(statuses, c) for c in indicators]),
                    section.allowed_exceptions,
                )
            ]
        else:
            indicators_met = _groups_met(section, (CriterionKind.KVALITETSINDIKATOR,), unassessed)
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
            reasons=(NothingAssessed(),),
        )
    assessed_unmet = frozenset(c.id for c in section.criteria if _status(statuses, c) in UNMET)
    unclamped = _ideal_grade(section, assessed_unmet)
    best = clamp_to_scale(section, unclamped)
    worst = clamp_to_scale(section, _ideal_grade(section, assessed_unmet | frozenset(unassessed)))
    reasons = _deciding_reasons(section, statuses, frozenset(unassessed))
    if unclamped != best:
        reasons.append(ScaleLacksGrade(section.id, unclamped, best))
    provisional = best != worst
    if unassessed:
        reasons.append(NotAssessed(unassessed, provisional))
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


# --- revising a grade after the action plan ---------------------------------------------------


class RevisionProblem(StrEnum):
    """Why a revised grade is refused (or, stored before the rule existed, breaks it)."""

    NO_GRADE = "no grade"  # nothing was graded at the visit
    OFF_SCALE = "off scale"  # the section's scale lacks the grade
    SAME = "same"  # the revision repeats the visit's grade
    STATUS = "status"  # the inspection's status allows no revision (the plan has not arrived)
    NOT_REVISABLE = "not revisable"  # the rule does not revise the visit's grade (e.g. B)
    NO_DEFICIENCIES = "no deficiencies"  # no föreskrift or allmänt råd of the section was unmet
    DIRECTION = "direction"  # the rule allows only a better grade
    TARGET = "target"  # the rule's revisions do not reach this grade (e.g. A)
    NO_PLAN_ROW = "no plan row"  # no filled-in row of the action plan answers the section
    NO_REASON = "no reason"


#: The problems that do not depend on the grade chosen: while any holds, no revision is possible.
BLOCKING = frozenset(
    {
        RevisionProblem.NO_GRADE,
        RevisionProblem.STATUS,
        RevisionProblem.NOT_REVISABLE,
        RevisionProblem.NO_DEFICIENCIES,
        RevisionProblem.NO_PLAN_ROW,
    }
)


def _answers_section(inspection: Inspection, section: Section) -> bool:
    own = {c.id for c in section.criteria}
    return any(
        item.has_answer and (item.section_id == section.id or own & set(item.criteria_answered))
        for item in inspection.action_items
    )


def revision_problems(
    inspection: Inspection, section_id: str, revised: Grade, reason: str
) -> tuple[RevisionProblem, ...]:
    """Everything the criteria set's revision rule (`CriteriaSet.revision`) holds against
    revising the section to `revised` now; empty when the revision may be made."""
    section = inspection.criteria.section(section_id)
    rule = inspection.criteria.revision
    original = inspection.section(section_id).grade
    problems: list[RevisionProblem] = []
    if original is None:
        problems.append(RevisionProblem.NO_GRADE)
    if inspection.status.value not in rule.statuses:
        problems.append(RevisionProblem.STATUS)
    if original is not None:
        if original not in rule.from_grades:
            problems.append(RevisionProblem.NOT_REVISABLE)
        elif not deficient_kinds(section, inspection.section(section_id)):
            problems.append(RevisionProblem.NO_DEFICIENCIES)
    if rule.requires_plan_row and not _answers_section(inspection, section):
        problems.append(RevisionProblem.NO_PLAN_ROW)
    if revised not in section.grades:
        problems.append(RevisionProblem.OFF_SCALE)
    elif original is not None and revised == original:
        problems.append(RevisionProblem.SAME)
    elif original is not None:
        if rule.direction is RevisionDirection.BETTER and revised.rank > original.rank:
            problems.append(RevisionProblem.DIRECTION)
        elif revised not in rule.to_grades:
            problems.append(RevisionProblem.TARGET)
    if not reason.strip():
        problems.append(RevisionProblem.NO_REASON)
    return tuple(problems)


def revision_targets(inspection: Inspection, section_id: str) -> tuple[Grade, ...]:
    """The grades the section may be revised to now (none while a blocking problem holds)."""
    section = inspection.criteria.section(section_id)
    return tuple(
        grade
        for grade in section.grades
        if not revision_problems(inspection, section_id, grade, "skäl")
    )


def revision_blockers(inspection: Inspection, section_id: str) -> tuple[RevisionProblem, ...]:
    """Why no grade at all may be chosen for a revision now (empty when some may)."""
    section = inspection.criteria.section(section_id)
    probe = section.grades[0] if section.grades else Grade.A
    found = revision_problems(inspection, section_id, probe, "skäl")
    return tuple(p for p in found if p in BLOCKING)


#: Each problem as a Swedish clause; {was}, {revised}, {status}, {statuses}, {revisable},
#: {reachable} and {scale} are filled in by `revision_problem_text`.
_REVISION_TEXTS = {
    RevisionProblem.NO_GRADE: (
        "avsnittet har ingen gradering från granskningen att ändra; sätt den först"
    ),
    RevisionProblem.OFF_SCALE: "avsnittet har ingen gradering {revised}; välj {scale}",
    RevisionProblem.SAME: (
        "avsnittet har redan graderingen {was}; välj en annan gradering eller ta bort ändringen"
    ),
    RevisionProblem.STATUS: (
        "en gradering kan ändras först när handlingsplanen har inkommit (status {statuses}); "
        "inspektionens status är ”{status}”"
    ),
    RevisionProblem.NOT_REVISABLE: (
        "bara graderingen {revisable} kan ändras efter handlingsplan, inte {was}"
    ),
    RevisionProblem.NO_DEFICIENCIES: (
        "granskningen påvisade inga brister mot föreskrifter eller allmänna råd här"
    ),
    RevisionProblem.DIRECTION: (
        "en ändrad gradering ska vara bättre än graderingen vid granskningen ({was}), "
        "inte {revised}"
    ),
    RevisionProblem.TARGET: (
        "efter handlingsplan kan graderingen ändras till {reachable}, inte {revised}"
    ),
    RevisionProblem.NO_PLAN_ROW: "ingen ifylld rad i handlingsplanen besvarar en brist i avsnittet",
    RevisionProblem.NO_REASON: "skriv skälet till att graderingen ändras från {was} till {revised}",
}


def revision_problem_text(
    problem: RevisionProblem, inspection: Inspection, section_id: str, revised: Grade
) -> str:
    """One problem as a Swedish clause (for error messages and the report's audit list)."""
    rule = inspection.criteria.revision
    original = inspection.section(section_id).grade
    return _REVISION_TEXTS[problem].format(
        was=original.value if original else "–",
        revised=revised.value,
        status=inspection.status.value,
        statuses=_either([f"”{status}”" for status in rule.statuses]),
        revisable=_either([g.value for g in rule.from_grades]),
        reachable=_either([g.value for g in rule.to_grades]),
        scale=_allowed_grades_text(inspection.criteria.section(section_id)),
    )


def check_revision(inspection: Inspection, section_id: str, revised: Grade, reason: str) -> None:
    """Raise `GradingError` (Swedish, naming every problem) unless the revision may be made."""
    problems = revision_problems(inspection, section_id, revised, reason)
    if problems:
        label = inspection.criteria.section(section_id).label
        texts = [revision_problem_text(p, inspection, section_id, revised) for p in problems]
        message = "; ".join(texts)
        raise GradingError(f"Avsnitt {label}: {message[0].upper()}{message[1:]}.")


def revision_audit(inspection: Inspection) -> tuple[tuple[str, tuple[RevisionProblem, ...]], ...]:
    """(section id, problems) for each stored revision that breaks the set's revision rule — e.g.
    one made before the rule existed. Such a revision is kept and shown, but not printed as the
    result of an action plan, and the report lists it as something to correct."""
    found = []
    for section in inspection.criteria.sections:
        assessment = inspection.section(section.id)
        if assessment.revised_grade is None:
            continue
        problems = revision_problems(
            inspection, section.id, assessment.revised_grade, assessment.revision_reason
        )
        if problems:
            found.append((section.id, problems))
    return tuple(found)


def deficient_kinds(section: Section, assessment: SectionAssessment) -> tuple[CriterionKind, ...]:
    """The kinds of Socialstyrelsen's rules (föreskrift, allmänt råd) the section's deficiencies
    concern, in that order; quality indicators are SPUR's own, not Socialstyrelsen's."""
    kinds = {d.kind for d in section_deficiencies(section, assessment)}
    return tuple(k for k in (CriterionKind.FORESKRIFT, CriterionKind.ALLMANT_RAD) if k in kinds)


def rules_phrase(kinds: Sequence[CriterionKind]) -> str:
    """ "föreskrifter", "allmänna råd" or "föreskrifter och allmänna råd" ("" for none)."""
    words = {CriterionKind.FORESKRIFT: "föreskrifter", CriterionKind.ALLMANT_RAD: "allmänna råd"}
    return " och ".join(words[k] for k in kinds if k in words)


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
