"""Criteria sets from YAML files: line-numbered validation, and the registry of every set found.

Why composed nodes rather than `yaml.safe_load`: a plain load forgets where each value stood, and
the people who edit these files need to be told the line to fix. We compose PyYAML's node tree
(every node keeps its start mark; aliases such as `*four_step` resolve to the anchored node) and
build the frozen `CriteriaSet` from it ourselves, checking each field on the way. Every problem
becomes one `CriteriaFileError` naming the file and the line; no traceback reaches the user.

File format (see resources/criteria/st-spur.yaml): top level `id`, `title`, `version` (int),
`regulation` (list), `language`, `areas`, optional `allowed_exceptions` (default for sections),
optional `headings` (kind → the group heading the boxes print, default for sections), optional
`revision` (when a grade may be revised after the visit, see `RevisionRule`; default
`DEFAULT_REVISION_RULE`) and optional `scales` (a parking place for YAML anchors, read only through
aliases). An area has `kind` (struktur/process/resultat), `title`, `sections` and optional
`description`. A section has `id`, `title`, `preamble` (may be empty), `scale` (grade → text, or
grade → {text, note}, best first), `criteria` and optional `allowed_exceptions`, `headings` and
`notes` (kind → a remark printed under that group); a criterion has `id` (prefixed by its section
id), `kind`, `text` and optional `note`. Criterion order is list position.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NoReturn, TypeVar

import yaml
from platformdirs import user_config_path
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria import (
    KIND_ORDER,
    Area,
    AreaKind,
    CriteriaSet,
    Criterion,
    CriterionKind,
    Grade,
    RevisionDirection,
    RevisionRule,
    ScaleStep,
    Section,
)
from spurdesk.model.inspection import InspectionStatus
from spurdesk.resources import resource_path

#: The set `CriteriaLibrary.default()` returns: the SPUR model for ST.
DEFAULT_SET_ID = "st-spur"
#: Overrides the user criteria folder (tests, offices sharing a folder on a network drive).
CRITERIA_DIR_ENV = "SPURDESK_CRITERIA_DIR"
CRITERIA_SUFFIXES = (".yaml", ".yml")
#: Quality indicators that may be unmet with grade A still possible, when a file does not say.
DEFAULT_ALLOWED_EXCEPTIONS = 1

_SET_REQUIRED = ("id", "title", "version", "regulation", "language", "areas")
_SET_OPTIONAL = ("allowed_exceptions", "headings", "revision", "scales")
_AREA_REQUIRED = ("kind", "title", "sections")
_AREA_OPTIONAL = ("description",)
_SECTION_REQUIRED = ("id", "title", "preamble", "scale", "criteria")
_SECTION_OPTIONAL = ("allowed_exceptions", "headings", "notes")
_CRITERION_REQUIRED = ("id", "kind", "text")
_CRITERION_OPTIONAL = ("note",)
_STEP_REQUIRED = ("text",)
_STEP_OPTIONAL = ("note",)
_REVISION_REQUIRED = ("statuses", "direction", "from", "to", "requires_plan_row", "text")
_REVISION_PLACEHOLDERS = ("{rules}", "{grade}")

_THREE_STEP = (Grade.A, Grade.B, Grade.D)
_CONSTRUCTOR = SafeConstructor()
# libyaml's parser composes the same nodes (with marks) about twenty times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FOUR_STEP = (Grade.A, Grade.B, Grade.C, Grade.D)
_E = TypeVar("_E", bound=StrEnum)


class CriteriaFileError(SpurdeskError):
    """A criteria file that cannot be used: `.file`, `.line` (1-based, or None) and `.problem`."""

    def __init__(self, file: Path, line: int | None, problem: str) -> None:
        where = file.name if line is None else f"{file.name}, line {line}"
        super().__init__(f"{where}: {problem}")
        self.file = file
        self.line = line
        self.problem = problem


class UnknownCriteriaSetError(SpurdeskError):
    """A criteria set was asked for by id and no loaded file provides it."""


def _either(words: Sequence[str]) -> str:
    """ "a, b or c" — for the "expected …" part of messages."""
    quoted = list(words)
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _describe(node: Node) -> str:
    """What the author wrote, in words, for "must be X, not Y" messages."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kind = node.tag.rsplit(":", 1)[-1]
    if kind == "null":
        return "empty"
    if kind in {"int", "float"}:
        return f"the number {node.value}"
    if kind == "bool":
        return f"the yes/no value {node.value}"
    return f'the text "{node.value}"'


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag.endswith(":null")


