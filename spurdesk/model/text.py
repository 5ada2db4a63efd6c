"""Text as every file format spurdesk writes can hold it: one cleaner for all text from outside.

Findings, action plans and answers are pasted from PDFs, typed in Word or read from a package,
and carry control characters that XML (Word, the PDF's text, the exchange) cannot store: python-
docx refuses a vertical tab outright, a NUL ends a C string, a lone surrogate cannot even be
encoded as UTF-8 for the database. The report (spurdesk.report.text) and the exchange
(spurdesk.exchange.text: packages, Word forms, the follow-up notes) clean with this one function,
so a text is the same whichever way it came in.
"""

from __future__ import annotations

import re

# What XML 1.0 cannot hold besides \t and \n (and lone surrogates, which cannot be encoded at all).
_UNSTORABLE = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Multi-line text with every character XML can store: line ends as \\n, a vertical tab a
    line break, a form feed a blank line (a new paragraph), other control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n\n")
    return _UNSTORABLE.sub("", text)
