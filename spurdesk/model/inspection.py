"""Plain domain records of an inspection, as the library hands them out.

These are what the UI, the report and the exchange read. They are immutable snapshots: to change
anything, call the library's service API and read again. No SQLAlchemy, no Qt.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from spurdesk.model.criteria import CriteriaSet, Grade
from spurdesk.model.material import MaterialItem


class InspectionStatus(StrEnum):
    """The report's life cycle; allowed transitions live in `spurdesk.model.lifecycle`."""

    DRAFT = "utkast"
    FACT_CHECK = "sakgranskning"
    FINAL = "fastställd"
    ACTION_PLAN_REQUESTED = "handlingsplan begärd"
    ACTION_PLAN_RECEIVED = "handlingsplan inkommen"
    CLOSED = "avslutad"


class CriterionStatus(StrEnum):
    MET = "uppfyllt"
    PARTLY_MET = "delvis uppfyllt"
    NOT_MET = "ej uppfyllt"
    NOT_ASSESSED = "ej bedömt"


class SummaryKind(StrEnum):
    STRENGTH = "styrka"
    WEAKNESS = "svaghet"
    IMPROVEMENT = "förbättringspotential"

    @property
    def heading(self) -> str:
        return {"styrka": "Styrkor", "svaghet": "Svagheter"}.get(
            self.value, "Förbättringspotential"
        )


_SUMMARY_HEADINGS = {
    SummaryKind.STRENGTH: "Styrkor",
    SummaryKind.WEAKNESS: "Svagheter",
    SummaryKind.IMPROVEMENT: "Förbättringspotential",
}


class ActionItemStatus(StrEnum):
    OPEN = "öppen"  # planned, not yet carried out
    DONE = "genomförd"  # the unit reports it carried out
    VERIFIED = "verifierad"  # the follow-up confirmed it


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def first_date_in(text: str) -> date | None:
    """The first ISO date in a free-text date field ("första uppföljning 2025-05-30"), if any.

    Completion and follow-up dates are free text in real plans ("kontinuerligt",
    "2025-05-01 (IUP-utveckling)"); this is what sorting and overdue checks use.
    """
    for match in _ISO_DATE.finditer(text):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class Inspector:
    name: str
    role: str = "inspektör"  # e.g. "huvudinspektör"
    #: The same in every library holding it (revision 7); "" until stored. Not part of equality:
    #: two records with the same content are equal wherever they were made.
    uid: str = field(default="", compare=False)


@dataclass(frozen=True)
class ParticipantGroup:
    role: str  # "ST-läkare", "Handledare", "Studierektor", "Verksamhetschef", or free text
    count: int
    names: str = ""  # optional, comma separated
    uid: str = field(default="", compare=False)  # stable across libraries (see Inspector)


@dataclass(frozen=True)
class CriterionAssessment:
    criterion_id: str
    status: CriterionStatus = CriterionStatus.NOT_ASSESSED
    note: str = ""


@dataclass(frozen=True)
class SectionAssessment:
    section_id: str
    findings: str = ""
    grade: Grade | None = None  # the grade given at the visit
    justification: str = ""  # required when `grade` differs from the suggested grade
    revised_grade: Grade | None = None  # after an accepted action plan
    revised_on: date | None = None
    revision_reason: str = ""
    criteria: tuple[CriterionAssessment, ...] = ()
    assignee_uid: str | None = None  # the inspector who writes this section (Inspector.uid)

    @property
    def effective_grade(self) -> Grade | None:
        return self.revised_grade or self.grade

    def criterion(self, criterion_id: str) -> CriterionAssessment:
        for assessment in self.criteria:
            if assessment.criterion_id == criterion_id:
                return assessment
        return CriterionAssessment(criterion_id)


@dataclass(frozen=True)
class SummaryItem:
    id: int
    kind: SummaryKind
    text: str
    position: int
    uid: str = field(default="", compare=False)  # stable across libraries (see Inspector)


@dataclass(frozen=True)
class ActionItem:
    id: int
    section_id: str | None  # None for a free-standing item
    criterion_id: str | None
    planned_action: str = ""
    due: str = ""  # "Datum när åtgärden ska vara genomförd": a date or text ("kontinuerligt")
    responsible: str = ""
    follow_up: str = ""  # "Datum för uppföljning": a date or text
    follow_up_responsible: str = ""
    status: ActionItemStatus = ActionItemStatus.OPEN
    unit_comment: str = ""
    position: int = 0
    done_on: date | None = None
    verified_on: date | None = None
    verification_note: str = ""
    # Further criteria of the same section the row answers (the seed's E row answers E.4 and
    # E.5): one planned action may remedy several deficiencies. Last, so positional records
    # written before it keep their meaning.
    further_criteria: tuple[str, ...] = ()
    uid: str = field(default="", compare=False)  # stable across libraries (see Inspector)

    @property
    def criteria_answered(self) -> tuple[str, ...]:
        """Every criterion the row answers: its own, then the further ones."""
        own = (self.criterion_id,) if self.criterion_id else ()
        return own + tuple(c for c in self.further_criteria if c != self.criterion_id)

    @property
    def has_answer(self) -> bool:
        """Whether the unit (or the inspectors) wrote anything in the row's fields."""
        return any(
            text.strip()
            for text in (
                self.planned_action,
                self.due,
                self.responsible,
                self.follow_up,
                self.follow_up_responsible,
                self.unit_comment,
            )
        )

    @property
    def follow_up_date(self) -> date | None:
        return first_date_in(self.follow_up)

    @property
    def due_date(self) -> date | None:
        return first_date_in(self.due)


