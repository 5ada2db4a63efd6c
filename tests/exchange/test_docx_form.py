"""The fillable Word form: written for the unit, filled in, and read back through the review."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from spurdesk.exchange.docx_form import read_form, write_form
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.incoming import read_response
from spurdesk.exchange.review import RowState, apply_review, review_response
from spurdesk.model.action_fields import LABELS, UNIT_FIELDS
from spurdesk.model.inspection import Inspection
from tests.exchange.helpers import FakeStore, Store, fill_plan_values, members_of, zip_bytes


@pytest.fixture(scope="module")
def form(demo: Inspection, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Written once (tests only read it): for the demo as every `store` fixture stores it."""
    store = FakeStore()
    stored = store.get_inspection(store.import_inspection(demo))
    return write_form(stored, tmp_path_factory.mktemp("form") / "handlingsplan.docx")


@pytest.fixture
def stored_form(stored: Inspection, tmp_path: Path) -> Path:
    """The form for the inspection as the `store` under test holds it."""
    return write_form(stored, tmp_path / "handlingsplan.docx")


def fill(form: Path, target: Path, *, skip_first: int = 6) -> Path:
    """Fill every yellow field of the tables after the first `skip_first`, as a unit would."""
    document = Document(str(form))
    for index, table in enumerate(document.tables):
        if index < skip_first:
            continue
        values = fill_plan_values(index)
        for row in table.rows[1:]:
            label = row.cells[0].paragraphs[0].text
            name = next(n for n in UNIT_FIELDS if LABELS[n] == label)
            row.cells[1].text = values.get(name, "")
    document.save(str(target))
    return target


def test_form_has_one_table_per_row_with_marked_fields(form: Path, record: Inspection) -> None:
    document = Document(str(form))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Handlingsplan – Röntgenkliniken" in text
    assert "Skriv bara i de gula fälten" in text
    first = document.tables[0]
    assert first.rows[0].cells[0].paragraphs[0].runs[0].text == "Brist (ändra inte)"
    assert first.rows[0].cells[1].text.startswith("D.1: ")
    assert first.rows[1].cells[0].paragraphs[0].text == "Planerad åtgärd"
    assert "Fyll i" in first.rows[1].cells[0].text
    assert first.rows[1].cells[1].text == record.action_items[0].planned_action
    assert document.core_properties.identifier
    hidden = [r for p in document.paragraphs for r in p.runs if r.font.hidden]
    assert hidden and hidden[0].text.startswith("spurdesk-formulär:")


def test_round_trip_through_the_review(
    stored_form: Path, store: Store, stored: Inspection, tmp_path: Path
) -> None:
    filled = fill(stored_form, tmp_path / "ifylld.docx")
    response = read_response(filled)
    assert response.source == "ifylld.docx"
    assert response.inspection is None
    review = review_response(store, response)
    assert [d.state for d in review.rows[:6]] == [RowState.UNCHANGED] * 6
    assert {d.state for d in review.rows[6:]} == {RowState.NEW}
    assert review.problems == ()
    result = apply_review(store, review, {d.row.key for d in review.pending})
    after = store.get_inspection(stored.id)
    assert len(after.action_items) == len(stored.action_items) + len(result.added)
    assert after.action_items[-1].responsible == "Studierektor"


def test_a_changed_stored_row_is_a_field_diff(
    stored_form: Path, store: Store, stored: Inspection, tmp_path: Path
) -> None:
    document = Document(str(stored_form))
    document.tables[1].rows[3].cells[1].text = "Studierektor och handledare"
    target = tmp_path / "ändrad.docx"
    document.save(str(target))
    review = review_response(store, read_form(target))
    changed = review.rows[1]
    assert changed.state is RowState.CHANGED
    assert [(c.field, c.new) for c in changed.changes] == [
        ("responsible", "Studierektor och handledare")
    ]


def _rewrite(form: Path, target: Path, change) -> Path:
    members = members_of(form.read_bytes())
    change(members)
    target.write_bytes(zip_bytes(members))
    return target


@pytest.mark.parametrize(
    "declaration",
    [
        b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        b'<!ENTITY lol "lol">',
        b"<!doctype html>",
    ],
)
def test_dtds_and_entities_are_refused(form: Path, tmp_path: Path, declaration: bytes) -> None:
    def inject(members: dict[str, bytes]) -> None:
        xml = members["word/document.xml"]
        head, _, body = xml.partition(b"?>")
        members["word/document.xml"] = head + b"?>" + declaration + body

    path = _rewrite(form, tmp_path / "entitet.docx", inject)
    with pytest.raises(ExchangeError, match="DTD- eller entitetsdeklaration"):
        read_form(path)


