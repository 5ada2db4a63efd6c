"""Verbs on the material requested from the unit before the visit (underlag): the checklist of an
inspection, each item requested / received, the criteria it is evidence for, and its file.

A file's bytes sit in a table of their own and are read only by `material_file`, so reading an
inspection stays as fast with a hundred scanned documents as without.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from spurdesk.library.core import LibraryCore
from spurdesk.library.errors import LibraryError
from spurdesk.library.schema import InspectionRow, MaterialFileRow, MaterialRow
from spurdesk.library.storage import checks, material_checks, rows
from spurdesk.library.storage.material_checks import CheckedFile
from spurdesk.library.storage.records import material_record
from spurdesk.model.material import Attachment, MaterialCatalogue, MaterialItem, default_catalogue


def _siblings(session: Session, inspection_id: int) -> list[MaterialRow]:
    return list(
        session.scalars(
            select(MaterialRow)
            .where(MaterialRow.inspection_id == inspection_id)
            .order_by(MaterialRow.position, MaterialRow.id)
        )
    )


def _file_columns(checked: CheckedFile | None) -> dict[str, Any]:
    """What the item's row says of its file (all None without one)."""
    if checked is None:
        return dict.fromkeys(("file_name", "file_kind", "file_size", "file_sha256"))
    return {
        "file_name": checked.name,
        "file_kind": checked.kind.value,
        "file_size": len(checked.data),
        "file_sha256": checked.sha256,
    }


def _store_file(session: Session, row: MaterialRow, checked: CheckedFile | None) -> None:
    """Replace the item's file by `checked` (None: no file)."""
    stored = session.get(MaterialFileRow, row.id)
    if stored is not None:
        session.delete(stored)
        session.flush()
    for name, value in _file_columns(checked).items():
        setattr(row, name, value)
    if checked is not None:
        session.add(MaterialFileRow(material_id=row.id, data=checked.data))


