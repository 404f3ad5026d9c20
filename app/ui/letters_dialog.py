"""Digital letters of a case: which banks need one, writing the letter, and its progress.

A bank outside the API, or one whose answer was partial, is asked by a letter to its Altinn
inbox. Here the user writes the letter as PDF, records that it was sent and that it was
answered, and brings the answer in with the import dialog, which marks the letter imported.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import SystemClock
from app.domain.text import QT_TRANSLATE_NOOP
from app.store import letters
from app.store.cases import CaseClosed
from app.store.db import Database
from app.ui.formatting import party_id
from app.ui.workers import CallThread

STATES = {
    "none": QT_TRANSLATE_NOOP("letters", "Letter needed"),
    "drafted": QT_TRANSLATE_NOOP("letters", "Written, not sent"),
    "sent": QT_TRANSLATE_NOOP("letters", "Sent"),
    "reminder_due": QT_TRANSLATE_NOOP("letters", "Reminder due"),
    "answered": QT_TRANSLATE_NOOP("letters", "Answered"),
    "imported": QT_TRANSLATE_NOOP("letters", "Answer imported"),
}


class LettersDialog(QDialog):
    def __init__(
        self,
        db: Database,
        case_id: int,
        user: str,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.case_id, self.user, self.language = db, case_id, user, language
        self._worker: CallThread | None = None
        self.setWindowTitle(self.tr("Digital letters"))
        self.resize(760, 360)
        self.intro = QLabel(
            self.tr(
                "Banks without a Control API, and banks whose answer was partial, are asked by "
                "digital letter. Write the letter, send it from your Altinn inbox, and import "
                "the bank's answer when it comes."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.write_button = QPushButton(self.tr("&Write letter…"), self)
        self.sent_button = QPushButton(self.tr("Mark &sent"), self)
        self.answered_button = QPushButton(self.tr("Mark &answered"), self)
        self.import_button = QPushButton(self.tr("&Import answer…"), self)
        self.write_button.clicked.connect(lambda: self.write_letter())
        self.sent_button.clicked.connect(lambda: self.mark("sent"))
        self.answered_button.clicked.connect(lambda: self.mark("answered"))
        self.import_button.clicked.connect(self.import_answer)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.status = QLabel(self)
        buttons = QHBoxLayout()
        for button in (self.write_button, self.sent_button, self.answered_button,
                       self.import_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        with self.db.session() as session:
            self.rows = letters.letter_rows(session, self.case_id, SystemClock().today())
        self.table.setHorizontalHeaderLabels(
            [self.tr("Bank"), self.tr("Org. no."), self.tr("Letter"), self.tr("Answer due")]
        )
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = [
                row.bank_name,
                party_id(row.org_number),
                QCoreApplication.translate("letters", STATES[row.status]),
                row.due_on.strftime("%d.%m.%Y") if row.due_on else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.status == "reminder_due" and column == 2:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(index, column, item)
        if self.rows and not self.table.selectedItems():
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> letters.LetterRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def write_letter(self, path: Path | None = None) -> CallThread | None:
        row = self.selected()
        if row is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Write letter"),
                str(Path.home() / f"brev-{row.org_number}.pdf"),
                self.tr("PDF files (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        from app.reports.letter import write_letter

        try:
            with self.db.session() as session:
                letters.draft(
                    session, self.case_id, row.bank_id, user=self.user, now=datetime.now(UTC)
                )
        except CaseClosed:
            self.status.setText(self._closed_text())
            return None
        db, case_id, language = self.db, self.case_id, self.language
        self._worker = CallThread(
            lambda: write_letter(db, case_id, row.bank_id, path, language=language), self
        )
        self._worker.succeeded.connect(
            lambda _: self.status.setText(self.tr("Letter written to %1").replace("%1", str(path)))
        )
        self._worker.failed.connect(self.status.setText)
        self._worker.finished.connect(self.reload)
        self._worker.start()
        return self._worker

    def mark(self, what: str) -> None:
        row = self.selected()
        if row is None:
            return
        now = datetime.now(UTC)
        try:
            with self.db.session() as session:
                letter_id = letters.draft(
                    session, self.case_id, row.bank_id, user=self.user, now=now
                )
                if what == "sent":
                    letters.mark_sent(session, letter_id, now=now)
                else:
                    letters.mark_answered(session, letter_id, now=now)
        except letters.LetterStateError:
            self.status.setText(
                self.tr("This letter has gone further already; a letter's state only moves on.")
            )
            return
        except CaseClosed:
            self.status.setText(self._closed_text())
            return
        self.reload()

    def _closed_text(self) -> str:
        return self.tr("The case is closed: its letters are kept as they were.")

    def _update_buttons(self) -> None:
        """Offer only the steps forward from the chosen letter's state."""
        row = self.selected()
        self.sent_button.setEnabled(row is not None and letters.goes_forward(row.status, "sent"))
        self.answered_button.setEnabled(
            row is not None and letters.goes_forward(row.status, "answered")
        )

    def import_answer(self) -> None:
        from app.ui.import_dialog import ImportDialog

        row = self.selected()
        dialog = ImportDialog(
            self.db, self.case_id, self.user, self, bank_org=row.org_number if row else None
        )
        dialog.exec()
        self.reload()

    def wait(self, milliseconds: int = 30_000) -> None:
        if self._worker is not None:
            self._worker.wait(milliseconds)
