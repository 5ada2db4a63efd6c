"""The Inspection record survives JSON exactly, and malformed JSON is refused with its place."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.jsonread import MAX_TEXT_CHARS
from spurdesk.exchange.records_json import from_json, inspection_to_dict, to_json
from spurdesk.model.criteria import Grade
from spurdesk.model.inspection import ActionItemStatus, Inspection


def test_round_trip_is_exact_including_the_criteria_snapshot(record: Inspection) -> None:
    record = dataclasses.replace(
        record,
        visit_end=date(2024, 11, 13),
        report_date=date(2024, 12, 1),
        previous_inspection_id=7,
        previous_grades={"A": Grade.C, "E": Grade.D},
        modified_at=datetime(2025, 1, 2, 3, 4, 5),
        action_items=(
            dataclasses.replace(
                record.action_items[0],
                status=ActionItemStatus.VERIFIED,
                done_on=date(2025, 4, 1),
                verified_on=date(2025, 5, 30),
                verification_note="Kontrollerat vid uppföljningsmöte.",
            ),
            *record.action_items[1:],
        ),
    )
    back = from_json(to_json(record))
    assert back == record
    assert back.criteria == record.criteria
    assert back.criteria.section("E").criteria[3].order == 4


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=200), grade=st.sampled_from([None, *Grade]))
def test_any_text_and_grade_survive(record: Inspection, text: str, grade: Grade | None) -> None:
    section = dataclasses.replace(record.sections[0], findings=text, revised_grade=grade)
    record = dataclasses.replace(record, sections=(section, *record.sections[1:]))
    assert from_json(to_json(record)) == record


def _damaged(record: Inspection, change) -> str:
    data = inspection_to_dict(record)
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(unit=5), "unit: förväntade en text"),
        (lambda d: d["sections"][2].update(findings=["x"]), "sections[2].findings"),
        (lambda d: d["sections"][0].update(grade="E"), 'okänt värde "E"'),
        (
            lambda d: d["action_items"][0].update(id="1"),
            "action_items[0].id: förväntade ett heltal",
        ),
        (lambda d: d["action_items"][0].update(id=True), "förväntade ett heltal"),
        (lambda d: d.update(visit_start="igår"), "visit_start: förväntade ett datum"),
        (lambda d: d["criteria"].update(areas={}), "criteria.areas: förväntade en lista"),
        (lambda d: d.pop("sections"), "sections: fältet saknas"),
        (lambda d: d.update(sections="ABC"), "sections: förväntade en lista"),
        (lambda d: d.update(previous_grades=[]), "previous_grades: förväntade ett objekt"),
        (
            lambda d: d["summary"][0].update(text="x" * (MAX_TEXT_CHARS + 1)),
            "högst 100000 tillåts",
        ),
    ],
)
def test_malformed_json_names_the_place(record: Inspection, change, expected: str) -> None:
    with pytest.raises(ExchangeError, match=r"inspection\.json") as caught:
        from_json(_damaged(record, change))
    assert expected in str(caught.value)


def test_non_json_and_non_object_are_refused() -> None:
    with pytest.raises(ExchangeError, match="inte giltig JSON"):
        from_json(b"\xff\xfe{")
    with pytest.raises(ExchangeError, match="inte giltig JSON"):
        from_json(b'{"id": ' + b"9" * 5000 + b"}")
    with pytest.raises(ExchangeError, match="inte giltig JSON"):
        from_json(b"[" * 100_000)
    with pytest.raises(ExchangeError, match="förväntade ett objekt"):
        from_json("[1, 2]")
