"""The progress of a fetch: one row per bank with its step, accounts, transactions and status,
and a button that cancels the fetch."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import QT_TRANSLATE_NOOP
from app.harvest.events import BankProgress, BanksFound, HarvestEvent, HarvestFinished
from app.ui.formatting import format_count
from app.ui.labels import BANK_STATUS, FETCH_STEP

ModelIndex = QModelIndex | QPersistentModelIndex

HEADERS = (
    QT_TRANSLATE_NOOP("FetchProgressModel", "Bank"),
    QT_TRANSLATE_NOOP("FetchProgressModel", "Step"),
    QT_TRANSLATE_NOOP("FetchProgressModel", "Accounts"),
    QT_TRANSLATE_NOOP("FetchProgressModel", "Transactions"),
    QT_TRANSLATE_NOOP("FetchProgressModel", "Status"),
)

VISIBLE_BANKS = 5
"""Bank rows the panel shows before it scrolls."""


@dataclass(frozen=True)
class BankLine:
    org_number: str
    name: str
    step: str = ""
    status: str = "pending"
    accounts_total: int = 0
    accounts_done: int = 0
    transactions: int = 0
    message: str | None = None


class FetchProgressModel(QAbstractTableModel):
    """Bank lines updated from harvest events, on the GUI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[BankLine] = []

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            accounts = f"{line.accounts_done}/{line.accounts_total}" if line.accounts_total else ""
            return (
                line.name,
                FETCH_STEP(line.step) if line.step else "",
                accounts,
                format_count(line.transactions) if line.transactions else "",
                BANK_STATUS(line.status),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.message
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def clear(self) -> None:
        self.beginResetModel()
        self._lines = []
        self.endResetModel()

    def line(self, org_number: str) -> BankLine | None:
        return next((line for line in self._lines if line.org_number == org_number), None)

    def apply(self, event: HarvestEvent) -> None:
        if isinstance(event, BanksFound):
            self.beginResetModel()
            self._lines = [BankLine(org, name, status=status) for org, name, status in event.banks]
            self.endResetModel()
        elif isinstance(event, BankProgress):
            self._update(event)

    def _update(self, event: BankProgress) -> None:
        for number, line in enumerate(self._lines):
            if line.org_number == event.org_number:
                self._lines[number] = replace(
                    line,
                    step=event.step,
                    status=event.status,
                    accounts_total=event.accounts_total,
                    accounts_done=max(event.accounts_done, line.accounts_done),
                    transactions=event.transactions,
                    message=event.message,
                )
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(HEADERS) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self._lines), len(self._lines))
        self._lines.append(BankLine(event.org_number, event.name, event.step, event.status))
        self.endInsertRows()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, 4))


class FetchPanel(QWidget):
    """The per-bank progress table, a summary line and the cancel button."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FetchProgressModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a row per bank
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_requested)

        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self._finished: HarvestFinished | None = None
        self._running = False
        self.case_id: int | None = None
        """The case whose fetch the panel shows; None when it shows none."""
        self._bound_height()
        self.retranslate_ui()

    def _bound_height(self) -> None:
        """Room for a few banks and the summary, scrolling beyond that: the panel sits under
        the case's tables and must not take their place."""
        rows = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumHeight(header + 2 * rows + frame)
        self.table.setMaximumHeight(header + VISIBLE_BANKS * rows + frame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Ca&ncel fetch"))
        self.model.retranslate()
        self._show_summary()

    def started(self, case_id: int | None = None) -> None:
        self.model.clear()
        self.case_id = case_id
        self._finished = None
        self._running = True
        self.cancel_button.setEnabled(True)
        self._show_summary()

    def clear(self) -> None:
        """Forget the last fetch: another case is shown now."""
        self.model.clear()
        self.case_id = None
        self._finished = None
        self._running = False
        self.cancel_button.setEnabled(False)
        self._show_summary()

    def apply(self, event: HarvestEvent) -> None:
        self.model.apply(event)
        if isinstance(event, HarvestFinished):
            self._finished = event
            self._running = False
            self.cancel_button.setEnabled(False)
        self._show_summary()

    def stopped(self, message: str) -> None:
        """The fetch could not run at all."""
        self._running = False
        self.cancel_button.setEnabled(False)
        self.summary.setText(self.tr("The fetch could not start: %1").replace("%1", message))

    def _show_summary(self) -> None:
        if self._finished is not None:
            summary = self._finished.summary
            if summary.error:
                text = self.tr("The fetch stopped: %1").replace("%1", summary.error)
            elif summary.cancelled:
                text = self.tr("The fetch was cancelled; what was received is kept.")
            else:
                text = (
                    self.tr("Done in %1 s: %2 banks, %3 accounts, %4 new transactions.")
                    .replace("%1", QLocale().toString(summary.elapsed_seconds, "f", 1))
                    .replace("%2", format_count(summary.banks))
                    .replace("%3", format_count(summary.accounts))
                    .replace("%4", format_count(summary.transactions_new))
                )
            self.summary.setText(text)
        elif self._running:
            self.summary.setText(self.tr("Fetching…"))
        else:
            self.summary.setText(self.tr("No fetch has run in this window yet."))
