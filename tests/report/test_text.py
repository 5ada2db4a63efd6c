"""Text from editors and PDFs becomes storable paragraphs and lists, never an export crash."""

from __future__ import annotations

import docx
from hypothesis import given
from hypothesis import strategies as st

from spurdesk.report.text import TextList, TextParagraph, blocks, clean, clean_line


def test_vertical_tab_is_a_line_break_and_form_feed_a_paragraph_break() -> None:
    found = blocks("första\x0bandra\x0ctredje")
    assert found == (TextParagraph(("första", "andra")), TextParagraph(("tredje",)))


def test_unstorable_characters_are_dropped_and_the_text_around_them_kept() -> None:
    assert clean("a\x00b\x07c\x1fd\ufffee\uffff f\ud800g") == "abcde fg"


def test_tabs_and_line_breaks_survive_cleaning() -> None:
    assert clean("a\tb\r\nc\rd") == "a\tb\nc\nd"


def test_clean_line_folds_every_break_into_one_space() -> None:
    assert clean_line("  Röntgen-\x0bkliniken\n\n  Strandvik\t ") == "Röntgen- kliniken Strandvik"


def test_blank_lines_separate_paragraphs_and_single_breaks_stay_line_breaks() -> None:
    found = blocks("Rad ett\nrad två\n\n\n  Nytt stycke  ")
    assert found == (TextParagraph(("Rad ett", "rad två")), TextParagraph(("Nytt stycke",)))


def test_bullet_lines_become_one_list_even_across_a_blank_line() -> None:
    found = blocks("Inledning:\n- ett\n• två\n\n* tre\n  fortsättning\nEfteråt")
    assert found == (
        TextParagraph(("Inledning:",)),
        TextList(
            (
                TextParagraph(("ett",)),
                TextParagraph(("två",)),
                TextParagraph(("tre", "fortsättning")),
            )
        ),
        TextParagraph(("Efteråt",)),
    )


def test_a_hyphenated_word_at_line_start_is_not_a_bullet() -> None:
    assert blocks("-tal och -procent") == (TextParagraph(("-tal och -procent",)),)


def test_empty_and_whitespace_text_has_no_blocks() -> None:
    assert blocks("") == ()
    assert blocks(" \n\x0c\n\t ") == ()


_DOCUMENT = docx.Document()  # one for all examples: opening the package dominates otherwise


@given(st.text())
def test_any_text_can_be_stored_by_python_docx(text: str) -> None:
    paragraph = _DOCUMENT.add_paragraph()
    for block in blocks(text):
        items = block.items if isinstance(block, TextList) else (block,)
        for item in items:
            paragraph.add_run(item.text)
    paragraph.add_run(clean_line(text))
