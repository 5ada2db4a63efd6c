"""Sakgranskning rules without a database: sentences to quote, stale quotes, applying a proposal."""

from __future__ import annotations

from spurdesk.model.fact_check import apply_wording, quote_is_current, sentences

TEXT = "Handledning ges varje vecka. Rutinerna följs inte fullt ut.\nST-läkarna har IUP."


def test_sentences_split_at_sentence_ends_and_paragraphs() -> None:
    assert sentences(TEXT) == [
        "Handledning ges varje vecka.",
        "Rutinerna följs inte fullt ut.",
        "ST-läkarna har IUP.",
    ]
    assert sentences("") == []


def test_a_quote_is_current_while_the_text_holds_it() -> None:
    assert quote_is_current("Rutinerna  följs inte\nfullt ut.", TEXT)  # whitespace aside
    assert quote_is_current("", TEXT)  # the whole section
    assert not quote_is_current("Rutinerna följs.", TEXT)


def test_applying_replaces_the_quote_or_adds_a_paragraph() -> None:
    replaced = apply_wording(TEXT, "Rutinerna följs inte fullt ut.", "Rutinerna följs.")
    assert replaced == TEXT.replace("Rutinerna följs inte fullt ut.", "Rutinerna följs.")
    spaced = apply_wording("A b.\nC d.", "b. C", "X")
    assert spaced == "A X d."
    assert apply_wording(TEXT, "Borttagen mening.", "Ny.") == f"{TEXT}\n\nNy."
    assert apply_wording("", "", "Ny.") == "Ny."
    assert apply_wording(TEXT, "Handledning ges varje vecka.", "  ") == TEXT
