"""The three-way merge of two inspectors' copies of one inspection (see docs/collaboration.md).

`merge(base, mine, theirs)` compares both sides with the last version they had in common, field by
field, on the merge documents of `merge_document`:
- a field changed on one side only takes that side's value;
- free text changed on both sides merges paragraph by paragraph (`merge3`, the three-way merge
  of Breezy/Bazaar) where the changes do not overlap, and is a conflict where they do;
- any other field changed to different values on both sides is a conflict;
- a row added on one side is added; removed on one side and untouched on the other, removed;
  removed on one side and changed on the other, a conflict;
- the order of each list merges as a sequence (merge3 again); where both sides reordered the same
  stretch, its rows are put in one fixed order, the same whichever side merges, and reported.
Conflicts start out resolved as `mine`; `resolve` applies the inspector's choices. Nothing here
reads or writes a library: the result is a document and a description of what changed.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from merge3 import Merge3

from spurdesk.exchange.merge_document import ROW_KINDS, TEXT_FIELDS, Document

#: Where a value lives in a document: ("sections", "E", "findings"), ("actions", uid, "due"),
#: ("actions", uid) for a whole row, ("facts", "status"), ("order", "summary").
Path = tuple[str, ...]

_MISSING = object()  # a row that does not exist on one side


class ConflictKind(StrEnum):
    VALUE = "value"  # a grade, a status, a date: two different values
    TEXT = "text"  # free text whose changes overlap
    REMOVED = "removed"  # a row removed on one side and changed on the other


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class Edited:
    """A conflict resolved by the inspector's own wording (a combination of both texts)."""

    text: str


Resolution = Choice | Edited


@dataclass(frozen=True)
class Change:
    """What the received copy changes here: the local value becomes `after`."""

    path: Path
    before: Any  # the local value (None for a row added)
    after: Any  # the merged value (None for a row removed)


@dataclass(frozen=True)
class Conflict:
    path: Path
    kind: ConflictKind
    base: Any
    mine: Any  # None for a row removed here
    theirs: Any  # None for a row removed there


@dataclass(frozen=True)
class MergeResult:
    document: Document  # conflicts resolved as MINE
    changes: tuple[Change, ...]
    conflicts: tuple[Conflict, ...]
    #: Lists both sides reordered in the same stretch (put in a fixed order, not lost).
    reordered: tuple[str, ...] = ()
    #: Each list's merged order including rows in conflict, so a row a conflict brings back
    #: returns to its place.
    full_order: Mapping[str, Sequence[str]] = field(default_factory=dict)
    merged_text: Mapping[Path, str] = field(default_factory=dict)  # texts merged paragraph-wise

    @property
    def is_noop(self) -> bool:
        return not self.changes and not self.conflicts


# --- values -----------------------------------------------------------------------------------


def merge_text(base: str, mine: str, theirs: str) -> str | None:
    """Both sides' changes to a text, paragraph by paragraph; None where they overlap."""
    groups = Merge3(
        base.splitlines(keepends=True),
        mine.splitlines(keepends=True),
        theirs.splitlines(keepends=True),
    ).merge_groups()
    merged: list[str] = []
    for group in groups:
        if group[0] == "conflict":
            return None
        merged.extend(group[1])
    return "".join(merged)


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Conflict] = []
        self.reordered: list[str] = []
        self.merged_text: dict[Path, str] = {}

    def value(self, path: Path, field_name: str, base: Any, mine: Any, theirs: Any) -> Any:
        if mine == theirs or theirs == base:
            return mine
        if mine == base:
            return theirs
        if field_name in TEXT_FIELDS and all(isinstance(v, str) for v in (base, mine, theirs)):
            merged = merge_text(base, mine, theirs)
            if merged is not None:
                self.merged_text[path] = merged
                return merged
            self.conflicts.append(Conflict(path, ConflictKind.TEXT, base, mine, theirs))
            return mine
        self.conflicts.append(Conflict(path, ConflictKind.VALUE, base, mine, theirs))
        return mine

    def fields(
        self, path: Path, base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping
    ) -> dict[str, Any]:
        names = dict.fromkeys([*mine, *theirs])
        return {
            name: self.value((*path, name), name, base.get(name), mine.get(name), theirs.get(name))
            for name in names
        }

    def rows(self, kind: str, base: Mapping, mine: Mapping, theirs: Mapping) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for uid in dict.fromkeys([*mine, *theirs, *base]):
            old = base.get(uid, _MISSING)
            here = mine.get(uid, _MISSING)
            there = theirs.get(uid, _MISSING)
            if here is not _MISSING and there is not _MISSING:
                merged[uid] = self.fields(
                    (kind, uid), old if old is not _MISSING else {}, here, there
                )
            elif here is not _MISSING:  # there: removed, or never had it
                if old is _MISSING:
                    merged[uid] = here  # added here
                elif here != old:
                    self.conflicts.append(
                        Conflict((kind, uid), ConflictKind.REMOVED, old, here, None)
                    )
                    merged[uid] = here
            elif there is not _MISSING:  # here: removed, or never had it
                if old is _MISSING:
                    merged[uid] = there  # added there
                elif there != old:
                    self.conflicts.append(
                        Conflict((kind, uid), ConflictKind.REMOVED, old, None, there)
                    )
        return merged

    def order(
        self,
        kind: str,
        base: Sequence[str],
        mine: Sequence[str],
        theirs: Sequence[str],
        kept: Collection[str],
    ) -> list[str]:
        sequence: list[str] = []
        for group in Merge3(list(base), list(mine), list(theirs)).merge_groups():
            if group[0] == "conflict":
                stretch = dict.fromkeys([*group[2], *group[3]])
                sequence.extend(sorted(stretch))  # a fixed order, whichever side merges
                self.reordered.append(kind)
            else:
                sequence.extend(group[1])
        ordered = [uid for uid in dict.fromkeys(sequence) if uid in kept]
        for uid in sorted(set(kept) - set(ordered)):  # a row one side removed, kept in conflict
            side = theirs if uid in theirs else mine
            before = side[: side.index(uid)] if uid in side else []
            anchors = [ordered.index(u) for u in before if u in ordered]
            ordered.insert(max(anchors) + 1 if anchors else 0, uid)
        return ordered


