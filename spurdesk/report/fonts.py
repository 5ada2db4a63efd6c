"""The TrueType family the PDF embeds: DejaVu Sans, shipped in resources/fonts/.

reportlab's built-in Helvetica is not embedded and lacks characters a Swedish report needs
(≥, “ ”, …); DejaVu Sans covers them. Registered once per process, on first use.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from spurdesk.report.output import ReportError
from spurdesk.resources import resource_path

FAMILY = "DejaVuSans"
_FILES = {
    FAMILY: "DejaVuSans.ttf",
    f"{FAMILY}-Bold": "DejaVuSans-Bold.ttf",
    f"{FAMILY}-Oblique": "DejaVuSans-Oblique.ttf",
    f"{FAMILY}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Oblique"


@cache
def register_fonts() -> str:
    """Register the family (regular, bold, italic, bold italic); returns its name."""
    for name, file_name in _FILES.items():
        path = resource_path("fonts", file_name)
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (OSError, TTFError) as error:
            raise ReportError(
                f"Typsnittet {path} kunde inte läsas ({error}). Installera om programmet så att "
                "mappen resources/fonts är komplett."
            ) from error
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=f"{FAMILY}-BoldOblique"
    )
    return FAMILY
