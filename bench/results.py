"""One benchmark figure as a row, the printed table, and bench/results.json.

Every measuring module returns `Row`s; the runner prints them and writes them with the machine
description, so the README can quote the file rather than a hand-copied table.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Row:
    """A figure beside its floor. `passed` is None for a figure reported without a target."""

    figure: str
    value: float
    unit: str  # "s", "ms" or "MB"
    floor: float | None
    floor_name: str
    target: str
    passed: bool | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    def as_dict(self) -> dict[str, Any]:
        values = asdict(self)
        values["ratio"] = None if self.ratio is None else round(self.ratio, 3)
        return values


def result_text(passed: bool | None) -> str:
    return "—" if passed is None else ("pass" if passed else "FAIL")


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"
    return f"{value:.0f} {unit}"


def format_table(rows: Sequence[Row]) -> str:
    """A plain-text table: figure, value, floor, ratio, target, pass/fail."""
    header = ("figure", "value", "floor", "ratio", "target", "result")
    lines = [
        (
            row.figure,
            _number(row.value, row.unit),
            _number(row.floor, row.unit),
            "—" if row.ratio is None else f"{row.ratio:.2f}×",
            row.target,
            result_text(row.passed),
        )
        for row in rows
    ]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    rendered = [
        "  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in (header, *lines)
    ]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    floors = [f"  floor of {row.figure}: {row.floor_name}" for row in rows if row.floor_name]
    notes = [f"  {row.figure}: {row.note}" for row in rows if row.note]
    return "\n".join([*rendered, "", *floors, *(["", *notes] if notes else [])])


def format_markdown(rows: Sequence[Row]) -> str:
    """The same table as Markdown, for the README's performance section."""
    lines = [
        "| figure | value | floor | ratio | target | result |",
        "|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}×"
        lines.append(
            f"| {row.figure} | {_number(row.value, row.unit)} | {_number(row.floor, row.unit)} "
            f"| {ratio} | {row.target} | {result_text(row.passed)} |"
        )
    return "\n".join(lines)


def write_results(path: Path, rows: Sequence[Row], machine: dict[str, Any]) -> None:
    document = {"machine": machine, "rows": [row.as_dict() for row in rows]}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


README_START = "<!-- results:start -->"
README_END = "<!-- results:end -->"


def describe_run(machine: dict[str, Any]) -> str:
    """One sentence naming the machine and its load, to print above the table."""
    load_start = (machine.get("load_average_at_start") or ["?"])[0]
    load_end = (machine.get("load_average_at_end") or ["?"])[0]
    return (
        f"Taken {machine['taken_at']} on {machine['cpu']} ({machine['cpus']} CPUs, "
        f"{machine['memory_gb']} GB RAM), {machine['platform']}, Python {machine['python']}, "
        f"PySide6 {machine['pyside6']} (Qt {machine['qt']}), offscreen; 1-minute load average "
        f"{load_start} at the start and {load_end} at the end."
    )


def update_readme(path: Path, rows: Sequence[Row], machine: dict[str, Any]) -> None:
    """Replaces the text between the results markers of `path` with this run's table."""
    text = path.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        raise ValueError(f"{path} lacks the {README_START} … {README_END} markers")
    head, rest = text.split(README_START, 1)
    _old, tail = rest.split(README_END, 1)
    section = f"{README_START}\n{describe_run(machine)}\n\n{format_markdown(rows)}\n{README_END}"
    path.write_text(head + section + tail, encoding="utf-8")
