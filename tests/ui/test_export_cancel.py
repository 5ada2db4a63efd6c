"""Issue 14, point 6: a long export in the app can be cancelled, leaving no partial file (and an
earlier export of the same name as it was)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from spurdesk.library import Library
from spurdesk.ui.export import ExportController
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.tasks import BackgroundTask
from tests.ui.conftest import MessageBoxes


def _long_inspection(library: Library, inspection_id: int) -> None:
    text = "\n".join(f"Rad {n}: en kort rad av många" for n in range(12_000))
    for section in library.get_inspection(inspection_id).criteria.sections[:4]:
        library.set_findings(inspection_id, section.id, text)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_cancelling_an_export_leaves_the_old_file_and_no_partial_one(
    qtbot: QtBot,
    demo_library: Library,
    demo_inspection_id: int,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    fmt: str,
) -> None:
    _long_inspection(demo_library, demo_inspection_id)
    session = LibrarySession(demo_library)
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ExportController(parent, session)
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / f"rapport.{fmt}"
    target.write_bytes(b"den tidigare exporten")
    controller.ask_path = lambda _suggested, _fmt: target  # type: ignore[method-assign]
    with qtbot.waitSignal(controller.cancelled, timeout=60_000):
        task = controller.export(demo_inspection_id, fmt)
        assert isinstance(task, BackgroundTask)
        task.cancel()  # what the dialog's Avbryt does
    assert target.read_bytes() == b"den tidigare exporten"
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left
    assert message_boxes.boxes == []  # cancelling is not an error


def test_the_export_progress_dialog_has_a_cancel_button(
    qtbot: QtBot, demo_session: LibrarySession, demo_inspection_id: int, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QPushButton

    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ExportController(parent, demo_session)
    controller.ask_path = lambda _s, _f: tmp_path / "r.pdf"  # type: ignore[method-assign]
    controller.offer_to_open = lambda _path: None  # type: ignore[method-assign]
    with qtbot.waitSignal(controller.exported, timeout=60_000):
        task = controller.export(demo_inspection_id, "pdf")
        assert task is not None and task.dialog is not None
        buttons = [b.text() for b in task.dialog.findChildren(QPushButton)]
        assert "Avbryt" in buttons


def test_a_task_cancelled_after_its_last_step_keeps_its_result(qtbot: QtBot) -> None:
    def work(progress: object) -> str:
        progress(1, 1)  # type: ignore[operator]
        return "klar"

    task = BackgroundTask(work)
    task.cancel()
    with qtbot.waitSignal(task.signals.succeeded, timeout=5000) as done:
        task.start()
    assert done.args == ["klar"]
