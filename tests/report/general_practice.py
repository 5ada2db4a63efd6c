"""A general-practice inspection (allmänmedicin, a vårdcentral), built through the Library's public
API and taken through every state of its action plan: the report tests' second inspection, with a
pattern of grades unlike the demo's.

Grades at the visit: A B, B A, C D (a three-step section: no workplace of their own for the ST
doctors), D C (an allmänt råd unmet), E D (supervision not weekly, no continuous assessment), F A,
G C, H A. Action is required for C.3, E.1 and E.4; the inspectors answer E.1 and E.4 with one row
and add a row for the recommended D.8; G.5 stays without a row. After the plan, C is revised
D → B and E D → C. Names are fictitious.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from spurdesk.library import Library
from spurdesk.model.criteria import Grade
from spurdesk.model.criteria_loader import load_criteria_library
from spurdesk.model.inspection import (
    ActionItemStatus,
    CriterionStatus,
    Inspection,
    InspectionStatus,
    Inspector,
    ParticipantGroup,
    SummaryKind,
)

UNIT = "Vårdcentralen Björkdalen"
REPLY_BY = date(2025, 6, 16)
RECEIVED_ON = date(2025, 6, 10)
DEFAULT_FOLLOW_UP = date(2025, 12, 10)  # six months after the plan arrived

#: Criteria not met (ej or delvis uppfyllt); every other criterion is met.
UNMET = {
    "A.4": CriterionStatus.NOT_MET,
    "C.3": CriterionStatus.NOT_MET,
    "D.8": CriterionStatus.PARTLY_MET,
    "E.1": CriterionStatus.PARTLY_MET,
    "E.4": CriterionStatus.NOT_MET,
    "E.11": CriterionStatus.PARTLY_MET,
    "G.5": CriterionStatus.NOT_MET,
}
GRADES = {
    "A": Grade.B,
    "B": Grade.A,
    "C": Grade.D,
    "D": Grade.C,
    "E": Grade.D,
    "F": Grade.A,
    "G": Grade.C,
    "H": Grade.A,
}
FINDINGS = {
    "A": "Vårdcentralen har regionens riktlinjer för ST. Någon egen rutin för att utvärdera "
    "ST-utbildningen finns inte.",
    "B": "Två specialister i allmänmedicin med handledarutbildning; studierektor finns på "
    "Allmänmedicinskt utbildningscentrum.",
    "C": "Lokalerna är trånga. ST-läkarna saknar eget mottagningsrum och byter rum dagligen.",
    "D": "IUP finns för varje ST-läkare och följs upp två gånger per år. Studierektorn samordnar "
    "inte de externa utbildningsaktiviteterna.",
    "E": "Handledning sker varannan vecka i stället för varje vecka. Kompetensbedömningar görs "
    "sällan och dokumenteras inte.",
    "F": "ST-mötena och kurserna fungerar väl.",
    "G": "Det saknas tid avsatt för det vetenskapliga arbetet.",
    "H": "ST-läkarna undervisar läkarstudenter och får återkoppling.",
}
SUMMARY = {
    SummaryKind.STRENGTH: ("Engagerade handledare och ett gott arbetsklimat.",),
    SummaryKind.WEAKNESS: ("Handledningen är inte veckovis.", "Eget mottagningsrum saknas."),
    SummaryKind.IMPROVEMENT: ("Schemalägg handledning varje vecka.",),
}
#: The unit's answer for the required row of C, and for the combined row of E.1 and E.4.
ANSWER_C = {
    "planned_action": "Ett mottagningsrum reserveras för ST-läkarna från augusti.",
    "due": "2025-08-31",
    "responsible": "Verksamhetschef",
    "follow_up": "2025-09-30",
    "follow_up_responsible": "Verksamhetschef",
}
ANSWER_E = {
    "planned_action": "Handledning schemaläggs en timme varje vecka; kompetensbedömning fyra "
    "gånger per år dokumenteras i IUP.",
    "due": "kontinuerligt",
    "responsible": "Huvudhandledare",
    "follow_up": "",  # left empty: the default follow-up date applies when the plan arrives
    "follow_up_responsible": "Studierektor",
}

STATES = ("not requested", "requested", "received", "revised", "closed")


def build_states(path: Path) -> Iterator[tuple[str, Inspection]]:
    """The inspection in each of `STATES`, as `Library.get_inspection` hands it out."""
    criteria = load_criteria_library().default()
    with Library.open(path) as library:
        library.actor = "Inspektör Ett"
        inspection_id = library.create_inspection(
            unit=UNIT,
            site="",
            care_provider="Region Exempelland",
            specialty="Allmänmedicin",
            criteria=criteria,
            visit_start=date(2025, 3, 11),
            visit_end=date(2025, 3, 11),
            report_date=date(2025, 4, 14),
            inspectors=(Inspector("Karin Provsdotter", "huvudinspektör"), Inspector("Olle Test")),
            participants=(ParticipantGroup("ST-läkare", 3), ParticipantGroup("Handledare", 2)),
        )
        for criterion in criteria.criteria:
            status = UNMET.get(criterion.id, CriterionStatus.MET)
            library.set_criterion(inspection_id, criterion.id, status, "")
        for section_id, grade in GRADES.items():
            library.set_findings(inspection_id, section_id, FINDINGS[section_id])
            library.set_grade(inspection_id, section_id, grade)
        for kind, texts in SUMMARY.items():
            for text in texts:
                library.add_summary_item(inspection_id, kind, text)
        library.set_status(inspection_id, InspectionStatus.FACT_CHECK)
        library.set_status(inspection_id, InspectionStatus.FINAL)
        yield STATES[0], library.get_inspection(inspection_id)

        library.sync_action_items(inspection_id)  # C.3, E.1, E.4: where action is required
        rows = {i.criterion_id: i.id for i in library.get_inspection(inspection_id).action_items}
        library.update_action_item(rows["E.1"], further_criteria=["E.4"])
        library.remove_action_item(rows["E.4"])
        recommended = library.add_action_item(inspection_id, criterion_id="D.8")
        library.set_status(inspection_id, InspectionStatus.ACTION_PLAN_REQUESTED, reply_by=REPLY_BY)
        yield STATES[1], library.get_inspection(inspection_id)

        library.update_action_item(rows["C.3"], **ANSWER_C)
        library.update_action_item(rows["E.1"], **ANSWER_E)  # the D.8 row the unit leaves empty
        library.set_status(inspection_id, InspectionStatus.ACTION_PLAN_RECEIVED, on=RECEIVED_ON)
        yield STATES[2], library.get_inspection(inspection_id)

        library.revise_grade(inspection_id, "C", Grade.B, date(2025, 6, 20), "Rum reserverat.")
        library.revise_grade(inspection_id, "E", Grade.C, date(2025, 6, 20), "Planen godtagen.")
        yield STATES[3], library.get_inspection(inspection_id)

        library.update_action_item(
            rows["C.3"], status=ActionItemStatus.VERIFIED, verified_on=date(2025, 10, 1)
        )
        library.update_action_item(
            rows["E.1"], status=ActionItemStatus.DONE, done_on=date(2025, 12, 12)
        )
        library.remove_action_item(recommended)
        library.set_status(inspection_id, InspectionStatus.CLOSED)
        yield STATES[4], library.get_inspection(inspection_id)
