"""The material checklist is data that loads with the shipped criteria, and a file's kind is
judged by its content, never by its name."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from spurdesk.model.criteria_loader import load_criteria_file
from spurdesk.model.material import (
    FileKind,
    MaterialFileError,
    default_catalogue,
    load_material_catalogue,
    sniff_file_kind,
)
from spurdesk.resources import resource_path


def zipped(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name.replace("__", "/"), data)
    return buffer.getvalue()


def test_the_shipped_checklist_names_only_criteria_of_the_st_spur_set() -> None:
    catalogue = default_catalogue()
    known = {c.id for c in load_criteria_file(resource_path("criteria", "st-spur.yaml")).criteria}
    assert catalogue.criteria_set == "st-spur"
    assert {"iup", "introduktionsprogram", "studierektors-uppdrag", "handledarutbildning"} <= {
        item.key for item in catalogue.items
    }
    assert all(set(item.criteria) <= known for item in catalogue.items)
    assert all(item.title_sv and item.title_en for item in catalogue.items)


def test_a_broken_checklist_is_refused_naming_the_file_and_item(tmp_path: Path) -> None:
    path = tmp_path / "lista.yaml"
    path.write_text("items:\n  - key: iup\n    title_sv: IUP\n", encoding="utf-8")
    with pytest.raises(MaterialFileError, match=r"lista\.yaml, punkt 1: title_en saknas"):
        load_material_catalogue(path)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", FileKind.PDF),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", FileKind.PNG),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", FileKind.JPEG),
        (zipped(**{"[Content_Types].xml": b"x", "word__document.xml": b"<w/>"}), FileKind.DOCX),
        (zipped(**{"xl__workbook.xml": b"<x/>"}), FileKind.XLSX),
        (zipped(mimetype=b"application/vnd.oasis.opendocument.text"), FileKind.ODT),
        ("Introduktion för ST-läkare\r\n\tVecka 1".encode(), FileKind.TXT),
        ("Åtgärdsplan för ST".encode("cp1252"), FileKind.TXT),
        (b"MZ\x90\x00\x03\x00\x00\x00", None),  # a Windows program
        (zipped(**{"payload.exe": b"MZ"}), None),  # a zip that is no office document
        (b"\x00\x01\x02binary", None),
        (b"   \n", None),
    ],
)
def test_file_kind_by_content(data: bytes, kind: FileKind | None) -> None:
    assert sniff_file_kind(data) == kind