def _peek(node: Node, key: str) -> str | None:
    """The plain text under `key` of a mapping node, if any, to name an owner before validating."""
    if not isinstance(node, MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == key and isinstance(value_node, ScalarNode) and value_node.value:
            return unicodedata.normalize("NFC", str(value_node.value)).strip() or None
    return None


class _Fields(dict[str, Node]):
    """A mapping's value nodes by key, remembering each key's line (an alias's value node stands
    where its anchor is, but the problem is where the key uses it)."""

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}


@dataclass
class _Reader:
    """Turns one file's node tree into a CriteriaSet; `fail` stops at the first problem."""

    path: Path

    def fail(self, node: Node, problem: str) -> NoReturn:
        raise CriteriaFileError(self.path, _line(node), problem)

    def fail_at(self, line: int, problem: str) -> NoReturn:
        raise CriteriaFileError(self.path, line, problem)

    # -- typed field access -------------------------------------------------------------------

    def fields(
        self, node: Node, owner: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> _Fields:
        """The mapping's values by key; refuses non-mappings and duplicate/unknown/missing keys."""
        allowed = required + optional
        if not isinstance(node, MappingNode):
            self.fail(
                node, f"{owner} must be a mapping with {', '.join(required)}, not {_describe(node)}"
            )
        values = _Fields()
        key_lines = values.key_lines
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, f"{owner} has a key that is not a name")
            key = str(key_node.value)
            if key in values:
                self.fail(key_node, f'{owner} has "{key}" twice (first at line {key_lines[key]})')
            if key not in allowed:
                self.fail(
                    key_node,
                    f'{owner} has unknown key "{key}" (expected {_either(allowed)}); '
                    "check the spelling",
                )
            values[key] = value_node
            key_lines[key] = _line(key_node)
        for key in required:
            if key not in values:
                self.fail(node, f'{owner} has no "{key}" (required: {", ".join(required)})')
        return values

    def text(self, node: Node, owner: str, field: str, *, may_be_empty: bool = False) -> str:
        if not isinstance(node, ScalarNode):
            self.fail(node, f'{owner}: "{field}" must be text, not {_describe(node)}')
        value = "" if _is_null(node) else unicodedata.normalize("NFC", str(node.value)).strip()
        if not value and not may_be_empty:
            self.fail(node, f'{owner}: "{field}" is empty; write its text')
        return value

    def member(self, node: Node, kind: type[_E], owner: str, field: str) -> _E:
        """One of an enumeration's values, e.g. a criterion's kind; the message lists them."""
        text = self.text(node, owner, field)
        try:
            return kind(text)
        except ValueError:
            expected = _either([member.value for member in kind])
            self.fail(node, f'{owner} has unknown {field} "{text}" (expected {expected})')

    def integer(self, node: Node, owner: str, field: str, *, minimum: int) -> int:
        if not (isinstance(node, ScalarNode) and node.tag.endswith(":int")):
            self.fail(node, f'{owner}: "{field}" must be a whole number, not {_describe(node)}')
        value = int(_CONSTRUCTOR.construct_yaml_int(node))
        if value < minimum:
            self.fail(node, f'{owner}: "{field}" must be at least {minimum}, not {value}')
        return value

    def items(self, node: Node, owner: str, field: str) -> list[Node]:
        """A list's entries; an empty value counts as an empty list."""
        if _is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.fail(node, f'{owner}: "{field}" must be a list, not {_describe(node)}')
        return list(node.value)

    # -- the document ---------------------------------------------------------------------------

    def criteria_set(self, root: Node) -> tuple[CriteriaSet, int]:
        """The set, and the line of its `version` (where a duplicate version is reported)."""
        owner = "the criteria set"
        fields = self.fields(root, owner, _SET_REQUIRED, _SET_OPTIONAL)
        if "scales" in fields and not (
            isinstance(fields["scales"], MappingNode) or _is_null(fields["scales"])
        ):
            self.fail(
                fields["scales"], f'"scales" must be a mapping, not {_describe(fields["scales"])}'
            )
        set_id = self.text(fields["id"], owner, "id")
        title = self.text(fields["title"], owner, "title")
        version = self.integer(fields["version"], owner, "version", minimum=1)
        language = self.text(fields["language"], owner, "language")
        regulation = tuple(
            self.text(entry, owner, "regulation")
            for entry in self.items(fields["regulation"], owner, "regulation")
        )
        allowed_exceptions = DEFAULT_ALLOWED_EXCEPTIONS
        if "allowed_exceptions" in fields:
            allowed_exceptions = self.integer(
                fields["allowed_exceptions"], owner, "allowed_exceptions", minimum=0
            )
        headings: dict[CriterionKind, str] = {}
        if "headings" in fields:
            headings = self.by_kind(fields["headings"], owner, "headings")
        revision = None
        if "revision" in fields:
            revision = self.revision(fields["revision"])
        areas = self.areas(
            fields["areas"], _Defaults(allowed_exceptions, headings), _IdRegistry(self)
        )
        if not any(area.sections for area in areas):
            self.fail(
                fields["areas"],
                'the set has no sections; add at least one section under an area\'s "sections"',
            )
        criteria_set = CriteriaSet(
            set_id, title, version, regulation, language, areas, str(self.path), revision
        )
        return criteria_set, _line(fields["version"])

    def by_kind(self, node: Node, owner: str, field: str) -> dict[CriterionKind, str]:
        """A mapping of criterion kind to text (group headings, group notes)."""
        if not isinstance(node, MappingNode):
            self.fail(node, f'{owner}: "{field}" must be a mapping of kind to text')
        expected = _either([k.value for k in CriterionKind])
        found: dict[CriterionKind, str] = {}
        for key_node, value_node in node.value:
            name = str(key_node.value).strip() if isinstance(key_node, ScalarNode) else "?"
            try:
                kind = CriterionKind(name)
            except ValueError:
                self.fail(key_node, f'{owner}: "{field}" has unknown kind "{name}" ({expected})')
            if kind in found:
                self.fail(key_node, f'{owner}: "{field}" has "{name}" twice')
            found[kind] = self.text(value_node, owner, f"{field} {name}")
        return found

    def grades(self, node: Node, owner: str, field: str) -> tuple[Grade, ...]:
        grades: list[Grade] = []
        for entry in self.items(node, owner, field):
            letter = self.text(entry, owner, field)
            if letter not in Grade.__members__:
                self.fail(entry, f'{owner}: "{field}" has grade "{letter}" (expected A, B, C or D)')
            grades.append(Grade(letter))
        if not grades:
            self.fail(node, f'{owner}: "{field}" lists no grades')
        return tuple(grades)

    def revision(self, node: Node) -> RevisionRule:
        owner = "the revision rule"
        fields = self.fields(node, owner, _REVISION_REQUIRED, ())
        statuses = [
            self.member(entry, InspectionStatus, owner, "status").value
            for entry in self.items(fields["statuses"], owner, "statuses")
        ]
        direction = self.member(fields["direction"], RevisionDirection, owner, "direction")
        flag = fields["requires_plan_row"]
        if not (isinstance(flag, ScalarNode) and flag.tag.endswith(":bool")):
            self.fail(flag, f'{owner}: "requires_plan_row" must be true or false')
        text = self.text(fields["text"], owner, "text")
        for placeholder in _REVISION_PLACEHOLDERS:
            if placeholder not in text:
                self.fail(
                    fields["text"], f'{owner}: "text" must contain {placeholder} where it goes'
                )
        return RevisionRule(
            statuses=tuple(statuses),
            direction=direction,
            from_grades=self.grades(fields["from"], owner, "from"),
            to_grades=self.grades(fields["to"], owner, "to"),
            requires_plan_row=bool(_CONSTRUCTOR.construct_yaml_bool(flag)),
            text=text,
        )

    def areas(self, node: Node, defaults: _Defaults, registry: _IdRegistry) -> tuple[Area, ...]:
        areas: list[Area] = []
        kind_lines: dict[AreaKind, int] = {}
        for position, area_node in enumerate(self.items(node, "the criteria set", "areas"), 1):
            owner = f"area {_peek(area_node, 'title') or position}"
            fields = self.fields(area_node, owner, _AREA_REQUIRED, _AREA_OPTIONAL)
            kind = self.member(fields["kind"], AreaKind, owner, "kind")
            if kind in kind_lines:
                self.fail(
                    fields["kind"],
                    f'{owner}: area kind "{kind.value}" appears twice (first at line '
                    f"{kind_lines[kind]}); put all its sections in one area",
                )
            kind_lines[kind] = _line(fields["kind"])
            title = self.text(fields["title"], owner, "title")
            sections = tuple(
                self.section(section_node, kind, f"{number} of {owner}", defaults, registry)
                for number, section_node in enumerate(
                    self.items(fields["sections"], owner, "sections"), start=1
                )
            )
            description = ""
            if "description" in fields:
                description = self.text(
                    fields["description"], owner, "description", may_be_empty=True
                )
            areas.append(Area(kind, title, sections, description))
        return tuple(areas)

    def section(
        self,
        node: Node,
        area: AreaKind,
        place: str,
        defaults: _Defaults,
        registry: _IdRegistry,
    ) -> Section:
        peeked = _peek(node, "id")
        owner = f"section {peeked}" if peeked else f"section {place}"
        fields = self.fields(node, owner, _SECTION_REQUIRED, _SECTION_OPTIONAL)
        section_id = self.text(fields["id"], owner, "id")
        owner = f"section {section_id}"
        registry.claim("section", section_id, fields["id"])
        allowed_exceptions = defaults.allowed_exceptions
        if "allowed_exceptions" in fields:
            allowed_exceptions = self.integer(
                fields["allowed_exceptions"], owner, "allowed_exceptions", minimum=0
            )
        criteria_nodes = self.items(fields["criteria"], owner, "criteria")
        if not criteria_nodes:
            self.fail(
                fields["criteria"], f'{owner} has no criteria; list at least one under "criteria"'
            )
        criteria = tuple(
            self.criterion(criterion_node, section_id, order, registry)
            for order, criterion_node in enumerate(criteria_nodes, start=1)
        )
        scale = self.scale(fields["scale"], owner)
        self.check_scale_fits(fields.key_lines["scale"], owner, scale, criteria)
        headings = dict(defaults.headings)
        if "headings" in fields:
            headings.update(self.by_kind(fields["headings"], owner, "headings"))
        notes: dict[CriterionKind, str] = {}
        if "notes" in fields:
            notes = self.by_kind(fields["notes"], owner, "notes")
            for kind in notes:
                if not any(c.kind == kind for c in criteria):
                    self.fail(fields["notes"], f'{owner} has a note on "{kind}" but no such group')
        return Section(
            id=section_id,
            title=self.text(fields["title"], owner, "title"),
            area=area,
            preamble=self.text(fields["preamble"], owner, "preamble", may_be_empty=True),
            criteria=criteria,
            scale=scale,
            allowed_exceptions=allowed_exceptions,
            headings=tuple((k, headings[k]) for k in KIND_ORDER if k in headings),
            group_notes=tuple((k, notes[k]) for k in KIND_ORDER if k in notes),
        )

    def criterion(
        self, node: Node, section_id: str, order: int, registry: _IdRegistry
    ) -> Criterion:
        peeked = _peek(node, "id")
        owner = f"criterion {peeked}" if peeked else f"criterion {order} of section {section_id}"
        fields = self.fields(node, owner, _CRITERION_REQUIRED, _CRITERION_OPTIONAL)
        criterion_id = self.text(fields["id"], owner, "id")
        owner = f"criterion {criterion_id}"
        prefix = f"{section_id}."
        if not criterion_id.startswith(prefix) or criterion_id == prefix:
            self.fail(
                fields["id"],
                f'{owner} stands in section {section_id}, so its id must start with "{prefix}" '
                f'(e.g. "{prefix}{order}")',
            )
        registry.claim("criterion", criterion_id, fields["id"])
        kind = self.member(fields["kind"], CriterionKind, owner, "kind")
        note = ""
        if "note" in fields:
            note = self.text(fields["note"], owner, "note", may_be_empty=True)
        return Criterion(criterion_id, kind, self.text(fields["text"], owner, "text"), order, note)

    def scale(self, node: Node, owner: str) -> tuple[ScaleStep, ...]:
        if _is_null(node) or (isinstance(node, MappingNode) and not node.value):
            self.fail(node, f"{owner} has an empty scale; give the text of each grade (A: …, B: …)")
        if not isinstance(node, MappingNode):
            self.fail(
                node, f'{owner}: "scale" must be a mapping of grade to text, not {_describe(node)}'
            )
        steps: list[ScaleStep] = []
        for key_node, text_node in node.value:
            letter = str(key_node.value).strip() if isinstance(key_node, ScalarNode) else "?"
            if letter not in Grade.__members__:
                self.fail(
                    key_node, f'{owner}: the scale has grade "{letter}" (expected A, B, C or D)'
                )
            grade = Grade(letter)
            if any(step.grade == grade for step in steps):
                self.fail(key_node, f"{owner}: the scale has grade {letter} twice")
            if steps and grade.rank < steps[-1].grade.rank:
                self.fail(key_node, f"{owner}: the scale must list its grades best first (A … D)")
            note = ""
            if isinstance(text_node, MappingNode):  # {text: …, note: why it was corrected}
                step = self.fields(
                    text_node, f"{owner}, grade {letter}", _STEP_REQUIRED, _STEP_OPTIONAL
                )
                text_node = step["text"]
                if "note" in step:
                    note = self.text(step["note"], owner, f"scale {letter} note")
            text = self.text(text_node, owner, f"scale {letter}", may_be_empty=True)
            if not text:
                self.fail(text_node, f"{owner}: the scale gives no text for grade {letter}")
            steps.append(ScaleStep(grade, text, note))
        return tuple(steps)

    def check_scale_fits(
        self, line: int, owner: str, scale: tuple[ScaleStep, ...], criteria: tuple[Criterion, ...]
    ) -> None:
        """A–D with allmänna råd (C means "råd not fully followed"), else A, B, D."""
        grades = tuple(step.grade for step in scale)
        has_advice = any(c.kind == CriterionKind.ALLMANT_RAD for c in criteria)
        expected = _FOUR_STEP if has_advice else _THREE_STEP
        if grades != expected:
            which = "has allmänna råd" if has_advice else "has no allmänna råd"
            self.fail_at(
                line,
                f"{owner} {which}, so its scale must have the grades {', '.join(expected)} "
                f"(it has {', '.join(grades)})",
            )


