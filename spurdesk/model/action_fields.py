"""The one table of action-plan (handlingsplan) row fields.

Every place that lists the fields of an `ActionItem` — the library's checks and autosave, the
exchange package and Word form to the unit, the JSON records, the report's appendix, the
follow-up lists and the editors — reads them from here, so a new field is added in one place.
The Swedish labels are the seed report's; the English ones are what the English interface shows
(the UI's .ts catalogue is checked against them by a test).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FieldKind(StrEnum):
    LINK = "link"  # the section or criterion the row answers: a choice
    LINKS = "links"  # further criteria of the section the row answers: several choices
    TEXT = "text"  # free text, several lines
    PERSON = "person"  # who: a name or a role, one line
    DATE_TEXT = "date_text"  # a date, or words such as "kontinuerligt"
    STATUS = "status"  # an ActionItemStatus: a choice
    DATE = "date"  # a calendar date set by the inspectors (done, verified)
    POSITION = "position"  # the row's place in the plan


class InReport(StrEnum):
    """Whether the report's handlingsplan table prints the field."""

    ALWAYS = "always"
    WHEN_FILLED = "when_filled"
    NEVER = "never"


@dataclass(frozen=True)
class ActionField:
    name: str  # the ActionItem attribute
    label: str  # Swedish, as the seed's handlingsplan prints it
    english: str
    kind: FieldKind
    unit_editable: bool  # the unit fills it in (the .spur package, the Word form)
    autosaves: bool  # typed text, staged while typing and written by the autosave
    in_report: InReport = InReport.NEVER


ACTION_FIELDS: tuple[ActionField, ...] = (
    ActionField("section_id", "Avsnitt", "Section", FieldKind.LINK, False, False),
    ActionField("criterion_id", "Kriterium", "Criterion", FieldKind.LINK, False, False),
    ActionField(
        "planned_action",
        "Planerad åtgärd",
        "Planned action",
        FieldKind.TEXT,
        True,
        True,
        InReport.ALWAYS,
    ),
    ActionField(
        "due",
        "Datum när åtgärden ska vara genomförd",
        "Date by which the action is to be completed",
        FieldKind.DATE_TEXT,
        True,
        True,
        InReport.ALWAYS,
    ),
    ActionField(
        "responsible",
        "Ansvarig för genomförandet",
        "Responsible for carrying it out",
        FieldKind.PERSON,
        True,
        True,
        InReport.ALWAYS,
    ),
    ActionField(
        "follow_up",
        "Datum för uppföljning",
        "Follow-up date",
        FieldKind.DATE_TEXT,
        True,
        True,
        InReport.ALWAYS,
    ),
    ActionField(
        "follow_up_responsible",
        "Ansvarig för uppföljningen",
        "Responsible for the follow-up",
        FieldKind.PERSON,
        True,
        True,
        InReport.ALWAYS,
    ),
    ActionField("status", "Status", "Status", FieldKind.STATUS, False, False),
    ActionField(
        "unit_comment",
        "Kommentar från verksamheten",
        "Comment from the unit",
        FieldKind.TEXT,
        True,
        True,
        InReport.WHEN_FILLED,
    ),
    ActionField("position", "Plats", "Position", FieldKind.POSITION, False, False),
    ActionField("done_on", "Genomförd datum", "Done on", FieldKind.DATE, False, False),
    ActionField("verified_on", "Verifierad datum", "Verified on", FieldKind.DATE, False, False),
    ActionField(
        "verification_note",
        "Anteckning om verifiering",
        "Verification note",
        FieldKind.TEXT,
        False,
        True,
    ),
    ActionField("further_criteria", "Besvarar även", "Also answers", FieldKind.LINKS, False, False),
)

_BY_NAME = {field.name: field for field in ACTION_FIELDS}


def action_field(name: str) -> ActionField:
    """The field called `name`; KeyError for a name that is not an ActionItem field."""
    return _BY_NAME[name]


#: The fields the unit fills in, in the seed's order.
UNIT_FIELDS: tuple[str, ...] = tuple(f.name for f in ACTION_FIELDS if f.unit_editable)
#: The free-text fields the editors autosave through the library's staging.
AUTOSAVED_FIELDS: tuple[str, ...] = tuple(f.name for f in ACTION_FIELDS if f.autosaves)
#: The fields the report's handlingsplan prints, in order (WHEN_FILLED ones only when not empty).
REPORT_FIELDS: tuple[ActionField, ...] = tuple(
    f for f in ACTION_FIELDS if f.in_report is not InReport.NEVER
)
#: Swedish label of every field by name.
LABELS: dict[str, str] = {f.name: f.label for f in ACTION_FIELDS}
