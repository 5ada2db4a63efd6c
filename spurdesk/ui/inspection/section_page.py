"""The editor of one section A–H: who writes it, criteria statuses and notes, findings, grade and
revision.

The suggested grade is recomputed from the record on every refresh (pure `suggest_grade`), so it
follows each status change live. A grade differing from the suggestion needs a justification:
until one is typed the choice is held on the page and the message beside the field says why.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from spurdesk.library.text_keys import CriterionNoteKey, FindingsKey, JustificationKey
from spurdesk.model.criteria import Grade, Section
from spurdesk.model.grading import (
    GradeSuggestion,
    revision_blockers,
    revision_targets,
    suggest_grade,
)
from spurdesk.model.inspection import CriterionStatus, Inspection, SectionAssessment
from spurdesk.ui.inspection.criteria_model import (
    COLUMN_CRITERION,
    COLUMN_NOTE,
    COLUMN_STATUS,
    CriteriaModel,
)
from spurdesk.ui.inspection.delegates import ChoiceDelegate, StagingDelegate, WrappingDelegate
from spurdesk.ui.inspection.labels import CRITERION_STATUS_ORDER, criterion_status_label
from spurdesk.ui.inspection.page import InspectionPage, heading, page_layout, scrolling, wrapped
from spurdesk.ui.inspection.reasons import reason_label, revision_blocker_label
from spurdesk.ui.inspection.widgets import StagedLineEdit, StagedTextEdit
from spurdesk.ui.session import LibrarySession
from spurdesk.ui.undo import (
    assign_section_command,
    revise_grade_command,
    set_criterion_status_command,
    set_grade_command,
)

_STATUS_KEYS = {
    Qt.Key.Key_1: CriterionStatus.MET,
    Qt.Key.Key_2: CriterionStatus.PARTLY_MET,
    Qt.Key.Key_3: CriterionStatus.NOT_MET,
    Qt.Key.Key_4: CriterionStatus.NOT_ASSESSED,
    Qt.Key.Key_0: CriterionStatus.NOT_ASSESSED,
}
_NO_GRADE = -1


class CriteriaView(QTreeView):
    """The criteria tree; digits 1–4 set the current criterion's status without opening editors."""

    def __init__(self, page: SectionPage) -> None:
        super().__init__()
        self._page = page
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._relayout = QTimer(self, singleShot=True, interval=50)
        self._relayout.timeout.connect(self.doItemsLayout)
        self.header().sectionResized.connect(lambda *_: self._relayout.start())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = _STATUS_KEYS.get(Qt.Key(event.key()))
        editable = self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if status is not None and plain and editable:
            criterion = self.model().criterion_at(self.currentIndex())  # type: ignore[attr-defined]
            if criterion is not None:
                self._page.set_status(criterion.id, status)
                return
        super().keyPressEvent(event)


