"""The heirs' steps in an estate after a death (dødsbo): the estate picture, the heirs, the
form of settlement (skifteform) and the deadline.

Each page lays out one part of an `EstateWork` (see `app.review.steps`). What the heirs decide
is recorded through `app.store.workflow` as new rows with author and time, never by changing
an old one, so the history of a decision stays readable. The texts of the forms, their
consequences, the warnings and the rule behind the deadline come from `app.domain.estate`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import to_oslo
from app.domain.estate import (
    CONSEQUENCES,
    DISCLAIMER,
    FORM_NAMES,
    Relation,
    SettlementForm,
)
from app.domain.text import QT_TRANSLATE_NOOP
from app.review.estate import CATEGORIES, UNSETTLED_BANK
from app.review.positions import AccountPosition
from app.review.steps import EstateWork, days_left_words
from app.store import workflow
from app.store.models import Decision
from app.ui.formatting import (
    DATE_FORMAT,
    account_number,
    format_date,
    format_minor,
    parse_amount,
)
from app.ui.labels import ACCOUNT_TYPE, BANK_STATUS, message_label
from app.ui.step_common import (
    DISCLAIMER_STYLE,
    RELOAD,
    RIGHT,
    WARNING_STYLE,
    StepContext,
    StepPage,
    cell,
    error_label,
    fill,
    fill_table,
    make_table,
    moment,
    note_label,
    scrolled,
    show_error,
)

RELATION_NAMES = {
    Relation.SPOUSE: QT_TRANSLATE_NOOP("relations", "Spouse"),
    Relation.COHABITANT: QT_TRANSLATE_NOOP("relations", "Cohabitant"),
    Relation.CHILD: QT_TRANSLATE_NOOP("relations", "Child"),
    Relation.OTHER: QT_TRANSLATE_NOOP("relations", "Other heir"),
}


def relation_name(code: str) -> str:
    try:
        return QCoreApplication.translate("relations", RELATION_NAMES[Relation(code)])
    except ValueError:
        return code


def form_name(code: str) -> str:
    try:
        return QCoreApplication.translate("estate", FORM_NAMES[SettlementForm(code)])
    except ValueError:
        return code


def estate_text(english: str) -> str:
    return QCoreApplication.translate("estate", english)


def unknown_lines(work: EstateWork, no_balance: str) -> list[str]:
    """What is not known yet, in the interface's language: banks that did not answer in full,
    and accounts without a balance (`no_balance` is the template for those, with %1)."""
    lines = []
    for name, status, message in work.banks:
        if status in UNSETTLED_BANK:
            line = f"{name}: {BANK_STATUS(status)}"
            if message:
                line += f" — {message_label(message)}"
            lines.append(line)
    for item in work.picture.accounts:
        if item.at_key_date is None and item.account.end_date is None:
            account = f"{item.account.bank_name} {account_number(item.account.account_number)}"
            lines.append(fill(no_balance, account))
    return lines


# -- estate picture --------------------------------------------------------------------------


class PicturePage(StepPage):
    """Deposits, loans and credit debts at the death and now; what moved after the death;
    what is still unknown."""

    fetch_requested = Signal()

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._work: EstateWork | None = None
        self.intro = note_label(self)
        self.fetch_button = QPushButton(self)
        self.fetch_button.clicked.connect(self.fetch_requested)
        self.figures = make_table(self, stretch_last=False)
        self.figures.setMaximumHeight(self.figures.fontMetrics().height() * 7)
        self.accounts = make_table(self, stretch_last=False)
        self.after_title = QLabel(self)
        self.after = QTreeWidget(self)
        self.after.setObjectName("afterDeath")
        self.after.setAlternatingRowColors(True)
        self.after.setUniformRowHeights(True)
        self.unknown_title = QLabel(self)
        self.unknown = QListWidget(self)

        top = QWidget(self)
        upper = QVBoxLayout(top)
        upper.setContentsMargins(0, 0, 0, 0)
        fetch_row = QHBoxLayout()
        fetch_row.addWidget(self.intro, 1)
        fetch_row.addWidget(self.fetch_button)
        upper.addLayout(fetch_row)
        upper.addWidget(self.figures)
        upper.addWidget(self.accounts, 1)
        middle = QWidget(self)
        centre = QVBoxLayout(middle)
        centre.setContentsMargins(0, 0, 0, 0)
        centre.addWidget(self.after_title)
        centre.addWidget(self.after, 1)
        bottom = QWidget(self)
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(self.unknown_title)
        lower.addWidget(self.unknown, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        for part in (top, middle, bottom):
            self.splitter.addWidget(part)
        self.splitter.setSizes([300, 300, 110])
        self.layout_.addWidget(self.splitter, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Estate picture"))
        self.fetch_button.setText(self.tr("&Fetch from the banks"))
        after_title = self.tr("Transactions after the death")
        unknown_title = self.tr("Not known yet")
        self.after_title.setText(f"<b>{after_title}</b>")
        self.unknown_title.setText(f"<b>{unknown_title}</b>")
        self.after.setHeaderLabels(
            [self.tr("What"), self.tr("Date"), self.tr("Account"), self.tr("Amount")]
        )
        self._show()

    def show_work(self, work: EstateWork) -> None:
        self._work = work
        self.case_id = work.case_id
        self._show()

    def _show(self) -> None:
        work = self._work
        if work is None:
            return
        picture = work.picture
        death = format_date(picture.death_date)
        if work.fetched:
            self.intro.setText(
                fill(
                    self.tr(
                        "The deceased's deposits, loans and credit debts at the death on %1 and "
                        "now, per bank and account. Assets and debts outside the banks (a home, "
                        "a car, taxes) are not here."
                    ),
                    death,
                )
            )
        else:
            self.intro.setText(
                self.tr("Nothing is fetched yet: fetch from the banks to see the estate.")
            )
        self.fetch_button.setVisible(not work.fetched)

        # one block of rows per currency, as in the report: debts negative, never added
        # across currencies
        rows = []
        for totals_ in picture.by_currency:
            code = totals_.currency
            rows += [
                [
                    cell(fill(self.tr("Assets (%1)"), code)),
                    cell(format_minor(totals_.assets_at_death), right=True),
                    cell(format_minor(totals_.assets_now), right=True),
                ],
                [
                    cell(fill(self.tr("Known debts (%1)"), code)),
                    cell(format_minor(-totals_.debts_at_death), right=True),
                    cell(format_minor(-totals_.debts_now), right=True),
                ],
                [
                    cell(fill(self.tr("Net (%1)"), code)),
                    cell(
                        format_minor(totals_.assets_at_death - totals_.debts_at_death),
                        right=True,
                    ),
                    cell(format_minor(totals_.assets_now - totals_.debts_now), right=True),
                ],
            ]
        headers = ["", fill(self.tr("At the death %1"), death), self.tr("Now")]
        fill_table(self.figures, headers, rows)
        self.figures.setMaximumHeight(self.figures.fontMetrics().height() * (2 * len(rows) + 3))

        accounts = [
            [
                cell(item.account.bank_name),
                cell(account_number(item.account.account_number)),
                cell(ACCOUNT_TYPE(item.account.type or "unknown")),
                cell(item.currency),
                cell(self._at_death(item, picture.death_date), right=True),
                cell(self._now(item), right=True),
            ]
            for item in picture.accounts
        ]
        headers = [
            self.tr("Bank"),
            self.tr("Account"),
            self.tr("Type"),
            self.tr("Currency"),
            fill(self.tr("At the death %1"), death),
            self.tr("Now"),
        ]
        fill_table(self.accounts, headers, accounts)
        self._show_after(work)
        self.unknown.clear()
        lines = unknown_lines(work, self.tr("%1: no balance known"))
        for line in lines:
            self.unknown.addItem(line)
        if not work.banks:
            self.unknown.addItem(
                self.tr("Nothing has been fetched yet: fetch from the banks or import their files.")
            )
        elif not lines:
            self.unknown.addItem(self.tr("Nothing: every bank and account answered in full."))

    def _at_death(self, item: AccountPosition, death: date) -> str:
        if item.opened_after(death):
            return self.tr("not opened yet")
        return format_minor(item.at_key_date) if item.at_key_date is not None else "–"

    def _now(self, item: AccountPosition) -> str:
        if item.account.end_date is not None:  # counted as nothing in the sums
            return fill(self.tr("closed %1"), format_date(item.account.end_date))
        return format_minor(item.at_end) if item.at_end is not None else "–"

    def _show_after(self, work: EstateWork) -> None:
        self.after.clear()
        for key, english in CATEGORIES.items():
            lines = work.picture.after_death.get(key, [])
            if not lines:
                continue
            total = sum(line.amount_minor for line in lines)
            top = QTreeWidgetItem(
                [f"{estate_text(english)} ({len(lines)})", "", "", format_minor(total)]
            )
            top.setTextAlignment(3, RIGHT)
            font = top.font(0)
            font.setBold(True)
            for column in range(4):
                top.setFont(column, font)
            for line in lines:
                what = " · ".join(
                    filter(
                        None,
                        (
                            line.counterparty_name or line.merchant,
                            line.message or line.code_text,
                        ),
                    )
                )
                child = QTreeWidgetItem(
                    [
                        what,
                        format_date(line.booking_date),
                        account_number(line.account_number),
                        format_minor(line.amount_minor),
                    ]
                )
                child.setTextAlignment(3, RIGHT)
                top.addChild(child)
            self.after.addTopLevelItem(top)
        if self.after.topLevelItemCount() == 0:
            self.after.addTopLevelItem(
                QTreeWidgetItem([self.tr("No transactions after the death."), "", "", ""])
            )
        self.after.expandAll()
        self.after.setColumnWidth(0, 520)
        self.after.setColumnWidth(1, 90)
        self.after.setColumnWidth(2, 110)


# -- heirs -----------------------------------------------------------------------------------


class HeirsPage(StepPage):
    """The heirs, each with relation, position on the decision and debt responsibility."""

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._work: EstateWork | None = None
        self._selected: int | None = None
        self.intro = note_label(self)
        self.table = make_table(self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.name_label = QLabel(self)
        self.name = QLineEdit(self)
        self.name_label.setBuddy(self.name)
        self.relation_label = QLabel(self)
        self.relation = QComboBox(self)
        self.relation_label.setBuddy(self.relation)
        for relation in Relation:
            self.relation.addItem("", relation.value)
        self.agrees_label = QLabel(self)
        self.agrees = QComboBox(self)
        self.agrees_label.setBuddy(self.agrees)
        for value in (None, True, False):
            self.agrees.addItem("", value)
        self.debts = QCheckBox(self)
        self.error = error_label(self)
        self.add_button = QPushButton(self)
        self.update_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.clear_button = QPushButton(self)

        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.relation_label, self.relation)
        form.addRow(self.agrees_label, self.agrees)
        form.addRow("", self.debts)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.update_button, self.remove_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.error)
        self.layout_.addLayout(buttons)

        self.add_button.clicked.connect(self.add_current)
        self.update_button.clicked.connect(self.update_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.clear_button.clicked.connect(self.clear_form)
        self.name.returnPressed.connect(
            lambda: self.update_current() if self._selected else self.add_current()
        )
        self.retranslate_ui()
        self._set_enabled()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Heirs"))
        self.intro.setText(
            self.tr(
                "Everyone who inherits, with their position on the form of settlement. In a "
                "private settlement at least one heir must take on responsibility for the "
                "deceased's debts."
            )
        )
        self.name_label.setText(self.tr("Na&me:"))
        self.relation_label.setText(self.tr("Re&lation:"))
        self.agrees_label.setText(self.tr("A&grees with the choice:"))
        for number in range(self.relation.count()):
            self.relation.setItemText(number, relation_name(self.relation.itemData(number)))
        for number, text in enumerate(
            (self.tr("Not known"), self.tr("Agrees"), self.tr("Does not agree"))
        ):
            self.agrees.setItemText(number, text)
        self.debts.setText(self.tr("Takes on responsibility for the &debts"))
        self.add_button.setText(self.tr("&Add heir"))
        self.update_button.setText(self.tr("&Update heir"))
        self.remove_button.setText(self.tr("Remove h&eir"))
        self.clear_button.setText(self.tr("New &blank form"))
        self._show()

    def agrees_text(self, agrees: bool | None) -> str:
        if agrees is None:
            return self.tr("Not known")
        return self.tr("Agrees") if agrees else self.tr("Does not agree")

    def show_work(self, work: EstateWork) -> None:
        self._work = work
        self.case_id = work.case_id
        self._show()

    def _show(self) -> None:
        work = self._work
        if work is None:
            return
        rows = [
            [
                cell(heir.name),
                cell(relation_name(heir.relation)),
                cell(self.agrees_text(heir.agrees)),
                cell(self.tr("Yes") if heir.takes_debt_responsibility else self.tr("No")),
                cell(heir.recorded_by),
                cell(moment(heir.recorded_at)),
            ]
            for heir in work.heirs
        ]
        headers = [
            self.tr("Name"),
            self.tr("Relation"),
            self.tr("Position"),
            self.tr("Takes on the debts"),
            self.tr("Recorded by"),
            self.tr("Recorded"),
        ]
        self.table.blockSignals(True)
        fill_table(self.table, headers, rows)
        ids = [heir.id for heir in work.heirs]
        if self._selected in ids:
            self.table.selectRow(ids.index(self._selected))
        else:
            self._selected = None
        self.table.blockSignals(False)
        self._set_enabled()

    def _row_chosen(self) -> None:
        work = self._work
        rows = self.table.selectionModel().selectedRows()
        if work is None or not rows:
            return
        heir = work.heirs[rows[0].row()]
        self._selected = heir.id
        self.name.setText(heir.name)
        self.relation.setCurrentIndex(self.relation.findData(heir.relation))
        self.agrees.setCurrentIndex([None, True, False].index(heir.agrees))
        self.debts.setChecked(heir.takes_debt_responsibility)
        show_error(self.error, None)
        self._set_enabled()

    def _set_enabled(self) -> None:
        chosen = self._selected is not None
        self.update_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def clear_form(self) -> None:
        self._selected = None
        self.table.clearSelection()
        self.name.clear()
        self.relation.setCurrentIndex(0)
        self.agrees.setCurrentIndex(0)
        self.debts.setChecked(False)
        show_error(self.error, None)
        self._set_enabled()
        self.name.setFocus()

    def _values(self) -> dict[str, Any] | None:
        name = " ".join(self.name.text().split())
        if not name:
            show_error(self.error, self.tr("Give the heir's name."))
            self.name.setFocus()
            return None
        show_error(self.error, None)
        return {
            "name": name,
            "relation": self.relation.currentData(),
            "agrees": self.agrees.currentData(),
            "takes_debt_responsibility": self.debts.isChecked(),
        }

    def add_current(self) -> bool:
        work, values = self._work, self._values()
        if work is None or values is None:
            return False
        with self.context.db.session() as session:
            self._selected = workflow.add_heir(
                session, work.case_id, user=self.context.user, **values
            )
        self.changed.emit(RELOAD)
        return True

    def update_current(self) -> bool:
        work, heir_id = self._work, self._selected
        values = self._values() if heir_id is not None else None
        if work is None or heir_id is None or values is None:
            return False
        with self.context.db.session() as session:
            workflow.update_heir(session, heir_id, user=self.context.user, **values)
        self.changed.emit(RELOAD)
        return True

    def remove_current(self) -> bool:
        work, heir_id = self._work, self._selected
        if work is None or heir_id is None:
            return False
        with self.context.db.session() as session:
            workflow.remove_heir(session, heir_id)
        self.clear_form()
        self.changed.emit(RELOAD)
        return True


# -- form of settlement ----------------------------------------------------------------------

DECISION_KINDS = {
    workflow.SETTLEMENT_FORM: QT_TRANSLATE_NOOP("SettlementPage", "Form of settlement"),
    workflow.DEADLINE: QT_TRANSLATE_NOOP("SettlementPage", "Deadline"),
    workflow.FUNERAL_COSTS: QT_TRANSLATE_NOOP("SettlementPage", "Funeral costs"),
}


class SettlementPage(StepPage):
    """The four forms of settlement with their consequences, the figures that matter, the
    warnings the figures give, and the decision with representative and reasons."""

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._work: EstateWork | None = None
        content = QWidget(self)
        inner = QVBoxLayout(content)
        self.intro = note_label(content)
        self.figures = note_label(content)
        self.heirs = note_label(content)
        inner.addWidget(self.intro)
        inner.addWidget(self.figures)
        inner.addWidget(self.heirs)

        self.options_box = QGroupBox(content)
        options = QVBoxLayout(self.options_box)
        self.group = QButtonGroup(self)
        self.radios: dict[SettlementForm, QRadioButton] = {}
        self.consequences: dict[SettlementForm, QLabel] = {}
        self.figure_labels: dict[SettlementForm, QLabel] = {}
        self.warning_labels: dict[SettlementForm, QLabel] = {}
        self.funeral_label = QLabel(self.options_box)
        self.funeral = QLineEdit(self.options_box)
        self.funeral_label.setBuddy(self.funeral)
        self.funeral.setMaximumWidth(160)
        for number, form in enumerate(SettlementForm):
            radio = QRadioButton(self.options_box)
            self.group.addButton(radio, number)
            consequence = note_label(self.options_box)
            consequence.setContentsMargins(24, 0, 0, 0)
            figure = note_label(self.options_box)
            figure.setContentsMargins(24, 0, 0, 0)
            self.figure_labels[form] = figure
            warning = note_label(self.options_box, WARNING_STYLE)
            warning.setContentsMargins(24, 0, 0, 4)
            self.radios[form], self.consequences[form] = radio, consequence
            self.warning_labels[form] = warning
            options.addWidget(radio)
            options.addWidget(consequence)
            options.addWidget(figure)
            if form is SettlementForm.SMALL_ESTATE:
                row = QHBoxLayout()
                row.setContentsMargins(24, 0, 0, 0)
                row.addWidget(self.funeral_label)
                row.addWidget(self.funeral)
                row.addStretch(1)
                options.addLayout(row)
            options.addWidget(warning)
        inner.addWidget(self.options_box)

        self.representative_label = QLabel(content)
        self.representative = QLineEdit(content)
        self.representative_label.setBuddy(self.representative)
        self.reasons_label = QLabel(content)
        self.reasons = QPlainTextEdit(content)
        self.reasons.setTabChangesFocus(True)
        self.reasons.setMaximumHeight(80)
        self.reasons_label.setBuddy(self.reasons)
        form_layout = QFormLayout()
        form_layout.addRow(self.representative_label, self.representative)
        form_layout.addRow(self.reasons_label, self.reasons)
        inner.addLayout(form_layout)
        self.disclaimer = note_label(content, DISCLAIMER_STYLE)
        inner.addWidget(self.disclaimer)
        self.error = error_label(content)
        self.save_button = QPushButton(content)
        self.recorded = note_label(content)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.recorded, 1)
        inner.addWidget(self.error)
        inner.addLayout(save_row)
        self.history_title = QLabel(content)
        self.history = make_table(content)
        self.history.setMinimumHeight(140)
        inner.addWidget(self.history_title)
        inner.addWidget(self.history)
        self.layout_.addWidget(scrolled(content, self), 1)

        self.funeral.textChanged.connect(self._show_warnings)
        self.funeral.textChanged.connect(self._show_form_figures)
        self.save_button.clicked.connect(self.save)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Form of settlement (skifteform)"))
        self.intro.setText(
            self.tr(
                "Choose how the estate is to be settled. The figures and warnings come from "
                "the banks' answers; what they cannot tell (a home, a car, debts outside the "
                "banks) you must weigh yourself."
            )
        )
        self.options_box.setTitle(self.tr("The forms of settlement"))
        for form in SettlementForm:
            self.radios[form].setText(estate_text(FORM_NAMES[form]))
            self.consequences[form].setText(estate_text(CONSEQUENCES[form]))
        self.funeral_label.setText(self.tr("F&uneral costs paid:"))
        self.funeral.setPlaceholderText(self.tr("e.g. 35 000"))
        self.representative_label.setText(self.tr("R&epresentative (bofullmektig):"))
        self.representative.setPlaceholderText(
            self.tr("The heir or lawyer who acts for the estate")
        )
        self.reasons_label.setText(self.tr("Rea&sons:"))
        self.disclaimer.setText(estate_text(DISCLAIMER))
        self.save_button.setText(self.tr("Record the &decision"))
        history_title = self.tr("Decisions so far")
        self.history_title.setText(f"<b>{history_title}</b>")
        self._show()

    def show_work(self, work: EstateWork) -> None:
        self._work = work
        self.case_id = work.case_id
        latest = work.settlement
        self.group.setExclusive(False)
        for radio in self.radios.values():
            radio.setChecked(False)
        self.group.setExclusive(True)
        if latest is not None:
            self.radios[SettlementForm(latest.value)].setChecked(True)
        self.representative.setText((latest.representative or "") if latest else "")
        self.reasons.setPlainText((latest.reasons or "") if latest else "")
        funeral = work.funeral_costs
        self.funeral.blockSignals(True)
        self.funeral.setText(format_minor(int(funeral.value)) if funeral else "")
        self.funeral.blockSignals(False)
        show_error(self.error, None)
        self._show()

    def chosen_form(self) -> SettlementForm | None:
        for form, radio in self.radios.items():
            if radio.isChecked():
                return form
        return None

    def choose(self, form: SettlementForm) -> None:
        self.radios[form].setChecked(True)

    def warning_text(self, form: SettlementForm) -> str:
        """The warnings shown under one form ("" when there are none)."""
        return self.warning_labels[form].text()

    def _show(self) -> None:
        work = self._work
        if work is None:
            return
        figures = work.picture.figures
        lines = [
            fill(
                self.tr(
                    "At the death %1, in NOK: assets %2 against known debts %3, net %4. Now: "
                    "assets %5, known debts %6."
                ),
                format_date(work.picture.death_date),
                format_minor(figures.assets_at_death),
                format_minor(figures.debts_at_death),
                format_minor(figures.net_at_death),
                format_minor(figures.assets_now),
                format_minor(figures.debts_now),
            )
        ]
        for other in work.picture.by_currency[1:]:
            lines.append(
                fill(
                    self.tr(
                        "In %1 apart: assets %2 against known debts %3 at the death; the "
                        "figures in NOK above leave them out."
                    ),
                    other.currency,
                    format_minor(other.assets_at_death),
                    format_minor(other.debts_at_death),
                )
            )
        if figures.unknowns:
            lines.append(
                fill(
                    self.tr("Banks or accounts not answered in full: %1 (see Estate picture)."),
                    str(figures.unknowns),
                )
            )
        self.figures.setText("<b>" + "<br>".join(lines) + "</b>")
        self.heirs.setText(self._heirs_line(work))
        self._show_form_figures()
        self._show_warnings()
        self._show_recorded(work)
        self._show_history(work)

    def _heirs_line(self, work: EstateWork) -> str:
        if not work.heirs:
            return self.tr("No heirs recorded yet (see Heirs).")
        agree = sum(1 for heir in work.heirs if heir.agrees is True)
        against = sum(1 for heir in work.heirs if heir.agrees is False)
        unknown = len(work.heirs) - agree - against
        debtors = [heir.name for heir in work.heirs if heir.takes_debt_responsibility]
        return fill(
            self.tr(
                "Heirs: %1 agree, %2 do not, %3 not known. Taking on responsibility for the "
                "debts: %4."
            ),
            str(agree),
            str(against),
            str(unknown),
            ", ".join(debtors) if debtors else self.tr("nobody yet"),
        )

    def typed_funeral_costs(self) -> int | None:
        """The funeral costs in the field, in hundredths; None when empty or not an amount."""
        try:
            return parse_amount(self.funeral.text())
        except ValueError:
            return None

    def _show_form_figures(self) -> None:
        """The figures that matter for each form, under its consequences."""
        work = self._work
        if work is None:
            return
        figures = work.picture.figures
        assets, debts = format_minor(figures.assets_at_death), format_minor(figures.debts_at_death)
        against = fill(
            self.tr("At the death: assets %1 against known debts %2, net %3."),
            assets,
            debts,
            format_minor(figures.net_at_death),
        )
        funeral = self.typed_funeral_costs()
        texts = {
            SettlementForm.PRIVATE: against,
            SettlementForm.PUBLIC: against,
            SettlementForm.UNDIVIDED: fill(
                self.tr("The spouse or cohabitant takes over known debts of %1 with assets of %2."),
                debts,
                assets,
            ),
            SettlementForm.SMALL_ESTATE: fill(
                self.tr("Assets at the death %1 against funeral costs of %2."),
                assets,
                format_minor(funeral),
            )
            if funeral is not None
            else fill(
                self.tr("Assets at the death %1; enter the funeral costs to compare."), assets
            ),
        }
        for form, text in texts.items():
            self.figure_labels[form].setText(f"<i>{text}</i>")

    def _show_warnings(self) -> None:
        work = self._work
        if work is None:
            return
        found: dict[SettlementForm, list[str]] = {form: [] for form in SettlementForm}
        for warning in work.warnings(self.typed_funeral_costs()):
            found[warning.form].append(estate_text(warning.text))
        if work.heirs and not any(heir.takes_debt_responsibility for heir in work.heirs):
            found[SettlementForm.PRIVATE].append(
                self.tr("No heir has taken on responsibility for the debts yet.")
            )
        for form, texts in found.items():
            label = self.warning_labels[form]
            label.setText("\n".join(f"\u26a0 {text}" for text in texts))
            label.setVisible(bool(texts))

    def _show_recorded(self, work: EstateWork) -> None:
        latest = work.settlement
        if latest is None:
            self.recorded.setText(self.tr("No form of settlement is recorded yet."))
            return
        self.recorded.setText(
            fill(
                self.tr("In force: %1, recorded by %2, %3."),
                form_name(latest.value),
                latest.decided_by,
                moment(latest.decided_at),
            )
        )

    def decision_value(self, decision: Decision) -> str:
        if decision.kind == workflow.SETTLEMENT_FORM:
            return form_name(decision.value)
        if decision.kind == workflow.DEADLINE:
            if not decision.value:
                return self.tr("60 days after the death")
            return format_date(date.fromisoformat(decision.value))
        if decision.kind == workflow.FUNERAL_COSTS:
            return format_minor(int(decision.value))
        return decision.value

    def _show_history(self, work: EstateWork) -> None:
        rows = [
            [
                cell(moment(decision.decided_at)),
                cell(decision.decided_by),
                cell(self.tr(DECISION_KINDS.get(decision.kind, decision.kind))),
                cell(self.decision_value(decision)),
                cell(decision.representative or ""),
                cell(decision.reasons or "", tooltip=decision.reasons),
            ]
            for decision in reversed(work.history)
        ]
        headers = [
            self.tr("When"),
            self.tr("By"),
            self.tr("What"),
            self.tr("Decided"),
            self.tr("Representative"),
            self.tr("Reasons"),
        ]
        fill_table(self.history, headers, rows)

    def save(self) -> bool:
        """Record the chosen form as a new decision (and the funeral costs if they changed)."""
        work = self._work
        if work is None:
            return False
        form = self.chosen_form()
        if form is None:
            show_error(self.error, self.tr("Choose a form of settlement first."))
            return False
        try:
            funeral = parse_amount(self.funeral.text())
        except ValueError:
            show_error(
                self.error,
                fill(self.tr("Funeral costs: “%1” is not an amount."), self.funeral.text()),
            )
            self.funeral.setFocus()
            return False
        representative = " ".join(self.representative.text().split()) or None
        reasons = self.reasons.toPlainText().strip() or None
        latest, stored_funeral = work.settlement, work.funeral_costs
        funeral_changed = funeral is not None and (
            stored_funeral is None or int(stored_funeral.value) != funeral
        )
        same = latest is not None and (latest.value, latest.representative, latest.reasons) == (
            form.value,
            representative,
            reasons,
        )
        if same and not funeral_changed:
            show_error(self.error, self.tr("Nothing has changed since the last decision."))
            return False
        show_error(self.error, None)
        with self.context.db.session() as session:
            if funeral_changed:
                workflow.record_decision(
                    session,
                    work.case_id,
                    workflow.FUNERAL_COSTS,
                    str(funeral),
                    user=self.context.user,
                )
            if not same:
                workflow.record_decision(
                    session,
                    work.case_id,
                    workflow.SETTLEMENT_FORM,
                    form.value,
                    user=self.context.user,
                    representative=representative,
                    reasons=reasons,
                )
        self.changed.emit(RELOAD)
        return True


# -- deadline --------------------------------------------------------------------------------


class DeadlinePage(StepPage):
    """The deadline for taking the estate over to private settlement, with days left."""

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._work: EstateWork | None = None
        self.due = QLabel(self)
        font = self.due.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.due.setFont(font)
        self.days = QLabel(self)
        self.days.setFont(font)
        self.rule = note_label(self)
        self.basis = note_label(self)
        self.settled = note_label(self)
        self.override = QCheckBox(self)
        self.date = QDateEdit(self)
        self.date.setDisplayFormat(DATE_FORMAT)
        self.date.setCalendarPopup(True)
        self.date.setEnabled(False)
        self.reason_label = QLabel(self)
        self.reason = QLineEdit(self)
        self.reason_label.setBuddy(self.reason)
        self.save_button = QPushButton(self)
        self.error = error_label(self)
        self.override.toggled.connect(self.date.setEnabled)

        form = QFormLayout()
        form.addRow(self.override, self.date)
        form.addRow(self.reason_label, self.reason)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.error, 1)
        save_row.addStretch(0)
        self.date.setMaximumWidth(160)
        self.reason.setMaximumWidth(480)
        self.layout_.addWidget(self.due)
        self.layout_.addWidget(self.days)
        self.layout_.addWidget(self.rule)
        self.layout_.addWidget(self.basis)
        self.layout_.addWidget(self.settled)
        self.layout_.addSpacing(12)
        self.layout_.addLayout(form)
        self.layout_.addLayout(save_row)
        self.layout_.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Deadline for private settlement"))
        self.override.setText(self.tr("Set &another date:"))
        self.override.setToolTip(
            self.tr("For instance when the district court has allowed a longer time")
        )
        self.reason_label.setText(self.tr("Reason for the date:"))
        self.save_button.setText(self.tr("&Save the deadline"))
        self._show()

    def show_work(self, work: EstateWork) -> None:
        self._work = work
        self.case_id = work.case_id
        deadline = work.deadline
        self.override.setChecked(deadline.set_by_user)
        self.date.setDate(QDate(deadline.due.year, deadline.due.month, deadline.due.day))
        decision = work.deadline_decision
        self.reason.setText((decision.reasons or "") if decision and decision.value else "")
        show_error(self.error, None)
        self._show()

    def days_text(self) -> str:
        assert self._work is not None
        template, args = days_left_words(self._work.deadline)
        return fill(QCoreApplication.translate("steps", template), *args)

    def _show(self) -> None:
        work = self._work
        if work is None:
            return
        deadline = work.deadline
        self.due.setText(fill(self.tr("Due %1"), format_date(deadline.due)))
        self.days.setText(self.days_text())
        style = WARNING_STYLE if deadline.days_left <= 14 and work.settlement is None else ""
        self.days.setStyleSheet(style)
        self.rule.setText(
            fill(self.tr("The rule behind the deadline — %1."), estate_text(deadline.rule))
        )
        decision = work.deadline_decision
        if deadline.set_by_user and decision is not None:
            basis = fill(
                self.tr("Set by %1, %2."), decision.decided_by, moment(decision.decided_at)
            )
            if decision.reasons:
                basis += " " + fill(self.tr("Reason: %1"), decision.reasons)
        else:
            basis = fill(
                self.tr("Counted as 60 days after the death on %1."),
                format_date(work.picture.death_date),
            )
        self.basis.setText(basis)
        latest = work.settlement
        self.settled.setVisible(latest is not None)
        if latest is not None:
            self.settled.setText(
                fill(
                    self.tr("A form of settlement is recorded: %1 (%2)."),
                    form_name(latest.value),
                    format_date(to_oslo(latest.decided_at).date()),
                )
            )

    def save(self) -> bool:
        """Record the user's own date, or a return to the rule's date when unticked."""
        work = self._work
        if work is None:
            return False
        death = work.picture.death_date
        chosen: date | None = None
        if self.override.isChecked():
            value = self.date.date()
            chosen = date(value.year(), value.month(), value.day())
            if chosen <= death:
                show_error(self.error, self.tr("The deadline must fall after the death."))
                self.date.setFocus()
                return False
        reason = self.reason.text().strip() or None
        current = work.deadline.due if work.deadline.set_by_user else None
        stored_reason = work.deadline_decision.reasons if work.deadline_decision else None
        if chosen == current and (chosen is None or reason == stored_reason):
            show_error(self.error, self.tr("Nothing to save: the deadline is as stored."))
            return False
        show_error(self.error, None)
        with self.context.db.session() as session:
            workflow.record_decision(
                session,
                work.case_id,
                workflow.DEADLINE,
                chosen.isoformat() if chosen else "",
                user=self.context.user,
                reasons=reason if chosen else None,
            )
        self.changed.emit(RELOAD)
        return True
