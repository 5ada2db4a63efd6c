"""The unit's side: only action rows change, validation names row and field, export is guarded."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.incoming import read_response
from spurdesk.exchange.package import Side, outgoing_package, read_package, write_package
from spurdesk.exchange.unit_package import UnitPackage
from spurdesk.model.action_fields import UNIT_FIELDS
from spurdesk.model.inspection import Inspection
from tests.exchange.helpers import UNANSWERED_FORESKRIFT, fill_plan_values


@pytest.fixture
def unit(record: Inspection, tmp_path: Path) -> UnitPackage:
    path = write_package(tmp_path / "till-verksamheten.spur", outgoing_package(record))
    return UnitPackage.open(path)


def complete(unit: UnitPackage) -> None:
    for index, row in enumerate(unit.plan.rows):
        for name, value in fill_plan_values(index).items():
            unit.set_field(row.key, name, value)


def test_opens_read_only_report_and_editable_plan(unit: UnitPackage, record: Inspection) -> None:
    assert unit.inspection == record
    assert unit.identity.library_id == record.id
    assert not unit.modified
    answered = {c for r in unit.plan.rows for c in r.criteria_answered}
    assert {d.criterion_id for d in unit.deficiencies if d.action_required} == answered
    assert any(not d.action_required for d in unit.deficiencies)  # listed, rows optional


def test_editable_fields_change(unit: UnitPackage) -> None:
    key = unit.plan.rows[1].key
    unit.set_field(key, "responsible", "Studierektor\x0bBiträdande studierektor")
    unit.set_field(key, "unit_comment", "Påbörjat.")
    assert unit.plan.row(key).responsible == "Studierektor\nBiträdande studierektor"
    assert unit.plan.row(key).unit_comment == "Påbörjat."
    assert unit.modified


@pytest.mark.parametrize("name", ["section_id", "criterion_id", "status", "key", "findings"])
def test_other_fields_are_refused(unit: UnitPackage, name: str) -> None:
    before = unit.plan
    with pytest.raises(ExchangeError, match="kan inte ändras av verksamheten"):
        unit.set_field(unit.plan.rows[0].key, name, "E.1")
    assert unit.plan == before


def test_unknown_row_and_oversized_text(unit: UnitPackage) -> None:
    with pytest.raises(ExchangeError, match="ingen rad item-999"):
        unit.set_field("item-999", "due", "2025-01-01")
    with pytest.raises(ExchangeError, match="Planerad åtgärd: texten har"):
        unit.set_field(unit.plan.rows[0].key, "planned_action", "x" * 100_001)


def test_rows_added_only_for_listed_deficiencies(unit: UnitPackage) -> None:
    deficiency = next(d for d in unit.deficiencies if d.criterion_id == "E.4")
    row = unit.add_row(deficiency)
    rows = list(unit.plan.rows)
    assert rows[rows.index(row) - 1].criterion_id == "E.4"
    assert row.is_new and (row.section_id, row.criterion_id) == ("E", "E.4")

    invented = dataclasses.replace(deficiency, criterion_id="E.1")
    with pytest.raises(ExchangeError, match=r"E\.1 är inte en av bristerna"):
        unit.add_row(invented)


def test_only_new_rows_can_be_removed(unit: UnitPackage) -> None:
    row = unit.add_row(unit.deficiencies[0])
    unit.remove_row(row.key)
    assert row.key not in [r.key for r in unit.plan.rows]
    with pytest.raises(ExchangeError, match="kommer från inspektörerna"):
        unit.remove_row(unit.plan.rows[0].key)


def test_validation_names_row_and_field(unit: UnitPackage) -> None:
    complete(unit)
    assert unit.validate() == []
    rows = unit.plan.rows
    unit.set_field(rows[0].key, "planned_action", "  ")
    unit.set_field(rows[1].key, "responsible", "")
    unit.set_field(rows[2].key, "due", "snart")
    unit.set_field(rows[3].key, "due", "")
    unit.set_field(rows[4].key, "due", "2025-09-01")
    unit.set_field(rows[4].key, "follow_up", "uppföljning 2025-08-01")
    problems = unit.validate()
    assert [(p.row_key, p.field) for p in problems] == [
        (rows[0].key, "planned_action"),
        (rows[1].key, "responsible"),
        (rows[2].key, "due"),
        (rows[3].key, "due"),
        (rows[4].key, "follow_up"),
    ]
    messages = [p.message for p in problems]
    assert messages[0] == "Rad 1 (D.1): Planerad åtgärd saknas."
    assert "Rad 2 (E.4): Ansvarig för genomförandet saknas" in messages[1]
    assert "”snart” är varken ett datum" in messages[2]
    assert "2025-08-01) ligger före datumet" in messages[4]


def test_continuous_and_dated_text_count_as_completion_dates(unit: UnitPackage) -> None:
    complete(unit)
    unit.set_field(unit.plan.rows[0].key, "due", "Kontinuerligt, med avstämning varje termin")
    unit.set_field(unit.plan.rows[1].key, "due", "2025-05-01 (IUP-utveckling)")
    assert unit.validate() == []


def test_a_required_deficiency_without_rows_is_listed(unit: UnitPackage) -> None:
    complete(unit)
    new_row = next(r for r in unit.plan.rows if r.criterion_id == UNANSWERED_FORESKRIFT)
    assert new_row.is_new
    unit.remove_row(new_row.key)
    problems = unit.validate()
    assert len(problems) == 1
    assert problems[0].row_key is None
    assert f"{new_row.criterion_id}: åtgärder krävs men ingen rad" in problems[0].message


def test_export_is_refused_while_problems_remain(unit: UnitPackage, tmp_path: Path) -> None:
    target = tmp_path / "svar.spur"
    with pytest.raises(ExchangeError, match="inte komplett") as caught:
        unit.export_response(target)
    number = 1 + next(
        i for i, r in enumerate(unit.plan.rows) if r.criterion_id == UNANSWERED_FORESKRIFT
    )
    assert f"• Rad {number} ({UNANSWERED_FORESKRIFT}): Planerad åtgärd saknas." in str(caught.value)
    assert not target.exists()


def test_export_writes_the_response(unit: UnitPackage, tmp_path: Path) -> None:
    complete(unit)
    path = unit.export_response(tmp_path / "svar.spur")
    assert not unit.modified
    response = read_package(path)
    assert response.sender is Side.UNIT
    assert response.plan == unit.plan
    assert response.inspection == unit.inspection
    reopened = UnitPackage.open(path)
    assert reopened.plan.rows[0].values() == {
        name: unit.plan.rows[0].values()[name] for name in UNIT_FIELDS
    }


def test_a_draft_reopens_but_is_not_a_response(unit: UnitPackage, tmp_path: Path) -> None:
    unit.set_field(unit.plan.rows[6].key, "planned_action", "Halvfärdig plan.")
    draft = unit.save_draft(tmp_path / "utkast.spur")
    assert not unit.modified
    reopened = UnitPackage.open(draft)
    assert reopened.plan == unit.plan and reopened.validate() == unit.validate()
    with pytest.raises(ExchangeError, match="sparade utkast, inte ett färdigt svar"):
        read_response(draft)
