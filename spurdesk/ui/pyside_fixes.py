"""Work-arounds for defects of the installed PySide6, applied once when spurdesk.ui is imported.

PySide6 6.12.0 on Python 3.11: `SignalInstance.emit()` returns `True` without taking a reference
to it, so every emit from Python drops one reference of the `True` singleton. After a few thousand
emits — an hour of typing with autosave — `True` is deallocated and the interpreter aborts with
"Fatal Python error: bool_dealloc". The fix below gives the reference back. It is applied only
when a probe shows the defect, so a corrected PySide6 (or Python 3.12+, where True is immortal)
runs untouched.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def emit_drops_a_reference() -> bool:
    """True when emitting a signal from Python loses a reference to the value it returns."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def install() -> bool:
    """Patch `SignalInstance.emit` if (and only if) it is defective; returns whether it did."""
    if getattr(SignalInstance.emit, "_spurdesk_fixed", False) or not emit_drops_a_reference():
        return False
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            _incref(result)  # the reference PySide failed to take
        return result

    emit._spurdesk_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True
