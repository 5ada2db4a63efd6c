"""Assemble the report's content from an inspection, once, for every output format.

Pure: an `Inspection` in, a `Report` of blocks out (see `document.py`). The wording follows the
seed report (GUIDE.md §4); the writers add nothing but looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spurdesk.model import grading
from spurdesk.model.action_fields import REPORT_FIELDS, InReport
from spurdesk.model.comparison import (
    Comparison,
    DeficiencyOutcome,
    Outcome,
    compare,
    is_reinspection,
)
from spurdesk.model.criteria import KIND_ORDER, CriterionKind, Grade, Section
from spurdesk.model.dates import date_span, long_date
from spurdesk.model.inspection import (
    ActionItem,
    ActionItemStatus,
    CriterionStatus,
    Inspection,
    SectionAssessment,
    SummaryKind,
)
from spurdesk.model.plan_rules import (
    PlanState,
    inspection_deficient_kinds,
    plan_state,
    row_required,
    unanswered_required,
)
from spurdesk.report.completeness import is_draft, missing_items
from spurdesk.report.document import (
    Block,
    BulletList,
    CriteriaBox,
    CriteriaGroup,
    DraftNotice,
    Field,
    FieldTable,
    Figure,
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
    "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens {rules}."
)
PLAN_RECEIVED = "Verksamheten har efter granskningen inkommit med följande handlingsplan."
PLAN_DUE = "Verksamheten ska inkomma med en handlingsplan som besvarar bristerna senast {date}."
PLAN_DUE_UNDATED = "Verksamheten ska inkomma med en handlingsplan som besvarar bristerna."
PLAN_NOT_REQUESTED = "Handlingsplanen har ännu inte begärts från verksamheten."
PLAN_MARKS = "För varje brist anges om åtgärder krävs eller rekommenderas."
ACTION_REQUIRED = "Åtgärder krävs."
ACTION_RECOMMENDED = "Åtgärder rekommenderas."
NO_ANSWER = "Verksamheten har inte angett någon åtgärd."
REVISED_OTHERWISE = "Graderingen är ändrad till {grade} efter granskningen."
REVISED_MARK = "Ändrad gradering efter handlingsplan"
REVISED_MARK_OTHERWISE = "Ändrad gradering"
UNGRADED = "Ej graderad"
NONE = "–"
COMPARISON_TITLE = "Jämförelse med föregående SPUR-inspektion"
MATERIAL_TITLE = "Bilaga: Underlag"

_LEAD_IN_AT_END = re.compile(r"\s*(Vilket,? enligt SPUR-modellen,? innebär att:)\s*$")


def build_report(inspection: Inspection, previous: Inspection | None = None) -> Report:
    """The full inspection report, with the action plan as its appendix when there is one, and
    the material reviewed when any was received. A re-inspection is compared with `previous`,
    its last SPUR (`Library.previous_inspection`); without it, with the grades copied then."""
    body: list[Block] = []
    body += _overview(inspection)
    body += _summary(inspection)
    body += _comparison(inspection, previous)
    for area in inspection.criteria.areas:
        if not area.sections:
            continue
        body += [PageBreak(), Heading(1, clean_line(area.title).upper(), f"area-{area.kind}")]
        body += _prose(area.description)
        for section in area.sections:
            body += _section(inspection, section)
    appendix = _action_plan(inspection)
    if appendix:
        body += [PageBreak(), Heading(1, APPENDIX_TITLE, "appendix"), *appendix]
    body += _material(inspection)
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
    content = _action_plan(inspection, alone=True)
    body: list[Block] = [Heading(1, "Åtgärder", "appendix"), *content]
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
        facts.append(("Föreskrifter", ", ".join(inspection.criteria.regulation)))
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
    if with_revision:
        header.append(
            REVISED_MARK if not grading.revision_audit(inspection) else "Ändrad gradering"
        )
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
        _paragraph(_scales_sentence(sections)),
        GridTable(
            tuple(header),
            tuple(rows),
            widths,
            (False, *([True] * grade_columns)),
        ),
    ]


def _scales_sentence(sections: tuple[Section, ...]) -> str:
    """How the sections are graded, from their own scales: "Varje avsnitt graderas A, B, C eller
    D …", or per group of sections when the scales differ (A and C of ST-SPUR lack C)."""
    groups: dict[tuple[Grade, ...], list[str]] = {}
    for section in sections:
        groups.setdefault(section.grades, []).append(section.id)
    if len(groups) == 1:
        (grades,) = groups
        return (
            f"Varje avsnitt graderas {_either([g.value for g in grades])} enligt "
            "SPUR-modellens skala; A är bäst. Skalan återges under respektive avsnitt."
        )
    parts = [
        f"{'avsnitt'} {_and(ids)} graderas {_either([g.value for g in grades])}"
        for grades, ids in groups.items()
    ]
    text = _and(parts)
    return (
        f"{text[0].upper()}{text[1:]} enligt SPUR-modellens skalor; A är bäst. Skalan återges "
        "under respektive avsnitt."
    )


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} och {words[-1]}"


