"""Inställningar → Kontorsserver: the saved connection to the office's PostgreSQL server.

The fields are what `OfficeConnection` holds; the password typed here goes to the operating
system's keyring when the dialog is accepted, never to the settings file. "Testa anslutning"
connects in the background (libpq's connect_timeout bounds it) and says what it found;
"Öppna kontorets bibliotek" saves and asks the main window to open the server's library.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.library import OfficeConnection, ServerSchema, store_password, stored_password
from spurdesk.library.storage.connection import SSL_MODES
from spurdesk.library.storage.migrate import SchemaState
from spurdesk.ui.settings import AppSettings

log = logging.getLogger(__name__)

# Connection tests still running: kept here, not by the page, so a page closed meanwhile does not
# delete a task whose thread will still report back.
_RUNNING_TESTS: set[object] = set()


class OfficeServerPage(QWidget):
    """The Kontorsserver page of Inställningar."""

    openRequested = Signal(str)  # the office library's location (no password in it)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeServerPage")
        self._settings = settings

        def line(name: str) -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setClearButtonEnabled(True)
            return edit

        self.host = line("officeHostEdit")
        self.port = QSpinBox(objectName="officePortSpin")
        self.port.setRange(1, 65535)
        self.database = line("officeDatabaseEdit")
        self.user = line("officeUserEdit")
        self.password = line("officePasswordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode = QComboBox(objectName="officeSslModeCombo")
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        self.sslrootcert = line("officeSslRootCertEdit")
        self.service = line("officeServiceEdit")
        self.inspector = line("officeInspectorNameEdit")
        self.forget_button = QPushButton(objectName="officeForgetPasswordButton")
        self.forget_button.clicked.connect(self.forget_password)
        self.test_button = QPushButton(objectName="officeTestButton")
        self.test_button.clicked.connect(self.test_connection)
        self.open_button = QPushButton(objectName="officeOpenButton")
        self.open_button.clicked.connect(self._request_open)
        self.result = QLabel(objectName="officeTestResult")
        self.result.setWordWrap(True)
        self._note = QLabel(objectName="officePasswordNote")
        self._note.setWordWrap(True)

        self._labels: dict[str, QLabel] = {}
        form = QFormLayout()
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.forget_button)
        for key, field in (
            ("host", self.host),
            ("port", self.port),
            ("database", self.database),
            ("user", self.user),
            ("password", password_row),
            ("sslmode", self.sslmode),
            ("sslrootcert", self.sslrootcert),
            ("service", self.service),
            ("inspector", self.inspector),
        ):
            label = QLabel()
            self._labels[key] = label
            if isinstance(field, QWidget):
                label.setBuddy(field)
            else:
                label.setBuddy(self.password)
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._note)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)

        self._show(settings.office_connection())
        self.inspector.setText(settings.inspector_name())
        self.retranslate()

    # the fields -------------------------------------------------------------------------------
    def _show(self, connection: OfficeConnection) -> None:
        self.host.setText(connection.host)
        self.port.setValue(connection.port)
        self.database.setText(connection.database)
        self.user.setText(connection.user)
        self.sslmode.setCurrentIndex(max(self.sslmode.findData(connection.sslmode), 0))
        self.sslrootcert.setText(connection.sslrootcert)
        self.service.setText(connection.service)

    def connection(self) -> OfficeConnection:
        """The connection as the fields now describe it."""
        return OfficeConnection(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            sslmode=str(self.sslmode.currentData()),
            sslrootcert=self.sslrootcert.text().strip(),
            service=self.service.text().strip(),
        )

    def save(self) -> None:
        """Stores the connection in the settings and a typed password in the keyring (raises
        SpurdeskError, nothing of the password written, when the keyring refuses it)."""
        connection = self.connection()
        if self.password.text():
            store_password(connection.url(), self.password.text())
            self.password.clear()
        self._settings.set_office_connection(connection)
        self._settings.set_inspector_name(self.inspector.text())

    def forget_password(self) -> None:
        try:
            store_password(self.connection().url(), "")
        except SpurdeskError as error:
            self.result.setText(str(error))
            return
        self.password.clear()
        self.result.setText(self.tr("Det sparade lösenordet är borttaget ur nyckelringen."))
        self._update_placeholder()

    def _update_placeholder(self) -> None:
        connection = self.connection()
        saved = connection.configured and stored_password(connection.url()) is not None
        self.password.setPlaceholderText(
            self.tr("sparat i nyckelringen") if saved else self.tr("inget sparat")
        )

    # testing and opening ----------------------------------------------------------------------
    def test_connection(self) -> object:
        """Connects in the background and shows what was found; returns the task (tests wait
        for it), or None when the fields name no server."""
        from spurdesk.library import server_schema
        from spurdesk.ui.tasks import BackgroundTask

        connection = self.connection()
        if not connection.configured:
            self.result.setText(self._missing_text())
            return None
        location, password = connection.location(), self.password.text() or None
        task = BackgroundTask(lambda _progress: server_schema(location, password=password))
        _RUNNING_TESTS.add(task)
        task.signals.succeeded.connect(self._tested)
        task.signals.failed.connect(self._test_failed)
        task.signals.finished.connect(lambda: _RUNNING_TESTS.discard(task))
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Ansluter till servern …"))
        return task.start()

    def _tested(self, schema: ServerSchema) -> None:
        if shiboken6.isValid(self):
            self.test_button.setEnabled(True)
            self.result.setText(self.schema_text(schema))

    def _test_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.test_button.setEnabled(True)
        if isinstance(error, SpurdeskError):
            self.result.setText(str(error))
        else:  # not expected: logged for support, the words say what is known
            log.warning("office connection test failed: %s", type(error).__name__)
            self.result.setText(self.tr("Anslutningen misslyckades: {error}").format(error=error))

    def schema_text(self, schema: ServerSchema) -> str:
        if schema.foreign:
            return self.tr(
                "Servern svarar, men databasen innehåller ett annat programs tabeller. Välj "
                "spurdesks egen databas."
            )
        return {
            SchemaState.CURRENT: self.tr(
                "Anslutningen fungerar. Kontorets bibliotek kan öppnas och synkroniseras."
            ),
            SchemaState.OLDER: self.tr(
                "Anslutningen fungerar, men databasen har en äldre struktur än den här versionen "
                "av spurdesk. Kontorets administratör behöver köra spurdesk db upgrade."
            ),
            SchemaState.NEWER: self.tr(
                "Anslutningen fungerar, men databasen är skapad av en nyare version av "
                "spurdesk. Installera den senaste versionen."
            ),
            SchemaState.EMPTY: self.tr(
                "Anslutningen fungerar, men databasen är tom. Kontorets administratör skapar "
                "biblioteket med spurdesk db upgrade."
            ),
        }[schema.state]

    def _missing_text(self) -> str:
        return self.tr("Ange servernamn och databas, eller ett tjänstenamn.")

    def _request_open(self) -> None:
        connection = self.connection()
        if not connection.configured:
            self.result.setText(self._missing_text())
            return
        self.openRequested.emit(connection.location())

    def retranslate(self) -> None:
        for key, text in (
            ("host", self.tr("&Server:")),
            ("port", self.tr("&Port:")),
            ("database", self.tr("&Databas:")),
            ("user", self.tr("&Användare:")),
            ("password", self.tr("&Lösenord:")),
            ("sslmode", self.tr("&TLS (sslmode):")),
            ("sslrootcert", self.tr("&Rotcertifikat:")),
            ("service", self.tr("T&jänstenamn:")),
            ("inspector", self.tr("Mitt namn som &inspektör:")),
        ):
            self._labels[key].setText(text)
        self.host.setPlaceholderText(self.tr("till exempel spur-db.lipus.se"))
        self.sslrootcert.setPlaceholderText(self.tr("sökväg till CA-certifikatet (valfritt)"))
        self.service.setPlaceholderText(self.tr("namn i pg_service.conf (valfritt)"))
        self.inspector.setPlaceholderText(
            self.tr("som i inspektionernas inspektörslista; hämtas vid synkronisering")
        )
        self.inspector.setAccessibleName(self.tr("Mitt namn som inspektör"))
        self.host.setAccessibleName(self.tr("Kontorsserverns namn"))
        self.port.setAccessibleName(self.tr("Port"))
        self.database.setAccessibleName(self.tr("Databasens namn"))
        self.user.setAccessibleName(self.tr("Användarnamn på servern"))
        self.password.setAccessibleName(self.tr("Lösenord"))
        self.sslmode.setAccessibleName(self.tr("TLS-läge"))
        self.sslrootcert.setAccessibleName(self.tr("Rotcertifikat för TLS"))
        self.service.setAccessibleName(self.tr("Tjänstenamn i pg_service.conf"))
        self.forget_button.setText(self.tr("&Glöm lösenordet"))
        self.test_button.setText(self.tr("Testa a&nslutning"))
        self.open_button.setText(self.tr("Öppna &kontorets bibliotek"))
        self._note.setText(
            self.tr(
                "Lösenordet sparas i datorns nyckelring (till exempel macOS Nyckelhanterare "
                "eller Windows Autentiseringshanteraren), aldrig i inställningsfilen. Lämna "
                "fältet tomt för att behålla det sparade lösenordet, eller för att låta "
                "PostgreSQL läsa det ur .pgpass eller tjänstefilen."
            )
        )
        self._update_placeholder()
