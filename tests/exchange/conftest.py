"""Fixtures: the demo inspection, stored in a library-like store."""

from __future__ import annotations

import dataclasses

import pytest

from spurdesk.model.demo import demo_inspection
from spurdesk.model.inspection import Inspection, InspectionStatus
from tests.exchange.helpers import FakeStore


@pytest.fixture(scope="session")
def demo() -> Inspection:
    """Loaded once: records are immutable, so sharing it between tests is safe."""
    return dataclasses.replace(demo_inspection(), status=InspectionStatus.ACTION_PLAN_REQUESTED)


@pytest.fixture
def store(demo: Inspection) -> FakeStore:
    fake = FakeStore()
    fake.import_inspection(demo)
    return fake


@pytest.fixture
def stored(store: FakeStore) -> Inspection:
    return store.get_inspection(1)
