"""The inspector's side: compare the unit's response with the inspection and apply accepted rows.

A response may only fill in action rows. One that changes findings, grades or criteria, or that
belongs to another inspection, is refused with what it tried to change, before anything is written.
Accepted rows go through the service API and one "import" AuditEvent records what came in.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from enum import StrEnum

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.action_plan import (
    ActionPlan,
    ActionRow,
    PlanDeficiency,
    listed_deficiencies,
)
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.outgoing import sent_digests
from spurdesk.exchange.package import (
    InspectionIdentity,
    inspection_digest,
    inspection_key,
)
from spurdesk.exchange.response import Response
from spurdesk.exchange.store import ActionPlanStore, SentLookup
from spurdesk.exchange.validation import PlanProblem, row_label, validate_plan
from spurdesk.model.action_fields import LABELS, UNIT_FIELDS
from spurdesk.model.inspection import Inspection


class RowState(StrEnum):
    NEW = "ny"
    CHANGED = "ändrad"
    UNCHANGED = "oförändrad"


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str

    @property
    def label(self) -> str:
        return LABELS[self.field]


@dataclass(frozen=True)
class RowDiff:
    row: ActionRow
    state: RowState
    label: str  # "Rad 2 (E.4)"
    deficiency: PlanDeficiency | None
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Review:
    inspection: Inspection  # as the library holds it now
    response: Response
    rows: tuple[RowDiff, ...]
    problems: tuple[PlanProblem, ...]  # what is still missing in the unit's plan

    @property
    def pending(self) -> tuple[RowDiff, ...]:
        """The rows that would change the inspection: the ones to accept or reject."""
        return tuple(d for d in self.rows if d.state is not RowState.UNCHANGED)


@dataclass(frozen=True)
class ImportResult:
    added: tuple[int, ...]
    updated: tuple[int, ...]
    rejected: int
    detail: str  # what the AuditEvent says


def _library_inspection(store: ActionPlanStore, response: Response) -> Inspection:
    return library_inspection(store, response.identity, response.source)


def library_inspection(store: SentLookup, identity: InspectionIdentity, source: str) -> Inspection:
    """The library's inspection an answer from the unit belongs to; refused when the library
    does not hold it (another library, another inspection)."""
    try:
        inspection = store.get_inspection(identity.library_id)
    except SpurdeskError:
        inspection = None
    if inspection is None or inspection_key(inspection) != identity.key:
        raise ExchangeError(
            f"{source}: svaret hör till inspektionen {identity.label}, som inte finns i "
            "det här biblioteket. Öppna biblioteket där inspektionen finns och importera där."
        )
    return inspection


def attempted_report_changes(original: Inspection, received: Inspection) -> list[str]:
    """What the received report changes that only the inspectors may change (Swedish phrases)."""
    changes: list[str] = []
    if received.criteria != original.criteria:
        changes.append("kriterierna")
    received_ids = [s.section_id for s in received.sections]
    if received_ids != [s.section_id for s in original.sections]:
        changes.append("avsnitten")
    for ours in original.sections:
        theirs = received.section(ours.section_id)
        if theirs.findings != ours.findings:
            changes.append(f"avsnitt {ours.section_id}: iakttagelserna")
        if (theirs.grade, theirs.justification) != (ours.grade, ours.justification):
            changes.append(f"avsnitt {ours.section_id}: graderingen")
        if (theirs.revised_grade, theirs.revised_on, theirs.revision_reason) != (
            ours.revised_grade,
            ours.revised_on,
            ours.revision_reason,
        ):
            changes.append(f"avsnitt {ours.section_id}: den ändrade graderingen")
        if theirs.criteria != ours.criteria:
            changes.append(f"avsnitt {ours.section_id}: bedömningen av kriterierna")
    if [(s.kind, s.text) for s in received.summary] != [(s.kind, s.text) for s in original.summary]:
        changes.append("sammanfattningen")
    return changes


def _refuse(response: Response, what: str) -> ExchangeError:
    return ExchangeError(
        f"{response.source}: svaret försöker ändra {what}. Verksamheten får bara fylla i "
        "handlingsplanen; ingenting har importerats. Be verksamheten skicka ett nytt svar."
    )


def _diff_row(
    plan: ActionPlan, row: ActionRow, inspection: Inspection, response: Response
) -> RowDiff:
    label = row_label(plan, row)
    deficiency = plan.deficiency(row.section_id, row.criterion_id)
    if row.item_id is not None:
        item = next((i for i in inspection.action_items if i.id == row.item_id), None)
        if item is None:
            raise ExchangeError(
                f"{response.source}: {label} gäller en rad som inte finns i inspektionens "
                "handlingsplan (borttagen efter utskicket, eller en manipulerad fil). Ingenting "
                "har importerats; skicka ett nytt paket till verksamheten."
            )
        if (item.section_id, item.criterion_id) != (row.section_id, row.criterion_id):
            raise _refuse(response, f"vilken brist {label} gäller")
        changes = tuple(
            FieldChange(name, getattr(item, name), getattr(row, name))
            for name in UNIT_FIELDS
            if getattr(item, name) != getattr(row, name)
        )
        state = RowState.CHANGED if changes else RowState.UNCHANGED
        return RowDiff(row, state, label, deficiency, changes)
    if deficiency is None:
        raise _refuse(response, f"bristerna: {label} gäller inte någon av rapportens brister")
    values = row.values()
    duplicate = any(
        (i.section_id, i.criterion_id) == (row.section_id, row.criterion_id)
        and all(getattr(i, name) == value for name, value in values.items())
        for i in inspection.action_items
    )
    if duplicate or not any(v.strip() for v in values.values()):
        # Already imported once, or an empty placeholder: nothing to add.
        return RowDiff(row, RowState.UNCHANGED, label, deficiency)
    changes = tuple(FieldChange(name, "", value) for name, value in values.items() if value)
    return RowDiff(row, RowState.NEW, label, deficiency, changes)


def review_response(store: ActionPlanStore, response: Response) -> Review:
    """Compare the response with the library's inspection; refuse what the unit may not change."""
    inspection = _library_inspection(store, response)
    if response.inspection is not None:
        changes = attempted_report_changes(inspection, response.inspection)
        # A report exactly as sent is the unit's untouched copy; the differences are then the
        # inspectors' own edits since sending.
        if changes and inspection_digest(response.inspection) not in sent_digests(
            store, inspection.id
        ):
            raise _refuse(response, ", ".join(changes))
    # The deficiencies, and which further criteria a row answers, are the inspectors': take them
    # from the library, never from the response (a Word form does not even carry the latter).
    further = {item.id: item.further_criteria for item in inspection.action_items}
    plan = replace(
        response.plan,
        deficiencies=listed_deficiencies(inspection),
        rows=tuple(
            replace(row, further_criteria=further.get(row.item_id or 0, ()))
            for row in response.plan.rows
        ),
    )
    rows = tuple(_diff_row(plan, row, inspection, response) for row in plan.rows)
    return Review(inspection, replace(response, plan=plan), rows, tuple(validate_plan(plan)))


