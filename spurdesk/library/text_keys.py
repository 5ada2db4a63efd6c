"""The keys under which typed editor text is staged until the autosave writes it.

One small frozen class per kind of text, so the autosave and the checks dispatch on the type
rather than on the first item of a bare tuple. Frozen dataclasses rather than NamedTuples: two
NamedTuples of the same shape compare (and hash) equal, so the findings and the justification of
one section would share a staging slot.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FindingsKey:
    """A section's findings (iakttagelser)."""

    inspection_id: int
    section_id: str


@dataclass(frozen=True, slots=True)
class JustificationKey:
    """Why a section's grade differs from the suggested one."""

    inspection_id: int
    section_id: str


@dataclass(frozen=True, slots=True)
class CriterionNoteKey:
    """The inspectors' note on one criterion."""

    inspection_id: int
    criterion_id: str


@dataclass(frozen=True, slots=True)
class SummaryTextKey:
    """The text of one summary item (styrka, svaghet, förbättringspotential)."""

    item_id: int


@dataclass(frozen=True, slots=True)
class ActionTextKey:
    """One typed field (`model.action_fields.AUTOSAVED_FIELDS`) of a handlingsplan row."""

    item_id: int
    field: str


#: The text of one section-level field, keyed by inspection and section or criterion.
AssessmentTextKey = FindingsKey | JustificationKey | CriterionNoteKey
TextKey = AssessmentTextKey | SummaryTextKey | ActionTextKey
TEXT_KEY_TYPES: tuple[type, ...] = (
    FindingsKey,
    JustificationKey,
    CriterionNoteKey,
    SummaryTextKey,
    ActionTextKey,
)
