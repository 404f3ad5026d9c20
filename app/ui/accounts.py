"""The account tree: all accounts, each bank, and each bank's accounts with type, currency,
status and balance. Choosing an item narrows the transaction table to it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from app.store.browse import CaseOverview
from app.ui.formatting import account_number, format_minor
from app.ui.labels import ACCOUNT_STATUS, ACCOUNT_TYPE, BANK_STATUS

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1
"""("all", ()), ("bank", account ids) or ("account", (account id,))."""


class AccountTree(QTreeWidget):
    scope_changed = Signal(str, tuple)
    """The kind of item chosen ("all", "bank", "account") and the account ids it covers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._overview: CaseOverview | None = None
        self.setColumnCount(5)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.currentItemChanged.connect(self._current_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHeaderLabels(
            [self.tr("Account"), self.tr("Type"), self.tr("Currency"), self.tr("Status"),
             self.tr("Balance")]
        )  # fmt: skip
        self._fill(keep=self.current_scope())

    def set_case(self, overview: CaseOverview | None) -> None:
        self._overview = overview
        self._fill(keep=None)

    def current_scope(self) -> tuple[str, tuple[int, ...]]:
        item = self.currentItem()
        if item is None:
            return ("all", ())
        return item.data(0, SCOPE_ROLE)

    def select_account(self, account_id: int) -> None:
        for item in self._items():
            if item.data(0, SCOPE_ROLE) == ("account", (account_id,)):
                self.setCurrentItem(item)
                return

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for top in range(self.topLevelItemCount()):
            item = self.topLevelItem(top)
            if item is not None:
                found.append(item)
                found.extend(item.child(n) for n in range(item.childCount()))  # type: ignore[misc]
        return found

    def _fill(self, keep: tuple[str, tuple[int, ...]] | None) -> None:
        self.blockSignals(True)
        self.clear()
        everything = QTreeWidgetItem(self, [self.tr("All accounts")])
        everything.setData(0, SCOPE_ROLE, ("all", ()))
        overview = self._overview
        if overview is not None:
            for bank in overview.banks:
                ids = tuple(account.id for account in bank.accounts)
                status = BANK_STATUS(bank.status)
                bank_item = QTreeWidgetItem(self, [bank.name, "", "", status])
                bank_item.setData(0, SCOPE_ROLE, ("bank", ids))
                # the columns are narrow: a name or status cut short is read whole on hover
                bank_item.setToolTip(0, bank.name)
                bank_item.setToolTip(3, bank.message or status)
                for account in bank.accounts:
                    balance = account.balance_end
                    item = QTreeWidgetItem(
                        bank_item,
                        [
                            account_number(account.account_number),
                            ACCOUNT_TYPE(account.type or "unknown"),
                            account.currency or "",
                            ACCOUNT_STATUS(account.status or "unknown"),
                            format_minor(balance) if balance is not None else "–",
                        ],
                    )
                    item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight)
                    item.setData(0, SCOPE_ROLE, ("account", (account.id,)))
                    item.setToolTip(0, account.name or "")
                    item.setToolTip(1, item.text(1))
                bank_item.setExpanded(True)
        for column, width in enumerate((160, 100, 45, 80, 95)):
            self.setColumnWidth(column, width)
        # a balance is never cut short: its column is as wide as the widest one
        self.resizeColumnToContents(4)
        self.setColumnWidth(4, max(self.columnWidth(4), 95))
        self.blockSignals(False)
        target = next(
            (item for item in self._items() if keep and item.data(0, SCOPE_ROLE) == keep),
            everything,
        )
        self.setCurrentItem(target)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        kind, ids = current.data(0, SCOPE_ROLE) if current else ("all", ())
        self.scope_changed.emit(kind, ids)
