"""Verbs on the register of training units and on the six-month follow-up of deficiency reports.

A unit is found by its normalised texts (`model.units.unit_key`): a new inspection without an
explicit unit joins the unit whose texts match, or founds one, so the register never misses an
inspection. Merging keeps one unit, moves the other's inspections and contacts to it and records
the move in each moved inspection's history.

The register and the due dates are read with SQL aggregates (one grouped query over the
inspections, read from an index, one over the follow-ups), never by loading inspections; the start
view's two numbers are counted in SQL (`due_counts`). bench/units.py measures them at 10,000
inspections.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, case, delete, func, or_, select
from sqlalchemy.orm import Session

from spurdesk.library.core import LibraryCore, utc_now
from spurdesk.library.errors import LibraryError
from spurdesk.library.schema import (
    DeficiencyFollowUpRow,
    InspectionRow,
    SectionRow,
    UnitContactRow,
    UnitRow,
)
from spurdesk.library.storage import checks
from spurdesk.model.criteria import Grade
from spurdesk.model.due_dates import (
    SPUR_DONE,
    DeficiencyFollowUp,
    DueRules,
    Receipt,
    ReceiptKind,
    check_receipt_date,
    follow_up_due,
    last_spur_cutoff,
)
from spurdesk.model.units import (
    DUPLICATE_THRESHOLD,
    Contact,
    ContactRole,
    DuplicatePair,
    Unit,
    UnitError,
    UnitOverview,
    check_email,
    duplicate_pairs,
    unit_key,
)

_UNIT_LABELS = {
    "name": "Verksamhet",
    "site": "Sjukhus eller vårdcentral",
    "care_provider": "Vårdgivare",
    "specialty": "Specialitet",
}
#: Receipt kind → the columns of `deficiency_follow_ups` holding it.
_RECEIPT_COLUMNS = {
    ReceiptKind.INTERNAL_REVIEW: ("review_on", "review_by", "review_note"),
    ReceiptKind.WRITTEN_REPORT: ("report_on", "report_by", "report_note"),
}


def unit_fields(given: dict[str, Any], *, partial: bool = False) -> dict[str, str]:
    """A unit's texts checked, whitespace tidied; unknown names refused, the name required."""
    unknown = sorted(set(given) - set(_UNIT_LABELS))
    if unknown:
        raise LibraryError(
            f"Okända uppgifter för en enhet: {', '.join(unknown)}. "
            f"Möjliga är {', '.join(_UNIT_LABELS)}."
        )
    values = {
        name: " ".join(checks.text(value, _UNIT_LABELS[name]).split())
        for name, value in given.items()
    }
    if not partial:
        values = {name: values.get(name, "") for name in _UNIT_LABELS}
    if "name" in values and not values["name"]:
        raise LibraryError("Ange enhetens namn (verksamheten); det får inte vara tomt.")
    return values


def checked_contacts(given: Sequence[Contact]) -> list[Contact]:
    checked = []
    for number, contact in enumerate(given, start=1):
        if not isinstance(contact, Contact):
            raise LibraryError(f"Kontakt {number} är ingen kontaktuppgift.")
        role = checks.member(ContactRole, contact.role, f"Kontakt {number}s roll")
        name = " ".join(checks.text(contact.name, f"Kontakt {number}s namn").split())
        if not name:
            raise LibraryError(f"Kontakt {number} ({role.value}) saknar namn.")
        email = check_email(checks.text(contact.email, "E-post"), f"{name} ({role.value})")
        uid = checks.row_uid(contact.uid, f"Kontakt {number}")
        checked.append(Contact(role, name, email, uid=uid))
    return checked


def unit_with_key(session: Session, key: str, *, but: int | None = None) -> int | None:
    """The unit (other than `but`) whose normalised texts give `key`. A register holds hundreds
    of units, not thousands: compared here rather than kept normalised in another column."""
    query = select(UnitRow.id, UnitRow.name, UnitRow.site, UnitRow.care_provider, UnitRow.specialty)
    for unit_id, *texts in session.execute(query):
        if unit_id != but and unit_key(*texts) == key:
            return unit_id
    return None


def unit_for_texts(session: Session, values: dict[str, Any]) -> int:
    """The unit whose normalised texts equal an inspection's, founded when there is none."""
    key = unit_key(values["unit"], values["site"], values["care_provider"], values["specialty"])
    found = unit_with_key(session, key)
    if found is not None:
        return found
    now = utc_now()
    row = UnitRow(
        **unit_fields(
            {
                "name": values["unit"],
                "site": values["site"],
                "care_provider": values["care_provider"],
                "specialty": values["specialty"],
            }
        ),
        created_at=now,
        modified_at=now,
    )
    session.add(row)
    session.flush()
    return row.id


