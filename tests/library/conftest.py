"""Shared set-up of the storage tests: the shipped criteria set and a fresh library per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from spurdesk.library import Library
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.criteria_loader import load_criteria_file
from spurdesk.resources import resource_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "storage"


@pytest.fixture(scope="session")
def criteria() -> CriteriaSet:
    return load_criteria_file(resource_path("criteria", "st-spur.yaml"))


@pytest.fixture(scope="session")
def empty_library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with the current schema and no inspections, made once per session."""
    path = tmp_path_factory.mktemp("template") / "library.sqlite"
    Library.open(path).close()
    return path


@pytest.fixture
def library_path(tmp_path: Path, empty_library_template: Path) -> Path:
    """A fresh library file of the current schema (a copy: migrating takes a while)."""
    path = tmp_path / "bibliotek" / "library.sqlite"
    path.parent.mkdir()
    shutil.copyfile(empty_library_template, path)
    return path


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    opened = Library.open(library_path)
    opened.actor = "Inspektör Ett"
    yield opened
    opened.close()


def new_inspection(library: Library, criteria: CriteriaSet, unit: str = "Röntgenkliniken") -> int:
    return library.create_inspection(
        unit=unit,
        site="Strandviks lasarett",
        care_provider="Region Exempelland",
        specialty="Radiologi",
        criteria=criteria,
    )


def fixture_copy(name: str, target_dir: Path) -> Path:
    """A writable copy of a fixture library: the tests never touch the originals."""
    target = target_dir / name
    shutil.copyfile(FIXTURES / name, target)
    return target
