"""The transaction table: a lazy model over the store, and the filter bar above it.

The model holds only the ordered ids of the rows that pass the filter (eight bytes each, from
one SQL query) and a small cache of row blocks read on demand as the view scrolls. Sorting and
filtering re-run the id query in SQL; nothing is sorted or filtered in Python or by a proxy.
"""

from __future__ import annotations

import logging
import time
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import QT_TRANSLATE_NOOP
from app.store.browse import (
    CaseStretches,
    Direction,
    SortKey,
    TransactionFilter,
    TransactionRow,
    count_listed,
    read_from_index,
    transaction_ids,
    transaction_ids_at,
    transaction_rows,
)
from app.store.db import Database
from app.ui import icons
from app.ui.formatting import (
    DATE_FORMAT,
    account_number,
    format_date,
    format_minor,
    parse_amount,
)
from app.ui.labels import TRANSACTION_STATUS

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex
TRANSACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    key: SortKey
    title: str
    """English source text, translated in the context "TransactionTableModel"."""
    width: int


COLUMNS = (
    Column(SortKey.FLAG, QT_TRANSLATE_NOOP("TransactionTableModel", "Flag"), 34),
    Column(SortKey.NOTES, QT_TRANSLATE_NOOP("TransactionTableModel", "Note"), 34),
    Column(SortKey.DATE, QT_TRANSLATE_NOOP("TransactionTableModel", "Date"), 90),
    Column(SortKey.ACCOUNT, QT_TRANSLATE_NOOP("TransactionTableModel", "Account"), 110),
    Column(SortKey.AMOUNT, QT_TRANSLATE_NOOP("TransactionTableModel", "Amount"), 110),
    Column(SortKey.CURRENCY, QT_TRANSLATE_NOOP("TransactionTableModel", "Currency"), 60),
    Column(SortKey.COUNTERPARTY, QT_TRANSLATE_NOOP("TransactionTableModel", "Counterparty"), 180),
    Column(SortKey.TEXT, QT_TRANSLATE_NOOP("TransactionTableModel", "Text"), 220),
    Column(SortKey.REFERENCE, QT_TRANSLATE_NOOP("TransactionTableModel", "Reference"), 120),
    Column(SortKey.STATUS, QT_TRANSLATE_NOOP("TransactionTableModel", "Status"), 90),
)
COLUMN_OF = {column.key: number for number, column in enumerate(COLUMNS)}
NEGATIVE = QColor("#a31515")


def _display(row: TransactionRow, key: SortKey) -> str:
    if key is SortKey.DATE:
        return format_date(row.booking_date)
    if key is SortKey.ACCOUNT:
        return account_number(row.account_number)
    if key is SortKey.AMOUNT:
        return format_minor(row.amount_minor)
    if key is SortKey.CURRENCY:
        return row.currency or ""
    if key is SortKey.COUNTERPARTY:
        return row.counterparty or ""
    if key is SortKey.TEXT:
        return row.text or ""
    if key is SortKey.REFERENCE:
        return row.reference or ""
    if key is SortKey.STATUS:
        return TRANSACTION_STATUS(row.status)
    return ""


