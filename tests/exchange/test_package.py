"""The .spur package: written atomically, read back exactly, and every hostile variant refused."""

from __future__ import annotations

import json
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spurdesk.exchange import package as package_module
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.package import (
    FORMAT_VERSION,
    Side,
    inspection_key,
    outgoing_package,
    package_bytes,
    read_package,
    write_package,
)
from spurdesk.model.inspection import Inspection
from tests.exchange.helpers import edit_json, members_of, reseal, zip_bytes


@pytest.fixture
def members(record: Inspection) -> dict[str, bytes]:
    return members_of(package_bytes(outgoing_package(record)))


def _write(tmp_path: Path, data: bytes, name: str = "svar.spur") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_round_trip(record: Inspection, tmp_path: Path) -> None:
    path = write_package(tmp_path / "till-verksamheten.spur", outgoing_package(record))
    back = read_package(path)
    assert back.sender is Side.INSPECTOR
    assert back.inspection == record
    assert back.identity.key == inspection_key(record)
    assert (back.identity.library_id, back.identity.unit) == (record.id, "Röntgenkliniken")
    assert back.identity.visit_date == record.visit_start
    assert back.format_version == FORMAT_VERSION
    # one row per record item, plus an empty row for every required deficiency still unanswered
    # (none for those where action is only recommended: the inspectors' and the unit's choice)
    assert [r.key for r in back.plan.rows[:6]] == [f"item-{i.id}" for i in record.action_items]
    answered = {(r.section_id, c) for r in back.plan.rows for c in r.criteria_answered}
    required = {(d.section_id, d.criterion_id) for d in back.plan.deficiencies if d.action_required}
    assert answered == required
    assert [back.plan.requirement(r) for r in back.plan.rows] == [True] * 7
    assert back.plan.reply_by == record.reply_by == date(2025, 2, 28)
    assert back.plan.rows[1].further_criteria == ("E.5",)


def test_manifest_lists_a_sha256_per_member(members: dict[str, bytes]) -> None:
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == "spurdesk-handlingsplan"
    assert manifest["sender"] == "inspector"
    assert set(manifest["inspection"]) == {"key", "library_id", "unit", "visit_date"}
    assert set(manifest["members"]) == {"inspection.json", "action_plan.json"}
    assert all(len(m["sha256"]) == 64 for m in manifest["members"].values())


def test_the_key_is_stable_and_distinct(record: Inspection) -> None:
    import dataclasses

    assert inspection_key(record) == inspection_key(dataclasses.replace(record, unit="Annat"))
    assert inspection_key(record) != inspection_key(dataclasses.replace(record, id=2))


