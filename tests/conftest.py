"""Test setup shared by the whole suite. Qt runs offscreen so the tests need no display.

PostgreSQL: the fixtures below start one throw-away cluster per run (tests/pgcluster.py). Without
PostgreSQL on the machine the server tests skip with a line saying why; `.ci/run` sets
SPURDESK_REQUIRE_POSTGRES=1, and there they fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests import pgcluster

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL tests cannot run: {reason}"
    if pgcluster.required():
        pytest.fail(f"{message} ({pgcluster.REQUIRE_ENV}=1: they are mandatory here)")
    pytest.skip(f"{message}; install Debian's postgresql package to run them")


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[pgcluster.Cluster]:
    try:
        cluster = pgcluster.start_cluster()
    except pgcluster.ClusterError as error:
        _unavailable(str(error))
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def postgres_template(postgres_cluster: pgcluster.Cluster) -> str:
    """A database with the current library schema and no inspections, copied for each test
    (creating the schema through every migration takes a while)."""
    from spurdesk.library import Library

    name = postgres_cluster.create_database()
    Library.open(postgres_cluster.url(name)).close()
    return name


@pytest.fixture
def postgres_url(postgres_cluster: pgcluster.Cluster) -> Iterator[str]:
    """The URL of a new, empty database (no schema) on the test cluster."""
    name = postgres_cluster.create_database()
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


@pytest.fixture
def postgres_library_url(
    postgres_cluster: pgcluster.Cluster, postgres_template: str
) -> Iterator[str]:
    """The URL of a new library database of the current schema on the test cluster."""
    name = postgres_cluster.create_database(template=postgres_template)
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)
