"""Verbs of the sakgranskning: the unit's comments, stored when its answer is imported, and the
inspectors' decision on each (accepting writes the findings in the same transaction)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spurdesk.library.core import LibraryCore, utc_now
from spurdesk.library.errors import LibraryError
from spurdesk.library.schema import FactCheckCommentRow, InspectionRow
from spurdesk.library.storage import checks, rows
from spurdesk.model.fact_check import CommentKind, Decision, FactComment, StoredComment
from spurdesk.model.inspection import InspectionStatus


def _record(row: FactCheckCommentRow) -> StoredComment:
    comment = FactComment(
        key=row.key,
        section_id=row.section_id,
        kind=CommentKind(row.kind),
        quote=row.quote,
        proposed=row.proposed,
        reason=row.reason,
    )
    return StoredComment(
        id=row.id,
        comment=comment,
        source=row.source,
        received_at=row.received_at,
        decision=Decision(row.decision) if row.decision else None,
        applied_text=row.applied_text,
        decision_reason=row.decision_reason,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
    )


class FactCheckVerbs(LibraryCore):
    def fact_check_comments(self, inspection_id: int) -> list[StoredComment]:
        """The unit's comments on the draft, in the order they came in."""
        with self._read() as session:
            self._inspection_row(session, inspection_id, editable=False)
            found = session.scalars(
                select(FactCheckCommentRow)
                .where(FactCheckCommentRow.inspection_id == inspection_id)
                .order_by(FactCheckCommentRow.id)
            )
            return [_record(row) for row in found]

    def undecided_comment_count(self, inspection_id: int) -> int:
        with self._read() as session:
            return _undecided(session, inspection_id)

    def add_fact_check_comments(
        self, inspection_id: int, comments: Sequence[FactComment], source: str
    ) -> list[int]:
        """Store the comments of an answer; one already stored (the same answer imported twice)
        is skipped, a known key with other content refused. One "import" audit event."""
        source = checks.text(source, "Svarets filnamn")
        added: list[int] = []
        with self._write() as session:
            row = self._inspection_row(session, inspection_id)
            stored = {
                r.key: _record(r)
                for r in session.scalars(
                    select(FactCheckCommentRow).where(
                        FactCheckCommentRow.inspection_id == inspection_id
                    )
                )
            }
            for comment in comments:
                self._section(row, comment.section_id)
                kind = checks.member(CommentKind, comment.kind, "Kommentarens typ")
                known = stored.get(comment.key)
                if known is not None:
                    if known.comment.same_content(comment):
                        continue
                    raise LibraryError(
                        f"Kommentaren {comment.key} finns redan med annat innehåll; "
                        "ingenting har importerats. Be verksamheten skicka ett nytt svar."
                    )
                new = FactCheckCommentRow(
                    inspection_id=row.id,
                    key=checks.text(comment.key, "Kommentarens nyckel")[:64],
                    section_id=comment.section_id,
                    kind=kind.value,
                    quote=checks.text(comment.quote, "Citat"),
                    proposed=checks.text(comment.proposed, "Föreslagen lydelse"),
                    reason=checks.text(comment.reason, "Skäl"),
                    source=source,
                    received_at=utc_now(),
                    applied_text="",
                    decision_reason="",
                    decided_by="",
                )
                session.add(new)
                session.flush()
                added.append(new.id)
                stored[comment.key] = _record(new)
            self._audit(
                session,
                row.id,
                "import",
                f"Sakgranskning importerad ur {source}: {len(added)} nya kommentarer, "
                f"{len(comments) - len(added)} redan kända.",
            )
        return added

    def decide_comment(
        self,
        comment_id: int,
        decision: Decision,
        *,
        findings: str | None = None,
        reason: str = "",
    ) -> None:
        """Accept (writing `findings` as the section's new text, when given) or reject (a
        reason is required); the decision, the text and the audit event in one transaction.
        A decision may be changed until the report is fastställd (the audit trail keeps each
        one); after that the record sent back to the unit must stay what it said."""
        decision = checks.member(Decision, decision, "Beslut")
        reason = checks.text(reason, "Motivering").strip()
        if decision is Decision.REJECTED and not reason:
            raise LibraryError(
                "Skriv varför kommentaren avvisas; skälet går tillbaka till verksamheten."
            )
        if findings is not None:
            findings = checks.text(findings, "Iakttagelser")
        with self._write() as session:
            comment = session.get(FactCheckCommentRow, comment_id)
            if not isinstance(comment_id, int) or comment is None:
                raise LibraryError(f"Kommentar {comment_id} finns inte i biblioteket.")
            row = self._inspection_row(session, comment.inspection_id)
            if row.status not in _OPEN_STATUSES:
                raise LibraryError(
                    f"Rapporten för {row.unit} är fastställd; sakgranskningens beslut kan inte "
                    "längre ändras."
                )
            if decision is Decision.ACCEPTED and findings is not None:
                self._section(row, comment.section_id)
                rows.section_row(session, row.id, comment.section_id).findings = findings
                self._touch(row)
            comment.decision = decision.value
            comment.applied_text = (findings or "") if decision is Decision.ACCEPTED else ""
            comment.decision_reason = reason
            comment.decided_by = self.actor
            comment.decided_at = utc_now()
            detail = (
                f"Kommentar till avsnitt {comment.section_id} ({comment.key}): {decision.value}"
            )
            if findings is not None and decision is Decision.ACCEPTED:
                detail += "; iakttagelserna ändrade"
            if reason:
                detail += f"; {reason}"
            self._audit(session, row.id, "sakgranskning", detail)


_OPEN_STATUSES = (InspectionStatus.DRAFT.value, InspectionStatus.FACT_CHECK.value)


def _undecided(session: Session, inspection_id: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(FactCheckCommentRow)
            .where(
                FactCheckCommentRow.inspection_id == inspection_id,
                FactCheckCommentRow.decision.is_(None),
            )
        )
        or 0
    )


def check_fact_check_done(session: Session, row: InspectionRow, override_reason: str) -> str:
    """Before sakgranskning → fastställd: every comment decided, or an override with a reason.
    Returns what the audit line adds (empty when nothing was overridden)."""
    open_count = _undecided(session, row.id)
    if not open_count:
        return ""
    if not override_reason.strip():
        raise LibraryError(
            f"{open_count} kommentar(er) från sakgranskningen saknar beslut. Godta eller avvisa "
            "dem under Sakgranskning → Granska kommentarer, eller fastställ ändå med ett skäl."
        )
    return (
        f"; fastställd ändå med {open_count} kommentar(er) utan beslut: {override_reason.strip()}"
    )