class GradeSelector(QWidget):
    """One radio button per grade of the section's scale, each with its scale text."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.group = QButtonGroup(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self.buttons: dict[int, QRadioButton] = {}
        self.texts: dict[int, QLabel] = {}
        for row, step in enumerate(section.scale):
            button = QRadioButton(step.grade.value)
            text = wrapped(step.text)
            text.setBuddy(button)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
            self.group.addButton(button, row)
            self.buttons[row] = button
            self.texts[row] = text
        none_button = QRadioButton()
        self.none_label = wrapped()
        grid.addWidget(none_button, len(section.scale), 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.none_label, len(section.scale), 1)
        self.group.addButton(none_button, _NO_GRADE)
        self.buttons[_NO_GRADE] = none_button

    def grade_of(self, button_id: int) -> Grade | None:
        return None if button_id == _NO_GRADE else self.section.scale[button_id].grade

    def show_grade(self, grade: Grade | None, suggested: Grade | None) -> None:
        button_id = _NO_GRADE if grade is None else self.section.grades.index(grade)
        self.buttons[button_id].setChecked(True)
        for row, step in enumerate(self.section.scale):
            name = self.tr("Gradering %1").replace("%1", step.grade.value)
            text = step.text
            if step.grade == suggested:
                name += self.tr(" (föreslagen)")
                text = f"{text} <i>— {self.tr('föreslagen')}</i>"
            self.texts[row].setText(text)
            self.buttons[row].setAccessibleName(name)
            self.buttons[row].setAccessibleDescription(step.text)

    def retranslate(self) -> None:
        self.buttons[_NO_GRADE].setText(self.tr("Ingen"))
        self.buttons[_NO_GRADE].setAccessibleName(self.tr("Ingen gradering"))
        self.none_label.setText(self.tr("Inte graderat ännu."))


class SectionPage(InspectionPage):
    def __init__(
        self,
        session: LibrarySession,
        inspection: Inspection,
        section_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, inspection, parent)
        self.section = inspection.criteria.section(section_id)
        self.suggestion: GradeSuggestion | None = None
        self.pending_grade: Grade | None = None  # chosen, waiting for its justification
        self._pending_active = False
        self._shown_revision: tuple[object, ...] | None = None
        self._shown_assignees: list[tuple[str, str]] | None = None  # (uid, name) in the list
        self._fitted = False
        self._build()
        self.retranslate()
        self.refresh(inspection)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self._fit_criteria)

    def _fit_criteria(self) -> None:
        """Give the criteria as much height as they need (at most 60 % of the page) and the rest
        to findings and grading, instead of a fixed split that leaves a short list half empty."""
        view = self.criteria_view
        model = self.criteria_model
        last_group = model.index(model.rowCount() - 1, 0)
        last = model.index(model.rowCount(last_group) - 1, 0, last_group)
        content = view.visualRect(last).bottom() + view.header().height() + 2 * view.frameWidth()
        top = self.splitter.widget(0)
        needed = top.sizeHint().height() - view.sizeHint().height() + content + 8
        total = sum(self.splitter.sizes())
        first = max(min(needed, int(total * 0.6)), int(total * 0.25))
        self.splitter.setSizes([first, total - first])

    @property
    def assessment(self) -> SectionAssessment:
        return self.inspection.section(self.section.id)

    # building ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter)
        self.splitter = splitter

        top = QWidget()
        top_layout = page_layout(top)
        self.title = heading(self.section.label)
        self.preamble = wrapped(self.section.preamble)
        self.preamble.setVisible(bool(self.section.preamble))
        font = self.preamble.font()
        font.setItalic(True)
        self.preamble.setFont(font)
        self.criteria_model = CriteriaModel(self.section, self)
        self.criteria_view = CriteriaView(self)
        self.criteria_view.setModel(self.criteria_model)
        self.criteria_view.expandAll()
        self.criteria_view.setItemDelegateForColumn(
            COLUMN_CRITERION, WrappingDelegate(self.criteria_view)
        )
        self.criteria_view.setItemDelegateForColumn(
            COLUMN_STATUS,
            ChoiceDelegate(self._status_choices, self._status_chosen, self.criteria_view),
        )
        self.criteria_view.setItemDelegateForColumn(
            COLUMN_NOTE, StagingDelegate(self._note_edited, self.session.flush, self.criteria_view)
        )
        header = self.criteria_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN_CRITERION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMN_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COLUMN_NOTE, 220)
        # "Skrivs av": the inspector who writes the section (either may still write anywhere).
        self.assignee_label = QLabel()
        self.assignee = QComboBox(objectName="assignee")
        self.assignee.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.assignee_label.setBuddy(self.assignee)
        self.assignee.activated.connect(self._assignee_chosen)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.assignee_label, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self.assignee, 0, Qt.AlignmentFlag.AlignVCenter)
        top_layout.addLayout(title_row)
        top_layout.addWidget(self.preamble)
        self.keys_hint = wrapped()
        self.keys_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top_layout.addWidget(self.keys_hint)
        top_layout.addWidget(self.criteria_view, 1)
        splitter.addWidget(top)

        form = QWidget()
        form_layout = page_layout(form)
        self.findings_label = heading(level=2)
        self.findings = StagedTextEdit()
        self.findings.setMinimumHeight(140)
        self.findings_label.setBuddy(self.findings)
        self.findings.textEdited.connect(self._findings_edited)
        form_layout.addWidget(self.findings_label)
        form_layout.addWidget(self.findings, 1)

        self.grade_box = QGroupBox()
        grade_layout = QVBoxLayout(self.grade_box)
        self.suggestion_label = wrapped()
        self.reasons_label = wrapped()
        self.unassessed_label = wrapped()
        self.grades = GradeSelector(self.section)
        self.grades.group.idClicked.connect(self._grade_clicked)
        self.justification_label = QLabel()
        self.justification = StagedTextEdit()
        self.justification.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.justification_label.setBuddy(self.justification)
        self.justification.textEdited.connect(self._justification_edited)
        self.validation = wrapped()
        self.validation.setForegroundRole(QPalette.ColorRole.BrightText)
        self.validation.setStyleSheet("color: #d1242f;")
        for widget in (
            self.suggestion_label,
            self.reasons_label,
            self.unassessed_label,
            self.grades,
            self.justification_label,
            self.justification,
            self.validation,
        ):
            grade_layout.addWidget(widget)
        form_layout.addWidget(self.grade_box)

        self.revision_box = QGroupBox()
        revision_form = QFormLayout(self.revision_box)
        self.revision_state = wrapped()
        self.revision_blocked = wrapped()
        self.revision_blocked.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.revised_grade = QComboBox()
        self.revised_on = QDateEdit()
        self.revised_on.setCalendarPopup(True)
        self.revised_on.setDisplayFormat("yyyy-MM-dd")
        self.revision_reason = StagedLineEdit()
        buttons = QHBoxLayout()
        self.revise_button = QPushButton()
        self.revise_button.clicked.connect(self._revise)
        self.clear_revision_button = QPushButton()
        self.clear_revision_button.clicked.connect(self._clear_revision)
        buttons.addWidget(self.revise_button)
        buttons.addWidget(self.clear_revision_button)
        buttons.addStretch(1)
        self.revised_grade_label = QLabel()
        self.revised_on_label = QLabel()
        self.revision_reason_label = QLabel()
        self.revised_grade_label.setBuddy(self.revised_grade)
        self.revised_on_label.setBuddy(self.revised_on)
        self.revision_reason_label.setBuddy(self.revision_reason)
        revision_form.addRow(self.revision_state)
        revision_form.addRow(self.revision_blocked)
        revision_form.addRow(self.revised_grade_label, self.revised_grade)
        revision_form.addRow(self.revised_on_label, self.revised_on)
        revision_form.addRow(self.revision_reason_label, self.revision_reason)
        revision_form.addRow(buttons)
        form_layout.addWidget(self.revision_box)
        splitter.addWidget(scrolling(form))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        QWidget.setTabOrder(self.assignee, self.criteria_view)
        QWidget.setTabOrder(self.criteria_view, self.findings)
        QWidget.setTabOrder(self.findings, self.grades.buttons[0])
        QWidget.setTabOrder(self.grades.buttons[0], self.justification)
        QWidget.setTabOrder(self.justification, self.revised_grade)
        QWidget.setTabOrder(self.revised_grade, self.revised_on)
        QWidget.setTabOrder(self.revised_on, self.revision_reason)
        QWidget.setTabOrder(self.revision_reason, self.revise_button)
        QWidget.setTabOrder(self.revise_button, self.clear_revision_button)

    def retranslate(self) -> None:
        self.keys_hint.setText(
            self.tr(
                "Status: 1 Uppfyllt · 2 Delvis uppfyllt · 3 Ej uppfyllt · 4 Ej bedömt. "
                "F2 ändrar cellen, Tab går vidare till iakttagelserna."
            )
        )
        self.criteria_view.setAccessibleName(
            self.tr("Kriterier för avsnitt %1").replace("%1", self.section.id)
        )
        self.criteria_model.retranslate()
        self.assignee_label.setText(self.tr("Skriv&s av"))
        self.assignee.setAccessibleName(
            self.tr("Inspektör som skriver avsnitt %1").replace("%1", self.section.id)
        )
        self._shown_assignees = None
        self._show_assignee()
        self.findings_label.setText(self.tr("&Iakttagelser och bedömning"))
        self.findings.setAccessibleName(self.tr("Iakttagelser och bedömning"))
        self.findings.setPlaceholderText(
            self.tr('Vad granskningen visade. Nytt stycke med Enter, punkter med "- " först.')
        )
        self.grade_box.setTitle(self.tr("Gradering"))
        self.grades.retranslate()
        self.justification_label.setText(self.tr("&Motivering"))
        self.justification.setAccessibleName(self.tr("Motivering till graderingen"))
        self.revision_box.setTitle(self.tr("Ändrad gradering efter handlingsplan"))
        self.revised_grade_label.setText(self.tr("Ny &gradering"))
        self.revised_grade.setAccessibleName(self.tr("Ny gradering"))
        self.revised_on_label.setText(self.tr("&Datum"))
        self.revised_on.setAccessibleName(self.tr("Datum för ändringen"))
        self.revision_reason_label.setText(self.tr("S&käl"))
        self.revision_reason.setAccessibleName(self.tr("Skäl till ändringen"))
        self.revision_reason.setPlaceholderText(
            self.tr("T.ex. Handlingsplanen åtgärdar bristerna.")
        )
        self.revise_button.setText(self.tr("Spara ändrad gradering"))
        self.clear_revision_button.setText(self.tr("Ta bort ändringen"))
        self._fill_revised_grades()
        if self.suggestion is not None:
            self._show_grading()
            self._show_revision(force=True)

    def _fill_revised_grades(self) -> None:
        """The grades the set's revision rule allows now (plus a stored one, shown as it is),
        and why none may be chosen while the rule blocks every revision."""
        current = self.revised_grade.currentData()
        targets = list(revision_targets(self.inspection, self.section.id))
        stored = self.assessment.revised_grade
        if stored is not None and stored not in targets:
            targets.append(stored)
        self.revised_grade.clear()
        self.revised_grade.addItem(self.tr("Ingen ändring"), None)
        for grade in sorted(targets, key=lambda g: g.rank):
            self.revised_grade.addItem(grade.value, grade)
        self.revised_grade.setCurrentIndex(max(self.revised_grade.findData(current), 0))
        blockers = revision_blockers(self.inspection, self.section.id)
        rule = self.inspection.criteria.revision
        self.revision_blocked.setText(
            "\n".join(revision_blocker_label(b, rule, self.assessment.grade) for b in blockers)
        )
        self.revision_blocked.setVisible(bool(blockers))
        self.revise_button.setEnabled(len(targets) > 0)

    # refresh -------------------------------------------------------------------------------

    def refresh(self, inspection: Inspection) -> None:
        previous_grade = self.assessment.grade
        super().refresh(inspection)
        assessment = self.assessment
        if assessment.grade != previous_grade:
            self.pending_grade = None
            self._pending_active = False
        statuses = {c.criterion_id: c.status for c in assessment.criteria}
        self.suggestion = suggest_grade(self.section, statuses)
        self.criteria_model.set_assessment(assessment)
        self._show_assignee()
        self.findings.show_text(assessment.findings)
        self._show_grading()
        self._fill_revised_grades()
        self._show_revision()

    def _show_grading(self) -> None:
        assert self.suggestion is not None
        suggestion = self.suggestion
        assessment = self.assessment
        if suggestion.grade is None:
            self.suggestion_label.setText(self.tr("Föreslagen gradering: ingen ännu"))
        else:
            text = self.tr("Föreslagen gradering: %1").replace("%1", suggestion.grade.value)
            if suggestion.provisional:
                text += self.tr(" (preliminär)")
            self.suggestion_label.setText(f"<b>{text}</b>")
        self.reasons_label.setText(
            "\n".join(f"• {reason_label(reason)}" for reason in suggestion.reasons)
        )
        if suggestion.unassessed:
            self.unassessed_label.setText(
                self.tr("Ej bedömda kriterier: %1").replace("%1", ", ".join(suggestion.unassessed))
            )
        self.unassessed_label.setVisible(bool(suggestion.unassessed))
        shown = self.pending_grade if self._pending_active else assessment.grade
        self.grades.show_grade(shown, suggestion.grade)
        if not self._pending_active:
            self.justification.show_text(assessment.justification)
        self._show_validation(shown)

    def _needs_justification(self, grade: Grade | None) -> bool:
        suggested = self.suggestion.grade if self.suggestion else None
        return grade is not None and suggested is not None and grade != suggested

    def _show_validation(self, grade: Grade | None) -> None:
        message = ""
        if self._needs_justification(grade) and not self.justification.toPlainText().strip():
            assert self.suggestion is not None and self.suggestion.grade is not None
            message = (
                self.tr("Motivering krävs: graderingen %1 avviker från den föreslagna %2.")
                .replace("%1", grade.value)  # type: ignore[union-attr]
                .replace("%2", self.suggestion.grade.value)
            )
            if self._pending_active:
                message += " " + self.tr("Graderingen sparas när motiveringen är skriven.")
        self.validation.setText(message)
        self.validation.setVisible(bool(message))
        self.justification.setAccessibleDescription(message)

    def _show_revision(self, force: bool = False) -> None:
        assessment = self.assessment
        state = (assessment.revised_grade, assessment.revised_on, assessment.revision_reason)
        if assessment.revised_grade is None:
            self.revision_state.setText(self.tr("Graderingen har inte ändrats efter granskningen."))
        else:
            self.revision_state.setText(
                self.tr("Ändrad till %1 den %2: %3")
                .replace("%1", assessment.revised_grade.value)
                .replace("%2", assessment.revised_on.isoformat() if assessment.revised_on else "–")
                .replace("%3", assessment.revision_reason)
            )
        self.clear_revision_button.setEnabled(assessment.revised_grade is not None)
        if state == self._shown_revision and not force:
            return  # keep what the user is filling in
        self._shown_revision = state
        self.revised_grade.setCurrentIndex(
            max(self.revised_grade.findData(assessment.revised_grade), 0)
        )
        on = assessment.revised_on or date.today()
        self.revised_on.setDate(QDate(on.year, on.month, on.day))
        self.revision_reason.show_text(assessment.revision_reason)

    def _show_assignee(self) -> None:
        """The inspectors to choose from (rebuilt only when they change) and the one chosen."""
        people = [(i.uid, i.name) for i in self.inspection.inspectors if i.uid]
        if people != self._shown_assignees:
            self._shown_assignees = people
            self.assignee.clear()
            self.assignee.addItem(self.tr("— ingen —"), None)
            for uid, name in people:
                self.assignee.addItem(name, uid)
        self.assignee.setCurrentIndex(max(self.assignee.findData(self.assessment.assignee_uid), 0))

    # editing -------------------------------------------------------------------------------

    def assign(self, inspector_uid: str | None) -> None:
        """Who writes this section, as one undoable step (None: no one)."""
        old = self.assessment.assignee_uid
        if inspector_uid != old:
            command = assign_section_command(
                self.session, self.inspection_id, self.section.id, old, inspector_uid
            )
            if not self.push(command):
                self._show_assignee()

    def _assignee_chosen(self, index: int) -> None:
        self.assign(self.assignee.itemData(index))

    def set_status(self, criterion_id: str, status: CriterionStatus) -> None:
        current = self.criteria_model.assessment(criterion_id)
        if current.status != status:
            self.push(
                set_criterion_status_command(
                    self.session, self.inspection_id, criterion_id, current.status, status
                )
            )

    def _status_choices(self, index: QModelIndex) -> list[tuple[str, object]]:
        return [(criterion_status_label(s), s) for s in CRITERION_STATUS_ORDER]

    def _status_chosen(self, index: QModelIndex, value: object) -> None:
        criterion = self.criteria_model.criterion_at(index)
        if criterion is not None:
            self.set_status(criterion.id, CriterionStatus(str(value)))

    def _note_edited(self, index: QModelIndex, text: str) -> None:
        criterion = self.criteria_model.criterion_at(index)
        if criterion is None:
            return
        key = CriterionNoteKey(self.inspection_id, criterion.id)
        old = self.criteria_model.assessment(criterion.id).note
        self.stage(key, old, text, self.tr("Anteckning till %1").replace("%1", criterion.id))

    def _findings_edited(self, text: str) -> None:
        key = FindingsKey(self.inspection_id, self.section.id)
        self.stage(
            key,
            self.assessment.findings,
            text,
            self.tr("Iakttagelser i avsnitt %1").replace("%1", self.section.id),
        )

    def _grade_clicked(self, button_id: int) -> None:
        grade = self.grades.grade_of(button_id)
        justification = self.justification.toPlainText()
        if self._needs_justification(grade) and not justification.strip():
            self.pending_grade = grade
            self._pending_active = True
            self._show_validation(grade)
            self.justification.setFocus()
            return
        self._commit_grade(grade, justification)

    def _commit_grade(self, grade: Grade | None, justification: str) -> None:
        """Save the grade with its justification. A held choice stays held — and the editor is
        left alone by refreshes — until the library has it, so the first keystroke of the
        justification is not overwritten by the refresh its own save triggers."""
        assessment = self.assessment
        if (grade, justification) != (assessment.grade, assessment.justification):
            command = set_grade_command(
                self.session,
                self.inspection_id,
                self.section.id,
                (assessment.grade, assessment.justification),
                (grade, justification),
            )
            if not self.push(command):
                self._show_grading()
                return
        self._pending_active = False
        self.pending_grade = None
        self._show_grading()

    def _justification_edited(self, text: str) -> None:
        if self._pending_active:
            if text.strip():
                self._commit_grade(self.pending_grade, text)
            else:
                self._show_validation(self.pending_grade)
            return
        key = JustificationKey(self.inspection_id, self.section.id)
        self.stage(
            key,
            self.assessment.justification,
            text,
            self.tr("Motivering i avsnitt %1").replace("%1", self.section.id),
        )
        self._show_validation(self.assessment.grade)

    def _revise(self) -> None:
        assessment = self.assessment
        picked = self.revised_on.date()
        new = (
            self.revised_grade.currentData(),
            date(picked.year(), picked.month(), picked.day()),
            self.revision_reason.text(),
        )
        if new[0] is None:
            new = (None, None, "")
        old = (assessment.revised_grade, assessment.revised_on, assessment.revision_reason)
        if new != old:
            self._shown_revision = None
            self.push(
                revise_grade_command(self.session, self.inspection_id, self.section.id, old, new)
            )

    def _clear_revision(self) -> None:
        assessment = self.assessment
        old = (assessment.revised_grade, assessment.revised_on, assessment.revision_reason)
        self._shown_revision = None
        self.push(
            revise_grade_command(
                self.session, self.inspection_id, self.section.id, old, (None, None, "")
            )
        )
