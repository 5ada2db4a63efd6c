"""Sakgranskning: the unit's comments on the draft report and the inspectors' decisions (pure).

A comment is anchored to a section and, where the unit chose one, to a quoted sentence of its
findings. The inspectors may have edited the text since the draft went out, so whether the quote
still stands is asked of the current text every time (`quote_is_current`), never stored: a stale
comment is shown marked, never dropped. Lifecycle: the report is fastställd only when every
comment has a decision (`undecided`), or with an explicit override and a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class CommentKind(StrEnum):
    FACTUAL_ERROR = "faktafel"
    MISSING = "saknad uppgift"
    OTHER = "övrigt"


class Decision(StrEnum):
    ACCEPTED = "godtagen"
    REJECTED = "avvisad"


@dataclass(frozen=True)
class FactComment:
    """One comment as the unit wrote it; `key` is the unit's own, stable through drafts."""

    key: str
    section_id: str
    kind: CommentKind
    quote: str = ""  # a sentence of the section's findings, or "" for the section as a whole
    proposed: str = ""  # the wording the unit proposes
    reason: str = ""

    def same_content(self, other: FactComment) -> bool:
        return (self.section_id, self.kind, self.quote, self.proposed, self.reason) == (
            other.section_id,
            other.kind,
            other.quote,
            other.proposed,
            other.reason,
        )


@dataclass(frozen=True)
class StoredComment:
    """A comment in the library, with where it came from and the inspectors' decision."""

    id: int
    comment: FactComment
    source: str  # the answer's file name
    received_at: datetime
    decision: Decision | None = None
    applied_text: str = ""  # the findings text written when accepted
    decision_reason: str = ""
    decided_by: str = ""
    decided_at: datetime | None = None

    @property
    def decided(self) -> bool:
        return self.decision is not None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÉ0-9\"”(])|\n+")


def _squash(text: str) -> str:
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    """The findings split into sentences (and paragraphs): what the unit can quote."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def quote_is_current(quote: str, findings: str) -> bool:
    """Whether the quoted sentence still stands in `findings` (whitespace-insensitive); a comment
    on the section as a whole always is."""
    return not quote.strip() or _squash(quote) in _squash(findings)


def apply_wording(findings: str, quote: str, proposed: str) -> str:
    """The findings with the proposed wording in place of the quote; without a current quote the
    proposal is added as a paragraph of its own, for the inspectors to place by hand."""
    proposed = proposed.strip()
    if not proposed:
        return findings
    if quote.strip() and quote in findings:
        return findings.replace(quote, proposed, 1)
    if quote.strip() and quote_is_current(quote, findings):
        pattern = r"\s+".join(re.escape(word) for word in quote.split())
        return re.sub(pattern, lambda _match: proposed, findings, count=1)
    return f"{findings.rstrip()}\n\n{proposed}" if findings.strip() else proposed


def undecided(comments: list[StoredComment]) -> list[StoredComment]:
    return [comment for comment in comments if not comment.decided]
