"""Each benchmark runs on tiny inputs and returns well-formed rows. No timing is asserted: speed
targets are judged by `python -m bench.run`, not by the test suite."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from bench.environment import user_environment
from bench.generate import generate_library
from bench.results import Row, format_markdown, format_table
from spurdesk.library import Library


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, logs and criteria of in-process benchmarks stay inside the test's folder."""
    for variable, value in user_environment(tmp_path / "user").items():
        monkeypatch.setenv(variable, value)
    monkeypatch.delenv("SPURDESK_LIBRARY", raising=False)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "user" / "config"))


@pytest.fixture(scope="module")
def demo_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench-demo") / "demo.sqlite"
    Library.create_demo(path).close()
    return path


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve inspections: three through import_inspection, nine copied in SQL."""
    return generate_library(tmp_path_factory.mktemp("bench-large") / "g.sqlite", 12, templates=3)


def assert_well_formed(rows: list[Row], expected: int) -> None:
    assert len(rows) == expected
    for row in rows:
        assert row.figure and row.target
        assert row.unit in ("s", "ms", "MB", "kB", "modules")
        assert math.isfinite(row.value) and row.value >= 0
        assert row.floor is None or (math.isfinite(row.floor) and row.floor > 0)
        assert (row.ratio is None) == (row.floor is None)
        assert row.passed in (True, False, None)
        assert bool(row.floor_name) == (row.floor is not None)
        json.dumps(row.as_dict())
    table = format_table(rows)
    markdown = format_markdown(rows)
    for row in rows:
        assert row.figure in table and row.figure in markdown


def test_generated_library_holds_distinct_complete_inspections(small_library: Path) -> None:
    with Library.open(small_library, read_only=True) as library:
        summaries = library.list_inspections()
        assert len(summaries) == 12
        copy = library.get_inspection(summaries[-1].id)
        template = library.get_inspection(summaries[0].id)
    assert len(copy.sections) == len(template.sections) == len(template.criteria.sections)
    assert [s.findings for s in copy.sections] == [s.findings for s in template.sections]
    assert len({(s.unit, s.site, s.specialty, s.visit_start) for s in summaries}) == 12


def test_generator_refuses_an_existing_file(small_library: Path) -> None:
    with pytest.raises(FileExistsError):
        generate_library(small_library, 3)


def test_large_library_rows(small_library: Path) -> None:
    from bench.large_library import measure_large_library

    assert_well_formed(measure_large_library(small_library, repeat=1, typed="ki"), 4)


def test_server_library_rows(small_library: Path) -> None:
    """The same four figures on a local PostgreSQL server, or one row saying it was skipped."""
    from bench.server_library import measure_server_library
    from tests import pgcluster

    rows = measure_server_library(small_library, repeat=1, typed="ki")
    if rows[0].note.startswith("skipped: no PostgreSQL"):
        assert not pgcluster.required(), rows[0].note
        assert_well_formed(rows, 1)
        return
    assert_well_formed(rows, 4)
    assert all(row.figure.endswith("12 inspections on PostgreSQL") for row in rows)


def test_server_library_says_skipped_without_postgresql(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PG_BINDIR", str(small_library.parent / "no-postgresql-here"))
    from bench.server_library import measure_server_library

    [row] = measure_server_library(small_library, repeat=1, typed="ki")
    assert row.note.startswith("skipped: no PostgreSQL (")
    assert row.passed is None
    assert_well_formed([row], 1)


def test_units_rows(small_library: Path) -> None:
    from bench.units import measure_units

    assert_well_formed(measure_units(small_library, repeat=1, typed="rö"), 4)


def test_generated_inspections_are_linked_to_the_units_of_their_texts(
    small_library: Path,
) -> None:
    with Library.open(small_library, read_only=True) as library:
        for summary in library.list_inspections():
            unit = library.get_unit(library.unit_of(summary.id) or 0)
            assert (unit.name, unit.site, unit.specialty) == (
                summary.unit,
                summary.site,
                summary.specialty,
            )


def test_autosave_rows(demo_library: Path, tmp_path: Path) -> None:
    from bench.autosave import measure_commit, measure_typing, typed_text

    assert len(typed_text(37)) == 37 and "\n" in typed_text(700)
    rows = [measure_commit(demo_library, tmp_path, samples=3)]
    rows.append(measure_typing(demo_library, tmp_path, characters=8))
    assert_well_formed(rows, 2)


def test_startup_rows_and_no_heavy_imports(demo_library: Path, tmp_path: Path) -> None:
    from bench.startup import measure_startup

    rows = measure_startup(demo_library, tmp_path, runs=1, warm_up=False)
    assert_well_formed(rows, 4)
    first_paint, shown, opened, heavy = rows
    assert first_paint.value <= shown.value <= opened.value  # each step in, or after, the last
    assert heavy.passed is (heavy.value == 0)


def test_memory_rows(demo_library: Path, tmp_path: Path) -> None:
    from bench.memory import measure_memory

    rows = measure_memory(demo_library, tmp_path)
    assert_well_formed(rows, 2)
    assert rows[1].value >= rows[0].value  # a peak never falls


def test_runner_writes_export_rows_with_the_machine(tmp_path: Path) -> None:
    from bench.run import main

    out = tmp_path / "results.json"
    assert main(["--only", "export", "--export-repeat", "1", "--out", str(out)]) in (0, 1)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["machine"]["cpus"] and written["machine"]["python"]
    rows = [Row(**{k: v for k, v in row.items() if k != "ratio"}) for row in written["rows"]]
    assert_well_formed(rows, 4)  # the demo's DOCX and PDF, and the PDF's two worst cases
    assert [row.figure for row in rows] == [
        "DOCX export of the demo report",
        "PDF export of the demo report",
        "PDF export, one text of 100,000 characters as short lines",
        "PDF export, one text of 100,000 characters as prose",
    ]


def test_readme_results_are_replaced_between_the_markers(tmp_path: Path) -> None:
    from bench.results import README_END, README_START, update_readme

    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{README_START}\nold table\n{README_END}\noutro\n", encoding="utf-8")
    row = Row("Figure X", 0.25, "s", 0.125, "floor X", "< 1 s", True)
    machine = {
        "taken_at": "2026-01-01T00:00:00+00:00",
        "cpu": "CPU",
        "cpus": 2,
        "memory_gb": 4.0,
        "platform": "Linux",
        "python": "3.11",
        "pyside6": "6",
        "qt": "6",
        "load_average_at_start": [1.0, 1.0, 1.0],
        "load_average_at_end": [2.0, 1.0, 1.0],
    }
    update_readme(readme, [row], machine)
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("intro\n") and text.endswith("outro\n")
    assert "old table" not in text
    assert "| Figure X | 250 ms | 125 ms | 2.00× | < 1 s | pass |" in text
    readme.write_text("no markers", encoding="utf-8")
    with pytest.raises(ValueError, match="markers"):
        update_readme(readme, [row], machine)


def test_worst_case_pdf_rows(tmp_path: Path) -> None:
    from bench.pdf_worst import measure_worst_case_pdf

    rows = measure_worst_case_pdf(tmp_path, repeat=1, characters=2_000)
    assert_well_formed(rows, 2)
    assert "short lines" in rows[0].figure and "prose" in rows[1].figure


def test_merge_rows(demo_library: Path, tmp_path: Path) -> None:
    from bench.merge import measure_merge

    rows = measure_merge(demo_library, tmp_path / "merge", repeat=1)
    assert_well_formed(rows, 3)
    assert "preview" in rows[0].figure
    assert rows[2].unit == "kB" and rows[2].value > 1


def test_sync_rows(demo_library: Path, tmp_path: Path) -> None:
    """Two rows per office (PostgreSQL, or one row saying it was skipped; then an SQLite file)."""
    from bench.sync import measure_sync

    rows = measure_sync(demo_library, tmp_path / "sync", repeat=1, count=4, changed=2)
    assert_well_formed(rows, len(rows))
    assert len(rows) in (3, 4)
    assert rows[-1].figure.endswith("an SQLite file")
