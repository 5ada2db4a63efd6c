"""`Library.batch()`: several commands as one transaction, durable together or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from spurdesk.errors import SpurdeskError
from spurdesk.library import Library, LibraryError, ReadOnlyLibraryError
from spurdesk.library.text_keys import FindingsKey
from spurdesk.model.criteria import CriteriaSet
from tests.library.conftest import new_inspection


class Interrupted(SpurdeskError):
    """What the tests raise inside a batch, as a failing command would."""


def _action_texts(library: Library, inspection_id: int) -> list[str]:
    return [item.planned_action for item in library.get_inspection(inspection_id).action_items]


def test_the_commands_of_a_batch_are_durable_together(
    library_location: Path | str, library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    with library.batch():
        first = library.add_action_item(inspection_id, section_id="D", planned_action="Plan")
        library.update_action_item(first, responsible="Studierektor")
        library.record_event(inspection_id, "import", "Två rader från verksamheten")
    library.close()
    with Library.open(library_location, read_only=True) as reopened:
        record = reopened.get_inspection(inspection_id)
        assert [(i.planned_action, i.responsible) for i in record.action_items] == [
            ("Plan", "Studierektor")
        ]
        assert reopened.audit_events(inspection_id)[-1].detail == "Två rader från verksamheten"


def test_a_batch_that_raises_writes_nothing_and_the_library_stays_usable(
    library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    library.add_action_item(inspection_id, section_id="D", planned_action="Före")
    events = len(library.audit_events(inspection_id))
    with pytest.raises(Interrupted), library.batch():
        library.add_action_item(inspection_id, section_id="E", planned_action="Under")
        library.record_event(inspection_id, "import", "halvvägs")
        raise Interrupted("Skrivningen misslyckades (test).")
    assert _action_texts(library, inspection_id) == ["Före"]
    assert len(library.audit_events(inspection_id)) == events
    library.add_action_item(inspection_id, section_id="E", planned_action="Efter")
    assert _action_texts(library, inspection_id) == ["Före", "Efter"]


def test_a_failing_command_undoes_the_commands_before_it(
    library: Library, criteria: CriteriaSet
) -> None:
    """A command that refuses its input inside the batch ends it, and nothing is kept."""
    inspection_id = new_inspection(library, criteria)
    with pytest.raises(LibraryError), library.batch():
        library.add_action_item(inspection_id, section_id="D", planned_action="Kept?")
        library.update_action_item(10_000, planned_action="no such row")
    assert _action_texts(library, inspection_id) == []


def test_queries_inside_a_batch_see_its_changes(library: Library, criteria: CriteriaSet) -> None:
    inspection_id = new_inspection(library, criteria)
    with library.batch():
        library.add_action_item(inspection_id, section_id="D", planned_action="Syns")
        assert _action_texts(library, inspection_id) == ["Syns"]
        assert library.list_inspections()[0].id == inspection_id


def test_text_typed_during_a_failed_batch_is_kept_and_written_after_it(
    library_location: Path | str, library: Library, criteria: CriteriaSet
) -> None:
    inspection_id = new_inspection(library, criteria)
    with pytest.raises(Interrupted), library.batch():
        library.stage_text(FindingsKey(inspection_id, "D"), "Skrivet under importen")
        library.flush()  # inside a batch the text waits: the batch may yet fail
        raise Interrupted("avbruten")
    assert library.has_staged_changes
    library.flush()
    library.close()
    with Library.open(library_location, read_only=True) as reopened:
        sections = {s.section_id: s for s in reopened.get_inspection(inspection_id).sections}
        assert sections["D"].findings == "Skrivet under importen"


def test_batches_do_not_nest_and_need_a_writable_library(
    library_location: Path | str, library: Library, criteria: CriteriaSet
) -> None:
    new_inspection(library, criteria)
    with library.batch(), pytest.raises(LibraryError, match="pågår redan"), library.batch():
        pass
    library.close()
    with (
        Library.open(library_location, read_only=True) as read_only,
        pytest.raises(ReadOnlyLibraryError),
        read_only.batch(),
    ):
        pass
