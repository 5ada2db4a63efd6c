"""Generate resources/templates/report.docx: the look of every exported Word report.

Run `.venv/bin/python scripts/build_report_template.py` after changing a style here, and commit the
generated file. Organisations do not need this script: they open the .docx in Word, change the
named styles, header and footer (keeping the {enhet}, {utkast}, {sida} and {antal} placeholders),
and save it over the shipped template (see docs/report.md).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spurdesk.report import docx_styles as names

FONT = "Calibri"
INK = RGBColor(0x1F, 0x1F, 0x1F)
BLUE = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
RED = RGBColor(0xC0, 0x00, 0x00)
BOX_FILL = "EEF2F8"
MARK_FILL = "FFE08A"
LINE = "8EA0BF"


def build(target: Path) -> None:
    document = Document()
    _set_defaults(document)
    _page_setup(document)
    _built_in_styles(document)
    _own_paragraph_styles(document)
    _character_styles(document)
    _table_styles(document)
    _header_and_footer(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    properties = document.core_properties
    properties.title = "SPUR-rapport (mall)"
    properties.author = "spurdesk"
    properties.language = "sv-SE"
    properties.comments = "Formatmall för spurdesks rapporter. Ändra formaten, inte texten."
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))


def _set_defaults(document: Document) -> None:
    """Swedish proofing and the body font for everything, via the document defaults."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:rFonts", "w:lang"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    rpr.insert(
        0,
        parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" '
            f'w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        ),
    )
    rpr.append(
        parse_xml(f'<w:lang {nsdecls("w")} w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>')
    )


def _page_setup(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.2)


def _font(
    style: BaseStyle,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    color: RGBColor | None = INK,
) -> None:
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    if color is not None:
        font.color.rgb = color
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _spacing(style: BaseStyle, before: float, after: float, line: float | None = None) -> None:
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if line is not None:
        fmt.line_spacing = line


def _built_in_styles(document: Document) -> None:
    styles = document.styles
    normal = styles[names.NORMAL]
    _font(normal, 10.5)
    _spacing(normal, 0, 6, 1.15)
    normal.paragraph_format.widow_control = True

    title = styles[names.TITLE]
    _font(title, 26, bold=True, color=BLUE)
    _spacing(title, 48, 10, 1.0)
    _remove_borders(title)
    subtitle = styles[names.SUBTITLE]
    _font(subtitle, 15, color=GREY)
    _spacing(subtitle, 0, 24)

    for level, (size, before, after) in enumerate(((18, 0, 12), (13.5, 16, 6), (11.5, 12, 4)), 1):
        heading = styles[names.HEADING[level - 1]]
        _font(heading, size, bold=True, color=BLUE)
        _spacing(heading, before, after, 1.0)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.page_break_before = False

    bullet = styles[names.LIST_BULLET]
    _spacing(bullet, 0, 4, 1.15)
    bullet.paragraph_format.left_indent = Cm(0.63)
    bullet.paragraph_format.first_line_indent = Cm(-0.63)
    ppr = bullet.element.get_or_add_pPr()
    for contextual in ppr.findall(qn("w:contextualSpacing")):
        ppr.remove(contextual)

    toc_heading = styles[names.TOC_HEADING]
    _font(toc_heading, 18, bold=True, color=BLUE)
    _spacing(toc_heading, 0, 12)
    for level, name in enumerate(names.TOC_LEVELS):
        style = _add(document, name, WD_STYLE_TYPE.PARAGRAPH, base=names.NORMAL)
        style.element.set(qn("w:styleId"), f"TOC{level + 1}")
        _font(style, 10.5, bold=level == 0)
        _spacing(style, 6 if level == 0 else 0, 2)
        style.paragraph_format.left_indent = Cm(0.6 * level)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT)

    for name in (names.HEADER, names.FOOTER):
        style = styles[name]
        _font(style, 8.5, color=GREY)
        _spacing(style, 0, 0, 1.0)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        ppr = style.element.get_or_add_pPr()
        for tabs in ppr.findall(qn("w:tabs")):
            ppr.remove(tabs)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT)


def _remove_borders(style: BaseStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _add(document: Document, name: str, kind: WD_STYLE_TYPE, base: str | None = None) -> BaseStyle:
    style = document.styles.add_style(name, kind)
    if base is not None:
        style.base_style = document.styles[base]
    style.quick_style = True
    return style


def _shade(style: BaseStyle, fill: str) -> None:
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    )