@dataclass(frozen=True)
class AuditEvent:
    at: datetime
    actor: str
    action: str  # e.g. "grade", "revision", "status", "import"
    detail: str  # for people to read
    data: dict[str, str] = field(default_factory=dict)  # for the program to read back


@dataclass(frozen=True)
class SharedVersion:
    """A state of an inspection sent to or received from the co-inspector: a common ancestor
    for the three-way merge (see spurdesk.exchange.coinspector)."""

    digest: str  # SHA-256 of the merge document
    direction: str  # "sent" or "received"
    peer: str  # who it went to or came from
    at: datetime
    document: dict[str, Any]  # the merge document
    history: tuple[str, ...] = ()  # digests of the versions the sender had merged (received)


@dataclass(frozen=True)
class SyncEntry:
    """An inspection as a sync sees it before reading it (`Library.sync_index`)."""

    id: int
    uid: str
    title: str
    deleted: bool
    #: The digest of the content, known without reading it: recorded with a shared version as
    #: the content then, and nothing written to the inspection since. None: read it to know.
    digest: str | None


@dataclass(frozen=True)
class Inspection:
    id: int
    unit: str  # verksamhet, e.g. "Röntgenkliniken"
    site: str  # hospital or health centre
    care_provider: str  # vårdgivare / region
    specialty: str
    criteria: CriteriaSet  # the snapshot the inspection was made with
    status: InspectionStatus = InspectionStatus.DRAFT
    visit_start: date | None = None
    visit_end: date | None = None
    report_date: date | None = None
    # The date by which the unit is to send its action plan, set when the plan is requested.
    reply_by: date | None = None
    inspectors: tuple[Inspector, ...] = ()
    participants: tuple[ParticipantGroup, ...] = ()
    sections: tuple[SectionAssessment, ...] = ()  # one per criteria section, in set order
    summary: tuple[SummaryItem, ...] = ()  # ordered by kind, then position
    action_items: tuple[ActionItem, ...] = ()  # ordered by position
    previous_inspection_id: int | None = None  # set on a re-inspection
    previous_grades: dict[str, Grade] = field(default_factory=dict)  # section id → grade then
    created_at: datetime | None = None
    modified_at: datetime | None = None
    deleted_at: datetime | None = None  # set while the inspection is in the trash
    uid: str = field(default="", compare=False)  # stable across libraries (see Inspector)
    #: The material requested from the unit, in checklist order (files' bytes not included).
    material: tuple[MaterialItem, ...] = ()

    def section(self, section_id: str) -> SectionAssessment:
        for assessment in self.sections:
            if assessment.section_id == section_id:
                return assessment
        return SectionAssessment(section_id)

    def summary_of(self, kind: SummaryKind) -> tuple[SummaryItem, ...]:
        return tuple(item for item in self.summary if item.kind == kind)

    @property
    def title(self) -> str:
        return f"{self.unit}, {self.site}" if self.site else self.unit

    def with_new_identities(self) -> Inspection:
        """The same content as a different inspection: fresh uids for it and every row (a copy
        of an inspection the library already holds), section assignments following along."""
        inspectors = tuple(replace(i, uid=str(uuid.uuid4())) for i in self.inspectors)
        pairs = zip(self.inspectors, inspectors, strict=True)
        people = {old.uid: new.uid for old, new in pairs if old.uid}
        return replace(
            self,
            uid=str(uuid.uuid4()),
            inspectors=inspectors,
            participants=tuple(replace(g, uid=str(uuid.uuid4())) for g in self.participants),
            sections=tuple(
                replace(s, assignee_uid=people.get(s.assignee_uid or "")) for s in self.sections
            ),
            summary=tuple(replace(i, uid=str(uuid.uuid4())) for i in self.summary),
            action_items=tuple(replace(i, uid=str(uuid.uuid4())) for i in self.action_items),
            material=tuple(replace(i, uid=str(uuid.uuid4())) for i in self.material),
        )


@dataclass(frozen=True)
class InspectionSummary:
    """One row of the start view; cheap to list for thousands of inspections."""

    id: int
    unit: str
    site: str
    care_provider: str
    specialty: str
    visit_start: date | None
    status: InspectionStatus
    grades: dict[str, Grade]  # section id → effective grade (revised if revised)
    next_follow_up: date | None
    overdue_action_items: int
    modified_at: datetime | None
    deleted_at: datetime | None = None
