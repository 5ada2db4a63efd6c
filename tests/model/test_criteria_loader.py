"""Criteria files: what a valid file becomes, and one message per kind of mistake (with its line).

Each malformed-file test starts from the small valid file below, changes one thing, and checks the
whole message an editor of criteria files would read: file name, line, what is wrong.
"""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria import AreaKind, CriterionKind, Grade
from spurdesk.model.criteria_loader import (
    CRITERIA_DIR_ENV,
    CriteriaFileError,
    CriteriaLibrary,
    UnknownCriteriaSetError,
    default_criteria_folders,
    load_criteria_file,
    load_criteria_library,
    user_criteria_dir,
)
from spurdesk.resources import resource_path

VALID = textwrap.dedent(
    """\
    id: test-set
    title: Testmängd
    version: 1
    regulation: [HSLF-FS 2021:8]
    language: sv
    allowed_exceptions: 2
    scales:
      four: &four
        A: Allt följs.
        B: Föreskrifter och råd följs.
        C: Föreskrifter följs.
        D: Brister i föreskrifter.
    areas:
      - kind: struktur
        title: Struktur
        sections:
          - id: X
            title: Provavsnitt
            preamble: Vilket innebär att
            scale:
              A: Föreskrifter följs och indikatorer uppfylls.
              B: Föreskrifter följs.
              D: Brister i föreskrifter.
            criteria:
              - id: X.1
                kind: föreskrift
                text: Något ska finnas.
              - id: X.2
                kind: kvalitetsindikator
                text: Något finns gärna.
                note: Osäker klassning.
      - kind: process
        title: Process
        sections:
          - id: Y
            title: Andra avsnittet
            preamble: ""
            allowed_exceptions: 0
            scale: *four
            criteria:
              - id: Y.1
                kind: föreskrift
                text: Något annat ska finnas.
              - id: Y.2
                kind: allmänt råd
                text: Något bör finnas.
      - kind: resultat
        title: Resultat
        sections: []
    """
)


