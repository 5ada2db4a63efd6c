"""The grading reasons (`spurdesk.model.grading`, data) as the Swedish sentences a report prints.

The interface renders the same records through tr() (spurdesk/ui/inspection/reasons.py), so the
English interface shows English; this is the report's Swedish.
"""

from __future__ import annotations

from collections.abc import Sequence

from spurdesk.model.criteria import CriterionKind
from spurdesk.model.grading import (
    CriterionUnmet,
    Degree,
    GradeReason,
    GroupsMet,
    IndicatorsUnmet,
    NotAssessed,
    NothingAssessed,
    ScaleLacksGrade,
)

_LABELS = {
    CriterionKind.FORESKRIFT: "Föreskrift",
    CriterionKind.ALLMANT_RAD: "Allmänt råd",
    CriterionKind.KVALITETSINDIKATOR: "Kvalitetsindikator",
}
_GROUPS = {
    CriterionKind.FORESKRIFT: "föreskrifterna",
    CriterionKind.ALLMANT_RAD: "allmänna råden",
    CriterionKind.KVALITETSINDIKATOR: "kvalitetsindikatorerna",
}
_DEGREE = {Degree.NOT: "inte", Degree.PARTLY: "delvis", Degree.MIXED: "inte eller bara delvis"}


def reason_text(reason: GradeReason) -> str:
    """One reason as a Swedish sentence, e.g. "Föreskrift D.1 är inte uppfylld."."""
    match reason:
        case NothingAssessed():
            return "Inget kriterium är bedömt ännu."
        case CriterionUnmet(criterion_id, kind, degree):
            # Swedish agreement: en föreskrift … uppfylld, ett allmänt råd … uppfyllt.
            met = "uppfyllt" if kind == CriterionKind.ALLMANT_RAD else "uppfylld"
            return f"{_LABELS[kind]} {criterion_id} är {_DEGREE[degree]} {met}."
        case GroupsMet(kinds, all_assessed):
            names = [_GROUPS[kind] for kind in kinds]
            if not all_assessed:
                return f"De bedömda {' och '.join(names)} är uppfyllda."
            return f"{' och de '.join(names).capitalize()} är uppfyllda."
        case IndicatorsUnmet(ids, degree, allowed):
            rule = (
                f"för A medges högst {allowed} undantag"
                if allowed
                else "för A medges inga undantag"
            )
            if len(ids) == 1:
                return f"Kvalitetsindikator {ids[0]} är {_DEGREE[degree]} uppfylld; {rule}."
            return (
                f"Kvalitetsindikatorerna {', '.join(ids)} är {_DEGREE[degree]} uppfyllda; {rule}."
            )
        case ScaleLacksGrade(section_id, reached, nearest):
            return (
                f"Skalan för avsnitt {section_id} saknar {reached.value}; "
                f"närmaste sämre steg är {nearest.value}."
            )
        case NotAssessed(ids, provisional):
            if len(ids) == 1:
                sentence, clause = f"Kriterium {ids[0]} är inte bedömt", "det är uppfyllt"
            else:
                sentence, clause = (
                    f"Kriterierna {', '.join(ids)} är inte bedömda",
                    "de är uppfyllda",
                )
            if provisional:
                assumption = f"förslaget förutsätter att {clause} och kan bli sämre"
                return f"Preliminärt: {sentence}; {assumption}."
            return f"{sentence} men kan inte ändra förslaget."
    raise AssertionError(reason)


def reasons_text(reasons: Sequence[GradeReason]) -> str:
    """The reasons as one run of sentences."""
    return " ".join(reason_text(reason) for reason in reasons)
