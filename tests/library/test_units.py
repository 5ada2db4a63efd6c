"""The register of units through the service API: several units and inspections across years,
the link of each new inspection, merging near-duplicates, the six-month follow-up of deficiency
reports and its receipts, and bad input refused with nothing written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from spurdesk.errors import SpurdeskError
from spurdesk.library import Library, LibraryError
from spurdesk.model.criteria import CriteriaSet, Grade
from spurdesk.model.demo import demo_inspection
from spurdesk.model.due_dates import DueDateError, ReceiptKind
from spurdesk.model.inspection import InspectionStatus
from spurdesk.model.units import Contact, ContactRole, UnitError
from tests.library.conftest import new_inspection

TODAY = date.today()


def visited(library: Library, unit_id: int, year: int, status: InspectionStatus) -> int:
    """A stored inspection of `unit_id` visited in `year`, in `status`."""
    record = replace(
        demo_inspection(),
        status=status,
        visit_start=date(year, 3, 10),
        visit_end=date(year, 3, 11),
        report_date=date(year, 5, 2),
    )
    inspection_id = library.import_inspection(record)
    library.link_inspection(inspection_id, unit_id)
    return inspection_id


def test_a_new_inspection_joins_the_unit_with_its_texts_or_founds_one(
    library: Library, criteria: CriteriaSet
) -> None:
    first = new_inspection(library, criteria)
    again = library.create_inspection(
        unit=" röntgenkliniken ",
        site="STRANDVIKS  lasarett",
        care_provider="Region Exempelland",
        specialty="radiologi",
        criteria=criteria,
    )
    other = new_inspection(library, criteria, unit="Kirurgkliniken")
    assert library.unit_of(first) == library.unit_of(again) != library.unit_of(other)
    assert library.get_inspection(again).unit == "röntgenkliniken"  # its own text is kept
    assert [u.name for u in library.list_units()] == ["Kirurgkliniken", "Röntgenkliniken"]
    assert library.find_unit(
        "RÖNTGENKLINIKEN", "strandviks lasarett", "region exempelland", "Radiologi"
    ) == library.unit_of(first)


def test_a_new_inspection_can_pick_its_unit_and_a_reinspection_keeps_it(
    library: Library, criteria: CriteriaSet
) -> None:
    unit = library.create_unit(name="Medicinkliniken", site="Exempelsjukhuset")
    inspection = library.create_inspection(
        unit="Med.klin.",
        site="",
        care_provider="",
        specialty="Internmedicin",
        criteria=criteria,
        unit_id=unit,
    )
    assert library.unit_of(inspection) == unit
    assert library.unit_of(library.duplicate_as_reinspection(inspection)) == unit
    with pytest.raises(LibraryError, match="Enhet 999 finns inte"):
        library.create_inspection(
            unit="X", site="", care_provider="", specialty="", criteria=criteria, unit_id=999
        )


def test_last_spur_counts_only_reports_fastställda_and_not_in_the_trash(
    library: Library,
) -> None:
    unit = library.create_unit(name="Röntgenkliniken", site="Strandviks lasarett")
    other = library.create_unit(name="Ortopedkliniken")
    visited(library, unit, 2015, InspectionStatus.CLOSED)
    visited(library, unit, 2020, InspectionStatus.ACTION_PLAN_RECEIVED)
    visited(library, unit, 2025, InspectionStatus.DRAFT)  # not yet a SPUR
    trashed = visited(library, unit, 2023, InspectionStatus.FINAL)
    library.delete_inspection(trashed)
    visited(library, other, 2019, InspectionStatus.FINAL)
    rows = {u.id: u for u in library.list_units()}
    assert (rows[unit].inspections, rows[unit].last_spur) == (3, date(2020, 3, 10))
    assert (rows[other].inspections, rows[other].last_spur) == (1, date(2019, 3, 10))


def test_a_new_inspection_of_a_unit_is_compared_with_the_units_last_spur(
    library: Library,
) -> None:
    """Without "Duplicera som ominspektion", the unit's latest SPUR before the visit (at or past
    fastställd, not in the trash) is the one to compare with."""
    unit = library.create_unit(name="Röntgenkliniken", site="Strandviks lasarett")
    first = visited(library, unit, 2015, InspectionStatus.CLOSED)
    second = visited(library, unit, 2020, InspectionStatus.ACTION_PLAN_RECEIVED)
    visited(library, unit, 2019, InspectionStatus.DRAFT)  # never became a SPUR
    library.delete_inspection(visited(library, unit, 2022, InspectionStatus.FINAL))
    now = visited(library, unit, 2025, InspectionStatus.DRAFT)
    elsewhere = visited(
        library, library.create_unit(name="Ortopedkliniken"), 2025, InspectionStatus.DRAFT
    )

    def previous(inspection_id: int) -> int | None:
        found = library.previous_inspection(inspection_id)
        return None if found is None else found.id

    assert previous(now) == second
    assert previous(second) == first
    assert previous(first) is None
    assert previous(elsewhere) is None


def test_the_start_views_counts_agree_with_the_due_list(library: Library) -> None:
    """`due_counts` counts in SQL what `due_list` decides row by row."""
    from spurdesk.model.due_dates import DueRules, DueState, due_list

    for year, status in ((2012, InspectionStatus.CLOSED), (2019, InspectionStatus.FINAL)):
        unit = library.create_unit(name=f"Klinik {year}")
        visited(library, unit, year, status)
    never = library.create_unit(name="Aldrig inspekterad")
    visited(library, never, 2010, InspectionStatus.DRAFT)
    for today in (date(2020, 1, 1), date(2024, 3, 10), date(2024, 3, 11), date(2030, 1, 1)):
        for years in (1, 5, 10):
            rules = DueRules(interval_years=years)
            rows = due_list(library.list_units(today=today), today, rules)
            expected = (
                sum(1 for r in rows if r.spur.state is DueState.OVERDUE),
                sum(r.unit.overdue_follow_ups for r in rows),
            )
            assert library.due_counts(rules, today=today) == expected, (today, years)


def test_contacts_are_the_units_recipients_and_bad_ones_are_refused(library: Library) -> None:
    unit = library.create_unit(
        name="Röntgenkliniken",
        contacts=[Contact(ContactRole.HEAD_OF_UNIT, "Verksamhetschef", "vc@exempel.se")],
    )
    stored = library.get_unit(unit)
    library.set_unit_contacts(
        unit,
        [
            Contact(ContactRole.DIRECTOR_OF_STUDIES, " Studierektor ", "sr@exempel.se"),
            *stored.contacts,  # the same person keeps its identity
        ],
    )
    again = library.get_unit(unit)
    assert [(c.role, c.name) for c in again.contacts] == [
        (ContactRole.DIRECTOR_OF_STUDIES, "Studierektor"),
        (ContactRole.HEAD_OF_UNIT, "Verksamhetschef"),
    ]
    assert again.contacts[1].id == stored.contacts[0].id
    assert again.recipients()[0].role is ContactRole.HEAD_OF_UNIT
    for bad, message in [
        (Contact(ContactRole.HEAD_OF_UNIT, "VC", "vc@"), "e-postadress"),
        (Contact(ContactRole.HEAD_OF_UNIT, "  "), "saknar namn"),
        (Contact("rektor", "X"), "inget giltigt värde"),  # type: ignore[arg-type]
    ]:
        with pytest.raises(SpurdeskError, match=message):
            library.set_unit_contacts(unit, [bad])
    assert library.get_unit(unit) == again


def test_units_with_the_same_texts_or_no_name_are_refused(library: Library) -> None:
    unit = library.create_unit(name="Röntgenkliniken", site="Strandviks lasarett")
    with pytest.raises(UnitError, match="finns redan i registret"):
        library.create_unit(name="röntgenkliniken ", site="Strandviks  Lasarett")
    other = library.create_unit(name="Röntgenkliniken", site="Annat sjukhus")
    with pytest.raises(UnitError, match="finns redan"):
        library.update_unit(other, site="strandviks lasarett")
    with pytest.raises(LibraryError, match="enhetens namn"):
        library.update_unit(unit, name=" ")
    with pytest.raises(LibraryError, match="Okända uppgifter"):
        library.update_unit(unit, region="Skåne")
    library.update_unit(unit, care_provider="Region  Exempelland ")
    assert library.get_unit(unit).care_provider == "Region Exempelland"


def test_merging_near_duplicates_moves_inspections_and_contacts_with_an_audit(
    library: Library, criteria: CriteriaSet
) -> None:
    keep = library.create_unit(
        name="Röntgenkliniken",
        site="Strandviks lasarett",
        care_provider="Region Exempelland",
        specialty="Radiologi",
        contacts=[Contact(ContactRole.HEAD_OF_UNIT, "Verksamhetschef")],
    )
    twin = library.create_unit(
        name="Röntgen kliniken",
        site="Strandviks lasarett",
        care_provider="Region Exempelland",
        specialty="Radiologi",
        contacts=[
            Contact(ContactRole.HEAD_OF_UNIT, "verksamhetschef"),  # the same person
            Contact(ContactRole.DIRECTOR_OF_STUDIES, "Studierektor", "sr@exempel.se"),
        ],
    )
    library.create_unit(name="Kirurgkliniken", site="Exempelsjukhuset")
    moved = [
        library.create_inspection(
            unit="Röntgen kliniken",
            site="Strandviks lasarett",
            care_provider="Region Exempelland",
            specialty="Radiologi",
            criteria=criteria,
        )
        for _ in range(2)
    ]
    assert {library.unit_of(i) for i in moved} == {twin}
    [pair] = library.unit_duplicates()
    assert (pair.keep.id, pair.merge.id) == (twin, keep)  # the twin has the inspections
    assert library.merge_units(keep, twin) == 2
    assert {library.unit_of(i) for i in moved} == {keep}
    assert [u.id for u in library.list_units() if u.name.startswith("Rönt")] == [keep]
    assert [(c.role, c.name) for c in library.get_unit(keep).contacts] == [
        (ContactRole.HEAD_OF_UNIT, "Verksamhetschef"),
        (ContactRole.DIRECTOR_OF_STUDIES, "Studierektor"),
    ]
    [event] = [e for e in library.audit_events(moved[0]) if e.action == "unit"]
    assert "Röntgen kliniken" in event.detail and event.actor == "Inspektör Ett"
    assert library.unit_duplicates() == []
    with pytest.raises(LibraryError, match="sig själv"):
        library.merge_units(keep, keep)
    with pytest.raises(LibraryError, match="finns inte"):
        library.merge_units(keep, twin)


def test_a_report_with_deficiencies_gets_its_follow_up_when_fastställd(
    library: Library, criteria: CriteriaSet
) -> None:
    clean = new_inspection(library, criteria, unit="Ortopedkliniken")
    deficient = new_inspection(library, criteria)
    library.update_inspection(deficient, report_date=date(2026, 1, 15))
    library.set_grade(deficient, "E", Grade.D, "Handledning saknas för flera ST-läkare.")
    for inspection_id in (clean, deficient):
        library.set_status(inspection_id, InspectionStatus.FACT_CHECK)
        library.set_status(inspection_id, InspectionStatus.FINAL)
    [follow_up] = library.deficiency_follow_ups()
    assert (follow_up.inspection_id, follow_up.start, follow_up.due) == (
        deficient,
        date(2026, 1, 15),
        date(2026, 7, 15),
    )
    assert follow_up.unit_id == library.unit_of(deficient)
    status_event = [e for e in library.audit_events(deficient) if e.action == "status"][-1]
    assert "sex månader" in status_event.detail


def test_receipts_are_recorded_taken_back_and_bad_dates_refused(library: Library) -> None:
    unit = library.create_unit(name="Röntgenkliniken")
    inspection = visited(library, unit, 2025, InspectionStatus.ACTION_PLAN_RECEIVED)
    [follow_up] = library.deficiency_follow_ups()
    assert follow_up.start == date(2025, 5, 2)
    [overview] = [u for u in library.list_units(today=date(2026, 1, 1)) if u.id == unit]
    assert (overview.open_follow_ups, overview.overdue_follow_ups) == (1, 1)
    library.record_receipt(
        inspection, ReceiptKind.INTERNAL_REVIEW, date(2025, 10, 1), " Verksamhetschef ", "Bra."
    )
    library.record_receipt(inspection, ReceiptKind.WRITTEN_REPORT, "2025-10-20", "Studierektor")
    [done] = library.deficiency_follow_ups()
    assert done.complete and done.internal_review is not None
    assert (done.internal_review.by, done.internal_review.note) == ("Verksamhetschef", "Bra.")
    assert library.deficiency_follow_ups(include_complete=False) == []
    assert sum(u.open_follow_ups for u in library.list_units()) == 0
    library.record_receipt(inspection, ReceiptKind.WRITTEN_REPORT, None)
    assert library.deficiency_follow_ups()[0].written_report is None
    events = [e.detail for e in library.audit_events(inspection) if e.action == "follow-up"]
    assert events[0].startswith("Intern granskning inkommen 2025-10-01 från Verksamhetschef.")
    assert events[-1] == "Skriftlig rapport: mottagningen ångrad."

    tomorrow = TODAY + timedelta(days=1)
    for day, message in [
        (tomorrow, "ligger i framtiden"),
        (date(2025, 5, 1), "före rapporten"),
        ("2025-02-30", "inget datum"),
    ]:
        with pytest.raises(SpurdeskError, match=message):
            library.record_receipt(inspection, ReceiptKind.WRITTEN_REPORT, day)
    assert library.deficiency_follow_ups()[0].written_report is None
    with pytest.raises(DueDateError):
        library.record_receipt(inspection, ReceiptKind.INTERNAL_REVIEW, tomorrow, today=TODAY)


def test_a_receipt_for_an_inspection_without_deficiencies_is_refused(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection = new_inspection(library, criteria)
    with pytest.raises(LibraryError, match="ingen uppföljning av brister"):
        library.record_receipt(inspection, ReceiptKind.INTERNAL_REVIEW, TODAY)
