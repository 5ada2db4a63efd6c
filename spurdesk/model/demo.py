"""The demo inspection: the seed SPUR report, shipped as data in resources/demo/.

Every new user, screenshot, report test and benchmark starts from this record, so it is the real
report entered in full rather than invented sample text. It lives in YAML (readable and
correctable without touching code) and is checked against the criteria set it is combined with:
a demo naming a section or criterion the set lacks is refused, never silently half-loaded.

The record carries id 0 everywhere; `Library.import_inspection` assigns real ids when storing it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import yaml

from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria import CriteriaSet, Grade, Section
from spurdesk.model.criteria_loader import load_criteria_library
from spurdesk.model.inspection import (
    ActionItem,
    ActionItemStatus,
    CriterionAssessment,
    CriterionStatus,
    Inspection,
    InspectionStatus,
    Inspector,
    ParticipantGroup,
    SectionAssessment,
    SummaryItem,
    SummaryKind,
)
from spurdesk.resources import resource_path

DEMO_FILE_NAME = "demo-inspection.yaml"

_E = TypeVar("_E", bound=StrEnum)


class DemoDataError(SpurdeskError):
    """The demo file is unreadable, malformed, or does not fit the chosen criteria set."""


def demo_file() -> Path:
    """Where the shipped demo inspection lives (also inside a frozen bundle)."""
    return resource_path("demo", DEMO_FILE_NAME)


def demo_inspection(criteria: CriteriaSet | None = None) -> Inspection:
    """The seed report as an `Inspection` record, made with `criteria` (default: newest ST-SPUR).

    Raises `DemoDataError` when the demo file is damaged or names a section or criterion that
    `criteria` does not have.
    """
    if criteria is None:
        criteria = load_criteria_library().default()
    return load_demo(demo_file(), criteria)


def load_demo(path: Path, criteria: CriteriaSet) -> Inspection:
    """Read a demo file in the format of resources/demo/demo-inspection.yaml."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DemoDataError(
            f"Demoinspektionen kunde inte läsas från {path}: {error}. "
            "Installera om spurdesk så att filen återställs."
        ) from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path.name}, rad {mark.line + 1}" if mark is not None else path.name
        raise DemoDataError(
            f"{where}: filen är inte giltig YAML ({getattr(error, 'problem', error)}). "
            "Rätta filen eller installera om spurdesk."
        ) from error
    return inspection_from_data(data, criteria, source=path.name)


def inspection_from_data(data: Any, criteria: CriteriaSet, source: str) -> Inspection:
    """Build and validate the record from the parsed YAML; `source` names the file in messages."""
    root = _mapping(data, source)
    expected_set = _text(root, "criteria_set", source)
    if expected_set != criteria.id:
        raise DemoDataError(
            f"{source}: demoinspektionen är skriven för kriteriesamlingen '{expected_set}', "
            f"inte för {criteria.label} ('{criteria.id}'). Välj kriteriesamlingen "
            f"'{expected_set}'."
        )
    return Inspection(
        id=0,
        unit=_text(root, "unit", source),
        site=_text(root, "site", source),
        care_provider=_text(root, "care_provider", source),
        specialty=_text(root, "specialty", source),
        criteria=criteria,
        status=_choice(InspectionStatus, root.get("status"), f"{source}, status"),
        visit_start=_date(root.get("visit_start"), f"{source}, visit_start"),
        visit_end=_date(root.get("visit_end"), f"{source}, visit_end"),
        report_date=_date(root.get("report_date"), f"{source}, report_date"),
        reply_by=_date(root.get("reply_by"), f"{source}, reply_by"),
        inspectors=tuple(
            Inspector(_text(entry, "name", where), _text(entry, "role", where))
            for entry, where in _entries(root, "inspectors", source)
        ),
        participants=tuple(
            ParticipantGroup(
                _text(entry, "role", where),
                _count(entry.get("count"), f"{where}, count"),
                _text(entry, "names", where, default=""),
            )
            for entry, where in _entries(root, "participants", source)
        ),
        sections=_sections(root, criteria, source),
        summary=_summary(root, source),
        action_items=_action_items(root, criteria, source),
    )


