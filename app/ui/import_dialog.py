"""The import dialog: a statement file or a bank export into the case.

The user picks a file, the bank it comes from (one of the case's, or a new one) and, for a
CSV or XLSX export, the account. For an export the dialog proposes which column plays which
role (the mapping remembered for that bank, or what the headers suggest), lets the user fix
it, and previews the first rows with every cell that breaks a rule. Importing runs off the
main thread; the result says how many records were new.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.domain.identifiers import validate_account_number
from app.domain.money import format_amount
from app.domain.text import QT_TRANSLATE_NOOP
from app.imports import tabular
from app.imports.errors import ImportFileError
from app.imports.into_case import CaseImport, FileResult, is_statement
from app.store import imports as store
from app.store.db import Database
from app.ui.formatting import format_count, party_id
from app.ui.labels import input_error
from app.ui.workers import CallThread

NEW_BANK = -1
ROLE_NAMES = {
    "booking_date": QT_TRANSLATE_NOOP("import", "Booking date"),
    "value_date": QT_TRANSLATE_NOOP("import", "Value date"),
    "text": QT_TRANSLATE_NOOP("import", "Text"),
    "amount": QT_TRANSLATE_NOOP("import", "Amount (signed)"),
    "amount_in": QT_TRANSLATE_NOOP("import", "Money in"),
    "amount_out": QT_TRANSLATE_NOOP("import", "Money out"),
    "counterparty": QT_TRANSLATE_NOOP("import", "Counterparty"),
    "from_account": QT_TRANSLATE_NOOP("import", "From account"),
    "to_account": QT_TRANSLATE_NOOP("import", "To account"),
    "reference": QT_TRANSLATE_NOOP("import", "Reference"),
    "archive_reference": QT_TRANSLATE_NOOP("import", "Archive reference"),
    "currency": QT_TRANSLATE_NOOP("import", "Currency"),
    "balance": QT_TRANSLATE_NOOP("import", "Balance"),
    "transaction_type": QT_TRANSLATE_NOOP("import", "Transaction type"),
    "status": QT_TRANSLATE_NOOP("import", "Status"),
    "account": QT_TRANSLATE_NOOP("import", "Own account"),
}
PREVIEW_ROWS = 20
ACCOUNT_FIELD = QT_TRANSLATE_NOOP("fields", "Account number")


def _role(role: str) -> str:
    return QCoreApplication.translate("import", ROLE_NAMES[role])


class ImportDialog(QDialog):
    def __init__(
        self,
        db: Database,
        case_id: int,
        user: str,
        parent: QWidget | None = None,
        *,
        bank_org: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.case_id, self.user = db, case_id, user
        self.result_: FileResult | None = None
        self._worker: CallThread | None = None
        self._headers: list[str] = []
        self.setWindowTitle(self.tr("Import a file"))
        self.resize(900, 620)

        self.path_edit = QLineEdit(self)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        self.path_edit.editingFinished.connect(self.file_changed)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)

        self.bank_combo = QComboBox(self)
        self.new_org = QLineEdit(self)
        self.new_org.setPlaceholderText(self.tr("organisation number"))
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(self.tr("bank name"))
        self.account_combo = QComboBox(self)
        self.account_combo.setEditable(True)
        self.account_combo.lineEdit().setPlaceholderText(
            self.tr("as the file names it, or choose or type one")
        )
        self.kind_label = QLabel(self)
        self.file_label = QLabel(self.tr("&File:"), self)
        self.file_label.setBuddy(self.path_edit)  # the row is a layout: no buddy by itself
        form = QFormLayout()
        form.addRow(self.file_label, file_row)
        form.addRow(self.tr("&Bank:"), self.bank_combo)
        new_bank = QHBoxLayout()
        new_bank.addWidget(self.new_org)
        new_bank.addWidget(self.new_name, 1)
        form.addRow(self.tr("New bank:"), new_bank)
        form.addRow(self.tr("&Account:"), self.account_combo)
        form.addRow(self.tr("Kind:"), self.kind_label)

        self.mapping_box = QGroupBox(self.tr("Columns"), self)
        grid = QGridLayout(self.mapping_box)
        self.role_combos: dict[str, QComboBox] = {}
        for index, role in enumerate(tabular.ROLES):
            combo = QComboBox(self.mapping_box)
            combo.currentIndexChanged.connect(self.refresh_preview)
            label = QLabel(_role(role), self.mapping_box)
            label.setBuddy(combo)
            grid.addWidget(label, index // 3, (index % 3) * 2)
            grid.addWidget(combo, index // 3, (index % 3) * 2 + 1)
            self.role_combos[role] = combo
        self.preview_table = QTableWidget(self)
        self.preview_table.setColumnCount(5)
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #a00000")
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        self._load_banks(bank_org)
        self.bank_combo.currentIndexChanged.connect(self.bank_changed)
        self.bank_changed()
        self.file_changed()

    # -- the case's banks and accounts --------------------------------------------------

    def _load_banks(self, selected_org: str | None) -> None:
        with self.db.session() as session:
            self._banks = store.banks_and_accounts(session, self.case_id)
        for bank_id, org, name, _accounts in self._banks:
            self.bank_combo.addItem(f"{name} ({party_id(org)})", bank_id)
            if org == selected_org:
                self.bank_combo.setCurrentIndex(self.bank_combo.count() - 1)
        self.bank_combo.addItem(self.tr("A bank not in the case…"), NEW_BANK)

    def _bank(self) -> tuple[str | None, str | None, list[str]]:
        """(organisation number, name, account numbers) of the chosen bank."""
        bank_id = self.bank_combo.currentData()
        if bank_id == NEW_BANK:
            org = "".join(self.new_org.text().split()) or None
            return org, self.new_name.text().strip() or None, []
        for known_id, org, name, accounts in self._banks:
            if known_id == bank_id:
                return org, name, accounts
        return None, None, []

    def bank_changed(self) -> None:
        new = self.bank_combo.currentData() == NEW_BANK
        self.new_org.setEnabled(new)
        self.new_name.setEnabled(new)
        _org, _name, accounts = self._bank()
        listed = {self.account_combo.itemText(i) for i in range(self.account_combo.count())}
        current = self.account_combo.currentText()
        self.account_combo.clear()
        self.account_combo.addItems(accounts)
        # no account is chosen for the user: one of another bank's is dropped, one typed kept
        self.account_combo.setCurrentIndex(-1)
        self.account_combo.setEditText(current if current not in listed else "")
        self._apply_remembered_mapping()

    # -- the file -----------------------------------------------------------------------

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a statement or export"),
            str(Path.home()),
            self.tr("Statements and exports (*.xml *.csv *.xlsx *.txt);;All files (*)"),
        )
        if chosen:
            self.path_edit.setText(chosen)
            self.file_changed()

    def _path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def _is_table(self) -> bool:
        path = self._path()
        if path is None or not path.is_file():
            return False
        with path.open("rb") as stream:
            return not is_statement(stream.read(512))

    def file_changed(self) -> None:
        path = self._path()
        self._headers = []
        table = self._is_table()
        self.mapping_box.setEnabled(table)
        self.problems_label.clear()
        if path is None or not path.is_file():
            self.kind_label.setText(
                self.tr("no file chosen") if path is None else self.tr("the file does not exist")
            )
            self.preview_table.setRowCount(0)
            return
        if not table:
            self.kind_label.setText(self.tr("ISO 20022 statement (camt.052/053/054)"))
            self.preview_table.setRowCount(0)
            # a statement names its own account; one given must be that one
            self.account_combo.setCurrentIndex(-1)
            self.account_combo.setEditText("")
            return
        try:
            opened = tabular.open_table(path)
            self._headers = list(opened.headers)
            detected = tabular.detect_mapping(opened.headers, opened.samples)
        except ImportFileError as error:
            self.kind_label.setText(self.tr("bank export"))
            self.problems_label.setText(str(error))
            return
        self.kind_label.setText(
            self.tr("bank export (%1, %2)")
            .replace("%1", opened.kind.upper())
            .replace("%2", opened.encoding or "xlsx")
        )
        self._fill_role_combos(detected)
        self._apply_remembered_mapping()
        self.refresh_preview()

    def _fill_role_combos(self, mapping: tabular.ColumnMapping) -> None:
        for role, combo in self.role_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for header in self._headers:
                combo.addItem(header, header)
            chosen = getattr(mapping, role)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.blockSignals(False)

    def _apply_remembered_mapping(self) -> None:
        org, _name, _accounts = self._bank()
        if not self._headers or not org:
            return
        with self.db.session() as session:
            stored = store.remembered_mapping(session, org)
        if stored is None:
            return
        remembered = tabular.ColumnMapping.from_dict(stored)
        if remembered.fits(self._headers):
            self._fill_role_combos(remembered)
            self.refresh_preview()

    def mapping(self) -> tabular.ColumnMapping:
        chosen = {role: combo.currentData() for role, combo in self.role_combos.items()}
        return tabular.ColumnMapping(**chosen)

    def refresh_preview(self) -> None:
        path = self._path()
        if path is None or not self._headers:
            return
        mapping = self.mapping()
        try:
            shown = tabular.preview(path, mapping, limit=PREVIEW_ROWS)
        except ImportFileError as error:
            self.problems_label.setText(str(error))
            return
        self.preview_table.setHorizontalHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Booked"),
                self.tr("Amount"),
                self.tr("Counterparty"),
                self.tr("Text"),
            ]
        )
        self.preview_table.setRowCount(len(shown.rows))
        for row, item in enumerate(shown.rows):
            record = item.record
            cells = [str(item.line)]
            if record is not None:
                cells += [
                    record.booking_date.strftime("%d.%m.%Y") if record.booking_date else "",
                    format_amount(record.amount),
                    record.counterparty_name or "",
                    record.message or "",
                ]
            else:
                cells += ["", "", "", "; ".join(p.message for p in item.problems)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.preview_table.setItem(row, column, cell)
        messages = []
        if shown.missing_roles:
            messages.append(
                self.tr("Choose a column for: %1").replace(
                    "%1", ", ".join(_role(role) for role in shown.missing_roles)
                )
            )
        messages += [problem.message for problem in shown.problems[:5]]
        self.problems_label.setText("\n".join(messages))

    # -- importing ----------------------------------------------------------------------

    def start_import(self) -> CallThread | None:
        path = self._path()
        if path is None or not path.is_file():
            self.problems_label.setText(self.tr("Choose a file to import."))
            return None
        org, name, _accounts = self._bank()
        account = self.account_combo.currentText().strip() or None
        if account is not None:
            try:
                account = validate_account_number(account, ACCOUNT_FIELD)
            except InvalidInput as error:
                self.problems_label.setText(input_error(error))
                return None
        mapping = self.mapping() if self._is_table() else None
        if mapping is not None and mapping.missing_roles():
            self.refresh_preview()
            return None
        importer = CaseImport(self.db, self.case_id, user=self.user, now=datetime.now(UTC))

        def work() -> FileResult:
            return importer.import_file(
                path, bank_org=org, bank_name=name, account_number=account, mapping=mapping
            )

        self.import_button.setEnabled(False)
        self.result_label.setText(self.tr("Importing…"))
        self._worker = CallThread(work, self)
        self._worker.succeeded.connect(self._imported)
        self._worker.failed.connect(self._failed)
        self._worker.start()
        return self._worker

    def _imported(self, result: FileResult) -> None:
        self.result_ = result
        self.import_button.setEnabled(True)
        text = (
            self.tr("%1: records %2, new %3, already in the case %4.")
            .replace("%1", result.file)
            .replace("%2", format_count(result.records))
            .replace("%3", format_count(result.new))
            .replace("%4", format_count(result.records - result.new))
        )
        if result.balance_check == "mismatch":
            text += " " + self.tr("The statement's closing balance does not match its entries.")
        if result.outside_period:
            text += " " + self.tr(
                "%1 of them are booked outside the case's period; they are kept."
            ).replace("%1", str(result.outside_period))
        self.result_label.setText(text)

    def _failed(self, message: str) -> None:
        self.import_button.setEnabled(True)
        self.result_label.clear()
        self.problems_label.setText(self.tr("Not imported: %1").replace("%1", message))

    def wait(self, milliseconds: int = 30_000) -> None:
        if self._worker is not None:
            self._worker.wait(milliseconds)
