"""A re-inspection across years, exported to Word and PDF and read back: the chapter comparing
it with the last SPUR (grades then and now, the chart as a picture, each earlier deficiency
resolved, still open or not yet assessed, and the new ones), and the appendix "Underlag"
listing only the material received. A first inspection has neither."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from spurdesk.library import Library
from spurdesk.model.demo import demo_inspection
from spurdesk.model.material import default_catalogue
from spurdesk.report import export_docx, export_pdf
from spurdesk.report.content import COMPARISON_TITLE, MATERIAL_TITLE
from tests.report.readback import assert_in_order, normalise, read_docx, read_pdf
from tests.report.reinspection import NEW, RESOLVED, STILL_OPEN, UNASSESSED, make_reinspection


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("reinspection")
    with Library.open(folder / "bibliotek.sqlite") as library:
        _, current = make_reinspection(library)
        inspection = library.get_inspection(current)
        previous = library.previous_inspection(current)
        yield (
            export_docx(inspection, folder / "ominspektion.docx", previous=previous),
            export_pdf(inspection, folder / "ominspektion.pdf", previous=previous),
        )


def texts(exported: tuple[Path, Path]) -> list[str]:
    docx_path, pdf_path = exported
    return [read_docx(docx_path).text, read_pdf(pdf_path).text]


def test_the_comparison_chapter_gives_grades_then_and_now_in_both_formats(
    exported: tuple[Path, Path],
) -> None:
    for text in texts(exported):
        assert_in_order(
            text,
            [
                "Sammanfattning",
                COMPARISON_TITLE,
                "Granskningen är en ominspektion",
                "föregående SPUR-inspektion (10 november 2021) och nu",
                "A. Verksamheten B A Bättre",
                "D. Tjänstgöringens upplägg C C Oförändrad",
                "E. Handledning och kompetensbedömning C A Bättre",
                "G. Medicinsk vetenskap",
                "Ej graderad –",
                "streckad stapel",
                "Brister vid föregående SPUR-inspektion",
                "Nya brister",
                "STRUKTUR",
            ],
        )


def outcome_of(text: str, criterion_id: str) -> str:
    start = text.find(f"{criterion_id} ", text.find("Brister vid föregående SPUR-inspektion"))
    assert start >= 0, criterion_id
    window = text[start : start + 600]
    found = [(window.find(w), w) for w in ("Åtgärdad", "Kvarstår", "Ej bedömd", "Ny")]
    return min((at, word) for at, word in found if at >= 0)[1]


def test_each_earlier_deficiency_is_resolved_open_or_unassessed_and_the_new_one_is_new(
    exported: tuple[Path, Path],
) -> None:
    expected = {
        **dict.fromkeys(RESOLVED, "Åtgärdad"),
        **dict.fromkeys(STILL_OPEN, "Kvarstår"),
        **dict.fromkeys(UNASSESSED, "Ej bedömd"),
        **dict.fromkeys(NEW, "Ny"),
    }
    for text in texts(exported):
        assert {c: outcome_of(text, c) for c in expected} == expected
        new_part = text[text.find("Nya brister") :]
        assert "B.9 Handledarna ges minst en gång per år" in new_part


def test_the_chart_is_a_png_picture_in_the_word_file_with_its_description(
    exported: tuple[Path, Path],
) -> None:
    document = docx.Document(str(exported[0]))
    [shape] = document.inline_shapes
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    image = document.part.related_parts[blip.embed]
    assert image.content_type == "image/png" and image.blob.startswith(b"\x89PNG")
    assert "E: C då, A nu" in shape._inline.docPr.get("descr")


def test_the_chart_is_a_picture_on_the_pdf_page_of_the_comparison(
    exported: tuple[Path, Path],
) -> None:
    reader = PdfReader(str(exported[1]))
    pages = [p for p in reader.pages if COMPARISON_TITLE in normalise(p.extract_text() or "")]
    assert pages and any(page.images for page in pages)


def test_the_appendix_lists_only_the_material_received(exported: tuple[Path, Path]) -> None:
    catalogue = default_catalogue().items
    for text in texts(exported):
        appendix = text[text.find(MATERIAL_TITLE) :]
        assert text.find(MATERIAL_TITLE) > text.find("PROCESS") > 0  # an appendix, at the end
        assert "Följande underlag från verksamheten har granskats" in appendix
        assert normalise(catalogue[0].title_sv) in appendix
        assert "2026-09-01" in appendix and "A.1, A.2" in appendix
        for not_received in catalogue[-2:]:
            assert normalise(not_received.title_sv) not in appendix


def test_a_first_inspection_has_no_comparison_and_without_material_no_appendix(
    tmp_path: Path,
) -> None:
    first = demo_inspection()
    docx_text = read_docx(export_docx(first, tmp_path / "forsta.docx")).text
    pdf_text = read_pdf(export_pdf(first, tmp_path / "forsta.pdf")).text
    for text in (docx_text, pdf_text):
        assert COMPARISON_TITLE not in text and MATERIAL_TITLE not in text
