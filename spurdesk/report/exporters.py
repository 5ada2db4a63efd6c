"""The writer of each report in spurdesk.outputs.REPORTS, by its key.

The export menu and `spurdesk export` both look the writer up here, so a new report format is
added in two tables only: its name in spurdesk.outputs, its writer here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from spurdesk.report import export_action_plan_docx, export_docx, export_pdf
from spurdesk.report.output import Progress

if TYPE_CHECKING:
    from spurdesk.model.inspection import Inspection


class Exporter(Protocol):
    """Writes the inspection to `path` (replaced only when complete) and returns the path;
    `previous` is the last SPUR a re-inspection is compared with (`Library.previous_inspection`)."""

    def __call__(
        self,
        inspection: Inspection,
        path: Path,
        progress: Progress | None = None,
        *,
        previous: Inspection | None = None,
    ) -> Path: ...


EXPORTERS: Mapping[str, Exporter] = MappingProxyType(
    {"docx": export_docx, "pdf": export_pdf, "actionplan": export_action_plan_docx}
)
