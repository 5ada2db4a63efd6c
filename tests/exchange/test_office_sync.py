"""Synkronisera med kontoret: laptops' libraries synced with the office's, on a second SQLite file
and on a real PostgreSQL server (tests/pgcluster.py) — the same engine over both.

Each test works through the public API as the people would: Anna's laptop holds the demo, the
office starts empty, Erik's laptop gets the inspection through the office.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.merge import Choice
from spurdesk.exchange.merge_document import document_digest, document_of
from spurdesk.exchange.office_sync import (
    OFFICE,
    Outcome,
    SyncReport,
    sync_inspection,
    sync_with_office,
)
from spurdesk.library import Library
from spurdesk.model.demo import demo_inspection
from spurdesk.model.inspection import CriterionStatus, SummaryKind

ERIK = "Erik Provsson"  # the demo's second inspector


@pytest.fixture(params=["sqlite", "postgresql"])
def office_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the office's library lives: a second SQLite file, or a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "office.sqlite")
    return str(request.getfixturevalue("postgres_library_url"))


@pytest.fixture
def office(office_location: str) -> Iterator[Library]:
    library = Library.open(office_location)
    library.actor = "Kansliet"
    yield library
    library.close()


@pytest.fixture
def anna(tmp_path: Path) -> Iterator[Library]:
    library = Library.create_demo(tmp_path / "anna.sqlite")
    library.actor = "Anna"
    yield library
    library.close()


@pytest.fixture
def erik(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "erik.sqlite")
    library.actor = "Erik"
    yield library
    library.close()


def sync(laptop: Library, office: Library, **options: Any) -> SyncReport:
    return sync_with_office(laptop, office, actor=laptop.actor, **options)


def only(library: Library) -> int:
    (entry,) = library.list_inspections()
    return entry.id


def digest(library: Library, inspection_id: int) -> str:
    return document_digest(document_of(library.get_inspection(inspection_id)))


def assert_in_step(laptop: Library, office: Library) -> None:
    """Every inspection of the laptop is at the office under its uid, with the same content."""
    for entry in laptop.list_inspections():
        uid = laptop.get_inspection(entry.id).uid
        office_id = office.find_inspection(uid)
        assert office_id is not None
        assert digest(laptop, entry.id) == digest(office, office_id)


def office_record(laptop: Library, office: Library):  # type: ignore[no-untyped-def]
    office_id = office.find_inspection(laptop.get_inspection(only(laptop)).uid)
    assert office_id is not None
    return office.get_inspection(office_id)


def test_the_first_sync_sends_the_inspection_under_its_own_identity(
    anna: Library, office: Library
) -> None:
    report = sync(anna, office)
    assert [item.outcome for item in report.items] == [Outcome.SENT]
    record = office_record(anna, office)
    assert record.uid == anna.get_inspection(only(anna)).uid
    local = anna.get_inspection(only(anna))
    assert [i.uid for i in record.action_items] == [i.uid for i in local.action_items]
    assert_in_step(anna, office)


def test_a_second_sync_changes_nothing_and_reads_no_inspection(
    anna: Library, office: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unchanged inspections are recognised from the stamps, unread; nothing is written."""
    sync(anna, office)
    record = office_record(anna, office)
    before = (anna.get_inspection(only(anna)).modified_at, record.modified_at)
    versions = (len(anna.shared_versions(only(anna))), len(office.shared_versions(record.id)))

    def unread(*_args: object) -> None:
        raise AssertionError("an unchanged inspection was read")

    for library in (anna, office):
        monkeypatch.setattr(library, "get_inspection", unread)
    report = sync(anna, office)
    monkeypatch.undo()
    assert [item.outcome for item in report.items] == [Outcome.UNCHANGED]
    after = office_record(anna, office)
    assert (anna.get_inspection(only(anna)).modified_at, after.modified_at) == before
    assert (len(anna.shared_versions(only(anna))), len(office.shared_versions(after.id))) == (
        versions
    )


