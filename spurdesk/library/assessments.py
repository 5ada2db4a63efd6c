"""Verbs on the assessment of sections and criteria: findings, criterion status and note,
grades and their revision after an accepted action plan."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from spurdesk.library.core import LibraryCore
from spurdesk.library.errors import LibraryError
from spurdesk.library.schema import (
    CriterionRow,
    InspectorRow,
)
from spurdesk.library.storage import checks, rows
from spurdesk.library.storage.records import (
    grade_or_none,
)
from spurdesk.model import grading
from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import (
    CriterionStatus,
)


class AssessmentVerbs(LibraryCore):
    def set_findings(self, inspection_id: int, section_id: str, text: str) -> None:
        text = checks.text(text, f"Iakttagelser för avsnitt {section_id}")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            self._section(row, section_id)
            rows.section_row(session, row.id, section_id).findings = text
            self._touch(row)

    def set_criterion(
        self, inspection_id: int, criterion_id: str, status: CriterionStatus, note: str
    ) -> None:
        """A criterion's status and note together (the import path and the CLI)."""
        checked = checks.member(CriterionStatus, status, f"Status för kriterium {criterion_id}")
        note = checks.text(note, f"Anteckning till kriterium {criterion_id}")
        with self._write() as session:
            criterion_row = self._criterion_row(session, inspection_id, criterion_id)
            criterion_row.status = checked.value
            criterion_row.note = note

    def set_criterion_status(
        self, inspection_id: int, criterion_id: str, status: CriterionStatus
    ) -> None:
        """The status alone: the note, perhaps still being typed and staged, is left as it is."""
        checked = checks.member(CriterionStatus, status, f"Status för kriterium {criterion_id}")
        with self._write() as session:
            self._criterion_row(session, inspection_id, criterion_id).status = checked.value

    def _criterion_row(
        self, session: Session, inspection_id: int, criterion_id: str
    ) -> CriterionRow:
        """The criterion's assessment row (created on first use), its inspection touched."""
        row = self._inspection_row(session, inspection_id)
        self._section_of_criterion(row, criterion_id)
        self._touch(row)
        return rows.criterion_row(session, row.id, criterion_id)

    def assign_section(
        self, inspection_id: int, section_id: str, inspector_uid: str | None
    ) -> None:
        """The inspector (by uid) who writes the section, or None; either may still write."""
        uid = checks.optional_uid(inspector_uid, f"Ansvarig för avsnitt {section_id}")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            self._section(row, section_id)
            people = session.scalars(
                select(InspectorRow.uid).where(InspectorRow.inspection_id == row.id)
            )
            if uid is not None and uid not in set(people):
                raise LibraryError(
                    f"Avsnitt {section_id} kan bara tilldelas en av inspektionens inspektörer."
                )
            rows.section_row(session, row.id, section_id).assignee_uid = uid
            self._touch(row)

    def set_grade(
        self,
        inspection_id: int,
        section_id: str,
        grade: Grade | None,
        justification: str = "",
    ) -> None:
        """The grade given at the visit; refused off the scale, or differing from the suggested
        grade without a justification (`grading.validate_grade_choice`)."""
        new = (
            None
            if grade is None
            else checks.member(Grade, grade, f"Gradering för avsnitt {section_id}")
        )
        justification = checks.text(justification, "Motivering")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            section = self._section(row, section_id)
            statuses = {
                r.criterion_id: CriterionStatus(r.status)
                for r in session.scalars(
                    select(CriterionRow).where(CriterionRow.inspection_id == row.id)
                )
            }
            suggestion = grading.suggest_grade(section, statuses)
            grading.validate_grade_choice(section, new, suggestion, justification)
            section_row = rows.section_row(session, row.id, section_id)
            old = grade_or_none(section_row.grade)
            section_row.grade = new.value if new else None
            section_row.justification = justification
            self._touch(row)
            rows.refresh_listing(session, row)
            if old != new:
                detail = f"Avsnitt {section_id}: {_grade_text(old)} → {_grade_text(new)}"
                if justification.strip():
                    detail += f". Motivering: {justification.strip()}"
                self._audit(session, row.id, "grade", detail)

    def revise_grade(
        self,
        inspection_id: int,
        section_id: str,
        grade: Grade | None,
        on: date | None,
        reason: str,
    ) -> None:
        """The grade after the action plan (`None` clears the revision), refused unless the
        criteria set's revision rule allows it now (`grading.check_revision`: the plan has
        arrived and answers the section, the visit found deficiencies there, and the new grade is
        better and one the rule may reach)."""
        new = (
            None if grade is None else checks.member(Grade, grade, f"Ändrad gradering {section_id}")
        )
        revised_on = checks.optional_date(on, "Datum för ändrad gradering")
        reason = checks.text(reason, "Skäl till ändringen")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            section = self._section(row, section_id)
            section_row = rows.section_row(session, row.id, section_id)
            original = grade_or_none(section_row.grade)
            previous = grade_or_none(section_row.revised_grade)
            if new is None:
                section_row.revised_grade = None
                section_row.revised_on = None
                section_row.revision_reason = ""
                detail = f"Avsnitt {section_id}: ändrad gradering {_grade_text(previous)} borttagen"
            else:
                grading.check_revision(self._load(session, row.id), section.id, new, reason)
                section_row.revised_grade = new.value
                section_row.revised_on = revised_on
                section_row.revision_reason = reason
                when = f" ({revised_on.isoformat()})" if revised_on else ""
                detail = (
                    f"Avsnitt {section_id}: {_grade_text(original)} ändrad till "
                    f"{new.value}{when}. Skäl: {reason.strip()}"
                )
            self._touch(row)
            rows.refresh_listing(session, row)
            if new is not None or previous is not None:
                self._audit(session, row.id, "revision", detail)


def _grade_text(grade: Grade | None) -> str:
    return grade.value if grade is not None else "ingen"