def write(folder: Path, text: str, name: str = "set.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line containing `fragment`."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return hits[occurrence - 1]


def line_is(text: str, content: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line that is exactly `content` (ignoring indentation)."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == content]
    return hits[occurrence - 1]


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur exactly once in the test file"
    return text.replace(old, new)


def load_error(tmp_path: Path, text: str) -> CriteriaFileError:
    with pytest.raises(CriteriaFileError) as caught:
        load_criteria_file(write(tmp_path, text))
    return caught.value


# -- a valid file ----------------------------------------------------------------------------------


def test_valid_file_becomes_the_set_it_describes(tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    loaded = load_criteria_file(path)
    assert (loaded.id, loaded.title, loaded.version, loaded.language) == (
        "test-set",
        "Testmängd",
        1,
        "sv",
    )
    assert loaded.regulation == ("HSLF-FS 2021:8",)
    assert [area.kind for area in loaded.areas] == [
        AreaKind.STRUCTURE,
        AreaKind.PROCESS,
        AreaKind.OUTCOME,
    ]
    assert loaded.areas[2].sections == ()
    assert loaded.source == str(path)
    x, y = loaded.sections
    assert (x.area, y.area) == (AreaKind.STRUCTURE, AreaKind.PROCESS)
    assert [(c.id, c.kind, c.order) for c in x.criteria] == [
        ("X.1", CriterionKind.FORESKRIFT, 1),
        ("X.2", CriterionKind.KVALITETSINDIKATOR, 2),
    ]
    assert x.criteria[1].note == "Osäker klassning."
    assert x.preamble == "Vilket innebär att" and y.preamble == ""


def test_scales_keep_order_and_aliases_resolve(tmp_path: Path) -> None:
    x, y = load_criteria_file(write(tmp_path, VALID)).sections
    assert x.grades == (Grade.A, Grade.B, Grade.D)
    assert y.grades == (Grade.A, Grade.B, Grade.C, Grade.D)
    assert y.scale_text(Grade.C) == "Föreskrifter följs."


def test_allowed_exceptions_default_from_the_set_and_override_per_section(tmp_path: Path) -> None:
    x, y = load_criteria_file(write(tmp_path, VALID)).sections
    assert x.allowed_exceptions == 2
    assert y.allowed_exceptions == 0
    without_default = replace_once(VALID, "allowed_exceptions: 2\n", "")
    x, _ = load_criteria_file(write(tmp_path, without_default)).sections
    assert x.allowed_exceptions == 1


def test_decomposed_unicode_is_normalised(tmp_path: Path) -> None:
    """Editors on macOS may save "ö" as o + combining diaeresis; the kind must still match."""
    text = replace_once(
        VALID, "kind: allmänt råd", unicodedata.normalize("NFD", "kind: allmänt råd")
    )
    _, y = load_criteria_file(write(tmp_path, text)).sections
    assert y.criteria[1].kind == CriterionKind.ALLMANT_RAD


def test_the_error_carries_file_and_line_and_is_a_spurdesk_error(tmp_path: Path) -> None:
    error = load_error(tmp_path, replace_once(VALID, "kind: allmänt råd", "kind: rad"))
    assert isinstance(error, SpurdeskError)
    assert error.file == tmp_path / "set.yaml"
    assert str(error) == f"set.yaml, line {error.line}: {error.problem}"


# -- one test per kind of mistake -----------------------------------------------------------------


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    text = replace_once(VALID, "title: Andra avsnittet", "title: Andra: avsnittet")
    error = load_error(tmp_path, text)
    assert error.line == line_of(text, "title: Andra: avsnittet")
    # libyaml says "… in this context", the pure-Python parser "… here"
    assert str(error).startswith(
        f"set.yaml, line {error.line}: not valid YAML: mapping values are not allowed"
    )


def test_missing_field(tmp_path: Path) -> None:
    text = replace_once(VALID, "        title: Provavsnitt\n", "")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f'set.yaml, line {line_of(text, "- id: X")}: section X has no "title" '
        "(required: id, title, preamble, scale, criteria)"
    )


def test_wrong_type_for_a_number(tmp_path: Path) -> None:
    text = replace_once(VALID, "version: 1", "version: ett")
    error = load_error(tmp_path, text)
    assert str(error) == (
        'set.yaml, line 3: the criteria set: "version" must be a whole number, not the text "ett"'
    )


def test_wrong_type_for_a_text(tmp_path: Path) -> None:
    text = replace_once(VALID, "text: Något bör finnas.", "text: [Något, bör]")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f'set.yaml, line {line_of(text, "text: [Något")}: criterion Y.2: "text" must be text, '
        "not a list"
    )


def test_unknown_kind(tmp_path: Path) -> None:
    text = replace_once(VALID, "kind: allmänt råd", "kind: foreskrift")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_of(text, 'kind: foreskrift')}: criterion Y.2 has unknown kind "
        '"foreskrift" (expected föreskrift, allmänt råd or kvalitetsindikator)'
    )


def test_unknown_area_kind(tmp_path: Path) -> None:
    text = replace_once(VALID, "kind: process", "kind: proces")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_of(text, 'kind: proces')}: area Process has unknown kind "
        '"proces" (expected struktur, process or resultat)'
    )


def test_duplicate_area_kind(tmp_path: Path) -> None:
    text = replace_once(VALID, "kind: resultat", "kind: struktur")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_of(text, 'kind: struktur', 2)}: area Resultat: area kind "
        '"struktur" appears twice (first at line 14); put all its sections in one area'
    )


def test_duplicate_criterion_id(tmp_path: Path) -> None:
    text = replace_once(VALID, "id: X.2", "id: X.1")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_of(text, 'id: X.1', 2)}: criterion X.1 appears twice "
        f"(first at line {line_of(text, 'id: X.1')}); give each criterion its own id"
    )


def test_duplicate_section_id(tmp_path: Path) -> None:
    text = VALID.replace("id: Y.", "id: X.").replace("- id: Y\n", "- id: X\n")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_is(text, '- id: X', 2)}: section X appears twice "
        f"(first at line {line_is(text, '- id: X')}); give each section its own id"
    )


def test_section_without_criteria(tmp_path: Path) -> None:
    start = VALID.index("        criteria:\n          - id: Y.1")
    text = VALID[:start] + "        criteria: []\n" + VALID[VALID.index("  - kind: resultat") :]
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_of(text, 'criteria: []')}: section Y has no criteria; "
        'list at least one under "criteria"'
    )


def test_grade_letter_outside_a_to_d(tmp_path: Path) -> None:
    text = replace_once(VALID, "      D: Brister i föreskrifter.\n", "      E: Brister.\n")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f'set.yaml, line {line_of(text, "E: Brister.")}: section X: the scale has grade "E" '
        "(expected A, B, C or D)"
    )


