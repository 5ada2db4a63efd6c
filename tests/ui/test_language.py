"""The interface language: Swedish by default, English on request, switched while running."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spurdesk.ui.i18n import LanguageManager, system_language
from spurdesk.ui.main_window import MainWindow
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.settings import AppSettings
from spurdesk.ui.settings_dialog import SettingsDialog


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[LanguageManager]:
    manager = LanguageManager.for_app(qapp)
    manager.set_language("sv")
    yield manager
    manager.set_language("sv")  # the next test starts Swedish, whatever this one did


@pytest.fixture
def main_window(
    qtbot: QtBot,
    demo_session: LibrarySession,
    criteria_library,
    app_settings: AppSettings,
    languages: LanguageManager,
) -> MainWindow:
    window = MainWindow(
        demo_session,
        criteria_library,
        app_settings,
        library_path=None,
        languages=languages,
        remember_library=False,
    )
    qtbot.addWidget(window)
    window.show()
    return window


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_switching_to_english_retranslates_the_visible_window_and_back(
    qtbot: QtBot, main_window: MainWindow, languages: LanguageManager
) -> None:
    view = main_window.start_view
    assert view is not None
    horizontal = Qt.Orientation.Horizontal
    assert _menu_titles(main_window) == ["&Arkiv", "&Inspektion", "&Hjälp"]
    assert view.heading.text() == "Inspektioner"
    assert view.proxy.headerData(view.model.UNIT, horizontal) == "Verksamhet"

    assert languages.set_language("en") == "en"
    qtbot.waitUntil(lambda: _menu_titles(main_window) == ["&File", "&Inspection", "&Help"])
    assert view.heading.text() == "Inspections"
    assert view.new_action.text() == "&New inspection…"
    assert view.proxy.headerData(view.model.UNIT, horizontal) == "Unit"
    assert "overdue actions" in view.overdue_label.text()
    assert view.filter_edit.placeholderText().startswith("Filter by unit")
    assert view.proxy.index(0, view.model.STATUS).data() == "Action plan received"
    view.filter_edit.setText("received")  # the filter searches the words shown
    assert view.proxy.rowCount() == 1
    view.filter_edit.clear()

    assert languages.set_language("sv") == "sv"
    qtbot.waitUntil(lambda: _menu_titles(main_window) == ["&Arkiv", "&Inspektion", "&Hjälp"])
    assert view.proxy.headerData(view.model.UNIT, horizontal) == "Verksamhet"
    assert view.proxy.index(0, view.model.STATUS).data() == "Handlingsplan inkommen"


def test_swedish_plural_forms_come_from_the_swedish_translation(
    main_window: MainWindow,
) -> None:
    view = main_window.start_view
    assert view is not None
    count = view.overdue_count
    assert count > 1
    assert view.overdue_label.text().endswith(f"{count} försenade åtgärder i handlingsplanerna")


def test_language_chosen_in_settings_applies_at_once(
    qtbot: QtBot, main_window: MainWindow, app_settings: AppSettings
) -> None:
    dialog = main_window.show_settings()
    assert isinstance(dialog, SettingsDialog)
    dialog._language.setCurrentIndex(dialog._language.findData("en"))
    dialog.accept()
    qtbot.waitUntil(lambda: _menu_titles(main_window) == ["&File", "&Inspection", "&Help"])
    assert app_settings.language() == "en"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("sv_SE", "sv"), ("sv_FI", "sv"), ("nb_NO", "sv"), ("en_US", "en"), ("de_DE", "en")],
)
def test_system_locale_decides_when_nothing_is_chosen(locale: str, expected: str) -> None:
    assert system_language(QLocale(locale)) == expected


def test_every_english_string_in_the_translation_file_is_translated() -> None:
    """scripts/update_translations.py merges new strings in as unfinished; they need English."""
    import xml.etree.ElementTree as ET

    from spurdesk.resources import resource_path

    root = ET.parse(resource_path("i18n", "spurdesk_en.ts")).getroot()
    unfinished = [
        message.findtext("source")
        for message in root.iter("message")
        if (message.find("translation") is None)
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == []
    assert resource_path("i18n", "spurdesk_en.qm").stat().st_size > 1000


def test_the_translation_files_hold_every_string_of_the_code() -> None:
    """A string added to the code without running scripts/update_translations.py would show in
    Swedish in the English interface: the script's check must find nothing to update."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "update_translations.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_grading_reasons_and_revision_limits_follow_the_interface_language(
    qtbot: QtBot,
    demo_session: LibrarySession,
    demo_inspection_id: int,
    languages: LanguageManager,
) -> None:
    """Issue 13, point 8: the reasons are data; the section page words them through tr()."""
    from spurdesk.ui.inspection.navigation import NodeKind
    from spurdesk.ui.inspection.window import InspectionWindow

    window = InspectionWindow(demo_session, demo_inspection_id)
    qtbot.addWidget(window)
    window.show()
    window.go_to(NodeKind.SECTION, "D")
    page = window.current_page
    assert "Föreskrift D.1 är inte uppfylld." in page.reasons_label.text()
    window.go_to(NodeKind.SECTION, "B")
    blocked = window.current_page
    assert "Bara graderingen C eller D kan ändras" in blocked.revision_blocked.text()
    languages.set_language("en")
    qtbot.waitUntil(lambda: "Regulation D.1 is not met." in page.reasons_label.text())
    assert "Föreskrift" not in page.reasons_label.text()
    assert "Only grade C or D can be revised after an action plan, not B." in (
        blocked.revision_blocked.text()
    )
