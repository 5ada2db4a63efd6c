"""Start-up: spurdesk's first painted main window against a bare PySide6 window, same run.

Each sample is a fresh process (offscreen). The parent reads the monotonic clock just before
spawning; the child's probe (bench/probe.py) writes the clock at first paint. Bare and app runs
alternate, after one unrecorded warm-up of each, so a drift of the machine hits both alike.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.environment import child_environment
from bench.probe import HEAVY_MODULES, PROBE_FILE_ENV
from bench.results import Row
from bench.startup_app import MILESTONES

BENCH_DIR = Path(__file__).resolve().parent
BARE_SCRIPT = BENCH_DIR / "startup_bare.py"
APP_SCRIPT = BENCH_DIR / "startup_app.py"
TARGET_RATIO = 1.5
TIMEOUT_SECONDS = 120


class ProbeError(RuntimeError):
    """A benchmarked process ended without painting a main window."""


@dataclass(frozen=True)
class ProbeRecord:
    seconds: float  # process spawn to first paint
    milestones: dict[str, float]  # spawn to each milestone of the start (app only), by name
    cpu_seconds: float  # user + system CPU of the whole child: little affected by machine load
    heavy_modules: tuple[str, ...]
    modules: int
    peak_rss_mb: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_probe(script: Path, args: Sequence[str], work: Path) -> ProbeRecord:
    """Starts `script` in a fresh interpreter and reads what its first-paint probe wrote."""
    out = work / "probe.json"
    out.unlink(missing_ok=True)
    env = child_environment(work / "user")
    env[PROBE_FILE_ENV] = str(out)
    cpu_before = _children_cpu()
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
    )
    if not out.exists():
        raise ProbeError(
            f"{script.name} exited with {result.returncode} without painting a main window:\n"
            f"{result.stderr.strip()[-2000:]}"
        )
    cpu = _children_cpu() - cpu_before
    record = json.loads(out.read_text(encoding="utf-8"))
    return ProbeRecord(
        seconds=record["painted_at"] - started,
        milestones={
            name: record[f"{name}_at"] - started for name in MILESTONES if f"{name}_at" in record
        },
        cpu_seconds=cpu,
        heavy_modules=tuple(record["heavy_modules"]),
        modules=int(record["modules"]),
        peak_rss_mb=float(record["peak_rss_mb"]),
    )


def measure_startup(
    demo_library: Path, work: Path, runs: int = 7, *, warm_up: bool = True
) -> list[Row]:
    """Median cold start of `spurdesk --library DEMO` vs the bare script, and its heavy imports.

    The warm-up starts (not counted) fill the file cache and the bytecode cache.
    """
    app_args = ["--library", str(demo_library)]
    if warm_up:
        run_probe(BARE_SCRIPT, [], work)
        run_probe(APP_SCRIPT, app_args, work)
    bare: list[ProbeRecord] = []
    app: list[ProbeRecord] = []
    for _ in range(runs):
        bare.append(run_probe(BARE_SCRIPT, [], work))
        app.append(run_probe(APP_SCRIPT, app_args, work))
    missed = [name for name in MILESTONES if any(name not in record.milestones for record in app)]
    if missed:
        raise ProbeError(f"{APP_SCRIPT.name} painted its window but never reached {missed}")
    value = statistics.median(record.seconds for record in app)
    floor = statistics.median(record.seconds for record in bare)
    populated = statistics.median(record.milestones["populated"] for record in app)
    opened = statistics.median(record.milestones["opened"] for record in app)
    heavy = sorted({name for record in app for name in record.heavy_modules})
    cpu_app = statistics.median(record.cpu_seconds for record in app)
    cpu_bare = statistics.median(record.cpu_seconds for record in bare)
    note = (
        f"median of {runs} cold process starts each, offscreen; CPU time per start "
        f"{cpu_app:.2f} s vs bare {cpu_bare:.2f} s ({cpu_app / cpu_bare:.2f}×)"
    )
    return [
        Row(
            figure="Start-up to first paint",
            value=value,
            unit="s",
            floor=floor,
            floor_name="bare PySide6 script showing an empty QMainWindow",
            target=f"≤ {TARGET_RATIO}× floor",
            passed=value <= TARGET_RATIO * floor,
            note=f"{note}; app imports {app[-1].modules} modules, bare {bare[-1].modules}",
        ),
        Row(
            figure="Start-up to inspections shown",
            value=populated,
            unit="s",
            floor=floor,
            floor_name="bare PySide6 script showing an empty QMainWindow",
            target=f"≤ {TARGET_RATIO}× floor",
            passed=populated <= TARGET_RATIO * floor,
            note=(
                f"{note}; until the start view has painted the demo inspection, read from the "
                "file before the library opens"
            ),
        ),
        Row(
            figure="Start-up to library open",
            value=opened,
            unit="s",
            floor=floor,
            floor_name="bare PySide6 script showing an empty QMainWindow",
            target="reported",
            passed=None,
            note=(
                f"{note}; until the opened library's start view has painted: every action "
                "available (SQLAlchemy's import alone is about 0.4 s)"
            ),
        ),
        Row(
            figure="Heavy imports at start-up",
            value=float(len(heavy)),
            unit="modules",
            floor=None,
            floor_name="",
            target="none of " + ", ".join(HEAVY_MODULES),
            passed=not heavy,
            note="imported before first paint: " + (", ".join(heavy) if heavy else "none"),
        ),
    ]


def bare_peak_rss_mb(work: Path) -> float:
    """The bare script's peak RSS: the memory floor of any PySide6 window."""
    return run_probe(BARE_SCRIPT, [], work).peak_rss_mb
