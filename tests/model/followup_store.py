"""The library the follow-up tests list and export: two inspections, in a real Library or a fake.

Shared by the rules' tests (tests/model) and the writers' tests (tests/report), so both see the
same rows in the same buckets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from spurdesk.model.demo import demo_inspection
from spurdesk.model.inspection import ActionItem, ActionItemStatus
from tests.exchange.helpers import Store, open_store

TODAY = date(2025, 5, 20)

_SECOND_UNIT_ITEMS = (
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


@contextmanager
def follow_up_store(kind: str, folder: Path) -> Iterator[Store]:
    """The demo (follow-ups 2025-05-30) and a fictitious second unit, in a "fake" or "library"."""
    demo = demo_inspection()
    store = open_store(kind, folder)
    store.import_inspection(demo)
    store.import_inspection(
        dataclasses.replace(demo, unit="Barnkliniken", action_items=_SECOND_UNIT_ITEMS)
    )
    try:
        yield store
    finally:
        if hasattr(store, "close"):
            store.close()
