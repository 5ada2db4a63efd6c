"""Two inspectors, two libraries, one inspection: sharing, merging both ways, conflicts, refusals.

Every test works on real libraries (files in tmp_path) through the public API, as the two
laptops would: Anna shares the demo inspection with Erik, both edit, copies go back and forth.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from spurdesk.exchange.coinspector import apply_plan, plan_merge, read_copy, send_copy
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.merge import Choice, ConflictKind, Edited
from spurdesk.exchange.merge_document import document_digest, document_of
from spurdesk.exchange.records_json import from_json as read_record
from spurdesk.library import Library, LibraryError
from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import CriterionStatus, Inspector, ParticipantGroup, SummaryKind
from tests.exchange.helpers import edit_json, members_of, reseal, zip_bytes
from tests.library.conftest import library_state


@dataclass
class Laptop:
    name: str
    library: Library
    inspection_id: int
    folder: Path
    sent: int = 0

    def send(self) -> Path:
        self.sent += 1
        target = self.folder / f"{self.name}-{self.sent}.spur"
        return send_copy(self.library, self.inspection_id, target, self.name)

    def receive(self, path: Path, choices: dict | None = None) -> None:
        plan = plan_merge(self.library, read_copy(path))
        assert not (plan.result and plan.result.conflicts and choices is None), plan.result
        apply_plan(self.library, plan, choices)

    @property
    def record(self):  # type: ignore[no-untyped-def]
        return self.library.get_inspection(self.inspection_id)

    def digest(self) -> str:
        return document_digest(document_of(self.record))


@pytest.fixture(params=["sqlite", "postgresql"])
def laptops(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    """Anna's library with the demo, shared once with Erik's library (which adds it); Erik's
    is a file, and once a library on the PostgreSQL server: the merge holds on both."""
    anna_library = Library.create_demo(tmp_path / "anna.sqlite")
    anna_library.actor = "Anna"
    anna = Laptop("Anna", anna_library, anna_library.list_inspections()[0].id, tmp_path)
    erik_location = (
        tmp_path / "erik.sqlite"
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_library_url")
    )
    erik_library = Library.open(erik_location)
    erik_library.actor = "Erik"
    plan = plan_merge(erik_library, read_copy(anna.send()))
    assert plan.adds_inspection
    erik = Laptop("Erik", erik_library, apply_plan(erik_library, plan), tmp_path)
    yield anna, erik
    anna_library.close()
    erik_library.close()


def test_the_shared_inspection_is_the_same_inspection_not_a_copy(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, erik = laptops
    assert erik.record.uid == anna.record.uid
    assert [i.uid for i in erik.record.action_items] == [i.uid for i in anna.record.action_items]
    assert erik.digest() == anna.digest()
    assert erik.record.id != 0 and erik.library.audit_events(erik.inspection_id)[-1].action == (
        "merge"
    )


def test_edits_on_each_side_apply_by_themselves_both_ways(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, erik = laptops
    anna.library.set_findings(anna.inspection_id, "A", "Annas iakttagelser om A.")
    anna.library.set_criterion_status(anna.inspection_id, "D.6", CriterionStatus.NOT_MET)
    anna.library.add_summary_item(anna.inspection_id, SummaryKind.STRENGTH, "Annas styrka", 0)
    erik.library.set_findings(erik.inspection_id, "E", "Eriks iakttagelser om E.")
    erik.library.update_inspection(erik.inspection_id, report_date=date(2025, 2, 1))
    first = erik.record.action_items[0]
    erik.library.update_action_item(first.id, responsible="Studierektor och VC")
    erik.library.remove_summary_item(erik.record.summary[-1].id)
    erik.library.set_participants(
        erik.inspection_id, (*erik.record.participants, ParticipantGroup("Handledare", 3))
    )

    anna_copy, erik_copy = anna.send(), erik.send()  # crossing in the post
    anna.receive(erik_copy)
    erik.receive(anna_copy)

    assert anna.digest() == erik.digest()  # both sides hold the same inspection
    merged = anna.record
    assert merged.section("A").findings == "Annas iakttagelser om A."
    assert merged.section("E").findings == "Eriks iakttagelser om E."
    assert merged.section("D").criterion("D.6").status == CriterionStatus.NOT_MET
    assert merged.report_date == date(2025, 2, 1)
    assert merged.summary_of(SummaryKind.STRENGTH)[0].text == "Annas styrka"
    assert merged.action_items[0].responsible == "Studierektor och VC"
    assert merged.participants[-1] == ParticipantGroup("Handledare", 3)
    assert len(merged.summary) == len(erik.record.summary)


def test_paragraphs_edited_on_both_sides_merge_where_they_do_not_overlap(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, erik = laptops
    base = "Första stycket.\nAndra stycket.\nTredje stycket.\n"
    anna.library.set_findings(anna.inspection_id, "C", base)
    erik.receive(anna.send())
    anna.library.set_findings(anna.inspection_id, "C", base.replace("Första", "Annas första"))
    erik.library.set_findings(erik.inspection_id, "C", base.replace("Tredje", "Eriks tredje"))
    anna.receive(erik.send())
    assert anna.record.section("C").findings == (
        "Annas första stycket.\nAndra stycket.\nEriks tredje stycket.\n"
    )


def test_overlapping_text_and_two_grades_are_conflicts_the_inspector_resolves(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, erik = laptops
    anna.library.set_findings(anna.inspection_id, "B", "Annas version.")
    erik.library.set_findings(erik.inspection_id, "B", "Eriks version.")
    anna.library.set_grade(anna.inspection_id, "B", Grade.A, "Annas motivering")
    erik.library.set_grade(erik.inspection_id, "B", Grade.C, "Eriks motivering")
    plan = plan_merge(anna.library, read_copy(erik.send()))
    assert plan.result is not None
    conflicts = {c.path: c for c in plan.result.conflicts}
    assert conflicts[("sections", "B", "findings")].kind is ConflictKind.TEXT
    assert conflicts[("sections", "B", "findings")].theirs == "Eriks version."
    assert conflicts[("sections", "B", "grade")].mine == "A"
    assert conflicts[("sections", "B", "grade")].theirs == "C"
    before = anna.record
    apply_plan(
        anna.library,
        plan,
        {
            ("sections", "B", "findings"): Edited("Annas och Eriks version."),
            ("sections", "B", "grade"): Choice.THEIRS,
            ("sections", "B", "justification"): Choice.THEIRS,
        },
    )
    after = anna.record
    assert after.section("B").findings == "Annas och Eriks version."
    assert (after.section("B").grade, after.section("B").justification) == (
        Grade.C,
        "Eriks motivering",
    )
    assert before.section("A") == after.section("A")


def test_a_row_removed_here_and_changed_there_is_a_conflict_never_a_silent_loss(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, erik = laptops
    row = anna.record.action_items[0]
    anna.library.remove_action_item(row.id)
    erik.library.update_action_item(erik.record.action_items[0].id, planned_action="Ny plan")
    plan = plan_merge(anna.library, read_copy(erik.send()))
    assert plan.result is not None
    [conflict] = plan.result.conflicts
    assert conflict.kind is ConflictKind.REMOVED and conflict.mine is None
    apply_plan(anna.library, plan, {conflict.path: Choice.THEIRS})
    back = anna.record.action_items[0]  # in its place again
    assert (back.uid, back.planned_action) == (row.uid, "Ny plan")


def test_the_same_copy_twice_and_an_older_copy_later_change_nothing(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, erik = laptops
    anna.library.set_findings(anna.inspection_id, "F", "Version ett.")
    older = anna.send()
    anna.library.set_findings(anna.inspection_id, "F", "Version två.")
    newer = anna.send()
    erik.receive(newer)
    state = erik.digest()
    for again in (newer, older):
        plan = plan_merge(erik.library, read_copy(again))
        assert plan.changes_nothing and plan.already_known
        apply_plan(erik.library, plan)
        assert erik.digest() == state
    assert erik.record.section("F").findings == "Version två."


def test_a_tenth_exchange_still_merges_against_the_last_common_version(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, erik = laptops
    for round_number in range(10):
        anna.library.set_findings(anna.inspection_id, "A", f"Anna {round_number}\n")
        erik.library.set_findings(erik.inspection_id, "G", f"Erik {round_number}\n")
        erik.receive(anna.send())
        anna.receive(erik.send())
        assert anna.digest() == erik.digest()
    assert anna.record.section("A").findings == "Anna 9\n"
    assert anna.record.section("G").findings == "Erik 9\n"


def test_a_merge_is_recorded_and_undone_as_one_step(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, erik = laptops
    erik.library.set_findings(erik.inspection_id, "D", "Eriks D.")
    erik.library.remove_summary_item(erik.record.summary[0].id)
    before = anna.record
    copy = read_copy(erik.send())
    plan = plan_merge(anna.library, copy)
    apply_plan(anna.library, plan)
    [event] = [e for e in anna.library.audit_events(anna.inspection_id) if e.action == "merge"]
    assert "Erik" in event.detail and "2 ändringar" in event.detail
    assert "Avsnitt D, iakttagelser" in event.detail
    assert len(anna.record.summary) == len(before.summary) - 1
    anna.library.apply_merged(
        anna.inspection_id, before, detail="Sammanslagningen ångrad.", forget=copy.digest
    )
    assert document_of(anna.record) == document_of(before)
    assert anna.record.summary == before.summary  # the removed row is back under its own id
    assert [i.id for i in anna.record.summary] == [i.id for i in before.summary]
    again = plan_merge(anna.library, copy)  # forgotten: it merges again, nothing lost
    assert again.result is not None
    assert ("sections", "D", "findings") in [c.path for c in again.result.changes]


def test_a_copy_carrying_a_value_the_library_refuses_changes_nothing(laptops) -> None:  # type: ignore[no-untyped-def]
    """A resealed copy whose section A has a grade A's scale lacks (C) is read, but the library
    refuses to store it: the merge is all or nothing."""
    anna, erik = laptops
    members = members_of(erik.send().read_bytes())

    def off_the_scale(record: dict) -> None:  # type: ignore[type-arg]
        [section] = [s for s in record["sections"] if s["section_id"] == "A"]
        section["grade"] = "C"

    bad = edit_json(members, "inspection.json", off_the_scale)
    copy = read_copy(_sealed(anna.folder / "ogiltig.spur", bad))
    before = _library_bytes(anna.library)
    plan = plan_merge(anna.library, copy)
    with pytest.raises(LibraryError, match="ingen gradering C"):
        apply_plan(anna.library, plan)
    assert _library_bytes(anna.library) == before


def test_inspectors_keep_their_identity_through_edits(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, erik = laptops
    [lead, *rest] = anna.record.inspectors
    anna.library.set_inspectors(
        anna.inspection_id, (Inspector("Anna Lind", lead.role, lead.uid), *rest)
    )
    erik.library.set_inspectors(
        erik.inspection_id, (*erik.record.inspectors, Inspector("Tredje Person"))
    )
    erik.receive(anna.send())
    names = [i.name for i in erik.record.inspectors]
    assert names[0] == "Anna Lind" and names[-1] == "Tredje Person"


# --- untrusted copies --------------------------------------------------------------------------


def _library_bytes(library: Library) -> str:
    library.flush()
    return library_state(library)


def _sealed(path: Path, members: dict[str, bytes]) -> Path:
    """Members resealed as a deliberate attacker would: checksums and the copy's digest agree."""
    record = read_record(members["inspection.json"])
    manifest = json.loads(members["manifest.json"])
    manifest["digest"] = document_digest(document_of(record))
    path.write_bytes(zip_bytes(reseal({**members, "manifest.json": json.dumps(manifest).encode()})))
    return path


