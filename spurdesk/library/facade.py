"""The `Library`: one open inspection library, its verbs gathered from one module per noun."""

from __future__ import annotations

from pathlib import Path

from spurdesk.library.action_plan import ActionPlanVerbs
from spurdesk.library.assessments import AssessmentVerbs
from spurdesk.library.errors import (
    LibraryError,
)
from spurdesk.library.fact_check import FactCheckVerbs
from spurdesk.library.inspections import InspectionVerbs
from spurdesk.library.material import MaterialVerbs
from spurdesk.library.sharing import SharingVerbs
from spurdesk.library.staging import StagingVerbs
from spurdesk.library.storage.files import sidecar_files
from spurdesk.library.summary import SummaryVerbs
from spurdesk.library.units import UnitVerbs


class Library(
    InspectionVerbs,
    AssessmentVerbs,
    SummaryVerbs,
    ActionPlanVerbs,
    StagingVerbs,
    SharingVerbs,
    FactCheckVerbs,
    UnitVerbs,
    MaterialVerbs,
):
    """One open inspection library (an SQLite file, or any SQLAlchemy URL): `Library.open(...)`.

    The verbs live with their noun — `inspections`, `assessments`, `summary`, `action_plan`,
    `staging`, `sharing`, `fact_check`, `units`, `material` — over the transactions, backups and
    lookups of `core.LibraryCore`. A new noun gets a module of its own and a place in this list.
    """

    @classmethod
    def create_demo(cls, path: str | Path) -> Library:
        """A new library at `path` holding the demo inspection; refuses an existing file."""
        from spurdesk.model.demo import demo_inspection

        target = Path(path).expanduser()
        if target.exists():
            raise LibraryError(f"{target} finns redan och skrivs inte över. Välj ett nytt filnamn.")
        record = demo_inspection()
        library = cls.open(target)
        try:
            library.import_inspection(record)
        except BaseException:
            library.close()
            for created in (target, *sidecar_files(target)):
                created.unlink(missing_ok=True)
            raise
        return library
