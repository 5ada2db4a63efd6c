"""The Inspection record as JSON: an exact round-trip, criteria snapshot included.

`to_json` is what a package carries as inspection.json; `from_json` reads it back as untrusted input
(every type checked, oversized values refused) and yields a record equal to the one written.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from spurdesk.exchange.jsonread import Node, parse_json
from spurdesk.model.action_fields import UNIT_FIELDS
from spurdesk.model.criteria import (
    AreaKind,
    CriteriaSet,
    CriterionKind,
    Grade,
    RevisionDirection,
)
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


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _uid(value: str | None, key: str = "uid") -> dict[str, str]:
    """A stable identity, left out when there is none: a record without identities (e.g. the
    report of a package sent before they existed) keeps its JSON, and so its digest."""
    return {key: value} if value else {}


def _read_uid(node: Node, key: str = "uid") -> str:
    found = node.get(key, None)
    return "" if found.value is None else found.text()


def action_item_to_dict(item: ActionItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "section_id": item.section_id,
        "criterion_id": item.criterion_id,
        "further_criteria": list(item.further_criteria),
        **{name: getattr(item, name) for name in UNIT_FIELDS},
        "status": item.status.value,
        "position": item.position,
        "done_on": _iso(item.done_on),
        "verified_on": _iso(item.verified_on),
        "verification_note": item.verification_note,
        **_uid(item.uid),
    }


def inspection_to_dict(inspection: Inspection) -> dict[str, Any]:
    """A JSON-safe dict of the whole record; the criteria snapshot via `CriteriaSet.to_dict`."""
    return {
        "id": inspection.id,
        "unit": inspection.unit,
        "site": inspection.site,
        "care_provider": inspection.care_provider,
        "specialty": inspection.specialty,
        "criteria": inspection.criteria.to_dict(),
        "status": inspection.status.value,
        "visit_start": _iso(inspection.visit_start),
        "visit_end": _iso(inspection.visit_end),
        "report_date": _iso(inspection.report_date),
        "reply_by": _iso(inspection.reply_by),
        "inspectors": [
            {"name": i.name, "role": i.role, **_uid(i.uid)} for i in inspection.inspectors
        ],
        "participants": [
            {"role": p.role, "count": p.count, "names": p.names, **_uid(p.uid)}
            for p in inspection.participants
        ],
        "sections": [
            {
                "section_id": s.section_id,
                "findings": s.findings,
                "grade": s.grade.value if s.grade else None,
                "justification": s.justification,
                "revised_grade": s.revised_grade.value if s.revised_grade else None,
                "revised_on": _iso(s.revised_on),
                "revision_reason": s.revision_reason,
                **_uid(s.assignee_uid, "assignee_uid"),
                "criteria": [
                    {"criterion_id": c.criterion_id, "status": c.status.value, "note": c.note}
                    for c in s.criteria
                ],
            }
            for s in inspection.sections
        ],
        "summary": [
            {
                "id": s.id,
                "kind": s.kind.value,
                "text": s.text,
                "position": s.position,
                **_uid(s.uid),
            }
            for s in inspection.summary
        ],
        "action_items": [action_item_to_dict(item) for item in inspection.action_items],
        "previous_inspection_id": inspection.previous_inspection_id,
        "previous_grades": {k: v.value for k, v in inspection.previous_grades.items()},
        "created_at": _iso(inspection.created_at),
        "modified_at": _iso(inspection.modified_at),
        "deleted_at": _iso(inspection.deleted_at),
        **_uid(inspection.uid),
    }


def to_json(inspection: Inspection) -> str:
    """inspection.json: readable (indented), non-ASCII kept as is."""
    return json.dumps(inspection_to_dict(inspection), ensure_ascii=False, indent=1)


def from_json(raw: str | bytes, source: str = "inspection.json") -> Inspection:
    """Read a record written by `to_json`; anything malformed raises ExchangeError."""
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return inspection_from_node(parse_json(data, source))


def _by_kind(node: Node) -> dict[str, str]:
    """A snapshot's {kind: text} (group headings, group notes); absent in older snapshots."""
    data = node.obj()
    return {kind.value: node[kind.value].text() for kind in CriterionKind if kind.value in data}


def _revision(node: Node) -> dict[str, Any]:
    return {
        "statuses": [s.enum(InspectionStatus).value for s in node["statuses"].items()],
        "direction": node["direction"].enum(RevisionDirection).value,
        "from": [g.enum(Grade).value for g in node["from"].items()],
        "to": [g.enum(Grade).value for g in node["to"].items()],
        "requires_plan_row": node["requires_plan_row"].value is True,
        "text": node["text"].text(),
    }