def _own_paragraph_styles(document: Document) -> None:
    add = lambda name: _add(document, name, WD_STYLE_TYPE.PARAGRAPH, base=names.NORMAL)  # noqa: E731
    note = add(names.NOTE)
    _font(note, 10.5, italic=True, color=GREY)

    criterion = add(names.CRITERION)
    _font(criterion, 10.5, italic=True)
    _spacing(criterion, 0, 8)
    criterion.paragraph_format.left_indent = Cm(0.4)
    criterion.paragraph_format.keep_with_next = True
    criterion.element.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="18" w:space="8" '
            f'w:color="{LINE}"/></w:pBdr>'
        )
    )

    table_text = add(names.TABLE_TEXT)
    _font(table_text, 10)
    _spacing(table_text, 0, 2, 1.1)
    table_heading = _add(
        document, names.TABLE_HEADING, WD_STYLE_TYPE.PARAGRAPH, base=names.TABLE_TEXT
    )
    _font(table_heading, 9.5, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF))
    label = _add(document, names.FIELD_LABEL, WD_STYLE_TYPE.PARAGRAPH, base=names.TABLE_TEXT)
    _font(label, 9.5, bold=True, color=BLUE)

    box_heading = add(names.BOX_HEADING)
    _font(box_heading, 10, bold=True, color=BLUE)
    _spacing(box_heading, 8, 2, 1.0)
    box_text = add(names.BOX_TEXT)
    _font(box_text, 9.5)
    _spacing(box_text, 0, 4, 1.1)
    box_item = _add(document, names.BOX_ITEM, WD_STYLE_TYPE.PARAGRAPH, base=names.BOX_TEXT)
    _spacing(box_item, 0, 2, 1.1)
    box_item.paragraph_format.left_indent = Cm(0.5)
    box_item.paragraph_format.first_line_indent = Cm(-0.5)
    box_item.paragraph_format.tab_stops.add_tab_stop(Cm(0.5))

    step = _add(document, names.SCALE_STEP, WD_STYLE_TYPE.PARAGRAPH, base=names.BOX_TEXT)
    _spacing(step, 1, 1, 1.1)
    step.paragraph_format.left_indent = Cm(0.7)
    step.paragraph_format.first_line_indent = Cm(-0.7)
    step.paragraph_format.tab_stops.add_tab_stop(Cm(0.7))
    marked = _add(document, names.SCALE_STEP_MARKED, WD_STYLE_TYPE.PARAGRAPH, base=names.SCALE_STEP)
    _font(marked, 9.5, bold=True)
    _shade(marked, MARK_FILL)

    draft_heading = add(names.DRAFT_HEADING)
    _font(draft_heading, 12, bold=True, color=RED)
    _spacing(draft_heading, 0, 4, 1.0)
    draft_text = add(names.DRAFT_TEXT)
    _font(draft_text, 10)
    _spacing(draft_text, 0, 2, 1.1)


def _character_styles(document: Document) -> None:
    mark = _add(document, names.DRAFT_MARK, WD_STYLE_TYPE.CHARACTER)
    mark.font.bold, mark.font.color.rgb, mark.font.size = True, RED, Pt(10)
    scale_mark = _add(document, names.SCALE_MARK, WD_STYLE_TYPE.CHARACTER)
    scale_mark.font.bold, scale_mark.font.italic = True, True
    scale_mark.font.color.rgb = BLUE


def _borders(size: int, color: str, *, inside: bool) -> str:
    edges = ["top", "left", "bottom", "right"] + (["insideH", "insideV"] if inside else [])
    return "".join(
        f'<w:{edge} w:val="single" w:sz="{size}" w:space="0" w:color="{color}"/>' for edge in edges
    )


def _table_styles(document: Document) -> None:
    margins = (
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="113" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>'
    )
    grid = (
        f"<w:tblPr><w:tblBorders>{_borders(4, LINE, inside=True)}</w:tblBorders>{margins}</w:tblPr>"
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr></w:tblStylePr>'
    )
    fields = (
        f'<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{LINE}"/>'
        f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{LINE}"/>'
        f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{LINE}"/></w:tblBorders>'
        f"{margins}</w:tblPr>"
        '<w:tblStylePr w:type="firstCol"><w:tcPr><w:shd w:val="clear" w:color="auto" '
        f'w:fill="{BOX_FILL}"/></w:tcPr></w:tblStylePr>'
    )
    box = (
        f"<w:tblPr><w:tblBorders>{_borders(8, LINE, inside=False)}</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="113" w:type="dxa"/><w:left w:w="170" w:type="dxa"/>'
        '<w:bottom w:w="113" w:type="dxa"/><w:right w:w="170" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{BOX_FILL}"/></w:tcPr>'
    )
    draft = (
        f"<w:tblPr><w:tblBorders>{_borders(12, 'C00000', inside=False)}</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="113" w:type="dxa"/><w:left w:w="170" w:type="dxa"/>'
        '<w:bottom w:w="113" w:type="dxa"/><w:right w:w="170" w:type="dxa"/></w:tblCellMar>'
        '</w:tblPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FDF0F0"/></w:tcPr>'
    )
    for name, body in (
        (names.GRID_TABLE, grid),
        (names.FIELD_TABLE, fields),
        (names.BOX_TABLE, box),
        (names.DRAFT_TABLE, draft),
    ):
        style_id = name.replace(" ", "").replace("ä", "a")
        element = parse_xml(
            f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
            f"<w:qFormat/>{body}</w:style>"
        )
        document.styles.element.append(element)


def _header_and_footer(document: Document) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.style = document.styles[names.HEADER]
    header.add_run(f"{names.UNIT_PLACEHOLDER}\t")
    header.add_run(names.DRAFT_PLACEHOLDER).style = document.styles[names.DRAFT_MARK]
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="4" w:space="4" '
        f'w:color="{LINE}"/></w:pBdr>'
    )
    header._p.get_or_add_pPr().append(copy.deepcopy(border))

    footer = section.footer.paragraphs[0]
    footer.style = document.styles[names.FOOTER]
    footer.add_run(
        f"SPUR-granskning av ST-utbildningen\tSida {names.PAGE_PLACEHOLDER} "
        f"av {names.PAGES_PLACEHOLDER}"
    )


if __name__ == "__main__":
    output = (
        Path(__file__).resolve().parent.parent / "resources" / "templates" / names.TEMPLATE_NAME
    )
    build(output)
    print(f"wrote {output}")
