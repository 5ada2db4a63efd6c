"""An inspection as the three-way merge sees it: plain JSON values keyed by stable identities.

Library ids differ between the two inspectors' libraries, so rows are keyed by their `uid`;
sections and criteria by their ids in the criteria set (the same set on both sides). Every value
is JSON (text, numbers, None), so a document can be hashed, stored as a shared version and sent.
Order is a separate list per kind of row, merged as a sequence.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from typing import Any

from spurdesk.model.action_fields import ACTION_FIELDS, FieldKind
from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import (
    ActionItem,
    ActionItemStatus,
    CriterionAssessment,
    CriterionStatus,
    Inspection,
    InspectionStatus,
    Inspector,
    ParticipantGroup,
    SectionAssessment,
    SummaryItem,
    SummaryKind,
)

Document = dict[str, Any]

FACTS = (
    "unit",
    "site",
    "care_provider",
    "specialty",
    "visit_start",
    "visit_end",
    "report_date",
    "reply_by",
)
_DATE_FACTS = ("visit_start", "visit_end", "report_date", "reply_by")
SECTION_FIELDS = (
    "findings",
    "grade",
    "justification",
    "revised_grade",
    "revised_on",
    "revision_reason",
    "assignee_uid",
)
#: Free text that merges paragraph by paragraph when both sides changed it.
TEXT_FIELDS = frozenset(
    {
        "findings",
        "justification",
        "revision_reason",
        "note",
        "text",
        *(f.name for f in ACTION_FIELDS if f.kind is FieldKind.TEXT),
    }
)
#: The kinds of rows that come and go, with the record attribute holding them.
ROW_KINDS = ("inspectors", "participants", "summary", "actions")
_ACTION_VALUE_FIELDS = tuple(f.name for f in ACTION_FIELDS if f.name != "position")


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _plain(value: Any) -> Any:
    """JSON's own shape, so a document read back from JSON equals the one made from a record."""
    return list(value) if isinstance(value, tuple) else value


def document_of(inspection: Inspection) -> Document:
    """The merge document of a record (which must carry uids: read from a library)."""
    facts: dict[str, Any] = {name: getattr(inspection, name) for name in FACTS}
    for name in _DATE_FACTS:
        facts[name] = _iso(facts[name])
    facts["status"] = inspection.status.value
    sections: dict[str, Any] = {}
    criteria: dict[str, Any] = {}
    for section in inspection.sections:
        sections[section.section_id] = {
            "findings": section.findings,
            "grade": section.grade.value if section.grade else None,
            "justification": section.justification,
            "revised_grade": section.revised_grade.value if section.revised_grade else None,
            "revised_on": _iso(section.revised_on),
            "revision_reason": section.revision_reason,
            "assignee_uid": section.assignee_uid,
        }
        for assessment in section.criteria:
            criteria[assessment.criterion_id] = {
                "status": assessment.status.value,
                "note": assessment.note,
            }
    actions = {}
    for item in inspection.action_items:
        values = {name: _plain(getattr(item, name)) for name in _ACTION_VALUE_FIELDS}
        values["status"] = item.status.value
        values["done_on"] = _iso(item.done_on)
        values["verified_on"] = _iso(item.verified_on)
        actions[item.uid] = values
    return {
        "uid": inspection.uid,
        "criteria_set": [inspection.criteria.id, inspection.criteria.version],
        "facts": facts,
        "sections": sections,
        "criteria": criteria,
        "inspectors": {i.uid: {"name": i.name, "role": i.role} for i in inspection.inspectors},
        "participants": {
            g.uid: {"role": g.role, "count": g.count, "names": g.names}
            for g in inspection.participants
        },
        "summary": {s.uid: {"kind": s.kind.value, "text": s.text} for s in inspection.summary},
        "actions": actions,
        "order": {
            "inspectors": [i.uid for i in inspection.inspectors],
            "participants": [g.uid for g in inspection.participants],
            "summary": [s.uid for s in inspection.summary],
            "actions": [a.uid for a in inspection.action_items],
        },
    }


def document_digest(document: Document) -> str:
    """SHA-256 of the canonical JSON: equal documents, equal digests, in every library."""
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record_of(document: Document, base: Inspection) -> Inspection:
    """The record a merged document describes, on `base` (the local record: its id, criteria
    snapshot and what the document does not hold, such as previous grades)."""
    facts = document["facts"]
    criteria = document["criteria"]
    sections = []
    for section in base.criteria.sections:
        values = document["sections"].get(section.id, {})
        sections.append(
            SectionAssessment(
                section_id=section.id,
                findings=values.get("findings", ""),
                grade=Grade(values["grade"]) if values.get("grade") else None,
                justification=values.get("justification", ""),
                revised_grade=(
                    Grade(values["revised_grade"]) if values.get("revised_grade") else None
                ),
                revised_on=_date(values.get("revised_on")),
                revision_reason=values.get("revision_reason", ""),
                assignee_uid=values.get("assignee_uid"),
                criteria=tuple(
                    CriterionAssessment(
                        c.id,
                        CriterionStatus(criteria[c.id]["status"]),
                        criteria[c.id]["note"],
                    )
                    if c.id in criteria
                    else CriterionAssessment(c.id)
                    for c in section.criteria
                ),
            )
        )
    order = document["order"]
    positions: dict[str, int] = {}
    summary = []
    for uid in order["summary"]:
        kind = SummaryKind(document["summary"][uid]["kind"])
        positions[kind] = positions.get(kind, -1) + 1
        summary.append(
            SummaryItem(0, kind, document["summary"][uid]["text"], positions[kind], uid=uid)
        )
    actions = []
    for position, uid in enumerate(order["actions"]):
        values = dict(document["actions"][uid])
        values["status"] = ActionItemStatus(values["status"])
        values["done_on"] = _date(values["done_on"])
        values["verified_on"] = _date(values["verified_on"])
        values["further_criteria"] = tuple(values.get("further_criteria", ()))
        actions.append(ActionItem(0, position=position, uid=uid, **values))
    return replace(
        base,
        unit=facts["unit"],
        site=facts["site"],
        care_provider=facts["care_provider"],
        specialty=facts["specialty"],
        visit_start=_date(facts["visit_start"]),
        visit_end=_date(facts["visit_end"]),
        report_date=_date(facts["report_date"]),
        reply_by=_date(facts.get("reply_by")),
        status=InspectionStatus(facts["status"]),
        inspectors=tuple(
            Inspector(document["inspectors"][uid]["name"], document["inspectors"][uid]["role"], uid)
            for uid in order["inspectors"]
        ),
        participants=tuple(
            ParticipantGroup(**document["participants"][uid], uid=uid)
            for uid in order["participants"]
        ),
        sections=tuple(sections),
        summary=tuple(summary),
        action_items=tuple(actions),
    )
