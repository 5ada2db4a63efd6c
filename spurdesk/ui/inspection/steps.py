"""Where an undo step's effect is seen: the window goes there after Ångra / Gör om."""

from __future__ import annotations

from spurdesk.model.criteria import CriteriaSet
from spurdesk.ui import undo
from spurdesk.ui.inspection.navigation import PAGE_KEYS, NodeKind

_TEXT_PAGES = {"summary": NodeKind.RESULT, "action": NodeKind.ACTION_PLAN}
_COMMAND_PAGES: tuple[tuple[NodeKind, tuple[type, ...]], ...] = (
    (
        NodeKind.RESULT,
        (
            undo.AddSummaryItemCommand,
            undo.MoveSummaryItemCommand,
            undo.RemoveSummaryItemCommand,
        ),
    ),
    (
        NodeKind.ACTION_PLAN,
        (
            undo.AddActionItemCommand,
            undo.EditActionItemCommand,
            undo.RemoveActionItemCommand,
            undo.SyncActionItemsCommand,
        ),
    ),
    (
        NodeKind.OVERVIEW,
        (
            undo.UpdateInspectionCommand,
            undo.SetInspectorsCommand,
            undo.SetParticipantsCommand,
            undo.SetStatusCommand,
        ),
    ),
)


def step_location(command: object, criteria: CriteriaSet) -> tuple[NodeKind, str] | None:
    """The navigation node whose page shows what `command` changes (None if unknown)."""
    if isinstance(command, undo.TextCommand):
        kind = command.key[0]
        if kind in _TEXT_PAGES:
            return _TEXT_PAGES[kind], PAGE_KEYS[_TEXT_PAGES[kind]]
        if kind == "criterion_note":
            return NodeKind.SECTION, criteria.section_of(command.key[2]).id
        return NodeKind.SECTION, command.key[2]  # findings, justification
    if isinstance(command, undo.SetCriterionStatusCommand):
        return NodeKind.SECTION, criteria.section_of(command.criterion_id).id
    if isinstance(command, (undo.SetGradeCommand, undo.ReviseGradeCommand)):
        return NodeKind.SECTION, command.section_id
    for node, types in _COMMAND_PAGES:
        if isinstance(command, types):
            return node, PAGE_KEYS[node]
    return None
