"""`spurdesk criteria`: which criteria sets the app sees, and which files it could not load.

For whoever maintains criteria files (Lipus staff, an office with its own folder): it shows what
`load_criteria_library` found in the shipped and the user folder, and every file that failed with
the message naming its line. Exit status 1 when any file failed (or no set was found), so the
command can guard a deployment script.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.criteria_loader import (
    CriteriaLibrary,
    default_criteria_folders,
    load_criteria_library,
)


def _set_line(library: CriteriaLibrary, criteria_set: CriteriaSet) -> str:
    status = " (superseded)" if library.is_superseded(criteria_set) else ""
    return (
        f"  {criteria_set.id}  version {criteria_set.version}{status}  {criteria_set.title}  "
        f"{len(criteria_set.sections)} sections, {len(criteria_set.criteria)} criteria  "
        f"{criteria_set.source}"
    )


def report(library: CriteriaLibrary, out: TextIO, err: TextIO) -> int:
    """Print the sets to `out` and the failures to `err`; the exit status."""
    print("Criteria folders: " + ", ".join(str(f) for f in default_criteria_folders()), file=out)
    ordered = sorted(library.sets, key=lambda s: (s.id, s.version))
    if ordered:
        print(f"Criteria sets ({len(ordered)}):", file=out)
        for criteria_set in ordered:
            print(_set_line(library, criteria_set), file=out)
    else:
        print("No criteria set was found.", file=err)
    if library.errors:
        print(f"Files that could not be loaded ({len(library.errors)}):", file=err)
        for error in library.errors:
            print(f"  {error}  ({error.file})", file=err)
    return 1 if library.errors or not ordered else 0


def run(args: argparse.Namespace) -> int:
    del args  # the command takes no options: the folders come from the installation and env
    return report(load_criteria_library(), sys.stdout, sys.stderr)
