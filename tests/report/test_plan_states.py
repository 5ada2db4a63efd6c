"""Issue 13: every sentence the report prints is true for the inspection's state — not only the
demo's. A general-practice inspection (tests/report/general_practice.py, built through the
Library) is exported to DOCX and PDF in each state of its action plan, and the text read back:

- the appendix of the DOCX must be exactly the expected sentences, in order (nothing more);
- the PDF must say the same sentences in the same order (its text also holds page furniture);
- what is false in a state must be absent from both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from spurdesk.model.inspection import Inspection
from spurdesk.report import export_docx, export_pdf
from tests.report import general_practice as gp
from tests.report.readback import assert_in_order, normalise, read_docx, read_pdf

DEFICIENCIES = (
    "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens "
    "föreskrifter och allmänna råd."
)
RECEIVED = "Verksamheten har efter granskningen inkommit med följande handlingsplan."
REQUESTED = (
    "Verksamheten ska inkomma med en handlingsplan som besvarar bristerna senast 16 juni 2025. "
    "För varje brist anges om åtgärder krävs eller rekommenderas."
)
C3 = "ST-läkarna har tillgång till funktionell arbetsplats."
D8 = "Studierektorn samordnar ST-läkarnas interna och externa utbildningsaktiviteter."
E1 = (
    "Varje ST-läkare ges kontinuerligt handledning i form av stöd och vägledning med utgångspunkt "
    "i det individuella utbildningsprogrammet."
)
E4 = (
    "Den huvudansvariga handledaren bedömer ST-läkarens kompetensutveckling kontinuerligt, med "
    "utgångspunkt i målbeskrivningen för specialiteten och det individuella utbildningsprogrammet."
)
LABELS = (
    "Planerad åtgärd",
    "Datum när åtgärden ska vara genomförd",
    "Ansvarig för genomförandet",
    "Datum för uppföljning",
    "Ansvarig för uppföljningen",
)
REVISED_C = (
    "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens "
    "föreskrifter. Verksamheten har efter granskningen inkommit med handlingsplan, se bilaga. "
    "Graderingen är ändrad till B."
)
REVISED_E = (
    "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens "
    "föreskrifter och allmänna råd. Verksamheten har efter granskningen inkommit med "
    "handlingsplan, se bilaga. Graderingen är ändrad till C."
)
SCALES = (
    "Avsnitt A och C graderas A, B eller D och avsnitt B, D, E, F, G och H graderas A, B, C eller "
    "D enligt SPUR-modellens skalor; A är bäst. Skalan återges under respektive avsnitt."
)
#: Never true of this inspection in any state, or never wanted on a report at all.
NEVER = (
    "(version",  # the criteria set's version: an internal fact
    "Kriterier ",
    "A (bäst) till D",  # A and C have no C
    "Handlingsplanen innehåller ännu inga åtgärder",
    "UTKAST",
)


def fields(values: dict[str, str]) -> list[str]:
    out: list[str] = []
    for label, name in zip(LABELS, gp.ANSWER_C, strict=True):
        out += [label, values[name] or "–"]
    return out


def appendix(state: str) -> list[str]:
    """The appendix's sentences in each state, in order."""
    answer_e = dict(gp.ANSWER_E, follow_up=gp.DEFAULT_FOLLOW_UP.isoformat())
    if state == "not requested":
        return []
    if state == "requested":
        return [
            "Bilaga: Handlingsplan",
            f"{DEFICIENCIES} {REQUESTED}",
            "C. Lokaler och utrustning",
            C3,
            "Åtgärder krävs.",
            "D. Tjänstgöringens upplägg",
            D8,
            "Åtgärder rekommenderas.",
            "E. Handledning och kompetensbedömning",
            E1,
            E4,
            "Åtgärder krävs.",
        ]
    rows = [
        "Bilaga: Handlingsplan",
        f"{DEFICIENCIES} {RECEIVED}",
        "C. Lokaler och utrustning",
        C3,
        *fields(gp.ANSWER_C),
    ]
    if state == "closed":
        rows += ["Status", "Verifierad 2025-10-01"]
    else:  # the recommended row the unit left empty (removed before closing)
        rows += [
            "D. Tjänstgöringens upplägg",
            D8,
            "Verksamheten har inte angett någon åtgärd.",
        ]
    rows += ["E. Handledning och kompetensbedömning", E1, E4, *fields(answer_e)]
    if state == "closed":
        rows += ["Status", "Genomförd 2025-12-12"]
    return rows


