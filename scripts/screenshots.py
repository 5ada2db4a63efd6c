"""Render PNG screenshots of each main screen of the demo inspection into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--lang sv|en] [--dark]
        [--scale 2] [--out docs/screenshots]

Runs on a fresh temporary demo library with throwaway settings, so it touches nothing of the
user's. Screens: the start view, the inspection's Översikt, a section editor (E), Resultat and
Handlingsplan; then, with the sections assigned to the two inspectors, the navigation showing who
writes what (assigned-sections) and the preview of merging the co-inspector's copy with a
conflict (merge-preview; the co-inspector's library is a second temporary one); then the
sakgranskning: the unit's comment view of the draft (fact-check-unit) and the inspectors' review
of its comments, one of them out of date (fact-check-review); then the register of units with
their due dates (units) and its suggested near-duplicates (units-merge); a re-inspection five
years on (tests/report/reinspection.py): its Underlag page (material) and the Resultat page's
comparison with the last SPUR (result-comparison); and Inställningar → Kontorsserver filled in
with a fictitious office server, as a successful "Testa anslutning" leaves it
(settings-office-server). `--dark` renders
with a dark palette (as a dark system theme gives) into files ending -dark.png, to check that
nothing relies on hard-coded light colours.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget  # noqa: E402

if TYPE_CHECKING:
    from spurdesk.library import Library

WINDOW_SIZE = (1280, 820)


def dark_palette() -> QPalette:
    """A dark palette like the ones KDE, GNOME, macOS and Windows give in dark mode."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6ea8fe",
        QPalette.ColorRole.Mid: "#444444",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Light: "#505050",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def settle(app: QApplication, rounds: int = 5) -> None:
    """Events, then a moment for the views' short layout timers (word-wrapped rows are measured
    again 50 ms after a column resizes) so a screen is grabbed as the user would see it."""
    for _ in range(rounds):
        app.processEvents()
    QTest.qWait(200)


def save(widget: QWidget, path: Path, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=["sv", "en"], default="sv")
    parser.add_argument("--dark", action="store_true", help="render with a dark palette")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio (high DPI)")
    args = parser.parse_args(argv)
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)

    with tempfile.TemporaryDirectory(prefix="spurdesk-shots-") as scratch:
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, scratch)
        os.environ["SPURDESK_CRITERIA_DIR"] = str(Path(scratch) / "criteria")

        from spurdesk.ui.app import ensure_application

        app = ensure_application()
        if args.dark:
            app.setStyle(QStyleFactory.create("Fusion"))
            app.setPalette(dark_palette())
        return render(app, args, Path(scratch))


def render(app: QApplication, args: argparse.Namespace, scratch: Path) -> int:
    from spurdesk.library import Library
    from spurdesk.model.criteria_loader import load_criteria_library
    from spurdesk.ui.i18n import LanguageManager
    from spurdesk.ui.inspection.navigation import NodeKind
    from spurdesk.ui.main_window import MainWindow
    from spurdesk.ui.session import LibrarySession
    from spurdesk.ui.settings import AppSettings

    LanguageManager.for_app(app).set_language(args.lang)
    suffix = "-dark" if args.dark else ""
    suffix += f"-{args.lang}" if args.lang != "sv" else ""
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    library_path = scratch / "Demobibliotek.sqlite"
    library = Library.create_demo(library_path)
    session = LibrarySession(library)
    settings = AppSettings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(
        session,
        load_criteria_library(),
        settings,
        library_path=library_path,
        remember_library=False,
    )
    window.resize(*WINDOW_SIZE)
    window.show()
    save(window, out / f"start-view{suffix}.png", app)

    view = window.start_view
    assert view is not None
    inspection_id = view.selected_id()
    assert inspection_id is not None
    inspection_window = window.open_inspection(inspection_id)
    assert inspection_window is not None
    inspection_window.resize(*WINDOW_SIZE)
    screens = (
        ("overview", NodeKind.OVERVIEW, None),
        ("section-e", NodeKind.SECTION, "E"),
        ("result", NodeKind.RESULT, None),
        ("action-plan", NodeKind.ACTION_PLAN, None),
    )
    for name, kind, key in screens:
        inspection_window.go_to(kind, key)  # type: ignore[attr-defined]
        save(inspection_window, out / f"{name}{suffix}.png", app)
    render_coinspector(app, inspection_window, library, inspection_id, scratch, out, suffix)
    render_fact_check(app, session, library, scratch, out, suffix)
    render_units(app, window, library, out, suffix)
    render_reinspection(app, window, library, out, suffix)
    render_edit_conflict(app, out, suffix)
    render_office_settings(app, window, out, suffix)
    window.close()
    settle(app)
    return 0