class MaterialVerbs(LibraryCore):
    def _material_row(self, session: Session, item_id: int) -> tuple[MaterialRow, InspectionRow]:
        row = session.get(MaterialRow, item_id) if isinstance(item_id, int) else None
        if row is None:
            raise LibraryError(f"Underlag {item_id} finns inte i biblioteket {self.location}.")
        return row, self._inspection_row(session, row.inspection_id)

    def add_material_item(
        self,
        inspection_id: int,
        title: str,
        *,
        key: str = "",
        criteria: tuple[str, ...] | list[str] = (),
        requested_on: date | None = None,
        received_on: date | None = None,
        note: str = "",
        position: int | None = None,
        uid: str | None = None,
    ) -> int:
        """A piece of material on the inspection's list, at `position` (default: last); `key`
        names the checklist item it answers ("" for one the inspector adds)."""
        given = {
            "title": title,
            "requested_on": requested_on,
            "received_on": received_on,
            "note": note,
        }
        key = checks.text(key, "Underlagets nyckel").strip()
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            values = material_checks.material_fields(
                self._criteria_of(row), {**given, "criteria": criteria}
            )
            material_checks.dates_in_order(values["requested_on"], values["received_on"])
            item = MaterialRow(
                inspection_id=row.id,
                uid=self._new_uid(session, MaterialRow, uid, "Underlaget"),
                key=key,
                position=-1,
                **values,
            )
            siblings = _siblings(session, row.id)
            index = checks.insertion_index(position, len(siblings), "Underlagslistan")
            session.add(item)
            siblings.insert(index, item)
            rows.renumber(siblings)
            self._touch(row)
            session.flush()
            return item.id

    def request_standard_material(
        self,
        inspection_id: int,
        *,
        on: date | None = None,
        catalogue: MaterialCatalogue | None = None,
    ) -> list[int]:
        """Add every checklist item the inspection's list lacks (by key), requested `on` (None:
        not yet sent), linked to the criteria the checklist names that the inspection's set has.
        Returns the new items' ids (none when the list is complete)."""
        catalogue = catalogue or default_catalogue()
        requested = checks.optional_date(on, "Begärt datum")
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            known = {c.id for c in self._criteria_of(row).criteria}
            siblings = _siblings(session, row.id)
            present = {sibling.key for sibling in siblings}
            added = []
            for entry in catalogue.items:
                if entry.key in present:
                    continue
                item = MaterialRow(
                    inspection_id=row.id,
                    uid=self._new_uid(session, MaterialRow, None, "Underlaget"),
                    key=entry.key,
                    title=entry.title_sv,
                    requested_on=requested,
                    note="",
                    criteria=[c for c in entry.criteria if c in known],
                    position=len(siblings),
                )
                session.add(item)
                siblings.append(item)
                added.append(item)
            if added:
                self._touch(row)
                session.flush()
            return [item.id for item in added]

    def update_material_item(self, item_id: int, **fields: Any) -> None:
        """Change title, requested_on, received_on, note or criteria of a material item."""
        with self._write() as session:
            item, inspection = self._material_row(session, item_id)
            values = material_checks.material_fields(self._criteria_of(inspection), fields)
            material_checks.dates_in_order(
                values.get("requested_on", item.requested_on),
                values.get("received_on", item.received_on),
            )
            for name, value in values.items():
                setattr(item, name, value)
            self._touch(inspection)

    def move_material_item(self, item_id: int, position: int) -> None:
        with self._write() as session:
            item, inspection = self._material_row(session, item_id)
            siblings = _siblings(session, inspection.id)
            siblings.remove(item)
            index = checks.insertion_index(position, len(siblings), "Underlagslistan")
            siblings.insert(index, item)
            rows.renumber(siblings)
            self._touch(inspection)

    def remove_material_item(self, item_id: int) -> None:
        """Remove the item and its file (undo: `restore_material_item` with the file's bytes)."""
        with self._write() as session:
            item, inspection = self._material_row(session, item_id)
            siblings = _siblings(session, inspection.id)
            siblings.remove(item)
            session.delete(item)
            rows.renumber(siblings)
            self._touch(inspection)

    def restore_material_item(
        self, inspection_id: int, item: MaterialItem, data: bytes | None = None
    ) -> None:
        """Put a removed item back under its own id and in its place, with its file's bytes
        `data` when it had one (the undo of a removal)."""
        if not isinstance(item, MaterialItem):
            raise LibraryError("Bara ett borttaget underlag kan återställas.")
        checked = (
            material_checks.file_content(item.attachment.name, data)
            if item.attachment is not None and data is not None
            else None
        )
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            # Written whole in one insert: the row comes back as it was read before its removal.
            restored = MaterialRow(
                id=self._free_id(session, MaterialRow, item.id),
                uid=self._new_uid(session, MaterialRow, item.uid, "Underlaget"),
                inspection_id=row.id,
                position=-1,
                **material_checks.item_values(self._criteria_of(row), item),
                **_file_columns(checked),
            )
            siblings = _siblings(session, row.id)
            session.add(restored)
            siblings.insert(min(max(item.position, 0), len(siblings)), restored)
            rows.renumber(siblings)
            session.flush()
            if checked is not None:
                session.add(MaterialFileRow(material_id=restored.id, data=checked.data))
            self._touch(row)

    def attach_material_file(self, item_id: int, source: str | Path) -> Attachment:
        """Store the file at `source` as the item's file (replacing any earlier one), after
        checking its size and its kind by content; the library is unchanged when refused."""
        checked = material_checks.read_file(Path(source))
        return self._set_file(item_id, checked)

    def set_material_file(self, item_id: int, name: str, data: bytes) -> Attachment:
        """Store `data` under the shown `name` as the item's file (undo and redo of attaching)."""
        return self._set_file(item_id, material_checks.file_content(name, data))

    def _set_file(self, item_id: int, checked: CheckedFile) -> Attachment:
        with self._write() as session:
            item, inspection = self._material_row(session, item_id)
            _store_file(session, item, checked)
            self._touch(inspection)
            attachment = material_record(item).attachment
            assert attachment is not None
            return attachment

    def remove_material_file(self, item_id: int) -> None:
        with self._write() as session:
            item, inspection = self._material_row(session, item_id)
            _store_file(session, item, None)
            self._touch(inspection)

    def material_file(self, item_id: int) -> bytes:
        """The bytes of the item's file; LibraryError when it has none."""
        with self._read() as session:
            item = session.get(MaterialRow, item_id) if isinstance(item_id, int) else None
            stored = session.get(MaterialFileRow, item_id) if item is not None else None
            if item is None or stored is None:
                raise LibraryError(f"Underlag {item_id} har ingen sparad fil i biblioteket.")
            return bytes(stored.data)
