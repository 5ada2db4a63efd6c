"""The library's tables (SQLAlchemy 2, typed declarative). Portable SQL only.

Rows never leave `spurdesk.library`; it maps them to the frozen records of
`spurdesk.model.inspection`. Enumerations are stored as their Swedish values, dates and times as
ISO 8601 text, the criteria snapshot as JSON — readable with any SQLite tool, and the same on
PostgreSQL. Every change to these classes needs an Alembic revision in `migrations/versions`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints, so migrations can address them on every database (and batch-alter on SQLite).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class IsoDate(TypeDecorator[date]):
    """A calendar date stored as "YYYY-MM-DD" text: sortable, readable, the same everywhere."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


def iso_moment(value: datetime) -> str:
    """A moment as IsoDateTime stores it, so stored text can be compared with it in SQL."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


class IsoDateTime(TypeDecorator[datetime]):
    """A moment stored as ISO 8601 text in UTC ("2026-03-01T09:30:00.000000+00:00")."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else iso_moment(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _inspection_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)


# Ids handed to the UI (undo stacks, open windows) must never be reused after a purge, so SQLite
# gets AUTOINCREMENT on those tables (other databases' sequences never reuse anyway).
_NO_ID_REUSE = {"sqlite_autoincrement": True}


def new_uid() -> str:
    return str(uuid.uuid4())


def _uid() -> Mapped[str]:
    """Revision 7: the same in every library holding the row; two inspectors' copies merge by it."""
    return mapped_column(String(36), default=new_uid, index=True, unique=True)


class CriteriaSnapshotRow(Base):
    """A criteria set exactly as some inspections were made with it (`CriteriaSet.to_dict()`).

    Content-addressed by `digest` (SHA-256 of the canonical JSON), so identical snapshots are
    stored once and a row never changes once written.
    """

    __tablename__ = "criteria_snapshots"
    __table_args__ = _NO_ID_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    set_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class InspectionRow(Base):
    __tablename__ = "inspections"
    # Revision 9: the register's last SPUR per unit is read from this index alone (a grouped
    # scan of 10,000 entries, never the rows with their texts and grades).
    __table_args__ = (
        Index(
            "ix_inspections_unit_due",
            "unit_id",
            "deleted_at",
            "status",
            "visit_start",
            "visit_end",
            "report_date",
        ),
        _NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    unit: Mapped[str] = mapped_column(Text)
    site: Mapped[str] = mapped_column(Text, default="")
    care_provider: Mapped[str] = mapped_column(Text, default="")
    specialty: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(40))
    visit_start: Mapped[date | None] = mapped_column(IsoDate)
    visit_end: Mapped[date | None] = mapped_column(IsoDate)
    report_date: Mapped[date | None] = mapped_column(IsoDate)
    # Revision 3: the snapshot the inspection was made with, shared with identical ones.
    criteria_snapshot_id: Mapped[int] = mapped_column(
        ForeignKey("criteria_snapshots.id"), index=True
    )
    previous_inspection_id: Mapped[int | None] = mapped_column(
        ForeignKey("inspections.id", ondelete="SET NULL")
    )
    previous_grades: Mapped[dict[str, str]] = mapped_column(JSON)  # section id → grade
    created_at: Mapped[datetime] = mapped_column(IsoDateTime)
    modified_at: Mapped[datetime] = mapped_column(IsoDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(IsoDateTime, index=True)
    # Revision 4: what the start view shows, kept by every command that changes it (see
    # storage/listing.py): section id → effective grade (revised if revised), and the earliest
    # follow-up date among action items not yet verified.
    effective_grades: Mapped[dict[str, str]] = mapped_column(JSON, server_default="{}")
    next_follow_up: Mapped[date | None] = mapped_column(IsoDate)
    # Revision 6: the date by which the unit is to send its action plan.
    reply_by: Mapped[date | None] = mapped_column(IsoDate)
    # Revision 9: the unit of the register this inspection belongs to (its own texts stay).
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))


class InspectorRow(Base):
    __tablename__ = "inspectors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    inspection_id: Mapped[int] = _inspection_fk()
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text)


class ParticipantRow(Base):
    __tablename__ = "participant_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    inspection_id: Mapped[int] = _inspection_fk()
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(Integer)
    names: Mapped[str] = mapped_column(Text, default="")