def render_office_settings(app: QApplication, window: QWidget, out: Path, suffix: str) -> None:
    """Inställningar → Kontorsserver with a fictitious server, after a successful test (the
    dialog is not accepted: nothing reaches the keyring or the settings)."""
    from spurdesk.library import ServerSchema
    from spurdesk.library.storage.migrate import SchemaState
    from spurdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    dialog = window.show_settings()
    page = dialog.office_page
    dialog.tabs.setCurrentWidget(page)
    page.host.setText("spur-db.lipus.example")
    page.database.setText("spurdesk")
    page.user.setText("samordnare")
    page.password.setText("exempel-lösenord")
    page.sslmode.setCurrentIndex(page.sslmode.findData("verify-full"))
    page.sslrootcert.setText("/etc/ssl/certs/lipus-ca.pem")
    page.result.setText(page.schema_text(ServerSchema(SchemaState.CURRENT, "0008")))
    dialog.resize(620, 560)
    save(dialog, out / f"settings-office-server{suffix}.png", app)
    dialog.reject()


def render_coinspector(
    app: QApplication,
    inspection_window: QWidget,
    library: Library,
    inspection_id: int,
    scratch: Path,
    out: Path,
    suffix: str,
) -> None:
    """Sections assigned to Anna and Erik; Erik's copy merged back with a conflict in E."""
    from spurdesk.exchange.coinspector import apply_plan, plan_merge, read_copy, send_copy
    from spurdesk.library import Library
    from spurdesk.model.criteria import Grade
    from spurdesk.model.inspection import CriterionStatus
    from spurdesk.ui.exchange.coinspector_actions import receive_into
    from spurdesk.ui.inspection.navigation import NodeKind

    anna, erik = library.get_inspection(inspection_id).inspectors
    library.actor = anna.name
    session = inspection_window.session  # type: ignore[attr-defined]
    for section_id in "ABCDEFGH":
        writer = anna if section_id in "ABCD" else erik
        session.call(
            inspection_id,
            lambda lib, s=section_id, w=writer.uid: lib.assign_section(inspection_id, s, w),
        )
    inspection_window.go_to(NodeKind.SECTION, "F")  # type: ignore[attr-defined]
    inspection_window.go_to(NodeKind.SECTION, "E")  # type: ignore[attr-defined]
    save(inspection_window, out / f"assigned-sections{suffix}.png", app)

    theirs = Library.open(scratch / "Erik.sqlite")
    theirs.actor = erik.name
    shared = send_copy(library, inspection_id, scratch / "till-erik.spur", anna.name)
    their_id = apply_plan(theirs, plan_merge(theirs, read_copy(shared)))
    findings = library.get_inspection(inspection_id).section("E").findings
    first = "Handledarna har utbildning."
    library.set_findings(
        inspection_id, "E", findings.replace(first, "Alla handledare har handledarutbildning.")
    )
    theirs.set_findings(
        their_id, "E", findings.replace(first, "Handledarna har gått SK-kursen i handledning.")
    )
    theirs.set_criterion_status(their_id, "G.3", CriterionStatus.PARTLY_MET)
    theirs.set_findings(their_id, "H", "Ledarskapsutbildning erbjuds alla ST-läkare under år 2.")
    theirs.set_grade(their_id, "B", Grade.C, "Bemanningen räcker inte för handledning varje vecka.")
    row = theirs.get_inspection(their_id).action_items[0]
    theirs.update_action_item(row.id, responsible="Studierektor och verksamhetschef")
    copy = send_copy(theirs, their_id, scratch / "fran-erik.spur", erik.name)
    theirs.close()
    dialog = receive_into(inspection_window, session, inspection_id, copy)
    assert dialog is not None
    dialog.resize(1180, 720)
    dialog.select(("sections", "E", "findings"))
    save(dialog, out / f"merge-preview{suffix}.png", app)
    dialog.reject()


