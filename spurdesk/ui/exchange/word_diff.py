"""Two versions of a text side by side with their differences marked word by word (difflib).

Words only in the first version are struck through, words only in the second underlined and
bold, each also on a pale background: readable on screen, in a dark theme and printed in black
and white. The result is Qt rich text for a QTextBrowser or QLabel.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from difflib import SequenceMatcher

#: Words, runs of white space and single punctuation marks: the units that are compared.
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")

REMOVED_STYLE = "text-decoration: line-through; background-color: #ffd7d5; color: #000000;"
ADDED_STYLE = (
    "text-decoration: underline; font-weight: bold; background-color: #c6efce; color: #000000;"
)


def _plain(tokens: Sequence[str]) -> str:
    return html.escape("".join(tokens))


def _marked(tokens: Sequence[str], style: str) -> str:
    return f'<span style="{style}">{_plain(tokens)}</span>'


def _block(body: str) -> str:
    return f'<div style="white-space: pre-wrap;">{body}</div>'


def marked_pair(old: str, new: str) -> tuple[str, str]:
    """`old` with what `new` lacks struck through, and `new` with what it adds underlined."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    left: list[str] = []
    right: list[str] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            left.append(_plain(before[i1:i2]))
            right.append(_plain(after[j1:j2]))
            continue
        if i2 > i1:
            left.append(_marked(before[i1:i2], REMOVED_STYLE))
        if j2 > j1:
            right.append(_marked(after[j1:j2], ADDED_STYLE))
    return _block("".join(left)), _block("".join(right))


def legend(removed: str, added: str) -> str:
    """A one-line key to the marks: `removed` and `added` in their own styles."""
    return f"{_marked([removed], REMOVED_STYLE)} &nbsp; {_marked([added], ADDED_STYLE)}"