@dataclass(frozen=True)
class _Defaults:
    """What a set gives its sections unless a section says otherwise."""

    allowed_exceptions: int
    headings: dict[CriterionKind, str]


@dataclass
class _IdRegistry:
    """Section and criterion ids seen so far in one file, to report duplicates with both lines."""

    reader: _Reader
    lines: dict[tuple[str, str], int] = field(default_factory=dict)

    def claim(self, what: str, identifier: str, node: Node) -> None:
        key = (what, identifier)
        if key in self.lines:
            self.reader.fail(
                node,
                f"{what} {identifier} appears twice (first at line {self.lines[key]}); "
                f"give each {what} its own id",
            )
        self.lines[key] = _line(node)


def _compose(path: Path) -> Node:
    """The file's YAML node tree; unreadable files and YAML syntax errors become messages."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CriteriaFileError(path, None, f"cannot be read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CriteriaFileError(path, line, "is not UTF-8 text; save it as UTF-8") from None
    try:
        root = yaml.compose(text, Loader=_YAML_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        detail = ": ".join(part for part in (error.context, error.problem) if part)
        line = mark.line + 1 if mark is not None else None
        raise CriteriaFileError(path, line, f"not valid YAML: {detail}") from None
    except yaml.YAMLError as error:
        raise CriteriaFileError(path, None, f"not valid YAML: {error}") from None
    if root is None:
        raise CriteriaFileError(
            path, None, f"the file is empty; a criteria set needs {', '.join(_SET_REQUIRED)}"
        )
    return root


def _load(path: Path) -> tuple[CriteriaSet, int]:
    return _Reader(path).criteria_set(_compose(path))


def load_criteria_file(path: Path) -> CriteriaSet:
    """One validated, immutable criteria set; `CriteriaFileError` names the file and line if not."""
    return _load(Path(path))[0]


def user_criteria_dir() -> Path:
    """Where users and offices drop their own criteria files ($SPURDESK_CRITERIA_DIR overrides)."""
    override = os.environ.get(CRITERIA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return user_config_path("spurdesk") / "criteria"


def default_criteria_folders() -> tuple[Path, ...]:
    """The shipped sets first, then the user's: the folders `load_criteria_library` reads."""
    return (resource_path("criteria"), user_criteria_dir())


