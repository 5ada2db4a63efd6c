"""`spurdesk demo --out PATH`: a new library holding the demo inspection (the seed report)."""

from __future__ import annotations

import argparse
from pathlib import Path

from spurdesk.library import Library


def run(args: argparse.Namespace) -> int:
    target = Path(args.out).expanduser()
    # Library.create_demo refuses an existing file with a message naming it.
    with Library.create_demo(target) as library:
        count = len(library.list_inspections())
    print(f"Demobiblioteket {target} är skapat med {count} inspektion.")
    return 0
