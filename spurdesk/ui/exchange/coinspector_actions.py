"""The co-inspector's copy through the menus: Medinspektör → Skicka till medinspektör… and
→ Ta emot kopia… in an inspection window, and Arkiv → Ta emot kopia från medinspektör… in the
start view (which also adds an inspection the library does not hold yet).

Each entry point takes an optional path (tests pass one; menus let the user choose) and shows a
refused copy as an error dialog; nothing is written then. Merging into an inspection the library
holds is previewed first (`MergeDialog`) and applied as one undoable step on that inspection's
stack; adding an inspection is, like creating one, not undoable, and asked about first.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from spurdesk.errors import SpurdeskError
from spurdesk.exchange.coinspector import (
    MergePlan,
    apply_plan,
    merge_summary,
    plan_merge,
    read_copy,
    send_copy,
)
from spurdesk.exchange.merge import resolve
from spurdesk.exchange.merge_document import document_of, record_of
from spurdesk.outputs import OUTPUTS
from spurdesk.ui import dialogs
from spurdesk.ui.exchange import file_dialogs
from spurdesk.ui.exchange.merge_dialog import Choices, MergeDialog
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.undo import merge_copy_command

# lupdate reads `translate("coinspector", "…")` with both strings spelled out.
translate = QCoreApplication.translate


class PreviewOutdatedError(SpurdeskError):
    """The inspection changed while its merge preview was open; the preview no longer fits."""


def _name_filter() -> str:
    return translate("coinspector", "Kopia för medinspektör (*.spur)")


# sending -------------------------------------------------------------------------------------


def send_to_coinspector(
    parent: QWidget | None, session: LibrarySession, inspection_id: int, path: Path | None = None
) -> Path | None:
    """ "Skicka till medinspektör": the whole inspection as a copy, sent as `library.actor`."""
    try:
        if path is None:
            inspection = session.library.get_inspection(inspection_id)
            path = file_dialogs.save_path(
                parent,
                translate("coinspector", "Skicka till medinspektör"),
                OUTPUTS["copy"].file_name(inspection),
                _name_filter(),
            )
            if path is None:
                return None
        chosen = path
        return session.call(
            inspection_id,
            lambda library: send_copy(library, inspection_id, chosen, library.actor),
        )
    except SpurdeskError as error:
        dialogs.show_error(parent, error, translate("coinspector", "Kopian kunde inte skapas"))
        return None


# receiving -----------------------------------------------------------------------------------


def _plan(
    parent: QWidget | None,
    session: LibrarySession,
    path: Path | None,
    expected_inspection_id: int | None = None,
) -> MergePlan | None:
    """Read the chosen copy and plan its merge; a refused copy is shown and gives None."""
    if path is None:
        path = file_dialogs.open_path(
            parent, translate("coinspector", "Ta emot kopia från medinspektör"), _name_filter()
        )
        if path is None:
            return None
    try:
        session.flush()  # the plan compares with everything typed so far
        copy = read_copy(path)
        return plan_merge(session.library, copy, expected_inspection_id=expected_inspection_id)
    except SpurdeskError as error:
        dialogs.show_error(parent, error, translate("coinspector", "Kopian kan inte tas emot"))
        return None


def receive_into(
    parent: QWidget | None,
    session: LibrarySession,
    inspection_id: int,
    path: Path | None = None,
    location: Hashable | None = None,
) -> MergeDialog | None:
    """ "Ta emot kopia…" in an inspection window: a copy of that inspection only, previewed."""
    plan = _plan(parent, session, path, inspection_id)
    return None if plan is None else preview(parent, session, plan, location)


def receive_copy(
    parent: QWidget | None,
    session: LibrarySession,
    open_inspection: Callable[[int], object],
    path: Path | None = None,
) -> MergeDialog | int | None:
    """ "Ta emot kopia från medinspektör…" in the start view: a copy of an inspection the library
    lacks is added (after asking) and opened, the id returned; for one it holds, the preview
    (the inspection opens once the merge is applied)."""
    plan = _plan(parent, session, path)
    if plan is None:
        return None
    if not plan.adds_inspection:
        dialog = preview(parent, session, plan)
        inspection_id = plan.inspection_id
        assert inspection_id is not None
        dialog.accepted.connect(lambda: open_inspection(inspection_id))
        return dialog
    copy = plan.copy
    if not dialogs.confirm(
        parent,
        translate("coinspector", "Ta emot inspektion"),
        translate(
            "coinspector",
            "Kopian från %1 innehåller inspektionen %2, som inte finns i biblioteket.",
        )
        .replace("%1", copy.sender)
        .replace("%2", copy.record.title),
        translate("coinspector", "Lägg till inspektionen"),
        translate(
            "coinspector",
            "Den blir samma inspektion som medinspektörens, så att era kopior kan slås ihop "
            "när ni skickar dem till varandra.",
        ),
    ):
        return None
    try:
        added = session.call(None, lambda library: apply_plan(library, plan))
    except SpurdeskError as error:
        dialogs.show_error(parent, error, translate("coinspector", "Kopian kan inte tas emot"))
        return None
    open_inspection(added)
    return added


def preview(
    parent: QWidget | None,
    session: LibrarySession,
    plan: MergePlan,
    location: Hashable | None = None,
) -> MergeDialog:
    """The merge preview, window-modal; applying it merges as one undoable step."""
    dialog = MergeDialog(
        plan,
        session.library.actor,
        lambda choices: merge_copy(session, plan, choices, location),
        parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


def merge_copy(
    session: LibrarySession,
    plan: MergePlan,
    choices: Choices,
    location: Hashable | None = None,
) -> None:
    """Apply a planned merge with the inspector's choices: one step on the inspection's undo
    stack (undone, the copy is forgotten and can be merged again). A copy bringing nothing new
    is only remembered, which needs no undo."""
    inspection_id = plan.inspection_id
    if inspection_id is None:
        raise ValueError("merge_copy needs a plan for an inspection the library holds")
    if plan.result is None or plan.changes_nothing:
        session.call(inspection_id, lambda library: apply_plan(library, plan))
        return
    assert plan.local is not None
    session.flush()
    if document_of(session.library.get_inspection(inspection_id)) != document_of(plan.local):
        raise PreviewOutdatedError(
            translate(
                "coinspector",
                "Inspektionen har ändrats sedan förhandsvisningen öppnades. Avbryt och ta emot "
                "kopian igen.",
            )
        )
    merged = record_of(resolve(plan.result, choices), plan.local)
    command = merge_copy_command(
        session,
        inspection_id,
        plan.local,
        merged,
        plan.copy.version(),
        merge_summary(plan),
    )
    command.location = location
    session.push(inspection_id, command)