@dataclass(frozen=True)
class CriteriaLibrary:
    """Every criteria set found, and every file that could not be loaded (with its message)."""

    sets: tuple[CriteriaSet, ...]
    errors: tuple[CriteriaFileError, ...] = ()

    def versions(self, set_id: str) -> tuple[CriteriaSet, ...]:
        """Every loaded version of one set, oldest first."""
        return tuple(sorted((s for s in self.sets if s.id == set_id), key=lambda s: s.version))

    def newest(self, set_id: str) -> CriteriaSet:
        """The highest version of `set_id`: what new inspections use."""
        versions = self.versions(set_id)
        if not versions:
            found = ", ".join(sorted({s.id for s in self.sets})) or "none"
            raise UnknownCriteriaSetError(
                f'No criteria set "{set_id}" was found (sets found: {found}). Put its file in '
                f"{user_criteria_dir()} or reinstall spurdesk."
            )
        return versions[-1]

    def default(self) -> CriteriaSet:
        """The newest ST-SPUR set, which a new inspection starts with unless told otherwise."""
        return self.newest(DEFAULT_SET_ID)

    def newest_sets(self) -> tuple[CriteriaSet, ...]:
        """One set per id (its newest version), the default first, then by title."""
        ids = {s.id for s in self.sets}
        newest = [self.newest(set_id) for set_id in ids]
        return tuple(sorted(newest, key=lambda s: (s.id != DEFAULT_SET_ID, s.title, s.id)))

    def is_superseded(self, criteria_set: CriteriaSet) -> bool:
        """True when a higher version of the same set id is loaded."""
        return self.newest(criteria_set.id).version > criteria_set.version


