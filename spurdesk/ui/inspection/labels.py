"""Translated display texts for the domain's enums (their values are storage spellings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from spurdesk.model.criteria import CriterionKind
from spurdesk.model.inspection import (
    ActionItemStatus,
    CriterionStatus,
    InspectionStatus,
    SummaryKind,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


#: Order of the status selector; digits 1–4 on a criterion row pick them in this order.
CRITERION_STATUS_ORDER: tuple[CriterionStatus, ...] = (
    CriterionStatus.MET,
    CriterionStatus.PARTLY_MET,
    CriterionStatus.NOT_MET,
    CriterionStatus.NOT_ASSESSED,
)


def criterion_status_label(status: CriterionStatus) -> str:
    return {
        CriterionStatus.MET: _tr("Uppfyllt"),
        CriterionStatus.PARTLY_MET: _tr("Delvis uppfyllt"),
        CriterionStatus.NOT_MET: _tr("Ej uppfyllt"),
        CriterionStatus.NOT_ASSESSED: _tr("Ej bedömt"),
    }[status]


def criterion_kind_heading(kind: CriterionKind) -> str:
    return {
        CriterionKind.FORESKRIFT: _tr("Föreskrift"),
        CriterionKind.ALLMANT_RAD: _tr("Allmänna råd"),
        CriterionKind.KVALITETSINDIKATOR: _tr("Kvalitetsindikatorer"),
    }[kind]


def inspection_status_label(status: InspectionStatus) -> str:
    return {
        InspectionStatus.DRAFT: _tr("Utkast"),
        InspectionStatus.FACT_CHECK: _tr("Sakgranskning"),
        InspectionStatus.FINAL: _tr("Fastställd"),
        InspectionStatus.ACTION_PLAN_REQUESTED: _tr("Handlingsplan begärd"),
        InspectionStatus.ACTION_PLAN_RECEIVED: _tr("Handlingsplan inkommen"),
        InspectionStatus.CLOSED: _tr("Avslutad"),
    }[status]


def summary_kind_heading(kind: SummaryKind) -> str:
    return {
        SummaryKind.STRENGTH: _tr("Styrkor"),
        SummaryKind.WEAKNESS: _tr("Svagheter"),
        SummaryKind.IMPROVEMENT: _tr("Förbättringspotential"),
    }[kind]


def action_status_label(status: ActionItemStatus) -> str:
    return {
        ActionItemStatus.OPEN: _tr("Öppen"),
        ActionItemStatus.DONE: _tr("Genomförd"),
        ActionItemStatus.VERIFIED: _tr("Verifierad"),
    }[status]