def _import_detail(review: Review, added: int, updated: int, rejected: int) -> str:
    return (
        f"Handlingsplan från verksamheten importerad ur {review.response.source}: "
        f"{added} nya rader, {updated} ändrade rader godtagna, {rejected} avvisade."
        + (f" {len(review.problems)} brister i planen kvarstår." if review.problems else "")
    )


def apply_review(store: ActionPlanStore, review: Review, accepted: Collection[str]) -> ImportResult:
    """Write the accepted rows (by key) and one "import" event, all or nothing.

    The review is recomputed against the library first, so a stale review cannot overwrite rows
    changed since. Every write is part of one transaction (`store.batch()`): should one fail,
    none of them is kept.
    """
    fresh = review_response(store, review.response)
    pending = {diff.row.key: diff for diff in fresh.pending}
    unknown = sorted(set(accepted) - pending.keys())
    if unknown:
        raise ExchangeError(
            f"Raderna {', '.join(unknown)} finns inte längre bland ändringarna att granska. "
            "Öppna svaret igen och granska på nytt."
        )
    inspection_id = fresh.inspection.id
    added: list[int] = []
    updated: list[int] = []
    with store.batch():
        for key, diff in pending.items():
            if key not in accepted:
                continue
            item_id = diff.row.item_id
            if item_id is None:  # RowState.NEW: a row the library does not hold yet
                added.append(
                    store.add_action_item(
                        inspection_id,
                        section_id=diff.row.section_id,
                        criterion_id=diff.row.criterion_id,
                        **diff.row.values(),
                    )
                )
            else:
                store.update_action_item(item_id, **{c.field: c.new for c in diff.changes})
                updated.append(item_id)
        rejected = len(pending) - len(added) - len(updated)
        detail = _import_detail(fresh, len(added), len(updated), rejected)
        store.record_event(inspection_id, "import", detail)
    return ImportResult(tuple(added), tuple(updated), rejected, detail)
