"""`spurdesk sync`: sync the laptop's library with the office's (docs/collaboration.md).

    spurdesk sync OFFICE_URL [--library L] [--dry-run] [--prefer mine|theirs] [--inspector NAME]

Every inspection of the library is sent to or merged with the office's; the office's inspections
listing NAME among their inspectors come down. Without a window to choose in, an inspection with
conflicts is left as it is on both sides (the others are synced) unless --prefer says whose value
wins. The office is reached first: when it cannot be, the laptop's library is not even opened.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from spurdesk.cli.listing import existing_library
from spurdesk.errors import SpurdeskError
from spurdesk.exchange.coinspector import MergePlan
from spurdesk.exchange.merge import Choice, Path, Resolution
from spurdesk.exchange.merge_text import change_line, conflict_line
from spurdesk.exchange.office_sync import Outcome, Resolver, SyncReport, sync_with_office
from spurdesk.library import Library


class SyncCommandError(SpurdeskError):
    """The office cannot be reached, or some inspections were not synced."""


def run(args: argparse.Namespace) -> int:
    location = existing_library(args)  # a mistyped laptop path is refused before the network
    try:
        office = Library.open(args.office, read_only=args.dry_run, create=False)
    except SpurdeskError as error:
        raise SyncCommandError(
            f"Kontorets bibliotek kunde inte nås: {error} "
            "Biblioteket på den här datorn har inte ändrats."
        ) from error
    resolver = None if args.prefer is None else preferring(Choice(args.prefer))
    with office, Library.open(location, read_only=args.dry_run) as laptop:
        try:
            report = sync_with_office(
                laptop,
                office,
                actor=laptop.actor,
                inspector=args.inspector,
                resolve_conflicts=resolver,
                dry_run=args.dry_run,
            )
        except SpurdeskError as error:
            raise SyncCommandError(
                f"Synkroniseringen avbröts: {error} Det som hann synkroniseras är sparat på båda "
                "sidor; synkronisera igen när kontoret kan nås."
            ) from error
    for line in report_lines(report):
        print(line)
    refused = report.of(Outcome.CONFLICT, Outcome.FAILED)
    if refused and not args.dry_run:
        advice = (
            " Välj med --prefer mine eller --prefer theirs, eller synkronisera i appen."
            if report.conflicts
            else ""
        )
        raise SyncCommandError(
            f"{len(refused)} inspektioner synkroniserades inte; inget har ändrats för dem.{advice}"
        )
    return 0


def preferring(choice: Choice) -> Resolver:
    """Every conflict settled with one side's value (--prefer)."""

    def settle(plan: MergePlan) -> Mapping[Path, Resolution]:
        conflicts = plan.result.conflicts if plan.result is not None else ()
        return {conflict.path: choice for conflict in conflicts}

    return settle


def report_lines(report: SyncReport) -> list[str]:
    """What the sync did (or, dry, would do), one line per inspection that is not unchanged,
    the changes it brings to this library indented under it, and a count at the end."""
    heads = {
        Outcome.SENT: "skickas till kontoret" if report.dry_run else "skickad till kontoret",
        Outcome.FETCHED: "hämtas från kontoret" if report.dry_run else "hämtad från kontoret",
        Outcome.MERGED: "synkroniseras" if report.dry_run else "synkroniserad",
        Outcome.CONFLICT: "konflikt, synkroniseras inte",
        Outcome.SKIPPED: "överhoppad",
        Outcome.FAILED: "misslyckades",
    }
    lines: list[str] = []
    for item in report.items:
        if item.outcome is Outcome.UNCHANGED:
            continue
        lines.append(f"{heads[item.outcome]}: {item.title}")
        if item.message:
            lines.append(f"  {item.message}")
        if item.outcome is Outcome.CONFLICT and item.plan and item.plan.result:
            lines.extend(
                f"  konflikt: {conflict_line(c, 'på kontoret')}" for c in item.plan.result.conflicts
            )
        lines.extend(f"  ändras här: {change_line(c)}" for c in item.here)
        lines.extend(f"  ändras på kontoret: {change_line(c)}" for c in item.there)
    counts = ", ".join(
        f"{len(report.of(outcome))} {outcome.value}" for outcome in Outcome if report.of(outcome)
    )
    done = "Provkörning mot" if report.dry_run else "Synkroniserat med"
    lines.append(f"{done} {report.office}: {counts or 'inga inspektioner'}.")
    if report.dry_run:
        lines.append("Inget har skrivits.")
    return lines