def test_scale_step_without_text(tmp_path: Path) -> None:
    text = replace_once(VALID, "B: Föreskrifter följs.\n", "B:\n")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_of(text, '      B:')}: "
        "section X: the scale gives no text for grade B"
    )


def test_empty_scale(tmp_path: Path) -> None:
    start = VALID.index("        scale:\n          A: Föreskrifter följs och")
    end = VALID.index("        criteria:\n          - id: X.1")
    text = VALID[:start] + "        scale: {}\n" + VALID[end:]
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_of(text, 'scale: {}')}: section X has an empty scale; "
        "give the text of each grade (A: …, B: …)"
    )


def test_scale_must_list_best_grade_first(tmp_path: Path) -> None:
    a_step, b_step = "A: Föreskrifter följs och indikatorer uppfylls.\n", "B: Föreskrifter följs.\n"
    indent = " " * 10
    text = replace_once(
        VALID, f"{indent}{a_step}{indent}{b_step}", f"{indent}{b_step}{indent}{a_step}"
    )
    error = load_error(tmp_path, text)
    assert error.problem == "section X: the scale must list its grades best first (A … D)"
    assert error.line == line_of(text, "A: Föreskrifter följs och")


def test_set_without_sections(tmp_path: Path) -> None:
    text = VALID[: VALID.index("areas:")] + (
        "areas:\n  - kind: resultat\n    title: Resultat\n    sections: []\n"
    )
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_of(text, 'areas:') + 1}: the set has no sections; "
        'add at least one section under an area\'s "sections"'
    )


def test_criterion_id_must_start_with_its_section_id(tmp_path: Path) -> None:
    text = replace_once(VALID, "id: Y.2", "id: X.3")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_of(text, 'id: X.3')}: criterion X.3 stands in section Y, so its id "
        'must start with "Y." (e.g. "Y.2")'
    )


def test_unknown_key_is_named_as_a_probable_typo(tmp_path: Path) -> None:
    text = replace_once(VALID, "preamble: Vilket innebär att", "preambel: Vilket innebär att")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f'set.yaml, line {line_of(text, "preambel:")}: section X has unknown key "preambel" '
        "(expected id, title, preamble, scale, criteria, allowed_exceptions, headings or notes); "
        "check the spelling"
    )


def test_duplicate_key(tmp_path: Path) -> None:
    text = replace_once(VALID, "language: sv\n", "language: sv\nlanguage: en\n")
    error = load_error(tmp_path, text)
    assert str(error) == 'set.yaml, line 6: the criteria set has "language" twice (first at line 5)'


def test_section_with_allmanna_rad_needs_the_four_step_scale(tmp_path: Path) -> None:
    text = replace_once(VALID, "kind: kvalitetsindikator", "kind: allmänt råd")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_is(text, 'scale:')}: section X has allmänna "
        "råd, so its scale must have the grades A, B, C, D (it has A, B, D)"
    )


def test_section_without_allmanna_rad_needs_the_three_step_scale(tmp_path: Path) -> None:
    text = replace_once(VALID, "kind: allmänt råd", "kind: kvalitetsindikator")
    error = load_error(tmp_path, text)
    assert str(error) == (
        f"set.yaml, line {line_of(text, 'scale: *four')}: section Y has no allmänna råd, so its "
        "scale must have the grades A, B, D (it has A, B, C, D)"
    )


def test_negative_allowed_exceptions(tmp_path: Path) -> None:
    error = load_error(
        tmp_path, replace_once(VALID, "allowed_exceptions: 0", "allowed_exceptions: -1")
    )
    assert error.problem == 'section Y: "allowed_exceptions" must be at least 0, not -1'


def test_empty_file(tmp_path: Path) -> None:
    error = load_error(tmp_path, "# nothing yet\n")
    assert str(error) == (
        "set.yaml: the file is empty; a criteria set needs id, title, version, regulation, "
        "language, areas"
    )


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_bytes(VALID.replace("Testmängd", "Testm\xe4ngd").encode("latin-1"))
    with pytest.raises(CriteriaFileError) as caught:
        load_criteria_file(path)
    assert str(caught.value) == "set.yaml, line 2: is not UTF-8 text; save it as UTF-8"


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    error = load_error(tmp_path, "- id: test-set\n")
    assert str(error) == (
        "set.yaml, line 1: the criteria set must be a mapping with id, title, version, "
        "regulation, language, areas, not a list"
    )


