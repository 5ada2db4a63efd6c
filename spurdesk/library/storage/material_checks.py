"""Input checks of the material verbs: the fields of a material item, and a file offered as
material (its name, size and kind). Like `checks`, each returns the normalised value or raises a
LibraryError saying what is wrong, where, and what to do; nothing here writes anything."""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spurdesk.library.errors import LibraryError
from spurdesk.library.storage import checks
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.material import (
    MAX_ATTACHMENT_BYTES,
    FileKind,
    MaterialItem,
    sniff_file_kind,
)

_LABELS = {
    "title": "Underlagets benämning",
    "requested_on": "Begärt datum",
    "received_on": "Inkommet datum",
    "note": "Anteckning om underlaget",
    "criteria": "Kriterier underlaget belyser",
}
#: The fields `update_material_item` changes.
MATERIAL_FIELD_NAMES = tuple(_LABELS)
_ACCEPTED = "PDF, Word (DOCX), Excel (XLSX), OpenDocument-text (ODT), PNG, JPEG eller ren text"
_NAME_LIMIT = 255


@dataclass(frozen=True)
class CheckedFile:
    name: str
    kind: FileKind
    data: bytes
    sha256: str


def material_fields(
    criteria: CriteriaSet, given: Mapping[str, Any], *, today: date | None = None
) -> dict[str, Any]:
    """A material item's fields checked; unknown names refused. A received date may not lie in
    the future, nor before the request (a typing slip, flagged rather than kept)."""
    unknown = sorted(set(given) - set(_LABELS))
    if unknown:
        raise LibraryError(
            f"Okända uppgifter för underlag: {', '.join(unknown)}. Möjliga är {', '.join(_LABELS)}."
        )
    values: dict[str, Any] = {}
    for name, value in given.items():
        if name in ("requested_on", "received_on"):
            values[name] = checks.optional_date(value, _LABELS[name])
        elif name == "criteria":
            values[name] = evidence_criteria(criteria, value)
        else:
            values[name] = checks.text(value, _LABELS[name]).strip()
    if "title" in values and not values["title"]:
        raise LibraryError("Ange vad underlaget är (t.ex. Introduktionsprogram); fältet är tomt.")
    received = values.get("received_on")
    if received is not None and received > (today or date.today()):
        raise LibraryError(
            f"{_LABELS['received_on']} {received.isoformat()} ligger i framtiden. "
            "Ange dagen då underlaget kom in, eller lämna fältet tomt."
        )
    return values


def item_values(criteria: CriteriaSet, item: MaterialItem) -> dict[str, Any]:
    """A whole MaterialItem's stored columns (position and file aside), checked."""
    if not isinstance(item, MaterialItem):
        raise LibraryError("Ett underlag i inspektionen är ingen underlagsuppgift.")
    values = material_fields(
        criteria,
        {
            "title": item.title,
            "requested_on": item.requested_on,
            "received_on": item.received_on,
            "note": item.note,
            "criteria": item.criteria,
        },
    )
    dates_in_order(values["requested_on"], values["received_on"])
    values["key"] = checks.text(item.key, "Underlagets nyckel").strip()
    return values


def dates_in_order(requested: date | None, received: date | None) -> None:
    if requested is not None and received is not None and received < requested:
        raise LibraryError(
            f"Underlaget kan inte ha kommit in ({received.isoformat()}) före det begärdes "
            f"({requested.isoformat()}). Rätta datumen."
        )


def evidence_criteria(criteria: CriteriaSet, given: object) -> list[str]:
    """Criterion ids of the inspection's set, each once, in the set's order."""
    if isinstance(given, str) or not isinstance(given, Sequence):
        raise LibraryError("Kriterierna underlaget belyser ska vara en lista med kriterier.")
    ids = {checks.text(c, "Kriterium") for c in given}
    known = [c.id for c in criteria.criteria]
    strangers = sorted(ids - set(known))
    if strangers:
        raise LibraryError(
            f"Kriterium {', '.join(strangers)} finns inte i kriterieuppsättningen "
            f"{criteria.label}; välj bland dess kriterier."
        )
    return [c for c in known if c in ids]


def file_name(value: object) -> str:
    """The name a file is shown and offered under: a bare name, never a path."""
    name = checks.text(value, "Filens namn").strip()
    if (
        not name
        or name in (".", "..")
        or len(name) > _NAME_LIMIT
        or any(char in name for char in "/\\:")
        or any(ord(char) < 32 or ord(char) == 127 for char in name)
    ):
        raise LibraryError(
            f"Filnamnet {name[:60]!r} går inte att använda: ett filnamn får inte vara tomt, "
            f"längre än {_NAME_LIMIT} tecken eller innehålla / \\ : eller styrtecken. "
            "Byt namn på filen och bifoga den igen."
        )
    return name


def _too_large(name: str, size: int) -> LibraryError:
    return LibraryError(
        f"Filen {name} är {size / 1024 / 1024:.1f} MB; ett underlag får vara högst "
        f"{MAX_ATTACHMENT_BYTES // 1024 // 1024} MB. Komprimera eller dela upp filen (t.ex. "
        "spara PDF:en med lägre bildupplösning) och bifoga den igen."
    )


def file_content(name: object, data: object) -> CheckedFile:
    """A file offered as material: a usable name, not empty, within the size limit, and of an
    accepted kind judged by its content (the name's suffix is not trusted)."""
    checked_name = file_name(name)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise LibraryError(f"Filen {checked_name} har inget innehåll som kan sparas.")
    content = bytes(data)
    if not content:
        raise LibraryError(
            f"Filen {checked_name} är tom. Välj filen med innehållet och försök igen."
        )
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise _too_large(checked_name, len(content))
    kind = sniff_file_kind(content)
    if kind is None:
        raise LibraryError(
            f"Filen {checked_name} är inte {_ACCEPTED} (bedömt efter innehållet, inte namnet) "
            "och sparades inte. Spara den i något av de formaten och bifoga den igen."
        )
    return CheckedFile(checked_name, kind, content, hashlib.sha256(content).hexdigest())


def read_file(source: Path) -> CheckedFile:
    """The file at `source` read and checked; the size is checked before anything is read."""
    try:
        status = source.stat()
        if not stat.S_ISREG(status.st_mode):
            raise LibraryError(
                f"{source} är ingen vanlig fil (en mapp eller en enhet) och kan inte bifogas. "
                "Välj en fil."
            )
        if status.st_size > MAX_ATTACHMENT_BYTES:
            raise _too_large(source.name, status.st_size)
        with source.open("rb") as stream:
            data = stream.read(MAX_ATTACHMENT_BYTES + 1)
    except OSError as error:
        raise LibraryError(
            f"Filen {source} kunde inte läsas ({error.strerror or error}). Kontrollera att den "
            "finns och att du får läsa den (en fil i molnlagring kan behöva laddas ned först), "
            "och försök igen."
        ) from error
    return file_content(source.name, data)
