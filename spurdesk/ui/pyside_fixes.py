"""Work-arounds for defects of the installed PySide6, applied once when spurdesk.ui is imported.

PySide6 6.12.0 on Python 3.11 drops references to the singletons `None`, `True` and `False`:
every `signal.emit()` loses one reference to `True`, a model's `QModelIndex.data()` returning no
value loses one to `None`, so do Python overrides of `changeEvent` and `QTimer.singleShot`
callbacks. After some thousand edits — an hour of typing with autosave — one of them reaches zero
and the interpreter aborts ("Fatal Python error: bool_dealloc" / "none_dealloc"). PySide6 6.11
does not have the defect, and on Python 3.12+ the singletons are immortal (PEP 683), so it is
harmless there.

The remedy here is what Python 3.12 does: give the three singletons a reference count so large
that no number of lost references can bring it to zero. They are never freed while the
interpreter runs anyway, so nothing else changes. It is applied only when a probe shows the
defect.
"""

from __future__ import annotations

import logging
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QModelIndex, QObject, Signal

log = logging.getLogger(__name__)

#: Added to the reference count: at a million lost references a second, 35 years of work.
_RESERVE = 1 << 50
_PROBES = 16


class _Probe(QObject):
    ping = Signal()


def references_are_lost() -> bool:
    """True when emitting a signal or reading an empty index loses a reference (the defect)."""
    probe = _Probe()
    empty = QModelIndex()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.ping.emit()
        empty.data()
    return sys.getrefcount(True) < true_before or sys.getrefcount(None) < none_before


def _reserve_references(singleton: object) -> None:
    import ctypes  # only where the defect shows, so the start need not load it

    # CPython (not free-threaded) keeps ob_refcnt, a Py_ssize_t, first in every object.
    ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE


def install() -> bool:
    """Protect None, True and False if (and only if) this PySide6 loses references to them."""
    if sys.version_info >= (3, 12) or sys.getrefcount(None) > _RESERVE:
        return False  # immortal already, or done before
    if not references_are_lost():
        return False
    for singleton in (None, True, False):
        _reserve_references(singleton)
    log.warning(
        "PySide6 %s loses references to None/True/False on Python %s; protected them. "
        "Install PySide6-Essentials 6.11 (or use Python 3.12+) to be rid of the defect.",
        pyside_version,
        sys.version.split()[0],
    )
    return True