def criteria_from_node(node: Node) -> CriteriaSet:
    """Check the snapshot's shape and types, then build it with `CriteriaSet.from_dict`."""
    revision = node.get("revision", None)
    checked = {
        "id": node["id"].text(),
        "title": node["title"].text(),
        "version": node["version"].integer(),
        "regulation": [r.text() for r in node["regulation"].items()],
        "language": node["language"].text(),
        "areas": [
            {
                "kind": area["kind"].enum(AreaKind).value,
                "title": area["title"].text(),
                "description": area.get("description", "").text(),
                "sections": [
                    {
                        "id": s["id"].text(),
                        "title": s["title"].text(),
                        "preamble": s["preamble"].text(),
                        "allowed_exceptions": s["allowed_exceptions"].integer(),
                        "scale": [
                            {
                                "grade": st["grade"].enum(Grade).value,
                                "text": st["text"].text(),
                                "note": st.get("note", "").text(),
                            }
                            for st in s["scale"].items()
                        ],
                        "headings": _by_kind(s.get("headings", {})),
                        "group_notes": _by_kind(s.get("group_notes", {})),
                        "criteria": [
                            {
                                "id": c["id"].text(),
                                "kind": c["kind"].enum(CriterionKind).value,
                                "text": c["text"].text(),
                                "note": c.get("note", "").text(),
                            }
                            for c in s["criteria"].items()
                        ],
                    }
                    for s in area["sections"].items()
                ],
            }
            for area in node["areas"].items()
        ],
    }
    if revision.value is not None:
        checked["revision"] = _revision(revision)
    return CriteriaSet.from_dict(checked)


def action_item_from_node(node: Node) -> ActionItem:
    return ActionItem(
        id=node["id"].integer(),
        section_id=node["section_id"].optional_text(),
        criterion_id=node["criterion_id"].optional_text(),
        **{name: node[name].text() for name in UNIT_FIELDS},
        further_criteria=tuple(c.text() for c in node.get("further_criteria", []).items()),
        status=node["status"].enum(ActionItemStatus),
        position=node["position"].integer(),
        done_on=node["done_on"].optional_date(),
        verified_on=node["verified_on"].optional_date(),
        verification_note=node["verification_note"].text(),
        uid=_read_uid(node),
    )


def _section_from_node(node: Node) -> SectionAssessment:
    return SectionAssessment(
        section_id=node["section_id"].text(),
        findings=node["findings"].text(),
        grade=node["grade"].optional_enum(Grade),
        justification=node["justification"].text(),
        revised_grade=node["revised_grade"].optional_enum(Grade),
        revised_on=node["revised_on"].optional_date(),
        revision_reason=node["revision_reason"].text(),
        assignee_uid=_read_uid(node, "assignee_uid") or None,
        criteria=tuple(
            CriterionAssessment(
                criterion_id=c["criterion_id"].text(),
                status=c["status"].enum(CriterionStatus),
                note=c["note"].text(),
            )
            for c in node["criteria"].items()
        ),
    )


def inspection_from_node(node: Node) -> Inspection:
    previous = node["previous_grades"]
    return Inspection(
        id=node["id"].integer(),
        unit=node["unit"].text(),
        site=node["site"].text(),
        care_provider=node["care_provider"].text(),
        specialty=node["specialty"].text(),
        criteria=criteria_from_node(node["criteria"]),
        status=node["status"].enum(InspectionStatus),
        visit_start=node["visit_start"].optional_date(),
        visit_end=node["visit_end"].optional_date(),
        report_date=node["report_date"].optional_date(),
        reply_by=node.get("reply_by", None).optional_date(),
        inspectors=tuple(
            Inspector(name=i["name"].text(), role=i["role"].text(), uid=_read_uid(i))
            for i in node["inspectors"].items()
        ),
        participants=tuple(
            ParticipantGroup(
                role=p["role"].text(),
                count=p["count"].integer(),
                names=p["names"].text(),
                uid=_read_uid(p),
            )
            for p in node["participants"].items()
        ),
        sections=tuple(_section_from_node(s) for s in node["sections"].items()),
        summary=tuple(
            SummaryItem(
                id=s["id"].integer(),
                kind=s["kind"].enum(SummaryKind),
                text=s["text"].text(),
                position=s["position"].integer(),
                uid=_read_uid(s),
            )
            for s in node["summary"].items()
        ),
        action_items=tuple(action_item_from_node(a) for a in node["action_items"].items()),
        previous_inspection_id=node["previous_inspection_id"].optional_integer(),
        previous_grades={key: previous[key].enum(Grade) for key in previous.obj()},
        created_at=node["created_at"].optional_datetime(),
        modified_at=node["modified_at"].optional_datetime(),
        deleted_at=node["deleted_at"].optional_datetime(),
        uid=_read_uid(node),
    )
