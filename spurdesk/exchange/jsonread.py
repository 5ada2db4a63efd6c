"""Typed reading of untrusted JSON: every wrong type or oversized value becomes an ExchangeError.

Packages come by e-mail or USB stick, so their JSON is read as hostile input. `Node` wraps a decoded
value together with its path ("inspection.json: sections[2].findings") so each refusal names the
exact place.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from spurdesk.exchange.errors import ExchangeError

#: Longest text accepted in any single field (a findings text runs to a few thousand characters).
MAX_TEXT_CHARS = 100_000
#: Most items accepted in any single list (criteria, sections, action rows …).
MAX_LIST_ITEMS = 5_000

E = TypeVar("E", bound=StrEnum)


def parse_json(raw: bytes, source: str) -> Node:
    """Decode UTF-8 JSON from a package member; malformed text names the member."""
    try:
        value = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # incl. JSONDecodeError, bad UTF-8, huge ints
        raise ExchangeError(
            f"{source}: innehållet är inte giltig JSON ({error}). "
            "Filen är skadad; be avsändaren skicka den igen."
        ) from None
    return Node(value, source, "")


class Node:
    """A decoded JSON value and where it sits; accessors check the type they promise."""

    def __init__(self, value: Any, source: str, path: str) -> None:
        self.value = value
        self.source = source
        self.path = path

    def _fail(self, problem: str) -> ExchangeError:
        where = f"{self.source}: {self.path}" if self.path else self.source
        return ExchangeError(
            f"{where}: {problem}. Filen är skadad eller har ändrats utanför spurdesk; "
            "be avsändaren skicka den igen."
        )

    def _child(self, value: Any, step: str) -> Node:
        path = (
            f"{self.path}{step}" if step.startswith("[") or not self.path else f"{self.path}.{step}"
        )
        return Node(value, self.source, path)

    # containers
    def obj(self) -> dict[str, Any]:
        if not isinstance(self.value, dict):
            raise self._fail("förväntade ett objekt")
        return self.value

    def __getitem__(self, key: str) -> Node:
        data = self.obj()
        if key not in data:
            raise self._child(None, key)._fail("fältet saknas")
        return self._child(data[key], key)

    def get(self, key: str, default: Any) -> Node:
        """The member `key`, or a node holding `default` when it is absent."""
        data = self.obj()
        return self._child(data.get(key, default), key)

    def items(self) -> list[Node]:
        if not isinstance(self.value, list):
            raise self._fail("förväntade en lista")
        if len(self.value) > MAX_LIST_ITEMS:
            raise self._fail(f"listan har {len(self.value)} poster, högst {MAX_LIST_ITEMS} tillåts")
        return [self._child(v, f"[{i}]") for i, v in enumerate(self.value)]

    # scalars
    def text(self) -> str:
        if not isinstance(self.value, str):
            raise self._fail("förväntade en text")
        if len(self.value) > MAX_TEXT_CHARS:
            raise self._fail(f"texten har {len(self.value)} tecken, högst {MAX_TEXT_CHARS} tillåts")
        return self.value

    def optional_text(self) -> str | None:
        return None if self.value is None else self.text()

    def integer(self) -> int:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise self._fail("förväntade ett heltal")
        if abs(self.value) > 2**53:
            raise self._fail("talet är orimligt stort")
        return self.value

    def optional_integer(self) -> int | None:
        return None if self.value is None else self.integer()

    def enum(self, kind: type[E]) -> E:
        value = self.text()
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(f'"{member.value}"' for member in kind)
            raise self._fail(f'okänt värde "{value[:40]}" (tillåtna: {allowed})') from None

    def optional_enum(self, kind: type[E]) -> E | None:
        return None if self.value is None else self.enum(kind)

    def optional_date(self) -> date | None:
        if self.value is None:
            return None
        try:
            return date.fromisoformat(self.text())
        except ValueError:
            raise self._fail("förväntade ett datum (ÅÅÅÅ-MM-DD)") from None

    def optional_datetime(self) -> datetime | None:
        if self.value is None:
            return None
        try:
            return datetime.fromisoformat(self.text())
        except ValueError:
            raise self._fail("förväntade en tidpunkt (ISO 8601)") from None
