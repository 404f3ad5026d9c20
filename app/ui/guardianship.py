"""The guardianship control of one case: the guardian's account (entered by hand or imported),
the deviations the rules find with the transactions behind them, and the officer's outcome.

`GuardianshipPanel(db, case_id, user)` is self-contained: it reads and writes through
`app.store.guardianship` and `app.review.control`. The table has one row per reported account
and one column per figure (balances, then each income and expense category); a category with
several lines in an imported file shows their sum, and their notes are kept together.
"""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import to_oslo
from app.domain.errors import InvalidInput
from app.domain.guardianship import (
    CATEGORIES,
    FIELD_AT,
    RULE_NAMES,
    Outcome,
    ReportedAccount,
    reason_text,
    reported_account,
    reported_line,
    validate_report,
)
from app.domain.money import format_amount, from_minor
from app.imports.errors import AmountFormatError, ImportFileError
from app.imports.tabular import parse_amount
from app.imports.vergeregnskap import read_report, write_template
from app.review.control import CaseControl, control_case, record_outcome
from app.store import guardianship as store
from app.store.db import Database
from app.ui.formatting import account_number
from app.ui.labels import input_error

FIXED_COLUMNS = 4
"""Account number, bank, opening balance, closing balance; the categories follow."""


def _translate(text: str, context: str = "guardianship") -> str:
    return QCoreApplication.translate(context, text)


NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
"""Where a category cell of the account table keeps the guardian's note on it."""


