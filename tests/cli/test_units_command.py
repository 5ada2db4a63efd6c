"""`spurdesk units`: the register's due dates printed, filtered and written as CSV and Word."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document

from spurdesk.cli import main
from spurdesk.library import Library
from spurdesk.model.demo import demo_inspection
from spurdesk.model.due_dates import DueRules, next_spur
from spurdesk.model.inspection import InspectionStatus

RECENT = date.today() - timedelta(days=40)


def make_register(path: Path) -> dict[str, int]:
    """Three units: inspected long ago (overdue), recently (on time), never (no SPUR)."""
    ids: dict[str, int] = {}
    with Library.open(path) as library:
        for name, visit in (("Gamla kliniken", date(2010, 3, 10)), ("Nya kliniken", RECENT)):
            record = replace(
                demo_inspection(),
                unit=name,
                status=InspectionStatus.CLOSED,
                visit_start=visit,
                visit_end=visit,
                report_date=visit + timedelta(days=10),
            )
            ids[name] = library.unit_of(library.import_inspection(record)) or 0
        ids["Tomma kliniken"] = library.create_unit(name="Tomma kliniken")
    return ids


def test_units_prints_the_most_urgent_first_and_due_filters(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = make_register(library_path)
    assert main(["units", "--library", str(library_path)]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [(f[0], f[1], f[2], f[4], f[5]) for f in lines] == [
        (str(ids["Gamla kliniken"]), "försenad", "Gamla kliniken", "2010-03-10", "2015-03-10"),
        (str(ids["Tomma kliniken"]), "ingen SPUR", "Tomma kliniken", "-", "-"),
        (
            str(ids["Nya kliniken"]),
            "i tid",
            "Nya kliniken",
            RECENT.isoformat(),
            next_spur(RECENT, DueRules()).isoformat(),
        ),
    ]
    assert lines[0][6:] == ["1", "1"]  # the old report's deficiencies, never followed up
    assert lines[2][6:] == ["1", "0"]  # the new one's, within its six months
    assert main(["units", "--library", str(library_path), "--due"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["units", "--library", str(library_path), "--interval", "0"]) == 1
    assert "1–10 år" in capsys.readouterr().err


def test_units_writes_csv_and_word(library_path: Path, tmp_path: Path) -> None:
    make_register(library_path)
    target, word = tmp_path / "enheter.csv", tmp_path / "enheter.docx"
    argv = ["units", "--library", str(library_path), "--csv", str(target), "--docx", str(word)]
    assert main(argv) == 0
    rows = list(csv.reader(target.read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["Läge", "Verksamhet", "Sjukhus eller vårdcentral"]
    assert [row[1] for row in rows[1:]] == ["Gamla kliniken", "Tomma kliniken", "Nya kliniken"]
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    table = Document(str(word)).tables[0]
    assert table.rows[1].cells[0].text == "⚠ försenad"
    assert table.rows[1].cells[1].text.startswith("Gamla kliniken")