def _either(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} eller {words[-1]}"


def _summary(inspection: Inspection) -> list[Block]:
    out: list[Block] = [PageBreak(), Heading(1, "Sammanfattning", "summary")]
    for kind in SummaryKind:
        out.append(Heading(2, kind.heading, f"summary-{kind.name.lower()}"))
        items = [_as_one_paragraph(blocks(item.text)) for item in inspection.summary_of(kind)]
        items = [item for item in items if item.lines]
        out.append(BulletList(tuple(items)) if items else _note("Inga punkter angivna."))
    return out


# --- re-inspection ------------------------------------------------------------------------------


def _comparison(inspection: Inspection, previous: Inspection | None) -> list[Block]:
    """Only for a re-inspection: grades then and now (table and chart), then what became of the
    deficiencies of the last SPUR, and the deficiencies found now for the first time."""
    if not is_reinspection(inspection):
        return []
    comparison = compare(inspection, previous)
    when = comparison.previous_visit
    out: list[Block] = [
        PageBreak(),
        Heading(1, COMPARISON_TITLE, "comparison"),
        _paragraph(
            "Granskningen är en ominspektion. Tabellen och figuren visar varje avsnitts "
            "gradering vid föregående SPUR-inspektion"
            + (f" ({long_date(when)})" if when else "")
            + " och nu."
        ),
        GridTable(
            ("Avsnitt", "Föregående SPUR", "Nu", "Förändring"),
            tuple(
                (
                    clean_line(g.label),
                    g.previous.value if g.previous else NONE,
                    g.current.value if g.current else UNGRADED,
                    g.change.value.capitalize(),
                )
                for g in comparison.grades
            ),
            (0.46, 0.2, 0.14, 0.2),
            (False, True, True, True),
        ),
        _chart(comparison),
    ]
    return out + _deficiency_comparison(inspection, comparison)


def _chart(comparison: Comparison) -> Figure:
    from spurdesk.report.chart import grade_chart_png

    told = "; ".join(
        f"{g.section_id}: {g.previous.value if g.previous else NONE} då, "
        f"{g.current.value if g.current else NONE} nu"
        for g in comparison.grades
    )
    return Figure(
        grade_chart_png(comparison.grades),
        0.95,
        "Gradering per avsnitt vid föregående SPUR-inspektion (streckad stapel) och nu (grå "
        "stapel). Högre stapel är bättre gradering.",
        f"Stapeldiagram över graderingarna. {told}.",
    )


def _status(status: CriterionStatus | None) -> str:
    return status.value.capitalize() if status is not None else NONE


def _deficiency_comparison(inspection: Inspection, comparison: Comparison) -> list[Block]:
    out: list[Block] = [Heading(2, "Brister vid föregående SPUR-inspektion", "comparison-earlier")]
    if not comparison.previous_known:
        missing = "Föregående inspektion finns inte i biblioteket, så dess brister kan inte "
        return [*out, _note(missing + "följas upp här.")]
    earlier = [d for d in comparison.deficiencies if d.outcome is not Outcome.NEW]
    new = comparison.of(Outcome.NEW)
    header = ("Kriterium", "Då", "Nu", "Bedömning")
    widths, centered = (0.5, 0.15, 0.15, 0.2), (False, True, True, True)

    def rows(found: Iterable[DeficiencyOutcome]) -> tuple[tuple[str, ...], ...]:
        return tuple(
            (
                _criterion_line(inspection, d.criterion_id),
                _status(d.previous),
                _status(d.current),
                d.outcome.value.capitalize(),
            )
            for d in found
        )

    if earlier:
        out.append(GridTable(header, rows(earlier), widths, centered))
    else:
        out.append(_note("Vid föregående SPUR-inspektion påvisades inga brister."))
    out.append(Heading(2, "Nya brister", "comparison-new"))
    if new:
        out.append(GridTable(header, rows(new), widths, centered))
    else:
        out.append(_note("Inga nya brister har påvisats hittills."))
    return out


