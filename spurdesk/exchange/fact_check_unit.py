"""The unit's side of the sakgranskning: comments on a received draft, nothing else.

The draft itself never changes here: the unit adds, edits and removes its own comments, each
anchored to a section of the report and, when given, to a sentence the section's findings really
contain. The inspectors' import checks the same rules again.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.fact_check_package import (
    FactCheckPackage,
    answer_package,
    new_comment_key,
    read_fact_check,
    write_fact_check,
)
from spurdesk.exchange.text import checked_field
from spurdesk.model.fact_check import CommentKind, FactComment, quote_is_current
from spurdesk.model.inspection import Inspection


class FactCheckUnit:
    """An editable list of the unit's comments on a received draft."""

    def __init__(self, package: FactCheckPackage, source: Path | None = None) -> None:
        self._package = package
        self._comments = package.comments
        self.source = source
        self.modified = False

    @classmethod
    def open(cls, path: str | Path) -> FactCheckUnit:
        """Open the inspectors' package, or the unit's own saved draft or answer."""
        return cls(read_fact_check(path), Path(path))

    @property
    def inspection(self) -> Inspection:
        return self._package.inspection

    @property
    def package(self) -> FactCheckPackage:
        return self._package

    @property
    def comments(self) -> tuple[FactComment, ...]:
        return self._comments

    def comments_for(self, section_id: str) -> tuple[FactComment, ...]:
        return tuple(c for c in self._comments if c.section_id == section_id)

    def _checked(
        self, section_id: str, kind: CommentKind, quote: str, proposed: str, reason: str
    ) -> dict[str, object]:
        sections = {s.id: s for s in self.inspection.criteria.sections}
        if section_id not in sections:
            raise ExchangeError(f"Rapporten har inget avsnitt {section_id}.")
        where = sections[section_id].label
        quote = checked_field(quote, f"{where}, citat").strip()
        if not quote_is_current(quote, self.inspection.section(section_id).findings):
            raise ExchangeError(
                f"{where}: den citerade meningen finns inte i avsnittets text. Välj en mening ur "
                "texten, eller lämna citatet tomt för att kommentera hela avsnittet."
            )
        proposed = checked_field(proposed, f"{where}, föreslagen lydelse").strip()
        reason = checked_field(reason, f"{where}, skäl").strip()
        if not proposed and not reason:
            raise ExchangeError(
                f"{where}: skriv en föreslagen lydelse eller ett skäl; en tom kommentar sparas "
                "inte."
            )
        return {
            "section_id": section_id,
            "kind": CommentKind(kind),
            "quote": quote,
            "proposed": proposed,
            "reason": reason,
        }

    def add_comment(
        self,
        section_id: str,
        kind: CommentKind,
        *,
        quote: str = "",
        proposed: str = "",
        reason: str = "",
    ) -> FactComment:
        fields = self._checked(section_id, kind, quote, proposed, reason)
        comment = FactComment(key=new_comment_key(), **fields)  # type: ignore[arg-type]
        self._set((*self._comments, comment))
        return comment

    def update_comment(
        self, key: str, kind: CommentKind, *, quote: str = "", proposed: str = "", reason: str = ""
    ) -> FactComment:
        old = self.comment(key)
        fields = self._checked(old.section_id, kind, quote, proposed, reason)
        new = replace(old, **fields)  # type: ignore[arg-type]
        self._set(tuple(new if c.key == key else c for c in self._comments))
        return new

    def remove_comment(self, key: str) -> None:
        self.comment(key)
        self._set(tuple(c for c in self._comments if c.key != key))

    def comment(self, key: str) -> FactComment:
        for comment in self._comments:
            if comment.key == key:
                return comment
        raise ExchangeError(f"Sakgranskningen har ingen kommentar {key}.")

    def _set(self, comments: tuple[FactComment, ...]) -> None:
        self._comments = comments
        self.modified = True

    def save_draft(self, path: str | Path) -> Path:
        """Keep unfinished work: a package the unit reopens and the inspectors do not import."""
        written = write_fact_check(path, answer_package(self._package, self._comments, draft=True))
        self.modified = False
        return written

    def export_answer(self, path: str | Path) -> Path:
        """The answer for the inspectors; no comments at all is an answer too ("inga fel")."""
        written = write_fact_check(path, answer_package(self._package, self._comments))
        self.modified = False
        return written
