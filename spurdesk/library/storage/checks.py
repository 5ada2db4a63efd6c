"""Input checks of the service API: each returns the normalised value or raises a LibraryError
whose message names the field (in Swedish) and what to do. Pure: no database, no side effects,
so every command checks everything before it writes anything."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from spurdesk.library.errors import LibraryError
from spurdesk.model.action_fields import AUTOSAVED_FIELDS, LABELS
from spurdesk.model.criteria import CriteriaSet, Grade, Section
from spurdesk.model.due_dates import ReceiptKind
from spurdesk.model.inspection import (
    ActionItem,
    ActionItemStatus,
    CriterionStatus,
    InspectionStatus,
    Inspector,
    ParticipantGroup,
    SummaryKind,
    first_date_in,
)
from spurdesk.model.units import ContactRole

_INSPECTION_LABELS = {
    "unit": "Verksamhet",
    "site": "Sjukhus eller vårdcentral",
    "care_provider": "Vårdgivare",
    "specialty": "Specialitet",
    "visit_start": "Besöksdatum (start)",
    "visit_end": "Besöksdatum (slut)",
    "report_date": "Rapportdatum",
    "reply_by": "Handlingsplanen ska inkomma senast",
}
_INSPECTION_TEXT_FIELDS = ("unit", "site", "care_provider", "specialty")
#: The facts of a visit `inspection_fields` checks (the Inspection record's attribute names).
INSPECTION_FIELD_NAMES = tuple(_INSPECTION_LABELS)

_E = TypeVar(
    "_E",
    Grade,
    CriterionStatus,
    InspectionStatus,
    SummaryKind,
    ActionItemStatus,
    ContactRole,
    ReceiptKind,
)


def text(value: object, what: str) -> str:
    """A text as given; refused when it is not text or cannot be stored (lone surrogates,
    which no UTF-8 database holds)."""
    if not isinstance(value, str):
        raise LibraryError(f"{what} måste vara text, inte {type(value).__name__}.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise LibraryError(
            f"{what} innehåller ett tecken som inte kan sparas (position {error.start}). "
            "Ta bort det och försök igen."
        ) from error
    return value


def text_mapping(value: object, what: str) -> dict[str, str]:
    """A mapping of text to text (an audit event's data), copied."""
    if not isinstance(value, Mapping):
        raise LibraryError(f"{what} måste vara par av text, inte {type(value).__name__}.")
    return {text(key, what): text(item, what) for key, item in value.items()}


def optional_uid(value: object, what: str) -> str | None:
    """None, or a stable identity: a UUID in its 36-character text form."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            if str(uuid.UUID(value)) == value.lower():
                return value.lower()
        except ValueError:
            pass
    raise LibraryError(f"{what}: {str(value)[:40]!r} är ingen giltig identitet (UUID).")


def row_uid(value: object, what: str) -> str:
    """A row's stable identity: the one given, or a new one for a row made here."""
    return optional_uid(value, what) or str(uuid.uuid4())


def optional_date(value: object, what: str) -> date | None:
    """None, a date, a datetime (its date) or ISO text "YYYY-MM-DD"."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise LibraryError(f"{what}: {value!r} är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD.")


def member(kind: type[_E], value: object, what: str) -> _E:
    """A member of one of the record enumerations, from itself or its stored value."""
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise LibraryError(f"{what}: {value!r} är inget giltigt värde (välj {allowed}).") from None


def insertion_index(position: int | None, count: int, what: str) -> int:
    """Where a row goes among `count` others: `position`, or last when None."""
    if position is None:
        return count
    if not isinstance(position, int) or isinstance(position, bool) or not 0 <= position <= count:
        raise LibraryError(f"{what}: plats {position!r} finns inte (välj 0–{count}).")
    return position


def visit_dates(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise LibraryError(
            f"Besöket kan inte sluta ({end.isoformat()}) före det börjar "
            f"({start.isoformat()}). Rätta datumen."
        )


def inspection_fields(given: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Inspection metadata checked and normalised; unknown names refused. Unless `partial`,
    the four text fields are required."""
    unknown = sorted(set(given) - set(_INSPECTION_LABELS))
    if unknown:
        raise LibraryError(
            f"Okända uppgifter för en inspektion: {', '.join(unknown)}. "
            f"Möjliga är {', '.join(_INSPECTION_LABELS)}."
        )
    values: dict[str, Any] = {}
    for name, value in given.items():
        if name in _INSPECTION_TEXT_FIELDS:
            values[name] = text(value, _INSPECTION_LABELS[name]).strip()
        else:
            values[name] = optional_date(value, _INSPECTION_LABELS[name])
    if "unit" in values and not values["unit"]:
        raise LibraryError("Ange verksamhetens namn; det får inte vara tomt.")
    if not partial:
        missing = [_INSPECTION_LABELS[n] for n in _INSPECTION_TEXT_FIELDS if n not in values]
        if missing:
            raise LibraryError(f"Uppgifter saknas: {', '.join(missing)}.")
        visit_dates(values.get("visit_start"), values.get("visit_end"))
    return values


def inspectors(given: Sequence[Inspector]) -> list[Inspector]:
    checked = []
    for number, inspector in enumerate(given, start=1):
        if not isinstance(inspector, Inspector):
            raise LibraryError(f"Inspektör {number} är ingen inspektörsuppgift.")
        name = text(inspector.name, f"Inspektör {number}s namn").strip()
        if not name:
            raise LibraryError(f"Inspektör {number} saknar namn.")
        role = text(inspector.role, "Inspektörens roll").strip()
        checked.append(Inspector(name, role, uid=row_uid(inspector.uid, f"Inspektör {number}")))
    return checked


def participant_groups(given: Sequence[ParticipantGroup]) -> list[ParticipantGroup]:
    checked = []
    for number, group in enumerate(given, start=1):
        if not isinstance(group, ParticipantGroup):
            raise LibraryError(f"Deltagargrupp {number} är ingen deltagaruppgift.")
        role = text(group.role, f"Deltagargrupp {number}s roll").strip()
        if not role:
            raise LibraryError(f"Deltagargrupp {number} saknar roll (t.ex. ST-läkare).")
        count = group.count
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise LibraryError(
                f"Antalet i gruppen {role} måste vara ett heltal 0 eller större, inte {count!r}."
            )
        uid = row_uid(group.uid, f"Deltagargrupp {number}")
        checked.append(ParticipantGroup(role, count, text(group.names, "Namn"), uid=uid))
    return checked


def grade_on_scale(section: Section, grade: object) -> Grade | None:
    """None, or a grade the section's scale offers."""
    if grade is None:
        return None
    checked = member(Grade, grade, f"Gradering för avsnitt {section.id}")
    if checked not in section.grades:
        allowed = ", ".join(g.value for g in section.grades)
        raise LibraryError(
            f"Avsnitt {section.label} har ingen gradering {checked.value} (välj {allowed})."
        )
    return checked


def action_link(
    criteria: CriteriaSet, section_id: str | None, criterion_id: str | None
) -> tuple[str | None, str | None]:
    """The section and criterion an action answers; the section follows from the criterion."""
    if criterion_id is not None:
        try:
            owner = criteria.section_of(criterion_id)
        except KeyError:
            raise LibraryError(
                f"Kriterium {criterion_id!r} finns inte i kriterieuppsättningen."
            ) from None
        if section_id is not None and section_id != owner.id:
            raise LibraryError(
                f"Kriterium {criterion_id} hör till avsnitt {owner.id}, inte {section_id}."
            )
        return owner.id, criterion_id
    if section_id is not None:
        try:
            criteria.section(section_id)
        except KeyError:
            raise LibraryError(
                f"Avsnitt {section_id!r} finns inte i kriterieuppsättningen."
            ) from None
    return section_id, None


def further_criteria(
    criteria: CriteriaSet, section_id: str | None, criterion_id: str | None, given: object
) -> list[str]:
    """The further criteria a row answers: criteria of the row's own section, each once, not
    the row's own criterion (which it answers already), in the section's order."""
    if isinstance(given, str) or not isinstance(given, Sequence):
        raise LibraryError("Kriterierna en rad även besvarar ska vara en lista med kriterier.")
    ids = [text(c, "Kriterium") for c in given]
    if not ids:
        return []
    if section_id is None:
        raise LibraryError(
            "En rad som besvarar flera kriterier behöver ett avsnitt; välj avsnitt eller kriterium."
        )
    section = criteria.section(section_id)
    own = [c.id for c in section.criteria]
    strangers = [c for c in ids if c not in own]
    if strangers:
        raise LibraryError(
            f"Kriterium {', '.join(strangers)} hör inte till avsnitt {section_id}; en rad besvarar "
            "bara kriterier i sitt eget avsnitt."
        )
    return [c for c in own if c in ids and c != criterion_id]


def action_values(criteria: CriteriaSet, item: ActionItem) -> dict[str, Any]:
    """An ActionItem's stored columns (positions aside), checked against the criteria; the dates
    found in the free-text `due` and `follow_up` go along for sorting and overdue counts."""
    section_id, criterion_id = action_link(criteria, item.section_id, item.criterion_id)
    further = further_criteria(criteria, section_id, criterion_id, item.further_criteria)
    values: dict[str, Any] = {
        name: text(getattr(item, name), LABELS[name]) for name in AUTOSAVED_FIELDS
    }
    values.update(
        section_id=section_id,
        criterion_id=criterion_id,
        further_criteria=further,
        status=member(ActionItemStatus, item.status, "Åtgärdens status").value,
        done_on=optional_date(item.done_on, LABELS["done_on"]),
        verified_on=optional_date(item.verified_on, LABELS["verified_on"]),
        due_on=first_date_in(values["due"]),
        follow_up_on=first_date_in(values["follow_up"]),
    )
    return values
