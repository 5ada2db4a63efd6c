"""Several people on one server library: nobody's edit overwrites another's silently.

A laptop file has one writer (the lock file), but on the office server several spurdesk processes
edit the same inspections. Each library remembers, per field, the value it last showed its user
(`SeenValues`, filled when an inspection is read and after its own writes). A write of a field
whose stored value has since changed to something else is a conflict: that field is not written
and its author is told, with both texts (`ConcurrentEditError`). Different fields — even of the
same section — never conflict, so two people editing different things simply both land.

Race-free because every write on the server first locks the rows of the inspections it touches
(`SELECT … FOR UPDATE`, in id order, so two writers can never wait on each other in a circle)
and compares against the value read under that lock. Derived columns (modification times, the
listing's caches, list positions) are not compared: they follow from the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, inspect, select, tuple_
from sqlalchemy.orm import Session

from spurdesk.library.errors import EditConflict, LibraryError
from spurdesk.library.schema import (
    ActionRow,
    Base,
    CriterionRow,
    InspectionRow,
    InspectorRow,
    MaterialRow,
    ParticipantRow,
    SectionRow,
    SummaryRow,
)
from spurdesk.library.text_keys import (
    ActionTextKey,
    CriterionNoteKey,
    FindingsKey,
    JustificationKey,
    SummaryTextKey,
    TextKey,
)

_NOT_COMPARED = {
    "id", "uid", "inspection_id", "position", "created_at", "modified_at", "effective_grades",
    "next_follow_up", "due_on", "follow_up_on", "criteria_snapshot_id",
    # A material item's file is compared by its digest alone (one conflict, not four).
    "file_name", "file_kind", "file_size",
}  # fmt: skip
_CHECKED_TABLES: dict[str, Table] = {
    row.__tablename__: row.__table__  # type: ignore[misc]
    for row in (
        InspectionRow, InspectorRow, ParticipantRow, SectionRow, CriterionRow, SummaryRow,
        ActionRow, MaterialRow,
    )
}  # fmt: skip
#: Rows that exist only once written: one per (inspection, section) and (inspection, criterion).
_KEYED_BY_TARGET = {"section_assessments": "section_id", "criterion_assessments": "criterion_id"}

#: A row by what names it stably: (table, id), or (table, inspection id, section/criterion id).
RowRef = tuple[Any, ...]


def _column_values(row: Base) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


def row_ref(table: str, values: Mapping[str, Any]) -> RowRef:
    if table in _KEYED_BY_TARGET:
        return (table, values["inspection_id"], values[_KEYED_BY_TARGET[table]])
    return (table, values["id"])


def _same(first: Any, second: Any) -> bool:
    """Equal as a user sees them: an empty text and a missing one are the same."""
    return (first if first != "" else None) == (second if second != "" else None)


class SeenValues:
    """What this library last read or wrote, per field; what a write is compared against."""

    def __init__(self) -> None:
        self._values: dict[tuple[RowRef, str], Any] = {}
        #: Inspections read whole: their missing section/criterion rows were seen as empty.
        self._read_whole: set[int] = set()

    def remember_inspection(self, inspection_id: int, rows: Iterable[Base]) -> None:
        self._read_whole.add(inspection_id)
        for target in ("section_assessments", "criterion_assessments"):
            for key in [key for key in self._values if key[0][:2] == (target, inspection_id)]:
                del self._values[key]  # a row deleted since is seen as empty again
        for row in rows:
            table = row.__tablename__
            values = _column_values(row)
            self.remember(row_ref(table, values), values)

    def remember(self, ref: RowRef, values: Mapping[str, Any]) -> None:
        for field, value in values.items():
            if field not in _NOT_COMPARED:
                self._values[(ref, field)] = value

    def expected(self, ref: RowRef, field: str) -> tuple[bool, Any]:
        """(known, value): what this library last saw in the field, if it saw it at all."""
        if (ref, field) in self._values:
            return True, self._values[(ref, field)]
        if ref[0] in _KEYED_BY_TARGET and ref[1] in self._read_whole:
            return True, None  # the row did not exist when the inspection was read
        return False, None

    def accept(self, conflict: EditConflict) -> None:
        """The user has seen the other text: the next write of the field replaces it."""
        self._values[(conflict.ref, conflict.field)] = conflict.theirs


def lock_inspections(connection: Connection, inspection_ids: Iterable[int]) -> None:
    """Take the row locks of these inspections, in id order, for the rest of the transaction."""
    ids = sorted(set(inspection_ids))
    if ids:
        table = InspectionRow.__table__
        connection.execute(
            select(table.c.id).where(table.c.id.in_(ids)).order_by(table.c.id).with_for_update()
        ).all()


def text_target(key: TextKey) -> tuple[RowRef, str]:
    """Where a staged text is stored: (row, field); the row's first part names its table."""
    match key:
        case FindingsKey(inspection_id, section_id):
            return ("section_assessments", inspection_id, section_id), "findings"
        case JustificationKey(inspection_id, section_id):
            return ("section_assessments", inspection_id, section_id), "justification"
        case CriterionNoteKey(inspection_id, criterion_id):
            return ("criterion_assessments", inspection_id, criterion_id), "note"
        case SummaryTextKey(item_id):
            return ("summary_items", item_id), "text"
        case ActionTextKey(item_id, field):
            return ("action_items", item_id), field
    raise LibraryError(f"Okänd textnyckel {key!r}.")


