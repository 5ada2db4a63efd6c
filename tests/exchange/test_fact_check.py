"""Sakgranskning round trip through the public API, and every hostile answer refused untouched."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.fact_check_exchange import (
    import_answer,
    read_answer,
    send_fact_check,
    send_fact_check_form,
)
from spurdesk.exchange.fact_check_form import read_fact_check_form
from spurdesk.exchange.fact_check_package import is_fact_check, read_fact_check
from spurdesk.exchange.fact_check_unit import FactCheckUnit
from spurdesk.exchange.package import Side
from spurdesk.library import Library
from spurdesk.model.demo import demo_inspection
from spurdesk.model.fact_check import CommentKind, Decision, apply_wording, quote_is_current
from spurdesk.model.inspection import InspectionStatus
from spurdesk.report.fact_check_record import write_record
from tests.exchange.helpers import edit_json, members_of, reseal, zip_bytes

QUOTE = "Rutinerna följs inte fullt ut."


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    record = dataclasses.replace(demo_inspection(), status=InspectionStatus.FACT_CHECK)
    with Library.open(tmp_path / "bibliotek.spurdesk") as opened:
        opened.actor = "Inspektör Ett"
        opened.import_inspection(record)
        yield opened


@pytest.fixture
def inspection_id(library: Library) -> int:
    return library.list_inspections()[0].id


@pytest.fixture
def sent(library: Library, inspection_id: int, tmp_path: Path) -> Path:
    return send_fact_check(library, inspection_id, tmp_path / "utkast.spur", date(2025, 1, 31))


def _answer(sent: Path, tmp_path: Path) -> Path:
    unit = FactCheckUnit.open(sent)
    unit.add_comment(
        "A",
        CommentKind.FACTUAL_ERROR,
        quote=QUOTE,
        proposed="Rutinerna följs i huvudsak.",
        reason="Revision 2024 visade följsamhet.",
    )
    unit.add_comment("B", CommentKind.MISSING, proposed="Två nya handledare sedan hösten.")
    return unit.export_answer(tmp_path / "svar.spur")


def _library_bytes(library: Library) -> bytes:
    library.flush()
    return hashlib.sha256(library.path.read_bytes()).digest()


def test_full_round_trip(library: Library, inspection_id: int, sent: Path, tmp_path: Path) -> None:
    assert is_fact_check(sent)
    package = read_fact_check(sent)
    assert (package.sender, package.reply_by, package.comments) == (
        Side.INSPECTOR,
        date(2025, 1, 31),
        (),
    )
    # the unit saves its work in progress and reopens it
    unit = FactCheckUnit.open(sent)
    unit.add_comment("A", CommentKind.OTHER, quote=QUOTE, reason="Utkast")
    draft = unit.save_draft(tmp_path / "utkast-pågående.spur")
    assert read_fact_check(draft).sender is Side.UNIT_DRAFT
    with pytest.raises(ExchangeError, match="utkast"):
        read_answer(draft)
    assert [c.reason for c in FactCheckUnit.open(draft).comments] == ["Utkast"]

    answer = read_answer(_answer(sent, tmp_path))
    _, added = import_answer(library, answer)
    assert len(added) == 2
    _, again = import_answer(library, answer)  # the same answer twice adds nothing
    assert again == []
    comments = library.fact_check_comments(inspection_id)
    first, second = comments
    assert first.comment.quote == QUOTE and first.decision is None
    with pytest.raises(SpurdeskError, match="saknar beslut"):
        library.set_status(inspection_id, InspectionStatus.FINAL)

    findings = library.get_inspection(inspection_id).section("A").findings
    new_text = apply_wording(findings, first.comment.quote, first.comment.proposed)
    library.decide_comment(first.id, Decision.ACCEPTED, findings=new_text)
    with pytest.raises(SpurdeskError, match="varför"):
        library.decide_comment(second.id, Decision.REJECTED)
    library.decide_comment(second.id, Decision.REJECTED, reason="Uppgiften gäller 2025.")
    text = library.get_inspection(inspection_id).section("A").findings
    assert "Rutinerna följs i huvudsak." in text and QUOTE not in text
    library.set_status(inspection_id, InspectionStatus.FINAL)
    assert library.get_inspection(inspection_id).status is InspectionStatus.FINAL

    record = write_record(
        library.get_inspection(inspection_id),
        library.fact_check_comments(inspection_id),
        tmp_path / "protokoll.docx",
    )
    body = "\n".join(
        cell.text
        for table in Document(str(record)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "godtagen" in body and "Uppgiften gäller 2025." in body and "Inspektör Ett" in body
    # accepted, the quote is gone from the text: still listed, marked as out of date
    assert "finns inte längre i texten" in body


def test_override_needs_a_reason_and_is_audited(
    library: Library, inspection_id: int, sent: Path, tmp_path: Path
) -> None:
    import_answer(library, read_answer(_answer(sent, tmp_path)))
    with pytest.raises(SpurdeskError, match="fastställ ändå"):
        library.set_status(inspection_id, InspectionStatus.FINAL, override_reason="  ")
    library.set_status(
        inspection_id, InspectionStatus.FINAL, override_reason="Verksamheten har inte svarat."
    )
    last = library.audit_events(inspection_id)[-1]
    assert "fastställd ändå med 2 kommentar(er)" in last.detail
    assert "Verksamheten har inte svarat." in last.detail


def test_a_stale_quote_is_kept_and_marked(
    library: Library, inspection_id: int, sent: Path, tmp_path: Path
) -> None:
    import_answer(library, read_answer(_answer(sent, tmp_path)))
    library.set_findings(inspection_id, "A", "Helt omskriven text.")
    stored = library.fact_check_comments(inspection_id)
    assert len(stored) == 2
    assert not quote_is_current(stored[0].comment.quote, "Helt omskriven text.")


def test_an_answer_sent_before_the_inspectors_edited_is_still_accepted(
    library: Library, inspection_id: int, sent: Path, tmp_path: Path
) -> None:
    answer = _answer(sent, tmp_path)
    library.set_findings(inspection_id, "C", "Ändrad efter utskicket.")
    _, added = import_answer(library, read_answer(answer))
    assert len(added) == 2


def test_the_unit_cannot_quote_what_the_text_does_not_say(sent: Path) -> None:
    unit = FactCheckUnit.open(sent)
    with pytest.raises(ExchangeError, match="citerade meningen"):
        unit.add_comment("A", CommentKind.FACTUAL_ERROR, quote="Påhittad mening.", reason="x")
    with pytest.raises(ExchangeError, match="tom kommentar"):
        unit.add_comment("A", CommentKind.OTHER)
    with pytest.raises(ExchangeError, match="inget avsnitt"):
        unit.add_comment("Z", CommentKind.OTHER, reason="x")


def test_word_form_round_trip(library: Library, inspection_id: int, tmp_path: Path) -> None:
    form = send_fact_check_form(library, inspection_id, tmp_path / "sakgranskning.docx")
    document = Document(str(form))
    tables = [t for t in document.tables if "spurdesk-sakgranskning:A" in t.rows[0].cells[0].text]
    assert len(tables) == 1
    row = tables[0].rows[1].cells
    row[0].text, row[1].text, row[2].text, row[3].text = (
        "Faktafel",
        QUOTE,
        "Rutinerna följs i huvudsak.",
        "Se revisionen.",
    )
    extra = tables[0].add_row().cells  # the unit may add rows
    extra[0].text, extra[3].text = "övrigt", "Tack för besöket."
    document.save(str(form))
    answer = read_fact_check_form(form)
    assert [(c.section_id, c.kind) for c in answer.comments] == [
        ("A", CommentKind.FACTUAL_ERROR),
        ("A", CommentKind.OTHER),
    ]
    _, added = import_answer(library, read_answer(form))
    assert len(added) == 2


def test_a_form_with_a_renamed_column_is_refused(
    library: Library, inspection_id: int, tmp_path: Path
) -> None:
    form = send_fact_check_form(library, inspection_id, tmp_path / "sakgranskning.docx")
    document = Document(str(form))
    table = next(t for t in document.tables if "spurdesk-sakgranskning:" in t.rows[0].cells[0].text)
    table.rows[0].cells[2].text = "Betyg"
    document.save(str(form))
    with pytest.raises(ExchangeError, match="kolumnerna"):
        read_fact_check_form(form)


# --- hostile answers: refused, the library byte-identical ------------------------------------


def _hostile(library: Library, tmp_path: Path, data: bytes, match: str) -> None:
    path = tmp_path / "fientligt.spur"
    path.write_bytes(data)
    before = _library_bytes(library)
    with pytest.raises(ExchangeError, match=match):
        import_answer(library, read_answer(path))
    assert _library_bytes(library) == before


@pytest.fixture
def answer_members(sent: Path, tmp_path: Path) -> dict[str, bytes]:
    return members_of(_answer(sent, tmp_path).read_bytes())


def test_tampered_checksum(
    library: Library, answer_members: dict[str, bytes], tmp_path: Path
) -> None:
    body = json.loads(answer_members["fact_check.json"])
    body["comments"][0]["proposed"] = "Ändrat på vägen."
    tampered = {**answer_members, "fact_check.json": json.dumps(body).encode()}
    _hostile(library, tmp_path, zip_bytes(tampered), "kontrollsumman")


def test_traversal(library: Library, answer_members: dict[str, bytes], tmp_path: Path) -> None:
    members = {**answer_members, "../fact_check.json": b"{}"}
    _hostile(library, tmp_path, zip_bytes(members), "otillåtet namn")


def test_zip_bomb(library: Library, answer_members: dict[str, bytes], tmp_path: Path) -> None:
    bomb = {**answer_members, "inspection.json": b" " * (12 * 1024 * 1024)}
    _hostile(library, tmp_path, zip_bytes(reseal(bomb)), "ZIP-bomb")


def test_a_comment_trying_to_change_a_grade(
    library: Library, answer_members: dict[str, bytes], tmp_path: Path
) -> None:
    members = edit_json(
        answer_members, "fact_check.json", lambda d: d["comments"][0].update(grade="A")
    )
    _hostile(library, tmp_path, zip_bytes(members), "försöker ändra graderingen")


def test_a_changed_report_in_the_answer(
    library: Library, answer_members: dict[str, bytes], tmp_path: Path
) -> None:
    def regrade(data: dict) -> None:  # type: ignore[type-arg]
        data["sections"][3]["grade"] = "A"

    members = edit_json(answer_members, "inspection.json", regrade)
    _hostile(library, tmp_path, zip_bytes(members), "försöker ändra")


def test_a_comment_on_another_inspections_text(
    library: Library, answer_members: dict[str, bytes], tmp_path: Path
) -> None:
    def elsewhere(data: dict) -> None:  # type: ignore[type-arg]
        data["inspection"]["key"] = "00000000-0000-0000-0000-000000000000"

    members = edit_json(answer_members, "manifest.json", elsewhere)
    _hostile(library, tmp_path, zip_bytes(members), "hör inte ihop")


def test_a_comment_on_a_section_the_report_lacks(
    library: Library, answer_members: dict[str, bytes], tmp_path: Path
) -> None:
    members = edit_json(
        answer_members, "fact_check.json", lambda d: d["comments"][0].update(section_id="Q")
    )
    _hostile(library, tmp_path, zip_bytes(members), "inte finns i rapporten")


def test_an_answer_given_to_the_action_plan_import_says_where_it_belongs(
    sent: Path, tmp_path: Path
) -> None:
    from spurdesk.exchange.incoming import read_response

    with pytest.raises(ExchangeError, match="Importera sakgranskning"):
        read_response(_answer(sent, tmp_path))