class IndexedListing:
    """The ordered ids of an unfiltered listing, read a stretch at a time from an index.

    Reading every id of half a million transactions in order takes longer than a user should
    wait for a sort; with an indexed sort and no filter, a count and the stretch on screen are
    enough, and the rest is read as the user scrolls to it.
    """

    STRETCH = 2000
    CACHED = 50

    def __init__(self, db: Database, case_id: int, sort: SortKey, descending: bool) -> None:
        self._db = db
        self._case_id = case_id
        self._sort = sort
        self._descending = descending
        with db.session() as session:
            self._length = count_listed(session, case_id)
        self._stretches: OrderedDict[int, array[int]] = OrderedDict()

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, slice):
            start, stop, _step = key.indices(self._length)
            found: array[int] = array("q")
            while start < stop:
                number, offset = divmod(start, self.STRETCH)
                part = self._stretch(number)[offset : offset + stop - start]
                if not part:
                    break  # the case has fewer rows than when it was counted
                found.extend(part)
                start += len(part)
            return found
        position = key + self._length if key < 0 else key
        if not 0 <= position < self._length:
            raise IndexError(key)
        number, offset = divmod(position, self.STRETCH)
        return self._stretch(number)[offset]

    def index(self, transaction_id: int) -> int:
        """Where a transaction stands; reads the whole listing, so it is for rare use."""
        with self._db.session() as session:
            every = transaction_ids(
                session, self._case_id, sort=self._sort, descending=self._descending
            )
        return every.index(transaction_id)

    def _stretch(self, number: int) -> array[int]:
        stretch = self._stretches.get(number)
        if stretch is not None:
            self._stretches.move_to_end(number)
            return stretch
        with self._db.session() as session:
            stretch = transaction_ids_at(
                session,
                self._case_id,
                sort=self._sort,
                descending=self._descending,
                offset=number * self.STRETCH,
                limit=self.STRETCH,
            )
        self._stretches[number] = stretch
        while len(self._stretches) > self.CACHED:
            self._stretches.popitem(last=False)
        return stretch


class TransactionTableModel(QAbstractTableModel):
    """Rows of one case's transactions, read from the store a block at a time."""

    BLOCK_SIZE = 200
    CACHED_BLOCKS = 40
    """At most this many blocks stay in memory; the least recently used go first."""

    reloaded = Signal(float)
    """The id list was read again (after a case, filter or sort change); seconds it took."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id: int | None = None
        self._filter = TransactionFilter()
        self._sort = SortKey.DATE
        self._descending = False
        self._ids: array[int] | IndexedListing = array("q")
        self._blocks: OrderedDict[int, dict[int, TransactionRow]] = OrderedDict()
        self._stretches = CaseStretches()

    # Qt's interface -----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.key in (SortKey.FLAG, SortKey.NOTES):
                return ""
            return self.tr(column.title)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr(column.title)
        if role == Qt.ItemDataRole.DecorationRole:
            if column.key is SortKey.FLAG:
                return icons.flag_icon()
            if column.key is SortKey.NOTES:
                return icons.note_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key is SortKey.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.transaction_at(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, key)
        if role == Qt.ItemDataRole.DecorationRole:
            if key is SortKey.FLAG and row.flagged:
                return icons.flag_icon()
            if key is SortKey.NOTES and row.has_notes:
                return icons.note_icon()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key is SortKey.AMOUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key is SortKey.AMOUNT:
            return NEGATIVE if row.amount_minor < 0 else None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._tooltip(row, key)
        if role == TRANSACTION_ID_ROLE:
            return row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        self.reload()

    # Beyond Qt's interface ---------------------------------------------------------------

    @property
    def case_id(self) -> int | None:
        return self._case_id

    @property
    def current_filter(self) -> TransactionFilter:
        return self._filter

    @property
    def sort_key(self) -> SortKey:
        return self._sort

    @property
    def stretches(self) -> CaseStretches:
        """Where the cases' rows lie in the store, kept for the filters; a worker may find a
        case's ahead of the first filter."""
        return self._stretches

    def set_case(self, case_id: int | None, wanted: TransactionFilter | None = None) -> None:
        self._case_id = case_id
        self._filter = wanted or TransactionFilter()
        self.reload()

    def set_filter(self, wanted: TransactionFilter) -> None:
        if wanted == self._filter:
            return
        self._filter = wanted
        self.reload()

    def reload(self) -> None:
        """Read the ordered ids again and forget the cached rows."""
        started = time.perf_counter()
        self.beginResetModel()
        self._blocks.clear()
        if self._case_id is None:
            self._ids = array("q")
        elif read_from_index(self._filter, self._sort):
            self._ids = IndexedListing(self._db, self._case_id, self._sort, self._descending)
        else:
            with self._db.session() as session:
                self._ids = transaction_ids(
                    session,
                    self._case_id,
                    self._filter,
                    sort=self._sort,
                    descending=self._descending,
                    stretches=self._stretches,
                )
        self.endResetModel()
        elapsed = time.perf_counter() - started
        log.info(
            "case %s: %d transactions listed in %.3f s", self._case_id, len(self._ids), elapsed
        )
        self.reloaded.emit(elapsed)

    def refresh_rows(self) -> None:
        """Read the shown rows again (flags or notes changed); the order stays."""
        self._blocks.clear()
        if self._ids:
            last = self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            column = COLUMN_OF[SortKey.STATUS]
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def transaction_id(self, row: int) -> int | None:
        try:
            return self._ids[row] if 0 <= row < len(self._ids) else None
        except IndexError:  # the case lost rows since the listing was counted
            return None

    def row_of(self, transaction_id: int) -> int | None:
        try:
            return self._ids.index(transaction_id)
        except ValueError:
            return None

    def transaction_at(self, row: int) -> TransactionRow | None:
        if not 0 <= row < len(self._ids):
            return None
        number = row // self.BLOCK_SIZE
        block = self._blocks.get(number)
        if block is None:
            block = self._load_block(number)
        else:
            self._blocks.move_to_end(number)
        transaction_id = self.transaction_id(row)
        return block.get(transaction_id) if transaction_id is not None else None

    def cached_rows(self) -> int:
        return sum(len(block) for block in self._blocks.values())

    def _load_block(self, number: int) -> dict[int, TransactionRow]:
        ids = self._ids[number * self.BLOCK_SIZE : (number + 1) * self.BLOCK_SIZE]
        with self._db.session() as session:
            block = {row.id: row for row in transaction_rows(session, ids.tolist())}
        self._blocks[number] = block
        while len(self._blocks) > self.CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return block

    def _tooltip(self, row: TransactionRow, key: SortKey) -> str | None:
        if key is SortKey.FLAG:
            return self.tr("Flagged") if row.flagged else None
        if key is SortKey.NOTES:
            return self.tr("Has notes") if row.has_notes else None
        return _display(row, key) or None