SHIPPED_LINES = resource_path("criteria", "st-spur.yaml").read_text(encoding="utf-8").splitlines()
DAMAGE = st.sampled_from([":", "-", "[", "{", "&", "*", '"', "\t", "", "~", "? ", "!!int "])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    line=st.integers(min_value=0, max_value=len(SHIPPED_LINES) - 1),
    column=st.integers(min_value=0, max_value=12),
    damage=DAMAGE,
    operation=st.sampled_from(["delete", "duplicate", "insert", "dedent"]),
)
def test_a_damaged_real_file_gives_a_message_never_a_traceback(
    tmp_path: Path, line: int, column: int, damage: str, operation: str
) -> None:
    lines = list(SHIPPED_LINES)
    if operation == "delete":
        del lines[line]
    elif operation == "duplicate":
        lines.insert(line, lines[line])
    elif operation == "insert":
        lines[line] = lines[line][:column] + damage + lines[line][column:]
    else:
        lines[line] = lines[line].lstrip()
    path = write(tmp_path, "\n".join(lines) + "\n", "damaged.yaml")
    try:
        load_criteria_file(path)
    except CriteriaFileError as error:
        assert error.line is not None and 1 <= error.line <= len(lines) + 1
        assert str(error).startswith(f"damaged.yaml, line {error.line}: ")


# -- the library of sets --------------------------------------------------------------------------


def versioned(version: int, set_id: str = "test-set") -> str:
    return VALID.replace("version: 1", f"version: {version}").replace(
        "id: test-set", f"id: {set_id}"
    )


def test_library_keeps_valid_files_and_reports_broken_ones(tmp_path: Path) -> None:
    write(tmp_path, versioned(1), "a.yaml")
    write(tmp_path, replace_once(VALID, "kind: allmänt råd", "kind: rad"), "b.yml")
    write(tmp_path, versioned(1, "other-set"), "c.yaml")
    write(tmp_path, "not: [criteria", "notes.txt")
    library = load_criteria_library([tmp_path])
    assert sorted(s.id for s in library.sets) == ["other-set", "test-set"]
    assert [e.file.name for e in library.errors] == ["b.yml"]
    assert 'unknown kind "rad"' in str(library.errors[0])


def test_higher_version_supersedes_for_new_inspections(tmp_path: Path) -> None:
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    shipped.mkdir()
    user.mkdir()
    write(shipped, versioned(1), "test.yaml")
    write(user, versioned(3), "test-v3.yaml")
    write(user, versioned(2), "test-v2.yaml")
    library = load_criteria_library([shipped, user])
    assert library.errors == ()
    assert [s.version for s in library.versions("test-set")] == [1, 2, 3]
    assert library.newest("test-set").version == 3
    assert [(s.id, s.version) for s in library.newest_sets()] == [("test-set", 3)]
    assert library.is_superseded(library.versions("test-set")[0])
    assert not library.is_superseded(library.newest("test-set"))


def test_same_id_and_version_twice_is_an_error_naming_both_files(tmp_path: Path) -> None:
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    shipped.mkdir()
    user.mkdir()
    first = write(shipped, versioned(1), "test.yaml")
    second = write(user, versioned(1), "copy.yaml")
    library = load_criteria_library([shipped, user])
    assert [s.source for s in library.sets] == [str(first)]
    (error,) = library.errors
    assert error.file == second
    assert str(error) == (
        f'copy.yaml, line 3: criteria set "test-set" version 1 is also defined in {first}; '
        "give this file a higher version or remove one of the two"
    )


def test_missing_folders_are_empty_and_the_same_folder_is_read_once(tmp_path: Path) -> None:
    write(tmp_path, VALID)
    library = load_criteria_library([tmp_path / "absent", tmp_path, tmp_path / "."])
    assert len(library.sets) == 1 and library.errors == ()


def test_default_is_the_newest_st_spur_and_its_absence_is_explained(tmp_path: Path) -> None:
    write(tmp_path, versioned(1, "st-spur"), "a.yaml")
    write(tmp_path, versioned(2, "st-spur"), "b.yaml")
    write(tmp_path, versioned(5, "other"), "c.yaml")
    library = load_criteria_library([tmp_path])
    assert (library.default().id, library.default().version) == ("st-spur", 2)
    assert [s.id for s in library.newest_sets()] == ["st-spur", "other"]
    only_other = CriteriaLibrary(sets=(library.newest("other"),))
    with pytest.raises(UnknownCriteriaSetError, match='No criteria set "st-spur" was found'):
        only_other.default()


