"""The `spurdesk` command: bare, it opens the desktop app; subcommands work headless.

Each subcommand's handler lives in its own module under spurdesk/commands and is imported only when
that subcommand runs, so `spurdesk --version` and the GUI start stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from spurdesk import __version__
from spurdesk.errors import SpurdeskError
from spurdesk.outputs import REPORTS

# subcommand → module in spurdesk.commands providing `run(args) -> int`
_HANDLERS = {
    "criteria": "spurdesk.cli.criteria",
    "demo": "spurdesk.cli.demo",
    "list": "spurdesk.cli.listing",
    "units": "spurdesk.cli.units",
    "export": "spurdesk.cli.export",
    "self-check": "spurdesk.cli.selfcheck",
    "share": "spurdesk.cli.share",
    "merge": "spurdesk.cli.merge",
    "sync": "spurdesk.cli.sync",
    "db": "spurdesk.cli.db",
}


def _add_library_option(parser: argparse.ArgumentParser, *, inherited: bool = False) -> None:
    # A subcommand's own --library must not reset one given before the subcommand.
    parser.add_argument(
        "--library",
        metavar="PATH|URL",
        default=argparse.SUPPRESS if inherited else None,
        help=(
            "the library: a file, or the office server as postgresql://USER@HOST/DATABASE "
            "(default: $SPURDESK_LIBRARY or the user's data folder)"
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spurdesk",
        usage="%(prog)s [FILE.spur | options] [COMMAND ...]",
        description=(
            "SPUR inspections of ST training units. Without a command: open the app; "
            "with a .spur package from the inspectors: complete its action plan (unit mode)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"spurdesk {__version__}")
    _add_library_option(parser)
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a fresh temporary demo library"
    )
    parser.add_argument(
        "--lang", choices=["sv", "en"], help="interface language (default: system or settings)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser(
        "criteria", help="list the criteria sets found and any file that could not be loaded"
    )

    demo = commands.add_parser("demo", help="write a library holding the demo inspection")
    demo.add_argument("--out", required=True, metavar="PATH", help="the library file to create")

    listing = commands.add_parser("list", help="one line per inspection: id, unit, specialty, …")
    _add_library_option(listing, inherited=True)

    units = commands.add_parser(
        "units", help="the register of units: last and next SPUR, deficiency follow-ups"
    )
    _add_library_option(units, inherited=True)
    units.add_argument(
        "--due", action="store_true", help="only units overdue, due soon or never inspected"
    )
    units.add_argument("--csv", metavar="FILE", help="write the list as CSV instead of printing")
    units.add_argument("--docx", metavar="FILE", help="write the list as a Word document")
    units.add_argument("--interval", type=int, metavar="YEARS", help="years between SPURs (5)")
    units.add_argument(
        "--warn-months", type=int, metavar="N", help="'due soon' within N months (6)"
    )

    export = commands.add_parser("export", help="export reports as Word or PDF")
    _add_library_option(export, inherited=True)
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--inspection", type=int, metavar="ID", help="the inspection's id")
    which.add_argument("--all", action="store_true", help="every inspection of the library")
    export.add_argument("--format", choices=list(REPORTS), default="docx", help="default: docx")
    export.add_argument("--out", metavar="FILE", help="the file to write (with --inspection)")
    export.add_argument("--out-dir", metavar="DIR", help="the folder to write into (with --all)")

    share = commands.add_parser("share", help="write a copy of an inspection for the co-inspector")
    _add_library_option(share, inherited=True)
    share.add_argument("--inspection", type=int, required=True, metavar="ID")
    share.add_argument("--out", required=True, metavar="FILE.spur", help="the copy to write")

    merge = commands.add_parser(
        "merge", help="take in the co-inspector's copy (adds the inspection if it is new)"
    )
    _add_library_option(merge, inherited=True)
    merge.add_argument("file", metavar="FILE.spur", help="the copy received")
    merge.add_argument(
        "--dry-run", action="store_true", help="print the changes and conflicts, write nothing"
    )
    merge.add_argument(
        "--prefer",
        choices=["mine", "theirs"],
        help="settle every conflict with this side's value (otherwise conflicts are refused)",
    )

    sync = commands.add_parser(
        "sync", help="sync the library with the office's (sends, fetches and merges inspections)"
    )
    _add_library_option(sync, inherited=True)
    sync.add_argument(
        "office",
        metavar="OFFICE_URL",
        help="the office's library: postgresql+psycopg://… or a file",
    )
    sync.add_argument(
        "--dry-run", action="store_true", help="print what would change, write nothing"
    )
    sync.add_argument(
        "--prefer",
        choices=["mine", "theirs"],
        help="settle every conflict with this side's value (otherwise such inspections wait)",
    )
    sync.add_argument(
        "--inspector",
        metavar="NAME",
        help="also fetch the office's inspections listing NAME among their inspectors",
    )

    db = commands.add_parser("db", help="the office server's schema: status, create or upgrade")
    db_actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    for name, help_text in (
        ("status", "print the server's schema revision and whether it needs an upgrade"),
        ("upgrade", "create spurdesk's schema in an empty database, or upgrade an older one"),
    ):
        db_action = db_actions.add_parser(name, help=help_text)
        _add_library_option(db_action, inherited=True)
        db_action.add_argument(
            "url",
            nargs="?",
            metavar="URL",
            help="postgresql://USER@HOST/DATABASE (default: --library or $SPURDESK_LIBRARY)",
        )

    commands.add_parser(
        "self-check", help="load criteria, build the demo, export and verify it; exit 0 when sound"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # A package opened from the file manager or an e-mail comes as the first argument.
    package = arguments.pop(0) if arguments and arguments[0].lower().endswith(".spur") else None
    parser = build_parser()
    args = parser.parse_args(arguments)
    try:
        if package is not None or args.command is None:
            if package is not None and args.command is not None:
                parser.error("a .spur package opens the app; it cannot go with a command")
            # Before Qt: a missing system library (libxcb-cursor0) is named with its package,
            # not left to Qt's cryptic platform-plugin error.
            from spurdesk.display_check import report_missing

            if report_missing():
                return 1
        if package is not None:
            from spurdesk.exchange.coinspector import is_copy

            if is_copy(Path(package)):  # the co-inspector's copy: the app on the own library
                from spurdesk.ui.app import run_app

                args.receive = Path(package)
                return run_app(args)
            from spurdesk.ui.app import run_unit_mode

            return run_unit_mode(Path(package), args)
        if args.command is None:
            from spurdesk.ui.app import run_app

            return run_app(args)
        handler = importlib.import_module(_HANDLERS[args.command])
        return int(handler.run(args))
    except SpurdeskError as error:
        print(f"spurdesk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
