"""The grade chart of a re-inspection: each section's grade at the last SPUR and now, as a PNG.

Drawn with matplotlib's Agg canvas directly (no pyplot, no global backend switch, so it is safe
inside the Qt application), imported only when a chart is drawn. Readable in black and white:
the two inspections differ by pattern (hatched / solid grey), every bar carries its grade letter,
and a missing grade is written out rather than left as an empty gap.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from spurdesk.model.comparison import SectionGrades
from spurdesk.model.criteria import Grade

#: The bar height of each grade: A (best) highest.
_HEIGHT = {Grade.A: 4, Grade.B: 3, Grade.C: 2, Grade.D: 1}
MISSING = "–"


@dataclass(frozen=True)
class ChartWords:
    """The chart's words: the report's Swedish by default, the UI passes its translations."""

    previous: str = "Föregående SPUR"
    current: str = "Nu"
    grade_axis: str = "Gradering"
    section_axis: str = "Avsnitt"


def grade_chart_png(
    grades: Sequence[SectionGrades],
    *,
    words: ChartWords = ChartWords(),
    width_inches: float = 6.3,
    dpi: int = 200,
) -> bytes:
    """Grouped bars per section (then hatched, now solid) with the grade letter on each bar."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_inches, 2.5), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bar = 0.38
    for offset, label, hatch, fill, pick in (
        (-bar / 2, words.previous, "////", "white", lambda g: g.previous),
        (bar / 2, words.current, "", "0.55", lambda g: g.current),
    ):
        for index, section in enumerate(grades):
            grade: Grade | None = pick(section)
            x = index + offset
            height = _HEIGHT[grade] if grade is not None else 0
            axes.bar(
                x,
                height,
                bar,
                color=fill,
                edgecolor="black",
                hatch=hatch,
                linewidth=0.8,
                label=label if index == 0 else None,
            )
            axes.text(
                x,
                height + 0.08,
                grade.value if grade is not None else MISSING,
                ha="center",
                va="bottom",
                fontsize=8,
                fontweight="bold",
            )
    axes.set_xticks(range(len(grades)), [g.section_id for g in grades])
    axes.set_yticks([1, 2, 3, 4], ["D", "C", "B", "A"])
    axes.set_ylim(0, 5)
    axes.set_xlim(-0.6, len(grades) - 0.4)
    axes.set_ylabel(words.grade_axis)
    axes.set_xlabel(words.section_axis)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper center", ncols=2, frameon=False, fontsize=8, bbox_to_anchor=(0.5, 1.16))
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", pad_inches=0.05)
    return buffer.getvalue()