def test_user_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CRITERIA_DIR_ENV, str(tmp_path))
    assert user_criteria_dir() == tmp_path
    assert default_criteria_folders() == (resource_path("criteria"), tmp_path)
    monkeypatch.delenv(CRITERIA_DIR_ENV)
    assert user_criteria_dir().parts[-2:] == ("spurdesk", "criteria")


def test_default_folders_hold_the_shipped_set_and_user_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CRITERIA_DIR_ENV, str(tmp_path))
    # The office's own edition of the shipped set: every section and criterion kept (a version
    # that drops any is refused, see test_criteria_supersede.py).
    shipped = resource_path("criteria", "st-spur.yaml").read_text(encoding="utf-8")
    write(tmp_path, shipped.replace("version: 2", "version: 3", 1), "office.yaml")
    library = load_criteria_library()
    assert library.errors == ()
    assert [s.version for s in library.versions("st-spur")] == [2, 3]
    assert library.default().source == str(tmp_path / "office.yaml")


# -- issue 13: group headings and notes, corrections, the revision rule ---------------------------

REVISION = """\
revision:
  statuses: [handlingsplan inkommen]
  direction: better
  from: [D]
  to: [C]
  requires_plan_row: false
  text: Graderingen ändras av {rules} till {grade}.
"""


def test_headings_notes_step_notes_and_the_revision_rule_load(tmp_path: Path) -> None:
    from spurdesk.model.criteria import CriterionKind, RevisionDirection

    text = replace_once(VALID, "allowed_exceptions: 2\n", "allowed_exceptions: 2\n" + REVISION)
    text = replace_once(
        text, "scales:\n", "headings:\n  kvalitetsindikator: Kvalitetsindikatorer\nscales:\n"
    )
    text = replace_once(
        text,
        "        allowed_exceptions: 0\n",
        "        allowed_exceptions: 0\n        notes:\n          föreskrift: (Not.)\n"
        "        headings:\n          allmänt råd: Råd\n",
    )
    text = replace_once(
        text,
        "          B: Föreskrifter följs.\n",
        "          B:\n            text: Föreskrifter följs.\n"
        "            note: 'Correction: the source prints \"B.\" alone.'\n",
    )
    loaded = load_criteria_file(write(tmp_path, text))
    x, y = loaded.section("X"), loaded.section("Y")
    assert x.group_heading(CriterionKind.KVALITETSINDIKATOR) == "Kvalitetsindikatorer"
    assert y.group_heading(CriterionKind.ALLMANT_RAD) == "Råd"
    assert y.group_note(CriterionKind.FORESKRIFT) == "(Not.)"
    assert x.scale[1].note.startswith("Correction:")
    rule = loaded.revision
    assert (rule.statuses, rule.direction, rule.requires_plan_row) == (
        ("handlingsplan inkommen",),
        RevisionDirection.BETTER,
        False,
    )
    assert type(loaded).from_dict(loaded.to_dict()) == loaded  # the snapshot keeps all of it


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("direction: better", "direction: up", 'unknown direction "up"'),
        ("[handlingsplan inkommen]", "[inkommen]", 'unknown status "inkommen"'),
        ("to: [C]", "to: [E]", 'has grade "E"'),
        ("{grade}.", "C.", '"text" must contain {grade}'),
        ("requires_plan_row: false", "requires_plan_row: 1", "must be true or false"),
    ],
)
def test_a_bad_revision_rule_is_named(tmp_path: Path, old: str, new: str, problem: str) -> None:
    text = replace_once(VALID, "allowed_exceptions: 2\n", "allowed_exceptions: 2\n" + REVISION)
    error = load_error(tmp_path, replace_once(text, old, new))
    assert "the revision rule" in str(error) and problem in str(error)


def test_a_note_on_a_group_the_section_lacks_is_refused(tmp_path: Path) -> None:
    text = replace_once(
        VALID,
        "        allowed_exceptions: 0\n",
        "        allowed_exceptions: 0\n        notes:\n          kvalitetsindikator: x\n",
    )
    assert 'has a note on "kvalitetsindikator" but no such group' in str(load_error(tmp_path, text))