def start_follow_up(session: Session, row: InspectionRow, today: date) -> bool:
    """Open the six-month follow-up of an inspection whose report is fastställd (or further)
    and found deficiencies against föreskrifter (a section graded D at the visit), counted from
    the report's date; once per inspection. True when one was opened."""
    if row.status not in {status.value for status in SPUR_DONE}:
        return False
    exists = select(DeficiencyFollowUpRow.id).where(DeficiencyFollowUpRow.inspection_id == row.id)
    if session.scalar(exists) is not None:
        return False
    graded_d = select(SectionRow.id).where(
        SectionRow.inspection_id == row.id, SectionRow.grade == Grade.D.value
    )
    if session.scalar(graded_d.limit(1)) is None:
        return False
    start = row.report_date or today
    session.add(
        DeficiencyFollowUpRow(inspection_id=row.id, start_on=start, due_on=follow_up_due(start))
    )
    return True


def _day(value: Any) -> date | None:
    """A date column read through an aggregate: ISO text (SQLite) or a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _last_spurs() -> Select[tuple[int | None, int, Any]]:
    """Per unit: inspections not in the trash, and the latest visit of those at or past
    fastställd (ISO text on SQLite). Reads only `ix_inspections_unit_due`."""
    done = [status.value for status in SPUR_DONE]
    visit = func.coalesce(
        InspectionRow.visit_start, InspectionRow.visit_end, InspectionRow.report_date
    )
    last = func.max(case((InspectionRow.status.in_(done), visit), else_=None))
    return (
        select(InspectionRow.unit_id, func.count(InspectionRow.id), last.label("last"))
        .where(InspectionRow.deleted_at.is_(None), InspectionRow.unit_id.is_not(None))
        .group_by(InspectionRow.unit_id)
    )


def _open_follow_ups(today: date) -> Select[tuple[int | None, int, Any]]:
    """Per unit: deficiency follow-ups still missing a receipt, and how many are overdue."""
    return (
        select(
            InspectionRow.unit_id,
            func.count(DeficiencyFollowUpRow.id),
            func.sum(case((DeficiencyFollowUpRow.due_on < today, 1), else_=0)),
        )
        .join(InspectionRow, InspectionRow.id == DeficiencyFollowUpRow.inspection_id)
        .where(
            InspectionRow.deleted_at.is_(None),
            or_(
                DeficiencyFollowUpRow.review_on.is_(None),
                DeficiencyFollowUpRow.report_on.is_(None),
            ),
        )
        .group_by(InspectionRow.unit_id)
    )


def _receipt(on: date | None, by: str, note: str) -> Receipt | None:
    return None if on is None else Receipt(on, by, note)


class UnitVerbs(LibraryCore):
    # queries ----------------------------------------------------------------------------------
    def list_units(self, *, today: date | None = None) -> list[UnitOverview]:
        """Every unit with its inspection count, last SPUR and follow-ups, by name: three
        queries however many inspections there are, the inspections read from an index."""
        today = today or date.today()
        heads = select(
            UnitRow.id, UnitRow.name, UnitRow.site, UnitRow.care_provider, UnitRow.specialty
        )
        with self._read() as session:
            connection = session.connection()  # plain rows: the ORM's loading costs more here
            spurs = {
                unit_id: (count, _day(last))
                for unit_id, count, last in connection.execute(_last_spurs())
            }
            follow_ups = {
                unit_id: (count, overdue or 0)
                for unit_id, count, overdue in connection.execute(_open_follow_ups(today))
            }
            units = [
                UnitOverview(
                    unit_id,
                    name,
                    site,
                    care_provider,
                    specialty,
                    *spurs.get(unit_id, (0, None)),
                    *follow_ups.get(unit_id, (0, 0)),
                )
                for unit_id, name, site, care_provider, specialty in connection.execute(heads)
            ]
        return sorted(units, key=lambda u: (u.name.casefold(), u.site.casefold(), u.id))

    def due_counts(self, rules: DueRules, *, today: date | None = None) -> tuple[int, int]:
        """Units past their next SPUR, and deficiency follow-ups past their six months: the
        start view's two numbers, counted in SQL (one row each, whatever the register holds)."""
        today = today or date.today()
        spurs = _last_spurs().subquery()
        late_units = select(func.count()).where(spurs.c.last < last_spur_cutoff(today, rules))
        late_follow_ups = select(func.count()).select_from(
            _open_follow_ups(today).where(DeficiencyFollowUpRow.due_on < today).subquery()
        )
        with self._read() as session:
            return session.scalar(late_units) or 0, session.scalar(late_follow_ups) or 0

    def get_unit(self, unit_id: int) -> Unit:
        with self._read() as session:
            row = self._unit_row(session, unit_id)
            contacts = session.scalars(
                select(UnitContactRow)
                .where(UnitContactRow.unit_id == row.id)
                .order_by(UnitContactRow.position)
            )
            return Unit(
                row.id,
                row.name,
                row.site,
                row.care_provider,
                row.specialty,
                tuple(
                    Contact(ContactRole(c.role), c.name, c.email, id=c.id, uid=c.uid)
                    for c in contacts
                ),
                uid=row.uid,
            )

    def find_unit(
        self, name: str, site: str = "", care_provider: str = "", specialty: str = ""
    ) -> int | None:
        """The unit with these texts (whitespace and case aside), or None."""
        with self._read() as session:
            return unit_with_key(session, unit_key(name, site, care_provider, specialty))

    def unit_of(self, inspection_id: int) -> int | None:
        """The unit an inspection is linked to."""
        with self._read() as session:
            return self._inspection_row(session, inspection_id, editable=False).unit_id

    def unit_duplicates(self, threshold: float = DUPLICATE_THRESHOLD) -> list[DuplicatePair]:
        """Pairs of units that are probably one (for the user to merge), most alike first."""
        return duplicate_pairs(self.list_units(), threshold)

    # commands ---------------------------------------------------------------------------------
    def create_unit(
        self,
        *,
        name: str,
        site: str = "",
        care_provider: str = "",
        specialty: str = "",
        contacts: Sequence[Contact] = (),
    ) -> int:
        """A new unit of the register; refused when one with the same texts exists."""
        values = unit_fields(
            {"name": name, "site": site, "care_provider": care_provider, "specialty": specialty}
        )
        people = checked_contacts(contacts)
        with self._write() as session:
            self._refuse_twin(session, values)
            now = utc_now()
            row = UnitRow(**values, created_at=now, modified_at=now)
            session.add(row)
            session.flush()
            self._replace_contacts(session, row.id, people)
            return row.id

    def update_unit(self, unit_id: int, **fields: str) -> None:
        """Change the unit's name, site, care_provider or specialty (its inspections' own texts,
        which their reports print, stay as they are)."""
        values = unit_fields(fields, partial=True)
        with self._write() as session:
            row = self._unit_row(session, unit_id)
            merged = {name: getattr(row, name) for name in _UNIT_LABELS} | values
            self._refuse_twin(session, merged, but=row.id)
            for name, value in values.items():
                setattr(row, name, value)
            row.modified_at = utc_now()

    def set_unit_contacts(self, unit_id: int, contacts: Sequence[Contact]) -> None:
        """Replace the unit's contacts (the report's recipients), in the order given."""
        people = checked_contacts(contacts)
        with self._write() as session:
            row = self._unit_row(session, unit_id)
            self._replace_contacts(session, row.id, people)
            row.modified_at = utc_now()

    def link_inspection(self, inspection_id: int, unit_id: int) -> None:
        """Make the inspection one of `unit_id`'s, recorded in its history."""
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            unit = self._unit_row(session, unit_id)
            if row.unit_id == unit.id:
                return
            row.unit_id = unit.id
            self._touch(row)
            self._audit(session, row.id, "unit", f"Kopplad till enheten {_title(unit)}.")

    def merge_units(self, keep_id: int, merge_id: int) -> int:
        """Merge `merge_id` into `keep_id`: its inspections and the contacts `keep_id` lacks
        move over, and it is removed. Each moved inspection's history records the merge.
        Returns the number of inspections moved."""
        if keep_id == merge_id:
            raise LibraryError("En enhet kan inte slås ihop med sig själv; välj två olika.")
        with self._write() as session:
            keep = self._unit_row(session, keep_id)
            gone = self._unit_row(session, merge_id)
            moved = list(
                session.scalars(select(InspectionRow).where(InspectionRow.unit_id == gone.id))
            )
            detail = f"Enheten {_title(gone)} slogs ihop med {_title(keep)}."
            for inspection in moved:
                inspection.unit_id = keep.id
                self._audit(session, inspection.id, "unit", detail, {"merged_unit": gone.uid})
            known = {
                (c.role, c.name.casefold())
                for c in session.scalars(
                    select(UnitContactRow).where(UnitContactRow.unit_id == keep.id)
                )
            }
            position = len(known)
            for contact in session.scalars(
                select(UnitContactRow)
                .where(UnitContactRow.unit_id == gone.id)
                .order_by(UnitContactRow.position)
            ):
                if (contact.role, contact.name.casefold()) in known:
                    continue
                contact.unit_id = keep.id
                contact.position = position
                position += 1
            session.flush()
            session.execute(delete(UnitRow).where(UnitRow.id == gone.id))
            keep.modified_at = utc_now()
            return len(moved)

    # deficiency follow-up --------------------------------------------------------------------
    def deficiency_follow_ups(self, *, include_complete: bool = True) -> list[DeficiencyFollowUp]:
        """The six-month follow-ups of inspections not in the trash, earliest due first."""
        query = (
            select(
                DeficiencyFollowUpRow,
                InspectionRow.unit_id,
                InspectionRow.unit,
                InspectionRow.site,
            )
            .join(InspectionRow, InspectionRow.id == DeficiencyFollowUpRow.inspection_id)
            .where(InspectionRow.deleted_at.is_(None))
            .order_by(DeficiencyFollowUpRow.due_on, DeficiencyFollowUpRow.inspection_id)
        )
        if not include_complete:
            query = query.where(
                or_(
                    DeficiencyFollowUpRow.review_on.is_(None),
                    DeficiencyFollowUpRow.report_on.is_(None),
                )
            )
        with self._read() as session:
            return [
                DeficiencyFollowUp(
                    inspection_id=row.inspection_id,
                    unit_id=unit_id,
                    title=f"{unit}, {site}" if site else unit,
                    start=row.start_on,
                    internal_review=_receipt(row.review_on, row.review_by, row.review_note),
                    written_report=_receipt(row.report_on, row.report_by, row.report_note),
                )
                for row, unit_id, unit, site in session.execute(query)
            ]

    def record_receipt(
        self,
        inspection_id: int,
        kind: ReceiptKind,
        received_on: date | None,
        by: str = "",
        note: str = "",
        *,
        today: date | None = None,
    ) -> None:
        """The unit's internal review or written report received on `received_on` (None takes
        the receipt back). A date in the future or before the report is refused."""
        kind = checks.member(ReceiptKind, kind, "Vad som inkommit")
        day = checks.optional_date(received_on, f"{kind.label}, datum")
        by = " ".join(checks.text(by, f"{kind.label}, inskickad av").split())
        note = checks.text(note, f"{kind.label}, anteckning")
        on_column, by_column, note_column = _RECEIPT_COLUMNS[kind]
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            follow_up = session.scalars(
                select(DeficiencyFollowUpRow).where(DeficiencyFollowUpRow.inspection_id == row.id)
            ).one_or_none()
            if follow_up is None:
                raise LibraryError(
                    f"Inspektionen {row.unit} har ingen uppföljning av brister: den följs upp "
                    "när en rapport med brister mot föreskrifterna är fastställd."
                )
            if day is not None:
                check_receipt_date(day, follow_up.start_on, today or date.today(), kind)
            setattr(follow_up, on_column, day)
            setattr(follow_up, by_column, by if day else "")
            setattr(follow_up, note_column, note if day else "")
            self._touch(row)
            detail = (
                f"{kind.label} inkommen {day.isoformat()}" + (f" från {by}" if by else "") + "."
                if day
                else f"{kind.label}: mottagningen ångrad."
            )
            self._audit(session, row.id, "follow-up", detail + (f" {note}" if day and note else ""))

    # helpers ----------------------------------------------------------------------------------
    @staticmethod
    def _refuse_twin(session: Session, values: dict[str, str], but: int | None = None) -> None:
        key = unit_key(values["name"], values["site"], values["care_provider"], values["specialty"])
        unit_id = unit_with_key(session, key, but=but)
        if unit_id is not None:
            raise UnitError(
                f"Enheten {values['name']} finns redan i registret (enhet {unit_id}). "
                "Välj den i stället, eller slå ihop de två."
            )

    @staticmethod
    def _replace_contacts(session: Session, unit_id: int, people: Sequence[Contact]) -> None:
        kept = {c.uid for c in people}
        session.execute(
            delete(UnitContactRow).where(
                UnitContactRow.unit_id == unit_id, UnitContactRow.uid.not_in(kept)
            )
        )
        existing = {
            row.uid: row
            for row in session.scalars(
                select(UnitContactRow).where(UnitContactRow.unit_id == unit_id)
            )
        }
        for position, contact in enumerate(people):
            row = existing.get(contact.uid)
            if row is None:
                if session.scalar(
                    select(UnitContactRow.id).where(UnitContactRow.uid == contact.uid)
                ):
                    raise LibraryError(
                        f"Kontakten {contact.name}: identiteten {contact.uid} hör till en annan "
                        "enhet."
                    )
                row = UnitContactRow(unit_id=unit_id, uid=contact.uid)
                session.add(row)
            row.position = position
            row.role = contact.role.value
            row.name = contact.name
            row.email = contact.email


def _title(row: UnitRow) -> str:
    return f"{row.name}, {row.site}" if row.site else row.name
