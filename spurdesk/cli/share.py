"""`spurdesk share`: a copy of an inspection for the co-inspector.

    spurdesk share --library L --inspection ID --out FILE.spur

The copy is remembered in the library as a shared version: when the co-inspector's copy comes
back, the merge starts from it (see docs/collaboration.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spurdesk.cli.listing import existing_library
from spurdesk.errors import SpurdeskError


class ShareCommandError(SpurdeskError):
    """The share command's arguments name something missing."""


def run(args: argparse.Namespace) -> int:
    from spurdesk.exchange.coinspector import send_copy
    from spurdesk.library import Library

    target = Path(args.out).expanduser()
    if target.suffix.lower() != ".spur":
        raise ShareCommandError(f"{target}: en kopia till medinspektören ska sluta på .spur.")
    with Library.open(existing_library(args), create=False) as library:
        written = send_copy(library, args.inspection, target, library.actor)
    print(written)
    return 0
