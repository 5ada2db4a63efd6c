"""`preview_inspections`: the start view's rows read with the sqlite3 module before the library
opens — the same rows `Library.list_inspections` gives, or None, and never a changed file."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from spurdesk.library import Library
from spurdesk.library.preview import preview_inspections
from spurdesk.model.criteria import CriteriaSet, Grade
from tests.library.conftest import fixture_copy, new_inspection, sqlite_only

TODAY = date(2026, 11, 24)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(library: Library, criteria: CriteriaSet) -> tuple[int, int, int]:
    """Three inspections: graded with an overdue and a future action, plain, and trashed."""
    graded = new_inspection(library, criteria, "Röntgenkliniken")
    library.set_grade(graded, "D", Grade.C)
    library.set_grade(graded, "B", Grade.B)
    library.update_inspection(graded, visit_start=date(2026, 3, 4))
    library.add_action_item(graded, section_id="A", planned_action="Introduktion", due="2026-01-31")
    library.add_action_item(graded, section_id="B", planned_action="Handledning", due="2027-06-30")
    plain = new_inspection(library, criteria, "Vårdcentralen Norr")
    trashed = new_inspection(library, criteria, "Ortopedkliniken")
    library.delete_inspection(trashed)
    return graded, plain, trashed


@sqlite_only
def test_gives_the_rows_the_opened_library_lists(
    library_path: Path, library: Library, criteria: CriteriaSet
) -> None:
    graded, plain, _trashed = _fill(library, criteria)
    listed = library.list_inspections()
    library.close()

    preview = preview_inspections(library_path, today=date.today())

    assert preview == listed
    assert preview is not None and [row.id for row in preview] == [graded, plain]
    first = preview[0]
    assert first.grades["D"] is Grade.C and first.grades["B"] is Grade.B
    assert first.visit_start == date(2026, 3, 4)
    assert first.overdue_action_items == 1  # due 2026-01-31; the 2027 one is not yet due
    assert first.modified_at is not None and first.modified_at.tzinfo is not None


@sqlite_only
def test_counts_overdue_items_against_the_day_given(
    library_path: Path, library: Library, criteria: CriteriaSet
) -> None:
    _fill(library, criteria)
    library.close()
    early = preview_inspections(library_path, today=date(2026, 1, 1))
    late = preview_inspections(library_path, today=date(2028, 1, 1))
    assert early is not None and late is not None
    assert [row.overdue_action_items for row in early] == [0, 0]
    assert [row.overdue_action_items for row in late] == [2, 0]


@sqlite_only
def test_reads_while_another_process_holds_the_library_open(
    library_path: Path, library: Library, criteria: CriteriaSet
) -> None:
    """Another spurdesk has the library open (and locked): the preview still reads it."""
    _fill(library, criteria)
    preview = preview_inspections(library_path, today=TODAY)
    assert preview is not None and preview == library.list_inspections()


def test_a_missing_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "inte-här.sqlite"
    assert preview_inspections(path, today=TODAY) is None
    assert not path.exists()
    assert preview_inspections(tmp_path, today=TODAY) is None  # a folder, not a file


def test_files_it_cannot_read_give_none_and_stay_as_they_were(
    tmp_path: Path, empty_library_template: Path
) -> None:
    text_file = tmp_path / "anteckningar.sqlite"
    text_file.write_text("inte en databas", encoding="utf-8")
    older = fixture_copy("library-rev0003.sqlite", tmp_path)  # opening would migrate it first
    newer = tmp_path / "nyare.sqlite"
    newer.write_bytes(empty_library_template.read_bytes())
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    foreign = tmp_path / "annat-program.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    truncated = tmp_path / "avklippt.sqlite"
    truncated.write_bytes(empty_library_template.read_bytes()[:200])
    empty = tmp_path / "tom.sqlite"
    empty.touch()

    for path in (text_file, older, newer, foreign, truncated, empty):
        before = _digest(path)
        assert preview_inspections(path, today=TODAY) is None, path.name
        assert _digest(path) == before, path.name


@sqlite_only
def test_a_value_the_schema_cannot_hold_gives_none(
    library_path: Path, library: Library, criteria: CriteriaSet
) -> None:
    _fill(library, criteria)
    library.close()
    with sqlite3.connect(library_path) as connection:
        connection.execute("""UPDATE inspections SET effective_grades = '{"A": "Z"}'""")
    connection.close()
    assert preview_inspections(library_path, today=TODAY) is None


def test_needs_neither_sqlalchemy_nor_alembic(library_path: Path) -> None:
    """The point of the preview: it runs before SQLAlchemy has loaded."""
    code = (
        "import sys; from pathlib import Path; "
        "from spurdesk.library.preview import preview_inspections; "
        f"rows = preview_inspections(Path({str(library_path)!r})); "
        "print(rows, [m for m in ('sqlalchemy', 'alembic', 'yaml') if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["[]", "[]"]
