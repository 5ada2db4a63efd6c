"""The office library in the app. Inställningar → Kontorsserver: the connection saved without its
password (that goes to the keyring), Testa anslutning in the background, Öppna kontorets
bibliotek into the main window; `--library postgresql://…`; a server that cannot be reached or is
lost while typing, told and survived; and a known password found nowhere afterwards: not in the
settings, the log, a crash report or the command line's output."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from spurdesk.cli import main
from spurdesk.library import Library, LibraryError, OfficeConnection, stored_password
from spurdesk.ui.app import AppShell, build_main_window, configure_logging
from spurdesk.ui.crash import format_report, write_report
from spurdesk.ui.office_settings import OfficeServerPage
from spurdesk.ui.settings import AppSettings, office_location
from spurdesk.ui.settings_dialog import SettingsDialog
from tests.memory_keyring import MemoryKeyring, closed_port, memory_keyring
from tests.ui.conftest import MessageBoxes

__all__ = ["memory_keyring"]  # the fixture, for pytest

SECRET = "Kontorets-hemlighet-7"


def _fill(page: OfficeServerPage, connection: OfficeConnection, password: str = "") -> None:
    page.host.setText(connection.host)
    page.port.setValue(connection.port)
    page.database.setText(connection.database)
    page.user.setText(connection.user)
    page.sslmode.setCurrentIndex(page.sslmode.findData(connection.sslmode))
    page.sslrootcert.setText(connection.sslrootcert)
    page.service.setText(connection.service)
    page.password.setText(password)


def _socket_connection(url: str) -> OfficeConnection:
    """The test cluster's database as the fields would name it (its socket folder as host)."""
    parsed = make_url(url)
    return OfficeConnection(
        host=str(parsed.query["host"]),
        port=int(str(parsed.query["port"])),
        database=str(parsed.database),
        user=str(parsed.username),
    )


def test_the_connection_is_saved_and_its_password_only_in_the_keyring(
    qtbot: QtBot, app_settings: AppSettings, memory_keyring: MemoryKeyring
) -> None:
    office = OfficeConnection(
        host="spur-db.lipus.example",
        port=5433,
        database="spur",
        user="samordnare",
        sslmode="verify-full",
        sslrootcert="/etc/lipus-ca.pem",
    )
    dialog = SettingsDialog(app_settings)
    qtbot.addWidget(dialog)
    assert office_location(app_settings) is None
    app_settings.store.setValue("office/url", " /srv/kontoret.sqlite ")
    assert office_location(app_settings) == "/srv/kontoret.sqlite"
    dialog.tabs.setCurrentWidget(dialog.office_page)
    _fill(dialog.office_page, office, SECRET)
    dialog.office_page.inspector.setText(" Anna Lind ")
    dialog.accept()

    assert app_settings.office_connection() == office
    assert app_settings.inspector_name() == "Anna Lind"
    assert app_settings.store.value("office/url") is None  # an address set by hand gives way
    assert stored_password(office.url()) == SECRET
    location = office_location(app_settings)
    assert location is not None and SECRET not in location
    assert make_url(location).host == "spur-db.lipus.example"
    app_settings.sync()
    assert SECRET not in Path(app_settings.store.fileName()).read_text(encoding="utf-8")

    again = SettingsDialog(app_settings)
    qtbot.addWidget(again)
    assert again.office_page.connection() == office
    assert again.office_page.inspector.text() == "Anna Lind"
    assert again.office_page.password.text() == ""
    assert again.office_page.password.placeholderText() == "sparat i nyckelringen"
    again.office_page.forget_password()
    assert stored_password(office.url()) is None


def test_testing_a_closed_port_says_at_once_that_nothing_answers(
    qtbot: QtBot, app_settings: AppSettings
) -> None:
    page = OfficeServerPage(app_settings)
    qtbot.addWidget(page)
    _fill(page, OfficeConnection(host="127.0.0.1", port=closed_port(), database="spur", user="a"))
    task = page.test_connection()
    assert task is not None
    assert not page.test_button.isEnabled()  # the dialog stays responsive; the test is running
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=8000)
    assert "tog inte emot anslutningen" in page.result.text()
    assert "arbeta offline" in page.result.text()


