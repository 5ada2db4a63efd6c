"""Word fields and page furniture: the TOC, PAGE and NUMPAGES fields, the header and footer
placeholders, and the setting that makes Word fill fields when the file is opened.

Neither python-docx nor docxtpl computes page numbers or a table of contents; Word does, from
these fields (GUIDE.md §7).
"""

from __future__ import annotations

import copy
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from spurdesk.report import docx_styles as styles
from spurdesk.report.document import Report


def field_char(kind: str) -> Any:
    """A run marking a field's "begin", "separate" (result follows) or "end"."""
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def instruction(text: str) -> Any:
    """A run holding a field code such as ' PAGE ' or ' TOC \\o "1-2" '."""
    run = OxmlElement("w:r")
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)
    return run


def fill_page_furniture(document: DocxDocument, report: Report) -> None:
    """Replace the template's {enhet}, {utkast}, {sida}, {antal} wherever Word put them."""
    texts = {
        styles.UNIT_PLACEHOLDER: report.header_text,
        styles.DRAFT_PLACEHOLDER: report.draft_mark,
    }
    fields = {styles.PAGE_PLACEHOLDER: "PAGE", styles.PAGES_PLACEHOLDER: "NUMPAGES"}
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if part.is_linked_to_previous:
                continue
            for paragraph in _all_paragraphs(part):
                _replace_placeholders(paragraph, texts, fields)


def _all_paragraphs(part: Any) -> list[DocxParagraph]:
    found = list(part.paragraphs)
    for table in part.tables:
        for row in table.rows:
            for cell in row.cells:
                found += cell.paragraphs
    return found


def _replace_placeholders(
    paragraph: DocxParagraph, texts: dict[str, str], fields: dict[str, str]
) -> None:
    runs = paragraph.runs
    # Word may split "{enhet}" over several runs; join each opened brace's run with the next.
    index = 0
    while index < len(runs) - 1:
        text = runs[index].text
        if text.rfind("{") > text.rfind("}"):
            runs[index].text = text + runs[index + 1].text
            runs[index + 1]._r.getparent().remove(runs[index + 1]._r)
            runs.pop(index + 1)
        else:
            index += 1
    for run in runs:
        text = run.text
        if "{" not in text:
            continue
        for placeholder, value in texts.items():
            text = text.replace(placeholder, value)
        pieces = _split_fields(text, fields)
        run.text = pieces[0][1]
        anchor = run._r
        for kind, value in pieces[1:]:
            for element in _field_runs(value, run) if kind == "field" else [_copy_run(run, value)]:
                anchor.addnext(element)
                anchor = element


def _split_fields(text: str, fields: dict[str, str]) -> list[tuple[str, str]]:
    """[("text", before), ("field", "PAGE"), ("text", between), …] — always starting with text."""
    pieces: list[tuple[str, str]] = [("text", "")]
    rest = text
    while rest:
        hits = [(rest.find(p), p) for p in fields if p in rest]
        if not hits:
            pieces.append(("text", rest))
            break
        position, placeholder = min(hits)
        pieces.append(("text", rest[:position]))
        pieces.append(("field", fields[placeholder]))
        rest = rest[position + len(placeholder) :]
    merged = [pieces[0]]
    for kind, value in pieces[1:]:
        if kind == "text" and merged[-1][0] == "text":
            merged[-1] = ("text", merged[-1][1] + value)
        elif kind == "field" or value:
            merged.append((kind, value))
    return merged


def _copy_run(model: Any, text: str) -> Any:
    element = copy.deepcopy(model._r)
    for child in list(element):
        if child.tag != qn("w:rPr"):
            element.remove(child)
    run = OxmlElement("w:t")
    run.set(qn("xml:space"), "preserve")
    run.text = text
    element.append(run)
    return element


def _field_runs(code: str, model: Any) -> list[Any]:
    """A complex field (`code`: PAGE, NUMPAGES) carrying the placeholder run's formatting."""
    runs = [field_char("begin"), instruction(f" {code} "), field_char("separate")]
    runs += [_copy_run(model, "1"), field_char("end")]
    properties = model._r.find(qn("w:rPr"))
    if properties is not None:
        for run in (runs[0], runs[1], runs[2], runs[4]):
            run.insert(0, copy.deepcopy(properties))
    return runs


# Elements that must follow w:updateFields in settings.xml (CT_Settings sequence).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def request_field_update(document: DocxDocument) -> None:
    """Ask Word to fill the TOC and page fields when the file is opened (GUIDE.md §7)."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    followers = {qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS}
    for position, child in enumerate(settings):
        if child.tag in followers:
            settings.insert(position, update)
            return
    settings.append(update)
