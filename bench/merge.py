"""Merging two inspectors' copies of the demo inspection, and the size of a copy (issue 15).

Both copies change every section (Anna the findings, Erik a criterion note and the findings'
last paragraph of each, so text merges paragraph by paragraph); the figure is receiving Erik's
copy in Anna's library: reading and verifying the file, planning the merge and applying it as
one transaction. The floor is what any merge must do: read the local inspection and write it
back once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.results import Row

MERGE_TARGET_SECONDS = 0.2
PREVIEW_TARGET_SECONDS = 0.5
COPY_TARGET_BYTES = 100_000


def _prepare(demo: Path, work: Path) -> tuple[Path, Path, Path]:
    """Anna's library and Erik's copy, each with every section changed since they shared."""
    from spurdesk.exchange.coinspector import apply_plan, plan_merge, read_copy, send_copy
    from spurdesk.library import Library

    anna_path, erik_path = work / "anna.sqlite", work / "erik.sqlite"
    shutil.copyfile(demo, anna_path)
    with Library.open(anna_path) as anna, Library.open(erik_path) as erik:
        inspection_id = anna.list_inspections()[0].id
        shared = send_copy(anna, inspection_id, work / "share.spur", "Anna")
        erik_id = apply_plan(erik, plan_merge(erik, read_copy(shared)))
        record = anna.get_inspection(inspection_id)
        for section in record.sections:
            anna.set_findings(inspection_id, section.section_id, f"Anna om {section.section_id}.\n")
            first = section.criteria[0].criterion_id
            erik.set_criterion(erik_id, first, section.criteria[0].status, "Eriks anteckning")
        erik_copy = send_copy(erik, erik_id, work / "erik.spur", "Erik")
    return anna_path, erik_copy, shared


def _preview_times(library: object, copy_path: Path, repeat: int) -> tuple[float, float]:
    """Best of `repeat` (after a warm-up): the preview from the file to its first paint, and
    as the floor what it must show: the copy read and the merge planned."""
    import time

    from bench.qt import application, dispose, show_until_painted
    from spurdesk.exchange.coinspector import plan_merge, read_copy
    from spurdesk.ui.exchange.merge_dialog import MergeDialog

    application()
    previews, floors = [], []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        dialog = MergeDialog(plan_merge(library, read_copy(copy_path)), "Anna", lambda _c: None)
        show_until_painted(dialog)
        previews.append(time.perf_counter() - started)
        dispose(dialog)
        started = time.perf_counter()
        plan_merge(library, read_copy(copy_path))
        floors.append(time.perf_counter() - started)
    return min(previews[1:]), min(floors[1:])


def measure_merge(demo: Path, work: Path, repeat: int = 5) -> list[Row]:
    import time

    from spurdesk.exchange.coinspector import apply_plan, plan_merge, read_copy
    from spurdesk.library import Library

    work.mkdir(parents=True, exist_ok=True)
    anna_path, erik_copy, shared = _prepare(demo, work)
    merges, floors = [], []
    with Library.open(anna_path) as library:
        inspection_id = library.list_inspections()[0].id
        before = library.get_inspection(inspection_id)
        for _ in range(repeat + 1):  # the first is a warm-up
            started = time.perf_counter()
            copy = read_copy(erik_copy)
            apply_plan(library, plan_merge(library, copy), {})
            merges.append(time.perf_counter() - started)
            # back to the state before, untimed: the next round merges the same copy again
            library.apply_merged(inspection_id, before, detail="bench", forget=copy.digest)
            started = time.perf_counter()
            record = library.get_inspection(inspection_id)
            library.apply_merged(inspection_id, record, detail="bench")
            floors.append(time.perf_counter() - started)
        preview, preview_floor = _preview_times(library, erik_copy, repeat)
    value, floor = min(merges[1:]), min(floors[1:])
    size = shared.stat().st_size
    return [
        Row(
            figure="Merge preview shown, every section changed on both sides",
            value=preview,
            unit="s",
            floor=preview_floor,
            floor_name="the copy read and the merge planned, nothing shown",
            target=f"< {PREVIEW_TARGET_SECONDS} s",
            passed=preview < PREVIEW_TARGET_SECONDS,
            note="read the copy, plan the merge, build and paint the preview",
        ),
        Row(
            figure="Merge a co-inspector's copy, every section changed on both sides",
            value=value,
            unit="s",
            floor=floor,
            floor_name="read the inspection and write it back unchanged in one transaction",
            target=f"< {MERGE_TARGET_SECONDS} s",
            passed=value < MERGE_TARGET_SECONDS,
            note="read and verify the file, plan the three-way merge, apply it",
        ),
        Row(
            figure="Copy for the co-inspector, demo inspection",
            value=size / 1000,
            unit="kB",
            floor=None,
            floor_name="",
            target=f"< {COPY_TARGET_BYTES // 1000} kB",
            passed=size < COPY_TARGET_BYTES,
        ),
    ]
