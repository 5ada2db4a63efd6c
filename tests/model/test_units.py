"""The register's pure rules: normalised texts, e-mail checks, near-duplicate suggestions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spurdesk.model.units import (
    Contact,
    ContactRole,
    Unit,
    UnitError,
    UnitOverview,
    check_email,
    duplicate_pairs,
    matching_units,
    normalised,
    unit_key,
)


def overview(
    unit_id: int, name: str, site: str = "Strandviks lasarett", n: int = 1
) -> UnitOverview:
    return UnitOverview(unit_id, name, site, "Region Exempelland", "Radiologi", n, None, 0, 0)


def test_normalising_collapses_whitespace_and_case() -> None:
    assert normalised("  Röntgen\tKLINIKEN \n") == "röntgen kliniken"
    assert unit_key("A", "b ", "C", "d") == unit_key("a", " B", "c", "D")
    assert unit_key("A", "B", "", "") != unit_key("A", "", "B", "")  # fields stay apart


@given(st.text())
def test_normalising_is_idempotent(text: str) -> None:
    assert normalised(normalised(text)) == normalised(text)


@pytest.mark.parametrize("address", ["", "sr@exempel.se", " vc@region.exempel.se "])
def test_plausible_addresses_are_kept_trimmed(address: str) -> None:
    assert check_email(address, "Studierektor") == address.strip()


@pytest.mark.parametrize("address", ["sr@", "sr exempel.se", "sr@exempel", "a@b@c.se", "@x.se"])
def test_malformed_addresses_are_refused_in_swedish(address: str) -> None:
    with pytest.raises(UnitError, match="ser inte ut som en e-postadress"):
        check_email(address, "Studierektor")


def test_near_duplicates_are_suggested_keeping_the_unit_with_more_inspections() -> None:
    units = [
        overview(1, "Röntgenkliniken", n=1),
        overview(2, "Röntgen kliniken", n=4),
        overview(3, "Kirurgkliniken", site="Exempelsjukhuset"),
        overview(4, "Röntgenkliniken", site="Annat sjukhus i en annan stad"),
        overview(5, "Ortopedkliniken"),  # same hospital, another clinic
        overview(6, "Nya kliniken"),
        overview(7, "Gamla kliniken"),
    ]
    [pair] = duplicate_pairs(units)
    assert (pair.keep.id, pair.merge.id) == (2, 1)
    assert pair.similarity > 0.9
    assert duplicate_pairs(units, threshold=0.999) == []


def test_the_picker_matches_every_word_in_any_field() -> None:
    units = [overview(1, "Röntgenkliniken"), overview(2, "Kirurgkliniken", site="Exempelsjukhuset")]
    assert [u.id for u in matching_units(units, "kliniken strandvik")] == [1]
    assert [u.id for u in matching_units(units, "")] == [1, 2]


def test_recipients_come_in_role_order() -> None:
    unit = Unit(
        1,
        "Röntgenkliniken",
        contacts=(
            Contact(ContactRole.DIRECTOR_OF_STUDIES, "Studierektor"),
            Contact(ContactRole.OVERALL_DIRECTOR_OF_STUDIES, "Övergripande studierektor"),
            Contact(ContactRole.HEAD_OF_UNIT, "Verksamhetschef"),
        ),
    )
    assert [c.role for c in unit.recipients()] == list(ContactRole)