class GuardianshipPanel(QWidget):
    """The control of one guardianship case."""

    report_saved = Signal(int)
    """The case id whose reported account was saved."""
    outcome_recorded = Signal(int, str)
    """The case id and the outcome recorded."""

    def __init__(
        self, db: Database, case_id: int, user: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id = case_id
        self._user = user
        self.control: CaseControl | None = None

        self.title = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.accounts = QTableWidget(0, FIXED_COLUMNS + len(CATEGORIES), self)
        self.accounts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.accounts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.accounts.horizontalHeader().setDefaultSectionSize(110)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.template_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.run_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_account_row)
        self.remove_button.clicked.connect(self.remove_selected_rows)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.template_button.clicked.connect(lambda: self.write_template())
        self.save_button.clicked.connect(self.save_report)
        self.run_button.clicked.connect(self.run_control)
        self.pdf_button.clicked.connect(lambda: self.write_report())

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.deviations = QTreeWidget(self)
        self.deviations.setColumnCount(4)
        self.deviations.setRootIsDecorated(True)
        self.deviations.setWordWrap(True)

        self.outcome_box = QGroupBox(self)
        self.approved = QRadioButton(self.outcome_box)
        self.follow_up = QRadioButton(self.outcome_box)
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.addButton(self.approved)
        self.outcome_group.addButton(self.follow_up)
        self.reason = QPlainTextEdit(self.outcome_box)
        self.reason.setMaximumHeight(70)
        self.recorded = QLabel(self.outcome_box)
        self.recorded.setWordWrap(True)
        self.outcome_button = QPushButton(self.outcome_box)
        self.outcome_button.clicked.connect(self.save_outcome)

        self._lay_out()
        self.retranslate_ui()
        self.reload()

    # -- layout and words

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.remove_button,
            self.import_button,
            self.template_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.pdf_button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.accounts, 1)
        top_layout.addLayout(buttons)

        radios = QHBoxLayout()
        radios.addWidget(self.approved)
        radios.addWidget(self.follow_up)
        radios.addStretch(1)
        radios.addWidget(self.outcome_button)
        outcome_layout = QVBoxLayout(self.outcome_box)
        outcome_layout.addLayout(radios)
        outcome_layout.addWidget(self.reason)
        outcome_layout.addWidget(self.recorded)

        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.summary)
        bottom_layout.addWidget(self.deviations, 1)
        bottom_layout.addWidget(self.outcome_box)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def retranslate_ui(self) -> None:
        headers = [
            self.tr("Account number"),
            self.tr("Bank"),
            self.tr("Balance 1 January"),
            self.tr("Balance 31 December"),
        ]
        for category in CATEGORIES:
            kind = self.tr("in") if category.kind.value == "income" else self.tr("out")
            headers.append(f"{_translate(category.label)} ({kind})")
        self.accounts.setHorizontalHeaderLabels(headers)
        self.accounts.resizeColumnsToContents()  # every heading readable; the table scrolls
        self.add_button.setText(self.tr("&Add account"))
        self.remove_button.setText(self.tr("&Remove account"))
        self.import_button.setText(self.tr("&Import…"))
        self.import_button.setToolTip(self.tr("Read the guardian's account from CSV or XLSX"))
        self.template_button.setText(self.tr("&Template…"))
        self.template_button.setToolTip(self.tr("Write the template a guardian fills in"))
        self.save_button.setText(self.tr("&Save"))
        self.run_button.setText(self.tr("Run &control"))
        self.pdf_button.setText(self.tr("Control &report…"))
        self.deviations.setHeaderLabels(
            [self.tr("Rule"), self.tr("Account"), self.tr("Amount"), self.tr("Reason")]
        )
        self.outcome_box.setTitle(self.tr("Outcome"))
        self.approved.setText(self.tr("A&pproved"))
        self.follow_up.setText(self.tr("Needs &follow-up"))
        self.reason.setPlaceholderText(self.tr("Reason for the outcome…"))
        self.outcome_button.setText(self.tr("Record &outcome"))
        self._show_title()
        self._show_control()
        self._show_recorded()

    # -- the reported account

    def reload(self) -> None:
        """Show what is stored: the reported account, the control and the outcome."""
        with self._db.session() as session:
            self._facts = store.guardianship_facts(session, self._case_id)
            accounts = store.load_report(session, self._case_id)
        self._fill_table(accounts)
        self._show_title()
        self.run_control()

    def _fill_table(self, accounts: list[ReportedAccount]) -> None:
        self.accounts.setRowCount(0)
        for account in accounts:
            row = self.add_account_row()
            self._set(row, 0, account_number(account.account_number))
            self._set(row, 1, account.bank_name or "")
            self._set(row, 2, format_amount(account.opening_minor, minor=True))
            self._set(row, 3, format_amount(account.closing_minor, minor=True))
            for column, category in enumerate(CATEGORIES, start=FIXED_COLUMNS):
                amount = account.amount_of(category.code)
                notes = [n.note for n in account.lines if n.category == category.code and n.note]
                if amount or any(line.category == category.code for line in account.lines):
                    self._set(row, column, format_amount(amount, minor=True))
                if notes:
                    self._set_note(row, column, "; ".join(notes))
        self.accounts.resizeColumnsToContents()

    def _set(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        if column >= 2:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        before = self.accounts.item(row, column)
        note = before.data(NOTE_ROLE) if before is not None else None
        self.accounts.setItem(row, column, item)
        if note:
            self._set_note(row, column, note)

    def _set_note(self, row: int, column: int, note: str) -> None:
        """The guardian's note on a category of an account: kept on its cell, so that it
        stays with the account whatever rows are added or removed, and shown on hover."""
        item = self.accounts.item(row, column)
        if item is None:
            item = QTableWidgetItem("")
            self.accounts.setItem(row, column, item)
        item.setData(NOTE_ROLE, note)
        item.setToolTip(note)

    def _note(self, row: int, column: int) -> str | None:
        item = self.accounts.item(row, column)
        return item.data(NOTE_ROLE) if item is not None else None

    def add_account_row(self) -> int:
        row = self.accounts.rowCount()
        self.accounts.insertRow(row)
        return row

    def remove_selected_rows(self) -> None:
        for row in sorted({index.row() for index in self.accounts.selectedIndexes()}, reverse=True):
            self.accounts.removeRow(row)

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Type a value into the table (as a user would; tests use it too)."""
        self._set(row, column, text)

    def _text(self, row: int, column: int) -> str:
        item = self.accounts.item(row, column)
        return item.text().strip() if item is not None else ""

    def _amount(self, row: int, column: int) -> Decimal | None:
        text = self._text(row, column)
        if not text:
            return None
        try:
            return parse_amount(text, ",")
        except AmountFormatError as error:
            header = self.accounts.horizontalHeaderItem(column)
            name = header.text() if header is not None else str(column + 1)
            raise InvalidInput(
                FIELD_AT,
                self.tr("%1 is not an amount").replace("%1", repr(error.value)),
                field_values=(str(row + 1), name),  # named as the domain names a field
            ) from None

    def reported_accounts(self) -> list[ReportedAccount]:
        """The table as reported accounts; raises `InvalidInput` naming the row and column."""
        accounts = []
        for row in range(self.accounts.rowCount()):
            if not any(self._text(row, c) for c in range(self.accounts.columnCount())):
                continue
            lines = []
            for column, category in enumerate(CATEGORIES, start=FIXED_COLUMNS):
                amount = self._amount(row, column)
                if amount is not None:
                    note = self._note(row, column)
                    lines.append(reported_line(category.code, amount, note=note, position=row + 1))
            accounts.append(
                reported_account(
                    account_number=self._text(row, 0),
                    bank_name=self._text(row, 1),
                    opening=self._amount(row, 2),
                    closing=self._amount(row, 3),
                    lines=lines,
                    position=row + 1,
                )
            )
        validate_report(accounts)
        return accounts

    def save_report(self) -> bool:
        """Store the table as the case's reported account and run the control again."""
        try:
            accounts = self.reported_accounts()
        except InvalidInput as error:
            self._error(error)
            return False
        self._store(accounts, "manual")
        return True

    def _store(self, accounts: list[ReportedAccount], source: str) -> None:
        with self._db.session() as session:
            store.save_report(session, self._case_id, accounts, user=self._user, source=source)
        self.status.setText(self.tr("Saved %n account(s).", "", len(accounts)))
        self.report_saved.emit(self._case_id)
        self.run_control()

    def import_file(self, path: str | Path | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import the guardian's account"),
                "",
                self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
            )
            if not chosen:
                return False
            path = chosen
        try:
            imported = read_report(Path(path))
        except ImportFileError as error:
            self.status.setText(self.tr("Not imported: %1").replace("%1", str(error)))
            return False
        except InvalidInput as error:
            self._error(error)
            return False
        self._fill_table(imported.accounts)
        self._store(imported.accounts, imported.file_name)
        return True

    def write_template(self, path: str | Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Write the template"),
                "vergeregnskap.xlsx",
                self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
            )
            if not chosen:
                return None
            path = chosen
        written = write_template(Path(path))
        self.status.setText(self.tr("Template written to %1").replace("%1", str(written)))
        return written

    def write_report(self, path: str | Path | None = None) -> Path | None:
        from app.reports.control_section import write_control_report

        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Write the control report"),
                f"{self._facts.reference}.pdf",
                self.tr("PDF (*.pdf)"),
            )
            if not chosen:
                return None
            path = chosen
        written = write_control_report(
            self._db, self._case_id, Path(path), user=self._user, control=self.control
        )
        self.status.setText(self.tr("Report written to %1").replace("%1", str(written)))
        return written

    # -- the control

    def run_control(self) -> None:
        self.control = control_case(self._db, self._case_id)
        self._show_control()
        self._show_recorded()

    def deviation_rules(self) -> list[str]:
        """The rule codes of the deviations shown (for tests and the main window)."""
        return [d.rule.value for d in self.control.result.deviations] if self.control else []

    def _show_control(self) -> None:
        self.deviations.clear()
        control = self.control
        if control is None:
            self.summary.clear()
            return
        result = control.result
        suggested = (
            self.tr("approve") if result.suggested is Outcome.APPROVED else self.tr("follow up")
        )
        if not control.fetched:
            line = self.tr("The banks have not been asked yet; fetch the case first.")
        elif not result.reported:
            line = self.tr("No guardian's account is recorded; only the bank figures are checked.")
        else:
            line = self.tr("%n deviation(s) found.", "", len(result.deviations))
        label = self.tr("Suggested:")
        self.summary.setText(
            f"{html.escape(line, quote=False)} <b>{html.escape(label, quote=False)}</b> "
            f"{html.escape(suggested, quote=False)}"
        )
        shown = self._shown_transactions()
        for deviation in result.deviations:
            amount = format_amount(deviation.amount_minor, minor=True)
            if deviation.currency != "NOK":
                amount += f" {deviation.currency}"
            item = QTreeWidgetItem(
                [
                    _translate(RULE_NAMES[deviation.rule]),
                    account_number(deviation.account_number),
                    amount,
                    reason_text(
                        deviation.rule,
                        deviation.params,
                        translate=_translate,
                        currency=deviation.currency,
                    ),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, deviation.rule.value)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            item.setToolTip(3, item.text(3))  # a long reason is read whole on hover
            for transaction_id in deviation.transaction_ids:
                t = shown.get(transaction_id)
                if t is None:
                    continue
                child = QTreeWidgetItem(
                    [
                        t.booking_date.strftime("%d.%m.%Y") if t.booking_date else "",
                        t.counterparty or "",
                        format_amount(from_minor(t.amount_minor)),
                        t.text or "",
                    ]
                )
                child.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
                item.addChild(child)
            self.deviations.addTopLevelItem(item)
        for column in range(3):
            self.deviations.resizeColumnToContents(column)

    def _shown_transactions(self) -> dict[int, store.ShownTransaction]:
        assert self.control is not None
        ids = sorted({i for d in self.control.result.deviations for i in d.transaction_ids})
        with self._db.session() as session:
            return store.transactions_by_id(session, ids)

    # -- the outcome

    def set_outcome(self, outcome: Outcome, reason: str) -> None:
        (self.approved if outcome is Outcome.APPROVED else self.follow_up).setChecked(True)
        self.reason.setPlainText(reason)

    def save_outcome(self) -> bool:
        if self.approved.isChecked():
            outcome = Outcome.APPROVED
        elif self.follow_up.isChecked():
            outcome = Outcome.FOLLOW_UP
        else:
            self.status.setText(self.tr("Choose approved or needs follow-up first."))
            return False
        try:
            record_outcome(
                self._db,
                self._case_id,
                outcome,
                reason=self.reason.toPlainText(),
                user=self._user,
            )
        except InvalidInput as error:
            self._error(error)
            return False
        self.status.clear()  # a refusal shown before is answered now
        self.run_control()
        self.outcome_recorded.emit(self._case_id, outcome.value)
        return True

    def _show_recorded(self) -> None:
        recorded = self.control.outcome if self.control else None
        if recorded is None:
            self.recorded.setText(self.tr("No outcome recorded yet."))
            return
        word = (
            self.tr("Approved")
            if recorded.outcome is Outcome.APPROVED
            else self.tr("Needs follow-up")
        )
        when = to_oslo(recorded.decided_at).strftime("%d.%m.%Y %H:%M")
        if recorded.report_at is not None:
            self.recorded.setText(
                self.tr(
                    "No outcome recorded for this guardian's account. Earlier: %1 by %2 on %3, "
                    "given before the guardian's account was read in again on %4."
                )
                .replace("%1", word)
                .replace("%2", recorded.decided_by)
                .replace("%3", when)
                .replace("%4", to_oslo(recorded.report_at).strftime("%d.%m.%Y %H:%M"))
            )
            return
        self.recorded.setText(
            self.tr("Recorded: %1 by %2 on %3")
            .replace("%1", word)
            .replace("%2", recorded.decided_by)
            .replace("%3", when)
        )
        if not self.outcome_group.checkedButton():
            self.set_outcome(recorded.outcome, recorded.reason)

    # -- helpers

    def _show_title(self) -> None:
        facts = getattr(self, "_facts", None)
        if facts is None:
            self.title.setText(self.tr("Guardianship control"))
            return
        name = facts.ward_name or facts.reference
        self.title.setText(
            "<b>"
            + html.escape(
                self.tr("Guardianship control %1 – %2")
                .replace("%1", str(facts.year))
                .replace("%2", name),
                quote=False,
            )
            + "</b>"
        )

    def _error(self, error: InvalidInput) -> None:
        self.status.setText(input_error(error, field_context="guardianship"))
