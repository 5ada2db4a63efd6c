"""The sync's kill test: a child process syncs a laptop holding some twenty inspections with the
office and is SIGKILLed at a random moment, round after round, with new edits on both sides in
between. After every kill both libraries open and every inspection reads whole; at the end one
more sync completes without a conflict or a failure, both sides hold the same inspections, and
every edit made on either side is there.

The child is forked from the test process (already imported, as in tests/library/test_crash.py),
so the kill lands in the sync rather than in Python's start-up; the delays are seeded.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from spurdesk.exchange.merge_document import document_digest, document_of
from spurdesk.exchange.office_sync import Outcome, sync_with_office
from spurdesk.library import Library
from spurdesk.model.demo import demo_inspection
from spurdesk.model.inspection import Inspection

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

ROUNDS = 5
INSPECTOR = "Anna Exempelsdotter"  # listed by the demo, so the office's new ones come down


@pytest.fixture(params=["sqlite", "postgresql"])
def office_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "office.sqlite")
    return str(request.getfixturevalue("postgres_library_url"))


def sync_until_killed(laptop: Path, office: str, report: int) -> None:
    """The child: open both sides and sync; say when it starts and when it is done."""
    with Library.open(laptop) as mine, Library.open(office) as theirs:
        os.write(report, b"syncing\n")
        sync_with_office(mine, theirs, actor="Anna", inspector=INSPECTOR)
    os.write(report, b"done\n")
    time.sleep(60)  # the kill comes


def run_child(laptop: Path, office: str, delay: float | None) -> tuple[float, str]:
    """Fork a sync; kill it after `delay` seconds (None: wait until it is done). Returns the
    time it ran and the last thing it said."""
    read_end, write_end = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        try:
            os.close(read_end)
            sync_until_killed(laptop, office, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    said = b""
    if delay is None:
        while not said.endswith(b"done\n"):
            chunk = os.read(read_end, 1024)
            assert chunk, "the sync child died before it was done"
            said += chunk
    else:
        time.sleep(delay)
    ran = time.monotonic() - started
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_end, 1024):
        said += chunk
    os.close(read_end)
    lines = said.decode().split()
    return ran, lines[-1] if lines else "nothing"


def check_whole(laptop: Path, office: str) -> None:
    """Both sides open after the kill; every inspection reads and has one identity."""
    with sqlite3.connect(laptop) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    for location in (str(laptop), office):
        with Library.open(location) as library:
            uids = [library.get_inspection(e.id).uid for e in library.list_inspections()]
            assert len(set(uids)) == len(uids)
            for entry in library.list_inspections():
                record = library.get_inspection(entry.id)
                assert len(record.sections) == len(record.criteria.sections)
                document_of(record)


class Edits:
    """The edits of both sides, each remembered so the end can check it arrived."""

    def __init__(self, laptop: Path, office: str) -> None:
        self.laptop = laptop
        self.office = office
        self.expected: dict[str, dict[str, str]] = {}  # uid → section → findings

    def round(self, number: int) -> None:
        with Library.open(self.laptop) as mine, mine.batch():
            for _ in range(20 if number == 0 else 1):
                mine.import_inspection(demo_inspection())
            self._edit(mine, "A", f"bärbar {number}")
        with Library.open(self.office) as theirs, theirs.batch():
            theirs.import_inspection(demo_inspection())
            self._edit(theirs, "B", f"kontoret {number}")

    def _edit(self, library: Library, section: str, text: str) -> None:
        for entry in library.list_inspections():
            record = library.get_inspection(entry.id)
            library.set_findings(entry.id, section, f"{text} {record.uid[:8]}")
            self.expected.setdefault(record.uid, {})[section] = f"{text} {record.uid[:8]}"


def records(library: Library) -> dict[str, Inspection]:
    found = (library.get_inspection(e.id) for e in library.list_inspections())
    return {record.uid: record for record in found}


def test_a_sync_killed_at_random_moments_leaves_both_sides_whole_and_completes(
    tmp_path: Path, office_location: str
) -> None:
    laptop = tmp_path / "anna.sqlite"
    Library.open(office_location).close()
    edits = Edits(laptop, office_location)
    edits.round(0)
    # Half of them already at the office, so later rounds merge as well as send.
    full, last = run_child(laptop, office_location, None)
    assert last == "done"
    rng = random.Random(16)
    interrupted = 0
    for number in range(1, ROUNDS + 1):
        edits.round(number)
        _ran, last = run_child(laptop, office_location, rng.uniform(0.0, full))
        interrupted += last == "syncing"
        check_whole(laptop, office_location)
    assert interrupted >= ROUNDS // 2, "the kills did not land in the middle of syncing"

    with Library.open(laptop) as mine, Library.open(office_location) as theirs:
        report = sync_with_office(mine, theirs, actor="Anna", inspector=INSPECTOR)
        assert report.of(Outcome.CONFLICT, Outcome.FAILED) == []
        again = sync_with_office(mine, theirs, actor="Anna", inspector=INSPECTOR)
        assert {item.outcome for item in again.items} == {Outcome.UNCHANGED}
        here, there = records(mine), records(theirs)
    assert here.keys() == there.keys() == edits.expected.keys()
    for uid, record in here.items():
        assert document_digest(document_of(record)) == document_digest(document_of(there[uid]))
        for section, text in edits.expected[uid].items():
            assert record.section(section).findings == text, (uid, section)
