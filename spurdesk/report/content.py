"""Assemble the report's content from an inspection, once, for every output format.

Pure: an `Inspection` in, a `Report` of blocks out (see `document.py`). The wording follows the
seed report (GUIDE.md §4); the writers add nothing but looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spurdesk.model.action_fields import REPORT_FIELDS, InReport
from spurdesk.model.criteria import KIND_ORDER, CriterionKind, Section
from spurdesk.model.inspection import (
    ActionItem,
    ActionItemStatus,
    Inspection,
    SectionAssessment,
    SummaryKind,
)
from spurdesk.report.completeness import is_draft, missing_items
from spurdesk.report.dates import date_span, long_date
from spurdesk.report.document import (
    Block,
    BulletList,
    CriteriaBox,
    CriteriaGroup,
    DraftNotice,
    Field,
    FieldTable,
    GridTable,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    Role,
    ScaleStep,
    TableOfContents,
    TitleBlock,
)
from spurdesk.report.text import TextBlock, TextList, TextParagraph, blocks, clean_line

REPORT_TITLE = "SPUR-granskning av ST-utbildningen"
ACTION_PLAN_TITLE = "Handlingsplan"
APPENDIX_TITLE = "Bilaga: Handlingsplan"
DRAFT_MARK = "UTKAST"
LEAD_IN = "Vilket, enligt SPUR-modellen, innebär att:"
DEFICIENCY_SENTENCE = (
    "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens "
    "föreskrifter och allmänna råd."
)
ACTION_PLAN_INTRO = (
    f"{DEFICIENCY_SENTENCE} Verksamheten har efter granskningen inkommit med följande "
    "handlingsplan."
)
UNGRADED = "Ej graderad"
NONE = "–"

_LEAD_IN_AT_END = re.compile(r"\s*(Vilket,? enligt SPUR-modellen,? innebär att:)\s*$")


def build_report(inspection: Inspection) -> Report:
    """The full inspection report, with the action plan as its appendix when there is one."""
    body: list[Block] = []
    body += _overview(inspection)
    body += _summary(inspection)
    for area in inspection.criteria.areas:
        if not area.sections:
            continue
        body += [PageBreak(), Heading(1, clean_line(area.title).upper(), f"area-{area.kind}")]
        body += _prose(area.description)
        for section in area.sections:
            body += _section(inspection, section)
    if inspection.action_items:
        body += [PageBreak(), Heading(1, APPENDIX_TITLE, "appendix")]
        body += _action_plan(inspection)
    toc = TableOfContents(
        "Innehåll", tuple(b for b in body if isinstance(b, Heading) and b.level <= 2)
    )
    front: list[Block] = [_title_block(inspection, REPORT_TITLE)]
    front += _draft_notice(inspection)
    front += [PageBreak(), toc]
    return _report(inspection, REPORT_TITLE, front + body)


def build_action_plan(inspection: Inspection) -> Report:
    """The action plan on its own: a short title block, then the appendix's content."""
    front: list[Block] = [_title_block(inspection, ACTION_PLAN_TITLE, short=True)]
    front += _draft_notice(inspection)
    body: list[Block] = [Heading(1, "Åtgärder", "appendix"), *_action_plan(inspection)]
    return _report(inspection, ACTION_PLAN_TITLE, front + body)


def _report(inspection: Inspection, title: str, content: list[Block]) -> Report:
    unit = clean_line(inspection.title)
    return Report(
        title=f"{title} – {unit}",
        subject=f"{REPORT_TITLE}: {clean_line(inspection.specialty)}, {unit}",
        author=", ".join(clean_line(i.name) for i in inspection.inspectors) or "SPUR",
        keywords=f"SPUR, ST, {clean_line(inspection.specialty)}",
        header_text=unit,
        draft_mark=DRAFT_MARK if is_draft(inspection) else "",
        blocks=tuple(content),
    )


# --- front matter ------------------------------------------------------------------------------


