"""Message dialogs for errors from the core: what happened, and what the user can do next.

Every dialog is built by a function returning the QMessageBox and shown through `run_box`, the one
place that blocks; tests replace `run_box` to read the message and choose a button.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from spurdesk.errors import SpurdeskError
from spurdesk.library import (
    ConcurrentEditError,
    CorruptLibraryError,
    LibraryLockedError,
    NewerLibraryVersionError,
    ReadOnlyLibraryError,
    ReadOnlyPlaceError,
)
from spurdesk.model.criteria_loader import CriteriaFileError

DamagedLibraryHandler = Callable[[QWidget | None, CorruptLibraryError], object]
_damaged_library_handler: weakref.WeakMethod[DamagedLibraryHandler] | None = None


def set_damaged_library_handler(handler: DamagedLibraryHandler | None) -> None:
    """Set by the main window while a library is open (a method of it, held weakly): a damaged
    library found in use (a record that cannot be read, or the background check) is answered
    with its offer to restore a backup, wherever the error is shown."""
    global _damaged_library_handler
    _damaged_library_handler = weakref.WeakMethod(handler) if handler is not None else None  # type: ignore[arg-type]


def damaged_library_handler() -> DamagedLibraryHandler | None:
    return _damaged_library_handler() if _damaged_library_handler is not None else None


def run_box(box: QMessageBox) -> QAbstractButton | None:
    """Shows `box` modally and returns the button the user clicked (None if closed)."""
    box.exec()
    return box.clickedButton()


def advice(error: BaseException) -> str:
    """What to do next, for the kinds of error that have a known way out."""
    if isinstance(error, CriteriaFileError):
        return QCoreApplication.translate(
            "dialogs",
            "Rätta filen (raden anges ovan) eller flytta den ur kriteriemappen och starta om "
            "spurdesk. De övriga kriterieuppsättningarna går att använda som vanligt.",
        )
    if isinstance(error, NewerLibraryVersionError):
        return QCoreApplication.translate(
            "dialogs",
            "Installera den senaste versionen av spurdesk för att öppna det här biblioteket. "
            "Under tiden kan du öppna ett annat bibliotek under Arkiv → Öppna bibliotek…",
        )
    if isinstance(error, CorruptLibraryError):
        return QCoreApplication.translate(
            "dialogs",
            "Du kan återställa den senaste säkerhetskopian; den skadade filen sparas då under "
            "ett nytt namn bredvid biblioteket.",
        )
    if isinstance(error, LibraryLockedError):
        return QCoreApplication.translate(
            "dialogs",
            "Stäng spurdesk i det andra fönstret eller på den andra datorn och försök igen, "
            "eller öppna biblioteket skrivskyddat för att läsa och exportera.",
        )
    if isinstance(error, ReadOnlyPlaceError):
        return QCoreApplication.translate(
            "dialogs",
            "Öppna biblioteket skrivskyddat för att läsa och exportera, eller kopiera det till en "
            "mapp där du får skriva och arbeta vidare i kopian.",
        )
    if isinstance(error, ReadOnlyLibraryError):
        return QCoreApplication.translate(
            "dialogs",
            "Biblioteket är öppnat skrivskyddat. Stäng det andra programmet som använder det och "
            "öppna biblioteket igen (Arkiv → Senaste bibliotek) för att kunna ändra.",
        )
    if isinstance(error, SpurdeskError):
        return QCoreApplication.translate(
            "dialogs", "Inget har ändrats. Rätta uppgiften och försök igen."
        )
    return QCoreApplication.translate(
        "dialogs", "Inget har ändrats. Försök igen; om felet kvarstår, kontakta supporten."
    )


def error_box(parent: QWidget | None, error: BaseException, title: str = "") -> QMessageBox:
    """A warning box with the error's own message and the advice for its kind."""
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("dialogs", "spurdesk – det gick inte"))
    box.setText(str(error) or type(error).__name__)
    box.setInformativeText(advice(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(QCoreApplication.translate("dialogs", "Felmeddelande"))
    return box


def show_error(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    """Shows an error from the core (a SpurdeskError's message) and what to do next; a damaged
    library found while in use goes to `damaged_library_handler`, which offers its backup."""
    handler = damaged_library_handler()
    if isinstance(error, CorruptLibraryError) and handler is not None:
        handler(parent, error)
        return
    if isinstance(error, ConcurrentEditError):
        from spurdesk.ui.edit_conflict_dialog import ask_resolution

        for conflict in error.conflicts:  # a command: the other value stands, shown beside
            ask_resolution(parent, conflict, can_keep_mine=False)
        return
    run_box(error_box(parent, error, title))


def _choice_box(
    parent: QWidget | None, error: BaseException, title: str, accept: str, question: str
) -> tuple[QMessageBox, QAbstractButton]:
    box = error_box(parent, error, title)
    box.setInformativeText(f"{advice(error)}\n\n{question}")
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    accept_button = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(accept_button)  # type: ignore[arg-type]
    return box, accept_button


def restore_backup_box(
    parent: QWidget | None, error: CorruptLibraryError
) -> tuple[QMessageBox, QAbstractButton]:
    backup = error.newest_backup
    return _choice_box(
        parent,
        error,
        QCoreApplication.translate("dialogs", "Biblioteket är skadat"),
        QCoreApplication.translate("dialogs", "Återställ säkerhetskopian"),
        QCoreApplication.translate("dialogs", "Vill du återställa säkerhetskopian {name}?").format(
            name=getattr(backup, "name", str(backup))
        ),
    )


def ask_restore_backup(parent: QWidget | None, error: CorruptLibraryError) -> bool:
    """Offers the newest backup of a damaged library; False when there is none or on Avbryt."""
    if error.newest_backup is None:
        show_error(parent, error, QCoreApplication.translate("dialogs", "Biblioteket är skadat"))
        return False
    box, accept = restore_backup_box(parent, error)
    return run_box(box) is accept


def create_library_box(parent: QWidget | None, path: Path) -> tuple[QMessageBox, QAbstractButton]:
    return confirm_box(
        parent,
        QCoreApplication.translate("dialogs", "Skapa ett nytt bibliotek?"),
        QCoreApplication.translate("dialogs", "Det finns inget bibliotek i {path}.").format(
            path=path
        ),
        QCoreApplication.translate("dialogs", "Skapa biblioteket"),
        QCoreApplication.translate(
            "dialogs",
            "Vill du skapa ett nytt, tomt bibliotek där? Ville du öppna ett befintligt "
            "bibliotek, kontrollera sökvägen och välj Avbryt.",
        ),
    )


def ask_create_library(parent: QWidget | None, path: Path) -> bool:
    """Asks before a library that does not exist is created, naming the path."""
    box, accept = create_library_box(parent, path)
    return run_box(box) is accept


#: The answers of `ask_read_only_place`.
OPEN_READ_ONLY = "read-only"
COPY_ELSEWHERE = "copy"


def read_only_place_box(
    parent: QWidget | None, error: ReadOnlyPlaceError
) -> tuple[QMessageBox, QAbstractButton, QAbstractButton]:
    box = error_box(
        parent, error, QCoreApplication.translate("dialogs", "Biblioteket är skrivskyddat")
    )
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    read_only = box.addButton(
        QCoreApplication.translate("dialogs", "Öppna skrivskyddat"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    copy = box.addButton(
        QCoreApplication.translate("dialogs", "Kopiera till en annan mapp…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.setDefaultButton(read_only)  # type: ignore[arg-type]
    return box, read_only, copy


def ask_read_only_place(parent: QWidget | None, error: ReadOnlyPlaceError) -> str | None:
    """OPEN_READ_ONLY, COPY_ELSEWHERE, or None (Avbryt) for a library that cannot be written."""
    box, read_only, copy = read_only_place_box(parent, error)
    clicked = run_box(box)
    if clicked is read_only:
        return OPEN_READ_ONLY
    if clicked is copy:
        return COPY_ELSEWHERE
    return None


def read_only_box(
    parent: QWidget | None, error: LibraryLockedError
) -> tuple[QMessageBox, QAbstractButton]:
    return _choice_box(
        parent,
        error,
        QCoreApplication.translate("dialogs", "Biblioteket används redan"),
        QCoreApplication.translate("dialogs", "Öppna skrivskyddat"),
        QCoreApplication.translate("dialogs", "Vill du öppna biblioteket skrivskyddat?"),
    )


def ask_open_read_only(parent: QWidget | None, error: LibraryLockedError) -> bool:
    """Offers to open a library that another process holds, without writing to it."""
    box, accept = read_only_box(parent, error)
    return run_box(box) is accept


def criteria_errors_box(parent: QWidget | None, errors: Sequence[CriteriaFileError]) -> QMessageBox:
    """One dialog for every criteria file that could not be loaded at start."""
    box = QMessageBox(parent)
    box.setObjectName("criteriaErrorsBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Kriteriefiler kunde inte läsas"))
    box.setText(
        QCoreApplication.translate(
            "dialogs", "Kriteriefiler som inte kunde läsas och därför inte används: %1"
        ).replace("%1", str(len(errors)))
    )
    box.setInformativeText(
        "\n\n".join(str(error) for error in errors[:5]) + "\n\n" + advice(errors[0])
        if errors
        else ""
    )
    if len(errors) > 5:
        box.setDetailedText("\n\n".join(str(error) for error in errors))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(QCoreApplication.translate("dialogs", "Felmeddelande"))
    return box


def show_criteria_errors(parent: QWidget | None, errors: Sequence[CriteriaFileError]) -> None:
    if errors:
        run_box(criteria_errors_box(parent, errors))


def confirm_box(
    parent: QWidget | None, title: str, text: str, accept: str, informative: str = ""
) -> tuple[QMessageBox, QAbstractButton]:
    box = QMessageBox(parent)
    box.setObjectName("confirmBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(informative)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    accept_button = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # destructive: safe default
    box.setAccessibleName(title)
    return box, accept_button


def confirm(
    parent: QWidget | None, title: str, text: str, accept: str, informative: str = ""
) -> bool:
    """Asks before something the user might regret; Avbryt is the default button."""
    box, accept_button = confirm_box(parent, title, text, accept, informative)
    return run_box(box) is accept_button


def info_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    run_box(info_box(parent, title, text))