def _candidate_files(folder: Path) -> Iterator[Path]:
    """The folder's criteria files, sorted by name so the load order is stable."""
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.suffix.lower() in CRITERIA_SUFFIXES and not path.name.startswith("."):
            yield path


def load_criteria_library(folders: Sequence[Path] | None = None) -> CriteriaLibrary:
    """Load every *.yaml / *.yml file of `folders` (default: shipped, then user folder).

    A file that fails is reported in `.errors` and the others still load. A missing folder is
    simply empty (the user folder usually does not exist). The same set id and version twice is an
    error on the later file, naming both; the earlier one (shipped before user) is kept. A higher
    version that drops sections or criteria of a lower one is refused too (`_refuse_shrinking`).
    """
    chosen = default_criteria_folders() if folders is None else tuple(Path(f) for f in folders)
    sets: list[CriteriaSet] = []
    errors: list[CriteriaFileError] = []
    seen: dict[tuple[str, int], CriteriaSet] = {}
    version_lines: dict[tuple[str, int], int] = {}
    visited: set[Path] = set()
    for folder in chosen:
        resolved = folder.resolve()
        if resolved in visited or not folder.is_dir():
            continue
        visited.add(resolved)
        try:
            paths = list(_candidate_files(folder))
        except OSError as error:
            errors.append(CriteriaFileError(folder, None, f"folder cannot be read ({error})"))
            continue
        for path in paths:
            try:
                criteria_set, version_line = _load(path)
            except CriteriaFileError as error:
                errors.append(error)
                continue
            key = (criteria_set.id, criteria_set.version)
            if key in seen:
                errors.append(
                    CriteriaFileError(
                        path,
                        version_line,
                        f'criteria set "{criteria_set.id}" version {criteria_set.version} is '
                        f"also defined in {seen[key].source}; give this file a higher version "
                        "or remove one of the two",
                    )
                )
                continue
            seen[key] = criteria_set
            version_lines[key] = version_line
            sets.append(criteria_set)
    kept, refused = _refuse_shrinking(sets, version_lines)
    return CriteriaLibrary(tuple(kept), tuple(errors + refused))


