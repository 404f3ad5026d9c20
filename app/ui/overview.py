"""The case overview: every bank and its answer, every account with its balance at the key
date and at the end of the period, the totals of assets and debts, and what is still missing.

The figures come from `app.store.browse.case_overview`, computed in a worker thread; this
widget only lays them out, and lays them out again when the language changes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import FIELD_DEATH_DATE, FIELD_RULING_DATE, FIELD_YEAR
from app.domain.services import Service
from app.store.browse import AccountOverview, BankOverview, CaseOverview
from app.ui.formatting import account_number, format_date, format_minor, party_id
from app.ui.labels import (
    ACCOUNT_STATUS,
    ACCOUNT_TYPE,
    BANK_STATUS,
    ENVIRONMENT,
    FETCH_STATUS,
    message_label,
    service_label,
)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WARNING = QColor("#8a4b00")
PROBLEM_STATUSES = {"failed", "partial", "incomplete", "letter_needed", "cancelled", "pending"}
ACCOUNT_ROWS_KEPT = 3
"""Account rows the overview keeps in view however short the window gets."""


def _table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _height_of_rows(table: QTableWidget, rows: int) -> int:
    """The height a table needs to show its header, `rows` rows and its horizontal scroll bar
    (which long rows bring)."""
    return (
        table.horizontalHeader().sizeHint().height()
        + rows * table.verticalHeader().defaultSectionSize()
        + 2 * table.frameWidth()
        + table.horizontalScrollBar().sizeHint().height()
        + 2  # so that the last row is not cut by a pixel
    )


def _item(text: str, *, right: bool = False, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(RIGHT)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _fill(table: QTableWidget, headers: list[str], rows: list[list[QTableWidgetItem]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for number, row in enumerate(rows):
        for column, item in enumerate(row):
            table.setItem(number, column, item)
    table.resizeColumnsToContents()  # a few dozen rows at most: cheap here


class OverviewWidget(QWidget):
    """Lays out one `CaseOverview`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._overview: CaseOverview | None = None
        self._loading = False
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banks_box = QGroupBox(self)
        self.banks = _table(self.banks_box)
        self.accounts_box = QGroupBox(self)
        self.accounts = _table(self.accounts_box)
        self.footnote = QLabel(self.accounts_box)
        self.footnote.setWordWrap(True)
        self.totals_box = QGroupBox(self)
        self.totals = _table(self.totals_box)
        self.missing_box = QGroupBox(self)
        self.missing = QListWidget(self.missing_box)

        for box, widgets in (
            (self.banks_box, (self.banks,)),
            (self.accounts_box, (self.accounts, self.footnote)),
            (self.totals_box, (self.totals,)),
            (self.missing_box, (self.missing,)),
        ):
            inner = QVBoxLayout(box)
            for widget in widgets:
                inner.addWidget(widget)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        for box in (self.banks_box, self.accounts_box, self.totals_box, self.missing_box):
            self.splitter.addWidget(box)
        for part, stretch in enumerate((1, 3, 1, 1)):
            self.splitter.setStretchFactor(part, stretch)
        self.splitter.setSizes([150, 380, 100, 120])
        self._keep_accounts_visible()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)
        self.retranslate_ui()

    def _keep_accounts_visible(self) -> None:
        """Floors for the splitter's parts: a few account rows, one row of the others, so
        that the accounts stay readable when the window is short (or the fetch panel opens
        under it) and the others give way first."""
        self.accounts.setMinimumHeight(_height_of_rows(self.accounts, ACCOUNT_ROWS_KEPT))
        for table in (self.banks, self.totals):
            table.setMinimumHeight(_height_of_rows(table, 1))
        rows = self.accounts.verticalHeader().defaultSectionSize()
        self.missing.setMinimumHeight(rows + 2 * self.accounts.frameWidth())

    @property
    def overview(self) -> CaseOverview | None:
        return self._overview

    def show_overview(self, overview: CaseOverview | None, *, loading: bool = False) -> None:
        """Show a case's overview; None shows none, saying it is being read when `loading`
        (a case is chosen and its overview is on its way) and asking for a case otherwise."""
        self._overview = overview
        self._loading = loading and overview is None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.banks_box.setTitle(self.tr("Banks"))
        self.accounts_box.setTitle(self.tr("Accounts"))
        self.totals_box.setTitle(self.tr("Assets and debts"))
        self.missing_box.setTitle(self.tr("Still missing"))
        overview = self._overview
        if overview is None:
            self.heading.setText(
                self.tr("Reading the case…")
                if self._loading
                else self.tr("Choose a case, or create one with New case (Ctrl+N).")
            )
            for table in (self.banks, self.accounts, self.totals):
                table.clear()
                table.setRowCount(0)
                table.setColumnCount(0)
            self.missing.clear()
            self.footnote.clear()
            return
        self.heading.setText(self._heading(overview))
        self._show_banks(overview.banks)
        self._show_accounts(overview)
        self._show_totals(overview)
        self._show_missing(overview)

    def _key_date_text(self, overview: CaseOverview) -> str:
        service = Service(overview.service)
        if service is Service.GUARDIANSHIP:
            return f"{QCoreApplication.translate('fields', FIELD_YEAR)} {overview.key_date.year}"
        field = FIELD_RULING_DATE if service is Service.BANKRUPTCY else FIELD_DEATH_DATE
        return f"{QCoreApplication.translate('fields', field)} {format_date(overview.key_date)}"

    def _heading(self, overview: CaseOverview) -> str:
        parts = [
            f"<b>{html.escape(overview.reference)}</b>",
            service_label(overview.service),
            self._key_date_text(overview),
        ]
        if overview.period_start and overview.period_end:
            parts.append(
                self.tr("period %1–%2")
                .replace("%1", format_date(overview.period_start))
                .replace("%2", format_date(overview.period_end))
            )
        else:
            parts.append(self.tr("not fetched yet"))
        counts = self.tr("%1 banks, %2 accounts, %3 transactions")
        parts.append(
            counts.replace("%1", str(len(overview.banks)))
            .replace("%2", str(overview.accounts))
            .replace("%3", f"{overview.transactions:,}".replace(",", "\u00a0"))
        )
        if overview.environment != "production":
            # Data that did not come from production is marked where the eye lands first.
            parts.insert(
                1,
                f'<span style="color:#b00020"><b>{html.escape(ENVIRONMENT(overview.environment))}'
                "</b></span>",
            )
        return " · ".join(parts)

    def _show_banks(self, banks: tuple[BankOverview, ...]) -> None:
        rows = []
        for bank in banks:
            status = _item(BANK_STATUS(bank.status))
            if bank.status in PROBLEM_STATUSES:
                status.setForeground(WARNING)
            rows.append(
                [
                    _item(bank.name),
                    _item(party_id(bank.org_number)),
                    status,
                    _item(message_label(bank.message), tooltip=message_label(bank.message)),
                ]
            )
        headers = [self.tr("Bank"), self.tr("Org. no."), self.tr("Status"), self.tr("Message")]
        _fill(self.banks, headers, rows)

    def _balance_item(self, account: AccountOverview) -> QTableWidgetItem:
        if account.balance_key is None:
            return _item("–", right=True, tooltip=self.tr("No balance is known for this account"))
        text = format_minor(account.balance_key)
        if not account.balance_key_derived:
            return _item(text, right=True, tooltip=self.tr("Given by the bank"))
        tooltip = self.tr("Computed from the balance at %1 and the booked transactions since")
        return _item(
            f"{text} *",
            right=True,
            tooltip=tooltip.replace("%1", format_date(account.balance_end_on)),
        )

    def _show_accounts(self, overview: CaseOverview) -> None:
        rows = []
        for bank in overview.banks:
            for account in bank.accounts:
                owner = f"{format_date(account.owner_start)}–{format_date(account.owner_end)}"
                fetch = _item(
                    FETCH_STATUS(account.fetch_status), tooltip=message_label(account.message)
                )
                if account.fetch_status != "complete":
                    fetch.setForeground(WARNING)
                end = "–" if account.balance_end is None else format_minor(account.balance_end)
                rows.append(
                    [
                        _item(bank.name),
                        _item(account_number(account.account_number), tooltip=account.name),
                        _item(ACCOUNT_TYPE(account.type or "unknown")),
                        _item(account.currency or ""),
                        _item(ACCOUNT_STATUS(account.status or "unknown")),
                        fetch,
                        _item(owner if account.owner_start or account.owner_end else ""),
                        _item(str(account.transactions), right=True),
                        self._balance_item(account),
                        _item(end, right=True, tooltip=format_date(account.balance_end_on)),
                    ]
                )
        end_date = overview.period_end
        headers = [
            self.tr("Bank"),
            self.tr("Account"),
            self.tr("Type"),
            self.tr("Currency"),
            self.tr("Status"),
            self.tr("Fetched"),
            self.tr("Owner period"),
            self.tr("Transactions"),
            self.tr("Balance %1").replace("%1", format_date(overview.balance_date)),
            self.tr("Balance %1").replace("%1", format_date(end_date)) if end_date
            else self.tr("Balance at end"),
        ]  # fmt: skip
        _fill(self.accounts, headers, rows)
        self.footnote.setText(
            self.tr(
                "* computed: the booked balance at the end of the period minus the booked "
                "transactions after %1. Closed accounts count as zero from their end date."
            ).replace("%1", format_date(overview.balance_date))
        )

    def _show_totals(self, overview: CaseOverview) -> None:
        rows = []
        for totals in overview.totals:
            rows.append(
                [
                    _item(totals.currency),
                    _item(format_minor(totals.assets_key), right=True),
                    _item(format_minor(totals.debts_key), right=True),
                    _item(format_minor(totals.assets_key + totals.debts_key), right=True),
                    _item(format_minor(totals.assets_end), right=True),
                    _item(format_minor(totals.debts_end), right=True),
                    _item(format_minor(totals.assets_end + totals.debts_end), right=True),
                ]
            )
        key = format_date(overview.balance_date)
        end = format_date(overview.period_end) if overview.period_end else self.tr("end")
        headers = [
            self.tr("Currency"),
            self.tr("Assets %1").replace("%1", key),
            self.tr("Debts %1").replace("%1", key),
            self.tr("Net %1").replace("%1", key),
            self.tr("Assets %1").replace("%1", end),
            self.tr("Debts %1").replace("%1", end),
            self.tr("Net %1").replace("%1", end),
        ]
        _fill(self.totals, headers, rows)
        # every currency's row stays in view however short the window: the key figures
        self.totals.setMinimumHeight(_height_of_rows(self.totals, max(len(rows), 1)))

    def _show_missing(self, overview: CaseOverview) -> None:
        self.missing.clear()
        for missing in overview.missing:
            status = (
                BANK_STATUS(missing.status) if missing.kind == "bank"
                else FETCH_STATUS(missing.status)
            )  # fmt: skip
            name = missing.name
            if missing.account_number is not None:
                name += f" {account_number(missing.account_number)}"
            line = f"{name}: {status}"
            if missing.message:
                line += f" — {message_label(missing.message)}"
            self.missing.addItem(line)
        if not overview.banks:  # no bank has answered or been imported: nothing to miss yet
            self.missing.addItem(
                self.tr("Nothing has been fetched yet: fetch from the banks or import their files.")
            )
        elif not overview.missing:
            self.missing.addItem(self.tr("Nothing: every bank and account answered in full."))