def _criterion_line(inspection: Inspection, criterion_id: str) -> str:
    try:
        return clean_line(f"{criterion_id} {inspection.criteria.criterion(criterion_id).text}")
    except KeyError:
        return clean_line(f"{criterion_id} (finns inte i nuvarande kriterier)")


# --- material ------------------------------------------------------------------------------------


def _material(inspection: Inspection) -> list[Block]:
    """The appendix "Underlag": the material received from the unit, when there is any."""
    received = [item for item in inspection.material if item.received_on is not None]
    if not received:
        return []
    return [
        PageBreak(),
        Heading(1, MATERIAL_TITLE, "appendix-material"),
        _paragraph("Följande underlag från verksamheten har granskats."),
        GridTable(
            ("Underlag", "Inkom", "Belyser kriterier"),
            tuple(
                (
                    clean_line(item.title),
                    item.received_on.isoformat() if item.received_on else NONE,
                    ", ".join(item.criteria) or NONE,
                )
                for item in received
            ),
            (0.55, 0.17, 0.28),
            (False, True, False),
        ),
    ]


# --- sections ------------------------------------------------------------------------------------


def _section(inspection: Inspection, section: Section) -> list[Block]:
    assessment = inspection.section(section.id)
    out: list[Block] = [Heading(2, clean_line(section.label), f"section-{section.id}")]
    findings = _prose(assessment.findings)
    out += findings or [_note("Iakttagelser saknas.")]
    revised = assessment.revised_grade
    if revised is not None:
        if _revision_follows_rule(inspection, section.id):
            rules = grading.rules_phrase(grading.deficient_kinds(section, assessment))
            text = inspection.criteria.revision.text.format(rules=rules, grade=revised.value)
        else:  # stored before the rule, or against it: listed in the UTKAST box, said plainly
            text = REVISED_OTHERWISE.format(grade=revised.value)
        out.append(_paragraph(clean_line(text)))
    out.append(_criteria_box(section, assessment, _revision_follows_rule(inspection, section.id)))
    return out


def _revision_follows_rule(inspection: Inspection, section_id: str) -> bool:
    return all(found != section_id for found, _ in grading.revision_audit(inspection))


def _criteria_box(
    section: Section, assessment: SectionAssessment, revision_follows_rule: bool = True
) -> CriteriaBox:
    preamble = clean_line(section.preamble)
    lead_in = ""
    match = _LEAD_IN_AT_END.search(preamble)
    if match:
        preamble, lead_in = preamble[: match.start()].strip(), match[1]
    elif preamble:
        lead_in = LEAD_IN
    groups = tuple(
        CriteriaGroup(
            # With the regulation's sentence the box is headed "Föreskrift" and its föreskrifter
            # follow the lead-in, as in the seed; a second "Föreskrift" would repeat the title.
            "" if preamble and kind == CriterionKind.FORESKRIFT else section.group_heading(kind),
            tuple(clean_line(c.text) for c in criteria),
            clean_line(section.group_note(kind)),
        )
        for kind in KIND_ORDER
        if (criteria := section.criteria_of_kind(kind))
    )
    marks = _scale_marks(assessment, revision_follows_rule)
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


def _scale_marks(assessment: SectionAssessment, revision_follows_rule: bool) -> dict[str, str]:
    given, revised = assessment.grade, assessment.revised_grade
    if revised is None or revised == given:
        return {given.value: "Given gradering"} if given else {}
    marks = {revised.value: REVISED_MARK if revision_follows_rule else REVISED_MARK_OTHERWISE}
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


