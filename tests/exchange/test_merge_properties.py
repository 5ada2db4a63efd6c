"""Properties of the three-way merge, on random edit scripts applied to two copies of one base.

- nothing one side changed and the other left alone is lost;
- receiving the same copy again changes nothing (idempotent);
- merges without conflicts give the same document whichever side merges (commute);
- where both sides changed one value differently, a conflict is reported and the local value
  kept until the inspector chooses — never silently resolved.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from spurdesk.exchange.merge import Choice, merge, resolve
from spurdesk.exchange.merge_document import ROW_KINDS, Document

PARAGRAPHS = ("Första.\n", "Andra.\n", "Tredje.\n", "Fjärde.\n")


def base_document() -> Document:
    return {
        "uid": "inspektion",
        "criteria_set": ["st-spur", 1],
        "facts": {"unit": "Kliniken", "site": "Lasarettet", "status": "utkast"},
        "sections": {
            sid: {"findings": "".join(PARAGRAPHS), "grade": None, "justification": ""}
            for sid in "ABC"
        },
        "criteria": {f"{sid}.1": {"status": "ej bedömd", "note": ""} for sid in "ABC"},
        "inspectors": {},
        "participants": {},
        "summary": {f"s{n}": {"kind": "styrka", "text": f"Punkt {n}"} for n in range(4)},
        "actions": {f"a{n}": {"planned_action": f"Åtgärd {n}", "due": ""} for n in range(3)},
        "order": {
            "inspectors": [],
            "participants": [],
            "summary": [f"s{n}" for n in range(4)],
            "actions": [f"a{n}" for n in range(3)],
        },
    }


# --- edit scripts ---------------------------------------------------------------------------

values = st.sampled_from(["x", "y", "z"])
edit = st.one_of(
    st.tuples(st.just("fact"), st.sampled_from(["unit", "site", "status"]), values),
    st.tuples(st.just("grade"), st.sampled_from("ABC"), st.sampled_from(["A", "B", "D", None])),
    st.tuples(st.just("status"), st.sampled_from("ABC"), st.sampled_from(["uppfyllt", "ej"])),
    st.tuples(st.just("paragraph"), st.sampled_from("ABC"), st.integers(0, 3), values),
    st.tuples(
        st.just("row_text"), st.sampled_from(["summary", "actions"]), st.integers(0, 9), values
    ),
    st.tuples(st.just("remove"), st.sampled_from(["summary", "actions"]), st.integers(0, 9)),
    st.tuples(st.just("add"), st.sampled_from(["summary", "actions"]), st.integers(0, 9)),
    st.tuples(st.just("move"), st.sampled_from(["summary", "actions"]), st.integers(0, 9)),
)
scripts = st.lists(edit, max_size=8)


def apply_script(document: Document, script: list[tuple[Any, ...]], side: str) -> Document:
    result = copy.deepcopy(document)
    for number, step in enumerate(script):
        kind = step[0]
        if kind == "fact":
            result["facts"][step[1]] = f"{step[2]}-{side}"
        elif kind == "grade":
            result["sections"][step[1]]["grade"] = step[2]
        elif kind == "status":
            result["criteria"][f"{step[1]}.1"]["status"] = step[2]
        elif kind == "paragraph":
            lines = result["sections"][step[1]]["findings"].splitlines(keepends=True)
            if lines:
                lines[step[2] % len(lines)] = f"{step[3]} av {side} {number}.\n"
            result["sections"][step[1]]["findings"] = "".join(lines)
        else:
            rows, order = result[step[1]], result["order"][step[1]]
            if kind == "add":
                uid = f"{side}-{number}"
                field = "text" if step[1] == "summary" else "planned_action"
                rows[uid] = {field: f"Ny {side} {number}"} | (
                    {"kind": "styrka"} if step[1] == "summary" else {"due": ""}
                )
                order.insert(step[2] % (len(order) + 1), uid)
            elif order:
                uid = order[step[2] % len(order)]
                if kind == "remove":
                    del rows[uid]
                    order.remove(uid)
                elif kind == "move":
                    order.remove(uid)
                    order.insert(0, uid)
                else:
                    field = "text" if step[1] == "summary" else "planned_action"
                    rows[uid][field] = f"{step[3]} av {side} {number}"
    return result


def leaf_values(document: Document) -> dict[tuple[str, ...], Any]:
    """Every single value: facts, section and criterion fields, row fields (rows as present)."""
    found: dict[tuple[str, ...], Any] = {}
    for name, value in document["facts"].items():
        found[("facts", name)] = value
    for kind in ("sections", "criteria", *ROW_KINDS):
        for key, fields in document[kind].items():
            found[(kind, key)] = "present"
            for name, value in fields.items():
                found[(kind, key, name)] = value
    return found


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(mine_script=scripts, theirs_script=scripts)
def test_no_edit_made_on_one_side_only_is_lost(mine_script, theirs_script) -> None:  # type: ignore[no-untyped-def]
    base = base_document()
    mine = apply_script(base, mine_script, "mine")
    theirs = apply_script(base, theirs_script, "theirs")
    result = merge(base, mine, theirs)
    merged = leaf_values(result.document)
    old, here, there = leaf_values(base), leaf_values(mine), leaf_values(theirs)
    disputed = {c.path for c in result.conflicts}
    for path in {*old, *here, *there}:
        if any(path[: len(d)] == d for d in disputed):
            continue
        b, m, t = old.get(path), here.get(path), there.get(path)
        if m != b and t == b:
            assert merged.get(path) == m, path
        if t != b and m == b:
            assert merged.get(path) == t, path
    for kind in ROW_KINDS:  # the order lists exactly the rows there are
        assert sorted(result.document["order"][kind]) == sorted(result.document[kind])


@settings(max_examples=300, deadline=None)
@given(mine_script=scripts, theirs_script=scripts)
def test_both_sides_changing_a_value_differently_is_reported_and_mine_kept(
    mine_script, theirs_script
) -> None:  # type: ignore[no-untyped-def]
    base = base_document()
    mine = apply_script(base, mine_script, "mine")
    theirs = apply_script(base, theirs_script, "theirs")
    result = merge(base, mine, theirs)
    old, here, there = leaf_values(base), leaf_values(mine), leaf_values(theirs)
    merged = leaf_values(result.document)
    reported = {c.path for c in result.conflicts}
    for path in {*here} & {*there}:
        b, m, t = old.get(path), here[path], there[path]
        if m != b and t != b and m != t and path not in result.merged_text:
            assert path in reported, path
            assert merged[path] == m
    taken = resolve(result, {path: Choice.THEIRS for path in reported})
    for conflict in result.conflicts:
        if len(conflict.path) == 3:
            kind, key, name = conflict.path
            if key in taken[kind]:
                assert taken[kind][key][name] == conflict.theirs


@settings(max_examples=300, deadline=None)
@given(mine_script=scripts, theirs_script=scripts)
def test_merging_the_same_copy_again_changes_nothing(mine_script, theirs_script) -> None:  # type: ignore[no-untyped-def]
    base = base_document()
    mine = apply_script(base, mine_script, "mine")
    theirs = apply_script(base, theirs_script, "theirs")
    once = merge(base, mine, theirs).document
    # the next merge starts from the copy received, now the common version
    again = merge(theirs, once, theirs)
    assert again.is_noop and again.document == once


@settings(max_examples=300, deadline=None)
@given(mine_script=scripts, theirs_script=scripts)
def test_merges_without_conflicts_commute(mine_script, theirs_script) -> None:  # type: ignore[no-untyped-def]
    base = base_document()
    mine = apply_script(base, mine_script, "mine")
    theirs = apply_script(base, theirs_script, "theirs")
    here = merge(base, mine, theirs)
    there = merge(base, theirs, mine)
    if not here.conflicts and not there.conflicts:
        assert here.document == there.document
    assert len(here.conflicts) == len(there.conflicts)
