"""The PDF read back with pypdf: the same content as the DOCX, plus fonts, bookmarks, pages."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from spurdesk.model.inspection import Inspection
from spurdesk.report import export_pdf
from tests.report.conftest import Exported
from tests.report.expectations import assert_whole_report
from tests.report.readback import normalise, read_pdf


def test_the_demo_report_says_everything_the_seed_says(exported_demo: Exported) -> None:
    assert_whole_report(read_pdf(exported_demo.pdf).text, exported_demo.inspection)


def test_every_page_is_numbered_sida_x_av_y(exported_demo: Exported) -> None:
    pages = read_pdf(exported_demo.pdf).pages
    for number, text in enumerate(pages, start=1):
        assert f"Sida {number} av {len(pages)}" in text
        assert "Röntgenkliniken, Strandviks lasarett" in text
        assert "UTKAST" not in text


def test_bookmarks_lead_to_every_section(exported_demo: Exported) -> None:
    report = read_pdf(exported_demo.pdf)
    titles = report.outline_titles()
    sections = [s.label for s in exported_demo.inspection.criteria.sections]
    assert titles[:5] == [
        "Graderingar",
        "Sammanfattning",
        "Styrkor",
        "Svagheter",
        "Förbättringspotential",
    ]
    assert [t for t in titles if t in sections][: len(sections)] == sections
    assert "Bilaga: Handlingsplan" in titles


def test_toc_page_numbers_match_the_bookmarks(exported_demo: Exported) -> None:
    report = read_pdf(exported_demo.pdf)
    reader = report.reader
    toc = " ".join(report.pages[1].split())
    for entry in reader.outline[:2]:
        page = reader.get_destination_page_number(entry) + 1
        assert f"{entry.title} . " in toc
        assert f" {page} " in toc[toc.index(entry.title) :][:400]


def test_the_font_is_embedded_and_covers_typographic_characters(
    tmp_path: Path, demo: Inspection
) -> None:
    import dataclasses

    typographic = "– — ≥ “citat” … åäö ÅÄÖ é"
    inspection = dataclasses.replace(
        demo, sections=(dataclasses.replace(demo.sections[0], findings=typographic),)
    )
    reader = PdfReader(str(export_pdf(inspection, tmp_path / "r.pdf")))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, "TrueType font not embedded"
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
        "DejaVuSans-BoldOblique",
    }
    assert typographic in " ".join(" ".join(p.extract_text() for p in reader.pages[4:6]).split())


def test_document_properties(exported_demo: Exported) -> None:
    metadata = read_pdf(exported_demo.pdf).reader.metadata
    assert (
        metadata.title
        == "SPUR-granskning av ST-utbildningen – Röntgenkliniken, Strandviks lasarett"
    )
    assert metadata.author == "Anna Exempelsdotter, Erik Provsson"


def test_a_draft_is_marked_on_every_page_and_lists_what_is_missing(
    exported_ungraded: Exported,
) -> None:
    report = read_pdf(exported_ungraded.pdf)
    assert all("UTKAST" in page for page in report.pages)
    assert (
        "A. Verksamheten: ingen gradering, inga iakttagelser, 4 av 4 kriterier ej bedömda."
        in report.text
    )
    assert report.text.count("Avsnittet är ännu inte graderat.") == 8
    assert "Bilaga: Handlingsplan" not in report.outline_titles()


def test_hostile_characters_are_mapped_and_the_text_after_them_kept(
    exported_hostile: Exported,
) -> None:
    text = read_pdf(exported_hostile.pdf).text
    for tag in ("enhet", "sjukhus", "region", "specialitet", "inspektör", "fyndA", "punkt0"):
        assert f"{tag}-före" in text and f"{tag}-efter" in text, tag
    for field in ("planned_action", "due", "responsible", "follow_up", "follow_up_responsible"):
        assert f"{field}0-efter" in text
    assert "<&>\"'" in text


def test_progress_counts_up_to_its_total(demo: Inspection, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    export_pdf(demo, tmp_path / "r.pdf", lambda done, total: calls.append((done, total)))
    dones = [done for done, _ in calls]
    assert dones == sorted(dones) and len(dones) > 10
    assert calls[-1][0] == calls[-1][1]


def test_a_hundred_page_inspection_exports_whole(large: Inspection, tmp_path: Path) -> None:
    reader = PdfReader(str(export_pdf(large, tmp_path / "stor.pdf")))
    pages = len(reader.pages)
    assert pages >= 90
    # Extracting all text of a hundred pages takes pypdf seconds; the ends suffice.
    last = normalise(reader.pages[-1].extract_text())
    assert f"Sida {pages} av {pages}" in last
    assert "Ansvarig för uppföljningen" in last
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert titles[-1] == "Bilaga: Handlingsplan"
    assert len(reader.outline[-1]) == len(large.action_items)


def test_unbroken_text_longer_than_a_page_still_exports(demo: Inspection, tmp_path: Path) -> None:
    """A table cell cannot break across pages: long values are cut into rows, long words wrap."""
    import dataclasses

    words = " ".join(["åtgärd"] * 1000)  # more than a page inside one table cell
    items = (dataclasses.replace(demo.action_items[0], planned_action="y" * 3000 + " " + words),)
    inspection = dataclasses.replace(demo, action_items=items)
    reader = PdfReader(str(export_pdf(inspection, tmp_path / "r.pdf")))
    appendix = reader.get_destination_page_number(reader.outline[-2])
    text = normalise(" ".join(page.extract_text() for page in reader.pages[appendix:]))
    tail = text[text.rindex("Planerad åtgärd") :]
    assert tail.replace(" ", "").count("y") == 3000
    assert tail.count("åtgärd") == 1000 + 2  # the words, "Planerad åtgärd", "…åtgärden ska…"