class TransactionTable(QTableView):
    """A table view set up for a large lazy model: fixed row heights, no size-to-contents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.hide()
        columns = self.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setStretchLastSection(False)
        columns.setHighlightSections(False)
        columns.setSectionsMovable(True)
        columns.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        columns.customContextMenuRequested.connect(self._column_menu)

    def apply_default_widths(self) -> None:
        for number, column in enumerate(COLUMNS):
            self.setColumnWidth(number, column.width)

    def _column_menu(self, position: Any) -> None:
        """Let the user choose the columns shown; the choice is saved with the header state."""
        model = self.model()
        header = self.horizontalHeader()
        menu = QMenu(self)
        for number in range(model.columnCount()):
            title = model.headerData(number, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(number))
            action.toggled.connect(lambda shown, n=number: header.setSectionHidden(n, not shown))
        menu.exec(header.mapToGlobal(position))


NO_DATE = QDate(1900, 1, 1)
"""The minimum of the date fields; shown as a dash and meaning "no limit"."""


def _date_field(parent: QWidget) -> QDateEdit:
    field = QDateEdit(parent)
    field.setDisplayFormat(DATE_FORMAT)
    field.setCalendarPopup(True)
    field.setMinimumDate(NO_DATE)
    field.setSpecialValueText("–")
    field.setDate(NO_DATE)
    return field


def _day(field: QDateEdit) -> date | None:
    value = field.date()
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


class FilterBar(QWidget):
    """Text, amount, date, direction, status and flagged filters for the transaction table.

    Emits `changed` a moment after the user stops typing, so the SQL runs once per pause.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._statuses: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.changed)

        self.text = QLineEdit(self)
        self.text.setClearButtonEnabled(True)
        self.text_label = QLabel(self)
        self.text_label.setBuddy(self.text)
        self.amount_min = QLineEdit(self)
        self.amount_max = QLineEdit(self)
        self.amount_label = QLabel(self)
        self.amount_label.setBuddy(self.amount_min)
        self.amount_dash = QLabel("–", self)
        for field in (self.amount_min, self.amount_max):
            field.setFixedWidth(110)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.date_from = _date_field(self)
        self.date_to = _date_field(self)
        self.date_label = QLabel(self)
        self.date_label.setBuddy(self.date_from)
        self.date_dash = QLabel("–", self)
        self.direction = QComboBox(self)
        self.status = QComboBox(self)
        self.flagged = QCheckBox(self)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear)

        first, second = QHBoxLayout(), QHBoxLayout()
        for widget in (self.text_label, self.text, self.direction, self.status, self.flagged,
                       self.clear_button):  # fmt: skip
            first.addWidget(widget)
        first.setStretchFactor(self.text, 1)
        for item in (self.amount_label, self.amount_min, self.amount_dash, self.amount_max,
                     self.date_label, self.date_from, self.date_dash, self.date_to):  # fmt: skip
            second.addWidget(item)
        second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addLayout(second)

        for field in (self.text, self.amount_min, self.amount_max):
            field.textChanged.connect(self._later)
        for date_field in (self.date_from, self.date_to):
            date_field.dateChanged.connect(self._later)
        self.direction.currentIndexChanged.connect(self._later)
        self.status.currentIndexChanged.connect(self._later)
        self.flagged.toggled.connect(self._later)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.text_label.setText(self.tr("&Search:"))
        self.text.setPlaceholderText(self.tr("Counterparty, text, reference or merchant"))
        self.amount_label.setText(self.tr("A&mount:"))
        self.amount_min.setPlaceholderText(self.tr("from"))
        self.amount_max.setPlaceholderText(self.tr("to"))
        self.amount_min.setToolTip(self.tr("Smallest amount, in or out (e.g. 1 000,00)"))
        self.amount_max.setToolTip(self.tr("Largest amount, in or out"))
        self.date_label.setText(self.tr("&Booked:"))
        self.date_from.setToolTip(self.tr("First booking date"))
        self.date_to.setToolTip(self.tr("Last booking date"))
        self._fill_combo(
            self.direction,
            [(None, self.tr("In and out")), (Direction.IN, self.tr("Money in")),
             (Direction.OUT, self.tr("Money out"))],
        )  # fmt: skip
        self._fill_combo(
            self.status,
            [(None, self.tr("All statuses"))]
            + [(status, TRANSACTION_STATUS(status)) for status in self._statuses],
        )
        self.flagged.setText(self.tr("&Flagged only"))
        self.clear_button.setText(self.tr("C&lear filters"))

    def set_statuses(self, statuses: list[str]) -> None:
        self._statuses = statuses
        self._fill_combo(
            self.status,
            [(None, self.tr("All statuses"))]
            + [(status, TRANSACTION_STATUS(status)) for status in statuses],
        )

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[Any, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        found = combo.findData(current)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _later(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Emit a pending change now (tests, and Enter in the search field)."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    def clear(self) -> None:
        for widget in (self.text, self.amount_min, self.amount_max, self.date_from,
                       self.date_to, self.direction, self.status, self.flagged):  # fmt: skip
            widget.blockSignals(True)
        self.text.clear()
        self.amount_min.clear()
        self.amount_max.clear()
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        self.direction.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.flagged.setChecked(False)
        for widget in (self.text, self.amount_min, self.amount_max, self.date_from,
                       self.date_to, self.direction, self.status, self.flagged):  # fmt: skip
            widget.blockSignals(False)
        self._timer.stop()
        self.changed.emit()

    def value(self, account_ids: tuple[int, ...] = ()) -> TransactionFilter:
        """The filter as typed; an amount that cannot be read is marked and ignored."""
        return TransactionFilter(
            account_ids=account_ids,
            text=self.text.text(),
            amount_min=self._amount(self.amount_min),
            amount_max=self._amount(self.amount_max),
            date_from=_day(self.date_from),
            date_to=_day(self.date_to),
            # a combo box gives its data back as plain text, not as the enum put in
            direction=_direction(self.direction.currentData()),
            status=self.status.currentData(),
            flagged_only=self.flagged.isChecked(),
        )

    def _amount(self, field: QLineEdit) -> int | None:
        try:
            value = parse_amount(field.text())
        except ValueError:
            field.setStyleSheet("background: #ffe0e0")
            return None
        field.setStyleSheet("")
        return abs(value) if value is not None else None


def _direction(data: object) -> Direction | None:
    return Direction(data) if data else None
