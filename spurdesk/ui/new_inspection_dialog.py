"""Ny inspektion: the few facts an inspection starts from, checked before anything is stored.

The unit is picked from the register (which fills in unit, site, care provider and specialty,
still editable: they are the inspection's own texts, printed by its report) or, with "Ny enhet",
typed; the library then links the inspection to the unit with the same texts or founds one.

Validation messages stand beside the fields they concern and update as the user corrects them.
The dialog does not store anything itself: `submit` (the start view's call into the session)
creates the inspection; if the core refuses, the message is shown and the dialog stays open with
everything the user typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from spurdesk.errors import SpurdeskError
from spurdesk.model.criteria import CriteriaSet
from spurdesk.model.criteria_loader import CriteriaLibrary
from spurdesk.model.inspection import Inspector
from spurdesk.model.units import UnitOverview
from spurdesk.ui import dialogs


@dataclass(frozen=True)
class NewInspection:
    """The dialog's result, shaped as `Library.create_inspection`'s keyword arguments."""

    unit: str
    site: str
    care_provider: str
    specialty: str
    criteria: CriteriaSet
    visit_start: date | None = None
    visit_end: date | None = None
    inspectors: tuple[Inspector, ...] = field(default_factory=tuple)
    unit_id: int | None = None  # the register's unit picked; None: matched or founded by texts

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "unit_id": self.unit_id,
            "unit": self.unit,
            "site": self.site,
            "care_provider": self.care_provider,
            "specialty": self.specialty,
            "criteria": self.criteria,
            "visit_start": self.visit_start,
            "visit_end": self.visit_end,
            "inspectors": self.inspectors,
        }


class _FieldMessage(QLabel):
    """The validation message beside one field: empty and hidden while the field is fine."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        font = self.font()
        font.setItalic(True)
        self.setFont(font)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(f"⚠ {message}" if message else "")
        self.setVisible(bool(message))