def _sections(
    root: Mapping[str, Any], criteria: CriteriaSet, source: str
) -> tuple[SectionAssessment, ...]:
    """One assessment per section of the set, in set order; sections the demo lacks stay empty."""
    by_id: dict[str, SectionAssessment] = {}
    for entry, where in _entries(root, "sections", source):
        section_id = _text(entry, "id", where)
        where = f"{source}, avsnitt {section_id}"
        section = _section(criteria, section_id, where)
        if section_id in by_id:
            raise DemoDataError(f"{where}: avsnittet förekommer två gånger. Slå ihop posterna.")
        by_id[section_id] = _section_assessment(entry, section, criteria, where)
    return tuple(by_id.get(s.id, SectionAssessment(s.id)) for s in criteria.sections)


def _section_assessment(
    entry: Mapping[str, Any], section: Section, criteria: CriteriaSet, where: str
) -> SectionAssessment:
    revision = entry.get("revision")
    revised_grade: Grade | None = None
    revised_on: date | None = None
    revision_reason = ""
    if revision is not None:
        revision = _mapping(revision, f"{where}, revision")
        revised_grade = _grade(revision.get("grade"), section, f"{where}, revision")
        revised_on = _date(revision.get("date"), f"{where}, revision, date")
        revision_reason = _text(revision, "reason", f"{where}, revision")
    return SectionAssessment(
        section_id=section.id,
        findings=_paragraphs(entry.get("findings", ""), f"{where}, findings"),
        grade=_grade(entry.get("grade"), section, where) if "grade" in entry else None,
        justification=_text(entry, "justification", where, default=""),
        revised_grade=revised_grade,
        revised_on=revised_on,
        revision_reason=revision_reason,
        criteria=_criterion_assessments(entry.get("criteria", {}), section, criteria, where),
    )


def _criterion_assessments(
    value: Any, section: Section, criteria: CriteriaSet, where: str
) -> tuple[CriterionAssessment, ...]:
    """Every criterion of the section in its order; ones the demo does not mention: ej bedömt."""
    given: dict[str, CriterionAssessment] = {}
    for criterion_id, spec in _mapping(value, f"{where}, criteria").items():
        at = f"{where}, kriterium {criterion_id}"
        _criterion_in(criteria, section, str(criterion_id), at)
        if isinstance(spec, Mapping):
            status = _choice(CriterionStatus, spec.get("status"), f"{at}, status")
            note = _text(spec, "note", at, default="")
        else:
            status, note = _choice(CriterionStatus, spec, f"{at}, status"), ""
        given[str(criterion_id)] = CriterionAssessment(str(criterion_id), status, note)
    return tuple(given.get(c.id, CriterionAssessment(c.id)) for c in section.criteria)


def _summary(root: Mapping[str, Any], source: str) -> tuple[SummaryItem, ...]:
    """Styrkor, Svagheter, Förbättringspotential, each ordered as in the file."""
    groups = _mapping(root.get("summary", {}), f"{source}, summary")
    unknown = set(groups) - {kind.value for kind in SummaryKind}
    if unknown:
        raise DemoDataError(
            f"{source}, summary: okänd rubrik {', '.join(sorted(map(str, unknown)))}. "
            f"Tillåtna: {', '.join(kind.value for kind in SummaryKind)}."
        )
    items: list[SummaryItem] = []
    for kind in SummaryKind:
        texts = groups.get(kind.value, [])
        where = f"{source}, summary, {kind.value}"
        if not isinstance(texts, list):
            raise DemoDataError(
                f"{where}: väntade en lista med punkter, fick {_kind_of(texts)}. "
                "Skriv varje punkt på en egen rad som börjar med '- '."
            )
        items.extend(
            SummaryItem(0, kind, _nonempty(text, f"{where}, punkt {i + 1}"), i)
            for i, text in enumerate(texts)
        )
    return tuple(items)


def _action_items(
    root: Mapping[str, Any], criteria: CriteriaSet, source: str
) -> tuple[ActionItem, ...]:
    items = []
    for position, (entry, where) in enumerate(_entries(root, "action_plan", source)):
        section_id = entry.get("section")
        criterion_id = entry.get("criterion")
        further = entry.get("further_criteria", [])
        if not isinstance(further, list):
            raise DemoDataError(f"{where}, further_criteria: väntade en lista med kriterier.")
        if section_id is not None:
            section = _section(criteria, str(section_id), where)
            for linked in [criterion_id, *further] if criterion_id is not None else further:
                _criterion_in(criteria, section, str(linked), where)
        elif criterion_id is not None or further:
            raise DemoDataError(f"{where}: kriterier anges utan avsnitt. Lägg till 'section'.")
        items.append(
            ActionItem(
                id=0,
                section_id=None if section_id is None else str(section_id),
                criterion_id=None if criterion_id is None else str(criterion_id),
                further_criteria=tuple(str(c) for c in further),
                planned_action=_text(entry, "planned_action", where),
                due=_text(entry, "due", where, default=""),
                responsible=_text(entry, "responsible", where, default=""),
                follow_up=_text(entry, "follow_up", where, default=""),
                follow_up_responsible=_text(entry, "follow_up_responsible", where, default=""),
                status=_choice(
                    ActionItemStatus, entry.get("status", ActionItemStatus.OPEN.value), where
                ),
                unit_comment=_text(entry, "unit_comment", where, default=""),
                position=position,
            )
        )
    return tuple(items)


