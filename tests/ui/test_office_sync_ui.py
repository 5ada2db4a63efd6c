"""Arkiv → Synkronisera med kontoret… in the main window: the sync runs in the background, a
merge into this library is one undo step, conflicts are chosen in the merge preview, an
unreachable office or a missing address is explained and changes nothing.

The office is a second SQLite library in tmp_path, its address saved as Inställningar would.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from spurdesk.exchange.merge import Choice
from spurdesk.exchange.office_sync import Outcome, SyncReport
from spurdesk.library import Library
from spurdesk.ui.exchange.office_sync_actions import OfficeSync, sync_with_office_action
from spurdesk.ui.main_window import MainWindow
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.settings import AppSettings
from tests.ui.conftest import MessageBoxes

FINDINGS_C = ("sections", "C", "findings")


@pytest.fixture
def office_path(tmp_path: Path, app_settings: AppSettings) -> Iterator[Path]:
    path = tmp_path / "kontoret.sqlite"
    Library.open(path).close()
    app_settings.store.setValue("office/url", f" {path} ")
    yield path


@pytest.fixture
def main(
    qtbot: QtBot,
    demo_session: LibrarySession,
    criteria_library,  # type: ignore[no-untyped-def]
    app_settings: AppSettings,
) -> Iterator[MainWindow]:
    window = MainWindow(
        demo_session, criteria_library, app_settings, library_path=None, remember_library=False
    )
    qtbot.addWidget(window)
    window.show()
    yield window
    if window.start_view is not None:  # a reload the sync scheduled, while the library is open
        window.start_view.reload()
    window.close()


def run_sync(qtbot: QtBot, main: MainWindow) -> OfficeSync:
    """The menu entry, then wait for the background part (not for conflicts being chosen)."""
    main.sync_office_action.trigger()
    syncs = main.findChildren(OfficeSync)
    assert syncs
    sync = syncs[-1]
    qtbot.waitUntil(lambda: sync.report is not None or (sync.task is not None and sync.task.done))
    return sync


def on_office(office_path: Path, inspection_uid: str) -> tuple[Library, int]:
    office = Library.open(office_path)
    office_id = office.find_inspection(inspection_uid)
    assert office_id is not None
    return office, office_id


def test_without_a_saved_address_the_user_is_sent_to_the_settings(
    main: MainWindow, message_boxes: MessageBoxes
) -> None:
    assert main.sync_office_action in main.file_menu.actions()
    assert not main._refresh_timer.isActive()  # a laptop file has no one else writing to it
    assert main.sync_office_action.text() == "S&ynkronisera med kontoret…"
    assert main.sync_with_office() is None
    assert "Inställningar → Kontorsserver" in message_boxes.texts[-1]


def test_a_sync_sends_then_brings_office_edits_back_as_one_undo_step(
    qtbot: QtBot,
    main: MainWindow,
    office_path: Path,
    demo_library: Library,
    demo_inspection_id: int,
    demo_session: LibrarySession,
    message_boxes: MessageBoxes,
) -> None:
    sync = run_sync(qtbot, main)
    assert sync.report is not None
    assert [item.outcome for item in sync.report.items] == [Outcome.SENT]
    assert "Skickade till kontoret: 1." in message_boxes.texts[-1]
    uid = demo_library.get_inspection(demo_inspection_id).uid
    office, office_id = on_office(office_path, uid)
    with office:
        office.set_findings(office_id, "E", "Kansliets tillägg.")

    sync = run_sync(qtbot, main)
    assert sync.report is not None
    assert [item.outcome for item in sync.report.items] == [Outcome.MERGED]
    assert demo_library.get_inspection(demo_inspection_id).section("E").findings == (
        "Kansliets tillägg."
    )
    stack = demo_session.undo_stack(demo_inspection_id)
    assert stack.count() == 1 and "kontoret" in stack.text(0)
    stack.undo()
    assert demo_library.get_inspection(demo_inspection_id).section("E").findings != (
        "Kansliets tillägg."
    )
    stack.redo()
    assert demo_library.get_inspection(demo_inspection_id).section("E").findings == (
        "Kansliets tillägg."
    )
    stack.undo()  # "not now": the office keeps it, and the next sync brings it back
    sync = run_sync(qtbot, main)
    assert demo_library.get_inspection(demo_inspection_id).section("E").findings == (
        "Kansliets tillägg."
    )
    with Library.open(office_path) as office:
        assert office.get_inspection(office_id).section("E").findings == "Kansliets tillägg."


def test_conflicts_are_chosen_in_the_merge_preview(
    qtbot: QtBot,
    main: MainWindow,
    office_path: Path,
    demo_library: Library,
    demo_inspection_id: int,
    demo_session: LibrarySession,
    message_boxes: MessageBoxes,
) -> None:
    run_sync(qtbot, main)
    office, office_id = on_office(office_path, demo_library.get_inspection(demo_inspection_id).uid)
    with office:
        office.set_findings(office_id, "C", "Kansliets text om C.")
    demo_library.set_findings(demo_inspection_id, "C", "Min text om C.")

    sync = run_sync(qtbot, main)
    dialog = sync.dialog
    assert dialog is not None and dialog.conflict_paths() == [FINDINGS_C]
    finished: list[object] = []
    sync.finished.connect(finished.append)
    dialog.choose(FINDINGS_C, Choice.THEIRS)
    dialog.apply_button.click()

    assert demo_library.get_inspection(demo_inspection_id).section("C").findings == (
        "Kansliets text om C."
    )
    with Library.open(office_path) as office:
        assert office.get_inspection(office_id).section("C").findings == "Kansliets text om C."
    assert demo_session.undo_stack(demo_inspection_id).count() == 1
    (report,) = finished
    assert isinstance(report, SyncReport) and report.conflicts == []
    assert "Synkroniserade: 1." in message_boxes.texts[-1]


def test_an_unreachable_office_is_explained_and_nothing_changes(
    qtbot: QtBot,
    main: MainWindow,
    app_settings: AppSettings,
    demo_library: Library,
    message_boxes: MessageBoxes,
) -> None:
    app_settings.store.setValue(
        "office/url", "postgresql+psycopg://spurdesk:hemligt@/kontoret?host=/finns-inte"
    )
    demo_library.flush()
    assert demo_library.path is not None
    before = hashlib.sha256(demo_library.path.read_bytes()).hexdigest()
    sync = run_sync(qtbot, main)
    assert sync.report is None
    told = message_boxes.texts[-1]
    assert "Kontorets bibliotek kunde inte nås" in told and "hemligt" not in told
    assert hashlib.sha256(demo_library.path.read_bytes()).hexdigest() == before


def test_avbryt_stops_the_sync_between_two_inspections(
    qtbot: QtBot,
    main: MainWindow,
    office_path: Path,
    app_settings: AppSettings,
    demo_session: LibrarySession,
    message_boxes: MessageBoxes,
) -> None:
    """Cancelled before the first inspection (the office is still being reached): nothing is
    sent, and the user is told what happened to the rest."""
    reached = threading.Event()

    def slow_office(location: str) -> Library:
        reached.wait(10)
        return Library.open(location, create=False)

    sync = sync_with_office_action(main, demo_session, app_settings, slow_office)
    assert sync is not None and sync.task is not None
    sync.task.cancel()
    reached.set()
    qtbot.waitUntil(lambda: sync.task is not None and sync.task.done)
    assert "resten synkroniseras nästa gång" in message_boxes.texts[-1]
    with Library.open(office_path) as office:
        assert office.list_inspections() == []


def test_the_inspectors_saved_name_brings_down_the_offices_inspections_for_them(
    qtbot: QtBot,
    main: MainWindow,
    office_path: Path,
    app_settings: AppSettings,
    demo_library: Library,
) -> None:
    """The co-inspector's inspection, started at the office, lists the inspector by the name
    they use there (not their login): "Mitt namn som inspektör" is what the sync asks for."""
    from dataclasses import replace

    from spurdesk.model.demo import demo_inspection
    from spurdesk.model.inspection import Inspector

    with Library.open(office_path) as office:
        record = replace(
            demo_inspection(),
            unit="Ortopedkliniken",
            inspectors=(Inspector("Karin Berg", "huvudinspektör"), Inspector("Anna Lind")),
        )
        uid = office.get_inspection(office.import_inspection(record)).uid
    run_sync(qtbot, main)
    assert demo_library.find_inspection(uid) is None  # the login name is not on its list
    app_settings.set_inspector_name("Anna Lind")
    sync = run_sync(qtbot, main)
    assert sync.report is not None
    assert Outcome.FETCHED in [item.outcome for item in sync.report.items]
    assert demo_library.find_inspection(uid) is not None