def merge(base: Document, mine: Document, theirs: Document) -> MergeResult:
    """Merge `theirs` into `mine`, both descended from `base` (all of one inspection)."""
    merger = _Merger()
    document: Document = {
        "uid": mine["uid"],
        "criteria_set": mine["criteria_set"],
        "facts": merger.fields(("facts",), base["facts"], mine["facts"], theirs["facts"]),
        "sections": _keyed(merger, "sections", base, mine, theirs),
        "criteria": _keyed(merger, "criteria", base, mine, theirs),
    }
    document["order"] = {}
    full_order: dict[str, list[str]] = {}
    for kind in ROW_KINDS:
        document[kind] = merger.rows(kind, base[kind], mine[kind], theirs[kind])
        disputed = {c.path[1] for c in merger.conflicts if c.path[0] == kind and len(c.path) == 2}
        full_order[kind] = merger.order(
            kind,
            base["order"][kind],
            mine["order"][kind],
            theirs["order"][kind],
            {*document[kind], *disputed},
        )
        document["order"][kind] = [uid for uid in full_order[kind] if uid in document[kind]]
    return MergeResult(
        document=document,
        changes=tuple(differences(mine, document)),
        conflicts=tuple(merger.conflicts),
        reordered=tuple(merger.reordered),
        full_order=full_order,
        merged_text=merger.merged_text,
    )


def _keyed(merger: _Merger, kind: str, base: Document, mine: Document, theirs: Document) -> dict:
    """Sections and criteria: fixed by the criteria set, so never added or removed."""
    keys = dict.fromkeys([*mine[kind], *theirs[kind]])
    return {
        key: merger.fields(
            (kind, key), base[kind].get(key, {}), mine[kind].get(key, {}), theirs[kind].get(key, {})
        )
        for key in keys
    }


def differences(before: Document, after: Document) -> list[Change]:
    """Every value, row and order that differs between two documents of one inspection."""
    changes: list[Change] = []
    for name in after["facts"]:
        if before["facts"].get(name) != after["facts"][name]:
            changes.append(Change(("facts", name), before["facts"].get(name), after["facts"][name]))
    for kind in ("sections", "criteria", *ROW_KINDS):
        old_rows, new_rows = before[kind], after[kind]
        for key in dict.fromkeys([*old_rows, *new_rows]):
            old, new = old_rows.get(key), new_rows.get(key)
            if old is None or new is None:
                if old != new:
                    changes.append(Change((kind, key), old, new))
                continue
            for name in dict.fromkeys([*old, *new]):
                if old.get(name) != new.get(name):
                    changes.append(Change((kind, key, name), old.get(name), new.get(name)))
    for kind in ROW_KINDS:
        old_order = [uid for uid in before["order"][kind] if uid in after[kind]]
        new_order = [uid for uid in after["order"][kind] if uid in before[kind]]
        if old_order != new_order:
            changes.append(Change(("order", kind), before["order"][kind], after["order"][kind]))
    return changes


def resolve(result: MergeResult, choices: Mapping[Path, Resolution]) -> Document:
    """The document with each conflict resolved: MINE (as merged), THEIRS, or an edited text."""
    document = copy.deepcopy(result.document)
    for conflict in result.conflicts:
        choice = choices.get(conflict.path, Choice.MINE)
        if choice is Choice.MINE:
            continue
        value = conflict.theirs if choice is Choice.THEIRS else choice.text
        if conflict.kind is ConflictKind.REMOVED:
            kind, uid = conflict.path
            if value is None:
                document[kind].pop(uid, None)
            else:
                document[kind][uid] = value
            order = result.full_order.get(kind, document["order"][kind])
            document["order"][kind] = [u for u in order if u in document[kind]]
            continue
        *where, name = conflict.path
        target = document
        for key in where:
            target = target[key]
        target[name] = value
    return document