def _title_block(inspection: Inspection, title: str, *, short: bool = False) -> TitleBlock:
    facts: list[tuple[str, str]] = [
        ("Specialitet", inspection.specialty),
        ("Verksamhet", inspection.unit),
        ("Sjukhus/vårdenhet", inspection.site),
        ("Vårdgivare", inspection.care_provider),
        ("Granskningsbesök", date_span(inspection.visit_start, inspection.visit_end)),
    ]
    if not short:
        facts += [
            (
                "Inspektörer",
                "\n".join(_inspector_line(i.name, i.role) for i in inspection.inspectors),
            ),
            ("Intervjuade", "\n".join(f"{p.role} ({p.count})" for p in inspection.participants)),
        ]
    facts.append(
        ("Rapportdatum", long_date(inspection.report_date) if inspection.report_date else "")
    )
    if not short:
        criteria = inspection.criteria
        facts += [
            ("Kriterier", criteria.label),
            ("Föreskrifter", ", ".join(criteria.regulation)),
            ("Status", inspection.status.value.capitalize()),
        ]
    rows = tuple(Field(label, blocks(value)) for label, value in facts)
    return TitleBlock(title, clean_line(inspection.title), FieldTable(rows))


def _inspector_line(name: str, role: str) -> str:
    name, role = clean_line(name), clean_line(role)
    return f"{name} ({role})" if role else name


def _draft_notice(inspection: Inspection) -> list[Block]:
    if not is_draft(inspection):
        return []
    missing = missing_items(inspection)
    if missing:
        text = "Rapporten är inte färdig. Detta saknas:"
    else:
        text = f"Rapporten är inte fastställd (status: {inspection.status.value})."
    return [DraftNotice(DRAFT_MARK, text, missing)]


def _overview(inspection: Inspection) -> list[Block]:
    sections = inspection.criteria.sections
    assessments = [inspection.section(s.id) for s in sections]
    with_previous = bool(inspection.previous_grades)
    with_revision = any(a.revised_grade is not None for a in assessments)
    header = ["Avsnitt"]
    header += ["Föregående granskning"] if with_previous else []
    header += ["Gradering vid granskningen"]
    header += ["Ändrad gradering efter handlingsplan"] if with_revision else []
    rows = []
    for section, assessment in zip(sections, assessments, strict=True):
        row = [clean_line(section.label)]
        if with_previous:
            previous = inspection.previous_grades.get(section.id)
            row.append(previous.value if previous else NONE)
        row.append(assessment.grade.value if assessment.grade else UNGRADED)
        if with_revision:
            row.append(assessment.revised_grade.value if assessment.revised_grade else NONE)
        rows.append(tuple(row))
    grade_columns = len(header) - 1
    widths = (1 - 0.2 * grade_columns, *([0.2] * grade_columns))
    return [
        PageBreak(),
        Heading(1, "Graderingar", "overview"),
        _paragraph(
            "Varje avsnitt graderas från A (bäst) till D enligt SPUR-modellens skala, som återges "
            "under respektive avsnitt."
        ),
        GridTable(
            tuple(header),
            tuple(rows),
            widths,
            (False, *([True] * grade_columns)),
        ),
    ]


def _summary(inspection: Inspection) -> list[Block]:
    out: list[Block] = [PageBreak(), Heading(1, "Sammanfattning", "summary")]
    for kind in SummaryKind:
        out.append(Heading(2, kind.heading, f"summary-{kind.name.lower()}"))
        items = [_as_one_paragraph(blocks(item.text)) for item in inspection.summary_of(kind)]
        items = [item for item in items if item.lines]
        out.append(BulletList(tuple(items)) if items else _note("Inga punkter angivna."))
    return out


# --- sections ------------------------------------------------------------------------------------


def _section(inspection: Inspection, section: Section) -> list[Block]:
    assessment = inspection.section(section.id)
    out: list[Block] = [Heading(2, clean_line(section.label), f"section-{section.id}")]
    findings = _prose(assessment.findings)
    out += findings or [_note("Iakttagelser saknas.")]
    if assessment.revised_grade is not None:
        plan = "handlingsplan, se bilaga" if inspection.action_items else "handlingsplan"
        out.append(
            _paragraph(
                f"{DEFICIENCY_SENTENCE} Verksamheten har efter granskningen inkommit med {plan}. "
                f"Graderingen är ändrad till {assessment.revised_grade.value}."
            )
        )
    out.append(_criteria_box(section, assessment))
    return out


def _criteria_box(section: Section, assessment: SectionAssessment) -> CriteriaBox:
    preamble = clean_line(section.preamble)
    lead_in = ""
    match = _LEAD_IN_AT_END.search(preamble)
    if match:
        preamble, lead_in = preamble[: match.start()].strip(), match[1]
    elif preamble:
        lead_in = LEAD_IN
    groups = tuple(
        CriteriaGroup(
            _kind_heading(kind, len(criteria)), tuple(clean_line(c.text) for c in criteria)
        )
        for kind in KIND_ORDER
        if (criteria := section.criteria_of_kind(kind))
    )
    marks = _scale_marks(assessment)
    steps = tuple(
        ScaleStep(step.grade.value, clean_line(step.text), marks.get(step.grade.value, ""))
        for step in section.scale
    )
    return CriteriaBox(
        title="Föreskrift",
        preamble=preamble,
        lead_in=lead_in,
        groups=groups,
        scale_title="Gradering",
        scale=steps,
        scale_note=_scale_note(section, assessment),
    )


