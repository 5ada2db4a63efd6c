"""A unit inspected twice, five years apart, built through the Library: the demo (the seed
report, here visited in 2021) and its re-inspection in 2026, where some deficiencies are remedied,
some remain, G is not yet assessed, and one is new; material was requested, most of it received."""

from __future__ import annotations

from datetime import date

from spurdesk.library import Library
from spurdesk.model.criteria import Grade
from spurdesk.model.demo import demo_inspection
from spurdesk.model.inspection import CriterionStatus

MET, PARTLY, NOT_MET = CriterionStatus.MET, CriterionStatus.PARTLY_MET, CriterionStatus.NOT_MET
NOW = {
    "D.1": MET,
    "D.6": MET,
    "D.10": PARTLY,
    "E.4": MET,
    "E.5": MET,
    "E.11": MET,
    "F.1": MET,
    "F.3": MET,
    "F.4": MET,
    "F.5": MET,
    "F.6": PARTLY,
    "H.2": NOT_MET,
    "H.5": MET,
    "H.7": MET,
    "H.9": MET,
    "H.11": MET,
    "B.9": PARTLY,  # new: no deficiency in 2021
}
GRADES = {"A": Grade.A, "B": Grade.B, "C": Grade.A, "D": Grade.C, "E": Grade.A, "F": Grade.B}
RESOLVED = ("D.1", "D.6", "E.4", "E.5", "E.11", "F.1", "F.3", "F.4", "F.5", "H.5", "H.7")
STILL_OPEN = ("D.10", "F.6", "H.2")
UNASSESSED = ("G.1", "G.2", "G.4")
NEW = ("B.9",)


def make_reinspection(library: Library) -> tuple[int, int]:
    """(the 2021 inspection's id, the 2026 re-inspection's id)."""
    previous = library.import_inspection(demo_inspection())
    library.update_inspection(
        previous, visit_start=date(2021, 11, 10), visit_end=date(2021, 11, 11)
    )
    current = library.duplicate_as_reinspection(previous)
    library.update_inspection(current, visit_start=date(2026, 10, 6), visit_end=date(2026, 10, 7))
    for criterion_id, status in NOW.items():
        library.set_criterion(current, criterion_id, status, "")
    for section_id, grade in GRADES.items():
        library.set_grade(current, section_id, grade, "Bedömd vid ominspektionen.")
    ids = library.request_standard_material(current, on=date(2026, 8, 17))
    for item_id in ids[:-2]:
        library.update_material_item(item_id, received_on=date(2026, 9, 1))
    library.set_material_file(ids[0], "Riktlinjer ST 2026.pdf", b"%PDF-1.4\n%%EOF\n")
    return previous, current