def test_testing_names_what_is_missing_before_connecting(
    qtbot: QtBot, app_settings: AppSettings
) -> None:
    page = OfficeServerPage(app_settings)
    qtbot.addWidget(page)
    assert page.test_connection() is None
    assert "servernamn och databas" in page.result.text()


def _args(**values: object) -> argparse.Namespace:
    defaults: dict[str, object] = {"library": None, "demo": False, "lang": "sv"}
    defaults.update(values)
    return argparse.Namespace(**defaults)


@pytest.fixture
def shell(qtbot: QtBot, app_settings: AppSettings, demo_library_path: Path) -> Iterator[AppShell]:
    started = build_main_window(
        _args(library=str(demo_library_path)), settings=app_settings, install_crash_handler=False
    )
    assert started is not None
    qtbot.addWidget(started.window)
    yield started
    started.close()


def test_the_office_library_is_tested_and_opened_from_the_settings(
    qtbot: QtBot, shell: AppShell, postgres_library_url: str, criteria_library
) -> None:
    with Library.open(postgres_library_url) as server:
        server.create_inspection(
            unit="Ortopedkliniken",
            site="Norrby sjukhus",
            care_provider="Region Exempelland",
            specialty="Ortopedi",
            criteria=criteria_library.sets[0],
        )
    dialog = shell.window.show_settings()
    page = dialog.office_page
    _fill(page, _socket_connection(postgres_library_url))
    page.test_connection()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=8000)
    assert page.result.text().startswith("Anslutningen fungerar.")

    page.open_button.click()
    window = shell.window
    assert window.windowTitle() == "Kontorets bibliotek (server) – spurdesk"
    assert window._mode_label.text().startswith("Server: postgresql+psycopg://postgres@")
    assert window.start_view is not None
    assert [row.unit for row in window.start_view.model.all_rows()] == ["Ortopedkliniken"]
    assert window.library_path is None
    about = window.show_about()
    assert "postgresql+psycopg://postgres@" in about.text()
    about.close()
    assert shell.settings.recent_libraries()  # the demo file; the server is not a file
    assert all(path.suffix == ".sqlite" for path in shell.settings.recent_libraries())


def test_the_app_opens_the_office_library_given_with_library(
    qtbot: QtBot, app_settings: AppSettings, postgres_library_url: str
) -> None:
    started = build_main_window(
        _args(library=postgres_library_url), settings=app_settings, install_crash_handler=False
    )
    assert started is not None
    qtbot.addWidget(started.window)
    try:
        assert started.window.windowTitle() == "Kontorets bibliotek (server) – spurdesk"
        assert started.window.start_view is not None
        assert app_settings.recent_libraries() == []
    finally:
        started.close()


def test_what_another_office_user_saved_shows_on_uppdatera_and_by_itself(
    qtbot: QtBot, app_settings: AppSettings, postgres_library_url: str, criteria_library
) -> None:
    started = build_main_window(
        _args(library=postgres_library_url), settings=app_settings, install_crash_handler=False
    )
    assert started is not None
    window = started.window
    qtbot.addWidget(window)
    window.show()
    try:
        assert window._refresh_timer.isActive()  # on a server the list is read again each minute
        assert window.refresh_action in window.inspection_menu.actions()
        with Library.open(postgres_library_url) as colleague:
            colleague.create_inspection(
                unit="Kirurgkliniken",
                site="Norrby sjukhus",
                care_provider="Region Exempelland",
                specialty="Kirurgi",
                criteria=criteria_library.sets[0],
            )
        view = window.start_view
        assert view is not None
        window.refresh_action.trigger()
        qtbot.waitUntil(lambda: [r.unit for r in view.model.all_rows()] == ["Kirurgkliniken"])
    finally:
        started.close()


