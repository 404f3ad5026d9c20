"""The request log of a case: every request that left the machine on its behalf.

One row per request, retries included: when, to which bank and endpoint, the CorrelationID the
bank can find it by, the legal basis, the HTTP status, the answer and how long it took. The
log holds no national id, name or amount; it can be saved as CSV.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import to_oslo
from app.reports.files import written_csv
from app.store.audit_export import write_audit_csv
from app.store.cases import audit_records
from app.store.db import Database
from app.ui.formatting import party_id


class AuditDialog(QDialog):
    def __init__(self, db: Database, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.case_id = db, case_id
        self.setWindowTitle(self.tr("Request log"))
        self.resize(1100, 520)
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 10, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Bank"),
                self.tr("Endpoint"),
                self.tr("CorrelationID"),
                self.tr("HTTP"),
                self.tr("Answer"),
                self.tr("Code"),
                self.tr("Items"),
                self.tr("Attempt"),
                self.tr("ms"),
            ]
        )
        self.save_button = QPushButton(self.tr("&Save as CSV…"), self)
        self.save_button.clicked.connect(lambda: self.save())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        with self.db.session() as session:
            records = audit_records(session, self.case_id)
            rows = [
                (
                    to_oslo(r.at).strftime("%d.%m.%Y %H:%M:%S"),
                    party_id(r.bank_org_number),
                    r.endpoint,
                    r.correlation_id or "",
                    "" if r.http_status is None else str(r.http_status),
                    r.response_status or r.outcome,
                    r.error_code or "",
                    "" if r.item_count is None else str(r.item_count),
                    str(r.attempt),
                    "" if r.duration_ms is None else str(r.duration_ms),
                )
                for r in records
            ]
            mandate = next((r.legal_mandate for r in records if r.legal_mandate), None)
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        text = self.tr("%1 requests.").replace("%1", str(len(rows)))
        if mandate:
            text += " " + self.tr("Legal basis: %1").replace("%1", mandate)
        self.summary.setText(text)

    def save(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save request log"),
                str(Path.home() / "foresporsler.csv"),
                self.tr("CSV files (*.csv)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        with written_csv(path) as stream:
            write_audit_csv(self.db, self.case_id, stream)
        return path
