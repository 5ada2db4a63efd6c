"""The autosave path: `flush()` writes staged text as plain UPDATEs in one short transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event, text

from spurdesk.library import Library
from spurdesk.library.text_keys import ActionTextKey, CriterionNoteKey, FindingsKey, SummaryTextKey
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.inspection import SummaryKind
from tests.library.conftest import new_inspection, sqlite_only


def _statements(library: Library) -> list[str]:
    seen: list[str] = []
    event.listen(
        library._store.engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_a: seen.append(statement.split()[0].upper()),
    )
    return seen


@sqlite_only  # BEGIN IMMEDIATE is SQLite's; a server's transaction starts implicitly
def test_flushing_one_edit_is_two_updates_in_one_transaction(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    library.set_findings(inspection_id, "A", "första")
    before = library.get_inspection(inspection_id).modified_at
    library.stage_text(FindingsKey(inspection_id, "A"), "andra")
    seen = _statements(library)
    library.flush()
    assert seen == ["BEGIN", "UPDATE", "UPDATE"]  # then the DB-API commit
    record = library.get_inspection(inspection_id)
    assert record.section("A").findings == "andra"
    assert record.modified_at is not None and before is not None
    assert record.modified_at > before


def test_flush_creates_missing_rows_and_touches_each_inspection(
    library: Library, criteria: CriteriaSet
) -> None:
    first = new_inspection(library, criteria, "Första")
    second = new_inspection(library, criteria, "Andra")
    untouched = new_inspection(library, criteria, "Orörd")
    summary_id = library.add_summary_item(second, SummaryKind.STRENGTH, "")
    action_id = library.add_action_item(second)
    stamps = {i: library.get_inspection(i).modified_at for i in (first, second, untouched)}
    library.stage_text(FindingsKey(first, "B"), "ny rad")  # no section row yet
    library.stage_text(CriterionNoteKey(first, "A.2"), "ny not")  # no criterion row yet
    library.stage_text(SummaryTextKey(summary_id), "Styrka")
    library.stage_text(ActionTextKey(action_id, "due"), "senast 2031-02-03")
    library.flush()
    one, two = library.get_inspection(first), library.get_inspection(second)
    assert one.section("B").findings == "ny rad"
    assert one.section("A").criterion("A.2").note == "ny not"
    assert two.summary[0].text == "Styrka"
    assert two.action_items[0].due == "senast 2031-02-03"
    with library._store.engine.connect() as connection:
        due_on = connection.execute(
            text("SELECT due_on FROM action_items WHERE id = :id"), {"id": action_id}
        ).scalar()
    assert due_on == date(2031, 2, 3).isoformat()  # kept for the start view's overdue count
    for changed in (first, second):
        after = library.get_inspection(changed).modified_at
        assert after is not None and stamps[changed] is not None and after > stamps[changed]
    assert library.get_inspection(untouched).modified_at == stamps[untouched]


def test_flush_skips_text_of_a_purged_inspection(library: Library, criteria: CriteriaSet) -> None:
    kept = new_inspection(library, criteria, "Kvar")
    gone = new_inspection(library, criteria, "Borta")
    library.stage_text(FindingsKey(gone, "A"), "skrivs aldrig")
    library.stage_text(FindingsKey(kept, "A"), "skrivs")
    # Deleted behind the library's back (another window's purge between stage and flush).
    with library._store.engine.begin() as connection:
        connection.execute(text("DELETE FROM inspections WHERE id = :id"), {"id": gone})
    library.flush()
    assert library.get_inspection(kept).section("A").findings == "skrivs"
    assert not library.has_staged_changes
