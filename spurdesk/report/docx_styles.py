"""The named styles the DOCX writer uses, and where the template defining them lives.

The writer applies only these names; everything they look like (fonts, colours, spacing, borders)
comes from resources/templates/report.docx, which an organisation may restyle in Word. The
template generator (scripts/build_report_template.py) defines exactly these names.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path

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
#: Every style the writer applies by name (Normal is the default and needs no reference).
REQUIRED_STYLES = (
    TITLE,
    SUBTITLE,
    *HEADING,
    LIST_BULLET,
    TOC_HEADING,
    *TOC_LEVELS,
    *PARAGRAPH_STYLES,
    *CHARACTER_STYLES,
    *TABLE_STYLES,
)


def style_key(name: str) -> str:
    """Word saves some built-in names in lower case ("toc 1", "heading 1"): compare without case."""
    return name.casefold()


# Placeholders in the template's header and footer, replaced when a report is written.
UNIT_PLACEHOLDER = "{enhet}"
DRAFT_PLACEHOLDER = "{utkast}"
PAGE_PLACEHOLDER = "{sida}"
PAGES_PLACEHOLDER = "{antal}"


#: Names a folder holding an organisation's own report.docx (e.g. on a shared drive).
TEMPLATE_DIR_ENV = "SPURDESK_TEMPLATE_DIR"


def user_template_dir() -> Path:
    """Where an organisation's restyled template goes ($SPURDESK_TEMPLATE_DIR overrides)."""
    override = os.environ.get(TEMPLATE_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return user_config_path("spurdesk") / "templates"


def template_path() -> Path:
    """The organisation's template when there is one, else the shipped one."""
    own = user_template_dir() / TEMPLATE_NAME
    return own if own.is_file() else resource_path("templates", TEMPLATE_NAME)
