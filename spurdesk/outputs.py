"""Every kind of file spurdesk writes for an inspection, and its default name, in one table.

The export menu, `spurdesk export` and the exchange's save dialogs all take keys, suffixes and
suggested file names from here, so that a format or a naming rule is written once. Qt-free and
without the writers themselves: reports and the exchange are sibling layers that must not import
each other, so each maps the keys to its own writers (spurdesk.report.exporters,
spurdesk.ui.exchange.actions); the UI keeps its translated labels, keyed by the same keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from datetime import date

    from spurdesk.model.inspection import Inspection

OutputKind = Literal["report", "exchange"]

#: Characters Windows, macOS or Linux refuse in file names, and control characters.
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
#: Room left for the folder within the usual 260-character path limit on Windows.
MAX_STEM = 150


class OutputFormat(NamedTuple):
    """One kind of output file: its key, suffix and how its default name is built.

    A NamedTuple, not a dataclass: `spurdesk` reads the table for its argument parser before the
    window's first paint, and the dataclasses module alone costs that paint some 10 ms."""

    key: str  # "docx" | "pdf" | "actionplan" | "package" | "form" | "copy" | "factcheck…"
    kind: OutputKind
    suffix: str  # with the dot: ".docx"
    parts: Callable[[Inspection], tuple[str, ...]]  # of the default name; empty ones are dropped
    separator: str = " "
    # False for the exchange's names, which have never been cleaned: kept exactly as they were.
    cleaned: bool = True

    def file_name(self, inspection: Inspection, *, numbered: bool = False) -> str:
        """E.g. "SPUR-rapport Röntgenkliniken, Strandviks lasarett 2025-01-20.docx".

        `numbered` puts the inspection's id first, so that files of two inspections of the same
        unit and day written into one folder (`spurdesk export --all`) do not overwrite each other.
        """
        parts = self.parts(inspection)
        if numbered:
            parts = (str(inspection.id), *parts)
        name = self.separator.join(part for part in parts if part)
        if self.cleaned:
            name = " ".join(_UNSAFE_IN_NAMES.sub(" ", name).split()).strip(" .")[:MAX_STEM]
        return name + self.suffix


def _iso(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _report(key: str, suffix: str, prefix: str) -> OutputFormat:
    """A report is named by its kind, the unit and site, and the report (else visit) date."""

    def parts(inspection: Inspection) -> tuple[str, ...]:
        return (prefix, inspection.title, _iso(inspection.report_date or inspection.visit_start))

    return OutputFormat(key, "report", suffix, parts)


def _exchange(key: str, suffix: str) -> OutputFormat:
    """What goes to the unit is named by the unit and the visit date it answers to."""

    def parts(inspection: Inspection) -> tuple[str, ...]:
        return ("handlingsplan", inspection.unit, _iso(inspection.visit_start))

    return OutputFormat(key, "exchange", suffix, parts, separator="-", cleaned=False)


def _copy(key: str, suffix: str) -> OutputFormat:
    """The co-inspector's copy: the unit and the visit date, as the exchange names its files,
    then "kopia" (cleaned: a unit's name may hold characters a file name cannot)."""

    def parts(inspection: Inspection) -> tuple[str, ...]:
        return (inspection.unit, _iso(inspection.visit_start), "kopia")

    return OutputFormat(key, "exchange", suffix, parts)


def _fact_check(key: str, suffix: str, last: str) -> OutputFormat:
    """The sakgranskning's files: the unit and the visit date, then what the file is."""

    def parts(inspection: Inspection) -> tuple[str, ...]:
        return (inspection.unit, _iso(inspection.visit_start), last)

    return OutputFormat(key, "exchange", suffix, parts)


OUTPUTS: Mapping[str, OutputFormat] = MappingProxyType(
    {
        output.key: output
        for output in (
            _report("docx", ".docx", "SPUR-rapport"),
            _report("pdf", ".pdf", "SPUR-rapport"),
            _report("actionplan", ".docx", "Handlingsplan"),
            _exchange("package", ".spur"),  # spurdesk.exchange.package.SUFFIX
            _exchange("form", ".docx"),  # the fillable Word form
            _copy("copy", ".spur"),  # to the co-inspector (spurdesk.exchange.coinspector)
            _fact_check("factcheck", ".spur", "sakgranskning"),  # the draft to the unit
            _fact_check("factcheck-form", ".docx", "sakgranskning"),  # its Word form
            _fact_check("factcheck-record", ".docx", "sakgranskningsprotokoll"),  # the decisions
        )
    }
)
#: The reports, in the order of the export menu and `spurdesk export --format`.
REPORTS: Mapping[str, OutputFormat] = MappingProxyType(
    {key: output for key, output in OUTPUTS.items() if output.kind == "report"}
)


class ListOutput(NamedTuple):
    """A list over the whole library rather than one inspection (the register's due dates):
    its key, suffix and the stem of its default name, which ends with the day it was made."""

    key: str  # "due-csv" | "due-docx"
    suffix: str
    stem: str

    def file_name(self, today: date) -> str:
        return f"{self.stem} {today.isoformat()}{self.suffix}"


LISTS: Mapping[str, ListOutput] = MappingProxyType(
    {
        output.key: output
        for output in (
            ListOutput("due-csv", ".csv", "SPUR-enheter och förfallodatum"),  # report.followup
            ListOutput("due-docx", ".docx", "SPUR-enheter och förfallodatum"),
        )
    }
)