def render_fact_check(
    app: QApplication,
    session: object,
    library: Library,
    scratch: Path,
    out: Path,
    suffix: str,
) -> None:
    """A copy of the demo at sakgranskning: the unit comments on the draft in unit mode, the
    inspectors review the answer after editing one quoted sentence away (marked out of date)."""
    import dataclasses
    from datetime import date

    from spurdesk.exchange.fact_check_exchange import import_answer, read_answer, send_fact_check
    from spurdesk.model.demo import demo_inspection
    from spurdesk.model.fact_check import CommentKind
    from spurdesk.model.inspection import InspectionStatus
    from spurdesk.ui.exchange.fact_check_review import FactCheckReviewDialog
    from spurdesk.ui.exchange.fact_check_window import FactCheckWindow

    record = dataclasses.replace(demo_inspection(), status=InspectionStatus.FACT_CHECK)
    inspection_id = library.import_inspection(record)
    package = send_fact_check(library, inspection_id, scratch / "utkast.spur", date(2025, 1, 31))
    unit = FactCheckWindow(package)
    unit.resize(*WINDOW_SIZE)
    unit.show()
    unit.select_section("B")
    findings = record.section("B").findings
    first, second = findings.split(". ")[0] + ".", findings.split(". ")[1] + "."
    unit.choose_sentence(first)
    unit.set_form(
        CommentKind.FACTUAL_ERROR,
        "Det finns tillräckligt med specialistkompetenta läkare; arbetsbelastningen är hög "
        "under sommarmånaderna.",
        "Bemanningen förstärktes i september; belastningen är hög bara under sommaren.",
    )
    unit.add_comment()
    unit.choose_sentence(second)
    unit.set_form(CommentKind.MISSING, "", "Sex av åtta handledare har gått kursen i år.")
    unit.add_comment()
    unit.choose_sentence("")
    unit.set_form(CommentKind.OTHER, "", "Tack för ett värdefullt besök.")
    save(unit, out / f"fact-check-unit{suffix}.png", app)
    answer = scratch / "svar.spur"
    unit.unit.export_answer(answer)
    unit.close()
    import_answer(library, read_answer(answer))
    library.set_findings(inspection_id, "B", findings.replace(second, "Handledarutbildning ges."))
    dialog = FactCheckReviewDialog(session, inspection_id)  # type: ignore[arg-type]
    dialog.resize(1180, 720)
    dialog.show()
    comments = dialog.comment_ids()
    dialog.select_comment(comments[1])
    dialog.reject_selected("Uppgiften finns i avsnitt E.")
    dialog.select_comment(comments[0])
    save(dialog, out / f"fact-check-review{suffix}.png", app)
    dialog.close()
    settle(app)  # the start view reloads the added inspection while the library is still open


