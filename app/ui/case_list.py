"""The list of cases at the left of the window: reference, service, key date and counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from app.domain.text import QT_TRANSLATE_NOOP
from app.store.cases import CaseRow, list_cases
from app.store.db import Database
from app.ui.formatting import format_date
from app.ui.labels import service_label

ModelIndex = QModelIndex | QPersistentModelIndex
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

HEADERS = (
    QT_TRANSLATE_NOOP("CaseListModel", "Reference"),
    QT_TRANSLATE_NOOP("CaseListModel", "Service"),
    QT_TRANSLATE_NOOP("CaseListModel", "Key date"),
    QT_TRANSLATE_NOOP("CaseListModel", "Banks"),
    QT_TRANSLATE_NOOP("CaseListModel", "Accounts"),
    QT_TRANSLATE_NOOP("CaseListModel", "Transactions"),
)
_COUNT_COLUMNS = (3, 4, 5)


class CaseListModel(QAbstractTableModel):
    """Every stored case, newest first."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[CaseRow] = []

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

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
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.reference,
                service_label(row.service, short=True),
                format_date(row.key_date),
                str(row.banks),
                str(row.accounts),
                f"{row.transactions:,}".replace(",", "\u00a0"),
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.reference} — {service_label(row.service)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _COUNT_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CASE_ID_ROLE:
            return row.id
        return None

    def reload(self) -> None:
        self.beginResetModel()
        with self._db.session() as session:
            self._rows = list_cases(session)
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, 1))

    def case(self, case_id: int | None) -> CaseRow | None:
        return next((row for row in self._rows if row.id == case_id), None)

    def row_of(self, case_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == case_id:
                return number
        return None
