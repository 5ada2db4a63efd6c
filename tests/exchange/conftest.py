"""Fixtures: the demo inspection, stored in a library — the real Library and an in-memory fake.

Every test that takes `store` runs against both: the fake pins the contract the exchange relies
on, the real Library proves it holds there. Tests needing the fake's failure injection take
`fake_store`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from spurdesk.model.demo import demo_inspection
from spurdesk.model.inspection import (
    CriterionAssessment,
    CriterionStatus,
    Inspection,
    InspectionStatus,
)
from tests.exchange.helpers import UNANSWERED_FORESKRIFT, FakeStore, Store, open_store


@pytest.fixture(scope="session")
def demo() -> Inspection:
    """The demo awaiting its plan, with one required deficiency (H.3) that has no row yet.

    Loaded once: records are immutable, so sharing it between tests is safe.
    """
    record = demo_inspection()
    sections = tuple(
        dataclasses.replace(
            section,
            criteria=tuple(
                CriterionAssessment(a.criterion_id, CriterionStatus.NOT_MET, a.note)
                if a.criterion_id == UNANSWERED_FORESKRIFT
                else a
                for a in section.criteria
            ),
        )
        for section in record.sections
    )
    return dataclasses.replace(
        record, sections=sections, status=InspectionStatus.ACTION_PLAN_REQUESTED
    )


@pytest.fixture(params=["fake", "library", "server"])
def store(request: pytest.FixtureRequest, demo: Inspection, tmp_path: Path) -> Iterator[Store]:
    """The fake, a Library file and a Library on the PostgreSQL test server."""
    if request.param == "server":
        from spurdesk.library import Library

        opened: Store = Library.open(request.getfixturevalue("postgres_library_url"))
    else:
        opened = open_store(request.param, tmp_path)
    opened.import_inspection(demo)
    yield opened
    if hasattr(opened, "close"):
        opened.close()


@pytest.fixture(scope="session")
def record(demo: Inspection) -> Inspection:
    """The demo as a library hands it out (ids, creation time), for tests needing no store."""
    fake = FakeStore()
    return fake.get_inspection(fake.import_inspection(demo))


@pytest.fixture
def fake_store(demo: Inspection) -> FakeStore:
    fake = FakeStore()
    fake.import_inspection(demo)
    return fake


@pytest.fixture
def stored(store: Store) -> Inspection:
    return store.get_inspection(store.list_inspections()[0].id)
