"""Syncing a laptop with the office (issue 16): 50 inspections of which 5 changed since the last
sync, against a local PostgreSQL server (tests/pgcluster.py, Debian's binaries; reported as
skipped without them) and, for comparison, against an office library in an SQLite file.

Each sample changes 5 of the laptop's 50 inspections (the findings of one section), then opens
the office's library and syncs, as `spurdesk sync` does. The floor is what any sync of those 5
must do: read each on both sides and write it back, unchanged, once on each side; the 45 others
should cost almost nothing (recognised from the stamps in one query per side), which the second
figure, a sync in which nothing changed, shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from bench.results import Row

INSPECTIONS = 50
CHANGED = 5
SYNC_TARGET_SECONDS = 2.0
UNCHANGED_TARGET_SECONDS = 0.5


def _prepare(demo: Path, laptop: Path, office: str, count: int) -> None:
    """The laptop with `count` inspections, all already synced with the office once."""
    from spurdesk.exchange.office_sync import sync_with_office
    from spurdesk.library import Library

    with Library.open(demo, read_only=True) as source:
        template = source.get_inspection(source.list_inspections()[0].id)
    with Library.open(laptop) as library:
        with library.batch():
            for _ in range(count):
                library.import_inspection(template)
        with Library.open(office) as server:
            sync_with_office(library, server, actor="bench")


def _samples(laptop: Path, office: str, repeat: int, changed: int) -> tuple[list[float], ...]:
    """Per sample: the floor and the sync after `changed` edits, then a sync with nothing to
    do."""
    from spurdesk.exchange.office_sync import sync_with_office
    from spurdesk.library import Library

    syncs, floors, idle = [], [], []
    with Library.open(laptop) as library:
        ids = [entry.id for entry in library.list_inspections()]
        for sample in range(repeat + 1):  # the first is a warm-up
            chosen = ids[sample * changed % len(ids) :][:changed]
            for inspection_id in chosen:
                library.set_findings(inspection_id, "A", f"Ändrad i prov {sample}.")
            floors.append(_floor(library, office, chosen))  # before: it touches only these
            started = time.perf_counter()
            with Library.open(office) as server:
                report = sync_with_office(library, server, actor="bench")
            syncs.append(time.perf_counter() - started)
            assert len(report.changed) == len(chosen), report
            started = time.perf_counter()
            with Library.open(office) as server:
                sync_with_office(library, server, actor="bench")
            idle.append(time.perf_counter() - started)
    return syncs, floors, idle


def _floor(library: object, office: str, chosen: list[int]) -> float:
    """Read each inspection on both sides and write it back unchanged once on each side."""
    from spurdesk.library import Library

    assert isinstance(library, Library)
    started = time.perf_counter()
    with Library.open(office) as server:
        for inspection_id in chosen:
            record = library.get_inspection(inspection_id)
            remote_id = server.find_inspection(record.uid)
            assert remote_id is not None
            remote = server.get_inspection(remote_id)
            server.apply_merged(remote_id, remote, detail="bench")
            library.apply_merged(inspection_id, record, detail="bench")
    return time.perf_counter() - started


def _rows(
    where: str, sizes: tuple[int, int], syncs: list[float], floors: list[float], idle: list[float]
) -> list[Row]:
    count, changed = sizes
    value, floor, unchanged = min(syncs[1:]), min(floors[1:]), min(idle[1:])
    return [
        Row(
            figure=f"Sync {count} inspections, {changed} changed, office on {where}",
            value=value,
            unit="s",
            floor=floor,
            floor_name=f"the {changed} read on both sides and written back once on each",
            target=f"< {SYNC_TARGET_SECONDS:.0f} s",
            passed=value < SYNC_TARGET_SECONDS,
            note="open the office's library, recognise the unchanged, merge and write the rest",
        ),
        Row(
            figure=f"Sync {count} inspections, none changed, office on {where}",
            value=unchanged,
            unit="s",
            floor=None,
            floor_name="",
            target=f"< {UNCHANGED_TARGET_SECONDS} s",
            passed=unchanged < UNCHANGED_TARGET_SECONDS,
            note="open the office's library and compare the stamps: no inspection read",
        ),
    ]


def _skipped(where: str, sizes: tuple[int, int], reason: str) -> list[Row]:
    count, changed = sizes
    return [
        Row(
            figure=f"Sync {count} inspections, {changed} changed, office on {where}",
            value=0.0,
            unit="s",
            floor=None,
            floor_name="",
            target=f"< {SYNC_TARGET_SECONDS:.0f} s",
            passed=None,
            note=f"skipped: no PostgreSQL ({reason})",
        )
    ]


def measure_sync(
    demo: Path,
    work: Path,
    repeat: int = 3,
    count: int = INSPECTIONS,
    changed: int = CHANGED,
    progress: Callable[[str], None] = lambda _message: None,
) -> list[Row]:
    """The rows for an office on PostgreSQL (or why not) and on an SQLite file."""
    from tests import pgcluster

    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    try:
        cluster = pgcluster.start_cluster()
    except pgcluster.ClusterError as error:
        progress(f"sync: skipped PostgreSQL: {error}")
        rows.extend(_skipped("PostgreSQL", (count, changed), str(error)))
    else:
        try:
            office = cluster.url(cluster.create_database())
            _prepare(demo, work / "laptop-pg.sqlite", office, count)
            rows.extend(
                _rows(
                    "PostgreSQL",
                    (count, changed),
                    *_samples(work / "laptop-pg.sqlite", office, repeat, changed),
                )
            )
        finally:
            cluster.stop()
    office_file = str(work / "office.sqlite")
    _prepare(demo, work / "laptop.sqlite", office_file, count)
    rows.extend(
        _rows(
            "an SQLite file",
            (count, changed),
            *_samples(work / "laptop.sqlite", office_file, repeat, changed),
        )
    )
    return rows
