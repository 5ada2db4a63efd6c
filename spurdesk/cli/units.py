"""`spurdesk units`: the register of units with their last and next SPUR, for scripts and for the
office's planning; `--due` only the units needing attention, `--csv` / `--docx` write the list.

Columns, tab-separated: unit id, state, unit, site, last SPUR, next SPUR due, open and overdue
deficiency follow-ups. The library is opened read-only, so this works while the app has it open.
The interval is the app's setting's default unless `--interval` says otherwise (the settings live
with the app, which the command line does not load).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from spurdesk.cli.listing import existing_library
from spurdesk.library import Library
from spurdesk.model.due_dates import DueRules, UnitDue, due_list


def format_line(row: UnitDue) -> str:
    unit, spur = row.unit, row.spur
    fields = (
        str(unit.id),
        spur.state.value,
        unit.name,
        unit.site,
        spur.last_spur.isoformat() if spur.last_spur else "-",
        spur.next_due.isoformat() if spur.next_due else "-",
        str(unit.open_follow_ups),
        str(unit.overdue_follow_ups),
    )
    # A tab or line break typed into a name must not shift the columns of a script reading this.
    return "\t".join(" ".join(field.split()) for field in fields)


def run(args: argparse.Namespace) -> int:
    today = date.today()
    given = {"interval_years": args.interval, "warn_months": args.warn_months}
    rules = DueRules(**{name: value for name, value in given.items() if value is not None})
    with Library.open(existing_library(args), read_only=True) as library:
        rows = due_list(library.list_units(today=today), today, rules, due_only=args.due)
    if args.csv or args.docx:
        from spurdesk.report.followup import export_due_csv, export_due_docx

        if args.csv:
            export_due_csv(rows, Path(args.csv).expanduser())
        if args.docx:
            export_due_docx(rows, Path(args.docx).expanduser(), today)
        return 0
    for row in rows:
        sys.stdout.write(format_line(row) + "\n")
    return 0
