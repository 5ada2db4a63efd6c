"""The service API's commands: bad input refused with nothing written, grading and lifecycle
rules applied, audit events recorded, lists kept in order, staged text written by flush."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event

from spurdesk.errors import SpurdeskError
from spurdesk.library import Library, LibraryError, ReadOnlyLibraryError
from spurdesk.library.text_keys import (
    ActionTextKey,
    CriterionNoteKey,
    FindingsKey,
    JustificationKey,
    SummaryTextKey,
)
from spurdesk.model.criteria import CriteriaSet, Grade
from spurdesk.model.inspection import (
    ActionItemStatus,
    CriterionStatus,
    InspectionStatus,
    ParticipantGroup,
    SummaryKind,
)
from tests.library.conftest import file_digest, library_state, new_inspection, receive_plan


def unmet(library: Library, inspection_id: int, *criterion_ids: str) -> None:
    for criterion_id in criterion_ids:
        library.set_criterion(inspection_id, criterion_id, CriterionStatus.NOT_MET, "")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda lib, i: lib.set_findings(i, "Z", "text"), "Avsnitt 'Z'"),
        (lambda lib, i: lib.set_criterion(i, "Q.9", CriterionStatus.MET, ""), "'Q.9'"),
        (lambda lib, i: lib.set_criterion(i, "A.1", "kanske", ""), "'kanske'"),
        (lambda lib, i: lib.set_findings(999, "A", "text"), "Inspektion 999 finns inte"),
        (lambda lib, i: lib.update_inspection(i, unit="  "), "verksamhetens namn"),
        (lambda lib, i: lib.update_inspection(i, colour="blå"), "colour"),
        (lambda lib, i: lib.update_inspection(i, visit_start="13/11"), "ÅÅÅÅ-MM-DD"),
        (
            lambda lib, i: lib.update_inspection(
                i, visit_start=date(2025, 2, 5), visit_end=date(2025, 2, 4)
            ),
            "före",
        ),
        (
            lambda lib, i: lib.set_participants(i, [ParticipantGroup("ST-läkare", -1)]),
            "heltal",
        ),
        (lambda lib, i: lib.add_summary_item(i, SummaryKind.STRENGTH, "x", 5), "plats 5"),
        (lambda lib, i: lib.add_action_item(i, section_id="A", criterion_id="E.4"), "hör till"),
        (lambda lib, i: lib.update_action_item(999, due="x"), "finns inte"),
        (lambda lib, i: lib.set_findings(i, "A", "trasig \ud800 text"), "inte kan sparas"),
        (lambda lib, i: lib.set_status(i, InspectionStatus.CLOSED), ""),
        (lambda lib, i: lib.stage_text(FindingsKey(i, "Z"), "x"), "Avsnitt 'Z'"),
        (lambda lib, i: lib.stage_text(("colour", i), "x"), "textnyckel"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_written(
    library: Library, criteria: CriteriaSet, call: object, message: str
) -> None:
    inspection_id = new_inspection(library, criteria)
    library.flush()
    before = library_state(library)
    with pytest.raises(SpurdeskError, match=message or None):
        call(library, inspection_id)  # type: ignore[operator]
    assert library_state(library) == before
    assert not library.has_staged_changes


def test_a_new_inspection_with_a_visit_ending_before_it_starts_is_refused(
    library: Library, criteria: CriteriaSet
) -> None:
    with pytest.raises(LibraryError, match="före"):
        library.create_inspection(
            unit="Röntgenkliniken",
            site="",
            care_provider="",
            specialty="Radiologi",
            criteria=criteria,
            visit_start=date(2025, 2, 5),
            visit_end=date(2025, 2, 4),
        )
    assert library.list_inspections() == []


def test_a_grade_differing_from_the_suggestion_needs_a_justification(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    unmet(library, inspection_id, "E.4")  # a föreskrift: the rules suggest D
    with pytest.raises(SpurdeskError, match=r"(?i)motivering"):
        library.set_grade(inspection_id, "E", Grade.C)
    assert library.get_inspection(inspection_id).section("E").grade is None
    library.set_grade(inspection_id, "E", Grade.C, "Bristen är åtgärdad under besöket.")
    section = library.get_inspection(inspection_id).section("E")
    assert (section.grade, section.justification) == (
        Grade.C,
        "Bristen är åtgärdad under besöket.",
    )


def test_a_grade_outside_the_sections_scale_is_refused(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    assert Grade.C not in criteria.section("A").grades
    with pytest.raises(SpurdeskError, match="ingen gradering C"):
        library.set_grade(inspection_id, "A", Grade.C, "motiverat")


def test_grade_changes_revisions_status_and_imports_are_audited_with_the_actor(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    unmet(library, inspection_id, "E.4")
    library.set_grade(inspection_id, "E", Grade.D)
    library.actor = "Inspektör Två"
    receive_plan(library, inspection_id)
    library.revise_grade(inspection_id, "E", Grade.C, date(2025, 3, 1), "Handlingsplan inkommen.")
    library.record_event(inspection_id, "export", "Rapport.docx")
    events = library.audit_events(inspection_id)
    assert [e.action for e in events] == ["create", "grade"] + ["status"] * 4 + [
        "revision",
        "export",
    ]
    assert events[1].detail == "Avsnitt E: ingen → D"
    assert events[2].detail == "utkast → sakgranskning"
    assert events[4].detail == "fastställd → handlingsplan begärd, svar senast 2025-03-01"
    assert events[5].detail == "handlingsplan begärd → handlingsplan inkommen"
    assert "D ändrad till C (2025-03-01)" in events[6].detail
    assert [e.actor for e in events] == ["Inspektör Ett"] * 2 + ["Inspektör Två"] * 6
    assert events == sorted(events, key=lambda e: e.at)
    record = library.get_inspection(inspection_id)
    imported = library.import_inspection(record)
    assert [e.action for e in library.audit_events(imported)] == ["import"]


def test_a_refused_status_transition_changes_nothing(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    with pytest.raises(SpurdeskError):
        library.set_status(inspection_id, InspectionStatus.FINAL)
    assert library.get_inspection(inspection_id).status is InspectionStatus.DRAFT
    assert [e.action for e in library.audit_events(inspection_id)] == ["create"]


def test_revising_needs_a_reason_and_none_clears_the_revision(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    unmet(library, inspection_id, "E.4")
    library.set_grade(inspection_id, "E", Grade.D)
    receive_plan(library, inspection_id)
    with pytest.raises(SpurdeskError):
        library.revise_grade(inspection_id, "E", Grade.C, date(2025, 3, 1), "  ")
    library.revise_grade(inspection_id, "E", Grade.C, date(2025, 3, 1), "Plan inkommen.")
    assert library.get_inspection(inspection_id).section("E").effective_grade is Grade.C
    library.revise_grade(inspection_id, "E", None, None, "")
    section = library.get_inspection(inspection_id).section("E")
    assert (section.revised_grade, section.revised_on, section.revision_reason) == (None, None, "")
    assert section.effective_grade is Grade.D


def test_summary_items_keep_their_order_per_kind(library: Library, criteria: CriteriaSet) -> None:
    inspection_id = new_inspection(library, criteria)
    first = library.add_summary_item(inspection_id, SummaryKind.STRENGTH, "Ett")
    library.add_summary_item(inspection_id, SummaryKind.WEAKNESS, "Svag")
    third = library.add_summary_item(inspection_id, SummaryKind.STRENGTH, "Tre")
    library.add_summary_item(inspection_id, SummaryKind.STRENGTH, "Två", position=1)
    library.move_summary_item(third, 0)
    library.update_summary_item(first, "Ett, ändrad")

    def texts(kind: SummaryKind) -> list[tuple[str, int]]:
        record = library.get_inspection(inspection_id)
        return [(item.text, item.position) for item in record.summary_of(kind)]

    assert texts(SummaryKind.STRENGTH) == [("Tre", 0), ("Ett, ändrad", 1), ("Två", 2)]
    library.remove_summary_item(first)
    assert texts(SummaryKind.STRENGTH) == [("Tre", 0), ("Två", 1)]
    assert texts(SummaryKind.WEAKNESS) == [("Svag", 0)]
    kinds = [item.kind for item in library.get_inspection(inspection_id).summary]
    assert kinds == [SummaryKind.STRENGTH, SummaryKind.STRENGTH, SummaryKind.WEAKNESS]


def test_action_items_are_linked_ordered_and_updated(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    linked = library.add_action_item(
        inspection_id, criterion_id="E.4", planned_action="Handledning", due="kontinuerligt"
    )
    free = library.add_action_item(inspection_id, planned_action="Fri", position=0)
    library.update_action_item(
        linked, status=ActionItemStatus.DONE, done_on=date(2025, 4, 1), position=0
    )
    items = library.get_inspection(inspection_id).action_items
    assert [(i.id, i.position) for i in items] == [(linked, 0), (free, 1)]
    assert (items[0].section_id, items[0].criterion_id) == ("E", "E.4")
    assert (items[0].status, items[0].done_on) == (ActionItemStatus.DONE, date(2025, 4, 1))
    with pytest.raises(SpurdeskError, match="id"):
        library.update_action_item(linked, id=5)
    library.remove_action_item(linked)
    assert [i.id for i in library.get_inspection(inspection_id).action_items] == [free]


def test_sync_adds_one_action_item_per_deficiency_lacking_one(
    library: Library, criteria: CriteriaSet
) -> None:
    """Rows only where action is required (a föreskrift unmet in a D section), none for an
    allmänt råd or indicator, none for a criterion another row already answers, each new row
    after the rows of its own and earlier sections."""
    inspection_id = new_inspection(library, criteria)
    unmet(library, inspection_id, "E.4", "E.5", "E.11", "E.14", "H.7", "H.9", "H.10", "D.10")
    library.set_grade(inspection_id, "D", Grade.C)
    library.set_grade(inspection_id, "E", Grade.D)
    library.set_grade(inspection_id, "H", Grade.D)
    existing = library.add_action_item(
        inspection_id, criterion_id="H.7", further_criteria=["H.9"], planned_action="Redan"
    )
    added = library.sync_action_items(inspection_id)
    items = library.get_inspection(inspection_id).action_items
    assert [(i.criterion_id, i.id in added) for i in items] == [
        ("E.4", True),
        ("E.5", True),
        ("H.7", False),
    ]
    assert items[2].id == existing and items[2].further_criteria == ("H.9",)
    assert library.sync_action_items(inspection_id) == []


def test_a_reinspection_copies_metadata_snapshot_and_effective_grades_only(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    unmet(library, inspection_id, "E.4")
    library.set_grade(inspection_id, "E", Grade.D)
    receive_plan(library, inspection_id)
    library.revise_grade(inspection_id, "E", Grade.C, None, "Plan inkommen.")
    library.set_findings(inspection_id, "E", "Gamla iakttagelser")
    library.add_summary_item(inspection_id, SummaryKind.STRENGTH, "Gammal styrka")
    library.update_inspection(inspection_id, visit_start=date(2020, 1, 1))
    old = library.get_inspection(inspection_id)

    new = library.get_inspection(library.duplicate_as_reinspection(inspection_id))
    assert (new.unit, new.site, new.care_provider, new.specialty) == (
        old.unit,
        old.site,
        old.care_provider,
        old.specialty,
    )
    assert new.criteria == old.criteria
    assert new.previous_inspection_id == inspection_id
    assert new.previous_grades == {"E": Grade.C}
    assert new.status is InspectionStatus.DRAFT
    assert new.visit_start is None and new.summary == () and new.action_items == ()
    assert new.reply_by is None and old.reply_by == date(2025, 3, 1)
    assert all(s.findings == "" and s.grade is None for s in new.sections)


def test_trash_restore_and_purge(library: Library, criteria: CriteriaSet) -> None:
    keep = new_inspection(library, criteria, "Kvar")
    gone = new_inspection(library, criteria, "Borta")
    with pytest.raises(LibraryError, match="papperskorgen"):
        library.purge_inspection(gone)
    library.delete_inspection(gone)
    assert [s.id for s in library.list_inspections()] == [keep]
    assert [s.id for s in library.list_inspections(deleted_only=True)] == [gone]
    assert [s.id for s in library.list_inspections(include_deleted=True)] == [keep, gone]
    with pytest.raises(LibraryError, match="papperskorgen"):
        library.set_findings(gone, "A", "ändring i papperskorgen")
    library.restore_inspection(gone)
    assert [s.id for s in library.list_inspections()] == [keep, gone]
    library.delete_inspection(gone)
    library.purge_inspection(gone)
    assert [s.id for s in library.list_inspections(include_deleted=True)] == [keep]
    with pytest.raises(LibraryError, match="finns inte"):
        library.get_inspection(gone)
    assert new_inspection(library, criteria) > gone  # ids are never reused


def test_list_inspections_summarises_grades_follow_ups_and_overdue_items(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    unmet(library, inspection_id, "E.4")
    library.set_grade(inspection_id, "E", Grade.D)
    receive_plan(library, inspection_id, follow_up="2035-01-01")
    library.revise_grade(inspection_id, "E", Grade.C, None, "Plan inkommen.")
    library.add_action_item(inspection_id, due="2001-01-01", follow_up="uppföljning 2031-05-30")
    library.add_action_item(inspection_id, due="kontinuerligt", follow_up="2030-01-15")
    verified = library.add_action_item(inspection_id, due="2001-01-01", follow_up="2029-01-01")
    library.update_action_item(verified, status=ActionItemStatus.VERIFIED)
    [summary] = library.list_inspections()
    assert summary.grades == {"E": Grade.C}
    assert summary.next_follow_up == date(2030, 1, 15)
    assert summary.overdue_action_items == 2  # 2001-01-01 and the plan's row, 2025-05-01


def test_listing_takes_the_same_few_queries_for_many_inspections(
    library: Library, criteria: CriteriaSet
) -> None:
    record = library.get_inspection(new_inspection(library, criteria))
    for _ in range(12):
        library.import_inspection(record)
    statements: list[str] = []
    engine = library._store.engine
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    assert len(library.list_inspections()) == 13
    queries = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(queries) <= 3


def test_flushed_text_is_on_disk_before_the_library_is_closed(
    library: Library, criteria: CriteriaSet
) -> None:
    """flush() commits: another connection (as after a crash) sees the text at once."""
    inspection_id = new_inspection(library, criteria)
    summary_id = library.add_summary_item(inspection_id, SummaryKind.WEAKNESS, "")
    action_id = library.add_action_item(inspection_id)
    library.stage_text(FindingsKey(inspection_id, "C"), "Lokalerna är ändamålsenliga.")
    library.stage_text(SummaryTextKey(summary_id), "Svaghet 🙂")
    library.stage_text(ActionTextKey(action_id, "follow_up"), "första uppföljning 2025-05-30")
    assert library.has_staged_changes
    library.flush()
    assert not library.has_staged_changes
    other = create_engine(library._store.engine.url)
    with other.connect() as connection:
        findings = connection.exec_driver_sql(
            "SELECT findings FROM section_assessments WHERE section_id = 'C'"
        ).one()
        summary = connection.exec_driver_sql("SELECT text FROM summary_items").one()
        follow_up = connection.exec_driver_sql(
            "SELECT follow_up, follow_up_on FROM action_items"
        ).one()
    other.dispose()
    assert findings == ("Lokalerna är ändamålsenliga.",)
    assert summary == ("Svaghet 🙂",)
    assert follow_up == ("första uppföljning 2025-05-30", "2025-05-30")


def test_staged_text_is_seen_by_reads_and_dropped_with_its_item(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    item = library.add_summary_item(inspection_id, SummaryKind.STRENGTH, "")
    library.stage_text(JustificationKey(inspection_id, "A"), "Skäl")
    library.stage_text(CriterionNoteKey(inspection_id, "A.2"), "Not")
    assert library.get_inspection(inspection_id).section("A").justification == "Skäl"
    assert library.get_inspection(inspection_id).section("A").criterion("A.2").note == "Not"
    library.stage_text(SummaryTextKey(item), "skrivs aldrig")
    library.remove_summary_item(item)
    assert not library.has_staged_changes
    assert library.get_inspection(inspection_id).summary == ()


def test_a_read_only_library_refuses_every_change(
    library_path: Path, criteria: CriteriaSet
) -> None:
    with Library.open(library_path) as library:
        inspection_id = new_inspection(library, criteria)
    digest = file_digest(library_path)
    with Library.open(library_path, read_only=True) as reader:
        assert reader.read_only
        assert reader.get_inspection(inspection_id).unit == "Röntgenkliniken"
        with pytest.raises(ReadOnlyLibraryError, match="skrivskyddat"):
            reader.set_findings(inspection_id, "A", "x")
        with pytest.raises(ReadOnlyLibraryError):
            reader.stage_text(FindingsKey(inspection_id, "A"), "x")
    assert file_digest(library_path) == digest
    assert not Path(f"{library_path}.lock").exists()


def test_an_events_data_is_text_kept_as_given_and_anything_else_is_refused(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    library.record_event(inspection_id, "export", "Paket.spur", {"report_sha256": "ab" * 32})
    assert library.audit_events(inspection_id)[-1].data == {"report_sha256": "ab" * 32}
    before = len(library.audit_events(inspection_id))
    for bad in ({"antal": 3}, ["inte", "par"]):
        with pytest.raises(LibraryError, match="Händelsens uppgifter"):
            library.record_event(inspection_id, "export", "x", bad)  # type: ignore[arg-type]
    assert len(library.audit_events(inspection_id)) == before
