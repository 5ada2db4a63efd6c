"""Issue 14, points 8 and 9: every text from outside is cleaned the same way, in one place, and the
messages about hostile files point at the real cause and name the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from spurdesk.exchange.action_plan import ActionRow
from spurdesk.exchange.docx_form import read_form, write_form
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.incoming import read_response
from spurdesk.exchange.jsonread import MAX_TEXT_CHARS
from spurdesk.exchange.package import outgoing_package, read_package, write_package
from spurdesk.exchange.review import RowState, apply_review, review_response
from spurdesk.exchange.unit_package import UnitPackage
from spurdesk.model.action_fields import LABELS
from spurdesk.model.inspection import Inspection
from tests.exchange.helpers import Store, fill_plan_values, members_of, reseal, zip_bytes

HOSTILE = "Före\x00\x01\x1b[31m mitten\ud800 efter\x0bny rad"
CLEAN = "Före[31m mitten efter\nny rad"


def _hostile_response(stored: Inspection, tmp_path: Path) -> Path:
    """The unit's answer with control characters (and a lone surrogate) in a planned action,
    written outside spurdesk: JSON escapes them, so the package itself is well formed."""
    unit = UnitPackage.open(write_package(tmp_path / "ut.spur", outgoing_package(stored)))
    for index, row in enumerate(unit.plan.rows):  # a complete answer, as the unit sends it
        if row.is_new:
            for name, value in fill_plan_values(index).items():
                unit.set_field(row.key, name, value)
    response = unit.export_response(tmp_path / "svar.spur")
    members = members_of(response.read_bytes())
    plan = json.loads(members["action_plan.json"])
    plan["rows"][0]["planned_action"] = HOSTILE
    plan["rows"][0]["unit_comment"] = "\x07Kommentar\x00"
    edited = reseal({**members, "action_plan.json": json.dumps(plan).encode("ascii")})
    response.write_bytes(zip_bytes(edited))
    return response


def test_control_characters_from_a_package_are_never_stored(
    store: Store, stored: Inspection, tmp_path: Path
) -> None:
    response = read_response(_hostile_response(stored, tmp_path))
    row = response.plan.rows[0]
    assert (row.planned_action, row.unit_comment) == (CLEAN, "Kommentar")
    review = review_response(store, response)
    changed = next(d for d in review.rows if d.row.key == row.key)
    assert changed.state is RowState.CHANGED
    apply_review(store, review, {changed.row.key})
    item = next(i for i in store.get_inspection(stored.id).action_items if i.id == row.item_id)
    assert (item.planned_action, item.unit_comment) == (CLEAN, "Kommentar")


def test_a_package_and_a_word_form_clean_through_the_same_one_place(
    stored: Inspection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spurdesk.exchange.action_plan as action_plan
    from spurdesk.model.text import clean_text

    cleaned: list[str] = []

    def recording(text: str) -> str:
        cleaned.append(text)
        return clean_text(text)

    monkeypatch.setattr(action_plan, "clean_text", recording)
    read_response(_hostile_response(stored, tmp_path))
    assert HOSTILE in cleaned
    cleaned.clear()
    form = write_form(stored, tmp_path / "form.docx")
    document = Document(str(form))
    for table in document.tables:
        rows = table.rows
        if len(rows) > 1 and rows[1].cells[0].paragraphs[0].text == LABELS["planned_action"]:
            rows[1].cells[1].text = "Ifyllt i Word"
            break
    document.save(str(tmp_path / "ifylld.docx"))
    read_form(tmp_path / "ifylld.docx")
    assert "Ifyllt i Word" in cleaned


def test_every_action_row_is_cleaned_whoever_makes_it() -> None:
    row = ActionRow("new-1", "E", "E.4", planned_action=HOSTILE, due="\x0c2025")
    assert row.planned_action == CLEAN and row.due == "\n\n2025"


def test_a_control_character_in_a_member_name_is_named_as_such_and_shown_escaped(
    stored: Inspection, tmp_path: Path
) -> None:
    package = write_package(tmp_path / "ut.spur", outgoing_package(stored))
    members = members_of(package.read_bytes())
    hostile = tmp_path / "namn.spur"
    hostile.write_bytes(zip_bytes({**members, "inspection\x01\x1b[2J.json": b"{}"}))
    with pytest.raises(ExchangeError) as raised:
        read_package(hostile)
    message = str(raised.value)
    assert "styrtecken" in message and "absolut sökväg" not in message
    assert "\x01" not in message and "\x1b" not in message
    assert "inspection\\x01\\x1b[2J.json" in message
    assert message.startswith("namn.spur: ")


@pytest.mark.parametrize(
    ("name", "reason"),
    [("/etc/x.json", "absolut sökväg"), ("../x.json", '".."'), ("a\\b.json", "snedstreck")],
)
def test_each_unsafe_member_name_gives_its_own_reason(
    stored: Inspection, tmp_path: Path, name: str, reason: str
) -> None:
    members = members_of(write_package(tmp_path / "ut.spur", outgoing_package(stored)).read_bytes())
    hostile = tmp_path / "namn.spur"
    hostile.write_bytes(zip_bytes({**members, name: b"{}"}))
    with pytest.raises(ExchangeError, match=reason):
        read_package(hostile)


def test_a_too_long_form_field_names_the_file(stored: Inspection, tmp_path: Path) -> None:
    form = write_form(stored, tmp_path / "form.docx")
    document = Document(str(form))
    for table in document.tables:
        rows = table.rows
        if len(rows) > 1 and rows[1].cells[0].paragraphs[0].text == LABELS["planned_action"]:
            rows[1].cells[1].text = "x" * (MAX_TEXT_CHARS + 1)
            break
    document.save(str(tmp_path / "för-lång.docx"))
    with pytest.raises(ExchangeError) as raised:
        read_form(tmp_path / "för-lång.docx")
    assert str(raised.value).startswith("för-lång.docx: ")
    assert LABELS["planned_action"] in str(raised.value)