def _kind_heading(kind: CriterionKind, count: int) -> str:
    if kind == CriterionKind.KVALITETSINDIKATOR and count == 1:
        return "Kvalitetsindikator"
    return kind.heading


def _scale_marks(assessment: SectionAssessment) -> dict[str, str]:
    given, revised = assessment.grade, assessment.revised_grade
    if revised is None or revised == given:
        return {given.value: "Given gradering"} if given else {}
    marks = {revised.value: "Ändrad gradering efter handlingsplan"}
    if given:
        marks[given.value] = "Gradering vid granskningen"
    return marks


def _scale_note(section: Section, assessment: SectionAssessment) -> str:
    if assessment.grade is None and assessment.revised_grade is None:
        return "Avsnittet är ännu inte graderat."
    outside = [
        g.value
        for g in (assessment.grade, assessment.revised_grade)
        if g and g not in section.grades
    ]
    if outside:
        return f"Given gradering {', '.join(outside)} finns inte i avsnittets skala."
    return ""


# --- action plan ---------------------------------------------------------------------------------


def _action_plan(inspection: Inspection) -> list[Block]:
    out: list[Block] = [_paragraph(ACTION_PLAN_INTRO)]
    if not inspection.action_items:
        out.append(_note("Handlingsplanen innehåller ännu inga åtgärder."))
    for number, item in enumerate(inspection.action_items, start=1):
        out += _action_item(inspection, item, number)
    return out


def _action_item(inspection: Inspection, item: ActionItem, number: int) -> list[Block]:
    criteria = inspection.criteria
    section_id = item.section_id
    criterion_text = ""
    if item.criterion_id:
        try:
            criterion_text = clean_line(criteria.criterion(item.criterion_id).text)
            section_id = section_id or criteria.section_of(item.criterion_id).id
        except KeyError:
            criterion_text = f"Kriterium {clean_line(item.criterion_id)}"
    heading = "Övrig åtgärd"
    if section_id:
        try:
            heading = clean_line(criteria.section(section_id).label)
        except KeyError:
            heading = f"Avsnitt {clean_line(section_id)}"
    out: list[Block] = [Heading(2, heading, f"action-{number}")]
    if criterion_text:
        out.append(Paragraph(TextParagraph((criterion_text,)), Role.CRITERION))
    fields = [
        Field(field.label, blocks(getattr(item, field.name)))
        for field in REPORT_FIELDS
        if field.in_report is InReport.ALWAYS
    ]
    if item.status != ActionItemStatus.OPEN:
        status = item.status.value.capitalize()
        day = item.verified_on or item.done_on
        fields.append(Field("Status", blocks(f"{status} {day.isoformat()}" if day else status)))
    if item.verification_note.strip():
        fields.append(Field("Uppföljningens resultat", blocks(item.verification_note)))
    fields += [
        Field(field.label, blocks(getattr(item, field.name)))
        for field in REPORT_FIELDS
        if field.in_report is InReport.WHEN_FILLED and getattr(item, field.name).strip()
    ]
    out.append(FieldTable(tuple(fields)))
    return out


# --- small helpers -------------------------------------------------------------------------------


def _prose(text: str) -> list[Block]:
    """Editor text as report blocks: paragraphs and bullet lists."""
    out: list[Block] = []
    for block in blocks(text):
        if isinstance(block, TextList):
            out.append(BulletList(block.items))
        else:
            out.append(Paragraph(block))
    return out


def _as_one_paragraph(found: Iterable[TextBlock]) -> TextParagraph:
    """A summary point is one list item; its own paragraphs become lines within it."""
    lines: list[str] = []
    for block in found:
        items = block.items if isinstance(block, TextList) else (block,)
        for item in items:
            lines.extend(item.lines)
    return TextParagraph(tuple(lines))


def _paragraph(text: str) -> Paragraph:
    return Paragraph(TextParagraph((text,)))


def _note(text: str) -> Paragraph:
    return Paragraph(TextParagraph((text,)), Role.NOTE)
