"""Translated display texts for the domain's enums (their values are storage spellings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from spurdesk.model.comparison import GradeChange, Outcome
from spurdesk.model.criteria import CriterionKind
from spurdesk.model.inspection import (
    ActionItemStatus,
    CriterionStatus,
    InspectionStatus,
    SummaryKind,
)

#: Order of the status selector; digits 1–4 on a criterion row pick them in this order.
CRITERION_STATUS_ORDER: tuple[CriterionStatus, ...] = (
    CriterionStatus.MET,
    CriterionStatus.PARTLY_MET,
    CriterionStatus.NOT_MET,
    CriterionStatus.NOT_ASSESSED,
)


def criterion_status_label(status: CriterionStatus) -> str:
    return {
        CriterionStatus.MET: QCoreApplication.translate("labels", "Uppfyllt"),
        CriterionStatus.PARTLY_MET: QCoreApplication.translate("labels", "Delvis uppfyllt"),
        CriterionStatus.NOT_MET: QCoreApplication.translate("labels", "Ej uppfyllt"),
        CriterionStatus.NOT_ASSESSED: QCoreApplication.translate("labels", "Ej bedömt"),
    }[status]


def criterion_kind_heading(kind: CriterionKind) -> str:
    return {
        CriterionKind.FORESKRIFT: QCoreApplication.translate("labels", "Föreskrift"),
        CriterionKind.ALLMANT_RAD: QCoreApplication.translate("labels", "Allmänna råd"),
        CriterionKind.KVALITETSINDIKATOR: QCoreApplication.translate(
            "labels", "Kvalitetsindikatorer"
        ),
    }[kind]


def inspection_status_label(status: InspectionStatus) -> str:
    return {
        InspectionStatus.DRAFT: QCoreApplication.translate("labels", "Utkast"),
        InspectionStatus.FACT_CHECK: QCoreApplication.translate("labels", "Sakgranskning"),
        InspectionStatus.FINAL: QCoreApplication.translate("labels", "Fastställd"),
        InspectionStatus.ACTION_PLAN_REQUESTED: QCoreApplication.translate(
            "labels", "Handlingsplan begärd"
        ),
        InspectionStatus.ACTION_PLAN_RECEIVED: QCoreApplication.translate(
            "labels", "Handlingsplan inkommen"
        ),
        InspectionStatus.CLOSED: QCoreApplication.translate("labels", "Avslutad"),
    }[status]


def summary_kind_heading(kind: SummaryKind) -> str:
    return {
        SummaryKind.STRENGTH: QCoreApplication.translate("labels", "Styrkor"),
        SummaryKind.WEAKNESS: QCoreApplication.translate("labels", "Svagheter"),
        SummaryKind.IMPROVEMENT: QCoreApplication.translate("labels", "Förbättringspotential"),
    }[kind]


def action_status_label(status: ActionItemStatus) -> str:
    return {
        ActionItemStatus.OPEN: QCoreApplication.translate("labels", "Öppen"),
        ActionItemStatus.DONE: QCoreApplication.translate("labels", "Genomförd"),
        ActionItemStatus.VERIFIED: QCoreApplication.translate("labels", "Verifierad"),
    }[status]


def requirement_label(required: bool | None) -> str | None:
    """What a plan row answers: "Åtgärder krävs." (a föreskrift unmet in a D section), "Åtgärder
    rekommenderas." (anything else found), or None for a row answering no deficiency."""
    if required is None:
        return None
    if required:
        return QCoreApplication.translate("labels", "Åtgärder krävs.")
    return QCoreApplication.translate("labels", "Åtgärder rekommenderas.")


def outcome_label(outcome: Outcome) -> str:
    """What became of a deficiency of the last SPUR (or that it is new)."""
    return {
        Outcome.RESOLVED: QCoreApplication.translate("labels", "Åtgärdad"),
        Outcome.OPEN: QCoreApplication.translate("labels", "Kvarstår"),
        Outcome.NEW: QCoreApplication.translate("labels", "Ny"),
        Outcome.UNASSESSED: QCoreApplication.translate("labels", "Ej bedömd"),
    }[outcome]


def grade_change_label(change: GradeChange) -> str:
    return {
        GradeChange.BETTER: QCoreApplication.translate("labels", "Bättre"),
        GradeChange.SAME: QCoreApplication.translate("labels", "Oförändrad"),
        GradeChange.WORSE: QCoreApplication.translate("labels", "Sämre"),
        GradeChange.UNKNOWN: "–",
    }[change]
