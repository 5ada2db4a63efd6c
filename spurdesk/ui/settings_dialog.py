"""The Inställningar dialog: the interface language (applied at once), the backup policy, the
time the unit gets to send its action plan, the interval between a unit's SPUR inspections, and
(its own tab) the office server's connection.

Apart from spurdesk.ui.settings, which the start needs, so that its widgets load only when the
dialog is first opened.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.ui.office_settings import OfficeServerPage
from spurdesk.ui.settings import SYSTEM_LANGUAGE, AppSettings, BackupPolicy


class SettingsDialog(QDialog):
    """Inställningar: the interface language (applied at once), the backup policy, the default
    time the unit gets to reply with its action plan, and the office server (Kontorsserver)."""

    languageChosen = Signal(str)  # "sv", "en" or "" (system)
    # "Öppna kontorets bibliotek": the settings are saved, then this gives the location.
    officeLibraryRequested = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("settingsDialog")

        self._language = QComboBox()
        self._language.setObjectName("languageCombo")
        self._interval = QSpinBox()
        self._interval.setObjectName("backupIntervalSpin")
        self._interval.setRange(1, 240)
        self._keep = QSpinBox()
        self._keep.setObjectName("backupKeepSpin")
        self._keep.setRange(1, 100)
        self._days = QSpinBox()
        self._days.setObjectName("backupDaysSpin")
        self._days.setRange(0, 60)
        self._weeks = QSpinBox()
        self._weeks.setObjectName("backupWeeksSpin")
        self._weeks.setRange(0, 52)
        self._backup_note = QLabel()
        self._backup_note.setWordWrap(True)
        self._reply_days = QSpinBox()
        self._reply_days.setObjectName("replyDaysSpin")
        self._reply_days.setRange(1, 365)
        self._reply_days_label = QLabel()
        self._reply_days_label.setBuddy(self._reply_days)
        self._plan_note = QLabel()
        self._plan_note.setWordWrap(True)
        self._spur_years = QSpinBox(objectName="spurIntervalSpin")
        self._spur_years.setRange(1, 10)
        self._spur_years_label = QLabel()
        self._spur_years_label.setBuddy(self._spur_years)
        self._spur_warn = QSpinBox(objectName="spurWarnSpin")
        self._spur_warn.setRange(0, 24)
        self._spur_warn_label = QLabel()
        self._spur_warn_label.setBuddy(self._spur_warn)

        self._language_label = QLabel()
        self._language_label.setBuddy(self._language)
        self._interval_label = QLabel()
        self._interval_label.setBuddy(self._interval)
        self._keep_label = QLabel()
        self._keep_label.setBuddy(self._keep)
        self._days_label = QLabel()
        self._days_label.setBuddy(self._days)
        self._weeks_label = QLabel()
        self._weeks_label.setBuddy(self._weeks)

        self._ui_group = QGroupBox()
        ui_form = QFormLayout(self._ui_group)
        ui_form.addRow(self._language_label, self._language)
        self._backup_group = QGroupBox()
        backup_form = QFormLayout(self._backup_group)
        backup_form.addRow(self._interval_label, self._interval)
        backup_form.addRow(self._keep_label, self._keep)
        backup_form.addRow(self._days_label, self._days)
        backup_form.addRow(self._weeks_label, self._weeks)
        backup_form.addRow(self._backup_note)
        self._plan_group = QGroupBox()
        plan_form = QFormLayout(self._plan_group)
        plan_form.addRow(self._reply_days_label, self._reply_days)
        plan_form.addRow(self._plan_note)
        self._units_group = QGroupBox()
        units_form = QFormLayout(self._units_group)
        units_form.addRow(self._spur_years_label, self._spur_years)
        units_form.addRow(self._spur_warn_label, self._spur_warn)

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(self._ui_group)
        general_layout.addWidget(self._backup_group)
        general_layout.addWidget(self._plan_group)
        general_layout.addWidget(self._units_group)
        general_layout.addStretch(1)
        self.office_page = OfficeServerPage(settings)
        self.office_page.openRequested.connect(self._open_office)
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.tabs.addTab(general, "")
        self.tabs.addTab(self.office_page, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self._buttons)

        policy = settings.backup_policy()
        self._interval.setValue(policy.interval_minutes)
        self._keep.setValue(policy.keep)
        self._days.setValue(policy.days)
        self._weeks.setValue(policy.weeks)
        self._reply_days.setValue(settings.reply_days())
        years, warn_months = settings.spur_interval()
        self._spur_years.setValue(years)
        self._spur_warn.setValue(warn_months)
        self.retranslate()
        self._select_language(settings.language())

    def _select_language(self, language: str) -> None:
        index = self._language.findData(language)
        self._language.setCurrentIndex(max(index, 0))

    def selected_language(self) -> str:
        return str(self._language.currentData() or "")

    def selected_backup_policy(self) -> BackupPolicy:
        return BackupPolicy(
            self._interval.value(), self._keep.value(), self._days.value(), self._weeks.value()
        )

    def accept(self) -> None:
        """Stores the choices; a changed language is announced so the app re-translates now.
        A password the keyring refuses keeps the dialog open, saying so."""
        try:
            self.office_page.save()
        except SpurdeskError as error:
            self.tabs.setCurrentWidget(self.office_page)
            self.office_page.result.setText(str(error))
            return
        old_language = self._settings.language()
        self._settings.set_language(self.selected_language())
        self._settings.set_backup_policy(self.selected_backup_policy())
        self._settings.set_reply_days(self._reply_days.value())
        self._settings.set_spur_interval(self._spur_years.value(), self._spur_warn.value())
        self._settings.sync()
        super().accept()
        if self.selected_language() != old_language:
            self.languageChosen.emit(self.selected_language())

    def _open_office(self, location: str) -> None:
        self.accept()
        if self.result() == QDialog.DialogCode.Accepted:
            self.officeLibraryRequested.emit(location)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Inställningar"))
        self.tabs.setTabText(0, self.tr("Allmänt"))
        self.tabs.setTabText(1, self.tr("Kontorsserver"))
        self.office_page.retranslate()
        self._ui_group.setTitle(self.tr("Gränssnitt"))
        self._backup_group.setTitle(self.tr("Säkerhetskopior"))
        self._language_label.setText(self.tr("&Språk:"))
        self._interval_label.setText(self.tr("Säkerhetskopiera &var:"))
        self._keep_label.setText(self.tr("&Behåll:"))
        self._days_label.setText(self.tr("En per &dag i:"))
        self._weeks_label.setText(self.tr("En per v&ecka i:"))
        self._interval.setSuffix(self.tr(" min"))
        self._keep.setSuffix(self.tr(" kopior"))
        self._days.setSuffix(self.tr(" dagar"))
        self._weeks.setSuffix(self.tr(" veckor"))
        self._backup_note.setText(
            self.tr(
                "Biblioteket säkerhetskopieras när det öppnas och med detta intervall medan "
                "du arbetar. Utöver de senaste kopiorna sparas dagens och veckans första, så "
                "att det finns en hel kopia från tiden före en skada som upptäcks sent; den "
                "senaste kopian som klarat den fullständiga kontrollen tas aldrig bort. "
                "Ändringen gäller nästa gång ett bibliotek öppnas. Kontorets bibliotek på "
                "servern säkerhetskopieras på servern (pg_dump), inte av spurdesk."
            )
        )
        current = self._language.currentData()
        self._language.blockSignals(True)
        self._language.clear()
        self._language.addItem(self.tr("Systemets språk"), SYSTEM_LANGUAGE)
        self._language.addItem("Svenska", "sv")  # language names stay in their own language
        self._language.addItem("English", "en")
        self._select_language(str(current) if current is not None else SYSTEM_LANGUAGE)
        self._language.blockSignals(False)
        self._language.setAccessibleName(self.tr("Språk"))
        self._interval.setAccessibleName(self.tr("Intervall för säkerhetskopior i minuter"))
        self._keep.setAccessibleName(self.tr("Antal säkerhetskopior att behålla"))
        self._days.setAccessibleName(self.tr("Antal dagar med en säkerhetskopia per dag"))
        self._weeks.setAccessibleName(self.tr("Antal veckor med en säkerhetskopia per vecka"))
        self._plan_group.setTitle(self.tr("Handlingsplan"))
        self._reply_days_label.setText(self.tr("&Svarstid:"))
        self._reply_days.setSuffix(self.tr(" dagar"))
        self._reply_days.setAccessibleName(
            self.tr("Antal dagar verksamheten får på sig att skicka handlingsplanen")
        )
        self._units_group.setTitle(self.tr("Enheter"))
        self._spur_years_label.setText(self.tr("SPUR-&intervall:"))
        self._spur_years.setSuffix(self.tr(" år"))
        self._spur_years.setAccessibleName(self.tr("Antal år mellan en enhets SPUR-inspektioner"))
        self._spur_warn_label.setText(self.tr("Varna &före:"))
        self._spur_warn.setSuffix(self.tr(" månader"))
        self._spur_warn.setAccessibleName(
            self.tr("Antal månader före nästa SPUR som enheten markeras som snart aktuell")
        )
        self._plan_note.setText(
            self.tr(
                "När handlingsplanen begärs föreslås svarsdatumet så många dagar fram; det går "
                "att ändra på översiktssidan. Uppföljningsdatum som verksamheten lämnar tomma "
                "blir sex månader efter att planen har kommit in."
            )
        )