class SectionRow(Base):
    __tablename__ = "section_assessments"
    __table_args__ = (UniqueConstraint("inspection_id", "section_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    section_id: Mapped[str] = mapped_column(String(20))
    findings: Mapped[str] = mapped_column(Text, default="")
    grade: Mapped[str | None] = mapped_column(String(1))
    justification: Mapped[str] = mapped_column(Text, default="")
    revised_grade: Mapped[str | None] = mapped_column(String(1))
    revised_on: Mapped[date | None] = mapped_column(IsoDate)
    revision_reason: Mapped[str] = mapped_column(Text, default="")
    # Revision 7: the inspector (uid) who writes this section, shown in the navigation.
    assignee_uid: Mapped[str | None] = mapped_column(String(36))


class CriterionRow(Base):
    __tablename__ = "criterion_assessments"
    __table_args__ = (UniqueConstraint("inspection_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")


class SummaryRow(Base):
    __tablename__ = "summary_items"
    __table_args__ = _NO_ID_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    inspection_id: Mapped[int] = _inspection_fk()
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer)


class ActionRow(Base):
    __tablename__ = "action_items"
    # Revision 4: the start view counts overdue open items without reading the rows' texts.
    __table_args__ = (
        Index("ix_action_items_overdue", "status", "due_on", "inspection_id"),
        _NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    inspection_id: Mapped[int] = _inspection_fk()
    section_id: Mapped[str | None] = mapped_column(String(20))
    criterion_id: Mapped[str | None] = mapped_column(String(20))
    # Revision 6: further criteria of the section the row answers (a JSON list of ids).
    further_criteria: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    planned_action: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    follow_up_responsible: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(30))
    unit_comment: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer)
    done_on: Mapped[date | None] = mapped_column(IsoDate)
    verified_on: Mapped[date | None] = mapped_column(IsoDate)
    verification_note: Mapped[str] = mapped_column(Text, default="")
    # Revision 2: the first ISO date in the free-text `due` / `follow_up`, kept by the library so
    # the start view can sort and count overdue items in SQL instead of parsing text per row.
    due_on: Mapped[date | None] = mapped_column(IsoDate)
    follow_up_on: Mapped[date | None] = mapped_column(IsoDate)


class AuditRow(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = _inspection_fk()
    at: Mapped[datetime] = mapped_column(IsoDateTime)
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    # Revision 5: what other layers read back (e.g. {"report_sha256": …} of a sent package).
    data: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, server_default="{}")


class SharedVersionRow(Base):
    """Revision 7: a state of an inspection sent to or received from the co-inspector (the
    merge document as JSON, content-addressed): the common ancestors of a three-way merge."""

    __tablename__ = "shared_versions"
    __table_args__ = (UniqueConstraint("inspection_id", "digest"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    digest: Mapped[str] = mapped_column(String(64))
    direction: Mapped[str] = mapped_column(String(10))  # "sent" or "received"
    peer: Mapped[str] = mapped_column(Text)  # who it went to or came from
    at: Mapped[datetime] = mapped_column(IsoDateTime)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)


class FactCheckCommentRow(Base):
    """Revision 8: a comment of the unit's sakgranskning and the inspectors' decision on it.

    Decided or not, a comment is never deleted with the report's text: its quote is kept as the
    unit wrote it, so the record shows what was asked even after the sentence changed."""

    __tablename__ = "fact_check_comments"
    __table_args__ = (UniqueConstraint("inspection_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))  # the unit's key, stable through its drafts
    section_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(20))  # model.fact_check.CommentKind
    quote: Mapped[str] = mapped_column(Text, default="")
    proposed: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(IsoDateTime)
    decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    applied_text: Mapped[str] = mapped_column(Text, default="")
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column(IsoDateTime, nullable=True)


class UnitRow(Base):
    """Revision 9: a training unit of the register (model.units.Unit)."""

    __tablename__ = "units"
    __table_args__ = _NO_ID_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    name: Mapped[str] = mapped_column(Text)
    site: Mapped[str] = mapped_column(Text, default="")
    care_provider: Mapped[str] = mapped_column(Text, default="")
    specialty: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(IsoDateTime)
    modified_at: Mapped[datetime] = mapped_column(IsoDateTime)


class UnitContactRow(Base):
    """Revision 9: a unit's verksamhetschef or studierektor, a recipient of its reports."""

    __tablename__ = "unit_contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(40))  # model.units.ContactRole
    name: Mapped[str] = mapped_column(Text)
    email: Mapped[str] = mapped_column(Text, default="")


class DeficiencyFollowUpRow(Base):
    """Revision 9: the six-month follow-up of a report with deficiencies against föreskrifter
    (model.due_dates): when it started and is due, and what of the unit's internal review and
    written report has arrived. One per inspection; `due_on` is kept so overdue ones are counted
    in SQL."""

    __tablename__ = "deficiency_follow_ups"
    __table_args__ = (Index("ix_deficiency_follow_ups_due", "due_on", "inspection_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), unique=True
    )
    start_on: Mapped[date] = mapped_column(IsoDate)
    due_on: Mapped[date] = mapped_column(IsoDate)
    review_on: Mapped[date | None] = mapped_column(IsoDate)
    review_by: Mapped[str] = mapped_column(Text, default="")
    review_note: Mapped[str] = mapped_column(Text, default="")
    report_on: Mapped[date | None] = mapped_column(IsoDate)
    report_by: Mapped[str] = mapped_column(Text, default="")
    report_note: Mapped[str] = mapped_column(Text, default="")


class MaterialRow(Base):
    """Revision 10: one piece of material requested from the unit (underlag), and what is known
    of its stored file; the file's bytes live in `material_files`, read only on demand."""

    __tablename__ = "material_items"
    __table_args__ = _NO_ID_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    inspection_id: Mapped[int] = _inspection_fk()
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(100), default="")  # the checklist's key, or ""
    title: Mapped[str] = mapped_column(Text)
    requested_on: Mapped[date | None] = mapped_column(IsoDate)
    received_on: Mapped[date | None] = mapped_column(IsoDate)
    note: Mapped[str] = mapped_column(Text, default="")
    criteria: Mapped[list[str]] = mapped_column(JSON, default=list)  # criterion ids (evidence)
    file_name: Mapped[str | None] = mapped_column(Text)
    file_kind: Mapped[str | None] = mapped_column(String(10))  # model.material.FileKind
    file_size: Mapped[int | None] = mapped_column(Integer)
    file_sha256: Mapped[str | None] = mapped_column(String(64))


class MaterialFileRow(Base):
    """Revision 10: the bytes of a material item's file (at most one per item)."""

    __tablename__ = "material_files"

    material_id: Mapped[int] = mapped_column(
        ForeignKey("material_items.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)