def test_edits_at_the_office_come_down(anna: Library, office: Library) -> None:
    sync(anna, office)
    office.set_findings(office_record(anna, office).id, "E", "Kansliets tillägg om E.")
    report = sync(anna, office)
    assert [item.outcome for item in report.items] == [Outcome.MERGED]
    assert anna.get_inspection(only(anna)).section("E").findings == "Kansliets tillägg om E."
    assert report.items[0].laptop_merge is not None
    assert_in_step(anna, office)
    assert [item.outcome for item in sync(anna, office).items] == [Outcome.UNCHANGED]


def test_different_fields_edited_on_both_sides_merge_both_ways(
    anna: Library, office: Library
) -> None:
    sync(anna, office)
    inspection_id = only(anna)
    office_id = office_record(anna, office).id
    anna.set_findings(inspection_id, "A", "Annas iakttagelser om A.")
    anna.add_summary_item(inspection_id, SummaryKind.STRENGTH, "Annas styrka", 0)
    office.set_criterion_status(office_id, "D.6", CriterionStatus.NOT_MET)
    office.set_findings(office_id, "B", "Kansliets rättelse av B.")

    assert [item.outcome for item in sync(anna, office).items] == [Outcome.MERGED]
    assert_in_step(anna, office)
    merged = office.get_inspection(office_id)
    assert merged.section("A").findings == "Annas iakttagelser om A."
    assert merged.section("B").findings == "Kansliets rättelse av B."
    assert merged.section("D").criterion("D.6").status is CriterionStatus.NOT_MET
    assert merged.summary_of(SummaryKind.STRENGTH)[0].text == "Annas styrka"


def test_the_same_field_edited_on_both_sides_is_reported_and_nothing_overwritten(
    anna: Library, office: Library
) -> None:
    sync(anna, office)
    inspection_id, office_id = only(anna), office_record(anna, office).id
    anna.set_findings(inspection_id, "C", "Annas text om C.")
    office.set_findings(office_id, "C", "Kansliets text om C.")
    before = (digest(anna, inspection_id), digest(office, office_id))

    report = sync(anna, office)
    (item,) = report.conflicts
    assert item.plan is not None and item.plan.result is not None
    assert [c.path for c in item.plan.result.conflicts] == [("sections", "C", "findings")]
    assert (digest(anna, inspection_id), digest(office, office_id)) == before

    report = sync(
        anna,
        office,
        resolve_conflicts=lambda plan: {
            conflict.path: Choice.THEIRS
            for conflict in plan.result.conflicts  # type: ignore[union-attr]
        },
    )
    assert [item.outcome for item in report.items] == [Outcome.MERGED]
    assert anna.get_inspection(inspection_id).section("C").findings == "Kansliets text om C."
    assert_in_step(anna, office)


def test_a_co_inspector_gets_the_inspection_through_the_office(
    anna: Library, erik: Library, office: Library
) -> None:
    """A → office → B: Erik's sync fetches what lists him; edits then travel both ways."""
    sync(anna, office)
    report = sync(erik, office, inspector=ERIK)
    assert [item.outcome for item in report.items] == [Outcome.FETCHED]
    assert erik.get_inspection(only(erik)).uid == anna.get_inspection(only(anna)).uid
    # Without his name, what he holds is still synced.
    assert [item.outcome for item in sync(erik, office).items] == [Outcome.UNCHANGED]
    erik.set_findings(only(erik), "F", "Eriks iakttagelser om F.")
    anna.set_findings(only(anna), "G", "Annas iakttagelser om G.")
    sync(erik, office, inspector=ERIK)
    sync(anna, office)
    sync(erik, office, inspector=ERIK)
    assert digest(anna, only(anna)) == digest(erik, only(erik))
    merged = erik.get_inspection(only(erik))
    assert merged.section("F").findings == "Eriks iakttagelser om F."
    assert merged.section("G").findings == "Annas iakttagelser om G."
    assert_in_step(anna, office)
    assert_in_step(erik, office)


def test_an_inspection_not_listing_the_inspector_stays_at_the_office(
    anna: Library, erik: Library, office: Library
) -> None:
    sync(anna, office)
    assert sync(erik, office, inspector="Någon Annan").items == []
    assert sync(erik, office).items == []
    assert erik.list_inspections() == []


