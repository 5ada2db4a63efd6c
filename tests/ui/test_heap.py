"""settle_heap: what lives after start-up or an export is kept out of later full collections."""

from __future__ import annotations

import gc

from spurdesk.ui.heap import settle_heap


def test_settling_freezes_what_lives_now_and_collects_its_garbage_first() -> None:
    class Cycle:
        def __init__(self) -> None:
            self.me = self

    gc.unfreeze()
    try:
        Cycle()  # garbage in a reference cycle: only the collector frees it
        assert any(isinstance(o, Cycle) for o in gc.get_objects())
        settle_heap()
        assert gc.get_freeze_count() > 0
        assert not any(isinstance(o, Cycle) for o in gc.get_objects())  # collected, not frozen
        assert len(gc.get_objects(generation=2)) < gc.get_freeze_count() // 10
    finally:
        gc.unfreeze()
