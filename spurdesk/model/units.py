"""The register of training units (pure): a unit, its contacts, and near-duplicate detection.

A unit (verksamhet) lives longer than any inspection of it: it is inspected at least every fifth
year, and its verksamhetschef and studierektorer receive each report. Inspections keep their own
unit, site, care-provider and specialty texts exactly as typed (the report prints those), and
link to the unit they belong to (`Inspection` rows carry `unit_id`, revision 9).

Near-duplicates ("Röntgenkliniken" / "Röntgen kliniken", a care provider spelt two ways) come
from years of free text; `duplicate_pairs` suggests them, a person decides and merges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from enum import StrEnum

from spurdesk.errors import SpurdeskError

#: How alike two units' normalised texts must be (difflib ratio) to be suggested as one.
DUPLICATE_THRESHOLD = 0.85

# One @, no spaces, a dot in the domain: what a person can mistype, not RFC 5322.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


class UnitError(SpurdeskError):
    """Input the register refuses (an empty name, a malformed e-mail address)."""


class ContactRole(StrEnum):
    """Who at the unit receives the report (seed 002's roles)."""

    HEAD_OF_UNIT = "verksamhetschef"
    DIRECTOR_OF_STUDIES = "studierektor"
    OVERALL_DIRECTOR_OF_STUDIES = "övergripande studierektor"

    @property
    def label(self) -> str:
        return self.value[:1].upper() + self.value[1:]


@dataclass(frozen=True)
class Contact:
    role: ContactRole
    name: str
    email: str = ""
    id: int = 0  # 0 until stored
    uid: str = field(default="", compare=False)


@dataclass(frozen=True)
class Unit:
    id: int
    name: str  # verksamhet, e.g. "Röntgenkliniken"
    site: str = ""
    care_provider: str = ""
    specialty: str = ""
    contacts: tuple[Contact, ...] = ()
    uid: str = field(default="", compare=False)

    @property
    def title(self) -> str:
        return f"{self.name}, {self.site}" if self.site else self.name

    @property
    def key(self) -> str:
        return unit_key(self.name, self.site, self.care_provider, self.specialty)

    def recipients(self) -> tuple[Contact, ...]:
        """The report's recipients: contacts in role order (verksamhetschef first)."""
        order = list(ContactRole)
        return tuple(sorted(self.contacts, key=lambda c: order.index(c.role)))


@dataclass(frozen=True)
class UnitOverview:
    """One row of the register: what the units window and the due-date list show, read with
    SQL aggregates (never by loading every inspection)."""

    id: int
    name: str
    site: str
    care_provider: str
    specialty: str
    inspections: int  # not in the trash
    last_spur: date | None  # visit date of the latest inspection at or past fastställd
    open_follow_ups: int  # deficiency follow-ups still missing a receipt
    overdue_follow_ups: int  # of those, past their six-month date

    @property
    def title(self) -> str:
        return f"{self.name}, {self.site}" if self.site else self.name


def normalised(text: str) -> str:
    """Whitespace collapsed, case folded: "  Röntgen  KLINIKEN" → "röntgen kliniken"."""
    return " ".join(text.split()).casefold()


def unit_key(name: str, site: str, care_provider: str, specialty: str) -> str:
    """The identity revision 9 grouped existing inspections by (and new ones are matched by)."""
    return "\x1f".join(normalised(t) for t in (name, site, care_provider, specialty))


def check_email(address: str, who: str) -> str:
    """The address trimmed, "" allowed; refused when it cannot be an address."""
    address = address.strip()
    if address and not _EMAIL.fullmatch(address):
        raise UnitError(
            f"E-postadressen {address!r} för {who} ser inte ut som en e-postadress. "
            "Skriv den som namn@exempel.se."
        )
    return address


@dataclass(frozen=True)
class DuplicatePair:
    keep: UnitOverview  # the one with more inspections (merging into it moves fewer links)
    merge: UnitOverview
    similarity: float  # 0–1


def _alike(first: str, second: str, threshold: float) -> float:
    """difflib's ratio of two texts, or 0 as soon as its cheap upper bounds fall short."""
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def duplicate_pairs(
    units: Sequence[UnitOverview], threshold: float = DUPLICATE_THRESHOLD
) -> list[DuplicatePair]:
    """Pairs of units whose names are alike *and* whose site, care provider and specialty are
    alike (each compared normalised), most alike first.

    The name is compared on its own: two clinics of one hospital share a long site, care
    provider and specialty text that would make "Kirurgkliniken" and "Ortopedkliniken" look
    alike as one string. difflib's cheap upper bounds discard most pairs before the real
    ratio, so a register of a few hundred units is compared in well under a second.
    """
    names = [normalised(u.name) for u in units]
    rests = [unit_key("", u.site, u.care_provider, u.specialty) for u in units]
    found: list[DuplicatePair] = []
    for i, first in enumerate(units):
        for j in range(i + 1, len(units)):
            name = _alike(names[i], names[j], threshold)
            if name < threshold:
                continue
            rest = 1.0 if rests[i] == rests[j] else _alike(rests[i], rests[j], threshold)
            if rest < threshold:
                continue
            second = units[j]
            keep, merge = (
                (first, second) if first.inspections >= second.inspections else (second, first)
            )
            found.append(DuplicatePair(keep, merge, min(name, rest)))
    return sorted(found, key=lambda pair: (-pair.similarity, pair.keep.name, pair.merge.name))


def matching_units(units: Iterable[UnitOverview], text: str) -> list[UnitOverview]:
    """Units whose texts contain every word of `text` (any case): the new-inspection picker."""
    words = normalised(text).split()
    return [
        unit
        for unit in units
        if all(
            w in normalised(f"{unit.title} {unit.care_provider} {unit.specialty}") for w in words
        )
    ]
