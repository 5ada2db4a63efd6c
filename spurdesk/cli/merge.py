"""`spurdesk merge`: take in a copy from the co-inspector.

    spurdesk merge --library L FILE.spur [--dry-run] [--prefer mine|theirs]

Prints what the copy changes and where both sides changed the same thing. Without a window to
choose in, conflicts are refused (nothing written) unless --prefer says whose value wins. A copy
of an inspection the library does not hold adds it: that is how the co-inspector receives a
share. --dry-run prints and writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spurdesk.cli.listing import existing_library
from spurdesk.errors import SpurdeskError


class MergeCommandError(SpurdeskError):
    """The copy has conflicts and no --prefer says how to settle them."""


def run(args: argparse.Namespace) -> int:
    from spurdesk.exchange.coinspector import apply_plan, plan_merge, read_copy
    from spurdesk.exchange.merge import Choice
    from spurdesk.exchange.merge_text import change_line, conflict_line
    from spurdesk.library import Library

    copy = read_copy(Path(args.file).expanduser())
    with Library.open(existing_library(args), read_only=args.dry_run, create=False) as library:
        plan = plan_merge(library, copy)
        if plan.adds_inspection:
            print(f"Ny inspektion från {copy.sender}: {copy.record.title}")
        elif plan.changes_nothing:
            print(f"Kopian från {copy.sender} innehåller inget nytt.")
        result = plan.result
        if result is not None:
            for change in result.changes:
                print(f"ändras: {change_line(change)}")
            for conflict in result.conflicts:
                print(f"konflikt: {conflict_line(conflict)}")
            for kind in result.reordered:
                print(f"ordningen: både här och i kopian har {kind} ordnats om; granska den")
        if args.dry_run:
            return 0
        choices = {}
        if result is not None and result.conflicts:
            if args.prefer is None:
                raise MergeCommandError(
                    f"{copy.source}: {len(result.conflicts)} konflikter; inget har ändrats. "
                    "Välj med --prefer mine eller --prefer theirs, eller ta emot kopian i appen."
                )
            prefer = Choice.MINE if args.prefer == "mine" else Choice.THEIRS
            choices = {conflict.path: prefer for conflict in result.conflicts}
        inspection_id = apply_plan(library, plan, choices)
    if plan.adds_inspection:
        print(f"Inspektion {inspection_id} tillagd i biblioteket.")
    elif not plan.changes_nothing:
        print(f"Inspektion {inspection_id} uppdaterad.")
    return 0
