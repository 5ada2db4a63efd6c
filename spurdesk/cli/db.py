"""`spurdesk db upgrade [URL]` and `spurdesk db status [URL]`: the office server's schema.

The app never changes the schema of a shared server it opens (others may still run an older
spurdesk), so creating it in a new, empty database and upgrading it after installing a newer
spurdesk are deliberate steps of whoever looks after the server (docs/server.md). URL defaults
to --library or $SPURDESK_LIBRARY; its password comes from the URL, the keyring (a connection
saved in Inställningar), or libpq's .pgpass and service file. Every address printed is masked.
"""

from __future__ import annotations

import argparse
import sys

from spurdesk.cli.listing import library_location
from spurdesk.library import (
    LibraryError,
    ServerSchema,
    display_location,
    server_schema,
    upgrade_server,
)
from spurdesk.library.storage.files import is_url
from spurdesk.library.storage.migrate import SchemaState

_STATES = {
    SchemaState.CURRENT: "aktuellt för den här versionen av spurdesk",
    SchemaState.OLDER: "äldre än den här versionen; uppgradera med spurdesk db upgrade",
    SchemaState.NEWER: "nyare än den här versionen; installera den senaste versionen av spurdesk",
    SchemaState.EMPTY: "inget spurdesk-bibliotek än; skapa det med spurdesk db upgrade",
}


def describe(schema: ServerSchema) -> str:
    revision = schema.revision or "–"
    if schema.foreign:
        return f"schema {revision}: ett annat programs tabeller, inget spurdesk-bibliotek"
    return f"schema {revision}: {_STATES[schema.state]}"


def run(args: argparse.Namespace) -> int:
    location = args.url or library_location(args)
    if not is_url(location):
        raise LibraryError(
            f"spurdesk db gäller kontorets server, och {location} är en fil. Ange serverns "
            "adress: spurdesk db status postgresql://användare@server/databas. En biblioteksfil "
            "uppgraderas av sig själv när spurdesk öppnar den."
        )
    where = display_location(location)
    if args.db_action == "status":
        schema = server_schema(location)
        sys.stdout.write(f"{where}: {describe(schema)}\n")
        return 0 if schema.state is SchemaState.CURRENT and not schema.foreign else 1
    before, after = upgrade_server(location)
    if before.state is SchemaState.CURRENT:
        sys.stdout.write(f"{where}: redan aktuellt ({describe(after)}); inget ändrat\n")
    else:
        sys.stdout.write(
            f"{where}: {'skapat' if before.state is SchemaState.EMPTY else 'uppgraderat'} "
            f"från schema {before.revision or '–'} till {after.revision}\n"
        )
    return 0