def revisions(state: str) -> list[str]:
    return [REVISED_C, REVISED_E] if state in ("revised", "closed") else []


@dataclass(frozen=True)
class Exported:
    inspection: Inspection
    docx: str
    pdf: str


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exported]:
    folder = tmp_path_factory.mktemp("allmanmedicin")
    out = {}
    for state, inspection in gp.build_states(folder / "bibliotek.sqlite"):
        stem = state.replace(" ", "-")
        docx = export_docx(inspection, folder / f"{stem}.docx")
        pdf = export_pdf(inspection, folder / f"{stem}.pdf")
        out[state] = Exported(inspection, read_docx(Path(docx)).text, read_pdf(Path(pdf)).text)
    return out


def body(text: str) -> str:
    """After the title page and the table of contents (which repeats the headings)."""
    return text[text.index("A är bäst.") :]


def appendix_text(text: str) -> str:
    start = body(text).find("Bilaga: Handlingsplan")
    return "" if start < 0 else body(text)[start:]


@pytest.mark.parametrize("state", gp.STATES)
def test_the_docx_appendix_is_exactly_the_states_sentences(
    exported: dict[str, Exported], state: str
) -> None:
    assert appendix_text(exported[state].docx) == normalise(" ".join(appendix(state)))


@pytest.mark.parametrize("state", gp.STATES)
def test_the_pdf_says_the_same_in_the_same_order(exported: dict[str, Exported], state: str) -> None:
    text = body(exported[state].pdf)
    assert_in_order(text, appendix(state))
    if not appendix(state):
        assert "Bilaga: Handlingsplan" not in text


@pytest.mark.parametrize("state", gp.STATES)
@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_revision_sentences_only_after_the_plan_and_only_where_the_visit_found_deficiencies(
    exported: dict[str, Exported], state: str, kind: str
) -> None:
    text = body(getattr(exported[state], kind))
    assert text.count("Graderingen är ändrad") == len(revisions(state))
    assert_in_order(text, revisions(state))
    if revisions(state):  # C's sentence names only föreskrifter: no allmänt råd was unmet there
        c_section = text[text.index("C. Lokaler och utrustning") : text.index("PROCESS")]
        assert REVISED_C in c_section and "allmänna råd. Verksamheten" not in c_section


@pytest.mark.parametrize("state", gp.STATES)
@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_front_matter_states_only_public_true_facts(
    exported: dict[str, Exported], state: str, kind: str
) -> None:
    text = getattr(exported[state], kind)
    front = text[: text.index("Innehåll")]
    assert_in_order(
        front,
        ["Specialitet", "Allmänmedicin", "Verksamhet", gp.UNIT, "Rapportdatum", "14 april 2025"],
    )
    assert "Status" not in front and "handlingsplan" not in front.lower()
    assert SCALES in text
    for phrase in NEVER:
        assert phrase not in text, phrase


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_request_never_says_the_plan_has_arrived(
    exported: dict[str, Exported], kind: str
) -> None:
    for state in ("not requested", "requested"):
        text = getattr(exported[state], kind)
        assert "inkommit" not in text, state
    assert "ska inkomma" not in getattr(exported["received"], kind)


def test_no_empty_row_tables_and_the_appendix_follows_the_sections(
    exported: dict[str, Exported],
) -> None:
    """A row nobody filled prints no table of dashes; headings run C, D, E (not row order:
    the D row was added last)."""
    for state in gp.STATES:
        text = appendix_text(exported[state].docx)
        assert "Planerad åtgärd –" not in text, state
    record = exported["requested"].inspection
    assert [i.criterion_id for i in record.action_items] == ["C.3", "E.1", "D.8"]


def test_the_plan_exported_alone_before_the_request_says_so(
    exported: dict[str, Exported],
) -> None:
    """'Handlingsplan som Word' before the request: the deficiencies the unit will have to
    answer, marked, and no claim that a plan was asked for or has arrived."""
    from spurdesk.report.content import build_action_plan
    from spurdesk.report.document import Paragraph

    report = build_action_plan(exported["not requested"].inspection)
    texts = [b.text.text for b in report.blocks if isinstance(b, Paragraph)]
    assert texts[0] == (
        f"{DEFICIENCIES} Handlingsplanen har ännu inte begärts från verksamheten. "
        "För varje brist anges om åtgärder krävs eller rekommenderas."
    )
    assert texts[1:] == [C3, "Åtgärder krävs.", E1, "Åtgärder krävs.", E4, "Åtgärder krävs."]
