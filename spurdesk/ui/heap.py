"""Keeping Python's full garbage collections out of typing.

After start-up, and after the first export has loaded python-docx and reportlab, some 100,000
long-lived objects (modules, classes, caches) sit in the collector's oldest generation; a full
collection walks them all, 60–130 ms on a laptop, and it comes when it comes — in the bench it
landed in the middle of typing, a visible stutter. Right after those heavy moments (where a
further 60 ms goes unnoticed), one collection and `gc.freeze()` move everything alive into the
permanent generation, so later full collections walk only what was made since. What is frozen
lives until quit anyway; garbage made afterwards is collected as before.
"""

from __future__ import annotations

import gc


def settle_heap() -> None:
    gc.collect()
    gc.freeze()
