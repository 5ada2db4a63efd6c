"""The sakgranskning's enumerations as the UI names them, translated (the model keeps Swedish
values for storage and files, never for display)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from spurdesk.model.fact_check import CommentKind, Decision


def kind_label(kind: CommentKind) -> str:
    labels = {
        CommentKind.FACTUAL_ERROR: QCoreApplication.translate("FactCheck", "Faktafel"),
        CommentKind.MISSING: QCoreApplication.translate("FactCheck", "Saknad uppgift"),
        CommentKind.OTHER: QCoreApplication.translate("FactCheck", "Övrigt"),
    }
    return labels[CommentKind(kind)]


def decision_label(decision: Decision | None) -> str:
    if decision is None:
        return QCoreApplication.translate("FactCheck", "Inget beslut")
    labels = {
        Decision.ACCEPTED: QCoreApplication.translate("FactCheck", "Godtagen"),
        Decision.REJECTED: QCoreApplication.translate("FactCheck", "Avvisad"),
    }
    return labels[Decision(decision)]
