"""The library's side of the sakgranskning: comments stored, decided, the lifecycle, revision 8."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from spurdesk.library import Library
from spurdesk.library.errors import LibraryError
from spurdesk.model.demo import demo_inspection
from spurdesk.model.fact_check import CommentKind, Decision, FactComment
from spurdesk.model.inspection import InspectionStatus
from tests.library.conftest import fixture_copy

COMMENT = FactComment("c-1", "B", CommentKind.FACTUAL_ERROR, "", "Sex ST-läkare.", "Räknat om.")


@pytest.fixture
def checked(tmp_path: Path) -> tuple[Library, int]:
    library = Library.open(tmp_path / "bibliotek.spurdesk")
    record = dataclasses.replace(demo_inspection(), status=InspectionStatus.FACT_CHECK)
    return library, library.import_inspection(record)


def test_comments_are_checked_and_kept(checked: tuple[Library, int]) -> None:
    library, inspection_id = checked
    with pytest.raises(LibraryError, match="Avsnitt 'Q'"):
        library.add_fact_check_comments(
            inspection_id, [dataclasses.replace(COMMENT, section_id="Q")], "svar.spur"
        )
    assert library.fact_check_comments(inspection_id) == []
    (comment_id,) = library.add_fact_check_comments(inspection_id, [COMMENT], "svar.spur")
    with pytest.raises(LibraryError, match="annat innehåll"):
        library.add_fact_check_comments(
            inspection_id, [dataclasses.replace(COMMENT, reason="Annat.")], "svar2.spur"
        )
    assert library.undecided_comment_count(inspection_id) == 1
    library.decide_comment(comment_id, Decision.ACCEPTED)  # accepted without changing the text
    (stored,) = library.fact_check_comments(inspection_id)
    assert (stored.decision, stored.applied_text, stored.source) == (
        Decision.ACCEPTED,
        "",
        "svar.spur",
    )
    with pytest.raises(LibraryError, match="finns inte"):
        library.decide_comment(999, Decision.ACCEPTED)
    library.set_status(inspection_id, InspectionStatus.FINAL)
    with pytest.raises(LibraryError, match="fastställd"):  # the record sent back stays true
        library.decide_comment(comment_id, Decision.REJECTED, reason="Ändrat sig.")
    assert library.fact_check_comments(inspection_id)[0].decision is Decision.ACCEPTED
    library.close()


def test_purging_an_inspection_removes_its_comments(checked: tuple[Library, int]) -> None:
    library, inspection_id = checked
    library.add_fact_check_comments(inspection_id, [COMMENT], "svar.spur")
    library.delete_inspection(inspection_id)
    library.purge_inspection(inspection_id)
    other = library.import_inspection(demo_inspection())
    assert library.fact_check_comments(other) == []
    library.close()


def test_revision_8_fixture_keeps_its_decided_comment(tmp_path: Path) -> None:
    with Library.open(fixture_copy("library-rev0008.sqlite", tmp_path)) as library:
        demo_id = library.list_inspections()[0].id
        (stored,) = library.fact_check_comments(demo_id)
        assert stored.decision is Decision.REJECTED
        assert stored.decision_reason == "Uppgiften stämmer."


def test_a_revision_7_library_gains_an_empty_comment_table(tmp_path: Path) -> None:
    with Library.open(fixture_copy("library-rev0007.sqlite", tmp_path)) as library:
        demo_id = library.list_inspections()[0].id
        assert library.fact_check_comments(demo_id) == []
        library.add_fact_check_comments(demo_id, [COMMENT], "svar.spur")
        assert library.undecided_comment_count(demo_id) == 1
