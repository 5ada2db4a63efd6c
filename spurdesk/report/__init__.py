"""Reports: the inspection report and the action plan as Word (DOCX) and PDF. No Qt.

One function per format, each taking an `Inspection` record, a target path and an optional
`progress(done, total)` callback, and returning the path written. The file is replaced only when
complete; anything that stops the export raises `ReportError` with a message for the user.
python-docx and reportlab are imported on first use, so importing this package stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from spurdesk.report.output import Progress, ReportError

if TYPE_CHECKING:
    from spurdesk.model.inspection import Inspection

__all__ = ["Progress", "ReportError", "export_action_plan_docx", "export_docx", "export_pdf"]


def export_docx(
    inspection: Inspection,
    path: Path,
    progress: Progress | None = None,
    *,
    previous: Inspection | None = None,
) -> Path:
    """The full report as Word, styled by resources/templates/report.docx; a re-inspection is
    compared with `previous`, its last SPUR."""
    from spurdesk.report.content import build_report
    from spurdesk.report.docx_writer import write_docx

    return write_docx(build_report(inspection, previous), Path(path), progress)


def export_pdf(
    inspection: Inspection,
    path: Path,
    progress: Progress | None = None,
    *,
    previous: Inspection | None = None,
) -> Path:
    """The full report as PDF, with embedded fonts, bookmarks and page numbers; a re-inspection
    is compared with `previous`, its last SPUR."""
    from spurdesk.report.content import build_report
    from spurdesk.report.pdf_writer import write_pdf

    return write_pdf(build_report(inspection, previous), Path(path), progress)


def export_action_plan_docx(
    inspection: Inspection,
    path: Path,
    progress: Progress | None = None,
    *,
    previous: Inspection | None = None,
) -> Path:
    """The action plan on its own as Word, for the unit to fill in or the region to follow up.
    It answers this visit alone: `previous` is accepted so every exporter is called alike."""
    from spurdesk.report.content import build_action_plan
    from spurdesk.report.docx_writer import write_docx

    return write_docx(build_action_plan(inspection), Path(path), progress)