def _owners(connection: Connection, refs: Iterable[RowRef]) -> dict[RowRef, int]:
    """The inspection of each row (None-free: a row deleted since is left out)."""
    owners: dict[RowRef, int] = {}
    by_table: dict[str, set[int]] = {}
    for ref in refs:
        if ref[0] in _KEYED_BY_TARGET:
            owners[ref] = ref[1]
        else:
            by_table.setdefault(ref[0], set()).add(ref[1])
    for table, ids in by_table.items():
        columns = _CHECKED_TABLES[table].c
        query = select(columns.id, columns.inspection_id).where(columns.id.in_(ids))
        owners |= {(table, row_id): owner for row_id, owner in connection.execute(query)}
    return owners


def staged_conflicts(
    connection: Connection, staged: Mapping[TextKey, str], seen: SeenValues
) -> list[EditConflict]:
    """Lock the inspections the staged text belongs to, then find the texts someone else has
    changed since this library read them."""
    targets = {key: text_target(key) for key in staged}
    owners = _owners(connection, [ref for ref, _field in targets.values()])
    lock_inspections(connection, owners.values())
    conflicts = []
    for key, (ref, field) in targets.items():
        known, expected = seen.expected(ref, field)
        if not known or ref not in owners:
            continue
        current = _current(connection, ref[0], ref, field)
        if not _same(current, expected) and not _same(current, staged[key]):
            mine = staged[key]
            conflicts.append(EditConflict(ref[0], ref, field, owners[ref], mine, current, key))
    return conflicts


def _current(connection: Connection, table: str, ref: RowRef, field: str) -> Any:
    columns = _CHECKED_TABLES[table].c
    if table in _KEYED_BY_TARGET:
        where = tuple_(columns.inspection_id, columns[_KEYED_BY_TARGET[table]]) == ref[1:]
    else:
        where = columns.id == ref[1]
    return connection.execute(select(columns[field]).where(where)).scalar()


def staged_rows(written: Mapping[TextKey, str]) -> list[tuple[RowRef, dict[str, Any]]]:
    """Written staged texts as (row, {field: text}), to remember once committed."""
    rows = []
    for key, text in written.items():
        ref, field = text_target(key)
        rows.append((ref, {field: text}))
    return rows


def dirty_conflicts(session: Session, seen: SeenValues) -> list[EditConflict]:
    """Fields a command is about to write — or rows it is about to remove — that someone else
    has changed since this library read them (compared with the stored value now, under the
    inspection's lock). A removed row's `mine` is None."""
    conflicts = []
    # What this transaction itself has written so far counts as seen: a batch may change a field
    # twice, and a command writes the staged text before its own change.
    own = {
        (ref, field): value
        for ref, values in session.info.get("written", [])
        for field, value in values.items()
    }
    changes = [(row, False) for row in session.dirty] + [(row, True) for row in session.deleted]
    for row, removed in changes:
        table = getattr(row, "__tablename__", None)
        if table not in _CHECKED_TABLES:
            continue
        fields = {
            attribute.key: None if removed else attribute.value
            for attribute in inspect(row).attrs
            if attribute.key not in _NOT_COMPARED and (removed or attribute.history.has_changes())
        }
        values = _column_values(row)
        ref = row_ref(table, values)
        owner = values["id"] if table == "inspections" else values["inspection_id"]
        for field, mine in fields.items():
            if (ref, field) in own:
                known, expected = True, own[(ref, field)]
            else:
                known, expected = seen.expected(ref, field)
            if not known:
                continue
            current = _current(session.connection(), table, ref, field)
            if not _same(current, expected) and (removed or not _same(current, mine)):
                conflicts.append(EditConflict(table, ref, field, owner, mine, current))
    return conflicts


def written_rows(session: Session) -> list[tuple[RowRef, dict[str, Any]]]:
    """The fields of every row a flush has written, to remember once committed."""
    written = []
    for row in [*session.dirty, *session.new]:
        table = getattr(row, "__tablename__", None)
        if table in _CHECKED_TABLES:
            values = _column_values(row)
            written.append((row_ref(table, values), values))
    return written