def test_declarations_are_found_in_utf16_and_in_any_member(form: Path, tmp_path: Path) -> None:
    def utf16(members: dict[str, bytes]) -> None:
        xml = members["word/styles.xml"].decode("utf-8").replace('encoding="UTF-8"', "")
        head, _, body = xml.partition("?>")
        members["word/styles.xml"] = (head + "?><!DOCTYPE x []>" + body).encode("utf-16")

    with pytest.raises(ExchangeError, match=r"delen word/styles\.xml innehåller en DTD"):
        read_form(_rewrite(form, tmp_path / "utf16.docx", utf16))

    def renamed(members: dict[str, bytes]) -> None:
        members["word/part.bin"] = b'<?xml version="1.0"?><!ENTITY e SYSTEM "http://x/">'

    with pytest.raises(ExchangeError, match=r"delen word/part\.bin innehåller en DTD"):
        read_form(_rewrite(form, tmp_path / "bin.docx", renamed))


def test_control_characters_in_the_report_do_not_break_the_form(
    record: Inspection, tmp_path: Path
) -> None:
    odd = dataclasses.replace(record, unit="Röntgen\x0bkliniken\x01")
    path = write_form(odd, tmp_path / "kontroll.docx")
    assert "Röntgen\nkliniken" in Document(str(path)).paragraphs[0].text


def test_missing_identity_is_refused(form: Path, tmp_path: Path) -> None:
    document = Document(str(form))
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("spurdesk-formulär:"):
            paragraph._p.getparent().remove(paragraph._p)
    document.save(str(tmp_path / "utan-id.docx"))
    with pytest.raises(ExchangeError, match="saknar formulärets dolda identitet"):
        read_form(tmp_path / "utan-id.docx")


def test_renamed_field_label_is_refused(form: Path, tmp_path: Path) -> None:
    document = Document(str(form))
    document.tables[2].rows[2].cells[0].text = "Slutdatum"
    document.save(str(tmp_path / "omdöpt.docx"))
    with pytest.raises(ExchangeError, match=r"tabellen för F\.1 har ändrats: okänd rubrik"):
        read_form(tmp_path / "omdöpt.docx")


def test_removed_field_row_is_refused(form: Path, tmp_path: Path) -> None:
    document = Document(str(form))
    table = document.tables[0]
    table._tbl.remove(table.rows[4]._tr)
    document.save(str(tmp_path / "rad-borta.docx"))
    with pytest.raises(ExchangeError, match="fälten Datum för uppföljning saknas"):
        read_form(tmp_path / "rad-borta.docx")


def test_copied_table_is_refused(form: Path, tmp_path: Path) -> None:
    import copy

    document = Document(str(form))
    document.tables[0]._tbl.addnext(copy.deepcopy(document.tables[0]._tbl))
    document.save(str(tmp_path / "kopia.docx"))
    with pytest.raises(ExchangeError, match="förekommer två gånger"):
        read_form(tmp_path / "kopia.docx")


def test_a_document_without_form_tables_is_refused(form: Path, tmp_path: Path) -> None:
    document = Document(str(form))
    for table in document.tables:
        table._tbl.getparent().remove(table._tbl)
    document.save(str(tmp_path / "tom.docx"))
    with pytest.raises(ExchangeError, match="inga av formulärets tabeller"):
        read_form(tmp_path / "tom.docx")


def test_newer_form_version_is_refused(form: Path, tmp_path: Path) -> None:
    def bump(members: dict[str, bytes]) -> None:
        members["word/document.xml"] = members["word/document.xml"].replace(
            b'"version": 1', b'"version": 7'
        )

    path = _rewrite(form, tmp_path / "ny.docx", bump)
    with pytest.raises(ExchangeError, match="version 7"):
        read_form(path)


def test_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "trasig.docx"
    path.write_bytes(zip_bytes({"[Content_Types].xml": b"<Types/>", "x.txt": b"hej"}))
    with pytest.raises(ExchangeError, match="kan inte läsas som Word-dokument"):
        read_form(path)
    path.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ExchangeError, match="skadad eller avkortad"):
        read_form(path)


def test_zip_bomb_in_a_form_is_refused(form: Path, tmp_path: Path) -> None:
    def bomb(members: dict[str, bytes]) -> None:
        members["word/media/bomb.bin"] = b"\0" * (20 * 1024 * 1024)

    path = _rewrite(form, tmp_path / "bomb.docx", bomb)
    with pytest.raises(ExchangeError, match=r"ZIP-bomb|för stor"):
        read_form(path)


def test_text_typed_with_track_changes_is_read(form: Path, tmp_path: Path) -> None:
    """Word wraps text typed with "Spåra ändringar" in w:ins; deleted text (w:delText) is gone."""
    document = Document(str(form))
    cell = document.tables[6].rows[1].cells[1]
    cell.paragraphs[0]._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="Enheten" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:t>Spårad åtgärd</w:t><w:br/><w:t>rad två</w:t></w:r></w:ins>"
        )
    )
    cell.paragraphs[0]._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="Enheten" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:delText>bortstruken</w:delText></w:r></w:del>"
        )
    )
    document.save(str(tmp_path / "spårad.docx"))
    row = read_form(tmp_path / "spårad.docx").plan.rows[6]
    assert row.planned_action == "Spårad åtgärd\nrad två"
