"""The dialog that opens a new case of any of the three kinds.

What the user typed is checked by the domain (`new_bankruptcy`, `new_estate`,
`new_guardianship`). A broken rule is shown, translated, under the field it names, and the
dialog stays open with everything as typed; the line is checked again as that field changes
and goes once the rule holds. The dialog stores nothing itself: the caller passes the function
that stores the `CaseFacts`, and a refusal of the store (another case has the reference, or an
open case of the kind is already about the subject) is shown the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import (
    FIELD_CUTOFF_DATE,
    FIELD_DEATH_DATE,
    FIELD_GUARDIAN,
    FIELD_REFERENCE,
    FIELD_RULING_DATE,
    FIELD_SUBJECT,
    FIELD_YEAR,
    CaseFacts,
    new_bankruptcy,
    new_estate,
    new_guardianship,
)
from app.domain.clock import Clock, SystemClock
from app.domain.errors import InvalidInput
from app.domain.services import Service
from app.ui.formatting import DATE_FORMAT
from app.ui.labels import ENVIRONMENT, input_error, service_label

ERROR_STYLE = "color: #b00020;"
MNEMONIC_FIELDS = {FIELD_REFERENCE}
"""Domain labels that get Alt+first letter; the other mnemonics are in the UI texts."""


def _date_edit(parent: QWidget, today: date) -> QDateEdit:
    field = QDateEdit(parent)
    field.setDisplayFormat(DATE_FORMAT)
    field.setCalendarPopup(True)
    field.setMaximumDate(QDate(today.year + 1, 12, 31))
    field.setDate(QDate(today.year, today.month, today.day))
    return field


def _day(field: QDateEdit) -> date:
    value = field.date()
    return date(value.year(), value.month(), value.day())


def _change_signals(widget: QWidget) -> list[SignalInstance]:
    """The signals that say the value of an input (or of the inputs in a row) changed."""
    if isinstance(widget, QLineEdit):
        return [widget.textChanged]
    if isinstance(widget, QDateEdit):
        return [widget.dateChanged]
    if isinstance(widget, QSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QCheckBox):
        return [widget.toggled]
    children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [signal for child in children for signal in _change_signals(child)]


class _Field:
    """One input with its label and the error line under it."""

    def __init__(self, widget: QWidget, english_label: str, parent: QWidget) -> None:
        self.widget = widget
        self.english_label = english_label
        self.label = QLabel(parent)
        self.label.setBuddy(widget)
        self.error = QLabel(parent)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.container = QWidget(parent)
        column = QVBoxLayout(self.container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.error)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def hide_error(self) -> None:
        self.error.clear()
        self.error.hide()


class NewCaseDialog(QDialog):
    """Asks for the facts of a bankruptcy, an estate or a guardianship control."""

    def __init__(
        self,
        environment: str,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        store: Callable[[CaseFacts], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._clock = clock or SystemClock()
        self._environment = environment
        self._store = store
        self._facts: CaseFacts | None = None
        self._case_id: int | None = None
        today = self._clock.today()

        self.kind_label = QLabel(self)
        self.kind = QComboBox(self)
        self.kind_label.setBuddy(self.kind)
        for service in Service:
            self.kind.addItem("", service)
        self.reference = QLineEdit(self)
        self.environment = QLabel(self)
        self.environment_label = QLabel(self)

        # Bankruptcy
        self.bankruptcy_page = QWidget(self)
        self.debtor_id = QLineEdit(self.bankruptcy_page)
        self.debtor_name = QLineEdit(self.bankruptcy_page)
        self.ruling_date = _date_edit(self.bankruptcy_page, today)
        self.cutoff_known = QCheckBox(self.bankruptcy_page)
        self.cutoff_date = _date_edit(self.bankruptcy_page, today)
        self.cutoff_date.setEnabled(False)
        self.cutoff_known.toggled.connect(self.cutoff_date.setEnabled)
        # until the cut-off date is known, it shows the ruling date, where it is never after
        self.ruling_date.dateChanged.connect(self._cutoff_follows_ruling)
        cutoff_row = QWidget(self.bankruptcy_page)
        row = QHBoxLayout(cutoff_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.cutoff_known)
        row.addWidget(self.cutoff_date, 1)

        # Estate
        self.estate_page = QWidget(self)
        self.deceased_id = QLineEdit(self.estate_page)
        self.deceased_name = QLineEdit(self.estate_page)
        self.death_date = _date_edit(self.estate_page, today)

        # Guardianship
        self.guardianship_page = QWidget(self)
        self.ward_id = QLineEdit(self.guardianship_page)
        self.ward_name = QLineEdit(self.guardianship_page)
        self.guardian_id = QLineEdit(self.guardianship_page)
        self.year = QSpinBox(self.guardianship_page)
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(today.year - 1)

        self.fields: dict[Service, dict[str, _Field]] = {
            Service.BANKRUPTCY: {
                FIELD_SUBJECT[Service.BANKRUPTCY]: _Field(
                    self.debtor_id, FIELD_SUBJECT[Service.BANKRUPTCY], self.bankruptcy_page
                ),
                "debtor_name": _Field(self.debtor_name, "", self.bankruptcy_page),
                FIELD_RULING_DATE: _Field(
                    self.ruling_date, FIELD_RULING_DATE, self.bankruptcy_page
                ),
                FIELD_CUTOFF_DATE: _Field(cutoff_row, FIELD_CUTOFF_DATE, self.bankruptcy_page),
            },
            Service.ESTATE: {
                FIELD_SUBJECT[Service.ESTATE]: _Field(
                    self.deceased_id, FIELD_SUBJECT[Service.ESTATE], self.estate_page
                ),
                "deceased_name": _Field(self.deceased_name, "", self.estate_page),
                FIELD_DEATH_DATE: _Field(self.death_date, FIELD_DEATH_DATE, self.estate_page),
            },
            Service.GUARDIANSHIP: {
                FIELD_SUBJECT[Service.GUARDIANSHIP]: _Field(
                    self.ward_id, FIELD_SUBJECT[Service.GUARDIANSHIP], self.guardianship_page
                ),
                "ward_name": _Field(self.ward_name, "", self.guardianship_page),
                FIELD_GUARDIAN: _Field(self.guardian_id, FIELD_GUARDIAN, self.guardianship_page),
                FIELD_YEAR: _Field(self.year, FIELD_YEAR, self.guardianship_page),
            },
        }
        self.reference_field = _Field(self.reference, FIELD_REFERENCE, self)
        for page, service in (
            (self.bankruptcy_page, Service.BANKRUPTCY),
            (self.estate_page, Service.ESTATE),
            (self.guardianship_page, Service.GUARDIANSHIP),
        ):
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for field in self.fields[service].values():
                form.addRow(field.label, field.container)
        self.pages = QStackedWidget(self)
        for page in (self.bankruptcy_page, self.estate_page, self.guardianship_page):
            self.pages.addWidget(page)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for field in [self.reference_field, *self._all_fields()]:
            for signal in _change_signals(field.widget):
                signal.connect(lambda *_, field=field: self._recheck(field))

        top = QFormLayout()
        top.addRow(self.kind_label, self.kind)
        top.addRow(self.reference_field.label, self.reference_field.container)
        top.addRow(self.environment_label, self.environment)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self._set_tab_order()
        self.retranslate_ui()

    # Layout and language -----------------------------------------------------------------

    def _set_tab_order(self) -> None:
        chain = [
            self.kind, self.reference,
            self.debtor_id, self.debtor_name, self.ruling_date, self.cutoff_known,
            self.cutoff_date,
            self.deceased_id, self.deceased_name, self.death_date,
            self.ward_id, self.ward_name, self.guardian_id, self.year,
            self.create_button, self.cancel_button,
        ]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _cutoff_follows_ruling(self, day: QDate) -> None:
        if not self.cutoff_known.isChecked():
            self.cutoff_date.setDate(day)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New case"))
        self.kind_label.setText(self.tr("&Kind of case:"))
        for number in range(self.kind.count()):
            self.kind.setItemText(number, service_label(self.kind.itemData(number)))
        self.environment_label.setText(self.tr("Environment:"))
        self.environment.setText(ENVIRONMENT(self._environment))
        self.cutoff_known.setText(self.tr("kno&wn"))
        self.create_button.setText(self.tr("C&reate case"))
        self.cancel_button.setText(self.tr("Cancel"))
        for field in [self.reference_field, *self._all_fields()]:
            if field.english_label:
                text = QCoreApplication.translate("fields", field.english_label)
                mnemonic = "&" if field.english_label in MNEMONIC_FIELDS else ""
                field.label.setText(f"{mnemonic}{text}:")
        names = {
            "debtor_name": self.tr("Debtor's &name (optional):"),
            "deceased_name": self.tr("Deceased's &name:"),
            "ward_name": self.tr("Ward's &name:"),
        }
        for fields in self.fields.values():
            for key, field in fields.items():
                if key in names:
                    field.label.setText(names[key])
        self.reference.setPlaceholderText(self.tr("e.g. the court's case number"))
        self.debtor_id.setPlaceholderText(self.tr("9 or 11 digits"))
        for person in (self.deceased_id, self.ward_id, self.guardian_id):
            person.setPlaceholderText(self.tr("11 digits"))

    def _all_fields(self) -> list[_Field]:
        return [field for fields in self.fields.values() for field in fields.values()]

    def _kind_changed(self, number: int) -> None:
        self.pages.setCurrentIndex(number)
        for field in self._all_fields():
            field.hide_error()
        self.reference_field.hide_error()

    # Validation ----------------------------------------------------------------------------

    @property
    def service(self) -> Service:
        return Service(self.kind.currentData())

    def set_service(self, service: Service) -> None:
        self.kind.setCurrentIndex(self.kind.findData(service))

    def facts(self) -> CaseFacts | None:
        """The validated facts after the dialog was accepted."""
        return self._facts

    @property
    def case_id(self) -> int | None:
        """The number the store gave the new case, once it was stored."""
        return self._case_id

    def accept(self) -> None:
        for field in [self.reference_field, *self._all_fields()]:
            field.hide_error()
        try:
            facts = self._validate()
            if self._store is not None:
                self._case_id = self._store(facts)
        except InvalidInput as error:
            self._show_error(error)
            return
        self._facts = facts
        super().accept()

    def _validate(self) -> CaseFacts:
        today = self._clock.today()
        synthetic = self._environment != "production"
        reference = self.reference.text()
        if self.service is Service.BANKRUPTCY:
            return new_bankruptcy(
                reference=reference,
                debtor_id=self.debtor_id.text(),
                debtor_name=self.debtor_name.text(),
                ruling_date=_day(self.ruling_date),
                cutoff_date=(_day(self.cutoff_date) if self.cutoff_known.isChecked() else None),
                today=today,
                allow_synthetic=synthetic,
            )
        if self.service is Service.ESTATE:
            return new_estate(
                reference=reference,
                deceased_id=self.deceased_id.text(),
                deceased_name=self.deceased_name.text(),
                death_date=_day(self.death_date),
                today=today,
                allow_synthetic=synthetic,
            )
        return new_guardianship(
            reference=reference,
            ward_id=self.ward_id.text(),
            ward_name=self.ward_name.text(),
            guardian_id=self.guardian_id.text(),
            year=self.year.value(),
            today=today,
            allow_synthetic=synthetic,
        )

    def error_text(self, error: InvalidInput) -> str:
        return input_error(error)

    def _field_of(self, error: InvalidInput) -> _Field:
        fields = {FIELD_REFERENCE: self.reference_field, **self.fields[self.service]}
        return fields.get(error.field, self.reference_field)

    def _recheck(self, field: _Field) -> None:
        """A field with an error line changed: keep the line while its rule is still broken,
        with the rule broken now; drop it once the domain has nothing to say about the field."""
        if field.error.isHidden():
            return
        try:
            self._validate()
        except InvalidInput as error:
            if self._field_of(error) is field:
                field.show_error(self.error_text(error))
                return
        field.hide_error()
        self.adjustSize()

    def _show_error(self, error: InvalidInput) -> None:
        field = self._field_of(error)
        field.show_error(self.error_text(error))
        field.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.adjustSize()

    def visible_errors(self) -> list[str]:
        """The error lines shown now (for tests and accessibility checks)."""
        fields = [self.reference_field, *self._all_fields()]
        return [field.error.text() for field in fields if not field.error.isHidden()]