def _refuse_shrinking(
    sets: list[CriteriaSet], version_lines: dict[tuple[str, int], int]
) -> tuple[list[CriteriaSet], list[CriteriaFileError]]:
    """Refuse each version that lacks a section or criterion of a lower version of its set.

    The newest version is what new inspections, the demo and `spurdesk self-check` use, and it
    supersedes the others silently; a user file "st-spur" version 2 without section H would take
    section H from every new inspection and break the demo. Such a file is an error naming what
    it lacks; a set meant to be different gets its own id and is offered beside the shipped one.
    """
    refused: list[CriteriaFileError] = []
    kept: list[CriteriaSet] = []
    for set_id in dict.fromkeys(s.id for s in sets):
        accepted: list[CriteriaSet] = []
        for candidate in sorted((s for s in sets if s.id == set_id), key=lambda s: s.version):
            problem = _what_is_dropped(accepted, candidate)
            if problem is None:
                accepted.append(candidate)
                continue
            refused.append(
                CriteriaFileError(
                    Path(candidate.source),
                    version_lines.get((candidate.id, candidate.version)),
                    f'criteria set "{set_id}" version {candidate.version} would supersede '
                    f"version {problem[0].version} ({Path(problem[0].source).name}) but lacks "
                    f"{problem[1]}, which inspections made with that version and the demo need. "
                    f'Add them back, or give this set an id of its own (e.g. "{set_id}-egen") '
                    "to use it beside the other; it is not used until then",
                )
            )
        kept += accepted
    return [s for s in sets if s in kept], refused


def _what_is_dropped(
    accepted: list[CriteriaSet], candidate: CriteriaSet
) -> tuple[CriteriaSet, str] | None:
    """The lower version and, in words, the sections and criteria `candidate` lacks of it."""
    sections = {section.id for section in candidate.sections}
    criteria = {criterion.id for criterion in candidate.criteria}
    for older in reversed(accepted):
        lost_sections = [s.id for s in older.sections if s.id not in sections]
        lost_criteria = [
            c.id
            for c in older.criteria
            if c.id not in criteria and older.section_of(c.id).id not in lost_sections
        ]
        if lost_sections or lost_criteria:
            parts = []
            if lost_sections:
                parts.append(f"section{'s' if len(lost_sections) > 1 else ''} ")
                parts[-1] += ", ".join(lost_sections)
            if lost_criteria:
                shown = ", ".join(lost_criteria[:8]) + (" …" if len(lost_criteria) > 8 else "")
                parts.append(f"criteri{'a' if len(lost_criteria) > 1 else 'on'} {shown}")
            return older, " and ".join(parts)
    return None