def render_units(
    app: QApplication, window: QWidget, library: Library, out: Path, suffix: str
) -> None:
    """Units inspected across the years (one overdue, one never, one with its deficiency
    follow-up done), a near-duplicate of the demo's unit, contacts; the Enheter window and
    its merge dialog."""
    import dataclasses
    from datetime import date

    from spurdesk.model.demo import demo_inspection
    from spurdesk.model.due_dates import ReceiptKind
    from spurdesk.model.inspection import InspectionStatus
    from spurdesk.model.units import Contact, ContactRole

    base = demo_inspection()
    visits = (
        ("Medicinkliniken", "Norrby sjukhus", "Internmedicin", date(2019, 5, 14)),
        ("Kirurgkliniken", "Norrby sjukhus", "Kirurgi", date(2021, 9, 7)),
        ("Vårdcentralen Söder", "Sjöstad", "Allmänmedicin", date(2025, 2, 4)),
    )
    for name, site, specialty, visit in visits:
        record = dataclasses.replace(
            base,
            unit=name,
            site=site,
            specialty=specialty,
            status=InspectionStatus.CLOSED,
            visit_start=visit,
            visit_end=visit,
            report_date=date(visit.year, visit.month, 28),
        )
        inspection_id = library.import_inspection(record)
        if name != "Medicinkliniken":
            for kind in ReceiptKind:
                library.record_receipt(
                    inspection_id,
                    kind,
                    date(visit.year + 1, 1, 10),
                    "Verksamhetschef",
                    "Inkom per post.",
                )
    library.create_unit(
        name="Röntgen kliniken",
        site="Strandviks lasarett",
        care_provider="Region Exempelland",
        specialty="Radiologi",
    )
    library.create_unit(
        name="Ögonkliniken", site="Granbacka sjukhus", care_provider="Region Exempelland"
    )
    demo_unit = library.find_unit(base.unit, base.site, base.care_provider, base.specialty)
    assert demo_unit is not None
    library.set_unit_contacts(
        demo_unit,
        [
            Contact(ContactRole.HEAD_OF_UNIT, "Verksamhetschef", "vc@exempel.se"),
            Contact(ContactRole.DIRECTOR_OF_STUDIES, "Studierektor", "sr@exempel.se"),
        ],
    )
    units = window.show_units()  # type: ignore[attr-defined]
    units.resize(WINDOW_SIZE[0], 420)
    units.refresh()
    save(units, out / f"units{suffix}.png", app)
    dialog = units.show_merge()
    save(dialog, out / f"units-merge{suffix}.png", app)
    dialog.close()
    units.close()


def render_reinspection(
    app: QApplication, window: QWidget, library: Library, out: Path, suffix: str
) -> None:
    """The demo's re-inspection in 2026: the material checklist, partly received, one file
    attached; the Resultat page scrolled to the comparison with the 2021 visit."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    from spurdesk.ui.inspection.navigation import NodeKind
    from tests.report.reinspection import make_reinspection

    _, current = make_reinspection(library)
    settle(app)
    inspection_window = window.open_inspection(current)  # type: ignore[attr-defined]
    assert inspection_window is not None
    inspection_window.resize(*WINDOW_SIZE)
    inspection_window.go_to(NodeKind.MATERIAL)
    page = inspection_window.current_page
    page.view.setCurrentIndex(page.model.index(0, 0))
    save(inspection_window, out / f"material{suffix}.png", app)
    inspection_window.go_to(NodeKind.RESULT)
    page = inspection_window.current_page
    settle(app)
    area = page.findChild(QScrollArea)
    area.verticalScrollBar().setValue(page.comparison.mapTo(area.widget(), QPoint(0, 0)).y() - 8)
    save(inspection_window, out / f"result-comparison{suffix}.png", app)
    inspection_window.close()


def render_edit_conflict(app: QApplication, out: Path, suffix: str) -> None:
    """The office server: someone else saved the findings this user was typing."""
    from spurdesk.library import EditConflict, FindingsKey
    from spurdesk.ui.edit_conflict_dialog import EditConflictDialog

    conflict = EditConflict(
        "section_assessments",
        ("section_assessments", 1, "E"),
        "findings",
        1,
        mine="Handledarna har gått handledarutbildning. Handledning sker varannan vecka.",
        theirs="De flesta handledarna har gått handledarutbildning. Handledning sker varje vecka.",
        key=FindingsKey(1, "E"),
    )
    dialog = EditConflictDialog(None, conflict, can_keep_mine=True)
    dialog.show()
    save(dialog, out / f"edit-conflict{suffix}.png", app)
    dialog.close()


if __name__ == "__main__":
    raise SystemExit(main())
