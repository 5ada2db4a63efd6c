"""The SPUR criteria model: immutable, Qt-free data loaded from resources/criteria/*.yaml.

A criteria set holds areas (Struktur, Process, Resultat), areas hold sections (A–H), sections hold
criteria and their grading scale. Nothing here changes after loading; an inspection keeps a
snapshot of the set it was made with (see `CriteriaSet.to_dict` / `CriteriaSet.from_dict`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class CriterionKind(StrEnum):
    """What a criterion rests on. The values are the spellings used in the YAML files."""

    FORESKRIFT = "föreskrift"
    ALLMANT_RAD = "allmänt råd"
    KVALITETSINDIKATOR = "kvalitetsindikator"

    @property
    def heading(self) -> str:
        """The group heading a report prints above criteria of this kind."""
        return _KIND_HEADINGS[self]


_KIND_HEADINGS = {
    CriterionKind.FORESKRIFT: "Föreskrift",
    CriterionKind.ALLMANT_RAD: "Allmänna råd",
    CriterionKind.KVALITETSINDIKATOR: "Kvalitetsindikatorer",
}

#: The order criteria groups appear in, in editors and reports.
KIND_ORDER: tuple[CriterionKind, ...] = (
    CriterionKind.FORESKRIFT,
    CriterionKind.ALLMANT_RAD,
    CriterionKind.KVALITETSINDIKATOR,
)


class Grade(StrEnum):
    """A section grade; A is best. Which letters a section offers is given by its scale."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def rank(self) -> int:
        """0 for A … 3 for D: larger is worse."""
        return "ABCD".index(self.value)


class AreaKind(StrEnum):
    STRUCTURE = "struktur"
    PROCESS = "process"
    OUTCOME = "resultat"


@dataclass(frozen=True)
class Criterion:
    id: str  # stable, e.g. "E.4"
    kind: CriterionKind
    text: str
    order: int  # 1-based position within the section
    note: str = ""  # e.g. why the classification was uncertain


@dataclass(frozen=True)
class ScaleStep:
    grade: Grade
    text: str
    note: str = ""  # e.g. a correction of the source's wording, and why


class RevisionDirection(StrEnum):
    """Which way a revised grade may go from the grade given at the visit."""

    BETTER = "better"
    ANY = "any"


@dataclass(frozen=True)
class RevisionRule:
    """When a section's grade may be revised after the visit, and how the report says so.

    In SPUR a revision follows the unit's action plan and improves a section in which the visit
    found deficiencies (the seed report: D → C, "Graderingen är ändrad till C"). The rule is data
    (a criteria file's `revision`); sets without one get `DEFAULT_REVISION_RULE`, which is what the
    shipped ST-SPUR file states (a test keeps the two equal).
    """

    statuses: tuple[str, ...]  # InspectionStatus values in which a grade may be revised
    direction: RevisionDirection
    from_grades: tuple[Grade, ...]  # grades given at the visit that may be revised
    to_grades: tuple[Grade, ...]  # grades a revision may reach
    requires_plan_row: bool  # a row of the action plan answers a criterion of the section
    # The sentence under the section's findings; "{rules}" becomes "föreskrifter", "allmänna råd"
    # or "föreskrifter och allmänna råd" (what the section's deficiencies concern), "{grade}" the
    # revised grade.
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "statuses": list(self.statuses),
            "direction": self.direction.value,
            "from": [g.value for g in self.from_grades],
            "to": [g.value for g in self.to_grades],
            "requires_plan_row": self.requires_plan_row,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RevisionRule:
        return cls(
            statuses=tuple(data["statuses"]),
            direction=RevisionDirection(data["direction"]),
            from_grades=tuple(Grade(g) for g in data["from"]),
            to_grades=tuple(Grade(g) for g in data["to"]),
            requires_plan_row=bool(data["requires_plan_row"]),
            text=data["text"],
        )


DEFAULT_REVISION_RULE = RevisionRule(
    statuses=("handlingsplan inkommen", "avslutad"),
    direction=RevisionDirection.BETTER,
    from_grades=(Grade.C, Grade.D),
    to_grades=(Grade.B, Grade.C),
    requires_plan_row=True,
    text=(
        "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens "
        "{rules}. Verksamheten har efter granskningen inkommit med handlingsplan, se bilaga. "
        "Graderingen är ändrad till {grade}."
    ),
)


