"""The one table of action-plan fields covers the record exactly and says who edits what."""

from dataclasses import fields

from spurdesk.model.action_fields import (
    ACTION_FIELDS,
    AUTOSAVED_FIELDS,
    LABELS,
    REPORT_FIELDS,
    UNIT_FIELDS,
    FieldKind,
    InReport,
    action_field,
)
from spurdesk.model.inspection import ActionItem


def test_the_table_lists_every_action_item_field_but_the_id_in_record_order() -> None:
    record_fields = [f.name for f in fields(ActionItem) if f.name not in ("id", "uid")]
    assert [f.name for f in ACTION_FIELDS] == record_fields


def test_the_unit_fills_in_the_seeds_five_columns_and_its_comment() -> None:
    assert UNIT_FIELDS == (
        "planned_action",
        "due",
        "responsible",
        "follow_up",
        "follow_up_responsible",
        "unit_comment",
    )
    assert [LABELS[n] for n in UNIT_FIELDS[:5]] == [
        "Planerad åtgärd",
        "Datum när åtgärden ska vara genomförd",
        "Ansvarig för genomförandet",
        "Datum för uppföljning",
        "Ansvarig för uppföljningen",
    ]


def test_only_typed_text_autosaves_and_the_unit_edits_no_inspector_field() -> None:
    for field in ACTION_FIELDS:
        typed = field.kind in (FieldKind.TEXT, FieldKind.PERSON, FieldKind.DATE_TEXT)
        assert field.autosaves == typed, field.name
    assert "verification_note" in AUTOSAVED_FIELDS
    assert not {"status", "done_on", "verified_on", "verification_note"} & set(UNIT_FIELDS)


def test_the_report_prints_the_seeds_columns_always_and_the_units_comment_when_given() -> None:
    always = [f.name for f in REPORT_FIELDS if f.in_report is InReport.ALWAYS]
    assert always == list(UNIT_FIELDS[:5])
    assert action_field("unit_comment").in_report is InReport.WHEN_FILLED


def test_every_field_has_a_swedish_and_an_english_label() -> None:
    for field in ACTION_FIELDS:
        assert field.label and field.english and field.label != field.name
