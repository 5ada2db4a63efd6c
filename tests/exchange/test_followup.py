"""Follow-up across inspections: buckets by date, filters, marking done/verified, CSV and DOCX."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.followup import (
    Bucket,
    FollowUpFilter,
    all_entries,
    bucket_of,
    csv_text,
    export_csv,
    export_docx,
    filtered,
    grouped,
    mark_done,
    mark_verified,
    overdue_count,
    units_of,
)
from spurdesk.model.inspection import ActionItem, ActionItemStatus, Inspection
from tests.exchange.helpers import Store, events_since, open_store

TODAY = date(2025, 5, 20)


@pytest.fixture(params=["fake", "library"])
def library(request: pytest.FixtureRequest, demo: Inspection, tmp_path: Path) -> Iterator[Store]:
    """Two inspections: the demo (follow-ups 2025-05-30) and a fictitious second unit."""
    store = open_store(request.param, tmp_path)
    store.import_inspection(demo)
    items = (
        ActionItem(
            0,
            "E",
            "E.4",
            "Gammal åtgärd",
            "2025-01-01",
            "Studierektor",
            "2025-03-01",
            "Verksamhetschef",
        ),
        ActionItem(
            0,
            "F",
            "F.1",
            "Senare åtgärd",
            "2025-09-01",
            "Handledare A. Exempel",
            "uppföljning 2025-10-01",
            "Studierektor",
        ),
        ActionItem(0, "G", "G.1", "Odaterad", "kontinuerligt", "ST-läkare", "vid behov", ""),
        ActionItem(
            0,
            "H",
            "H.7",
            "Klar",
            "2025-01-01",
            "Studierektor",
            "2025-02-01",
            "Studierektor",
            status=ActionItemStatus.VERIFIED,
        ),
    )
    store.import_inspection(dataclasses.replace(demo, unit="Barnkliniken", action_items=items))
    yield store
    if hasattr(store, "close"):
        store.close()


def test_buckets_by_follow_up_date() -> None:
    def item(follow_up: str) -> ActionItem:
        return ActionItem(1, "E", "E.4", follow_up=follow_up)

    assert bucket_of(item("2025-05-19"), TODAY) is Bucket.OVERDUE
    assert bucket_of(item("2025-05-20"), TODAY) is Bucket.DUE_SOON
    assert bucket_of(item("första uppföljning 2025-06-19"), TODAY) is Bucket.DUE_SOON
    assert bucket_of(item("2025-06-20"), TODAY) is Bucket.LATER
    assert bucket_of(item("kontinuerligt"), TODAY) is Bucket.UNDATED


def test_entries_across_inspections_in_order(library: Store) -> None:
    entries = filtered(all_entries(library, TODAY), FollowUpFilter())
    groups = grouped(entries)
    assert [e.item.planned_action for e in groups[Bucket.OVERDUE]] == ["Gammal åtgärd"]
    assert len(groups[Bucket.DUE_SOON]) == 6  # the demo's rows, all 2025-05-30
    assert {e.unit for e in groups[Bucket.DUE_SOON]} == {"Röntgenkliniken"}
    assert [e.item.planned_action for e in groups[Bucket.LATER]] == ["Senare åtgärd"]
    assert [e.item.planned_action for e in groups[Bucket.UNDATED]] == ["Odaterad"]
    assert "Klar" not in [e.item.planned_action for e in entries]
    assert overdue_count(entries) == 1
    assert entries[0].section_label == "E. Handledning och kompetensbedömning"
    assert units_of(entries) == ["Barnkliniken", "Röntgenkliniken"]


def test_filters(library: Store) -> None:
    entries = all_entries(library, TODAY)
    barn = filtered(entries, FollowUpFilter(unit="Barnkliniken", include_verified=True))
    assert len(barn) == 4
    by_person = filtered(entries, FollowUpFilter(responsible="a. exempel"))
    assert [e.item.planned_action for e in by_person] == ["Senare åtgärd"]
    by_follow_up = filtered(
        entries, FollowUpFilter(unit="Barnkliniken", responsible="studierektor")
    )
    assert [e.item.planned_action for e in by_follow_up] == ["Gammal åtgärd", "Senare åtgärd"]


def test_mark_done_then_verified(library: Store) -> None:
    entry = grouped(filtered(all_entries(library, TODAY), FollowUpFilter()))[Bucket.OVERDUE][0]
    before = len(library.audit_events(entry.inspection_id))
    mark_done(library, entry, date(2025, 5, 2), "Rutinen är införd.")
    item = library.get_inspection(entry.inspection_id).action_items[0]
    assert (item.status, item.done_on) == (ActionItemStatus.DONE, date(2025, 5, 2))
    entry = dataclasses.replace(entry, item=item)
    with pytest.raises(ExchangeError, match="skriv en anteckning"):
        mark_verified(library, entry, date(2025, 5, 19), "  ")
    with pytest.raises(ExchangeError, match="ligger före datumet då den genomfördes"):
        mark_verified(library, entry, date(2025, 5, 1), "Kontrollerat.")
    mark_verified(library, entry, date(2025, 5, 19), "Kontrollerat i IUP-granskning.")
    item = library.get_inspection(entry.inspection_id).action_items[0]
    assert item.status is ActionItemStatus.VERIFIED
    assert (item.done_on, item.verified_on) == (date(2025, 5, 2), date(2025, 5, 19))
    assert item.verification_note == "Kontrollerat i IUP-granskning."
    events = events_since(library, entry.inspection_id, before)
    assert [e.action for e in events] == ["follow-up", "follow-up"]
    assert "E.4 markerad som genomförd 2025-05-02" in events[0].detail
    assert "E.4 verifierad 2025-05-19" in events[1].detail
    assert overdue_count(filtered(all_entries(library, TODAY), FollowUpFilter())) == 0


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
