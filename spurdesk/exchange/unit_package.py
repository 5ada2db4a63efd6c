"""The unit's side: a received package, of which only the action plan rows may change.

The rules are enforced here, not only in the UI: the report and the deficiencies are read-only,
only `UNIT_FIELDS` of a row change, and rows may be added (and removed again) only for a
listed deficiency. The inspector's import enforces the same rules again.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spurdesk.exchange.action_plan import (
    ActionPlan,
    ActionRow,
    PlanDeficiency,
)
from spurdesk.exchange.errors import ExchangeError
from spurdesk.exchange.package import (
    InspectionIdentity,
    Package,
    read_package,
    response_package,
    write_package,
)
from spurdesk.exchange.text import checked_field
from spurdesk.exchange.validation import PlanProblem, row_label, validate_plan
from spurdesk.model.action_fields import LABELS, UNIT_FIELDS
from spurdesk.model.inspection import Inspection


class UnitPackage:
    """An editable working copy of the action plan in a received .spur package."""

    def __init__(self, package: Package, source: Path | None = None) -> None:
        self._package = package
        self._plan = package.plan
        self.source = source
        self.modified = False

    @classmethod
    def open(cls, path: str | Path) -> UnitPackage:
        """Open a package from the inspectors (or the unit's own saved response)."""
        return cls(read_package(path), Path(path))

    @property
    def inspection(self) -> Inspection:
        return self._package.inspection

    @property
    def identity(self) -> InspectionIdentity:
        return self._package.identity

    @property
    def plan(self) -> ActionPlan:
        return self._plan

    @property
    def deficiencies(self) -> tuple[PlanDeficiency, ...]:
        return self._plan.deficiencies

    def _row(self, key: str) -> ActionRow:
        try:
            return self._plan.row(key)
        except KeyError:
            raise ExchangeError(f"Handlingsplanen har ingen rad {key}.") from None

    def set_field(self, key: str, name: str, value: str) -> None:
        """Change one editable field of one row; any other field is refused."""
        if name not in UNIT_FIELDS:
            raise ExchangeError(
                f"Fältet {name} hör till inspektörernas rapport och kan inte ändras "
                "av verksamheten."
            )
        row = self._row(key)
        label = f"{row_label(self._plan, row)}, {LABELS[name]}"
        self._replace_row(replace(row, **{name: checked_field(value, label)}))

    def add_row(self, deficiency: PlanDeficiency) -> ActionRow:
        """A new empty row for a listed deficiency, placed after that deficiency's last row."""
        listed = self._plan.deficiency(deficiency.section_id, deficiency.criterion_id)
        if listed is None:
            raise ExchangeError(
                f"{deficiency.criterion_id} är inte en av bristerna i rapporten; "
                "rader kan bara läggas till för de listade bristerna."
            )
        row = ActionRow.new_for(listed)
        rows = list(self._plan.rows)
        siblings = [i for i, r in enumerate(rows) if r in self._plan.rows_for(listed)]
        rows.insert(siblings[-1] + 1 if siblings else len(rows), row)
        self._set_rows(tuple(rows))
        return row

    def remove_row(self, key: str) -> None:
        """Remove a row not yet in the inspection; rows stored by the inspectors stay."""
        row = self._row(key)
        if not row.is_new:
            raise ExchangeError(
                f"{row_label(self._plan, row)} kommer från inspektörerna och kan inte tas bort; "
                "lämna en kommentar i stället."
            )
        self._set_rows(tuple(r for r in self._plan.rows if r.key != key))

    def _replace_row(self, row: ActionRow) -> None:
        self._set_rows(tuple(row if r.key == row.key else r for r in self._plan.rows))

    def _set_rows(self, rows: tuple[ActionRow, ...]) -> None:
        self._plan = replace(self._plan, rows=rows)
        self.modified = True

    def validate(self) -> list[PlanProblem]:
        return validate_plan(self._plan)

    def save_draft(self, path: str | Path) -> Path:
        """Keep unfinished work: a package the unit can reopen and the inspectors do not import."""
        written = write_package(path, response_package(self._package, self._plan, draft=True))
        self.modified = False
        return written

    def export_response(self, path: str | Path) -> Path:
        """Write the response package; refused while the plan has problems, which are named."""
        problems = self.validate()
        if problems:
            listing = "\n".join(f"• {p.message}" for p in problems[:20])
            more = f"\n… och {len(problems) - 20} till." if len(problems) > 20 else ""
            raise ExchangeError(
                f"Handlingsplanen är inte komplett och kan inte skickas:\n{listing}{more}"
            )
        written = write_package(path, response_package(self._package, self._plan))
        self.modified = False
        return written