def _action_plan(inspection: Inspection, *, alone: bool = False) -> list[Block]:
    """The appendix for the plan's state (`plan_rules.plan_state`): nothing before the request
    (unless the plan is exported alone), the request with its reply-by date and each deficiency
    marked required or recommended, or the plan as received. Entries in section order."""
    state = plan_state(inspection)
    if state is PlanState.NOT_REQUESTED and not alone:
        return []
    entries = _entries(inspection, state)
    if not entries and state is not PlanState.REQUESTED and not alone:
        return []
    kinds = inspection_deficient_kinds(inspection)
    intro = [DEFICIENCY_SENTENCE.format(rules=grading.rules_phrase(kinds))] if kinds else []
    marked = state is not PlanState.RECEIVED
    if state is PlanState.RECEIVED:
        intro.append(PLAN_RECEIVED)
    elif state is PlanState.REQUESTED:
        due = inspection.reply_by
        intro.append(PLAN_DUE.format(date=long_date(due)) if due else PLAN_DUE_UNDATED)
    else:
        intro.append(PLAN_NOT_REQUESTED)
    if marked and any(required is not None for _, required, _ in entries):
        intro.append(PLAN_MARKS)
    out: list[Block] = [_paragraph(" ".join(intro))]
    if not entries:
        out.append(_note("Handlingsplanen innehåller ännu inga åtgärder."))
    for number, (item, required, criteria_ids) in enumerate(entries, start=1):
        out += _action_entry(inspection, item, required if marked else None, criteria_ids, number)
    return out


_Entry = tuple[ActionItem | None, bool | None, tuple[str, ...]]


def _entries(inspection: Inspection, state: PlanState) -> list[_Entry]:
    """(row or None, required?, criteria answered) in section order; before the plan arrives,
    a required deficiency no row answers yet is an entry of its own (the unit must answer it)."""
    criteria = inspection.criteria
    order = {s.id: n for n, s in enumerate(criteria.sections)}
    found: list[tuple[int, int, _Entry]] = []
    for item in inspection.action_items:
        section_id = item.section_id
        if item.criterion_id and not section_id:
            try:
                section_id = criteria.section_of(item.criterion_id).id
            except KeyError:
                section_id = None
        rank = order.get(section_id or "", len(order))
        entry = (item, row_required(inspection, item), item.criteria_answered)
        found.append((rank, item.position, entry))
    if state is not PlanState.RECEIVED:
        for deficiency in unanswered_required(inspection):
            rank = order[deficiency.section_id]
            found.append(
                (rank, len(inspection.action_items), (None, True, (deficiency.criterion_id,)))
            )
    found.sort(key=lambda entry: entry[:2])
    return [entry for _, _, entry in found]


def _action_entry(
    inspection: Inspection,
    item: ActionItem | None,
    required: bool | None,
    criteria_ids: tuple[str, ...],
    number: int,
) -> list[Block]:
    criteria = inspection.criteria
    section_id = item.section_id if item else None
    texts: list[str] = []
    for criterion_id in criteria_ids:
        try:
            texts.append(clean_line(criteria.criterion(criterion_id).text))
            section_id = section_id or criteria.section_of(criterion_id).id
        except KeyError:
            texts.append(f"Kriterium {clean_line(criterion_id)}")
    heading = "Övrig åtgärd"
    if section_id:
        try:
            heading = clean_line(criteria.section(section_id).label)
        except KeyError:
            heading = f"Avsnitt {clean_line(section_id)}"
    out: list[Block] = [Heading(2, heading, f"action-{number}")]
    out += [Paragraph(TextParagraph((text,)), Role.CRITERION) for text in texts]
    if required is not None:
        out.append(_paragraph(ACTION_REQUIRED if required else ACTION_RECOMMENDED))
    if item is None:
        return out
    if item.has_answer or item.status != ActionItemStatus.OPEN or item.verification_note.strip():
        out.append(_action_fields(item))
    elif plan_state(inspection) is PlanState.RECEIVED:
        out.append(_note(NO_ANSWER))
    return out


def _action_fields(item: ActionItem) -> FieldTable:
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
    return FieldTable(tuple(fields))


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
