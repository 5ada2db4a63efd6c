"""Typing: editor text staged in memory under a typed key and written by the autosave's flush."""

from __future__ import annotations

from sqlalchemy.orm import Session

from spurdesk.library.core import LibraryCore
from spurdesk.library.errors import LibraryError, ReadOnlyLibraryError
from spurdesk.library.storage import checks
from spurdesk.library.text_keys import (
    TEXT_KEY_TYPES,
    ActionTextKey,
    CriterionNoteKey,
    FindingsKey,
    JustificationKey,
    SummaryTextKey,
    TextKey,
)
from spurdesk.model.action_fields import AUTOSAVED_FIELDS


class StagingVerbs(LibraryCore):
    def stage_text(self, key: TextKey, text: str) -> None:
        """Keep typed text in memory until `flush()`; the key is checked now, so a bad key fails
        at once rather than in the autosave."""
        self._require_open()
        if self.read_only:
            raise ReadOnlyLibraryError(
                f"Biblioteket {self.location} är öppnat skrivskyddat; texten sparas inte."
            )
        if not isinstance(key, TEXT_KEY_TYPES):
            raise LibraryError(f"Okänd textnyckel {key!r}; texten kan inte sparas.")
        text = checks.text(text, "Texten")
        if key not in self._staged:  # checked when first staged, not on every keystroke
            with self._database_errors(), self._sessions() as session:
                self._check_text_key(session, key)
        self._staged[key] = text

    def _check_text_key(self, session: Session, key: TextKey) -> None:
        """The key's target exists and may be written (its inspection is not in the trash)."""
        match key:
            case FindingsKey(inspection_id, section_id) | JustificationKey(
                inspection_id, section_id
            ):
                self._section(self._inspection_row(session, inspection_id), section_id)
            case CriterionNoteKey(inspection_id, criterion_id):
                self._section_of_criterion(
                    self._inspection_row(session, inspection_id), criterion_id
                )
            case SummaryTextKey(item_id):
                self._summary_row(session, item_id)
            case ActionTextKey(item_id, field) if field in AUTOSAVED_FIELDS:
                self._action_row(session, item_id)
            case _:
                raise LibraryError(f"Okänd textnyckel {key!r}; texten kan inte sparas.")
