"""A library of many generated inspections for the large-library benchmarks.

    .venv/bin/python -m bench.generate OUT.sqlite [--count 10000]

Storing 10,000 records one by one through `Library.import_inspection` costs about 80 ms each
(SQLAlchemy's unit of work for ~100 rows, then a durable commit): some 15 minutes. So a few dozen
distinct templates (the demo report with varied unit, site, specialty, dates and status) go
through the service API, which validates and writes them, and the rest are copies of those rows
made inside SQLite in one transaction, each with its own names and dates. Every row therefore has
exactly the shape `import_inspection` writes; only the per-inspection audit "import" event is
copied with the rows as well. Each copy is then linked to the register's unit of its texts
(revision 9), as a new inspection is: with the names varied independently that makes some
9,000 units for 10,000 inspections, far more than a real register holds.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from spurdesk.library import Library
from spurdesk.library.schema import Base
from spurdesk.model.demo import demo_inspection
from spurdesk.model.inspection import Inspection, InspectionStatus

DEFAULT_COUNT = 10_000
DEFAULT_TEMPLATES = 40

# Fictitious names only: no real unit, hospital or person.
UNITS = (
    "Röntgenkliniken",
    "Medicinkliniken",
    "Kirurgkliniken",
    "Ortopedkliniken",
    "Barn- och ungdomskliniken",
    "Kvinnokliniken",
    "Psykiatriska kliniken",
    "Akutkliniken",
    "Infektionskliniken",
    "Hudkliniken",
    "Ögonkliniken",
    "Öron-näsa-halskliniken",
    "Anestesi- och intensivvårdskliniken",
    "Geriatriska kliniken",
    "Vårdcentralen Norra",
    "Vårdcentralen Söder",
    "Rehabiliteringskliniken",
    "Urologiska kliniken",
    "Neurologiska kliniken",
    "Klinisk kemi",
)
SITES = (
    "Strandviks lasarett",
    "Norrby sjukhus",
    "Älvdala länssjukhus",
    "Bergsjö sjukhus",
    "Hagavik universitetssjukhus",
    "Sjöstads lasarett",
    "Granbacka sjukhus",
    "Östervik vårdcentral",
    "Lindeby sjukhus",
    "Fjällnäs lasarett",
    "Ekdala sjukhus",
    "Vikhamra vårdcentral",
)
CARE_PROVIDERS = (
    "Region Exempelland",
    "Region Påhittia",
    "Region Testmark",
    "Region Fiktiva",
    "Privat vårdgivare AB",
)
SPECIALTIES = (
    "Radiologi",
    "Internmedicin",
    "Kirurgi",
    "Ortopedi",
    "Barn- och ungdomsmedicin",
    "Obstetrik och gynekologi",
    "Psykiatri",
    "Akutsjukvård",
    "Infektionssjukdomar",
    "Hud- och könssjukdomar",
    "Ögonsjukdomar",
    "Öron-, näs- och halssjukdomar",
    "Anestesi och intensivvård",
    "Geriatrik",
    "Allmänmedicin",
    "Rehabiliteringsmedicin",
    "Urologi",
    "Neurologi",
    "Klinisk kemi",
)


@dataclass(frozen=True)
class Identity:
    """The start-view fields that differ between generated inspections."""

    unit: str
    site: str
    care_provider: str
    specialty: str
    visit_start: date


def identities(rng: random.Random) -> Iterator[Identity]:
    """Endless varied identities, visits spread over 2014–2026."""
    first = date(2014, 1, 1)
    while True:
        start = first + timedelta(days=rng.randrange(13 * 365))
        yield Identity(
            unit=rng.choice(UNITS),
            site=rng.choice(SITES),
            care_provider=rng.choice(CARE_PROVIDERS),
            specialty=rng.choice(SPECIALTIES),
            visit_start=start,
        )


def template(base: Inspection, identity: Identity, status: InspectionStatus) -> Inspection:
    """The demo report moved to another unit, visit and status."""
    return replace(
        base,
        unit=identity.unit,
        site=identity.site,
        care_provider=identity.care_provider,
        specialty=identity.specialty,
        status=status,
        visit_start=identity.visit_start,
        visit_end=identity.visit_start + timedelta(days=1),
        report_date=identity.visit_start + timedelta(days=30),
    )


def _child_tables() -> list[str]:
    """Every table keyed to an inspection, parents first (as SQLAlchemy orders them)."""
    return [
        table.name
        for table in Base.metadata.sorted_tables
        if "inspection_id" in table.columns and table.name != "inspections"
    ]


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def _selected(columns: list[str]) -> str:
    """The columns to copy, with a fresh `uid` where the table has one."""
    return ", ".join("new_uid()" if column == "uid" else column for column in columns)


def copy_inspections(path: Path, template_ids: list[int], copies: int, rng: random.Random) -> None:
    """Adds `copies` inspections to the (closed) library at `path`, each a copy of a template's
    rows with its own identity, in one transaction."""
    connection = sqlite3.connect(path, isolation_level=None)
    # Every copy and each of its rows gets an identity of its own (revision 6).
    connection.create_function("new_uid", 0, lambda: str(uuid.uuid4()))
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        overridden = (
            "unit",
            "site",
            "care_provider",
            "specialty",
            "visit_start",
            "visit_end",
            "report_date",
        )
        kept = [c for c in _columns(connection, "inspections") if c not in ("id", *overridden)]
        insert_head = (
            f"INSERT INTO inspections ({', '.join((*overridden, *kept))}) "
            f"SELECT {', '.join('?' for _ in overridden)}, {_selected(kept)} "
            "FROM inspections WHERE id = ?"
        )
        child_inserts = []
        for table in _child_tables():
            columns = [c for c in _columns(connection, table) if c not in ("id", "inspection_id")]
            listed = ", ".join(columns)
            child_inserts.append(
                f"INSERT INTO {table} (inspection_id, {listed}) "
                f"SELECT ?, {_selected(columns)} FROM {table} WHERE inspection_id = ?"
            )
        connection.execute("BEGIN")
        for number, identity in zip(range(copies), identities(rng), strict=False):
            source = template_ids[number % len(template_ids)]
            dates = (
                identity.visit_start,
                identity.visit_start + timedelta(days=1),
                identity.visit_start + timedelta(days=30),
            )
            cursor = connection.execute(
                insert_head,
                (
                    identity.unit,
                    identity.site,
                    identity.care_provider,
                    identity.specialty,
                    *(day.isoformat() for day in dates),
                    source,
                ),
            )
            new_id = cursor.lastrowid
            for statement in child_inserts:
                connection.execute(statement, (new_id, source))
        link_units(connection)
        connection.execute("COMMIT")
    finally:
        connection.close()


def link_units(connection: sqlite3.Connection) -> None:
    """Every inspection linked to one unit per distinct unit/site/care-provider/specialty
    text (the generated texts are exact, so no normalising is needed)."""
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    connection.execute("UPDATE inspections SET unit_id = NULL")
    connection.execute("DELETE FROM units")
    texts = connection.execute(
        "SELECT DISTINCT unit, site, care_provider, specialty FROM inspections"
    ).fetchall()
    unit_ids = {}
    for row in texts:
        cursor = connection.execute(
            "INSERT INTO units (uid, name, site, care_provider, specialty, created_at, "
            "modified_at) VALUES (new_uid(), ?, ?, ?, ?, ?, ?)",
            (*row, now, now),
        )
        unit_ids[tuple(row)] = cursor.lastrowid
    connection.executemany(
        "UPDATE inspections SET unit_id = ? WHERE id = ?",
        [
            (unit_ids[(unit, site, care_provider, specialty)], inspection_id)
            for inspection_id, unit, site, care_provider, specialty in connection.execute(
                "SELECT id, unit, site, care_provider, specialty FROM inspections"
            )
        ],
    )


def generate_library(
    path: Path,
    count: int = DEFAULT_COUNT,
    *,
    templates: int = DEFAULT_TEMPLATES,
    seed: int = 8,
) -> Path:
    """Writes a new library at `path` holding `count` inspections; refuses an existing file."""
    if path.exists():
        raise FileExistsError(f"{path} exists; the generator writes only new libraries")
    rng = random.Random(seed)
    base = demo_inspection()
    statuses = list(InspectionStatus)
    library = Library.open(path)
    template_ids = []
    try:
        for number, identity in zip(range(min(templates, count)), identities(rng), strict=False):
            record = template(base, identity, statuses[number % len(statuses)])
            template_ids.append(library.import_inspection(record))
    finally:
        library.close()
    copy_inspections(path, template_ids, count - len(template_ids), rng)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the library file to create")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    args = parser.parse_args()
    started = time.perf_counter()
    generate_library(args.out, args.count)
    print(f"{args.count} inspections in {args.out} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