@dataclass(frozen=True)
class Section:
    id: str  # "A" … "H"
    title: str
    area: AreaKind
    preamble: str  # the regulation sentence(s) ending "Vilket, enligt SPUR-modellen, innebär att:"
    criteria: tuple[Criterion, ...]
    scale: tuple[ScaleStep, ...]  # best grade first
    # How many quality indicators may be unmet (partly or not) and still allow grade A.
    allowed_exceptions: int = 1
    # The box's group heading per kind, as the source prints it ("Kvalitetsindikator" in B with
    # three indicators, "Kvalitetsindikatorer" in H with one); kinds not listed: `group_heading`.
    headings: tuple[tuple[CriterionKind, str], ...] = ()
    # A remark printed under a kind's group, e.g. E's "(För ST enligt 2015:8 …)".
    group_notes: tuple[tuple[CriterionKind, str], ...] = ()

    @property
    def label(self) -> str:
        """ "E. Handledning och kompetensbedömning" — as headings and the action plan print it."""
        return f"{self.id}. {self.title}"

    @property
    def grades(self) -> tuple[Grade, ...]:
        return tuple(step.grade for step in self.scale)

    def scale_text(self, grade: Grade) -> str:
        for step in self.scale:
            if step.grade == grade:
                return step.text
        raise KeyError(f"section {self.id} has no grade {grade}")

    def criteria_of_kind(self, kind: CriterionKind) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.kind == kind)

    def has_kind(self, kind: CriterionKind) -> bool:
        return any(c.kind == kind for c in self.criteria)

    def group_heading(self, kind: CriterionKind) -> str:
        """The heading of the kind's group in the section's box: the set's word for it, else (a
        snapshot made before sets gave headings) the singular for a single indicator."""
        given = dict(self.headings).get(kind)
        if given:
            return given
        if kind == CriterionKind.KVALITETSINDIKATOR and len(self.criteria_of_kind(kind)) == 1:
            return "Kvalitetsindikator"
        return kind.heading

    def group_note(self, kind: CriterionKind) -> str:
        return dict(self.group_notes).get(kind, "")


@dataclass(frozen=True)
class Area:
    kind: AreaKind
    title: str  # "Struktur", "Process", "Resultat"
    sections: tuple[Section, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class CriteriaSet:
    id: str  # e.g. "st-spur"; a higher version of the same id supersedes for new inspections
    title: str
    version: int
    regulation: tuple[str, ...]  # e.g. ("HSLF-FS 2021:8", "SOSFS 2015:8")
    language: str
    areas: tuple[Area, ...]
    source: str = field(default="", compare=False)  # file it was loaded from, for messages
    # The set's own revision rule; None (a file or snapshot without one): the default applies.
    revision_rule: RevisionRule | None = None

    @property
    def revision(self) -> RevisionRule:
        """When grades may be revised: the set's rule, else `DEFAULT_REVISION_RULE`."""
        return self.revision_rule or DEFAULT_REVISION_RULE

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(section for area in self.areas for section in area.sections)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for section in self.sections for c in section.criteria)

    @property
    def label(self) -> str:
        return f"{self.title} (version {self.version})"

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"criteria set {self.id} has no section {section_id}")

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(f"criteria set {self.id} has no criterion {criterion_id}")

    def section_of(self, criterion_id: str) -> Section:
        for section in self.sections:
            if any(c.id == criterion_id for c in section.criteria):
                return section
        raise KeyError(f"criteria set {self.id} has no criterion {criterion_id}")

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-safe form for the snapshot stored with each inspection."""
        return {
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "regulation": list(self.regulation),
            "language": self.language,
            "areas": [
                {
                    "kind": area.kind.value,
                    "title": area.title,
                    "description": area.description,
                    "sections": [
                        {
                            "id": s.id,
                            "title": s.title,
                            "preamble": s.preamble,
                            "allowed_exceptions": s.allowed_exceptions,
                            "scale": [
                                {"grade": st.grade.value, "text": st.text}
                                | ({"note": st.note} if st.note else {})
                                for st in s.scale
                            ],
                            **_optional("headings", s.headings),
                            **_optional("group_notes", s.group_notes),
                            "criteria": [
                                {"id": c.id, "kind": c.kind.value, "text": c.text, "note": c.note}
                                for c in s.criteria
                            ],
                        }
                        for s in area.sections
                    ],
                }
                for area in self.areas
            ],
            **({"revision": self.revision_rule.to_dict()} if self.revision_rule else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CriteriaSet:
        """Inverse of `to_dict`; the input is trusted (it was written by `to_dict`)."""
        areas = []
        for area in data["areas"]:
            kind = AreaKind(area["kind"])
            sections = tuple(
                Section(
                    id=s["id"],
                    title=s["title"],
                    area=kind,
                    preamble=s["preamble"],
                    allowed_exceptions=s["allowed_exceptions"],
                    scale=tuple(
                        ScaleStep(Grade(st["grade"]), st["text"], st.get("note", ""))
                        for st in s["scale"]
                    ),
                    headings=_by_kind(s.get("headings", {})),
                    group_notes=_by_kind(s.get("group_notes", {})),
                    criteria=tuple(
                        Criterion(
                            c["id"], CriterionKind(c["kind"]), c["text"], i, c.get("note", "")
                        )
                        for i, c in enumerate(s["criteria"], start=1)
                    ),
                )
                for s in area["sections"]
            )
            areas.append(Area(kind, area["title"], sections, area.get("description", "")))
        return cls(
            id=data["id"],
            title=data["title"],
            version=data["version"],
            regulation=tuple(data["regulation"]),
            language=data["language"],
            areas=tuple(areas),
            revision_rule=RevisionRule.from_dict(data["revision"]) if "revision" in data else None,
        )


def _optional(key: str, pairs: tuple[tuple[CriterionKind, str], ...]) -> dict[str, Any]:
    """{key: {kind: text}} when there are pairs, else nothing: a snapshot written before sets had
    the field reads back exactly as stored."""
    return {key: {kind.value: text for kind, text in pairs}} if pairs else {}


def _by_kind(data: dict[str, str]) -> tuple[tuple[CriterionKind, str], ...]:
    """{"kvalitetsindikator": "…"} as (kind, text) pairs in KIND_ORDER."""
    return tuple((kind, data[kind.value]) for kind in KIND_ORDER if kind.value in data)
