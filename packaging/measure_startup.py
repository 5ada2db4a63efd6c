"""Times spurdesk from process start to its first painted main window (offscreen), median of N runs.

Usage: `.venv/bin/python packaging/measure_startup.py [--runs N] -- COMMAND …`, e.g.
`… -- dist/spurdesk/spurdesk --demo` for the frozen app or
`… -- .venv/bin/python packaging/launcher.py --demo` for the same app from source.
The command must start through packaging/launcher.py (the frozen app does), whose probe writes the
monotonic clock and the process's CPU time at the first paint (SPURDESK_FIRST_PAINT_FILE). Wall
time is counted from just before the spawn, so it includes the bootloader and every import; CPU
time is the process's own work, which stays comparable when other jobs load the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PROBE_ENV = "SPURDESK_FIRST_PAINT_FILE"
TIMEOUT_SECONDS = 120


class MeasurementError(RuntimeError):
    """The command did not paint a window (crashed, hung or does not go through the launcher)."""


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds from spawn to the first painted main window
    cpu: float  # CPU seconds the process used until then


def time_to_first_paint(command: Sequence[str], work_dir: Path) -> Sample:
    probe_file = work_dir / "first-paint.txt"
    probe_file.unlink(missing_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{PROBE_ENV: str(probe_file)})
    started = time.monotonic()
    result = subprocess.run(
        list(command), env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS
    )
    if not probe_file.exists():
        raise MeasurementError(
            f"{' '.join(command)} exited with {result.returncode} without painting a main window:\n"
            f"{result.stderr.strip()[-2000:]}"
        )
    painted_at, cpu = (float(value) for value in probe_file.read_text(encoding="utf-8").split())
    return Sample(painted_at - started, cpu)


def describe(label: str, values: Sequence[float]) -> str:
    return (
        f"{label}: median {statistics.median(values):.3f} s "
        f"(min {min(values):.3f}, max {max(values):.3f})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="number of timed starts (default 5)")
    parser.add_argument("command", nargs="+", help="the command that starts spurdesk")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="spurdesk-startup-") as tmp:
        try:
            time_to_first_paint(args.command, Path(tmp))  # warm the file cache; not counted
            samples = [time_to_first_paint(args.command, Path(tmp)) for _ in range(args.runs)]
        except (MeasurementError, subprocess.TimeoutExpired, OSError) as error:
            print(f"measure_startup: {error}", file=sys.stderr)
            return 1
    print(f"first painted window, {len(samples)} warm starts (offscreen):")
    print("  " + describe("wall time", [sample.wall for sample in samples]))
    print("  " + describe("CPU time ", [sample.cpu for sample in samples]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
