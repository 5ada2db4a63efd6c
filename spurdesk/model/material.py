"""The material requested from the unit before the visit (underlag): the shipped checklist, the
per-inspection records, and what kind of file an attachment is.

The checklist is data (`resources/material/st-spur-material.yaml`), so an office can change what
it asks for without a release. A file's kind is decided from its first bytes and its structure,
never from its name: a name is only shown, never trusted. Pure: no Qt, no database.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path

from spurdesk.errors import SpurdeskError
from spurdesk.resources import resource_path

#: The largest file the library stores: a scanned guideline, not a video.
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


class MaterialFileError(SpurdeskError):
    """The shipped checklist file cannot be read."""


@dataclass(frozen=True)
class CatalogueItem:
    """One kind of material the checklist asks for."""

    key: str
    title_sv: str
    title_en: str
    criteria: tuple[str, ...] = ()  # the criteria it typically bears on


@dataclass(frozen=True)
class MaterialCatalogue:
    id: str
    criteria_set: str  # the criteria set whose ids `criteria` name
    items: tuple[CatalogueItem, ...]

    def item(self, key: str) -> CatalogueItem | None:
        return next((item for item in self.items if item.key == key), None)


def _text(entry: dict[str, object], name: str, where: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise MaterialFileError(f"{where}: {name} saknas eller är inte text.")
    return value.strip()


def load_material_catalogue(path: Path | None = None) -> MaterialCatalogue:
    """The checklist in `path` (default: the shipped one); MaterialFileError says what is wrong."""
    import yaml  # here: records of this module are read before anything needs YAML (preview)

    path = path or resource_path("material", "st-spur-material.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise MaterialFileError(f"Underlagslistan {path} kan inte läsas: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise MaterialFileError(f"{path.name}: en lista items saknas.")
    items = []
    for number, entry in enumerate(data["items"], start=1):
        where = f"{path.name}, punkt {number}"
        if not isinstance(entry, dict):
            raise MaterialFileError(f"{where}: ska vara en post med key, title_sv och title_en.")
        criteria = entry.get("criteria") or []
        if not isinstance(criteria, list) or not all(isinstance(c, str) for c in criteria):
            raise MaterialFileError(f"{where}: criteria ska vara en lista med kriterie-id.")
        items.append(
            CatalogueItem(
                _text(entry, "key", where),
                _text(entry, "title_sv", where),
                _text(entry, "title_en", where),
                tuple(criteria),
            )
        )
    keys = [item.key for item in items]
    if len(set(keys)) != len(keys):
        raise MaterialFileError(f"{path.name}: samma key förekommer två gånger.")
    return MaterialCatalogue(
        str(data.get("id", path.stem)), str(data.get("criteria_set", "")), tuple(items)
    )


@cache
def default_catalogue() -> MaterialCatalogue:
    return load_material_catalogue()


class FileKind(StrEnum):
    """The file types the library accepts as material: documents and pictures people send."""

    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    ODT = "odt"
    PNG = "png"
    JPEG = "jpeg"
    TXT = "txt"

    @property
    def suffix(self) -> str:
        return ".jpg" if self is FileKind.JPEG else f".{self.value}"

    @property
    def label(self) -> str:
        return "Text" if self is FileKind.TXT else self.value.upper()


_ZIP_MEMBERS = {"word/document.xml": FileKind.DOCX, "xl/workbook.xml": FileKind.XLSX}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Text may hold tabs, line and page breaks; any other control character means binary data.
_BINARY_CONTROLS = frozenset(range(32)) - {9, 10, 12, 13}


def _office_kind(data: bytes) -> FileKind | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            # The mimetype part is a few bytes; a large one is no OpenDocument file (and is not
            # unpacked, which could take any amount of memory).
            if (
                "mimetype" in names
                and archive.getinfo("mimetype").file_size < 128
                and archive.read("mimetype").strip() == _ODT_MIMETYPE
            ):
                return FileKind.ODT
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return None
    return next((kind for member, kind in _ZIP_MEMBERS.items() if member in names), None)


def _is_text(data: bytes) -> bool:
    if not data.strip():
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text:
            return False
    return not any(ord(char) in _BINARY_CONTROLS for char in text)


def sniff_file_kind(data: bytes) -> FileKind | None:
    """The kind of file `data` is, judged by content (magic bytes, an office file's parts, text
    that decodes cleanly); None for anything else."""
    if data.startswith(b"%PDF-"):
        return FileKind.PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    return FileKind.TXT if _is_text(data) else None


@dataclass(frozen=True)
class Attachment:
    """What the library knows of a stored file without reading its bytes."""

    name: str  # as the user's file was called: shown and offered when saving, never a path
    kind: FileKind
    size: int  # bytes
    sha256: str


@dataclass(frozen=True)
class MaterialItem:
    """One piece of material for one inspection: asked for, received, and what it evidences."""

    id: int
    title: str
    key: str = ""  # the checklist's key; "" for material the inspector added
    requested_on: date | None = None
    received_on: date | None = None
    note: str = ""
    criteria: tuple[str, ...] = ()  # the criteria it bears on as evidence, in the set's order
    position: int = 0
    attachment: Attachment | None = None  # the bytes are read on demand (Library.material_file)
    uid: str = field(default="", compare=False)  # stable across libraries (see Inspector)

    @property
    def received(self) -> bool:
        return self.received_on is not None