def test_typing_while_the_server_is_lost_is_reported_kept_and_saved_once_it_is_back(
    qtbot: QtBot,
    app_settings: AppSettings,
    postgres_library_url: str,
    criteria_library,
    message_boxes: MessageBoxes,
) -> None:
    import psycopg

    from spurdesk.library import FindingsKey

    started = build_main_window(
        _args(library=postgres_library_url), settings=app_settings, install_crash_handler=False
    )
    assert started is not None
    qtbot.addWidget(started.window)
    session = started.window.session
    try:
        inspection_id = session.call(
            None,
            lambda library: library.create_inspection(
                unit="Ortopedkliniken",
                site="Norrby sjukhus",
                care_provider="Region Exempelland",
                specialty="Ortopedi",
                criteria=criteria_library.sets[0],
            ),
        )
        parsed = make_url(postgres_library_url)
        admin = psycopg.connect(
            host=parsed.query["host"], port=int(parsed.query["port"]), user="postgres",
            dbname="postgres", autocommit=True,
        )  # fmt: skip
        # Typing began while the server was there (the field was checked then) …
        session.stage_text(inspection_id, FindingsKey(inspection_id, "A"), "Skrivet nu.")
        with admin:
            admin.execute(f'ALTER DATABASE "{parsed.database}" ALLOW_CONNECTIONS false')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (parsed.database,),
            )
            session.flush()  # … and the autosave comes after the server has gone
            admin.execute(f'ALTER DATABASE "{parsed.database}" ALLOW_CONNECTIONS true')
        [text] = message_boxes.texts
        assert "Ändringen sparades inte" in text
        assert session.has_unsaved_text  # kept, not dropped
        session.flush()  # the autosave's next try
        assert not session.has_unsaved_text
        sections = session.library.get_inspection(inspection_id).sections
        assert {s.section_id: s.findings for s in sections}["A"] == "Skrivet nu."
    finally:
        started.close()


def test_an_unreachable_office_library_leaves_the_laptop_library_open(
    qtbot: QtBot, shell: AppShell, message_boxes: MessageBoxes
) -> None:
    before = shell.window.library_path
    location = OfficeConnection(host="127.0.0.1", port=closed_port(), database="d").location()
    assert not shell.window.switch_library(location)
    [text] = message_boxes.texts
    assert "tog inte emot anslutningen" in text and "arbeta offline" in text
    assert shell.window.library_path == before
    assert shell.window.session.library.list_inspections()  # the laptop's library works


def test_a_known_password_is_in_no_settings_log_crash_report_or_output(
    qtbot: QtBot,
    app_settings: AppSettings,
    memory_keyring: MemoryKeyring,
    isolated_user_folders: Path,
    capsys: pytest.CaptureFixture[str],
    message_boxes: MessageBoxes,
) -> None:
    port = closed_port()
    office = OfficeConnection(host="127.0.0.1", port=port, database="spur", user="samordnare")
    dialog = SettingsDialog(app_settings)
    qtbot.addWidget(dialog)
    _fill(dialog.office_page, office, SECRET)
    dialog.accept()
    app_settings.sync()

    log_file = configure_logging()
    assert log_file is not None
    typed = f"postgresql://samordnare:{SECRET}@127.0.0.1:{port}/spur"
    for location in (office_location(app_settings), typed):
        assert location is not None
        with pytest.raises(LibraryError) as caught:
            Library.open(location, create=False)
        error = caught.value
        logging.getLogger("spurdesk.test").error("öppnade inte %s", typed, exc_info=error)
        report = write_report(format_report(type(error), error, error.__traceback__))
        assert SECRET not in str(error)
    assert main(["list", "--library", typed]) == 1
    output = capsys.readouterr()
    for handler in logging.getLogger().handlers:
        handler.flush()

    assert "tog inte emot" in output.err
    places = [Path(app_settings.store.fileName()), log_file, report]
    places += [path for path in isolated_user_folders.rglob("*") if path.is_file()]
    for place in places:
        assert SECRET not in place.read_text(encoding="utf-8", errors="replace"), place
    assert SECRET not in output.out + output.err
    assert "***" in log_file.read_text(encoding="utf-8")
    assert stored_password(office.url()) == SECRET  # kept where it belongs