def _refused(laptop: Laptop, data: bytes, match: str) -> None:
    path = laptop.folder / "farlig.spur"
    path.write_bytes(data)
    before = _library_bytes(laptop.library)
    with pytest.raises(ExchangeError, match=match):
        plan_merge(laptop.library, read_copy(path))
    assert _library_bytes(laptop.library) == before


def test_tampered_traversing_bombing_and_foreign_copies_are_refused_untouched(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, erik = laptops
    members = members_of(anna.send().read_bytes())
    tampered = {**members, "inspection.json": members["inspection.json"].replace(b"A.", b"X.")}
    _refused(erik, zip_bytes(tampered), "kontrollsumman")
    _refused(erik, zip_bytes({**members, "../../evil.json": b"{}"}), "evil")
    bomb = {**members, "inspection.json": b" " * (12 * 1024 * 1024)}
    _refused(erik, zip_bytes(reseal(bomb)), "ZIP-bomb")
    newer = edit_json(members, "manifest.json", lambda m: m.update(format_version=99))
    _refused(erik, zip_bytes(newer), "nyare spurdesk")
    other = edit_json(members, "inspection.json", lambda r: r.update(unit="Annan klinik"))
    _refused(erik, zip_bytes(other), "hör inte ihop")
    action_plan = edit_json(members, "manifest.json", lambda m: m.update(format="annat"))
    _refused(erik, zip_bytes(action_plan), "ingen kopia från en medinspektör")


def test_a_copy_of_another_inspection_is_refused_in_an_open_inspection(laptops, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _anna, erik = laptops
    other = Library.create_demo(tmp_path / "other.sqlite")
    other_id = other.list_inspections()[0].id
    foreign = send_copy(other, other_id, tmp_path / "other.spur", "Någon")
    other.close()
    with pytest.raises(ExchangeError, match="inte den öppna inspektionen"):
        plan_merge(erik.library, read_copy(foreign), expected_inspection_id=erik.inspection_id)


def test_a_copy_of_the_demo_stays_small(laptops) -> None:  # type: ignore[no-untyped-def]
    anna, _erik = laptops
    assert anna.send().stat().st_size < 100_000


def test_one_sides_grade_with_the_others_statuses_must_meet_the_grading_rule(laptops) -> None:  # type: ignore[no-untyped-def]
    """Anna grades C as B after finding C.4 unmet; Erik finds C.1 unmet. Merged, C.1 and C.4
    call for D: B without a justification is a state neither editor would have accepted, so the
    merge is refused whole with a message saying what to do. Each side's own state merges."""
    anna, erik = laptops
    anna.library.set_criterion_status(anna.inspection_id, "C.4", CriterionStatus.NOT_MET)
    anna.library.set_grade(anna.inspection_id, "C", Grade.B, "")
    erik.library.set_criterion_status(erik.inspection_id, "C.1", CriterionStatus.NOT_MET)
    before = _library_bytes(anna.library)
    plan = plan_merge(anna.library, read_copy(erik.send()))
    with pytest.raises(LibraryError, match=r"motivering.*blandar"):
        apply_plan(anna.library, plan)
    assert _library_bytes(anna.library) == before
    anna.library.set_grade(anna.inspection_id, "C", Grade.B, "Åtgärdat efter besöket.")
    erik.receive(anna.send())  # Erik's statuses with Anna's justified grade: accepted
    assert erik.record.section("C").grade == Grade.B
