"""Run the whole benchmark suite: every figure beside its floor, measured in the same run.

    .venv/bin/python -m bench.run                 # everything, ~3–5 minutes
    .venv/bin/python -m bench.run --only startup,export
    .venv/bin/python -m bench.run --large-library big.sqlite   # reuse a generated library

Prints the table (figure, value, floor, ratio, target, pass/fail) and writes it with the
machine description to bench/results.json. Exits 1 when a figure misses its target. Qt runs
offscreen, and every user folder (settings, logs, criteria) points into a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):  # `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.environment import isolate_this_process
from bench.machine import describe_machine, load_average
from bench.results import (
    Row,
    describe_run,
    format_markdown,
    format_table,
    update_readme,
    write_results,
)

GROUPS = ("startup", "export", "autosave", "large", "server", "memory", "merge", "sync")
RESULTS_FILE = Path(__file__).resolve().parent / "results.json"
README_FILE = Path(__file__).resolve().parent / "README.md"


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run_suite(
    work: Path,
    *,
    groups: Sequence[str] = GROUPS,
    count: int = 10_000,
    startup_runs: int = 7,
    repeat: int = 3,
    export_repeat: int = 5,
    characters: int = 1000,
    large_library: Path | None = None,
) -> list[Row]:
    """Every chosen group's rows; `work` is a scratch folder that the caller removes."""
    from spurdesk.library import Library

    isolate_this_process(work / "user")
    demo = work / "demo.sqlite"
    Library.create_demo(demo).close()

    generated: list[Path] = [] if large_library is None else [large_library]

    def large_file() -> Path:
        """The large library: given, or generated once for both `large` and `server`."""
        if not generated:
            from bench.generate import generate_library

            started = time.perf_counter()
            generated.append(generate_library(work / "large.sqlite", count))
            _progress(f"generated {count:,} inspections in {time.perf_counter() - started:.1f} s")
        return generated[0]

    def large() -> list[Row]:
        from bench.large_library import measure_large_library
        from bench.units import measure_units

        path = large_file()
        return measure_large_library(path, repeat=repeat) + measure_units(path, repeat=repeat)

    def server() -> list[Row]:
        from bench.server_library import measure_server_library

        return measure_server_library(large_file(), repeat=repeat)

    def startup() -> list[Row]:
        from bench.startup import measure_startup

        return measure_startup(demo, work / "startup", runs=startup_runs)

    def export() -> list[Row]:
        from bench.export import measure_export
        from bench.pdf_worst import measure_worst_case_pdf
        from spurdesk.ui.heap import settle_heap

        worst = measure_worst_case_pdf(work, repeat=min(export_repeat, 3))
        rows = measure_export(work, repeat=export_repeat) + worst
        settle_heap()  # as the app does after an export (spurdesk/ui/export.py)
        return rows

    def autosave() -> list[Row]:
        from bench.autosave import measure_commit, measure_typing

        return [measure_commit(demo, work), measure_typing(demo, work, characters)]

    def memory() -> list[Row]:
        from bench.memory import measure_memory

        return measure_memory(demo, work / "memory")

    def merging() -> list[Row]:
        from bench.merge import measure_merge

        return measure_merge(demo, work / "merge", repeat=repeat + 2)

    def syncing() -> list[Row]:
        from bench.sync import measure_sync

        return measure_sync(demo, work / "sync", repeat=repeat, progress=_progress)

    measures: dict[str, Callable[[], list[Row]]] = {
        "merge": merging,
        "sync": syncing,
        "startup": startup,
        "export": export,
        "autosave": autosave,
        "large": large,
        "server": server,
        "memory": memory,
    }
    rows: list[Row] = []
    for group in groups:
        _progress(f"{group} …")
        started = time.perf_counter()
        rows.extend(measures[group]())
        _progress(f"{group} done in {time.perf_counter() - started:.1f} s")
    return rows


def _groups(text: str) -> list[str]:
    chosen = [name.strip() for name in text.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(GROUPS))
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown group {', '.join(unknown)}; choose from {', '.join(GROUPS)}"
        )
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        type=_groups,
        default=list(GROUPS),
        metavar="GROUPS",
        help=f"comma-separated subset of {','.join(GROUPS)}",
    )
    parser.add_argument(
        "--count", type=int, default=10_000, help="inspections in the large library"
    )
    parser.add_argument(
        "--large-library",
        type=Path,
        metavar="PATH",
        help="a library from bench/generate.py to use instead of generating one",
    )
    parser.add_argument("--startup-runs", type=int, default=7, help="cold starts of each kind")
    parser.add_argument("--repeat", type=int, default=3, help="samples of each UI figure")
    parser.add_argument("--export-repeat", type=int, default=5)
    parser.add_argument("--characters", type=int, default=1000, help="characters typed")
    parser.add_argument("--out", type=Path, default=RESULTS_FILE, help="the results JSON file")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown too")
    parser.add_argument(
        "--update-readme", action="store_true", help="rewrite the results in bench/README.md"
    )
    args = parser.parse_args(argv)

    machine = describe_machine()
    with tempfile.TemporaryDirectory(prefix="spurdesk-bench-") as folder:
        rows = run_suite(
            Path(folder),
            groups=args.only,
            count=args.count,
            startup_runs=args.startup_runs,
            repeat=args.repeat,
            export_repeat=args.export_repeat,
            characters=args.characters,
            large_library=args.large_library,
        )
    machine["load_average_at_end"] = load_average()
    print(format_table(rows))
    if args.markdown:
        print()
        print(format_markdown(rows))
    write_results(args.out, rows, machine)
    if args.update_readme:
        update_readme(README_FILE, rows, machine)
    print(f"\n{describe_run(machine)}")
    print(f"written to {args.out}" + (f" and {README_FILE}" if args.update_readme else ""))
    return 1 if any(row.passed is False for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
