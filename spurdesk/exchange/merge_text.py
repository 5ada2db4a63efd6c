"""Where a merged value lives, in Swedish words: for the command line and the audit trail.

(The desktop app words the same places through its translations; see ui/exchange.)
"""

from __future__ import annotations

from typing import Any

from spurdesk.exchange.merge import Change, Conflict, ConflictKind, Path
from spurdesk.model.action_fields import LABELS as ACTION_LABELS

_FACTS = {
    "unit": "verksamhet",
    "site": "sjukhus eller vårdcentral",
    "care_provider": "vårdgivare",
    "specialty": "specialitet",
    "visit_start": "besöksdatum (start)",
    "visit_end": "besöksdatum (slut)",
    "report_date": "rapportdatum",
    "status": "status",
}
_SECTION_FIELDS = {
    "findings": "iakttagelser",
    "grade": "gradering",
    "justification": "motivering",
    "revised_grade": "ändrad gradering",
    "revised_on": "datum för ändrad gradering",
    "revision_reason": "skäl till ändringen",
    "assignee_uid": "skrivs av",
}
_ROWS = {
    "summary": "sammanfattningspunkt",
    "actions": "rad i handlingsplanen",
    "inspectors": "inspektör",
    "participants": "intervjuad grupp",
}
_ROW_FIELDS: dict[str, str] = {
    **{name: label.lower() for name, label in ACTION_LABELS.items()},
    "text": "text",
    "kind": "typ",
    "name": "namn",
    "role": "roll",
    "count": "antal",
    "names": "namn",
}


def place(path: Path) -> str:
    """ "Avsnitt E, iakttagelser", "Kriterium E.4, anteckning", "Rad i handlingsplanen …"."""
    kind = path[0]
    if kind == "facts":
        return f"Översikt, {_FACTS.get(path[1], path[1])}"
    if kind == "sections":
        return f"Avsnitt {path[1]}, {_SECTION_FIELDS.get(path[2], path[2])}"
    if kind == "criteria":
        field = "status" if path[2] == "status" else "anteckning"
        return f"Kriterium {path[1]}, {field}"
    if kind == "order":
        return f"Ordningen bland {_ROWS.get(path[1], path[1])}er"
    row = f"{_ROWS.get(kind, kind).capitalize()} {path[1][:8]}"
    return row if len(path) == 2 else f"{row}, {_ROW_FIELDS.get(path[2], path[2])}"


def _short(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, dict):
        value = next((v for v in value.values() if isinstance(v, str) and v), "…")
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "…"


def change_line(change: Change) -> str:
    if change.before is None:
        return f"{place(change.path)}: ny ({_short(change.after)})"
    if change.after is None:
        return f"{place(change.path)}: borttagen"
    return f"{place(change.path)}: {_short(change.before)} → {_short(change.after)}"


def conflict_line(conflict: Conflict, there: str = "i kopian") -> str:
    """One conflict for the command line; `there` names the other side ("på kontoret")."""
    if conflict.kind is ConflictKind.REMOVED:
        gone = "här" if conflict.mine is None else there
        return f"{place(conflict.path)}: borttagen {gone}, ändrad på andra hållet"
    return (
        f"{place(conflict.path)}: här {_short(conflict.mine)!s}, "
        f"{there} {_short(conflict.theirs)!s}"
    )
