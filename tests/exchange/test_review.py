"""The inspector's import: a per-row diff, refusal of all but action rows, all-or-nothing apply."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.incoming import read_response
from spurdesk.exchange.package import (
    Package,
    outgoing_package,
    response_package,
    write_package,
)
from spurdesk.exchange.review import (
    RowState,
    apply_review,
    review_response,
)
from spurdesk.exchange.unit_package import UnitPackage
from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import Inspection
from tests.exchange.helpers import (
    UNANSWERED_FORESKRIFT,
    FakeStore,
    Store,
    events_since,
    fill_plan_values,
)

#: Refusals happen before anything is written: the in-memory store is enough for them.
only_fake = pytest.mark.parametrize("store", ["fake"], indirect=True)


@pytest.fixture
def unit(stored: Inspection, tmp_path: Path) -> UnitPackage:
    return UnitPackage.open(write_package(tmp_path / "ut.spur", outgoing_package(stored)))


def completed_response(unit: UnitPackage, tmp_path: Path) -> Path:
    """The unit adds rows for two deficiencies where action is only recommended (the package
    brings empty rows for required ones alone), changes row 2, leaves the other stored rows
    alone and fills every new row."""
    recommended = [d for d in unit.deficiencies if not d.action_required][:2]
    for deficiency in recommended:
        unit.add_row(deficiency)
    for index, row in enumerate(unit.plan.rows):
        if row.is_new:
            for name, value in fill_plan_values(index).items():
                unit.set_field(row.key, name, value)
    unit.set_field(unit.plan.rows[1].key, "follow_up", "2025-06-30")
    unit.set_field(unit.plan.rows[1].key, "unit_comment", "Datum flyttat efter ST-kollegiet.")
    return unit.export_response(tmp_path / "svar.spur")


def test_diff_is_per_row_and_field(
    store: Store, stored: Inspection, unit: UnitPackage, tmp_path: Path
) -> None:
    review = review_response(store, read_response(completed_response(unit, tmp_path)))
    states = [d.state for d in review.rows]
    assert states[0] is RowState.UNCHANGED
    assert states[1] is RowState.CHANGED
    assert set(states[6:]) == {RowState.NEW}
    changed = review.rows[1]
    assert changed.label == "Rad 2 (E.4)"
    assert [(c.field, c.old, c.new) for c in changed.changes] == [
        ("follow_up", "första uppföljning 2025-05-30", "2025-06-30"),
        ("unit_comment", "", "Datum flyttat efter ST-kollegiet."),
    ]
    assert changed.changes[0].label == "Datum för uppföljning"
    assert review.problems == ()
    assert len(review.pending) == len(review.rows) - 5


def test_apply_accepted_rows_only_with_one_event(
    store: Store, stored: Inspection, unit: UnitPackage, tmp_path: Path
) -> None:
    before = len(store.audit_events(stored.id))
    review = review_response(store, read_response(completed_response(unit, tmp_path)))
    new_rows = [d for d in review.rows if d.state is RowState.NEW]
    accepted = {review.rows[1].row.key, new_rows[0].row.key}
    result = apply_review(store, review, accepted)

    after = store.get_inspection(stored.id)
    assert len(result.added) == 1 and result.updated == (stored.action_items[1].id,)
    assert result.rejected == len(review.pending) - 2
    assert after.action_items[1].follow_up == "2025-06-30"
    added = after.action_items[-1]
    assert (added.id, added.criterion_id) == (result.added[0], new_rows[0].row.criterion_id)
    assert added.planned_action == new_rows[0].row.planned_action
    assert len(after.action_items) == len(stored.action_items) + 1
    events = events_since(store, stored.id, before)
    assert [e.action for e in events] == ["import"]
    assert "1 nya rader, 1 ändrade rader godtagna" in events[0].detail
    assert "svar.spur" in events[0].detail


def test_a_second_import_of_the_same_file_adds_nothing(
    store: Store, unit: UnitPackage, tmp_path: Path
) -> None:
    response = read_response(completed_response(unit, tmp_path))
    first = review_response(store, response)
    apply_review(store, first, {d.row.key for d in first.pending})
    again = review_response(store, response)
    assert again.pending == ()


def test_stale_keys_are_refused_and_nothing_written(
    store: Store, stored: Inspection, unit: UnitPackage, tmp_path: Path
) -> None:
    before = store.audit_events(stored.id)
    review = review_response(store, read_response(completed_response(unit, tmp_path)))
    with pytest.raises(ExchangeError, match="finns inte längre"):
        apply_review(store, review, {"item-1", "new-nonexistent"})
    assert store.get_inspection(stored.id) == stored
    assert store.audit_events(stored.id) == before


class WriteFailed(SpurdeskError):
    """Raised by a write the test makes fail (as a full disk would)."""


def _fail_on_write(store: Store, monkeypatch: pytest.MonkeyPatch, fail_on: int) -> None:
    """Makes the `fail_on`-th write through `store` (a row added or changed, or the event) fail."""
    calls = 0
    for name in ("add_action_item", "update_action_item", "record_event"):
        write = getattr(store, name)

        def failing(*args: Any, _write: Any = write, **fields: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls == fail_on:
                raise WriteFailed("Skrivningen misslyckades (test).")
            return _write(*args, **fields)

        monkeypatch.setattr(store, name, failing)


@pytest.mark.parametrize("fail_on", [1, 2, 3, 4])
def test_a_failing_write_leaves_the_inspection_as_it_was(
    store: Store, stored: Inspection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_on: int
) -> None:
    """In the fake and in a real library: the rows written before the failure are not kept."""
    unit = UnitPackage.open(write_package(tmp_path / "ut.spur", outgoing_package(stored)))
    review = review_response(store, read_response(completed_response(unit, tmp_path)))
    accepted = {d.row.key for d in review.pending[:3]}
    assert any(d.row.item_id is None for d in review.pending[:3])  # an added row among them
    events = len(store.audit_events(stored.id))
    with monkeypatch.context() as patch:
        _fail_on_write(store, patch, fail_on)
        with pytest.raises(WriteFailed):
            apply_review(store, review, accepted)
    assert store.get_inspection(stored.id).action_items == stored.action_items
    assert len(store.audit_events(stored.id)) == events
    apply_review(store, review_response(store, review.response), accepted)  # still usable
    assert len(store.get_inspection(stored.id).action_items) > len(stored.action_items)


def _tampered(unit: UnitPackage, tmp_path: Path, change) -> Path:
    """A response whose report the unit altered (with valid checksums, as a tool could)."""
    received = unit._package
    package: Package = response_package(
        dataclasses.replace(received, inspection=change(received.inspection)), unit.plan
    )
    return write_package(tmp_path / "manipulerad.spur", package)


def _section(inspection: Inspection, section_id: str, **fields) -> Inspection:
    sections = tuple(
        dataclasses.replace(s, **fields) if s.section_id == section_id else s
        for s in inspection.sections
    )
    return dataclasses.replace(inspection, sections=sections)


@only_fake
@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda i: _section(i, "E", findings="Allt fungerar utmärkt."),
            "avsnitt E: iakttagelserna",
        ),
        (lambda i: _section(i, "D", grade=Grade.C), "avsnitt D: graderingen"),
        (lambda i: _section(i, "F", revised_grade=Grade.B), "avsnitt F: den ändrade graderingen"),
        (lambda i: _section(i, "G", criteria=()), "avsnitt G: bedömningen av kriterierna"),
        (
            lambda i: dataclasses.replace(
                i, criteria=dataclasses.replace(i.criteria, title="Egen")
            ),
            "kriterierna",
        ),
        (lambda i: dataclasses.replace(i, summary=i.summary[1:]), "sammanfattningen"),
    ],
)
def test_changes_to_the_report_are_refused_by_name(
    store: Store, stored: Inspection, unit: UnitPackage, tmp_path: Path, change, expected: str
) -> None:
    path = _tampered(unit, tmp_path, change)
    with pytest.raises(ExchangeError, match="försöker ändra") as caught:
        review_response(store, read_response(path))
    assert expected in str(caught.value)
    assert store.get_inspection(stored.id) == stored


def _with_rows(unit: UnitPackage, tmp_path: Path, rows) -> Path:
    plan = dataclasses.replace(unit.plan, rows=rows)
    return write_package(tmp_path / "rader.spur", response_package(unit._package, plan))


@only_fake
def test_a_row_moved_to_another_criterion_is_refused(
    store: Store, unit: UnitPackage, tmp_path: Path
) -> None:
    rows = list(unit.plan.rows)
    rows[0] = dataclasses.replace(rows[0], criterion_id="D.2")
    with pytest.raises(ExchangeError, match="vilken brist Rad 1"):
        review_response(store, read_response(_with_rows(unit, tmp_path, tuple(rows))))


@only_fake
def test_a_row_for_an_unknown_item_is_refused(
    store: Store, unit: UnitPackage, tmp_path: Path
) -> None:
    rows = (dataclasses.replace(unit.plan.rows[0], key="item-999"), *unit.plan.rows[1:])
    with pytest.raises(ExchangeError, match="gäller en rad som inte finns i inspektionens"):
        review_response(store, read_response(_with_rows(unit, tmp_path, rows)))


@only_fake
def test_a_new_row_for_an_unlisted_criterion_is_refused(
    store: Store, unit: UnitPackage, tmp_path: Path
) -> None:
    invented = dataclasses.replace(unit.plan.rows[-1], section_id="A", criterion_id="A.1")
    rows = (*unit.plan.rows[:-1], invented)
    with pytest.raises(ExchangeError, match="gäller inte någon av rapportens brister"):
        review_response(store, read_response(_with_rows(unit, tmp_path, rows)))


@only_fake
def test_a_response_for_another_inspection_is_refused(
    store: Store, stored: Inspection, unit: UnitPackage, tmp_path: Path
) -> None:
    path = completed_response(unit, tmp_path)
    other = FakeStore()
    other.import_inspection(dataclasses.replace(stored, unit="Annan klinik"))
    other._inspections[1] = dataclasses.replace(other.get_inspection(1), created_at=None)
    with pytest.raises(ExchangeError, match="som inte finns i det här biblioteket"):
        review_response(other, read_response(path))
    with pytest.raises(ExchangeError, match="Röntgenkliniken"):
        review_response(FakeStore(), read_response(path))


def test_the_outgoing_package_is_not_a_response(record: Inspection, tmp_path: Path) -> None:
    path = write_package(tmp_path / "ut.spur", outgoing_package(record))
    with pytest.raises(ExchangeError, match="inte deras svar"):
        read_response(path)


def test_missing_entries_are_listed_at_import(
    store: Store, unit: UnitPackage, tmp_path: Path
) -> None:
    rows = list(unit.plan.rows)
    index = next(i for i, r in enumerate(rows) if r.criterion_id == UNANSWERED_FORESKRIFT)
    rows[index] = dataclasses.replace(rows[index], planned_action="Något görs.")
    path = _with_rows(unit, tmp_path, tuple(rows))
    review = review_response(store, read_response(path))
    assert review.rows[index].state is RowState.NEW
    assert any(p.row_key == rows[index].key and p.field == "responsible" for p in review.problems)
