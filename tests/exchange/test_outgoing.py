"""Sending records the report digest, so the inspectors' later edits are not taken as tampering."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.incoming import read_response
from spurdesk.exchange.outgoing import send_form, send_package, sent_digests
from spurdesk.exchange.package import (
    inspection_digest,
    read_package,
    response_package,
    write_package,
)
from spurdesk.exchange.review import review_response
from spurdesk.exchange.unit_package import UnitPackage
from spurdesk.library import Library
from spurdesk.model.inspection import Inspection
from tests.exchange.helpers import Store, fill_plan_values


@pytest.fixture
def library(demo: Inspection, tmp_path: Path) -> Iterator[Library]:
    opened = Library.open(tmp_path / "bibliotek.spurdesk")
    opened.import_inspection(demo)
    yield opened
    opened.close()


def _answer(sent: Path, tmp_path: Path) -> UnitPackage:
    unit = UnitPackage.open(sent)
    for index, row in enumerate(unit.plan.rows):
        if row.is_new:
            for name, value in fill_plan_values(index).items():
                unit.set_field(row.key, name, value)
    return unit


def test_send_records_the_digest(store: Store, stored: Inspection, tmp_path: Path) -> None:
    sent = send_package(store, stored.id, tmp_path / "ut.spur")
    event = store.audit_events(stored.id)[-1]
    assert event.action == "export" and "ut.spur" in event.detail
    assert sent_digests(store, stored.id) == {inspection_digest(read_package(sent).inspection)}
    send_form(store, stored.id, tmp_path / "ut.docx")
    assert "Word-formulär: ut.docx" in store.audit_events(stored.id)[-1].detail


def test_inspectors_edits_after_sending_do_not_refuse_the_answer(
    library: Library, tmp_path: Path
) -> None:
    inspection_id = library.list_inspections()[0].id
    sent = send_package(library, inspection_id, tmp_path / "ut.spur")
    response = _answer(sent, tmp_path).export_response(tmp_path / "svar.spur")
    library.set_findings(inspection_id, "E", "Iakttagelserna har rättats efter utskicket.")
    review = review_response(library, read_response(response))
    assert review.pending


def test_a_tampered_report_is_still_refused_after_sending(library: Library, tmp_path: Path) -> None:
    inspection_id = library.list_inspections()[0].id
    sent = send_package(library, inspection_id, tmp_path / "ut.spur")
    unit = _answer(sent, tmp_path)
    received = read_package(sent)
    forged_report = dataclasses.replace(
        received.inspection,
        sections=tuple(
            dataclasses.replace(s, findings="Inga brister.") if s.section_id == "F" else s
            for s in received.inspection.sections
        ),
    )
    forged = response_package(dataclasses.replace(received, inspection=forged_report), unit.plan)
    path = write_package(tmp_path / "svar.spur", forged)
    with pytest.raises(ExchangeError, match="avsnitt F: iakttagelserna"):
        review_response(library, read_response(path))
