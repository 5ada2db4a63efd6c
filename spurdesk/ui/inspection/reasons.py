"""The grading reasons and revision problems (data from `spurdesk.model.grading`) as the
interface's sentences, through Qt's translation: Swedish by default, English when chosen. The
report's Swedish is spurdesk/report/reasons.py; the sentences here say the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from spurdesk.model import grading
from spurdesk.model.criteria import CriterionKind, Grade, RevisionRule
from spurdesk.model.grading import Degree, RevisionProblem
from spurdesk.model.inspection import InspectionStatus
from spurdesk.ui.inspection.labels import inspection_status_label

_F, _R, _K = CriterionKind.FORESKRIFT, CriterionKind.ALLMANT_RAD, CriterionKind.KVALITETSINDIKATOR

#: Every sentence, marked for lupdate and translated when shown; keyed by what decides it (a
#: criterion's kind and degree, the groups met and whether all were assessed, a problem …).
_SENTENCES: dict[object, str] = {
    (_F, Degree.NOT): QT_TRANSLATE_NOOP("GradeReason", "Föreskrift %1 är inte uppfylld."),
    (_F, Degree.PARTLY): QT_TRANSLATE_NOOP("GradeReason", "Föreskrift %1 är delvis uppfylld."),
    (_R, Degree.NOT): QT_TRANSLATE_NOOP("GradeReason", "Allmänt råd %1 är inte uppfyllt."),
    (_R, Degree.PARTLY): QT_TRANSLATE_NOOP("GradeReason", "Allmänt råd %1 är delvis uppfyllt."),
    (_K, Degree.NOT): QT_TRANSLATE_NOOP("GradeReason", "Kvalitetsindikator %1 är inte uppfylld."),
    (_K, Degree.PARTLY): QT_TRANSLATE_NOOP(
        "GradeReason", "Kvalitetsindikator %1 är delvis uppfylld."
    ),
    ("indicators", Degree.NOT): QT_TRANSLATE_NOOP(
        "GradeReason", "Kvalitetsindikatorerna %1 är inte uppfyllda"
    ),
    ("indicators", Degree.PARTLY): QT_TRANSLATE_NOOP(
        "GradeReason", "Kvalitetsindikatorerna %1 är delvis uppfyllda"
    ),
    ("indicators", Degree.MIXED): QT_TRANSLATE_NOOP(
        "GradeReason", "Kvalitetsindikatorerna %1 är inte eller bara delvis uppfyllda"
    ),
    (frozenset({_F}), True): QT_TRANSLATE_NOOP("GradeReason", "Föreskrifterna är uppfyllda."),
    (frozenset({_F}), False): QT_TRANSLATE_NOOP(
        "GradeReason", "De bedömda föreskrifterna är uppfyllda."
    ),
    (frozenset({_R}), True): QT_TRANSLATE_NOOP("GradeReason", "De allmänna råden är uppfyllda."),
    (frozenset({_R}), False): QT_TRANSLATE_NOOP(
        "GradeReason", "De bedömda allmänna råden är uppfyllda."
    ),
    (frozenset({_F, _R}), True): QT_TRANSLATE_NOOP(
        "GradeReason", "Föreskrifterna och de allmänna råden är uppfyllda."
    ),
    (frozenset({_F, _R}), False): QT_TRANSLATE_NOOP(
        "GradeReason", "De bedömda föreskrifterna och allmänna råden är uppfyllda."
    ),
    (frozenset({_K}), True): QT_TRANSLATE_NOOP(
        "GradeReason", "Kvalitetsindikatorerna är uppfyllda."
    ),
    (frozenset({_K}), False): QT_TRANSLATE_NOOP(
        "GradeReason", "De bedömda kvalitetsindikatorerna är uppfyllda."
    ),
    "nothing assessed": QT_TRANSLATE_NOOP("GradeReason", "Inget kriterium är bedömt ännu."),
    "exceptions": QT_TRANSLATE_NOOP("GradeReason", "för A medges högst %1 undantag."),
    "no exceptions": QT_TRANSLATE_NOOP("GradeReason", "för A medges inga undantag."),
    "scale lacks": QT_TRANSLATE_NOOP(
        "GradeReason", "Skalan för avsnitt %1 saknar %2; närmaste sämre steg är %3."
    ),
    ("open", 1, True): QT_TRANSLATE_NOOP(
        "GradeReason",
        "Preliminärt: kriterium %1 är inte bedömt; förslaget förutsätter att det är uppfyllt "
        "och kan bli sämre.",
    ),
    ("open", 2, True): QT_TRANSLATE_NOOP(
        "GradeReason",
        "Preliminärt: kriterierna %1 är inte bedömda; förslaget förutsätter att de är uppfyllda "
        "och kan bli sämre.",
    ),
    ("open", 1, False): QT_TRANSLATE_NOOP(
        "GradeReason", "Kriterium %1 är inte bedömt men kan inte ändra förslaget."
    ),
    ("open", 2, False): QT_TRANSLATE_NOOP(
        "GradeReason", "Kriterierna %1 är inte bedömda men kan inte ändra förslaget."
    ),
    "either": QT_TRANSLATE_NOOP("GradeReason", "%1 eller %2"),
    RevisionProblem.NO_GRADE: QT_TRANSLATE_NOOP(
        "GradeReason", "Avsnittet har ingen gradering från granskningen att ändra."
    ),
    RevisionProblem.STATUS: QT_TRANSLATE_NOOP(
        "GradeReason",
        "En gradering kan ändras först när handlingsplanen har inkommit (status %1).",
    ),
    RevisionProblem.NOT_REVISABLE: QT_TRANSLATE_NOOP(
        "GradeReason", "Bara graderingen %1 kan ändras efter handlingsplan, inte %2."
    ),
    RevisionProblem.NO_DEFICIENCIES: QT_TRANSLATE_NOOP(
        "GradeReason",
        "Granskningen påvisade inga brister mot föreskrifter eller allmänna råd här.",
    ),
    RevisionProblem.NO_PLAN_ROW: QT_TRANSLATE_NOOP(
        "GradeReason", "Ingen ifylld rad i handlingsplanen besvarar en brist i avsnittet."
    ),
}


def _say(key: object, *values: object) -> str:
    """The sentence for `key` in the interface's language, %1, %2 … filled in."""
    text = QCoreApplication.translate("GradeReason", _SENTENCES[key])
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def reason_label(reason: grading.GradeReason) -> str:
    """One reason for a suggested grade, in the interface's language."""
    match reason:
        case grading.NothingAssessed():
            return _say("nothing assessed")
        case grading.CriterionUnmet(criterion_id, kind, degree):
            return _say((kind, degree), criterion_id)
        case grading.GroupsMet(kinds, all_assessed):
            return _say((frozenset(kinds), all_assessed))
        case grading.IndicatorsUnmet(ids, degree, allowed):
            if len(ids) == 1:
                text = _say((_K, degree), ids[0])[:-1]
            else:
                text = _say(("indicators", degree), ", ".join(ids))
            rule = _say("exceptions", allowed) if allowed else _say("no exceptions")
            return f"{text}; {rule}"
        case grading.ScaleLacksGrade(section_id, reached, nearest):
            return _say("scale lacks", section_id, reached.value, nearest.value)
        case grading.NotAssessed(ids, provisional):
            return _say(("open", min(len(ids), 2), provisional), ", ".join(ids))
    raise AssertionError(reason)


def _either(values: Sequence[str]) -> str:
    return values[0] if len(values) == 1 else _say("either", ", ".join(values[:-1]), values[-1])


def revision_blocker_label(
    problem: RevisionProblem, rule: RevisionRule, visit: Grade | None
) -> str:
    """Why no grade may be revised now (one of `grading.BLOCKING`), in the interface's language."""
    if problem is RevisionProblem.STATUS:
        statuses = [inspection_status_label(InspectionStatus(s)) for s in rule.statuses]
        return _say(problem, _either(statuses))
    if problem is RevisionProblem.NOT_REVISABLE:
        grades = _either([g.value for g in rule.from_grades])
        return _say(problem, grades, visit.value if visit else "–")
    return _say(problem)
