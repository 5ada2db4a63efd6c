"""`spurdesk list`: one line per inspection of a library, for scripts and quick looks.

Columns, tab-separated: id (what other commands take), unit, specialty, first visit day, status.
The library is opened read-only, so listing works while the app has it open.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spurdesk.library import Library, LibraryError, default_library_path
from spurdesk.library.storage.files import is_url
from spurdesk.model.inspection import InspectionSummary


def library_location(args: argparse.Namespace) -> str | Path:
    """--library, else $SPURDESK_LIBRARY, else the user's library in the data folder."""
    given = getattr(args, "library", None)
    if given:
        return given if is_url(given) else Path(given).expanduser()
    return default_library_path()


def existing_library(args: argparse.Namespace) -> str | Path:
    """`library_location`, refused when it names a file that does not exist (a typo must not
    create a new, empty library). Open it with `create=False`: an empty server database is not
    made a library on the way either (that is `spurdesk db upgrade`'s)."""
    location = library_location(args)
    if not is_url(location) and not Path(location).exists():
        raise LibraryError(
            f"Det finns inget bibliotek {location}. Ange ett med --library SÖKVÄG "
            "(eller skapa ett med spurdesk demo --out SÖKVÄG)."
        )
    return location


def format_line(summary: InspectionSummary) -> str:
    visit = summary.visit_start.isoformat() if summary.visit_start else "-"
    fields = (str(summary.id), summary.unit, summary.specialty, visit, summary.status.value)
    # A tab or line break typed into a name must not shift the columns of a script reading this.
    return "\t".join(" ".join(field.split()) for field in fields)


def run(args: argparse.Namespace) -> int:
    with Library.open(existing_library(args), read_only=True) as library:
        for summary in library.list_inspections():
            sys.stdout.write(format_line(summary) + "\n")
    return 0
