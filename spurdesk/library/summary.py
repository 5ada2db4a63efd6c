"""Verbs on the summary's Styrkor / Svagheter / Förbättringspotential lists."""

from __future__ import annotations

from spurdesk.library.core import LibraryCore
from spurdesk.library.errors import LibraryError
from spurdesk.library.schema import (
    SummaryRow,
)
from spurdesk.library.storage import checks, rows
from spurdesk.library.text_keys import SummaryTextKey
from spurdesk.model.inspection import SummaryItem, SummaryKind


class SummaryVerbs(LibraryCore):
    def add_summary_item(
        self,
        inspection_id: int,
        kind: SummaryKind,
        text: str,
        position: int | None = None,
        *,
        uid: str | None = None,
    ) -> int:
        """A new Styrka / Svaghet / Förbättringspotential at `position` (default: last); `uid`
        when the item comes from another library (a merged copy), else a new identity."""
        checked = checks.member(SummaryKind, kind, "Sammanfattningens typ")
        text = checks.text(text, checked.heading)
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            item = SummaryRow(
                inspection_id=row.id,
                uid=self._new_uid(session, SummaryRow, uid, "Sammanfattningspunkten"),
                kind=checked.value,
                text=text,
                position=-1,
            )
            siblings = rows.summary_siblings(session, item)
            index = checks.insertion_index(position, len(siblings), checked.heading)
            session.add(item)
            siblings.insert(index, item)
            rows.renumber(siblings)
            self._touch(row)
            session.flush()
            return item.id

    def update_summary_item(self, item_id: int, text: str) -> None:
        text = checks.text(text, "Sammanfattningens text")
        with self._write() as session:
            item = self._summary_row(session, item_id)
            item.text = text
            self._touch(self._inspection_row(session, item.inspection_id))

    def move_summary_item(self, item_id: int, position: int) -> None:
        """Move within its own list (Styrkor, Svagheter or Förbättringspotential)."""
        with self._write() as session:
            item = self._summary_row(session, item_id)
            siblings = rows.summary_siblings(session, item)
            siblings.remove(item)
            siblings.insert(
                checks.insertion_index(position, len(siblings), "Sammanfattningen"), item
            )
            rows.renumber(siblings)
            self._touch(self._inspection_row(session, item.inspection_id))

    def remove_summary_item(self, item_id: int) -> None:
        with self._write() as session:
            item = self._summary_row(session, item_id)
            siblings = rows.summary_siblings(session, item)
            siblings.remove(item)
            session.delete(item)
            rows.renumber(siblings)
            self._touch(self._inspection_row(session, item.inspection_id))
        self._unstage(lambda key: key == SummaryTextKey(item_id))

    def restore_summary_item(self, inspection_id: int, item: SummaryItem) -> None:
        """Put a removed item back as it was: its own id, kind, text and place (the undo of a
        removal, so every later step that names the item still finds it)."""
        if not isinstance(item, SummaryItem):
            raise LibraryError("Bara en borttagen sammanfattningspunkt kan återställas.")
        kind = checks.member(SummaryKind, item.kind, "Sammanfattningens typ")
        text = checks.text(item.text, kind.heading)
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            restored = SummaryRow(
                id=self._free_id(session, SummaryRow, item.id),
                uid=self._new_uid(session, SummaryRow, item.uid, "Sammanfattningspunkten"),
                inspection_id=row.id,
                kind=kind.value,
                text=text,
                position=-1,
            )
            siblings = rows.summary_siblings(session, restored)
            session.add(restored)
            siblings.insert(min(max(item.position, 0), len(siblings)), restored)
            rows.renumber(siblings)
            self._touch(row)