def test_writing_is_atomic(record: Inspection, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "paket.spur"
    target.write_bytes(b"the previous file")

    def broken(_package: object) -> bytes:
        raise RuntimeError("disk full while building")

    monkeypatch.setattr(package_module, "package_bytes", broken)
    with pytest.raises(RuntimeError):
        write_package(target, outgoing_package(record))
    assert target.read_bytes() == b"the previous file"
    assert [p.name for p in tmp_path.iterdir()] == ["paket.spur"]


def test_writing_to_a_missing_folder_is_a_clear_error(record: Inspection, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="kan inte skriva i mappen"):
        write_package(tmp_path / "saknas" / "paket.spur", outgoing_package(record))


def _refused(tmp_path: Path, data: bytes, expected: str) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(ExchangeError) as caught:
        read_package(path)
    assert "svar.spur" in str(caught.value)
    assert expected in str(caught.value)


def test_truncated_file(members: dict[str, bytes], tmp_path: Path) -> None:
    data = zip_bytes(members)
    _refused(tmp_path, data[: len(data) // 2], "skadad eller avkortad")


def test_corrupted_member_data(members: dict[str, bytes], tmp_path: Path) -> None:
    data = bytearray(zip_bytes(members, compression=zipfile.ZIP_STORED))
    index = data.index(b'"findings"')
    data[index + 2] ^= 0x20  # flips a byte inside the record data: the CRC no longer matches
    _refused(tmp_path, bytes(data), "skadad eller avkortad")


def test_not_a_zip(tmp_path: Path) -> None:
    _refused(tmp_path, b"%PDF-1.4 not a package", "skadad eller avkortad")


def test_wrong_checksum(members: dict[str, bytes], tmp_path: Path) -> None:
    tampered = {
        **members,
        "action_plan.json": members["action_plan.json"].replace(b"2025", b"2026"),
    }
    _refused(tmp_path, zip_bytes(tampered), "kontrollsumman för action_plan.json stämmer inte")


def test_newer_format_version(members: dict[str, bytes], tmp_path: Path) -> None:
    newer = edit_json(members, "manifest.json", lambda m: m.update(format_version=99))
    _refused(tmp_path, zip_bytes(newer), "formatversion 99, skapad med en nyare spurdesk")


def test_unknown_format(members: dict[str, bytes], tmp_path: Path) -> None:
    other = edit_json(members, "manifest.json", lambda m: m.update(format="annat"))
    _refused(tmp_path, zip_bytes(other), "okänt format")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../inspection.json", "otillåtet namn"),
        ("/etc/inspection.json", "otillåtet namn"),
        ("C:/temp/x.json", "otillåtet namn"),
        ("sub\\..\\x.json", "otillåtet namn"),
        ("extra.txt", "okända delar (extra.txt)"),
    ],
)
def test_unexpected_member_names(
    members: dict[str, bytes], tmp_path: Path, name: str, expected: str
) -> None:
    _refused(tmp_path, zip_bytes({**members, name: b"{}"}), expected)


def test_missing_member(members: dict[str, bytes], tmp_path: Path) -> None:
    without = {k: v for k, v in members.items() if k != "action_plan.json"}
    _refused(tmp_path, zip_bytes(without), "saknar delen action_plan.json")


def test_duplicate_member(members: dict[str, bytes], tmp_path: Path) -> None:
    data = zip_bytes(members)
    path = _write(tmp_path, data)
    with pytest.warns(UserWarning), zipfile.ZipFile(path, "a") as archive:
        archive.writestr("action_plan.json", b"{}")
    with pytest.raises(ExchangeError, match=r"action_plan\.json flera gånger"):
        read_package(path)


def test_zip_bomb(members: dict[str, bytes], tmp_path: Path) -> None:
    bomb = {**members, "inspection.json": b" " * (12 * 1024 * 1024)}
    _refused(tmp_path, zip_bytes(reseal(bomb)), "ZIP-bomb")


def test_oversized_member(members: dict[str, bytes], tmp_path: Path, monkeypatch) -> None:
    small = package_module.LIMITS.__class__(
        max_file_bytes=10**6, max_member_bytes=1000, max_total_bytes=10**6, max_members=3
    )
    monkeypatch.setattr(package_module, "LIMITS", small)
    _refused(tmp_path, zip_bytes(members), "är för stor")


def test_oversized_file(members: dict[str, bytes], tmp_path: Path, monkeypatch) -> None:
    small = package_module.LIMITS.__class__(
        max_file_bytes=100, max_member_bytes=10**6, max_total_bytes=10**6, max_members=3
    )
    monkeypatch.setattr(package_module, "LIMITS", small)
    _refused(tmp_path, zip_bytes(members), "filen är för stor")


def test_oversized_field(members: dict[str, bytes], tmp_path: Path) -> None:
    huge = edit_json(
        members, "action_plan.json", lambda p: p["rows"][0].update(planned_action="å" * 200_001)
    )
    _refused(tmp_path, zip_bytes(huge), "rows[0].planned_action: texten har 200001 tecken")


def test_wrong_json_types(members: dict[str, bytes], tmp_path: Path) -> None:
    wrong = edit_json(members, "action_plan.json", lambda p: p["rows"][1].update(due=20250501))
    _refused(tmp_path, zip_bytes(wrong), "action_plan.json: rows[1].due: förväntade en text")


def test_bad_row_key(members: dict[str, bytes], tmp_path: Path) -> None:
    wrong = edit_json(members, "action_plan.json", lambda p: p["rows"][0].update(key="../x"))
    _refused(tmp_path, zip_bytes(wrong), "ogiltig radnyckel")


def test_manifest_and_inspection_disagree(members: dict[str, bytes], tmp_path: Path) -> None:
    other = edit_json(members, "inspection.json", lambda i: i.update(id=42))
    _refused(tmp_path, zip_bytes(other), "hör inte ihop")


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_damaged_bytes_give_a_package_or_an_exchange_error(data: st.DataObject) -> None:
    """Whatever happens to the file on the way, reading never fails with anything else."""
    raw = bytearray(zip_bytes(_MEMBERS, compression=zipfile.ZIP_STORED))
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(raw) // 2, len(raw)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "skadad.spur"
        path.write_bytes(bytes(raw[:cut]))
        try:
            read_package(path)
        except ExchangeError as error:
            assert str(error).startswith("skadad.spur")


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:3]):
            found += _paths(child, (*prefix, index))
    return found


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_any_value_anywhere_gives_a_package_or_an_exchange_error(data: st.DataObject) -> None:
    """A resealed package with any JSON value put at any place: read, or refused by name."""
    members = dict(_MEMBERS)
    name = data.draw(st.sampled_from(["manifest.json", "inspection.json", "action_plan.json"]))
    document = json.loads(members[name])
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = data.draw(_JSON_VALUES)
    members[name] = json.dumps(document).encode()
    if name != "manifest.json":
        members = reseal(members)
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "ändrad.spur"
        file.write_bytes(zip_bytes(members))
        try:
            read_package(file)
        except ExchangeError as error:
            assert str(error).startswith("ändrad.spur")


_MEMBERS: dict[str, bytes] = {}


@pytest.fixture(autouse=True, scope="module")
def _members_for_fuzzing(record: Inspection) -> None:
    """Hypothesis tests take no fixtures (their reprs would be huge): fill the module's copy."""
    _MEMBERS.update(members_of(package_bytes(outgoing_package(record))))
