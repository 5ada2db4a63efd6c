"""What a received copy changes, in the words of the merge preview: grouped by the page where the
inspector sees it (Översikt, each section, Resultat, Handlingsplan), conflicts first.

`describe(plan)` turns the paths of a `MergePlan`'s changes and conflicts (`spurdesk.exchange.
merge`) into translated entries: what ("E.4: status"), the local value and the incoming one as
text. It only reads the plan; the preview dialog shows the entries and collects the choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from spurdesk.exchange.coinspector import MergePlan
from spurdesk.exchange.merge import Conflict, ConflictKind
from spurdesk.exchange.merge import Path as MergePath
from spurdesk.exchange.merge_document import Document, document_of
from spurdesk.model.action_fields import ACTION_FIELDS
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.inspection import (
    ActionItemStatus,
    CriterionStatus,
    InspectionStatus,
    SummaryKind,
)
from spurdesk.ui.inspection.labels import (
    action_status_label,
    criterion_status_label,
    inspection_status_label,
    summary_kind_heading,
)
from spurdesk.ui.inspection.navigation import PAGE_KEYS, NodeKind, node_label

# lupdate reads `translate("MergeChanges", "…")` with both strings spelled out.
translate = QCoreApplication.translate

# The Swedish labels of the model's action-plan fields, spelled out for lupdate so that
# `_action_field_label` can translate them; a test keeps them in step with the model's table.
ACTION_FIELD_LABELS_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("MergeChanges", "Avsnitt"),
    QT_TRANSLATE_NOOP("MergeChanges", "Kriterium"),
    QT_TRANSLATE_NOOP("MergeChanges", "Planerad åtgärd"),
    QT_TRANSLATE_NOOP("MergeChanges", "Datum när åtgärden ska vara genomförd"),
    QT_TRANSLATE_NOOP("MergeChanges", "Ansvarig för genomförandet"),
    QT_TRANSLATE_NOOP("MergeChanges", "Datum för uppföljning"),
    QT_TRANSLATE_NOOP("MergeChanges", "Ansvarig för uppföljningen"),
    QT_TRANSLATE_NOOP("MergeChanges", "Status"),
    QT_TRANSLATE_NOOP("MergeChanges", "Kommentar från verksamheten"),
    QT_TRANSLATE_NOOP("MergeChanges", "Plats"),
    QT_TRANSLATE_NOOP("MergeChanges", "Genomförd datum"),
    QT_TRANSLATE_NOOP("MergeChanges", "Verifierad datum"),
    QT_TRANSLATE_NOOP("MergeChanges", "Anteckning om verifiering"),
    QT_TRANSLATE_NOOP("MergeChanges", "Besvarar även"),
)


class EntryKind(Enum):
    CONFLICT = "conflict"  # both changed it: the inspector chooses
    ADDED = "added"  # a row only the copy has
    REMOVED = "removed"  # a row the co-inspector removed
    CHANGED = "changed"  # a value only the co-inspector changed
    MERGED = "merged"  # a text both changed in different paragraphs: both kept


@dataclass(frozen=True)
class Entry:
    path: MergePath
    kind: EntryKind
    what: str  # "E.4: status", "Iakttagelser och bedömning", "Styrkor: punkt"
    mine: str  # the value here, as text ("" for a row this side lacks)
    theirs: str  # a change: the value after the merge; a conflict: the co-inspector's value
    conflict: Conflict | None = None

    @property
    def editable(self) -> bool:
        """A text conflict may be resolved by an own wording of both versions."""
        return self.conflict is not None and self.conflict.kind is ConflictKind.TEXT


@dataclass(frozen=True)
class Group:
    """The entries seen on one page of the inspection window, conflicts first."""

    place: tuple[NodeKind, str]
    title: str
    entries: tuple[Entry, ...]

    @property
    def conflicts(self) -> int:
        return sum(1 for entry in self.entries if entry.conflict is not None)


def _action_field_label(name: str) -> str:
    label = next(field.label for field in ACTION_FIELDS if field.name == name)
    return translate("MergeChanges", label)


def _fact_label(name: str) -> str:
    return {
        "unit": translate("MergeChanges", "Verksamhet"),
        "site": translate("MergeChanges", "Sjukhus eller vårdcentral"),
        "care_provider": translate("MergeChanges", "Vårdgivare"),
        "specialty": translate("MergeChanges", "Specialitet"),
        "visit_start": translate("MergeChanges", "Besöket började"),
        "visit_end": translate("MergeChanges", "Besöket slutade"),
        "report_date": translate("MergeChanges", "Rapportdatum"),
        "status": translate("MergeChanges", "Status"),
    }.get(name, name)


def _section_field_label(name: str) -> str:
    return {
        "findings": translate("MergeChanges", "Iakttagelser och bedömning"),
        "grade": translate("MergeChanges", "Gradering"),
        "justification": translate("MergeChanges", "Motivering"),
        "revised_grade": translate("MergeChanges", "Ändrad gradering"),
        "revised_on": translate("MergeChanges", "Datum för ändrad gradering"),
        "revision_reason": translate("MergeChanges", "Skäl till ändrad gradering"),
        "assignee_uid": translate("MergeChanges", "Skrivs av"),
    }.get(name, name)


def _row_field_label(kind: str, name: str) -> str:
    if kind == "actions":
        return _action_field_label(name)
    return {
        "name": translate("MergeChanges", "namn"),
        "role": translate("MergeChanges", "roll")
        if kind == "inspectors"
        else translate("MergeChanges", "grupp"),
        "count": translate("MergeChanges", "antal"),
        "names": translate("MergeChanges", "namn"),
        "text": translate("MergeChanges", "text"),
        "kind": translate("MergeChanges", "lista"),
    }.get(name, name)


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class _Describer:
    """Names and values of one plan, looked up in the local, incoming and merged documents."""

    def __init__(self, plan: MergePlan) -> None:
        assert plan.local is not None
        self.plan = plan
        self.criteria: CriteriaSet = plan.local.criteria
        merged = plan.result.document if plan.result is not None else None
        self.documents: list[Document] = [
            d for d in (merged, document_of(plan.local), plan.copy.document) if d is not None
        ]

    def row(self, kind: str, uid: str) -> Mapping[str, Any]:
        for document in self.documents:
            if uid in document[kind]:
                return document[kind][uid]
        return {}

    # where -------------------------------------------------------------------------------------

    def place(self, path: MergePath) -> tuple[NodeKind, str]:
        head = path[1] if path[0] == "order" else path[0]
        if path[0] == "sections":
            return NodeKind.SECTION, path[1]
        if path[0] == "criteria":
            return NodeKind.SECTION, self.criteria.section_of(path[1]).id
        kind = {"summary": NodeKind.RESULT, "actions": NodeKind.ACTION_PLAN}.get(
            head, NodeKind.OVERVIEW
        )
        return kind, PAGE_KEYS[kind]

    # what --------------------------------------------------------------------------------------

    def what(self, path: MergePath) -> str:
        head = path[0]
        if head == "facts":
            return _fact_label(path[1])
        if head == "sections":
            return _section_field_label(path[2])
        if head == "criteria":
            field = (
                translate("MergeChanges", "status")
                if path[2] == "status"
                else translate("MergeChanges", "anteckning")
            )
            return f"{path[1]}: {field}"
        if head == "order":
            return {
                "inspectors": translate("MergeChanges", "Inspektörernas ordning"),
                "participants": translate("MergeChanges", "De intervjuade gruppernas ordning"),
                "summary": translate("MergeChanges", "Punkternas ordning"),
                "actions": translate("MergeChanges", "Radernas ordning"),
            }[path[1]]
        name = self.row_name(head, path[1])
        if len(path) == 2:
            return name
        return f"{name}: {_row_field_label(head, path[2])}"

    def row_name(self, kind: str, uid: str) -> str:
        row = self.row(kind, uid)
        if kind == "inspectors":
            return translate("MergeChanges", "Inspektör %1").replace("%1", str(row.get("name", "")))
        if kind == "participants":
            return translate("MergeChanges", "Intervjuad grupp %1").replace(
                "%1", str(row.get("role", ""))
            )
        if kind == "summary":
            heading = summary_kind_heading(SummaryKind(row.get("kind", SummaryKind.STRENGTH)))
            return f"{heading}: “{_short(str(row.get('text', '')))}”"
        target = row.get("criterion_id") or row.get("section_id")
        if target:
            return translate("MergeChanges", "Rad för %1").replace("%1", str(target))
        return translate("MergeChanges", "Rad i handlingsplanen")

    # values ------------------------------------------------------------------------------------

    def value(self, path: MergePath, value: Any) -> str:
        if value is None:
            return ""
        head = path[0]
        if head == "order":
            return "\n".join(
                f"{number}. {self.row_text(path[1], uid)}"
                for number, uid in enumerate(value, start=1)
            )
        if len(path) == 2 and head in ("inspectors", "participants", "summary", "actions"):
            return self.row_text(head, path[1], value)
        return self.field_text(head, path[-1], value)

    def field_text(self, kind: str, name: str, value: Any) -> str:
        if value is None:
            return ""
        if name == "status":
            statuses = {
                "facts": lambda v: inspection_status_label(InspectionStatus(v)),
                "criteria": lambda v: criterion_status_label(CriterionStatus(v)),
                "actions": lambda v: action_status_label(ActionItemStatus(v)),
            }
            return statuses[kind](value) if kind in statuses else str(value)
        if name == "kind" and kind == "summary":
            return summary_kind_heading(SummaryKind(value))
        if name == "assignee_uid":
            return str(self.row("inspectors", value).get("name", value))
        return str(value)

    def row_text(self, kind: str, uid: str, row: Mapping[str, Any] | None = None) -> str:
        row = self.row(kind, uid) if row is None else row
        if kind == "inspectors":
            return f"{row.get('name', '')} ({row.get('role', '')})"
        if kind == "participants":
            names = f" – {row['names']}" if row.get("names") else ""
            return f"{row.get('role', '')}: {row.get('count', '')}{names}"
        if kind == "summary":
            return str(row.get("text", ""))
        return "\n".join(
            f"{_action_field_label(name)}: {self.field_text(kind, name, row[name])}"
            for name in (field.name for field in ACTION_FIELDS)
            if row.get(name) not in (None, "")
        )

    # entries -----------------------------------------------------------------------------------

    def conflict_entry(self, conflict: Conflict) -> Entry:
        return Entry(
            conflict.path,
            EntryKind.CONFLICT,
            self.what(conflict.path),
            self.value(conflict.path, conflict.mine),
            self.value(conflict.path, conflict.theirs),
            conflict,
        )

    def change_entry(self, path: MergePath, before: Any, after: Any) -> Entry:
        assert self.plan.result is not None
        if before is None and len(path) == 2 and path[0] != "facts":
            kind = EntryKind.ADDED
        elif after is None and len(path) == 2 and path[0] != "facts":
            kind = EntryKind.REMOVED
        elif path in self.plan.result.merged_text:
            kind = EntryKind.MERGED
        else:
            kind = EntryKind.CHANGED
        return Entry(path, kind, self.what(path), self.value(path, before), self.value(path, after))


def _page_order(criteria: CriteriaSet) -> list[tuple[NodeKind, str]]:
    """The pages in the navigation's order."""
    return [
        (NodeKind.OVERVIEW, PAGE_KEYS[NodeKind.OVERVIEW]),
        *((NodeKind.SECTION, section.id) for section in criteria.sections),
        (NodeKind.RESULT, PAGE_KEYS[NodeKind.RESULT]),
        (NodeKind.ACTION_PLAN, PAGE_KEYS[NodeKind.ACTION_PLAN]),
    ]


def describe(plan: MergePlan) -> tuple[Group, ...]:
    """The plan's conflicts and changes by page: pages with conflicts first, then the others,
    each in the navigation's order, and within a page its conflicts before its changes."""
    if plan.result is None or plan.local is None:
        return ()
    describer = _Describer(plan)
    disputed = {conflict.path for conflict in plan.result.conflicts}
    entries: list[Entry] = [describer.conflict_entry(c) for c in plan.result.conflicts]
    entries += [
        describer.change_entry(change.path, change.before, change.after)
        for change in plan.result.changes
        if change.path not in disputed
    ]
    by_place: dict[tuple[NodeKind, str], list[Entry]] = {}
    for entry in entries:
        by_place.setdefault(describer.place(entry.path), []).append(entry)
    groups = [
        Group(place, node_label(describer.criteria, *place), tuple(by_place[place]))
        for place in _page_order(describer.criteria)
        if place in by_place
    ]
    return tuple(sorted(groups, key=lambda group: group.conflicts == 0))
