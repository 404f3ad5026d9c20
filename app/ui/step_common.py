"""What the pages of the Steps tab share: the context they work in, the page base class, and
small helpers for tables, notes and error lines.

A page shows one step of a case's workflow. It gets the data of the whole case kind (a
`BankruptcyWork` or an `EstateWork` from `app.review.steps`) through `show_work`, writes what
the user records through `app.store.workflow` on the GUI thread (short writes), and emits
`changed` with how much must be read again: `STEPS` when it has already updated the data it
holds and only the done/left markers need a new look, `RELOAD` when the case's data must be
read again (new key dates, a new close party, a heir, a decision).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import Clock, to_oslo
from app.domain.text import fill
from app.review.steps import StepState
from app.store.db import Database

STEPS = "steps"
RELOAD = "reload"
CASE = "case"
"""`changed` values: markers only; read the case again; the case's own facts changed too."""

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WARNING = QColor("#8a4b00")
WARNING_STYLE = "color: #8a4b00;"
ERROR_STYLE = "color: #b00020;"
DONE_MARK = "\u2714"
LEFT_MARK = "\u25cb"
DISCLAIMER_STYLE = (
    "QLabel { border: 1px solid #9aa5b5; background: #f4f6f9; padding: 6px; color: #1b2a41; }"
)


@dataclass
class StepContext:
    """What every page works with: the store, the user recording, and the clock."""

    db: Database
    user: str
    clock: Clock


def state_text(state: StepState) -> str:
    """A step's status line in the interface's language."""
    return fill(QCoreApplication.translate("steps", state.status), *state.args)


def moment(value: Any) -> str:
    """An aware instant as Norwegian local time, `dd.mm.yyyy HH:MM`."""
    return to_oslo(value).strftime("%d.%m.%Y %H:%M") if value is not None else ""


def make_table(parent: QWidget, *, stretch_last: bool = True) -> QTableWidget:
    """A read-only table of a few dozen rows: whole-row selection, compact rows."""
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(stretch_last)
    return table


def cell(text: str, *, right: bool = False, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(RIGHT)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[QTableWidgetItem]]) -> None:
    """Replace a small table's content; columns fit their content when there are few rows."""
    table.setSortingEnabled(False)
    table.clearContents()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for number, row in enumerate(rows):
        for column, item in enumerate(row):
            table.setItem(number, column, item)
    if len(rows) <= 200:  # resize-to-contents scans every row: only for small tables
        table.resizeColumnsToContents()


def note_label(parent: QWidget, style: str | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def error_label(parent: QWidget) -> QLabel:
    label = note_label(parent, ERROR_STYLE)
    label.hide()
    return label


def show_error(label: QLabel, text: str | None) -> None:
    """Show `text` in an error line, or hide the line when there is nothing to say."""
    if text:
        label.setText(text)
        label.show()
    else:
        label.clear()
        label.hide()


def heading(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


def scrolled(content: QWidget, parent: QWidget) -> QScrollArea:
    """`content` in a scroll area that follows its width, for pages taller than the window."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class StepPage(QWidget):
    """One step's page. Subclasses build their widgets, then call `retranslate_ui`."""

    changed = Signal(str)
    """STEPS, RELOAD or CASE: what the Steps tab must refresh after something was recorded."""

    def __init__(self, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None
        self.title = heading(self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.title)

    def show_work(self, work: Any) -> None:
        """Lay out the case's data; keep what the user is doing (a chosen row, a field)."""
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        """Set every text again in the interface's language (the Steps tab calls it)."""
        raise NotImplementedError