class NewInspectionDialog(QDialog):
    def __init__(
        self,
        criteria: CriteriaLibrary,
        submit: Callable[[NewInspection], int],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        units: Sequence[UnitOverview] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newInspectionDialog")
        self._units = {unit.id: unit for unit in units}
        self._submit = submit
        self._criteria_library = criteria
        self._tried = False  # messages appear after the first OK, then follow every edit
        self.created_id: int | None = None

        self.unit_picker = QComboBox(objectName="unitPicker")
        self.unit_picker.addItem("", None)  # "Ny enhet", named in retranslate
        for unit in sorted(units, key=lambda u: (u.name.casefold(), u.site.casefold())):
            texts = (unit.title, unit.specialty)
            self.unit_picker.addItem(" · ".join(t for t in texts if t), unit.id)
        self.unit_picker.currentIndexChanged.connect(self._pick_unit)
        self.unit = QLineEdit(objectName="unitEdit")
        self.site = QLineEdit(objectName="siteEdit")
        self.care_provider = QLineEdit(objectName="careProviderEdit")
        self.specialty = QLineEdit(objectName="specialtyEdit")
        self.lead_inspector = QLineEdit(objectName="leadInspectorEdit")
        self.inspector = QLineEdit(objectName="inspectorEdit")
        self.criteria_set = QComboBox(objectName="criteriaCombo")
        start = QDate(today) if today is not None else QDate.currentDate()
        self.visit_start = QDateEdit(start, objectName="visitStartEdit")
        self.visit_end = QDateEdit(start, objectName="visitEndEdit")
        for edit in (self.visit_start, self.visit_end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.visit_start.dateChanged.connect(self._follow_start)

        self.unit_message = _FieldMessage("unitMessage")
        self.specialty_message = _FieldMessage("specialtyMessage")
        self.visit_message = _FieldMessage("visitMessage")
        self.criteria_message = _FieldMessage("criteriaMessage")

        self._labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._add_row(form, "unit_picker", self.unit_picker)
        self._add_row(form, "unit", self.unit, self.unit_message)
        self._add_row(form, "site", self.site)
        self._add_row(form, "care_provider", self.care_provider)
        self._add_row(form, "specialty", self.specialty, self.specialty_message)

        self.visit_group = QGroupBox(objectName="visitGroup")
        self.visit_group.setCheckable(True)
        self.visit_group.setChecked(True)
        visit_form = QFormLayout(self.visit_group)
        self._add_row(visit_form, "visit_start", self.visit_start)
        self._add_row(visit_form, "visit_end", self.visit_end, self.visit_message)

        self.inspector_group = QGroupBox(objectName="inspectorGroup")
        inspector_form = QFormLayout(self.inspector_group)
        self._add_row(inspector_form, "lead_inspector", self.lead_inspector)
        self._add_row(inspector_form, "inspector", self.inspector)

        criteria_form = QFormLayout()
        self._add_row(criteria_form, "criteria", self.criteria_set, self.criteria_message)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.visit_group)
        layout.addWidget(self.inspector_group)
        layout.addLayout(criteria_form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        for edit in (self.unit, self.specialty):
            edit.textChanged.connect(self._revalidate)
        self.visit_end.dateChanged.connect(self._revalidate)
        self.visit_group.toggled.connect(self._revalidate)

        self._fill_criteria_sets()
        self._set_tab_order()
        self.retranslate()
        self.unit.setFocus()

    def _add_row(
        self, form: QFormLayout, key: str, editor: QWidget, message: QLabel | None = None
    ) -> None:
        label = QLabel()
        label.setBuddy(editor)
        self._labels[key] = label
        if message is None:
            form.addRow(label, editor)
            return
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(message)
        form.addRow(label, cell)

    def _set_tab_order(self) -> None:
        """Tab follows the form top to bottom, whatever order the widgets were made in."""
        chain: list[QWidget] = [
            self.unit_picker,
            self.unit,
            self.site,
            self.care_provider,
            self.specialty,
            self.visit_group,
            self.visit_start,
            self.visit_end,
            self.lead_inspector,
            self.inspector,
            self.criteria_set,
            self.buttons,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _fill_criteria_sets(self) -> None:
        sets = self._criteria_library.newest_sets()
        try:
            default = self._criteria_library.default()
        except SpurdeskError:
            default = sets[0] if sets else None
        for criteria_set in sets:
            self.criteria_set.addItem(criteria_set.label, criteria_set.id)
        if default is not None:
            self.criteria_set.setCurrentIndex(max(self.criteria_set.findData(default.id), 0))

    def _pick_unit(self) -> None:
        """A unit picked from the register fills in its four texts."""
        unit = self._units.get(self.unit_picker.currentData())
        if unit is None:
            return
        self.unit.setText(unit.name)
        self.site.setText(unit.site)
        self.care_provider.setText(unit.care_provider)
        self.specialty.setText(unit.specialty)

    def _follow_start(self, start: QDate) -> None:
        """Keeps the last visit day from falling before the first when the first moves on."""
        if self.visit_end.date() < start:
            self.visit_end.setDate(start)

    # validation -------------------------------------------------------------------------------
    def validation_messages(self) -> dict[str, str]:
        """Field key → message, for each field that stops the inspection from being created."""
        messages: dict[str, str] = {}
        if not self.unit.text().strip():
            messages["unit"] = self.tr("Ange verksamhetens namn, t.ex. Röntgenkliniken.")
        if not self.specialty.text().strip():
            messages["specialty"] = self.tr("Ange specialiteten, t.ex. Radiologi.")
        if self.visit_group.isChecked() and self.visit_end.date() < self.visit_start.date():
            messages["visit_end"] = self.tr("Sista besöksdagen ligger före den första.")
        if self.criteria_set.count() == 0:
            messages["criteria"] = self.tr(
                "Ingen kriterieuppsättning kunde läsas; se Hjälp → Om spurdesk."
            )
        return messages

    def _show_messages(self, messages: dict[str, str]) -> None:
        self.unit_message.show_message(messages.get("unit", ""))
        self.specialty_message.show_message(messages.get("specialty", ""))
        self.visit_message.show_message(messages.get("visit_end", ""))
        self.criteria_message.show_message(messages.get("criteria", ""))
        self.unit.setAccessibleDescription(messages.get("unit", ""))
        self.specialty.setAccessibleDescription(messages.get("specialty", ""))

    def _revalidate(self) -> None:
        if self._tried:
            self._show_messages(self.validation_messages())

    def values(self) -> NewInspection:
        criteria_id = self.criteria_set.currentData()
        inspectors = tuple(
            Inspector(name=edit.text().strip(), role=role)
            for edit, role in (
                (self.lead_inspector, "huvudinspektör"),
                (self.inspector, "inspektör"),
            )
            if edit.text().strip()
        )
        dated = self.visit_group.isChecked()
        return NewInspection(
            unit=self.unit.text().strip(),
            site=self.site.text().strip(),
            care_provider=self.care_provider.text().strip(),
            specialty=self.specialty.text().strip(),
            criteria=self._criteria_library.newest(str(criteria_id)),
            visit_start=self.visit_start.date().toPython() if dated else None,
            visit_end=self.visit_end.date().toPython() if dated else None,
            inspectors=inspectors,
            unit_id=self.unit_picker.currentData(),
        )

    def accept(self) -> None:
        """Validates, then creates through `submit`; on any problem the dialog stays open."""
        self._tried = True
        messages = self.validation_messages()
        self._show_messages(messages)
        if messages:
            first = {"unit": self.unit, "specialty": self.specialty, "visit_end": self.visit_end}
            for key, widget in first.items():
                if key in messages:
                    widget.setFocus()
                    break
            return
        try:
            self.created_id = self._submit(self.values())
        except SpurdeskError as error:
            dialogs.show_error(self, error)
            return
        super().accept()

    # translation ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ny inspektion"))
        self.unit_picker.setItemText(0, self.tr("Ny enhet (skriv uppgifterna nedan)"))
        texts = {
            "unit_picker": (self.tr("&Enhet i registret:"), self.tr("Enhet i registret")),
            "unit": (self.tr("&Verksamhet:"), self.tr("Verksamhet")),
            "site": (self.tr("Sjukh&us / vårdcentral:"), self.tr("Sjukhus eller vårdcentral")),
            "care_provider": (self.tr("Vård&givare / region:"), self.tr("Vårdgivare eller region")),
            "specialty": (self.tr("S&pecialitet:"), self.tr("Specialitet")),
            "visit_start": (self.tr("&Första dagen:"), self.tr("Besökets första dag")),
            "visit_end": (self.tr("Sista &dagen:"), self.tr("Besökets sista dag")),
            "lead_inspector": (self.tr("&Huvudinspektör:"), self.tr("Huvudinspektör")),
            "inspector": (self.tr("&Inspektör:"), self.tr("Inspektör")),
            "criteria": (self.tr("&Kriterier:"), self.tr("Kriterieuppsättning")),
        }
        editors = {
            "unit_picker": self.unit_picker,
            "unit": self.unit,
            "site": self.site,
            "care_provider": self.care_provider,
            "specialty": self.specialty,
            "visit_start": self.visit_start,
            "visit_end": self.visit_end,
            "lead_inspector": self.lead_inspector,
            "inspector": self.inspector,
            "criteria": self.criteria_set,
        }
        for key, (label, accessible) in texts.items():
            self._labels[key].setText(label)
            editors[key].setAccessibleName(accessible)
        self.unit.setPlaceholderText(self.tr("t.ex. Röntgenkliniken"))
        self.site.setPlaceholderText(self.tr("t.ex. Universitetssjukhuset"))
        self.care_provider.setPlaceholderText(self.tr("t.ex. Region Exempel"))
        self.specialty.setPlaceholderText(self.tr("t.ex. Radiologi"))
        self.visit_group.setTitle(self.tr("&Besöksdatum bestämt"))
        self.visit_group.setAccessibleName(self.tr("Besöksdatum bestämt"))
        self.inspector_group.setTitle(self.tr("Inspektörer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Skapa"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(
            self.tr("Skapa inspektionen")
        )
        self._revalidate()
