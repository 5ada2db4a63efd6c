"""`spurdesk export`: write reports from a library without opening the app.

    spurdesk export --inspection ID --format docx|pdf|actionplan --out FILE
    spurdesk export --all --format pdf --out-dir DIR

The library is opened read-only, so exporting works while the app has it open. Each file written
is printed on its own line. Bad arguments and unknown ids end with a message and exit status 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spurdesk.cli.listing import existing_library
from spurdesk.errors import SpurdeskError
from spurdesk.outputs import REPORTS


class ExportCommandError(SpurdeskError):
    """The export command's arguments do not fit together or name something missing."""


def run(args: argparse.Namespace) -> int:
    output = REPORTS[args.format]
    suffix = output.suffix
    if args.inspection is not None:
        target = _single_target(args, suffix)
    else:
        folder = _folder_target(args)
    location = existing_library(args)
    from spurdesk.library import Library
    from spurdesk.report.exporters import EXPORTERS

    writer = EXPORTERS[output.key]
    with Library.open(location, read_only=True) as library:
        if args.inspection is not None:
            inspection = library.get_inspection(args.inspection)
            previous = library.previous_inspection(args.inspection)
            print(writer(inspection, target, previous=previous))
            return 0
        summaries = library.list_inspections()
        if not summaries:
            raise ExportCommandError(f"Biblioteket {location} innehåller inga granskningar.")
        folder.mkdir(parents=True, exist_ok=True)
        for summary in summaries:
            inspection = library.get_inspection(summary.id)
            target = folder / output.file_name(inspection, numbered=True)
            print(writer(inspection, target, previous=library.previous_inspection(summary.id)))
    return 0


def _single_target(args: argparse.Namespace, suffix: str) -> Path:
    if args.out_dir:
        raise ExportCommandError(
            "--out-dir hör ihop med --all. Ange filen med --out FIL när du exporterar en "
            "granskning (--inspection ID)."
        )
    if not args.out:
        raise ExportCommandError(
            f"Ange filen att skriva med --out FIL, t.ex. --out rapport{suffix}."
        )
    target = Path(args.out).expanduser()
    if target.suffix.lower() != suffix:
        raise ExportCommandError(
            f"Filen {target} passar inte formatet {args.format}: filnamnet ska sluta på {suffix}."
        )
    if target.is_dir():
        raise ExportCommandError(f"{target} är en mapp. Ange ett filnamn med --out FIL.")
    return target


def _folder_target(args: argparse.Namespace) -> Path:
    if args.out:
        raise ExportCommandError(
            "--out hör ihop med --inspection ID. Ange en mapp med --out-dir MAPP när du "
            "exporterar alla granskningar (--all)."
        )
    if not args.out_dir:
        raise ExportCommandError("Ange mappen att skriva till med --out-dir MAPP.")
    folder = Path(args.out_dir).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ExportCommandError(f"{folder} är en fil, inte en mapp. Ange en mapp med --out-dir.")
    return folder
