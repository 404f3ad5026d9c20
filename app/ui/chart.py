"""The balance of one account over the case period, day by day, as a line chart.

The daily balances are derived in the Qt-free core (`app.store.browse.account_daily_balances`)
from the booked balance at the end of the period and the booked transactions.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.clock import OSLO
from app.store.browse import CaseOverview, account_daily_balances
from app.store.db import Database
from app.ui.formatting import account_number, format_minor
from app.ui.labels import ACCOUNT_TYPE


def _msecs(day: date) -> float:
    return float(datetime.combine(day, time(12), OSLO).timestamp() * 1000)


class BalanceChart(QWidget):
    """An account chooser above a line chart of the chosen account's daily balance."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._overview: CaseOverview | None = None
        self._series: list[tuple[date, int]] = []
        self.account_label = QLabel(self)
        self.accounts = QComboBox(self)
        self.account_label.setBuddy(self.accounts)
        self.accounts.currentIndexChanged.connect(self._account_chosen)
        self.chart = self._new_chart()
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.summary = QLabel(self)

        top = QHBoxLayout()
        top.addWidget(self.account_label)
        top.addWidget(self.accounts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self.retranslate_ui()

    @property
    def series(self) -> list[tuple[date, int]]:
        return self._series

    def retranslate_ui(self) -> None:
        self.account_label.setText(self.tr("A&ccount:"))
        self._fill_accounts(keep=self.accounts.currentData())
        self._draw()

    def set_case(self, overview: CaseOverview | None) -> None:
        self._overview = overview
        self._fill_accounts(keep=None)
        self._account_chosen()

    def show_account(self, account_id: int) -> None:
        found = self.accounts.findData(account_id)
        if found >= 0:
            self.accounts.setCurrentIndex(found)

    def _fill_accounts(self, keep: int | None) -> None:
        self.accounts.blockSignals(True)
        self.accounts.clear()
        if self._overview is not None:
            for bank in self._overview.banks:
                for account in bank.accounts:
                    kind = ACCOUNT_TYPE(account.type or "unknown")
                    self.accounts.addItem(
                        f"{bank.name} {account_number(account.account_number)} ({kind})", account.id
                    )
        if keep is not None:
            self.accounts.setCurrentIndex(max(self.accounts.findData(keep), 0))
        self.accounts.blockSignals(False)

    def _account_chosen(self) -> None:
        account_id = self.accounts.currentData()
        self._series = []
        if account_id is not None:
            with self._db.session() as session:
                self._series = account_daily_balances(session, account_id)
        self._draw()

    @staticmethod
    def _new_chart() -> QChart:
        chart = QChart()
        chart.legend().hide()
        chart.setLocalizeNumbers(True)
        return chart

    def _draw(self) -> None:
        # A new chart for each account: axes removed from a chart and added again left their
        # old labels on screen and the line on an old scale, and axes kept and ranged again
        # keep the label width of the first range, cutting longer labels short.
        previous = self.chart
        self.chart = self._new_chart()
        self.view.setChart(self.chart)
        previous.deleteLater()
        if not self._series:
            self.chart.setTitle(self.tr("No balance is known for this account"))
            self.summary.clear()
            return
        self.chart.setTitle(self.tr("Daily balance (booked)"))
        line = QLineSeries()
        # Kroner as floats only to place points on screen; the figures shown are exact.
        for day, minor in self._series:
            line.append(_msecs(day), minor / 100)
        self.chart.addSeries(line)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("dd.MM.yyyy")
        x_axis.setTickCount(7)
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(_msecs(self._series[0][0]))),
            QDateTime.fromMSecsSinceEpoch(int(_msecs(self._series[-1][0]))),
        )
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.0f")
        low = min(minor for _, minor in self._series) / 100
        high = max(minor for _, minor in self._series) / 100
        margin = max((high - low) * 0.05, 1.0)
        y_axis.setRange(low - margin, high + margin)
        y_axis.applyNiceNumbers()
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
        first, last = self._series[0], self._series[-1]
        lowest = min(self._series, key=lambda point: point[1])
        self.summary.setText(
            self.tr("From %1 to %2; lowest %3 on %4.")
            .replace("%1", format_minor(first[1]))
            .replace("%2", format_minor(last[1]))
            .replace("%3", format_minor(lowest[1]))
            .replace("%4", lowest[0].strftime("%d.%m.%Y"))
        )
