"""The named styles the DOCX writer uses, and where the template defining them lives.

The writer applies only these names; everything they look like (fonts, colours, spacing, borders)
comes from resources/templates/report.docx, which an organisation may restyle in Word. The
template generator (scripts/build_report_template.py) defines exactly these names.
"""

from __future__ import annotations

from pathlib import Path

from spurdesk.resources import resource_path

TEMPLATE_NAME = "report.docx"

# Built-in Word styles (their names are language-independent inside the file).
NORMAL = "Normal"
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADING = ("Heading 1", "Heading 2", "Heading 3")
LIST_BULLET = "List Bullet"
TOC_HEADING = "TOC Heading"
TOC_LEVELS = ("TOC 1", "TOC 2")
HEADER = "Header"
FOOTER = "Footer"

# The report's own paragraph styles.
NOTE = "Anmärkning"
CRITERION = "Kriterium"
TABLE_TEXT = "Tabelltext"
TABLE_HEADING = "Tabellrubrik"
FIELD_LABEL = "Fältetikett"
BOX_HEADING = "Ruta rubrik"
BOX_TEXT = "Ruta text"
BOX_ITEM = "Ruta punkt"
SCALE_STEP = "Skalsteg"
SCALE_STEP_MARKED = "Skalsteg markerad"
DRAFT_HEADING = "Utkast rubrik"
DRAFT_TEXT = "Utkast text"

# Character styles.
DRAFT_MARK = "Utkastmarkering"
SCALE_MARK = "Graderingsmarkering"

# Table styles.
GRID_TABLE = "SPUR Tabell"
FIELD_TABLE = "SPUR Fält"
BOX_TABLE = "SPUR Ruta"
DRAFT_TABLE = "SPUR Utkast"

PARAGRAPH_STYLES = (
    NOTE,
    CRITERION,
    TABLE_TEXT,
    TABLE_HEADING,
    FIELD_LABEL,
    BOX_HEADING,
    BOX_TEXT,
    BOX_ITEM,
    SCALE_STEP,
    SCALE_STEP_MARKED,
    DRAFT_HEADING,
    DRAFT_TEXT,
)
CHARACTER_STYLES = (DRAFT_MARK, SCALE_MARK)
TABLE_STYLES = (GRID_TABLE, FIELD_TABLE, BOX_TABLE, DRAFT_TABLE)

# Placeholders in the template's header and footer, replaced when a report is written.
UNIT_PLACEHOLDER = "{enhet}"
DRAFT_PLACEHOLDER = "{utkast}"
PAGE_PLACEHOLDER = "{sida}"
PAGES_PLACEHOLDER = "{antal}"


def template_path() -> Path:
    return resource_path("templates", TEMPLATE_NAME)
