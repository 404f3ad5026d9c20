"""Notes on the case, an account or a transaction: the list kept so far and a field to add one.

Every note is stored with its author and time through `app.store.browse.add_note`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import to_oslo
from app.store.browse import NoteTarget, add_note, notes_of
from app.store.db import Database


class NotesPanel(QWidget):
    """Shows and adds notes for one target at a time."""

    note_added = Signal(str, object)
    """The target kind and id that got a note."""

    def __init__(self, db: Database, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._user = user
        self._case_id: int | None = None
        self._target = NoteTarget.CASE
        self._target_id: int | None = None
        self._subject = ""

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.notes = QListWidget(self)
        self.notes.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(70)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_current)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.editor)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.add_current)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.editor)
        layout.addLayout(row)
        self.retranslate_ui()
        self._set_enabled()

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("&Add note"))
        self.add_button.setToolTip(self.tr("Add the note (Ctrl+Return)"))
        self.editor.setPlaceholderText(self.tr("Write a note…"))
        self._show_title()

    def set_target(
        self, case_id: int | None, target: NoteTarget, target_id: int | None, subject: str
    ) -> None:
        self._case_id, self._target, self._target_id = case_id, target, target_id
        self._subject = subject
        self._show_title()
        self._set_enabled()
        self.reload()

    def reload(self) -> None:
        self.notes.clear()
        if self._case_id is None:
            return
        with self._db.session() as session:
            notes = notes_of(session, self._case_id, self._target, self._target_id)
        for note in notes:
            when = to_oslo(note.created_at).strftime("%d.%m.%Y %H:%M")
            self.notes.addItem(f"{when}  {note.author}:\n{note.text}")

    def add_current(self) -> None:
        text = self.editor.toPlainText().strip()
        if not text or self._case_id is None:
            return
        self.add(text)
        self.editor.clear()

    def add(self, text: str) -> None:
        assert self._case_id is not None
        with self._db.session() as session:
            add_note(session, self._case_id, self._target, self._target_id, text, author=self._user)
        self.reload()
        self.note_added.emit(self._target.value, self._target_id)

    def _set_enabled(self) -> None:
        enabled = self._case_id is not None
        self.editor.setEnabled(enabled)
        self.add_button.setEnabled(enabled)

    def _show_title(self) -> None:
        if self._case_id is None:
            self.title.setText(self.tr("Notes"))
            return
        heading = {
            NoteTarget.CASE: self.tr("Notes on the case %1"),
            NoteTarget.ACCOUNT: self.tr("Notes on the account %1"),
            NoteTarget.TRANSACTION: self.tr("Notes on the transaction %1"),
        }[self._target]
        self.title.setText(f"<b>{heading.replace('%1', html.escape(self._subject))}</b>")
