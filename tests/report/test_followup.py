"""The follow-up list's files: CSV safe to open in a spreadsheet, and a Word list by bucket."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from spurdesk.model.followup import FollowUpFilter, all_entries, filtered
from spurdesk.report.followup import csv_text, export_csv, export_docx
from tests.exchange.helpers import Store
from tests.model.followup_store import TODAY, follow_up_store


@pytest.fixture(params=["fake", "library"])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with follow_up_store(request.param, tmp_path) as store:
        yield store


def test_csv_export(library: Store, tmp_path: Path) -> None:
    entries = filtered(all_entries(library, TODAY), FollowUpFilter())
    hostile = dataclasses.replace(
        entries[0], item=dataclasses.replace(entries[0].item, planned_action="=HYPERLINK(1)")
    )
    path = export_csv([hostile, *entries[1:]], tmp_path / "uppföljning.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Läge", "Datum för uppföljning", "Verksamhet"]
    assert rows[1][:5] == [
        "försenad",
        "2025-03-01",
        entries[0].inspection_title,
        "E. Handledning och kompetensbedömning",
        "E.4",
    ]
    assert entries[0].inspection_title.startswith("Barnkliniken")
    assert rows[1][5] == "'=HYPERLINK(1)"
    assert len(rows) == len(entries) + 1
    assert csv_text([]).strip() == ";".join(rows[0])


def test_docx_export(library: Store, tmp_path: Path) -> None:
    entries = filtered(all_entries(library, TODAY), FollowUpFilter())
    path = export_docx(entries, tmp_path / "uppföljning.docx", TODAY)
    document = Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "Uppföljning av handlingsplaner",
        "Försenade uppföljningar (1)",
        "Uppföljning inom 30 dagar (6)",
        "Senare uppföljningar (1)",
        "Uppföljning utan datum (1)",
    ]
    assert document.tables[0].rows[1].cells[3].text == "Gammal åtgärd"
