"""The material requested before the visit, through the service API: the checklist, requested /
received dates, criteria as evidence, and files — refused when too large, of another kind,
unreadable or named like a path, with the library unchanged."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest

from spurdesk.library import Library, LibraryError
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.material import MAX_ATTACHMENT_BYTES, FileKind, default_catalogue
from tests.library.conftest import fixture_copy, new_inspection

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def test_the_checklist_is_requested_once_with_its_criteria_and_the_inspector_adds_more(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    added = library.request_standard_material(inspection_id, on=date(2025, 1, 7))
    assert len(added) == len(default_catalogue().items)
    assert library.request_standard_material(inspection_id) == []  # complete: nothing doubled
    extra = library.add_material_item(
        inspection_id, "Schema för jourtjänstgöring", criteria=["D.2"]
    )
    material = library.get_inspection(inspection_id).material
    assert [m.id for m in material] == [*added, extra]
    iup = next(m for m in material if m.key == "iup")
    assert iup.requested_on == date(2025, 1, 7) and iup.received_on is None
    assert "D.5" in iup.criteria
    assert material[-1].key == "" and material[-1].criteria == ("D.2",)


def test_received_with_a_note_and_criteria_kept_in_the_sets_order(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    item = library.add_material_item(inspection_id, "IUP:er", requested_on=date(2025, 1, 7))
    library.update_material_item(
        item, received_on=date(2025, 1, 20), note="Sex av sju.", criteria=["F.1", "D.5"]
    )
    [stored] = library.get_inspection(inspection_id).material
    assert (stored.received_on, stored.note, stored.criteria) == (
        date(2025, 1, 20),
        "Sex av sju.",
        ("D.5", "F.1"),
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"received_on": date(2025, 1, 1)}, "före det begärdes"),
        ({"received_on": date.today() + timedelta(days=3)}, "ligger i framtiden"),
        ({"received_on": "2025-02-30"}, "är inget datum"),
        ({"criteria": ["Z.9"]}, "Z.9 finns inte"),
        ({"title": "  "}, "fältet är tomt"),
        ({"colour": "blå"}, "Okända uppgifter"),
    ],
)
def test_impossible_dates_unknown_criteria_and_fields_are_refused(
    library: Library, criteria: CriteriaSet, fields: dict[str, object], message: str
) -> None:
    inspection_id = new_inspection(library, criteria)
    item = library.add_material_item(inspection_id, "IUP:er", requested_on=date(2025, 1, 7))
    before = library.get_inspection(inspection_id).material
    with pytest.raises(LibraryError, match=message):
        library.update_material_item(item, **fields)
    assert library.get_inspection(inspection_id).material == before


def test_a_file_is_stored_with_its_digest_read_on_demand_and_replaced(
    library: Library, criteria: CriteriaSet, tmp_path: Path
) -> None:
    inspection_id = new_inspection(library, criteria)
    item = library.add_material_item(inspection_id, "Introduktionsprogram")
    source = tmp_path / "Introduktion 2025.pdf"
    source.write_bytes(PDF)
    attachment = library.attach_material_file(item, source)
    assert (attachment.name, attachment.kind, attachment.size) == (
        "Introduktion 2025.pdf",
        FileKind.PDF,
        len(PDF),
    )
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    assert library.get_inspection(inspection_id).material[0].attachment == attachment
    assert library.material_file(item) == PDF
    library.set_material_file(item, "program.txt", b"Vecka 1")
    assert library.material_file(item) == b"Vecka 1"
    library.remove_material_file(item)
    assert library.get_inspection(inspection_id).material[0].attachment is None
    with pytest.raises(LibraryError, match="ingen sparad fil"):
        library.material_file(item)


def refused(library: Library, inspection_id: int, attach: object, message: str) -> None:
    """`attach()` raises a LibraryError matching `message`, leaving the inspection as it was."""
    before = library.get_inspection(inspection_id)
    with pytest.raises(LibraryError, match=message):
        attach()  # type: ignore[operator]
    after = library.get_inspection(inspection_id)
    assert (after.material, after.modified_at) == (before.material, before.modified_at)


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    library: Library, criteria: CriteriaSet, tmp_path: Path
) -> None:
    inspection_id = new_inspection(library, criteria)
    item = library.add_material_item(inspection_id, "IUP:er")
    big = tmp_path / "stor.pdf"
    with big.open("wb") as stream:
        stream.write(PDF)
        stream.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: no 20 MB written
    refused(library, inspection_id, lambda: library.attach_material_file(item, big), "högst 20 MB")
    refused(
        library,
        inspection_id,
        lambda: library.set_material_file(item, "stor.pdf", PDF + bytes(MAX_ATTACHMENT_BYTES)),
        "Komprimera eller dela upp",
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00"),  # a program named like a PDF
        ("bild.png", b"\x00\x01\x02\x03"),
        ("tom.txt", b""),
    ],
)
def test_a_file_of_another_kind_or_empty_is_refused(
    library: Library, criteria: CriteriaSet, tmp_path: Path, name: str, data: bytes
) -> None:
    inspection_id = new_inspection(library, criteria)
    item = library.add_material_item(inspection_id, "IUP:er")
    source = tmp_path / name
    source.write_bytes(data)
    message = "är tom" if not data else "bedömt efter innehållet"
    refused(library, inspection_id, lambda: library.attach_material_file(item, source), message)


def test_an_unreadable_or_missing_file_or_a_folder_is_refused(
    library: Library, criteria: CriteriaSet, tmp_path: Path
) -> None:
    inspection_id = new_inspection(library, criteria)
    item = library.add_material_item(inspection_id, "IUP:er")
    missing = tmp_path / "finns-inte.pdf"
    refused(
        library,
        inspection_id,
        lambda: library.attach_material_file(item, missing),
        "kunde inte läsas",
    )
    refused(
        library,
        inspection_id,
        lambda: library.attach_material_file(item, tmp_path),
        "ingen vanlig fil",
    )


@pytest.mark.parametrize(
    "name", ["../../.bashrc", "..", "C:\\Windows\\system.ini", "mapp/fil.pdf", "a\x00b.pdf", ""]
)
def test_a_name_that_is_a_path_is_refused(
    library: Library, criteria: CriteriaSet, name: str
) -> None:
    inspection_id = new_inspection(library, criteria)
    item = library.add_material_item(inspection_id, "IUP:er")
    refused(
        library,
        inspection_id,
        lambda: library.set_material_file(item, name, PDF),
        "går inte att använda",
    )


def test_a_removed_item_comes_back_with_its_id_place_and_file(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    first = library.add_material_item(inspection_id, "Riktlinjer")
    second = library.add_material_item(inspection_id, "IUP:er", criteria=["D.5"])
    library.set_material_file(second, "iup.pdf", PDF)
    item = library.get_inspection(inspection_id).material[1]
    library.remove_material_item(second)
    assert [m.id for m in library.get_inspection(inspection_id).material] == [first]
    library.restore_material_item(inspection_id, item, PDF)
    assert library.get_inspection(inspection_id).material[1] == item
    assert library.material_file(second) == PDF


def test_the_last_spur_is_the_inspection_duplicated_from_unless_it_is_in_the_trash(
    library: Library, criteria: CriteriaSet
) -> None:
    first = new_inspection(library, criteria)
    again = library.duplicate_as_reinspection(first)
    assert library.previous_inspection(first) is None
    previous = library.previous_inspection(again)
    assert previous is not None and previous.id == first
    library.delete_inspection(first)
    assert library.previous_inspection(again) is None


def test_a_revision_8_library_upgrades_with_an_empty_material_list(tmp_path: Path) -> None:
    with Library.open(fixture_copy("library-rev0008.sqlite", tmp_path)) as library:
        inspections = [library.get_inspection(s.id) for s in library.list_inspections()]
        assert inspections and all(i.material == () for i in inspections)
        item = library.add_material_item(inspections[0].id, "IUP:er")
        library.set_material_file(item, "iup.pdf", PDF)


def test_a_revision_10_library_keeps_its_material_and_file(tmp_path: Path) -> None:
    with Library.open(fixture_copy("library-rev0010.sqlite", tmp_path)) as library:
        demo = library.get_inspection(library.list_inspections()[0].id)
        received, requested = demo.material
        assert received.received_on == date(2024, 10, 20) and received.criteria == ("D.10", "D.12")
        assert received.attachment is not None and received.attachment.kind == FileKind.TXT
        assert library.material_file(received.id).startswith(b"Vecka 1")
        assert requested.received_on is None and requested.attachment is None


def test_reading_an_inspection_never_reads_the_files(
    library: Library, criteria: CriteriaSet
) -> None:
    """Opening an inspection stays fast however many documents it holds: the bytes are read by
    `material_file` alone."""
    from sqlalchemy import event

    inspection_id = new_inspection(library, criteria)
    item = library.add_material_item(inspection_id, "IUP:er")
    library.set_material_file(item, "iup.pdf", PDF)
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    engine = library._store.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert library.get_inspection(inspection_id).material[0].attachment is not None
        assert not any("material_files" in s for s in statements)
        library.material_file(item)
        assert any("material_files" in s for s in statements)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