def test_a_save_at_the_office_during_the_sync_is_merged_not_overwritten(
    anna: Library, office: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone saves between the sync's read and its write: the write is refused and the
    inspection is read and merged again, so both edits survive."""
    sync(anna, office)
    office_id = office_record(anna, office).id
    anna.set_findings(only(anna), "A", "Annas text om A.")
    read = office.get_inspection

    def read_then_someone_saves(inspection_id: int):  # type: ignore[no-untyped-def]
        record = read(inspection_id)
        monkeypatch.setattr(office, "get_inspection", read)
        office.set_findings(office_id, "H", "Sparad under tiden.")
        return record

    monkeypatch.setattr(office, "get_inspection", read_then_someone_saves)
    assert [item.outcome for item in sync(anna, office).items] == [Outcome.MERGED]
    merged = office.get_inspection(office_id)
    assert merged.section("A").findings == "Annas text om A."
    assert merged.section("H").findings == "Sparad under tiden."
    assert_in_step(anna, office)


def test_a_sync_stopped_after_the_office_took_the_merge_completes_next_time(
    anna: Library, office: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between the office's write and the laptop's; the laptop edited further before
    the next sync: it merges cleanly, nothing lost, nothing asked twice."""
    sync(anna, office)
    office_id = office_record(anna, office).id
    anna.set_findings(only(anna), "C", "Annas text om C.")
    office.set_findings(office_id, "C", "Kansliets text om C.")
    office.set_findings(office_id, "D", "Kansliets text om D.")

    def cut(*_args: object, **_kwargs: object) -> None:
        raise SpurdeskError("nätverket försvann")

    monkeypatch.setattr(anna, "apply_merged", cut)
    prefer_mine = {("sections", "C", "findings"): Choice.MINE}
    report = sync(anna, office, resolve_conflicts=lambda _plan: prefer_mine)
    monkeypatch.undo()
    assert [item.outcome for item in report.items] == [Outcome.FAILED]
    assert office.get_inspection(office_id).section("C").findings == "Annas text om C."
    assert anna.get_inspection(only(anna)).section("D").findings != "Kansliets text om D."

    anna.set_findings(only(anna), "E", "Annas text om E, skriven efteråt.")
    report = sync(anna, office)  # no resolver: a conflict asked again would be refused
    assert [item.outcome for item in report.items] == [Outcome.MERGED]
    record = anna.get_inspection(only(anna))
    assert record.section("C").findings == "Annas text om C."
    assert record.section("D").findings == "Kansliets text om D."
    assert record.section("E").findings == "Annas text om E, skriven efteråt."
    assert_in_step(anna, office)


def test_a_dry_run_writes_nothing(anna: Library, office: Library) -> None:
    report = sync(anna, office, dry_run=True)
    assert [item.outcome for item in report.items] == [Outcome.SENT]
    assert office.list_inspections() == []
    assert anna.shared_versions(only(anna)) == []


def test_trashed_inspections_are_left_alone(anna: Library, office: Library) -> None:
    sync(anna, office)
    office.delete_inspection(office_record(anna, office).id)
    anna.set_findings(only(anna), "A", "Efter papperskorgen.")
    (item,) = sync(anna, office).items
    assert item.outcome is Outcome.SKIPPED and "papperskorgen på kontoret" in item.message
    anna.delete_inspection(only(anna))
    (item,) = sync(anna, office).items
    assert item.outcome is Outcome.SKIPPED and "papperskorgen här" in item.message


def test_an_inspection_in_the_office_trash_is_not_fetched(
    anna: Library, erik: Library, office: Library
) -> None:
    sync(anna, office)
    office.delete_inspection(office_record(anna, office).id)
    assert sync(erik, office, inspector=ERIK).items == []


def test_one_inspection_synced_again_after_choosing(anna: Library, office: Library) -> None:
    """The app's path: the conflicts are chosen in the dialog, then that inspection alone."""
    sync(anna, office)
    anna.set_findings(only(anna), "C", "Annas text om C.")
    office.set_findings(office_record(anna, office).id, "C", "Kansliets text om C.")
    (item,) = sync(anna, office).conflicts
    done = sync_inspection(
        anna,
        office,
        item.uid,
        actor="Anna",
        resolve_conflicts=lambda plan: {c.path: Choice.MINE for c in plan.result.conflicts},  # type: ignore[union-attr]
    )
    assert done.outcome is Outcome.MERGED
    assert office_record(anna, office).section("C").findings == "Annas text om C."
    assert_in_step(anna, office)
    versions = anna.shared_versions(only(anna))
    assert versions[-1].peer == OFFICE


def test_a_section_as_the_office_left_it_comes_down_even_off_the_suggested_grade(
    anna: Library, office: Library
) -> None:
    """The office marks B's criteria unmet and leaves B's grade (B, no justification): a state
    the office holds, so the laptop takes it; only a mix of both sides is checked."""
    sync(anna, office)
    office_id = office_record(anna, office).id
    for criterion in office.get_inspection(office_id).section("B").criteria:
        office.set_criterion_status(office_id, criterion.criterion_id, CriterionStatus.NOT_MET)
    assert [item.outcome for item in sync(anna, office).items] == [Outcome.MERGED]
    assert_in_step(anna, office)


def test_a_merge_undone_on_the_laptop_comes_back_with_the_next_sync(
    anna: Library, office: Library
) -> None:
    """Undo (as the app's undo step does it) is "not now": the office keeps its state, and the
    next sync brings it down again cleanly instead of reverting the office's edit."""
    sync(anna, office)
    office_id = office_record(anna, office).id
    office.set_findings(office_id, "E", "Kansliets tillägg om E.")
    (item,) = sync(anna, office).items
    merge = item.laptop_merge
    assert merge is not None
    anna.apply_merged(
        merge.inspection_id,
        merge.before,
        detail="ångrad",
        forget=(merge.version.digest, merge.received.digest),
    )
    assert anna.get_inspection(only(anna)).section("E").findings != "Kansliets tillägg om E."
    assert [item.outcome for item in sync(anna, office).items] == [Outcome.MERGED]
    assert anna.get_inspection(only(anna)).section("E").findings == "Kansliets tillägg om E."
    assert office.get_inspection(office_id).section("E").findings == "Kansliets tillägg om E."


def sync_at_once(laptop: Library, office: Library, start: Any, reports: list[SyncReport]) -> None:
    start.wait()
    reports.append(sync(laptop, office, inspector=ERIK))


def test_two_laptops_syncing_the_same_inspections_at_once_lose_nothing(
    postgres_library_url: str, tmp_path: Path
) -> None:
    """Anna and Erik edit different sections of the same five inspections and sync at the same
    moment, round after round, each through its own connection to the server: the server's
    row lock and the re-read on a save made meanwhile leave every edit in place."""
    import threading

    office = Library.open(postgres_library_url)
    anna = Library.open(tmp_path / "anna.sqlite")
    erik = Library.open(tmp_path / "erik.sqlite")
    anna.actor, erik.actor = "Anna", "Erik"
    try:
        with anna.batch():
            for _ in range(5):
                anna.import_inspection(demo_inspection())
        sync(anna, office)
        sync(erik, office, inspector=ERIK)
        offices = [Library.open(postgres_library_url) for _ in range(2)]
        for round_number in range(4):
            for laptop, section in ((anna, "A"), (erik, "B")):
                for entry in laptop.list_inspections():
                    laptop.set_findings(entry.id, section, f"{laptop.actor} {round_number}")
            start = threading.Barrier(2)
            reports: list[SyncReport] = []
            threads = [
                threading.Thread(target=sync_at_once, args=(laptop, server, start, reports))
                for laptop, server in zip((anna, erik), offices, strict=True)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            for report in reports:
                assert report.of(Outcome.CONFLICT, Outcome.FAILED) == []
        for server in offices:
            server.close()
        for _ in range(2):
            sync(anna, office)
            sync(erik, office, inspector=ERIK)
        assert_in_step(anna, office)
        assert_in_step(erik, office)
        for laptop in (anna, erik):
            for entry in laptop.list_inspections():
                record = laptop.get_inspection(entry.id)
                assert record.section("A").findings == "Anna 3"
                assert record.section("B").findings == "Erik 3"
    finally:
        for library in (anna, erik, office):
            library.close()