# --- checks against the criteria set -------------------------------------------------------


def _section(criteria: CriteriaSet, section_id: str, where: str) -> Section:
    try:
        return criteria.section(section_id)
    except KeyError:
        raise DemoDataError(
            f"{where}: avsnitt {section_id} finns inte i {criteria.label}. "
            "Rätta demofilen eller välj en kriteriesamling som har avsnittet."
        ) from None


def _criterion_in(criteria: CriteriaSet, section: Section, criterion_id: str, where: str) -> None:
    if not any(c.id == criterion_id for c in section.criteria):
        raise DemoDataError(
            f"{where}: kriterium {criterion_id} finns inte i avsnitt {section.id} i "
            f"{criteria.label}. Rätta demofilen eller välj en kriteriesamling som har kriteriet."
        )


def _grade(value: Any, section: Section, where: str) -> Grade:
    allowed = ", ".join(g.value for g in section.grades)
    if str(value) not in {g.value for g in section.grades}:
        raise DemoDataError(
            f"{where}: graderingen {value!r} finns inte i avsnittets skala ({allowed})."
        )
    return Grade(str(value))


# --- plain value readers ---------------------------------------------------------------------


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise DemoDataError(f"{where}: väntade nyckel–värde-par, fick {_kind_of(value)}.")
    return value


def _entries(root: Mapping[str, Any], key: str, source: str) -> list[tuple[Mapping[str, Any], str]]:
    """The mappings of a list field, each with its position for messages ("sections, post 3")."""
    value = root.get(key, [])
    if not isinstance(value, list):
        raise DemoDataError(f"{source}, {key}: väntade en lista, fick {_kind_of(value)}.")
    return [
        (_mapping(entry, f"{source}, {key}, post {i}"), f"{source}, {key}, post {i}")
        for i, entry in enumerate(value, start=1)
    ]


def _text(entry: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
    """A text field; a YAML date (an unquoted 2025-05-01) counts as its ISO text."""
    value = entry.get(key, default)
    if value is None:
        raise DemoDataError(f"{where}: fältet '{key}' saknas. Lägg till det.")
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise DemoDataError(f"{where}, {key}: väntade text, fick {_kind_of(value)}.")
    return value


def _nonempty(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DemoDataError(f"{where}: väntade en text, fick {_kind_of(value)}.")
    return value


def _paragraphs(value: Any, where: str) -> str:
    """Findings as a list of paragraphs (or one text), joined by blank lines."""
    if isinstance(value, str):
        return value
    if not isinstance(value, Sequence):
        raise DemoDataError(f"{where}: väntade en lista med stycken, fick {_kind_of(value)}.")
    return "\n\n".join(_nonempty(p, f"{where}, stycke {i}") for i, p in enumerate(value, 1))


def _date(value: Any, where: str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DemoDataError(
            f"{where}: {value!r} är inget datum. Skriv det som ÅÅÅÅ-MM-DD."
        ) from None


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DemoDataError(f"{where}: väntade ett antal (heltal ≥ 0), fick {value!r}.")
    return value


def _choice(enum: type[_E], value: Any, where: str) -> _E:
    allowed = ", ".join(member.value for member in enum)
    if value is None:
        raise DemoDataError(f"{where}: värdet saknas. Tillåtna: {allowed}.")
    try:
        return enum(value)
    except ValueError:
        raise DemoDataError(f"{where}: okänt värde {value!r}. Tillåtna: {allowed}.") from None


def _kind_of(value: Any) -> str:
    if value is None:
        return "ingenting"
    if isinstance(value, str):
        return f"texten {value!r}"
    return type(value).__name__
