"""Balance charts drawn with reportlab.graphics: a bar per account at the period's end, and
the daily booked balance of a bank's busiest account.

The amounts are exact integers of hundredths everywhere else; here they become floats of whole
currency units only to place bars and lines on the page. Every figure a reader can quote is
printed as text elsewhere in the report.
"""

from __future__ import annotations

import math
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from app.domain.money import NBSP
from app.reports.fonts import REGULAR
from app.reports.styles import ACCENT, INK, MUTED, NEGATIVE, POSITIVE, RULE
from app.reports.texts import Catalogue

AXIS_FONT_SIZE = 6.5
BAR_HEIGHT = 11.0
LABEL_WIDTH = 62.0


def _units(minor: int) -> float:
    """Hundredths to whole units, for drawing coordinates only."""
    return minor / 100


def _thousands(value: float) -> str:
    whole = round(value)
    sign = "-" if whole < 0 else ""
    return sign + f"{abs(whole):,}".replace(",", NBSP)


def _range(values: list[float]) -> tuple[float, float, float]:
    """(low, high, step) of a value axis over `values` and zero: the smallest round step (1, 2,
    2.5 or 5 times a power of ten) that needs at most eight of them, the ends on steps, so that
    the highest and lowest values lie under a labelled line rather than above the last one."""
    low, high = min([0.0, *values]), max([0.0, *values])
    if high - low < 0.01:  # less than an øre between them: one unit of axis
        high = low + 1.0
    power = 10 ** math.floor(math.log10((high - low) / 8))
    for step in (power * factor for factor in (1, 2, 2.5, 5, 10, 20)):
        bottom, top = math.floor(low / step) * step, math.ceil(high / step) * step
        if (top - bottom) / step <= 8:
            return bottom, top, step
    raise AssertionError("a step of twenty powers of ten covers any range in eight")


def balance_bars(items: list[tuple[str, int]], *, width: float) -> Drawing:
    """One horizontal bar per account (label, balance in hundredths); debts to the left."""
    values = [_units(minor) for _, minor in items]
    height = BAR_HEIGHT * len(items) + 30
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = LABEL_WIDTH + 4, 18
    chart.width, chart.height = width - LABEL_WIDTH - 16, BAR_HEIGHT * len(items)
    chart.data = [values]
    chart.categoryAxis.categoryNames = [label for label, _ in items]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = AXIS_FONT_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.visibleTicks = 0
    chart.categoryAxis.joinAxisMode = "left"  # labels at the left edge, not at zero
    low, high, step = _range(values)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = low, high
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = AXIS_FONT_SIZE
    chart.valueAxis.labelTextFormat = _thousands
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e7ee")
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars.strokeColor = None
    chart.barWidth = BAR_HEIGHT * 0.6
    for index, value in enumerate(values):
        chart.bars[(0, index)].fillColor = NEGATIVE if value < 0 else POSITIVE
    drawing.add(chart)
    return drawing


def _month_starts(first: date, last: date) -> list[date]:
    months = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        if date(year, month, 1) >= first:
            months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    step = max(1, (len(months) + 7) // 8)
    return months[::step]


def daily_balance(
    series: list[tuple[date, int]],
    *,
    width: float,
    tr: Catalogue,
    marker: tuple[date, str] | None = None,
) -> Drawing:
    """A line of end-of-day balances (day, hundredths); a dashed line marks the key date."""
    first, last = series[0][0], series[-1][0]
    points = [(day.toordinal(), _units(minor)) for day, minor in series]
    height = 130.0
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 52, 20
    plot.width, plot.height = width - 64, height - 34
    plot.data = [points]
    plot.lines[0].strokeColor = ACCENT
    plot.lines[0].strokeWidth = 1.0
    x_low, x_high = first.toordinal(), max(last.toordinal(), first.toordinal() + 1)
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = x_low, x_high
    plot.xValueAxis.valueSteps = [d.toordinal() for d in _month_starts(first, last)]
    plot.xValueAxis.labelTextFormat = lambda value: _month_label(int(value), tr)
    low, high, step = _range([value for _, value in points])
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = low, high
    plot.yValueAxis.valueStep = step
    plot.yValueAxis.labelTextFormat = _thousands
    plot.yValueAxis.visibleGrid = 1
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#e3e7ee")
    plot.yValueAxis.gridStrokeWidth = 0.3
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = REGULAR
        axis.labels.fontSize = AXIS_FONT_SIZE
        axis.strokeColor = RULE
    drawing.add(plot)
    if low < 0 < high:
        zero = plot.y + plot.height * (0 - low) / (high - low)
        drawing.add(
            Line(plot.x, zero, plot.x + plot.width, zero, strokeColor=MUTED, strokeWidth=0.4)
        )
    if marker is not None and first <= marker[0] <= last:
        x = plot.x + plot.width * (marker[0].toordinal() - x_low) / (x_high - x_low)
        drawing.add(
            Line(
                x,
                plot.y,
                x,
                plot.y + plot.height + 9,
                strokeColor=INK,
                strokeWidth=0.6,
                strokeDashArray=[2, 2],
            )
        )
        right_half = x > plot.x + plot.width / 2
        drawing.add(
            String(
                x - 2 if right_half else x + 2,
                plot.y + plot.height + 3,  # above the plot, clear of the line
                marker[1],
                fontName=REGULAR,
                fontSize=AXIS_FONT_SIZE,
                fillColor=INK,
                textAnchor="end" if right_half else "start",
            )
        )
    return drawing


def _month_label(ordinal: int, tr: Catalogue) -> str:
    day = date.fromordinal(ordinal)
    return f"{tr(f'month.{day.month}')} {day:%y}"
