"""Memory: peak RSS of spurdesk with the demo inspection open, and after exporting both formats,
against the peak RSS of the bare PySide6 window (bench/startup_bare.py). Reported, no target."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.environment import child_environment
from bench.results import Row
from bench.startup import TIMEOUT_SECONDS, bare_peak_rss_mb

PROBE_SCRIPT = Path(__file__).resolve().parent / "memory_probe.py"


def measure_memory(demo_library: Path, work: Path) -> list[Row]:
    out = work / "memory-exports"
    out.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, str(PROBE_SCRIPT), str(demo_library), str(out)],
        env=child_environment(work / "user"),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
    )
    if result.returncode != 0:
        raise RuntimeError(f"memory_probe.py failed:\n{result.stderr.strip()[-2000:]}")
    peaks = json.loads(result.stdout.strip().splitlines()[-1])
    floor = bare_peak_rss_mb(work)
    floor_name = "peak RSS of the bare PySide6 window"
    return [
        Row(
            figure="Peak RSS, demo inspection open",
            value=peaks["inspection_open"],
            unit="MB",
            floor=floor,
            floor_name=floor_name,
            target="(reported)",
            passed=None,
        ),
        Row(
            figure="Peak RSS, after DOCX and PDF export",
            value=peaks["after_export"],
            unit="MB",
            floor=floor,
            floor_name=floor_name,
            target="(reported)",
            passed=None,
        ),
    ]
